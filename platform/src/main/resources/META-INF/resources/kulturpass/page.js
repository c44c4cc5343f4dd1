/*
 * What the programme's pages (the agency page, the box-office scanner, the audit page) share, served by
 * every service from the platform library at /kulturpass/page.js: the language to show, a DOM helper that only ever sets text
 * (never HTML), the API call with the staff member's bearer token (a missing or refused token shows the
 * page's sign-in message; any other failure carries the problem's detail, in a person's words), and
 * saving a file the API answers (a PDF, a CSV), which a plain link could not fetch with the token.
 */
(function () {
  'use strict';

  const LANGUAGES = ['fr', 'de', 'en'];

  const KulturpassPage = {
    languages: LANGUAGES,

    /** The language the person chose before (kept under `storageKey`), else the browser's first of fr/de/en, else `fallback`. */
    language(storageKey, fallback) {
      const stored = localStorage.getItem(storageKey);
      if (LANGUAGES.includes(stored)) return stored;
      const wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || fallback])
        .map((l) => String(l).slice(0, 2).toLowerCase());
      return wanted.find((l) => LANGUAGES.includes(l)) || fallback;
    },

    /** An element with attributes (on… become listeners, class, true → present) and children (strings become text nodes). */
    el(tag, attributes = {}, ...children) {
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
    },

    /**
     * Calls the API with the bearer token and returns the response. `page.token` is the token (or
     * null), `page.signIn(messageKey)` shows the sign-in message and returns the error to throw,
     * `page.accept` the media types the page reads, `page.headers` more headers, and
     * `page.forbiddenWithDetail` keeps a 403 that explains itself (a problem detail) as an error in place
     * of the sign-in message. Fetch's own TypeError (the network is down) is thrown as it is.
     */
    async call(path, options, page) {
      if (!page.token) throw page.signIn('signinMissing');
      const response = await fetch(path, {
        ...options,
        headers: { Authorization: 'Bearer ' + page.token, Accept: page.accept || 'application/json, application/problem+json',
          ...(page.headers || {}), ...((options && options.headers) || {}) }
      });
      if (response.status === 401) throw page.signIn('signinRejected');
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
      const link = KulturpassPage.el('a', { href: url, download: named ? named[1] : fallbackName, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    }
  };

  window.KulturpassPage = KulturpassPage;
})();
