/*
 * Staff accounts on any Kulturpass page, served by every service at /kulturpass/accounts.js (needs /kulturpass/page.js
 * first): the accounts the signed-in person may manage (GET /accounts of the page's own service), an invitation form
 * that shows the new person's one-time password once, Disable and Enable buttons, and, on the audit page, the record of
 * changes (GET /accounts/changes, pass-service). Its words are the platform's catalogue AccountsWords ("accounts…",
 * "staffRole", "accountChange"), served with every service's words (/words.js): none are kept here.
 *
 *   const accounts = KulturpassAccounts.mount(element, {
 *     lang: 'fr',                       // fr, de, en or lb
 *     signIn: session.signIn,           // the page's session (KulturpassPage.session): an ended session signs in again
 *     partners: [{ id, name, kind }],   // programme staff only: the partners to choose from (kind 'agency' or 'venue')
 *     changes: true                     // shows the record of changes (only where GET /accounts/changes is served)
 *   });
 *   accounts.translate('de');           // after the page's language changed
 *
 * What the person may do follows their role (GET /me): programme staff invite any role for any partner, a venue
 * manager box-office staff for their venue, an agency's lead worker workers for their agency; the server decides.
 */
(function () {
  'use strict';

  const el = KulturpassPage.el;
  const ROLE_CHOICES = ['box-office', 'venue-manager', 'agency-staff', 'agency-lead', 'programme-staff'];
  const VENUE_ROLES = ['box-office', 'venue-manager'];

  function ensureStyles() {
    if (document.querySelector('link[data-kulturpass-accounts]')) return;
    document.head.append(el('link', { rel: 'stylesheet', href: '/kulturpass/accounts.css', 'data-kulturpass-accounts': true }));
  }

  function mount(root, options) {
    ensureStyles();
    let lang = KulturpassPage.languages.includes(options.lang) ? options.lang : 'en';
    const t = KulturpassPage.translator(() => lang);
    /** A role (programme-staff…) in words. */
    const roleWord = (role) => t('staffRole.' + role.toUpperCase().replace(/-/g, '_'));
    const partners = options.partners || [];
    const state = { me: null, partnerId: '', accounts: [], changes: [], message: null, invited: null };

    const call = (path, init) => KulturpassPage.call(path, init || {}, { signIn: options.signIn, forbiddenWithDetail: true });
    const json = async (path, init) => (await call(path, init)).json();
    const programme = () => state.me && state.me.roles.includes('programme-staff');
    const partnerName = (id) => {
      const known = partners.find((p) => p.id === id);
      return id ? (known ? known.name : id) : t('accountsNoPartner');
    };
    const roleWords = (roles) => roles.filter((r) => !(r === 'agency-staff' && roles.includes('agency-lead')))
      .map(roleWord).join(', ');
    const when = (iso) => iso ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—';

    /** The roles this person may invite: what the server allows them, so the form offers no choice it would refuse. */
    function invitable() {
      if (programme()) return ROLE_CHOICES;
      if (state.me.roles.includes('venue-manager')) return ['box-office'];
      return ['agency-staff'];
    }

    async function load() {
      const query = programme() && state.partnerId ? '?partnerId=' + encodeURIComponent(state.partnerId) : '';
      state.accounts = await json('/accounts' + query);
      if (options.changes) state.changes = await json('/accounts/changes' + query);
    }

    async function act(action, work) {
      state.message = null;
      try {
        await work();
        await load();
      } catch (e) {
        if (e.signIn) return;
        state.message = { text: t(e.status >= 400 && e.status < 500 ? 'accountsRefused' : 'accountsError', e.message), refused: true };
      }
      render();
    }

    function partnerChoice() {
      if (!programme() || !partners.length) return null;
      const select = el('select', { id: 'accounts-partner', onchange: (e) => { state.partnerId = e.target.value; state.invited = null; act('load', async () => {}); } },
        el('option', { value: '' }, t('accountsAllPartners')),
        partners.map((p) => el('option', { value: p.id, selected: p.id === state.partnerId }, p.name)));
      return el('label', { class: 'accounts-field' }, el('span', {}, t('accountsPartner')), select);
    }

    function list() {
      if (!state.accounts.length) return el('p', { class: 'muted', id: 'accounts-none' }, t('accountsNone'));
      return el('div', { class: 'accounts-scroll' }, el('table', { class: 'data accounts-table', id: 'accounts-table' },
        el('thead', {}, el('tr', {}, [t('accountsUsername'), t('accountsName'), t('accountsEmail'), t('accountsRole'), t('accountsPartner'), t('accountsStatus'), t('accountsCreated')]
          .map((label) => el('th', { scope: 'col' }, label)), el('th', { scope: 'col' }, el('span', { class: 'accounts-hidden' }, t('accountsActions'))))),
        el('tbody', {}, state.accounts.map((a) => el('tr', { 'data-account': a.username, 'data-account-id': a.id },
          el('td', { 'data-label': t('accountsUsername') }, a.username),
          el('td', { 'data-label': t('accountsName') }, [a.firstName, a.lastName].filter(Boolean).join(' ')),
          el('td', { 'data-label': t('accountsEmail') }, a.email || '—'),
          el('td', { 'data-label': t('accountsRole') }, roleWords(a.roles)),
          el('td', { 'data-label': t('accountsPartner') }, partnerName(a.partnerId)),
          el('td', { 'data-label': t('accountsStatus') }, el('span', { class: 'accounts-status ' + (a.enabled ? 'on' : 'off') }, t(a.enabled ? 'accountsEnabled' : 'accountsDisabled'))),
          el('td', { 'data-label': t('accountsCreated') }, when(a.created)),
          el('td', {}, a.username === state.me.user ? null : el('button', {
            type: 'button', class: a.enabled ? 'danger' : 'secondary', 'data-action': a.enabled ? 'disable' : 'enable',
            'aria-label': t(a.enabled ? 'accountsDisable' : 'accountsEnable') + ' ' + a.username,
            onclick: () => {
              if (a.enabled && !window.confirm(t('accountsConfirmDisable', a.username))) return;
              act('change', async () => {
                await call('/accounts/' + encodeURIComponent(a.id) + (a.enabled ? '/disable' : '/enable'), { method: 'POST' });
                state.invited = null;
                state.message = { text: t(a.enabled ? 'accountsDisabledDone' : 'accountsEnabledDone', a.username) };
              });
            } }, t(a.enabled ? 'accountsDisable' : 'accountsEnable'))))))));
    }

    function inviteForm() {
      const roles = invitable();
      const field = (id, label, attributes = {}, hint) => el('label', { class: 'accounts-field', for: id }, el('span', {}, label),
        el('input', { id, name: id, required: true, ...attributes }), hint && el('small', { class: 'muted' }, hint));
      const role = el('select', { id: 'invite-role', name: 'invite-role', required: true },
        roles.map((r) => el('option', { value: r }, roleWord(r))));
      const partnerSelect = el('select', { id: 'invite-partner', name: 'invite-partner' });
      const partnerField = el('label', { class: 'accounts-field', for: 'invite-partner' }, el('span', {}, t('accountsPartner')), partnerSelect);
      const fitPartners = () => {
        const chosen = role.value;
        const kind = VENUE_ROLES.includes(chosen) ? 'venue' : 'agency';
        partnerField.hidden = !programme() || chosen === 'programme-staff';
        const keep = partnerSelect.value || state.partnerId;
        partnerSelect.replaceChildren(...partners.filter((p) => p.kind === kind)
          .map((p) => el('option', { value: p.id, selected: p.id === keep }, p.name)));
      };
      role.addEventListener('change', fitPartners);
      fitPartners();
      const form = el('form', { id: 'invite-form', class: 'accounts-invite', novalidate: false },
        el('h3', {}, t('accountsInvite')),
        el('div', { class: 'accounts-grid' },
          field('invite-username', t('accountsUsername'), { autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', pattern: '[a-z0-9][a-z0-9._\\-]{2,63}' }, t('accountsUsernameHint')),
          field('invite-first-name', t('accountsFirstName'), { autocomplete: 'off' }),
          field('invite-last-name', t('accountsLastName'), { autocomplete: 'off' }),
          field('invite-email', t('accountsEmail'), { type: 'email', autocomplete: 'off' }),
          roles.length > 1 ? el('label', { class: 'accounts-field', for: 'invite-role' }, el('span', {}, t('accountsRole')), role)
            : el('p', { class: 'accounts-field' }, el('span', {}, t('accountsRole')), el('strong', {}, roleWord(roles[0])), (role.hidden = true, role)),
          partnerField),
        el('button', { type: 'submit', class: 'primary', id: 'invite-submit' }, t('accountsInviteSubmit')));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const value = (id) => form.querySelector('#' + id).value.trim();
        const chosen = role.value;
        const body = { username: value('invite-username'), firstName: value('invite-first-name'), lastName: value('invite-last-name'),
          email: value('invite-email'), role: chosen === 'agency-lead' ? 'agency-staff' : chosen, lead: chosen === 'agency-lead' || undefined,
          partnerId: programme() && chosen !== 'programme-staff' ? partnerSelect.value || undefined : undefined };
        act('invite', async () => {
          const created = await json('/accounts', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
          state.invited = { username: created.account.username, name: created.account.firstName, password: created.temporaryPassword };
        });
      });
      return form;
    }

    function invitedBox() {
      if (!state.invited) return null;
      const password = el('code', { id: 'invited-password', class: 'accounts-password' }, state.invited.password);
      const copy = el('button', { type: 'button', class: 'secondary', onclick: async () => {
        try { await navigator.clipboard.writeText(state.invited.password); copy.textContent = t('accountsCopied'); } catch (denied) { /* shown anyway */ }
      } }, t('accountsCopy'));
      return el('div', { class: 'accounts-invited', id: 'invited', role: 'status' },
        el('p', {}, el('strong', {}, t('accountsInvited', state.invited.username))), el('p', {}, password, ' ', copy),
        el('p', {}, t('accountsHandOver', state.invited.name || state.invited.username)));
    }

    function changes() {
      if (!options.changes) return null;
      const row = (c) => el('tr', { 'data-change': c.action, 'data-account': c.username },
        el('td', { 'data-label': t('accountsWhen') }, when(c.at)),
        el('td', { 'data-label': t('accountsAccount') }, c.username + (c.role ? ' (' + roleWord(c.role) + ')' : '')),
        el('td', { 'data-label': t('accountsWhat') }, t('accountChange.' + c.action)),
        el('td', { 'data-label': t('accountsPartner') }, partnerName(c.partnerId)),
        el('td', { 'data-label': t('accountsWho') }, (c.actorUsername || c.actorId) + (c.actorRole ? ' (' + roleWord(c.actorRole) + ')' : '')));
      const table = el('div', { class: 'accounts-scroll' }, el('table', { class: 'data accounts-table', id: 'accounts-changes' },
        el('thead', {}, el('tr', {}, [t('accountsWhen'), t('accountsAccount'), t('accountsWhat'), t('accountsPartner'), t('accountsWho')].map((l) => el('th', { scope: 'col' }, l)))),
        el('tbody', {}, state.changes.map(row))));
      return el('section', { class: 'accounts-changes', 'aria-labelledby': 'accounts-changes-title' },
        el('h3', { id: 'accounts-changes-title' }, t('accountsChanges')),
        state.changes.length ? table : el('p', { class: 'muted' }, t('accountsNoChanges')));
    }

    function render() {
      if (!state.me) return;
      const whose = programme() ? t('accountsEveryone') : state.me.roles.includes('venue-manager') ? t('accountsYourVenue') : t('accountsYourAgency');
      root.replaceChildren(el('section', { class: 'kulturpass-accounts', 'aria-labelledby': 'accounts-title' },
        el('h2', { id: 'accounts-title' }, t('accountsTitle')),
        el('p', { class: 'muted' }, t('accountsIntro', whose)),
        partnerChoice(),
        state.message && el('p', { class: 'message' + (state.message.refused ? ' refused' : ''), id: 'accounts-message', role: 'alert' }, state.message.text),
        invitedBox(),
        list(),
        inviteForm(),
        changes()));
      root.dataset.partner = state.partnerId;
      root.dataset.ready = 'true';
    }

    const view = {
      translate(next) {
        if (KulturpassPage.languages.includes(next)) lang = next;
        render();
      },
      async refresh() {
        await act('load', async () => {});
      }
    };
    (async () => {
      try {
        const me = await json('/me');
        state.me = me;
        await load();
      } catch (e) {
        if (e.signIn) return;
        // the section says why it cannot show the accounts (no account management here, a service away)
        root.replaceChildren(el('section', { class: 'kulturpass-accounts', 'aria-labelledby': 'accounts-title' },
          el('h2', { id: 'accounts-title' }, t('accountsTitle')),
          el('p', { class: 'message refused', role: 'alert', id: 'accounts-message' }, t('accountsError', e.message))));
        root.dataset.ready = 'true';
        return;
      }
      render();
    })();
    return view;
  }

  window.KulturpassAccounts = { mount };
})();
