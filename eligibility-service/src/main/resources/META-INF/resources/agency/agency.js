/*
 * The agency page: the agency-staff session (page.js), API calls in it, and the views for people, renewals and the CSV
 * import. households.js adds enrolment. The words are the service's catalogue (/words.js), in the page's language.
 */
(function () {
  'use strict';

  const LANG_KEY = 'kulturpass.agency.lang';
  const translate = KulturpassPage.translator(() => K.lang);
  const views = {};

  const K = {
    lang: KulturpassPage.language(LANG_KEY, 'en'),
    views,
    acting: true,

    t(key, ...args) {
      return translate(key, ...args);
    },

    reason(code) {
      return translate('reasonCode.' + code);
    },

    date(iso) {
      if (!iso) return '—';
      const [y, m, d] = String(iso).slice(0, 10).split('-').map(Number);
      return new Intl.DateTimeFormat(K.lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
        .format(new Date(Date.UTC(y, m - 1, d)));
    },

    /** An element whose children are nodes or text (never HTML); on… attributes become listeners. */
    el: KulturpassPage.el,

    /** Calls the API in the session; an ended session, or a 403 without a problem detail, shows the sign-in view. */
    call(path, options = {}) {
      return KulturpassPage.call(path, options, { signIn: K.session.signIn, forbiddenWithDetail: true,
        accept: 'application/json, application/problem+json, application/pdf, text/csv' });
    },

    async json(path, options) {
      return (await K.call(path, options)).json();
    },

    async send(method, path, body) {
      return K.json(path, { method, body: JSON.stringify(body || {}), headers: { 'Content-Type': 'application/json' } });
    },

    /** Saves what the API answers (a PDF or CSV) as a file; an ended session shows the sign-in view, not an error file. */
    async download(method, path, body, fallbackName) {
      const response = await K.call(path, { method, body: body ? JSON.stringify(body) : undefined,
        headers: body ? { 'Content-Type': 'application/json' } : {} });
      return KulturpassPage.save(response, fallbackName);
    },

    /** A line at the top of the page; an error there is announced, scrolled into sight and focused. */
    flash(text, bad) {
      const flash = document.getElementById('flash');
      flash.textContent = text;
      flash.className = bad ? 'flash bad' : 'flash';
      flash.setAttribute('role', bad ? 'alert' : 'status');
      flash.hidden = false;
      if (bad) {
        flash.scrollIntoView({ block: 'nearest' });
        flash.focus({ preventScroll: true });
      }
    },

    /**
     * Runs an action; its failure shows the server's sentence, announced, next to `origin` (the button, form or field
     * that started it: after its row), or at the top of the page when there is none.
     */
    async act(action, origin) {
      document.querySelectorAll('.action-error').forEach((old) => old.remove());
      try {
        await action();
      } catch (e) {
        if (!e.signIn) K.failed(K.t('error', e.message), origin);
      }
    },

    failed(text, origin) {
      if (!origin || !origin.isConnected) {
        K.flash(text, true);
        return;
      }
      const error = K.el('p', { class: 'flash bad action-error', role: 'alert' }, text);
      (origin.closest('.row, label') || origin).after(error);
      error.scrollIntoView({ block: 'nearest' });
    },

    show(...nodes) {
      document.getElementById('view').replaceChildren(...nodes.filter(Boolean));
    },

    badge(status) {
      return K.el('span', { class: 'badge status-' + status.toLowerCase(), 'data-status': status }, K.t('enrolmentStatus.' + status));
    },

    table(columns, rows, attributes = {}) {
      const el = K.el;
      return el('table', { class: 'data', ...attributes },
        el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, c.label)))),
        el('tbody', {}, rows.map((row) => el('tr', row.attributes || {}, columns.map((c) => el('td', { 'data-label': c.label }, c.cell(row)))))));
    },

    go(hash) {
      if (location.hash === hash) route(); else location.hash = hash;
    }
  };
  K.session = KulturpassPage.session({ role: 'agency-staff', t: K.t, hide: ['tabs', 'view', 'not-acting'], work: 'view' });
  window.Agency = K;
  const el = K.el;
  const t = K.t;

  // ---- people -----------------------------------------------------------------------------------

  let searchTimer = null;
  views.people = async function (query = '') {
    const search = el('input', { type: 'search', id: 'search', value: query, placeholder: t('searchPlaceholder'), autocomplete: 'off' });
    const results = el('div', { id: 'people' });
    const load = async () => {
      const people = await K.json('/beneficiaries' + (search.value.trim() ? '?q=' + encodeURIComponent(search.value.trim()) : ''));
      results.replaceChildren(el('p', { class: 'muted', id: 'people-count' }, t('peopleShown', people.length)), people.length
        ? K.table([
          { label: t('name'), cell: (p) => el('a', { href: '#/enrolments/' + p.enrolmentId }, p.firstName + ' ' + p.lastName) },
          { label: t('birthDate'), cell: (p) => K.date(p.birthDate) },
          { label: t('statusColumn'), cell: (p) => [K.badge(p.status), p.enrolledElsewhere ? el('div', { class: 'elsewhere' }, t('elsewhere')) : null] },
          { label: t('card'), cell: (p) => p.passNumber || '—' },
          { label: t('validUntilColumn'), cell: (p) => K.date(p.validUntil) }
        ], people.map((p) => ({ ...p, attributes: { 'data-beneficiary-id': p.id } })), { id: 'people-table' })
        : el('p', { class: 'muted' }, t('none')));
    };
    search.addEventListener('input', () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => K.act(load, search), 250);
    });
    K.show(el('h1', { class: 'visually-hidden' }, t('tabPeople')), el('section', { class: 'card' },
      el('label', {}, t('search'), search),
      el('div', { class: 'row' }, el('button', { type: 'button', id: 'export', onclick: (event) => K.act(() =>
        K.download('GET', '/exports/beneficiaries.csv?lang=' + K.lang, null, 'kulturpass-beneficiaries.csv'), event.currentTarget) }, '⇩ ' + t('exportCsv')))),
    el('section', { class: 'card' }, results));
    await load();
  };

  // ---- renewals ---------------------------------------------------------------------------------

  views.renewals = async function () {
    const due = await K.json('/enrolments/due-for-renewal');
    K.show(el('section', { class: 'card' }, el('h1', {}, t('dueForRenewal')), due.length
      ? K.table([
        { label: t('column.HOUSEHOLD'), cell: (e) => el('a', { href: '#/enrolments/' + e.id }, e.members.map((m) => m.firstName + ' ' + m.lastName).join(', ')) },
        { label: t('statusColumn'), cell: (e) => K.badge(e.status) },
        { label: t('validUntilColumn'), cell: (e) => K.date(e.validUntil) }
      ], due.map((e) => ({ ...e, attributes: { 'data-enrolment-id': e.id } })), { id: 'renewals-table' })
      : el('p', { class: 'muted' }, t('noneDue'))));
  };

  // ---- CSV import -------------------------------------------------------------------------------

  views.import = async function () {
    const file = el('input', { type: 'file', id: 'import-file', accept: '.csv,text/csv', required: true });
    const approve = el('input', { type: 'checkbox', id: 'import-approve' });
    const report = el('div', { id: 'import-report' });
    const form = el('form', { id: 'import-form' },
      el('p', { class: 'muted' }, t('importHint')),
      el('label', {}, t('importFile'), file),
      el('label', { class: 'check' }, approve, el('span', {}, t('approveImport'))),
      el('div', { class: 'row' }, el('button', { type: 'submit', class: 'primary', disabled: !K.acting }, t('importButton'))));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      K.act(async () => {
        const body = await file.files[0].arrayBuffer();
        const result = await K.json('/imports?approve=' + approve.checked, { method: 'POST', body, headers: { 'Content-Type': 'text/csv' } });
        report.replaceChildren(...[
          el('p', { id: 'import-summary' }, t('importReport', result.rows, result.imported, result.households, result.approved, result.badRows.length)),
          result.ignoredColumns.length ? el('p', { class: 'muted' }, t('ignoredColumns', result.ignoredColumns.join(', '))) : null,
          result.badRows.length ? K.table([{ label: t('line'), cell: (r) => String(r.line) },
            { label: t('problems'), cell: (r) => el('ul', { class: 'problems' }, r.problems.map((problem) => el('li', {}, problem))) }],
          result.badRows, { id: 'bad-rows' }) : null].filter(Boolean));
      }, event.submitter || form);
    });
    K.show(el('section', { class: 'card' }, el('h1', {}, t('importTitle')), form, report));
  };

  // ---- the agency's staff accounts, for its lead worker (the platform's /kulturpass/accounts.js) ----------------

  views.accounts = async function () {
    if (!K.session.has('agency-lead')) return views.people();
    const box = el('div', { class: 'card', id: 'accounts' });
    K.show(el('h1', { class: 'visually-hidden' }, t('tabAccounts')), box);
    window.KulturpassAccounts.mount(box, { lang: K.lang, signIn: K.session.signIn });
  };

  // ---- routing, language, agency status ----------------------------------------------------------

  function translateStatic() {
    document.documentElement.lang = K.lang;
    document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    document.title = t('title');
    const select = document.getElementById('lang');
    select.replaceChildren(...KulturpassPage.languages.map((code) => el('option', { value: code }, t('languageName.' + code.toUpperCase()))));
    select.value = K.lang;
    K.session.translate();
  }

  async function agencyStatus() {
    const agency = await K.json('/agencies/mine');
    K.acting = agency.acting;
    const badge = document.getElementById('agency-status');
    if (agency.name) K.session.partner(agency.name);
    badge.textContent = t(agency.acting ? 'acting' : 'notActingBadge');
    badge.className = 'badge ' + (agency.acting ? 'acting' : 'not-acting');
    document.getElementById('not-acting').hidden = agency.acting;
  }

  async function route() {
    const hash = location.hash || '#/people';
    const [, tab, id] = hash.match(/^#\/([a-z]+)(?:\/([0-9a-f-]+))?/) || [null, 'people'];
    document.querySelectorAll('.tabs a').forEach((a) => a.classList.toggle('active', a.dataset.tab === tab
      || (tab === 'enrolments' && a.dataset.tab === 'people')));
    const view = views[tab === 'enrolments' ? 'household' : tab] || views.people;
    await K.act(async () => {
      await view(id);
      K.session.restoreDraft();
    });
  }
  K.route = route;

  document.addEventListener('DOMContentLoaded', async () => {
    let signedIn = false;
    translateStatic();
    document.getElementById('lang').addEventListener('change', (event) => {
      K.lang = event.target.value;
      localStorage.setItem(LANG_KEY, K.lang);
      translateStatic();
      if (!signedIn) return;
      K.act(agencyStatus);
      route();
    });
    window.addEventListener('hashchange', () => {
      document.getElementById('flash').hidden = true;
      if (signedIn) route();
    });
    signedIn = !['wrong-role', 'signed-out'].includes(await K.session.start());
    if (!signedIn) return;
    document.getElementById('tab-accounts').hidden = !K.session.has('agency-lead');
    await K.act(agencyStatus);
    await route();
  });
})();
