/*
 * The venue manager's page: the venue's door devices (shared tablets and phones that scan at the doors), pairing a new
 * one with a one-time setup code shown as a QR code, a fresh code for a device, revoking one. The session (sign in, who,
 * sign out, the page for another role) is platform's page.js. The section #accounts is left for the shared accounts UI.
 */
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const el = KulturpassPage.el;
  const LANG_KEY = 'kulturpass.venue.lang';

  /** The session's words that this page says its own way (page.js asks for them by these names). */
  const SESSION_WORDS = { signinTitle: 'signInNeeded', signinMissing: 'venueSigninMissing', signinEnded: 'sessionEnded',
    signinForbidden: 'venueSigninForbidden' };

  let lang = KulturpassPage.language(LANG_KEY, 'fr');
  let devices = [];
  let confirming = null;
  let setup = null;
  let countdown = null;

  /** A word of venue-service's catalogue (/words.js) in the page's language; {0}, {1}… take the arguments. */
  const t = KulturpassPage.translator(() => lang);

  const session = KulturpassPage.session({ role: 'venue-manager', t: (key, ...args) => t(SESSION_WORDS[key] || key, ...args), hide: ['work'], work: 'work' });

  async function call(path, options = {}) {
    const response = await KulturpassPage.call(path, options, { signIn: session.signIn, forbiddenWithDetail: true,
      headers: { 'Accept-Language': lang } });
    return response.status === 204 ? null : response.json();
  }

  function post(path, body) {
    return call(path, body === undefined ? { method: 'POST' }
      : { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  }

  function when(iso) {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  }

  function message(text, bad) {
    $('devices-message').textContent = text || '';
    $('devices-message').className = bad ? 'bad' : '';
  }

  function renderDevices() {
    $('no-devices').hidden = devices.length > 0;
    $('device-list').replaceChildren(...devices.map((device) => {
      const facts = [
        device.pairedAt && t('pairedAt', when(device.pairedAt)),
        device.lastSyncedAt ? t('lastSynced', when(device.lastSyncedAt)) : t('neverSynced'),
        device.lastPerson && t('lastPerson', device.lastPerson),
        device.revokedAt && t('revokedAt', when(device.revokedAt))
      ].filter(Boolean).join(' · ');
      const live = device.state !== 'REVOKED';
      const actions = confirming === device.deviceId
        ? [el('span', { role: 'alert' }, t('confirmRevoke', device.name)),
          el('button', { type: 'button', class: 'danger', 'data-action': 'confirm-revoke', onclick: () => revoke(device) }, t('yesRevoke')),
          el('button', { type: 'button', class: 'secondary', 'data-action': 'cancel', onclick: () => { confirming = null; renderDevices(); } }, t('cancel'))]
        : live ? [el('button', { type: 'button', class: 'secondary', 'data-action': 'new-code', onclick: () => newCode(device) }, t('newCode')),
          el('button', { type: 'button', class: 'secondary', 'data-action': 'revoke',
            onclick: () => { confirming = device.deviceId; renderDevices(); } }, t('revoke'))] : [];
      return el('li', { class: device.state.toLowerCase(), 'data-device': device.deviceId },
        el('span', { class: 'name' }, device.name),
        el('span', { class: 'state ' + device.state, 'data-state': device.state }, t('deviceState.' + device.state)),
        el('p', { class: 'facts' }, facts),
        el('div', { class: 'actions' }, actions));
    }));
  }

  async function loadDevices() {
    devices = await call('/devices');
    renderDevices();
  }

  function showSetup(answer) {
    setup = answer;
    $('setup').hidden = false;
    renderSetup();
    clearInterval(countdown);
    countdown = setInterval(renderSetup, 1000);
    $('setup').scrollIntoView({ block: 'nearest' });
  }

  function renderSetup() {
    if (!setup) return;
    $('setup-title').textContent = t('setupTitle', setup.device.name);
    $('setup-qr').src = setup.setup.qrCode;
    $('setup-qr').alt = t('qrAlt', setup.device.name);
    $('setup-code').textContent = setup.setup.code;
    $('setup-address').textContent = setup.setup.pairingAddress;
    const left = Math.max(0, Math.round((new Date(setup.setup.expiresAt) - Date.now()) / 1000));
    const expired = left === 0;
    $('setup-expiry').textContent = expired ? t('setupExpired')
      : t('expiresIn', Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0'));
    $('setup-expiry').className = expired ? 'bad' : '';
    $('setup').dataset.expired = String(expired);
    $('setup-qr').hidden = expired;
    if (expired) clearInterval(countdown);
  }

  function hideSetup() {
    setup = null;
    clearInterval(countdown);
    $('setup').hidden = true;
    $('setup-qr').removeAttribute('src');
    loadDevices().catch(failed);
  }

  function failed(failure) {
    if (!failure.signIn) message(t('actionFailed', failure.message), true);
  }

  async function add(event) {
    event.preventDefault();
    const name = $('device-name').value.trim();
    if (!name) return;
    try {
      const answer = await post('/devices', { name });
      $('device-name').value = '';
      message('');
      await loadDevices();
      showSetup(answer);
    } catch (failure) {
      failed(failure);
    }
  }

  async function newCode(device) {
    try {
      showSetup(await post('/devices/' + encodeURIComponent(device.deviceId) + '/pairing-code'));
      message('');
    } catch (failure) {
      failed(failure);
    }
  }

  async function revoke(device) {
    confirming = null;
    try {
      await post('/devices/' + encodeURIComponent(device.deviceId) + '/revocation');
      if (setup && setup.device.deviceId === device.deviceId) hideSetup();
      message(t('deviceRevoked', device.name));
      await loadDevices();
    } catch (failure) {
      failed(failure);
      renderDevices();
    }
  }

  let accounts = null; // the shared staff-accounts view (platform's accounts.js): the box office's accounts

  function translate() {
    document.documentElement.lang = lang;
    if (accounts) accounts.translate(lang);
    document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
    session.translate();
    renderDevices();
    renderSetup();
  }

  async function start() {
    $('lang').value = lang;
    translate();
    const state = await session.start();
    if (state !== 'signed-in') return;
    try {
      const venue = await call('/venues/mine');
      $('venue-name').textContent = venue.name;
      session.partner(venue.name);
      await loadDevices();
      accounts = KulturpassAccounts.mount($('accounts'), { lang, signIn: session.signIn });
    } catch (failure) {
      if (failure.signIn) return;
      message(t('actionFailed', failure.message), true);
    }
    $('work').hidden = false;
    session.restoreDraft();
    document.body.dataset.ready = 'true';
  }

  $('add-form').addEventListener('submit', add);
  $('setup-done').addEventListener('click', hideSetup);
  $('lang').addEventListener('change', () => {
    if (!KulturpassPage.languages.includes($('lang').value)) return;
    lang = $('lang').value;
    localStorage.setItem(LANG_KEY, lang);
    translate();
  });
  start();
})();
