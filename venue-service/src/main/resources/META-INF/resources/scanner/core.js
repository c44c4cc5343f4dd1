/*
 * The scanner page's groundwork: the box-office session (page.js; offline, the page works without one), the device
 * name (one per browser, in localStorage), the language and its words (venue-service's catalogue, /words.js), API calls
 * in the session, and a DOM helper that only ever sets text.
 */
(function () {
  'use strict';

  const LANG_KEY = 'kulturpass.scanner.lang';
  const DEVICE_KEY = 'kulturpass.scanner.device';
  /**
   * The session's words that the scanner says its own way (page.js asks for them by these names), and the scanner's
   * own word for a verdict that is the page's, not the server's (a typed number offline).
   */
  const SESSION_WORDS = { signinTitle: 'signInNeeded', signinMissing: 'scannerSigninMissing', signinEnded: 'sessionEnded',
    signinForbidden: 'scannerSigninForbidden' };
  const PAGE_VERDICTS = { OFFLINE_CODE: 'offlineNoCode' };

  /** A network failure (no answer at all, or a service answering 503 for too long), as opposed to an answer with an error status. */
  class Unreachable extends Error {}
  /** The pauses before trying a request again that was answered 503 (Retry-After: 2 s; the last ones wait longer). */
  const RETRY_503_MS = [400, 800, 1600, 3200];
  /**
   * Answers that mean "not handled, try again": the service's 503, and a load balancer's 502 and 504 (a replica gone or
   * too slow in the middle of the request; docs/replicas.md), all tried again the same way.
   */
  const TRY_AGAIN = [502, 503, 504];

  const Scanner = {
    lang: KulturpassPage.language(LANG_KEY, 'fr'),
    Unreachable,

    setLanguage(lang) {
      if (!KulturpassPage.languages.includes(lang)) return;
      Scanner.lang = lang;
      localStorage.setItem(LANG_KEY, lang);
      document.documentElement.lang = lang;
      document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = Scanner.t(node.dataset.i18n); });
      document.querySelectorAll('[data-i18n-placeholder]').forEach((node) => { node.placeholder = Scanner.t(node.dataset.i18nPlaceholder); });
      Scanner.session.translate();
    },

    /** A word in the current language, {0}, {1}… replaced by the arguments. */
    t: KulturpassPage.translator(() => Scanner.lang),

    /**
     * The reason in the chosen language, online and offline alike: the catalogue's words for it (the server's own), else
     * the sentence the server answered with (a reason newer than the words this device keeps).
     */
    reason(answer) {
      const key = PAGE_VERDICTS[answer.reason] || 'reason.' + answer.reason;
      const said = Scanner.t(key);
      return said !== key ? said : answer.message || '';
    },

    money(amount, currency) {
      return new Intl.NumberFormat(Scanner.lang, { style: 'currency', currency: currency || 'EUR' }).format(Number(amount));
    },

    time(iso) {
      return new Intl.DateTimeFormat(Scanner.lang, { timeStyle: 'short' }).format(iso ? new Date(iso) : new Date());
    },

    dateTime(iso) {
      return new Intl.DateTimeFormat(Scanner.lang, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
    },

    device() {
      let name = localStorage.getItem(DEVICE_KEY);
      if (!name) {
        name = 'scanner-' + crypto.randomUUID().slice(0, 8);
        localStorage.setItem(DEVICE_KEY, name);
      }
      return name;
    },

    nonce() {
      return crypto.randomUUID();
    },

    /**
     * Calls the API in the session. An ended session or a 403 shows the sign-in view; other errors carry the problem's
     * detail. A 503 (the service's database away for a moment, e.g. a restart), or a load balancer's 502 or 504, is tried again by itself, the same
     * request with the same nonce, after 0.4, 0.8, 1.6 and 3.2 s, for a read or a request marked {@code retry} (a scan:
     * idempotent by its nonce); still 503 then, it is "no answer" (Unreachable), which keeps the nonce for a retry by hand.
     */
    async call(path, options = {}) {
      const { retry, ...fetchOptions } = options;
      const repeatable = retry || !fetchOptions.method || fetchOptions.method === 'GET';
      for (let attempt = 0; ; attempt++) {
        let response;
        try {
          response = await KulturpassPage.call(path, fetchOptions, { signIn: Scanner.signIn, headers: { 'Accept-Language': Scanner.lang } });
        } catch (failure) {
          if (failure instanceof TypeError) throw new Unreachable(failure.message || String(failure)); // no network
          if (TRY_AGAIN.includes(failure.status) && repeatable) {
            if (attempt < RETRY_503_MS.length) {
              await new Promise((resolve) => setTimeout(resolve, RETRY_503_MS[attempt]));
              continue;
            }
            throw new Unreachable(failure.message);
          }
          throw failure;
        }
        return response.status === 204 ? null : response.json();
      }
    },

    /** The sign-in view; a device working alone whose calls stop being signed in had its pairing revoked (pairing.js). */
    signIn(reason) {
      if (reason === 'signinEnded' && window.Pairing) window.Pairing.ended();
      return Scanner.session.signIn(reason);
    },

    /** POSTs JSON; {@code retry}: the request is idempotent (by its nonce), so a 503 is tried again (see call). */
    post(path, body, retry = false) {
      return Scanner.call(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' }, retry });
    },

    /** An element with attributes (class, data-…) and children (strings become text nodes, never HTML). */
    el: KulturpassPage.el
  };

  Scanner.session = KulturpassPage.session({
    role: 'box-office', t: (key, ...args) => Scanner.t(SESSION_WORDS[key] || key, ...args), hide: ['desk'], work: 'desk',
    // offline, the desk keeps deciding with the kit it holds; its queued scans wait for a new sign-in to be sent
    worksSignedOut: () => window.Offline.enabled(),
    note: () => (window.Offline.queue().length ? Scanner.t('waitingSignIn', window.Offline.queue().length) : null)
  });
  window.Scanner = Scanner;
})();
