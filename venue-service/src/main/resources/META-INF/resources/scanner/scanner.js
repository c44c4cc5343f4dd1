/*
 * The scanner page: every way a pass arrives (keyboard-wedge scanner or typing in the focused field + Enter,
 * the pass number typed by hand, the camera, a photo sent to the server), online answers from venue-service,
 * undo, the choice of performance, and the offline switch with its sync.
 */
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const PERFORMANCE_KEY = 'kulturpass.scanner.performance';
  const RETRY_SAME_NONCE_MS = 120000;
  let lastAttempt = null;
  let stopCamera = null;
  let performancesShown = [];
  /** Staff chose "no performance" themselves in this page (a museum's per-day entry on a day with shows). */
  let noPerformanceChosen = false;
  /**
   * The scan that arrived while the performance was still to be chosen, sent as soon as it is. The holder is still
   * at the desk with the card: staff choose, and the answer comes without scanning again (scanning again would also
   * do, but is easy to forget in a queue). The answer box says so meanwhile; the next scan takes its place.
   */
  let waitingForPerformance = null;
  /** While page.js puts back what was in the fields before a new sign-in (it fires their change events). */
  let restoringDraft = false;

  function performanceId() {
    return $('performance').value || null;
  }

  /**
   * No performance chosen while several can be scanned for now: a scan would be refused for a choice nobody made,
   * so the page asks for it instead (one performance is chosen by itself, none means per-day entry).
   */
  function performanceToChoose() {
    return !performanceId() && !noPerformanceChosen && performancesShown.length > 1;
  }

  /**
   * Whether this scan waits for the performance to be chosen: then the page asks for it and keeps the scan to send once
   * it is chosen (a scan that does not wait replaces one that did).
   */
  function heldForPerformance(send) {
    waitingForPerformance = performanceToChoose() ? send : null;
    if (!waitingForPerformance) return false;
    Answer.problem(Scanner.t('choosePerformanceFirst'), 'CHOOSE_PERFORMANCE');
    focusScan();
    return true;
  }

  function focusScan() {
    if (!$('camera-box').hidden) return;
    $('scan').focus({ preventScroll: true });
  }

  /** A retry of the same text after no answer reuses its nonce, so the server counts it once. */
  function nonceFor(text) {
    const now = Date.now();
    if (lastAttempt && lastAttempt.text === text && now - lastAttempt.at < RETRY_SAME_NONCE_MS) return lastAttempt.nonce;
    lastAttempt = { text, nonce: Scanner.nonce(), at: now };
    return lastAttempt.nonce;
  }

  async function ask(send, text, what) {
    Answer.checking(what);
    try {
      const answer = await send();
      lastAttempt = null;
      Answer.show(answer);
    } catch (failure) {
      if (failure.signIn) return;
      Answer.problem(failure instanceof Scanner.Unreachable ? Scanner.t('networkError', failure.message) : Scanner.t('scanError', failure.message));
      if (!(failure instanceof Scanner.Unreachable) && text) lastAttempt = null;
    } finally {
      showPending();
      focusScan();
    }
  }

  /**
   * A Kulturpass code is 122 characters of the QR alphanumeric alphabet after "K1". A long text starting with K
   * that holds other characters (lower case, accents, & é " ' ( for the digits) is almost always a wedge scanner
   * set for another keyboard layout than the device's (US vs AZERTY or QWERTZ): not the holder's fault.
   */
  function typedWithAnotherLayout(text) {
    return text.length >= 100 && /^k/i.test(text) && !/^K1[0-9A-Z $%*+\-./:]+$/.test(text);
  }

  /** Scanned text: a K1 token, or a pass number typed into the scan field. */
  function scanText(raw) {
    const text = String(raw || '').trim();
    if (!text) return;
    if (typedWithAnotherLayout(text)) {
      Answer.problem(Scanner.t('wrongLayout'));
      focusScan();
      return;
    }
    if (!text.startsWith('K1') && PassToken.looksLikePassNumber(text)) return checkCode(text);
    if (heldForPerformance(() => scanText(text))) return;
    if (Offline.enabled()) {
      return Offline.scan(text, performanceId()).then((answer) => { Answer.show(answer); showPending(); focusScan(); });
    }
    const nonce = nonceFor(text);
    return ask(async () => ({ nonce, ...(await Scanner.post('/admissions',
      { token: text, nonce, device: Scanner.device(), performanceId: performanceId() }, true)) }), text);
  }

  function checkCode(raw) {
    const code = String(raw || '').trim();
    if (!code) return;
    if (heldForPerformance(() => checkCode(code))) return;
    if (Offline.enabled()) {
      Answer.show({ admitted: false, reason: 'OFFLINE_CODE', offline: true }, false);
      return;
    }
    const nonce = nonceFor(code);
    return ask(async () => ({ nonce, ...(await Scanner.post('/admissions',
      { code, nonce, device: Scanner.device(), performanceId: performanceId() }, true)) }), code);
  }

  function sendPhoto(file) {
    if (!file) return;
    if (heldForPerformance(() => sendPhoto(file))) return;
    if (Offline.enabled()) {
      Answer.problem(Scanner.t('offlineNoPhoto'));
      return;
    }
    const nonce = Scanner.nonce();
    const query = new URLSearchParams({ nonce, device: Scanner.device() });
    if (performanceId()) query.set('performanceId', performanceId());
    return ask(async () => ({ nonce, ...(await Scanner.call('/admissions/photo?' + query,
      { method: 'POST', body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' }, retry: true })) }), null,
      Scanner.t('photoSending'));
  }

  async function undo() {
    const answer = Answer.current;
    if (!answer || !answer.admissionId) return;
    try {
      await Scanner.post('/admissions/' + encodeURIComponent(answer.admissionId) + '/undo', { reason: Scanner.t('undoReason') });
      answer.undone = true;
      Answer.mark((entry) => entry.admissionId === answer.admissionId, { undone: true });
      Answer.show(answer, false);
    } catch (failure) {
      if (!failure.signIn) $('answer-reason').textContent = Scanner.t('undoRefused', failure.message);
    } finally {
      focusScan();
    }
  }

  async function toggleCamera() {
    if (stopCamera) {
      stopCamera();
      stopCamera = null;
      $('camera-box').hidden = true;
      $('camera-button').textContent = Scanner.t('camera');
      focusScan();
      return;
    }
    $('camera-box').hidden = false;
    $('camera-status').textContent = Scanner.t('cameraStarting');
    try {
      stopCamera = await Camera.start($('camera-video'), (text) => scanText(text));
      $('camera-box').dataset.engine = stopCamera.engine;
      $('camera-status').textContent = Scanner.t('cameraLooking') + ' ' + Scanner.t('cameraEngine', stopCamera.engine);
      $('camera-button').textContent = Scanner.t('cameraStop');
    } catch (failure) {
      $('camera-status').textContent = Scanner.t('cameraFailed', failure.message || failure.name);
    }
  }

  /**
   * The list of performances, on the one chosen: the one shown before (a new language), else the one kept on the
   * device if it can still be scanned for, else the only one that can be scanned for now (Offline.scannableNow),
   * unless staff chose "no performance" here.
   */
  function fillPerformances(performances) {
    performancesShown = performances;
    const select = $('performance');
    const ids = performances.map((p) => p.performanceId);
    const chosen = [select.value, localStorage.getItem(PERFORMANCE_KEY)].find((id) => ids.includes(id))
      || (ids.length === 1 && !noPerformanceChosen ? ids[0] : '');
    select.replaceChildren(select.options[0], ...performances.map((p) => Scanner.el('option',
      { value: p.performanceId, selected: p.performanceId === chosen }, Scanner.time(p.startsAt) + ' · ' + p.title)));
  }

  async function loadPerformances() {
    if (Offline.enabled()) return fillPerformances(Offline.performances());
    // yesterday's to tomorrow's: a show after midnight can be scanned for from 12 hours before it starts
    const day = Offline.today();
    try {
      const around = await Scanner.call('/performances?from=' + Offline.dayAfter(day, -1) + '&to=' + Offline.dayAfter(day, 1));
      fillPerformances(Offline.scannableNow(around));
    } catch (notYet) {
      fillPerformances([]);
    }
  }

  /** The venue's name in the header, and as the partner the person is signed in for. */
  function showVenue(venue) {
    if (!venue || !venue.name) return;
    $('venue-name').textContent = venue.name;
    Scanner.session.partner(venue.name);
  }

  function showPending() {
    const waiting = Offline.queue().length;
    $('pending').hidden = waiting === 0;
    $('pending').textContent = Scanner.t('pending', waiting);
    $('sync-now').hidden = waiting === 0 || Offline.enabled();
  }

  function showMode() {
    const offline = Offline.enabled();
    document.body.classList.toggle('offline', offline);
    $('offline-switch').checked = offline;
    const banner = $('mode-banner');
    banner.hidden = !offline;
    if (offline) {
      const kit = Offline.kit() || {};
      banner.textContent = Scanner.t('offlineOn') + ' ' + Scanner.t('offlineKitAge', Scanner.dateTime(kit.fetchedAt || Date.now()),
        (kit.publicKeys || []).length, (kit.revokedPasses || []).length);
    }
    showPending();
  }

  async function sync() {
    const result = $('sync-result');
    result.hidden = false;
    result.className = 'small';
    result.textContent = Scanner.t('syncing');
    try {
      const results = await Offline.sync();
      const doubles = results.filter((r) => r.doubleUse);
      results.forEach((r) => Answer.mark((entry) => entry.nonce === r.nonce,
        { admissionId: r.admissionId, doubleUse: !!r.doubleUse, synced: true }));
      result.dataset.sent = results.length;
      result.dataset.doubleUses = doubles.length;
      result.className = doubles.length ? 'small bad' : 'small';
      result.textContent = Scanner.t('synced', results.length) + (doubles.length ? ' ' + Scanner.t('doubleUses', doubles.length) : '');
    } catch (failure) {
      if (!failure.signIn) {
        result.className = 'small bad';
        result.dataset.failed = 'true';
        result.textContent = Scanner.t('syncFailed', failure.message);
      }
    }
    showPending();
  }

  async function switchOffline(on) {
    if (on) {
      try {
        const kit = await Offline.loadKit();
        Offline.setEnabled(true);
        showVenue(kit.venue);
      } catch (failure) {
        Offline.setEnabled(false);
        if (!failure.signIn) Answer.problem(Scanner.t('offlineKitFailed', failure.message));
      }
    } else {
      Offline.setEnabled(false);
    }
    showMode();
    await loadPerformances();
    if (!on && Offline.queue().length) await sync();
    focusScan();
  }

  async function start() {
    $('lang').value = Scanner.lang;
    Scanner.setLanguage(Scanner.lang);
    await Pairing.fromAddress();
    await Pairing.check();
    const session = await Scanner.session.start();
    if (session === 'wrong-role' || (session === 'signed-out' && !Offline.enabled())) return;
    if ($('device-banner').dataset.state !== 'paired') $('device-name').textContent = Scanner.device();
    if (!Offline.enabled()) {
      try {
        showVenue(await Scanner.call('/venues/mine'));
      } catch (failure) {
        if (failure.signIn) return;
      }
    } else if (Offline.kit()) {
      showVenue(Offline.kit().venue);
    }
    $('desk').hidden = false;
    Answer.idle();
    Answer.renderRecent();
    showMode();
    await loadPerformances();
    restoringDraft = true;
    Scanner.session.restoreDraft();
    restoringDraft = false;
    document.body.dataset.ready = 'true';
    focusScan();
    // scans the server could not take because the session had ended are sent once the person has signed in again
    if (session === 'signed-in' && !Offline.enabled() && Offline.queue().length) await sync();
  }

  function listen() {
    const submitScan = () => {
      const text = $('scan').value;
      $('scan').value = '';
      scanText(text);
    };
    $('scan-form').addEventListener('submit', (event) => {
      event.preventDefault();
      submitScan();
    });
    // some wedge scanners end the code with Tab instead of Enter
    $('scan').addEventListener('keydown', (event) => {
      if (event.key === 'Tab' && $('scan').value.trim()) {
        event.preventDefault();
        submitScan();
      }
    });
    $('code-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const code = $('code').value;
      $('code').value = '';
      checkCode(code);
    });
    $('photo').addEventListener('change', () => {
      sendPhoto($('photo').files[0]);
      $('photo').value = '';
    });
    $('undo').addEventListener('click', undo);
    $('camera-button').addEventListener('click', toggleCamera);
    $('sync-now').addEventListener('click', sync);
    $('offline-switch').addEventListener('change', () => switchOffline($('offline-switch').checked));
    $('performance').addEventListener('change', () => {
      // the draft put back after a new sign-in may restore a performance, never "no performance": that is a choice
      // staff make at the desk, so the list goes back to the one it chose by itself
      if (restoringDraft && !performanceId()) return fillPerformances(performancesShown);
      localStorage.setItem(PERFORMANCE_KEY, $('performance').value);
      noPerformanceChosen = !performanceId();
      const send = waitingForPerformance;
      waitingForPerformance = null;
      if (send) send();
      else focusScan();
    });
    $('lang').addEventListener('change', () => {
      Scanner.setLanguage($('lang').value);
      Pairing.translate();
      if (Answer.current) Answer.show(Answer.current, false);
      else if ($('answer').classList.contains('idle')) Answer.idle();
      Answer.renderRecent();
      fillPerformances(performancesShown);
      showMode();
      focusScan();
    });
    setInterval(Answer.offerUndo, 5000);
  }

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js').catch(() => { /* the page works without; it only cannot reopen offline */ });
  }
  listen();
  start();
})();
