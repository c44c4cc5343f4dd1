/*
 * The scanner page's groundwork: the box-office bearer token (from #token=…, kept in sessionStorage and out
 * of the address bar), the device name (one per browser, in localStorage), the language, API calls with the
 * token, and a DOM helper that only ever sets text.
 */
(function () {
  'use strict';

  const TOKEN_KEY = 'kulturpass.scanner.token';
  const LANG_KEY = 'kulturpass.scanner.lang';
  const DEVICE_KEY = 'kulturpass.scanner.device';
  const words = window.SCANNER_I18N;

  /** A network failure (no answer at all), as opposed to an answer with an error status. */
  class Unreachable extends Error {}

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
    },

    /** A word in the current language, {0}, {1}… replaced by the arguments. */
    t(key, ...args) {
      const text = words[Scanner.lang][key] ?? words.en[key] ?? key;
      return String(text).replace(/\{(\d)\}/g, (_, i) => args[Number(i)]);
    },

    /** The reason in the chosen language: the server's words, else the page's own (offline decisions). */
    reason(answer) {
      return (answer.messages && answer.messages[Scanner.lang]) || words[Scanner.lang].reasons[answer.reason]
        || answer.message || answer.reason;
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

    /** Takes #token=… from the address into sessionStorage and out of the address bar (and of the history). */
    takeToken() {
      const found = location.hash.match(/^#token=([^&]+)/);
      if (found) {
        sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(found[1]));
        history.replaceState(null, '', location.pathname + location.search);
      }
      return sessionStorage.getItem(TOKEN_KEY);
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

    /** Calls the API with the bearer token. 401/403 show the sign-in message; other errors carry the problem's detail. */
    async call(path, options = {}) {
      let response;
      try {
        response = await KulturpassPage.call(path, options, { token: sessionStorage.getItem(TOKEN_KEY), signIn: Scanner.signIn,
          headers: { 'Accept-Language': Scanner.lang } });
      } catch (failure) {
        if (failure instanceof TypeError) throw new Unreachable(failure.message || String(failure)); // no network
        throw failure;
      }
      return response.status === 204 ? null : response.json();
    },

    post(path, body) {
      return Scanner.call(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    },

    signIn(messageKey) {
      const error = new Error(messageKey);
      error.signIn = messageKey;
      document.getElementById('signin-message').textContent = Scanner.t(messageKey);
      document.getElementById('signin').dataset.reason = messageKey;
      document.getElementById('signin').hidden = false;
      document.getElementById('desk').hidden = true;
      return error;
    },

    /** An element with attributes (class, data-…) and children (strings become text nodes, never HTML). */
    el: KulturpassPage.el
  };

  window.Scanner = Scanner;
})();
