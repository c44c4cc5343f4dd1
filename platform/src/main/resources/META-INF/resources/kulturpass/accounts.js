/*
 * Staff accounts on any Kulturpass page, served by every service at /kulturpass/accounts.js (needs /kulturpass/page.js
 * first): the accounts the signed-in person may manage (GET /accounts of the page's own service), an invitation form
 * that shows the new person's one-time password once, Disable and Enable buttons, and, on the audit page, the record of
 * changes (GET /accounts/changes, pass-service). Words in French, German and English are kept here, in one catalogue.
 *
 *   const accounts = KulturpassAccounts.mount(element, {
 *     lang: 'fr',                       // fr, de or en
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

  const WORDS = {
    en: {
      title: 'Staff accounts', intro: 'The people who sign in to Kulturpass for {0}. A disabled account can no longer sign in, and loses access within minutes.',
      everyone: 'every partner', yourVenue: 'your venue', yourAgency: 'your agency',
      partner: 'Partner', allPartners: 'All partners', noPartner: 'none (programme)', username: 'User name', name: 'Name',
      firstName: 'First name', lastName: 'Last name', email: 'E-mail address', role: 'Role', status: 'Status', created: 'Created',
      enabled: 'Active', disabled: 'Disabled', disable: 'Disable', enable: 'Enable', none: 'No accounts to show.',
      confirmDisable: 'Disable the account {0}? They will lose access within minutes.',
      invite: 'Invite a person', inviteSubmit: 'Create the account', lead: 'Agency lead worker',
      usernameHint: 'lower-case letters, digits, dots or dashes, e.g. marie.muller',
      invited: 'The account {0} is ready.',
      handOver: 'One-time password: hand it to {0} yourself (in person or by phone, not by e-mail). It is shown only this once; at their first sign-in they choose their own password.',
      copied: 'Copied', copy: 'Copy', disabledDone: 'The account {0} is disabled.', enabledDone: 'The account {0} is active again.',
      refused: 'Refused: {0}', error: 'Something went wrong: {0}',
      changes: 'Changes of accounts', when: 'When', account: 'Account', what: 'What', who: 'By', noChanges: 'No changes recorded.',
      INVITED: 'invited', DISABLED: 'disabled', ENABLED: 'enabled again',
      'role.programme-staff': 'Programme staff', 'role.agency-staff': 'Agency worker', 'role.agency-lead': 'Agency lead worker',
      'role.box-office': 'Box office', 'role.venue-manager': 'Venue manager'
    },
    fr: {
      title: 'Comptes du personnel', intro: 'Les personnes qui se connectent à Kulturpass pour {0}. Un compte désactivé ne peut plus se connecter et perd l\u2019accès en quelques minutes.',
      everyone: 'tous les partenaires', yourVenue: 'votre lieu', yourAgency: 'votre office social',
      partner: 'Partenaire', allPartners: 'Tous les partenaires', noPartner: 'aucun (programme)', username: 'Nom d\u2019utilisateur', name: 'Nom',
      firstName: 'Prénom', lastName: 'Nom', email: 'Adresse e-mail', role: 'Rôle', status: 'État', created: 'Créé le',
      enabled: 'Actif', disabled: 'Désactivé', disable: 'Désactiver', enable: 'Réactiver', none: 'Aucun compte à afficher.',
      confirmDisable: 'Désactiver le compte {0} ? La personne perdra l\u2019accès en quelques minutes.',
      invite: 'Inviter une personne', inviteSubmit: 'Créer le compte', lead: 'Responsable d\u2019office social',
      usernameHint: 'lettres minuscules, chiffres, points ou tirets, p. ex. marie.muller',
      invited: 'Le compte {0} est prêt.',
      handOver: 'Mot de passe à usage unique : remettez-le vous-même à {0} (en personne ou par téléphone, pas par e-mail). Il n\u2019est affiché qu\u2019une fois ; à sa première connexion, la personne choisit son propre mot de passe.',
      copied: 'Copié', copy: 'Copier', disabledDone: 'Le compte {0} est désactivé.', enabledDone: 'Le compte {0} est de nouveau actif.',
      refused: 'Refusé : {0}', error: 'Un problème est survenu : {0}',
      changes: 'Modifications des comptes', when: 'Quand', account: 'Compte', what: 'Quoi', who: 'Par', noChanges: 'Aucune modification enregistrée.',
      INVITED: 'invité', DISABLED: 'désactivé', ENABLED: 'réactivé',
      'role.programme-staff': 'Équipe du programme', 'role.agency-staff': 'Travailleur·se social·e', 'role.agency-lead': 'Responsable d\u2019office social',
      'role.box-office': 'Caisse', 'role.venue-manager': 'Responsable de lieu'
    },
    de: {
      title: 'Konten der Mitarbeitenden', intro: 'Die Personen, die sich für {0} bei Kulturpass anmelden. Ein deaktiviertes Konto kann sich nicht mehr anmelden und verliert den Zugang innerhalb von Minuten.',
      everyone: 'alle Partner', yourVenue: 'Ihren Spielort', yourAgency: 'Ihren Sozialdienst',
      partner: 'Partner', allPartners: 'Alle Partner', noPartner: 'keiner (Programm)', username: 'Benutzername', name: 'Name',
      firstName: 'Vorname', lastName: 'Nachname', email: 'E-Mail-Adresse', role: 'Rolle', status: 'Status', created: 'Angelegt',
      enabled: 'Aktiv', disabled: 'Deaktiviert', disable: 'Deaktivieren', enable: 'Wieder aktivieren', none: 'Keine Konten anzuzeigen.',
      confirmDisable: 'Das Konto {0} deaktivieren? Die Person verliert den Zugang innerhalb von Minuten.',
      invite: 'Eine Person einladen', inviteSubmit: 'Konto anlegen', lead: 'Leitung des Sozialdienstes',
      usernameHint: 'Kleinbuchstaben, Ziffern, Punkte oder Bindestriche, z. B. marie.muller',
      invited: 'Das Konto {0} ist bereit.',
      handOver: 'Einmal-Passwort: Geben Sie es {0} selbst (persönlich oder am Telefon, nicht per E-Mail). Es wird nur dieses eine Mal gezeigt; bei der ersten Anmeldung wählt die Person ihr eigenes Passwort.',
      copied: 'Kopiert', copy: 'Kopieren', disabledDone: 'Das Konto {0} ist deaktiviert.', enabledDone: 'Das Konto {0} ist wieder aktiv.',
      refused: 'Abgelehnt: {0}', error: 'Etwas ist schiefgegangen: {0}',
      changes: 'Änderungen an Konten', when: 'Wann', account: 'Konto', what: 'Was', who: 'Durch', noChanges: 'Keine Änderungen erfasst.',
      INVITED: 'eingeladen', DISABLED: 'deaktiviert', ENABLED: 'wieder aktiviert',
      'role.programme-staff': 'Programm-Team', 'role.agency-staff': 'Sozialarbeiter·in', 'role.agency-lead': 'Leitung des Sozialdienstes',
      'role.box-office': 'Kasse', 'role.venue-manager': 'Leitung des Spielorts'
    }
  };

  function ensureStyles() {
    if (document.querySelector('link[data-kulturpass-accounts]')) return;
    document.head.append(el('link', { rel: 'stylesheet', href: '/kulturpass/accounts.css', 'data-kulturpass-accounts': true }));
  }

  function mount(root, options) {
    ensureStyles();
    let lang = WORDS[options.lang] ? options.lang : 'en';
    const t = (key, ...args) => String((WORDS[lang][key] ?? WORDS.en[key] ?? key)).replace(/\{(\d)\}/g, (_, i) => args[Number(i)]);
    const partners = options.partners || [];
    const state = { me: null, partnerId: '', accounts: [], changes: [], message: null, invited: null };

    const call = (path, init) => KulturpassPage.call(path, init || {}, { signIn: options.signIn, forbiddenWithDetail: true });
    const json = async (path, init) => (await call(path, init)).json();
    const programme = () => state.me && state.me.roles.includes('programme-staff');
    const partnerName = (id) => {
      const known = partners.find((p) => p.id === id);
      return id ? (known ? known.name : id) : t('noPartner');
    };
    const roleWords = (roles) => roles.filter((r) => !(r === 'agency-staff' && roles.includes('agency-lead')))
      .map((r) => t('role.' + r)).join(', ');
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
        state.message = { text: t(e.status >= 400 && e.status < 500 ? 'refused' : 'error', e.message), refused: true };
      }
      render();
    }

    function partnerChoice() {
      if (!programme() || !partners.length) return null;
      const select = el('select', { id: 'accounts-partner', onchange: (e) => { state.partnerId = e.target.value; state.invited = null; act('load', async () => {}); } },
        el('option', { value: '' }, t('allPartners')),
        partners.map((p) => el('option', { value: p.id, selected: p.id === state.partnerId }, p.name)));
      return el('label', { class: 'accounts-field' }, el('span', {}, t('partner')), select);
    }

    function list() {
      if (!state.accounts.length) return el('p', { class: 'muted', id: 'accounts-none' }, t('none'));
      return el('div', { class: 'accounts-scroll' }, el('table', { class: 'data accounts-table', id: 'accounts-table' },
        el('thead', {}, el('tr', {}, [t('username'), t('name'), t('email'), t('role'), t('partner'), t('status'), t('created'), '']
          .map((label) => el('th', { scope: 'col' }, label)))),
        el('tbody', {}, state.accounts.map((a) => el('tr', { 'data-account': a.username, 'data-account-id': a.id },
          el('td', { 'data-label': t('username') }, a.username),
          el('td', { 'data-label': t('name') }, [a.firstName, a.lastName].filter(Boolean).join(' ')),
          el('td', { 'data-label': t('email') }, a.email || '—'),
          el('td', { 'data-label': t('role') }, roleWords(a.roles)),
          el('td', { 'data-label': t('partner') }, partnerName(a.partnerId)),
          el('td', { 'data-label': t('status') }, el('span', { class: 'accounts-status ' + (a.enabled ? 'on' : 'off') }, t(a.enabled ? 'enabled' : 'disabled'))),
          el('td', { 'data-label': t('created') }, when(a.created)),
          el('td', {}, a.username === state.me.user ? null : el('button', {
            type: 'button', class: a.enabled ? 'danger' : 'secondary', 'data-action': a.enabled ? 'disable' : 'enable',
            'aria-label': t(a.enabled ? 'disable' : 'enable') + ' ' + a.username,
            onclick: () => {
              if (a.enabled && !window.confirm(t('confirmDisable', a.username))) return;
              act('change', async () => {
                await call('/accounts/' + encodeURIComponent(a.id) + (a.enabled ? '/disable' : '/enable'), { method: 'POST' });
                state.invited = null;
                state.message = { text: t(a.enabled ? 'disabledDone' : 'enabledDone', a.username) };
              });
            } }, t(a.enabled ? 'disable' : 'enable'))))))));
    }

    function inviteForm() {
      const roles = invitable();
      const field = (id, label, attributes = {}, hint) => el('label', { class: 'accounts-field', for: id }, el('span', {}, label),
        el('input', { id, name: id, required: true, ...attributes }), hint && el('small', { class: 'muted' }, hint));
      const role = el('select', { id: 'invite-role', name: 'invite-role', required: true },
        roles.map((r) => el('option', { value: r }, t('role.' + r))));
      const partnerSelect = el('select', { id: 'invite-partner', name: 'invite-partner' });
      const partnerField = el('label', { class: 'accounts-field', for: 'invite-partner' }, el('span', {}, t('partner')), partnerSelect);
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
        el('h3', {}, t('invite')),
        el('div', { class: 'accounts-grid' },
          field('invite-username', t('username'), { autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', pattern: '[a-z0-9][a-z0-9._\\-]{2,63}' }, t('usernameHint')),
          field('invite-first-name', t('firstName'), { autocomplete: 'off' }),
          field('invite-last-name', t('lastName'), { autocomplete: 'off' }),
          field('invite-email', t('email'), { type: 'email', autocomplete: 'off' }),
          roles.length > 1 ? el('label', { class: 'accounts-field', for: 'invite-role' }, el('span', {}, t('role')), role)
            : el('p', { class: 'accounts-field' }, el('span', {}, t('role')), el('strong', {}, t('role.' + roles[0])), (role.hidden = true, role)),
          partnerField),
        el('button', { type: 'submit', class: 'primary', id: 'invite-submit' }, t('inviteSubmit')));
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
        try { await navigator.clipboard.writeText(state.invited.password); copy.textContent = t('copied'); } catch (denied) { /* shown anyway */ }
      } }, t('copy'));
      return el('div', { class: 'accounts-invited', id: 'invited', role: 'status' },
        el('p', {}, el('strong', {}, t('invited', state.invited.username))), el('p', {}, password, ' ', copy),
        el('p', {}, t('handOver', state.invited.name || state.invited.username)));
    }

    function changes() {
      if (!options.changes) return null;
      const row = (c) => el('tr', { 'data-change': c.action, 'data-account': c.username },
        el('td', { 'data-label': t('when') }, when(c.at)),
        el('td', { 'data-label': t('account') }, c.username + (c.role ? ' (' + t('role.' + c.role) + ')' : '')),
        el('td', { 'data-label': t('what') }, t(c.action)),
        el('td', { 'data-label': t('partner') }, partnerName(c.partnerId)),
        el('td', { 'data-label': t('who') }, (c.actorUsername || c.actorId) + (c.actorRole ? ' (' + t('role.' + c.actorRole) + ')' : '')));
      const table = el('div', { class: 'accounts-scroll' }, el('table', { class: 'data accounts-table', id: 'accounts-changes' },
        el('thead', {}, el('tr', {}, [t('when'), t('account'), t('what'), t('partner'), t('who')].map((l) => el('th', { scope: 'col' }, l)))),
        el('tbody', {}, state.changes.map(row))));
      return el('section', { class: 'accounts-changes', 'aria-labelledby': 'accounts-changes-title' },
        el('h3', { id: 'accounts-changes-title' }, t('changes')),
        state.changes.length ? table : el('p', { class: 'muted' }, t('noChanges')));
    }

    function render() {
      if (!state.me) return;
      const whose = programme() ? t('everyone') : state.me.roles.includes('venue-manager') ? t('yourVenue') : t('yourAgency');
      root.replaceChildren(el('section', { class: 'kulturpass-accounts', 'aria-labelledby': 'accounts-title' },
        el('h2', { id: 'accounts-title' }, t('title')),
        el('p', { class: 'muted' }, t('intro', whose)),
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
        if (WORDS[next]) lang = next;
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
          el('h2', { id: 'accounts-title' }, t('title')),
          el('p', { class: 'message refused', role: 'alert', id: 'accounts-message' }, t('error', e.message))));
        root.dataset.ready = 'true';
        return;
      }
      render();
    })();
    return view;
  }

  window.KulturpassAccounts = { mount };
})();
