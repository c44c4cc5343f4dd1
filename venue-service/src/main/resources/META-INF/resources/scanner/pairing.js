/*
 * The scanner page as a paired door device. A venue manager's QR code opens /scanner/#pair=<setup code>: the page takes
 * the code out of the address at once (history.replaceState: it stays out of the history, and a fragment never reaches a
 * server), and sends it to POST /devices/pairing; the answer's cookie (HttpOnly: no script here ever sees it) then signs
 * the device in as its venue's box office. The page says which venue and device it is paired as, and when the pairing
 * was revoked. It keeps only the venue's and the device's names (no secret) in localStorage, to tell a revocation from a
 * session that ended.
 */
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const NOTE_KEY = 'kulturpass.scanner.paired';
  const REFUSED = 'https://kulturpass.lu/problems/device-pairing-refused';
  const JSON_HEADERS = { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'JavaScript' };

  function note() {
    try {
      return JSON.parse(localStorage.getItem(NOTE_KEY));
    } catch (broken) {
      return null;
    }
  }

  function banner(text, bad) {
    const shown = $('device-banner');
    shown.textContent = text;
    shown.className = 'device-banner' + (bad ? ' bad' : '');
    shown.dataset.state = bad ? 'refused' : 'paired';
    shown.hidden = !text;
  }

  function showPaired(device) {
    const alone = !device.personSignedIn;
    localStorage.setItem(NOTE_KEY, JSON.stringify({ name: device.name, venueName: device.venueName, alone }));
    banner(Scanner.t('pairedAs', device.venueName, device.name), false);
    personSignIn(alone);
    $('device-name').textContent = device.name;
  }

  /**
   * On a device working alone, a person can sign in (their scans then record them too): a link to the provider's sign-in,
   * in place of the header's Sign out (the device itself has nothing to sign out of; the manager revokes it).
   */
  function personSignIn(alone) {
    document.body.classList.toggle('device-alone', alone);
    if (!alone) return;
    $('device-banner').append(' ', Scanner.el('a', { id: 'person-sign-in', href: '/signin?to=' + encodeURIComponent('/scanner/') },
      Scanner.t('personSignIn')));
  }

  function showRevoked() {
    localStorage.removeItem(NOTE_KEY);
    document.body.classList.remove('device-alone');
    banner(Scanner.t('devicePairingRevoked'), true);
  }

  const Pairing = {
    /** Pairs the device when the address holds a setup code (#pair=…), taking the code out of the address first. */
    async fromAddress() {
      const match = /^#pair=([0-9A-Za-z-]{1,40})$/.exec(location.hash);
      if (!match) return;
      history.replaceState(null, '', location.pathname + location.search);
      banner(Scanner.t('pairing'), false);
      try {
        const response = await fetch('/devices/pairing', { method: 'POST', credentials: 'same-origin',
          headers: { ...JSON_HEADERS, 'Content-Type': 'application/json', 'Accept-Language': Scanner.lang },
          body: JSON.stringify({ code: match[1] }) });
        const answer = await response.json().catch(() => ({}));
        if (!response.ok) {
          banner(Scanner.t('pairingFailed', answer.detail || response.statusText), true);
          return;
        }
        showPaired(answer);
      } catch (noNetwork) {
        banner(Scanner.t('pairingFailed', noNetwork.message || String(noNetwork)), true);
      }
    },

    /** Asks which device this is (GET /devices/current): paired (shown), revoked (said), or not a paired device. */
    async check() {
      let response;
      try {
        response = await fetch('/devices/current', { credentials: 'same-origin', headers: JSON_HEADERS });
      } catch (noNetwork) {
        return; // offline: the page keeps what it showed
      }
      if (response.ok) {
        showPaired(await response.json());
        return;
      }
      const problem = await response.json().catch(() => ({}));
      if (response.status === 401 && problem.type === REFUSED) {
        showRevoked();
      } else if (response.status === 404) {
        localStorage.removeItem(NOTE_KEY);
        if ($('device-banner').dataset.state !== 'refused') banner('', false);
      }
    },

    /** A call was no longer signed in: on a device working alone, that is its pairing refused (revoked or replaced). */
    ended() {
      const paired = note();
      if (paired && paired.alone) showRevoked();
    },

    /** The banner in the language just chosen. */
    translate() {
      const paired = note();
      const state = $('device-banner').dataset.state;
      if (state === 'refused' && !$('device-banner').hidden && !paired) banner(Scanner.t('devicePairingRevoked'), true);
      else if (state === 'paired' && paired) {
        banner(Scanner.t('pairedAs', paired.venueName, paired.name), false);
        personSignIn(paired.alone);
      }
    }
  };
  window.Pairing = Pairing;
})();
