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

  const WORDS = {
    en: {
      title: 'Your venue', signinTitle: 'Sign-in needed',
      signinMissing: 'This page is for venue managers: sign in with your Kulturpass account.',
      signinEnded: 'Your session has ended. Sign in again to go on.',
      signinForbidden: 'Your account cannot manage this venue: this page is for its manager.',
      devicesTitle: 'Door devices', devicesIntro: 'Shared tablets and phones that scan at your doors. A paired device scans for your venue only; revoke one that is lost or no longer used.',
      noDevices: 'No door device yet.', deviceName: 'Name of the new device', deviceNamePlaceholder: 'e.g. Entrance tablet',
      pairNew: 'Pair a new device', done: 'Done', setupCode: 'Setup code',
      setupTitle: 'Pair “{0}”',
      setupHow: 'On the device, scan this QR code with the camera: it opens the scanner page, which pairs itself. The code works once.',
      setupWithoutCamera: 'Without a camera, open this address on the device:',
      qrAlt: 'QR code that pairs the device “{0}”',
      expiresIn: 'This code works once, for {0} more.', expired: 'This code has expired: make a new one.',
      state: { WAITING: 'waiting to be paired', PAIRED: 'paired', REVOKED: 'revoked' },
      lastSynced: 'last synced {0}', neverSynced: 'not synced yet', pairedAt: 'paired {0}', revokedAt: 'revoked {0}',
      lastPerson: 'last person signed in: {0}',
      newCode: 'New setup code', revoke: 'Revoke', confirmRevoke: 'Revoke “{0}”? It will stop scanning at once.',
      yesRevoke: 'Yes, revoke', cancel: 'Cancel', revoked: '“{0}” was revoked.', error: 'Could not do it: {0}'
    },
    fr: {
      title: 'Votre lieu', signinTitle: 'Connexion nécessaire',
      signinMissing: 'Cette page est celle des responsables de lieu : connectez-vous avec votre compte Kulturpass.',
      signinEnded: 'Votre session a pris fin. Reconnectez-vous pour continuer.',
      signinForbidden: 'Votre compte ne peut pas gérer ce lieu : cette page est celle de son responsable.',
      devicesTitle: 'Appareils de contrôle', devicesIntro: 'Tablettes et téléphones partagés qui scannent aux portes. Un appareil appairé ne scanne que pour votre lieu ; révoquez celui qui est perdu ou n\u2019est plus utilisé.',
      noDevices: 'Aucun appareil pour l\u2019instant.', deviceName: 'Nom du nouvel appareil', deviceNamePlaceholder: 'p. ex. Tablette de l\u2019entrée',
      pairNew: 'Appairer un nouvel appareil', done: 'Terminé', setupCode: 'Code d\u2019appairage',
      setupTitle: 'Appairer « {0} »',
      setupHow: 'Sur l\u2019appareil, scannez ce code QR avec la caméra : il ouvre la page du scanner, qui s\u2019appaire seule. Le code ne sert qu\u2019une fois.',
      setupWithoutCamera: 'Sans caméra, ouvrez cette adresse sur l\u2019appareil :',
      qrAlt: 'Code QR qui appaire l\u2019appareil « {0} »',
      expiresIn: 'Ce code sert une fois, encore {0}.', expired: 'Ce code a expiré : créez-en un nouveau.',
      state: { WAITING: 'en attente d\u2019appairage', PAIRED: 'appairé', REVOKED: 'révoqué' },
      lastSynced: 'dernière synchronisation {0}', neverSynced: 'pas encore synchronisé', pairedAt: 'appairé {0}', revokedAt: 'révoqué {0}',
      lastPerson: 'dernière personne connectée : {0}',
      newCode: 'Nouveau code', revoke: 'Révoquer', confirmRevoke: 'Révoquer « {0} » ? Il cessera de scanner immédiatement.',
      yesRevoke: 'Oui, révoquer', cancel: 'Annuler', revoked: '« {0} » a été révoqué.', error: 'Impossible : {0}'
    },
    de: {
      title: 'Ihr Spielort', signinTitle: 'Anmeldung nötig',
      signinMissing: 'Diese Seite ist für die Leitung eines Spielorts: Melden Sie sich mit Ihrem Kulturpass-Konto an.',
      signinEnded: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um weiterzumachen.',
      signinForbidden: 'Ihr Konto kann diesen Spielort nicht verwalten: Diese Seite ist für seine Leitung.',
      devicesTitle: 'Einlassgeräte', devicesIntro: 'Gemeinsam genutzte Tablets und Telefone, die am Einlass scannen. Ein gekoppeltes Gerät scannt nur für Ihren Spielort; widerrufen Sie eines, das verloren ist oder nicht mehr genutzt wird.',
      noDevices: 'Noch kein Einlassgerät.', deviceName: 'Name des neuen Geräts', deviceNamePlaceholder: 'z. B. Tablet am Eingang',
      pairNew: 'Neues Gerät koppeln', done: 'Fertig', setupCode: 'Kopplungscode',
      setupTitle: '„{0}“ koppeln',
      setupHow: 'Scannen Sie diesen QR-Code mit der Kamera des Geräts: Er öffnet die Scanner-Seite, die sich selbst koppelt. Der Code gilt einmal.',
      setupWithoutCamera: 'Ohne Kamera öffnen Sie diese Adresse auf dem Gerät:',
      qrAlt: 'QR-Code, der das Gerät „{0}“ koppelt',
      expiresIn: 'Dieser Code gilt einmal, noch {0}.', expired: 'Dieser Code ist abgelaufen: Erstellen Sie einen neuen.',
      state: { WAITING: 'wartet auf Kopplung', PAIRED: 'gekoppelt', REVOKED: 'widerrufen' },
      lastSynced: 'zuletzt synchronisiert {0}', neverSynced: 'noch nicht synchronisiert', pairedAt: 'gekoppelt {0}', revokedAt: 'widerrufen {0}',
      lastPerson: 'zuletzt angemeldete Person: {0}',
      newCode: 'Neuer Code', revoke: 'Widerrufen', confirmRevoke: '„{0}“ widerrufen? Es scannt dann sofort nicht mehr.',
      yesRevoke: 'Ja, widerrufen', cancel: 'Abbrechen', revoked: '„{0}“ wurde widerrufen.', error: 'Nicht möglich: {0}'
    }
  };

  let lang = KulturpassPage.language(LANG_KEY, 'fr');
  let devices = [];
  let confirming = null;
  let setup = null;
  let countdown = null;

  function t(key, ...args) {
    const text = key.split('.').reduce((words, part) => (words == null ? undefined : words[part]), WORDS[lang])
      ?? key.split('.').reduce((words, part) => (words == null ? undefined : words[part]), WORDS.en) ?? key;
    return String(text).replace(/\{(\d)\}/g, (all, i) => args[Number(i)]);
  }

  const session = KulturpassPage.session({ role: 'venue-manager', t, hide: ['work'], work: 'work' });

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
        el('span', { class: 'state ' + device.state, 'data-state': device.state }, t('state.' + device.state)),
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
    $('setup-expiry').textContent = expired ? t('expired')
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
    if (!failure.signIn) message(t('error', failure.message), true);
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
      message(t('revoked', device.name));
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
      message(t('error', failure.message), true);
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
