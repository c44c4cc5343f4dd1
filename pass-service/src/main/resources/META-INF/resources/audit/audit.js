/*
 * The audit page for programme staff: the partner list, one partner (agreements beside its charts),
 * what needs their eye, and the annual-report figures. Views are chosen by the address's #/… part.
 */
(function () {
  'use strict';

  const A = window.Audit;
  const el = A.el;
  const t = A.t;
  const state = { search: '', charts: [], flash: null, venues: null };
  const view = () => document.getElementById('view');
  let signedIn = false;

  function period() {
    return { from: document.getElementById('from').value, to: document.getElementById('to').value };
  }

  function query() {
    const p = period();
    return '?from=' + encodeURIComponent(p.from) + '&to=' + encodeURIComponent(p.to);
  }

  function show(...nodes) {
    state.charts.forEach((chart) => chart.destroy());
    state.charts = [];
    view().replaceChildren(...nodes);
  }

  function partnerLink(id, name) {
    return el('a', { href: '#/partners/' + id }, name || id);
  }

  // ---- the partner list -------------------------------------------------------------------------

  async function partners() {
    const list = await A.json('/statistics/partners' + query());
    const search = el('input', { type: 'search', id: 'search', value: state.search, placeholder: t('searchPlaceholder'),
      'aria-label': t('search'), autocomplete: 'off' });
    const count = el('p', { class: 'muted', id: 'partner-count' });
    const usage = (p) => p.kind === 'CULTURAL'
      ? t(p.admissions === 1 ? 'oneAdmission' : 'nAdmissions', A.number(p.admissions))
      : t(p.peopleEnrolled === 1 ? 'oneEnrolled' : 'nEnrolled', A.number(p.peopleEnrolled));
    const table = A.table([
      { label: t('partner'), cell: (p) => partnerLink(p.partnerId, p.name) },
      { label: t('kind'), cell: (p) => el('span', { class: 'kind kind-' + p.kind.toLowerCase() }, A.kind(p.kind)) },
      { label: t('agreement'), cell: (p) => A.statusBadge(p.agreementStatus) },
      { label: t('validUntil'), cell: (p) => A.date(p.agreementValidUntil) },
      { label: t('usage'), numeric: true, cell: usage }
    ], list.map((p) => ({ ...p, attributes: { 'data-partner-id': p.partnerId,
      'data-search': fold([p.name, A.kind(p.kind), p.agreementStatus ? A.status(p.agreementStatus) : t('noAgreement')].join(' ')) } })),
    { id: 'partners' });
    const filter = () => {
      state.search = search.value;
      const wanted = fold(search.value.trim());
      let shown = 0;
      table.querySelectorAll('tbody tr').forEach((row) => {
        row.hidden = wanted !== '' && !row.dataset.search.includes(wanted);
        if (!row.hidden) shown++;
      });
      count.textContent = t('partnersShown', shown, list.length);
    };
    search.addEventListener('input', filter);
    filter();
    show(el('section', { class: 'card' },
      el('div', { class: 'toolbar' }, el('label', { class: 'search' }, el('span', {}, t('search')), search),
        A.csvButton('/statistics/partners.csv' + query())),
      count, list.length ? table : el('p', { class: 'muted' }, t('none'))), window.AuditManage.newPartnerForm());
  }

  /** Lower case without accents, so "theatre" finds "Théâtre". */
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  // ---- one partner ------------------------------------------------------------------------------

  async function partner(id) {
    const [who, agreements, figures, history] = await Promise.all([A.json('/partners/' + id), A.json('/partners/' + id + '/agreements'),
      A.json('/statistics/partners/' + id + query() + '&by=month'), window.AuditManage.history(id)]);
    const cultural = who.kind === 'CULTURAL';
    const saved = (agreement) => {
      state.flash = { id: agreement.id, kind: 'done', text: t('savedAs', A.status(agreement.status)) };
      partner(id);
    };
    const charts = el('div', { class: 'charts' });
    show(el('p', {}, el('a', { href: '#/partners', class: 'back' }, t('back'))),
      el('div', { class: 'partner-head' }, el('h2', { id: 'partner-name' }, who.name),
        el('span', { class: 'kind kind-' + who.kind.toLowerCase() }, A.kind(who.kind)), A.csvButton('/statistics/partners/' + id + '.csv' + query())),
      el('div', { class: 'partner-grid' },
        A.section(t('agreements'), agreements.length
          ? agreements.slice().reverse().map((a) => agreementCard(a, id, a.status === 'DRAFT' ? window.AuditManage.editTermsBox(who, a, saved) : null))
          : el('p', { class: 'muted' }, t('noAgreement')), window.AuditManage.newAgreementBox(who, saved)),
        A.section(t('figures'), figureGrid(figures, cultural),
          cultural ? el('p', { class: 'muted small', id: 'figures-explained' }, t('partnerFiguresExplained')) : null,
          cultural ? charts : el('p', { class: 'muted' }, t('socialNoCharts')))),
      history);
    if (cultural) drawCharts(charts, figures);
  }

  function figureGrid(f, cultural) {
    const items = cultural
      ? [['admissions', A.number(f.admissions)], ['refusals', A.number(f.refusals)], ['tickets', A.number(f.tickets)],
        ['ticketValue', A.euros(f.ticketValue)], ['distinctHolders', A.number(f.distinctHolders)],
        ['placesOffered', A.number(f.placesOffered)], ['placesUsed', A.number(f.placesUsed)]]
      : [['peopleEnrolled', A.number(f.peopleEnrolled)], ['peopleApproved', A.number(f.peopleApproved)],
        ['passesIssued', A.number(f.passesIssued)], ['activeHolders', A.number(f.activeHolders)], ['admissions', A.number(f.admissions)]];
    return el('div', { class: 'figures' }, items.map(([key, value]) => A.figure(t(key), value, { 'data-figure': key })));
  }

  function months() {
    const { from, to } = period();
    const list = [];
    let [y, m] = from.split('-').map(Number);
    const [ty, tm] = to.split('-').map(Number);
    while ((y < ty || (y === ty && m <= tm)) && list.length < 120) {
      list.push(y + '-' + String(m).padStart(2, '0'));
      [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    }
    return list;
  }

  function drawCharts(container, figures) {
    const byMonth = Object.fromEntries(figures.series.map((p) => [p.period, p.admissions]));
    const monthList = months();
    const admissions = el('canvas', { id: 'chart-admissions', role: 'img', 'aria-label': t('chartAdmissions') });
    container.append(el('figure', { class: 'chart' }, el('figcaption', {}, t('chartAdmissions')), el('div', { class: 'chart-box' }, admissions)));
    state.charts.push(new Chart(admissions, {
      type: 'bar',
      data: { labels: monthList.map(A.month), datasets: [{ label: t('admissions'), data: monthList.map((m) => byMonth[m] || 0),
        backgroundColor: '#2f6f73', borderRadius: 4 }] },
      options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    }));
    const reasons = Object.keys(figures.refusalsByReason);
    if (!reasons.length) {
      container.append(el('figure', { class: 'chart' }, el('figcaption', {}, t('chartRefusals')), el('p', { class: 'muted' }, t('noRefusals'))));
      return;
    }
    const refusals = el('canvas', { id: 'chart-refusals', role: 'img', 'aria-label': t('chartRefusals'), 'data-reasons': reasons.join(',') });
    container.append(el('figure', { class: 'chart' }, el('figcaption', {}, t('chartRefusals')), el('div', { class: 'chart-box' }, refusals)));
    state.charts.push(new Chart(refusals, {
      type: 'bar',
      data: { labels: reasons.map(A.reason), datasets: [{ label: t('refusals'), data: reasons.map((r) => figures.refusalsByReason[r]),
        backgroundColor: '#c2572b', borderRadius: 4 }] },
      options: { indexAxis: 'y', animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
    }));
  }

  function agreementCard(a, partnerId, editTerms) {
    const terms = [
      [t('period'), A.date(a.validFrom) + ' – ' + A.date(a.validUntil)],
      a.benefit && [t('benefitLabel'), A.benefit(a.benefit) + (a.price ? ' · ' + A.euros(a.price) : '')],
      a.acceptedCategories && a.acceptedCategories.length && [t('categories'), a.acceptedCategories.map(A.category).join(', ')],
      a.placesPerEvent && [t('placesPerEvent'), A.number(a.placesPerEvent)],
      [t('signedOn'), a.signedOn ? A.date(a.signedOn) : t('notSigned')]
    ].filter(Boolean);
    const message = el('p', { class: 'message', role: 'status', 'data-message-for': a.id });
    if (state.flash && state.flash.id === a.id) {
      message.textContent = state.flash.text;
      message.classList.add(state.flash.kind);
      state.flash = null;
    }
    const act = (run) => async () => {
      message.className = 'message';
      message.textContent = t('loading');
      try {
        state.flash = await run();
        await partner(partnerId);
      } catch (e) {
        if (e.signIn) return;
        message.textContent = t('refused', e.message);
        message.classList.add('refused');
      }
    };
    const buttons = (a.allowedTransitions || []).map((move) => el('button', {
      type: 'button', class: move === 'TERMINATE' ? 'danger' : 'primary', 'data-transition': move,
      onclick: act(async () => {
        if (move === 'TERMINATE' && !confirm(t('confirmTerminate'))) return null;
        const moved = await A.send('POST', '/agreements/' + a.id + '/transitions', { transition: move });
        return { id: a.id, kind: 'done', text: t('done', A.status(moved.status)) };
      })
    }, A.transition(move)));
    let renewal = null;
    if (['ACTIVE', 'SUSPENDED', 'EXPIRED'].includes(a.status)) {
      const until = el('input', { type: 'date', 'data-renewal-until': a.id, value: oneYearAfter(a.validUntil) });
      renewal = el('div', { class: 'renewal' }, el('label', {}, t('renewUntil'), ' ', until), el('button', { type: 'button',
        class: 'secondary', 'data-renew': a.id, onclick: act(async () => {
          const successor = await A.send('POST', '/agreements/' + a.id + '/renewal', { validUntil: until.value });
          return { id: successor.id, kind: 'done', text: t('renewed', A.date(successor.validUntil)) };
        }) }, t('renew')));
    }
    return el('article', { class: 'agreement', 'data-agreement-id': a.id },
      el('header', {}, A.statusBadge(a.status), a.renewedFrom ? el('span', { class: 'muted small' }, t('renewedFrom')) : null),
      el('dl', {}, terms.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
      buttons.length || renewal ? el('div', { class: 'actions' }, buttons, renewal) : null, editTerms, message);
  }

  function oneYearAfter(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
  }

  // ---- what needs programme staff's eye ---------------------------------------------------------

  async function attention() {
    const [expiring, inactive, outside, anomalies, registered] = await Promise.all([
      A.json('/audit/expiring-agreements?within=60'), A.json('/audit/inactive-partners?days=90'),
      A.json('/audit/admissions-outside-agreements' + query()), A.json('/audit/anomalies' + query()), A.json('/partners')]);
    const venues = {};
    registered.forEach((p) => p.venues.forEach((v) => { venues[v.id] = { partnerId: p.id, partner: p.name, venue: v.name }; }));
    const where = (venueId) => venues[venueId]
      ? [partnerLink(venues[venueId].partnerId, venues[venueId].partner), ' · ', venues[venueId].venue] : venueId;
    const eventIds = (ids) => el('ul', { class: 'ids' }, (ids || []).map((id) => el('li', {}, el('code', {}, id))));
    const block = (key, rows, columns) => el('section', { class: 'card', id: 'attention-' + key },
      el('h2', {}, t(key), el('span', { class: 'count' + (rows.length ? ' some' : '') }, String(rows.length))),
      rows.length ? A.table(columns, rows) : el('p', { class: 'muted' }, t('none')));
    show(el('div', { class: 'attention-grid' },
      block('expiring', expiring, [
        { label: t('partner'), cell: (a) => partnerLink(a.partnerId, a.partner) },
        { label: t('agreement'), cell: (a) => A.statusBadge(a.status) },
        { label: t('validUntil'), cell: (a) => [A.date(a.validUntil), ' (', t('daysLeft', a.daysLeft), ')'] },
        { label: t('renewal'), cell: (a) => a.renewalDrafted ? '✓ ' + t('renewalDrafted') : t('noRenewal') }]),
      block('inactive', inactive, [
        { label: t('partner'), cell: (p) => partnerLink(p.partnerId, p.name) },
        { label: t('kind'), cell: (p) => A.kind(p.kind) },
        { label: t('lastActivity'), cell: (p) => p.lastActivity ? A.date(p.lastActivity) : t('never') }]),
      block('outside', outside, [
        { label: t('day'), cell: (f) => A.date(f.day) },
        { label: t('venue'), cell: (f) => where(f.venueId) },
        { label: t('why'), cell: (f) => A.outside(f.why) },
        { label: t('events'), cell: (f) => eventIds([f.eventId]) }]),
      block('anomalies', anomalies, [
        { label: t('when'), cell: (f) => A.dateTime(f.at) },
        { label: t('venue'), cell: (f) => where(f.venueId) },
        { label: t('what'), cell: (f) => [el('strong', {}, A.anomaly(f.kind)), el('br'), f.detail] },
        { label: t('events'), cell: (f) => eventIds(f.eventIds) }])));
  }

  // ---- the annual report ------------------------------------------------------------------------

  async function report() {
    const f = await A.json('/statistics/programme' + query());
    const breakdown = (key, cells) => A.section(t(key), A.table([
      { label: t('group'), cell: (c) => A.group(c.group) },
      { label: t('people'), numeric: true, cell: (c) => c.suppressed ? t('hiddenCell') : A.number(c.people) },
      { label: t('share'), numeric: true, cell: (c) => c.suppressed || !f.peopleEnrolled ? '—'
        : new Intl.NumberFormat(A.lang, { style: 'percent', maximumFractionDigits: 1 }).format(c.people / f.peopleEnrolled) }
    ], cells, { 'data-breakdown': key }));
    show(el('section', { class: 'card' },
      el('div', { class: 'toolbar' }, el('p', { class: 'muted' }, t('reportIntro')), A.csvButton('/statistics/programme.csv' + query()),
        A.downloadButton('/statistics/programme.pdf' + query(), 'pdf', t('downloadPdf'))),
      el('div', { class: 'figures' },
        A.figure(t('passesIssued'), A.number(f.passesIssued), { 'data-figure': 'passesIssued' }),
        A.figure(t('usesLabel'), A.number(f.admissions), { 'data-figure': 'uses' }),
        A.figure(t('peopleReached'), A.number(f.peopleReached), { 'data-figure': 'peopleReached' }),
        A.figure(t('peopleEnrolled'), f.peopleEnrolledSuppressed ? t('hiddenCell') : A.number(f.peopleEnrolled), { 'data-figure': 'peopleEnrolled' }),
        A.figure(t('refusals'), A.number(f.refusals), { 'data-figure': 'refusals' }),
        A.figure(t('ticketValue'), A.euros(f.ticketValue), { 'data-figure': 'ticketValue' }),
        A.figure(t('placesOffered'), A.number(f.placesOffered), { 'data-figure': 'placesOffered' }),
        A.figure(t('placesUsed'), A.number(f.placesUsed), { 'data-figure': 'placesUsed' })),
      el('p', { class: 'muted small', id: 'figures-explained' }, t('figuresExplained'))),
    el('div', { class: 'breakdowns' }, breakdown('byAgeBand', f.byAgeBand), breakdown('byHouseholdSituation', f.byHouseholdSituation),
      breakdown('byMunicipality', f.byMunicipality)),
    el('p', { class: 'muted small' }, t('smallCells')));
  }

  // ---- staff accounts (the platform's /kulturpass/accounts.js), with the partner choice and the record of changes ----

  async function accounts() {
    const registered = await A.json('/partners');
    const partners = registered.flatMap((p) => p.kind === 'SOCIAL' ? [{ id: p.id, name: p.name, kind: 'agency' }]
      : (p.venues || []).map((v) => ({ id: v.id, name: p.name + ' — ' + v.name, kind: 'venue' })));
    const box = el('div', { id: 'accounts', class: 'card' });
    show(box);
    window.KulturpassAccounts.mount(box, { lang: A.lang, signIn: A.session.signIn, partners, changes: true });
  }

  // ---- the frame: labels, period, language, routes ------------------------------------------------

  function labels() {
    document.documentElement.lang = A.lang;
    document.title = t('title');
    document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    const choice = document.getElementById('lang');
    choice.replaceChildren(...KulturpassPage.languages.map((l) => el('option', { value: l }, t('languageName.' + l.toUpperCase()))));
    choice.value = A.lang;
    A.session.translate();
  }

  async function route() {
    if (!signedIn) return;
    const hash = location.hash || '#/partners';
    const tab = hash.startsWith('#/attention') ? 'attention' : hash.startsWith('#/report') ? 'report'
      : hash.startsWith('#/accounts') ? 'accounts' : 'partners';
    document.querySelectorAll('#tabs a').forEach((a) => a.classList.toggle('active', a.dataset.tab === tab));
    view().setAttribute('aria-busy', 'true');
    try {
      const one = hash.match(/^#\/partners\/([0-9a-f-]{36})/);
      if (one) await partner(one[1]);
      else if (tab === 'attention') await attention();
      else if (tab === 'report') await report();
      else if (tab === 'accounts') await accounts();
      else await partners();
      A.session.restoreDraft();
    } catch (e) {
      if (!e.signIn) show(el('p', { class: 'message refused', role: 'alert' }, t('error', e.message)));
    } finally {
      view().removeAttribute('aria-busy');
      view().dataset.ready = hash;
    }
  }

  async function start() {
    const year = new Date().getFullYear();
    document.getElementById('from').value = sessionStorage.getItem('kulturpass.audit.from') || year + '-01-01';
    document.getElementById('to').value = sessionStorage.getItem('kulturpass.audit.to') || year + '-12-31';
    ['from', 'to'].forEach((id) => document.getElementById(id).addEventListener('change', (e) => {
      if (!e.target.value) return;
      sessionStorage.setItem('kulturpass.audit.' + id, e.target.value);
      route();
    }));
    document.getElementById('lang').addEventListener('change', (e) => {
      A.setLanguage(e.target.value);
      labels();
      route();
    });
    labels();
    signedIn = !['wrong-role', 'signed-out'].includes(await A.session.start());
    window.addEventListener('hashchange', route);
    route();
  }

  start();
})();
