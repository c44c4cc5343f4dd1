/*
 * What the programme's pages (the agency page, the box-office scanner, the audit page) share, served by
 * every service from the platform library at /kulturpass/page.js: the language to show, a DOM helper that only ever sets text
 * (never HTML), the API call (the browser's session cookie, never a token the page holds), the person's session (who is
 * signed in, signing in and out, what their account is for, what they typed kept across a new sign-in), and saving a
 * file the API answers (a PDF, a CSV).
 */
(function () {
  'use strict';

  /** The languages the service's catalogues speak, in the order the language selectors show them. */
  const LANGUAGES = Object.keys(window.KULTURPASS_WORDS || { fr: {}, de: {}, en: {}, lb: {} });
  const ROLES = ['programme-staff', 'agency-staff', 'box-office', 'venue-manager'];
  /** The service's answer to a call without a valid session: 401 (a bearer-token service), 499 (hybrid mode, a script's call). */
  const SIGNED_OUT = [401, 499];
  /** Tells Quarkus OIDC this is the page's own call: no redirect to the provider, a 499 when the session has ended. */
  const FROM_SCRIPT = { 'X-Requested-With': 'JavaScript' };
  const DRAFT_KEY = 'kulturpass.draft';
  const NOT_TYPED = ['hidden', 'password', 'file', 'checkbox', 'radio', 'submit', 'button', 'reset', 'image'];

  /** An element with attributes (on… become listeners, class, true → present) and children (strings become text nodes). */
  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
      else if (name === 'class') node.className = value;
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Where the person is: the page and its view (#/…), the same after signing in again. */
  function here() {
    return location.pathname + location.search + location.hash;
  }

  /** The fields a person types or chooses in, under `root`, each with a key that finds it again in the same view. */
  function typedFields(root) {
    const seen = {};
    return [...root.querySelectorAll('input, select, textarea')]
      .filter((field) => (field.id || field.name) && !(field.tagName === 'INPUT' && NOT_TYPED.includes(field.type)))
      .map((field) => {
        const name = field.id || field.name;
        seen[name] = (seen[name] ?? -1) + 1;
        return { field, key: name + '#' + seen[name] };
      });
  }

  function changed(field) {
    if (field.tagName === 'SELECT') return [...field.options].some((option) => option.selected !== option.defaultSelected);
    return field.value !== field.defaultValue;
  }

  function savedDraft() {
    try {
      const draft = JSON.parse(sessionStorage.getItem(DRAFT_KEY));
      return draft && draft.place === here() ? draft.values : null;
    } catch (broken) {
      return null;
    }
  }

  /**
   * The words of the service's pages in every language, served by the service from its catalogues (/words.js, loaded
   * before this script): the pages hold no translations of their own.
   */
  function words(lang) {
    const all = window.KULTURPASS_WORDS || {};
    return all[lang] || all.en || {};
  }

  /** A page's t(key, …args) in the language `lang()` gives: "reason.VALID" reads a word of a group; {0}, {1} take args. */
  function translator(lang) {
    return (key, ...args) => {
      let word = key.split('.').reduce((group, part) => (group && typeof group === 'object' ? group[part] : undefined), words(lang()));
      if (word === undefined) word = key.split('.').reduce((group, part) => (group && typeof group === 'object' ? group[part] : undefined), words('en'));
      if (typeof word !== 'string') return key;
      return word.replace(/\{(\d+)\}/g, (all, i) => (args[Number(i)] === undefined ? all : String(args[Number(i)])));
    };
  }

  /** The session's word for what an account with `role` is for. */
  const ACCOUNT_WORDS = {
    'programme-staff': 'accountProgrammeStaff', 'agency-staff': 'accountAgencyStaff', 'box-office': 'accountBoxOffice',
    'venue-manager': 'accountVenueManager', none: 'accountNone'
  };

  /**
   * The person's session on a page. `page`: `role` (the role the page is for), `t(key, …)` (the page's words), `hide`
   * (ids of what the sign-in view replaces), `work` (id of the part where people type: kept across a new sign-in),
   * `note()` (a sentence more for the sign-in view, or null), `worksSignedOut()` (true when the page keeps working without
   * a session: the scanner offline). In the page: an element #who in the header and a section #signin.
   */
  function session(page) {
    const $ = (id) => document.getElementById(id);
    /** A word of the session's own (in the page's language, set on <html lang>), else the page's. */
    const shared = translator(() => document.documentElement.lang);
    /** A word of the page's own first (the scanner says the session ended in its own words), else the session's. */
    const say = (key, ...args) => {
      const own = page.t(key, ...args);
      return own !== key || words(document.documentElement.lang)[key] === undefined ? own : shared(key, ...args);
    };
    let me = null;
    let partnerName = null;
    let shown = null;

    /** Whether the page asks to sign in (again): there is no session. */
    const signedOut = () => shown === 'signinMissing' || shown === 'signinEnded';

    function renderWho() {
      const who = $('who');
      who.hidden = !me || signedOut();
      if (who.hidden) return;
      const partner = partnerName || me.partnerId;
      who.replaceChildren(...[el('span', { id: 'who-user' }, say('signedInAs', me.name || me.user)),
        partner && el('span', { id: 'who-partner' }, partner),
        el('a', { id: 'sign-out', href: '/signout' }, say('signOut'))].filter(Boolean));
    }

    function renderSignIn() {
      const box = $('signin');
      const wrongRole = shown === 'wrongRole';
      const again = signedOut();
      const heldRoles = wrongRole ? ROLES.filter((role) => me.roles.includes(role)) : [];
      const note = page.note ? page.note() : null;
      box.dataset.reason = shown;
      box.replaceChildren(...[el('h1', {}, say(wrongRole ? 'wrongRoleTitle' : 'signinTitle')),
        el('p', { id: 'signin-message' }, wrongRole
          ? (heldRoles.length ? heldRoles : ['none']).map((role) => say(ACCOUNT_WORDS[role])).join(' ') : say(shown)),
        note && el('p', { id: 'signin-note' }, note),
        again ? el('a', { id: 'signin-button', class: 'button primary', href: '/signin?to=' + encodeURIComponent(here()) },
          say('signinButton')) : el('a', { id: 'signin-signout', class: 'button', href: '/signout' }, say('signOut'))]
        .filter(Boolean));
      box.hidden = false;
    }

    function show(reason) {
      shown = reason;
      page.hide.forEach((id) => { $(id).hidden = true; });
      renderWho();
      renderSignIn();
    }

    /** Keeps what the person typed in the page's work (drafts, never a token), to be put back after they sign in again. */
    function saveDraft() {
      const values = {};
      typedFields($(page.work)).filter(({ field }) => changed(field)).forEach(({ field, key }) => { values[key] = field.value; });
      if (Object.keys(values).length) sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ place: here(), values }));
    }

    const Session = {
      /**
       * Asks who is signed in (GET /me) and shows it: the header line, or the sign-in view, or what the account is for.
       * Answers 'signed-in', 'signed-out', 'wrong-role', or 'unreachable' (no answer from the service: nothing shown).
       */
      async start() {
        let response;
        try {
          response = await fetch('/me', { credentials: 'same-origin', headers: { ...FROM_SCRIPT, Accept: 'application/json' } });
        } catch (noNetwork) {
          return 'unreachable';
        }
        if (SIGNED_OUT.includes(response.status)) {
          if (!(page.worksSignedOut && page.worksSignedOut())) show('signinMissing');
          return 'signed-out';
        }
        if (!response.ok) return 'unreachable';
        me = await response.json();
        renderWho();
        if (!me.roles.includes(page.role)) {
          show('wrongRole');
          return 'wrong-role';
        }
        return 'signed-in';
      },

      /** Whether the signed-in person holds this role (e.g. agency-lead, for the tabs only some people see). */
      has(role) {
        return Boolean(me && me.roles.includes(role));
      },

      /** Shows the partner's name (once the page has loaded it) in place of its id. */
      partner(name) {
        partnerName = name;
        renderWho();
      },

      /**
       * Shows the sign-in view ('signinMissing', 'signinEnded': the session ended mid-work, what was typed is kept;
       * 'signinForbidden') and returns the error for the caller to throw (its `signIn` says the page has answered).
       */
      signIn(reason) {
        if (reason === 'signinEnded' && shown !== 'signinEnded') saveDraft();
        if (shown !== 'wrongRole') show(reason);
        const error = new Error(reason);
        error.signIn = reason;
        return error;
      },

      /** After a view is drawn: puts back what was typed there before a new sign-in (once), opening the parts it is in. */
      restoreDraft() {
        const values = savedDraft();
        sessionStorage.removeItem(DRAFT_KEY);
        if (!values) return;
        typedFields($(page.work)).filter(({ key }) => key in values).forEach(({ field, key }) => {
          field.value = values[key];
          field.dispatchEvent(new Event('input', { bubbles: true }));
          field.dispatchEvent(new Event('change', { bubbles: true }));
          const folded = field.closest('details');
          if (folded) folded.open = true;
        });
      },

      /** How many fields of this name the draft for this view holds (a page adds the rows they go in before restoring). */
      drafted(name) {
        return Object.keys(savedDraft() || {}).filter((key) => key.startsWith(name + '#')).length;
      },

      /** Draws the session's words again in the language just chosen. */
      translate() {
        renderWho();
        if (shown) renderSignIn();
      }
    };
    return Session;
  }

  const KulturpassPage = {
    languages: LANGUAGES,
    el,
    words,
    translator,
    session,

    /** The language the person chose before (kept under `storageKey`), else the browser's first language we speak, else `fallback`. */
    language(storageKey, fallback) {
      const stored = localStorage.getItem(storageKey);
      if (LANGUAGES.includes(stored)) return stored;
      const wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || fallback])
        .map((l) => String(l).slice(0, 2).toLowerCase());
      return wanted.find((l) => LANGUAGES.includes(l)) || fallback;
    },

    /**
     * Calls the API in the person's session and returns the response. `page.signIn(reason)` shows the sign-in view and
     * returns the error to throw (a session's signIn), `page.accept` the media types the page reads, `page.headers` more
     * headers, and `page.forbiddenWithDetail` keeps a 403 that explains itself (a problem detail) as an error in place of
     * the sign-in view. Fetch's own TypeError (the network is down) is thrown as it is.
     */
    async call(path, options, page) {
      const response = await fetch(path, {
        ...options,
        credentials: 'same-origin',
        headers: { Accept: page.accept || 'application/json, application/problem+json',
          'Accept-Language': document.documentElement.lang || 'en', ...(page.headers || {}),
          ...((options && options.headers) || {}), ...FROM_SCRIPT }
      });
      if (SIGNED_OUT.includes(response.status)) throw page.signIn('signinEnded');
      if (response.status === 403 && !page.forbiddenWithDetail) throw page.signIn('signinForbidden');
      if (!response.ok) {
        let detail = response.statusText || String(response.status);
        try {
          const problem = await response.json();
          detail = problem.detail || problem.title || detail;
        } catch (notJson) { /* keep the status text */ }
        if (response.status === 403 && detail === 'Forbidden') throw page.signIn('signinForbidden');
        const error = new Error(detail);
        error.status = response.status;
        throw error;
      }
      return response;
    },

    /** Saves the response's body as a file, named as the server says (Content-Disposition) or `fallbackName`. */
    async save(response, fallbackName) {
      const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
      const url = URL.createObjectURL(await response.blob());
      const link = el('a', { href: url, download: named ? named[1] : fallbackName, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    }
  };

  window.KulturpassPage = KulturpassPage;
})();
