/*
 * The audit page's groundwork: the programme-staff session (page.js), the API calls in it, the language, number
 * and date formats, a DOM helper that only ever sets text (never HTML), and CSV downloads through fetch + Blob.
 */
(function () {
  'use strict';

  const LANG_KEY = 'kulturpass.audit.lang';
  /** The page's words, from the service's catalogues (/words.js): "agreementStatus.ACTIVE" reads a code's word. */
  const t = KulturpassPage.translator(() => Audit.lang);
  /** The words of the history's changes, by the action the server records. */
  const CHANGES = {
    'partner.registered': 'changePartnerRegistered', 'partner.renamed': 'changePartnerRenamed', 'partner.venue-added': 'changeVenueAdded',
    'agreement.drafted': 'changeAgreementDrafted', 'agreement.amended': 'changeAgreementAmended', 'agreement.active': 'changeAgreementActive',
    'agreement.suspended': 'changeAgreementSuspended', 'agreement.terminated': 'changeAgreementTerminated',
    'agreement.expired': 'changeAgreementExpired'
  };
  /** The words of why an admission was outside an agreement, by the server's answer. */
  const OUTSIDE = {
    'no agreement': 'whyNoAgreement', 'before the agreement started': 'whyBeforeStart',
    'after the agreement ended': 'whyAfterEnd', 'while the agreement was not active': 'whyNotActive'
  };

  /** The word for a code of a group (a status, a kind, a reason), else the group's word for any other code, else the code. */
  function coded(group, code, otherwise) {
    const words = KulturpassPage.words(Audit.lang)[group] || {};
    if (code in words) return words[code];
    return otherwise ? t(group + '.' + otherwise) : code;
  }

  const Audit = {
    lang: KulturpassPage.language(LANG_KEY, 'en'),

    setLanguage(lang) {
      if (!KulturpassPage.languages.includes(lang)) return;
      Audit.lang = lang;
      localStorage.setItem(LANG_KEY, lang);
    },

    /** A word in the current language, {0}, {1}… replaced by the arguments. */
    t,

    /** Why a scan was refused, in words (a reason this page does not know yet reads "Other reason"). */
    reason: (code) => coded('refusalReason', code, 'OTHER'),
    kind: (code) => coded('partnerKind', code),
    status: (code) => coded('agreementStatus', code),
    transition: (code) => coded('agreementTransition', code),
    benefit: (code) => coded('benefit', code),
    category: (code) => coded('acceptedCategory', code),
    anomaly: (code) => coded('anomaly', code),
    /** A breakdown's group: a household situation in words, "unknown" in words, else as it is (an age band, a municipality). */
    group: (group) => (group === 'unknown' ? t('unknown') : coded('householdSituation', group)),
    change: (action) => (CHANGES[action] ? t(CHANGES[action]) : action),
    outside: (why) => (OUTSIDE[why] ? t(OUTSIDE[why]) : why),

    number(n) {
      return n === null || n === undefined ? '—' : new Intl.NumberFormat(Audit.lang).format(n);
    },

    euros(n) {
      return new Intl.NumberFormat(Audit.lang, { style: 'currency', currency: 'EUR' }).format(Number(n || 0));
    },

    date(iso) {
      if (!iso) return '—';
      const [y, m, d] = String(iso).slice(0, 10).split('-').map(Number);
      return new Intl.DateTimeFormat(Audit.lang, { day: 'numeric', month: 'short', year: 'numeric' })
        .format(new Date(Date.UTC(y, m - 1, d)));
    },

    dateTime(iso) {
      return iso ? new Intl.DateTimeFormat(Audit.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—';
    },

    month(yyyyMm) {
      const [y, m] = yyyyMm.split('-').map(Number);
      return new Intl.DateTimeFormat(Audit.lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
    },

    /** Calls the API in the session; an ended session or another role shows the sign-in view; other errors carry the problem's detail. */
    call(path, options = {}) {
      return KulturpassPage.call(path, options, { signIn: Audit.session.signIn,
        accept: 'application/json, application/problem+json, text/csv, application/pdf' });
    },

    async json(path, options) {
      return (await Audit.call(path, options)).json();
    },

    async send(method, path, body) {
      return Audit.json(path, { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    },

    /** Downloads a CSV in the session (the page's call: an ended session shows the sign-in view, not an error file). */
    async download(path) {
      return KulturpassPage.save(await Audit.call(path), 'kulturpass.csv');
    },

    /** An element with attributes (on… as listeners, class, data-…) and children (strings become text, never HTML). */
    el: KulturpassPage.el,

    /** A table that turns into labelled cards on a phone: columns [{label, cell(row) → node or text}]. */
    table(columns, rows, attributes = {}) {
      const el = Audit.el;
      return el('table', { class: 'data', ...attributes },
        el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label)))),
        el('tbody', {}, rows.map((row) => el('tr', row.attributes || {},
          columns.map((c) => el('td', { 'data-label': c.label, class: c.numeric ? 'num' : null }, c.cell(row)))))));
    },

    section(title, ...content) {
      return Audit.el('section', { class: 'card' }, Audit.el('h2', {}, title), ...content);
    },

    statusBadge(status) {
      return Audit.el('span', { class: 'badge status-' + (status || 'NONE').toLowerCase(), 'data-status': status || 'NONE' },
        status ? Audit.status(status) : Audit.t('noAgreement'));
    },

    figure(label, value, attributes = {}) {
      return Audit.el('div', { class: 'figure', ...attributes }, Audit.el('span', { class: 'figure-value' }, value),
        Audit.el('span', { class: 'figure-label' }, label));
    },

    csvButton(path) {
      return Audit.downloadButton(path, 'csv', t('downloadCsv'));
    },

    /** A button that downloads a file the API answers (in the page's language, sent as Accept-Language). */
    downloadButton(path, kind, label) {
      const button = Audit.el('button', { type: 'button', class: 'secondary ' + kind, ['data-' + kind]: path }, '⇩ ' + label);
      button.addEventListener('click', () => Audit.download(path).catch((e) => { if (!e.signIn) alert(t('error', e.message)); }));
      return button;
    }
  };

  Audit.session = KulturpassPage.session({ role: 'programme-staff', t: Audit.t, hide: ['tabs', 'view'], work: 'view' });
  window.Audit = Audit;
})();
