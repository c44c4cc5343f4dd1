/*
 * The offline mode, a deliberate switch (two offline devices can admit the same card: the server flags it
 * at sync). Going offline downloads the offline kit (public keys, revocation list, the venue's agreement,
 * performances). Offline, a card is decided on this device: signature, validity dates, revocation list,
 * agreement and accepted category, a performance chosen where the agreement needs one, one admission per pass
 * per performance (or per day) among this device's queued scans, and the performance's places left when the kit
 * was loaded less those this device has admitted since (other doors cannot be known: the server settles at sync). Every offline scan is queued in localStorage (it survives a reload or a flat
 * battery) and sent with its original time when the switch goes back online.
 */
(function () {
  'use strict';

  const KIT_KEY = 'kulturpass.scanner.kit';
  const MODE_KEY = 'kulturpass.scanner.offline';
  const QUEUE_KEY = 'kulturpass.scanner.queue';
  /** Until a kit says otherwise (its timeZone: the server's kulturpass.time-zone). */
  const DEFAULT_ZONE = 'Europe/Luxembourg';
  const SYNC_BATCH = 200;

  function read(key, otherwise) {
    try {
      const value = JSON.parse(localStorage.getItem(key));
      return value === null ? otherwise : value;
    } catch (broken) {
      return otherwise;
    }
  }

  let zone = null;

  /** The programme's time zone, as the server counts days: the kit's, read once (the kit is large). */
  function programmeZone() {
    if (zone === null) {
      const kit = read(KIT_KEY, null);
      zone = (kit && kit.timeZone) || DEFAULT_ZONE;
    }
    return zone;
  }

  /** Today in the programme (the day that "once a day" counts in), as YYYY-MM-DD; at {@code now} (ms) if given. */
  function today(now = Date.now()) {
    return dayOf(now);
  }

  function dayOf(time) {
    return new Intl.DateTimeFormat('en-CA', { timeZone: programmeZone(), year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(new Date(time));
  }

  /** As the server decides: on the performance's day, or from 12 hours before its start to 6 hours after. */
  function isOn(performance, day, now = Date.now()) {
    if (dayOf(performance.startsAt) === day) return true;
    const start = new Date(performance.startsAt).getTime();
    return now >= start - 12 * 3600 * 1000 && now <= start + 6 * 3600 * 1000;
  }

  /**
   * The reason the device gives a scan offline ('VALID': admitted), in the server's order (AdmissionRules, the rule
   * book venue-service/src/test/resources/lu/kulturpass/venue/admission/rule-book.json): the card as read
   * ({@code checked}, from PassToken.check), its dates on the programme's day, the kit's revocation list, the agreement
   * and its categories, the performance (in the kit, not cancelled, on now) or free entry, once per performance (or per
   * day), then the places left. {@code now} (ms): the time of the scan.
   */
  function judge(checked, kit, performanceId, queue, now = Date.now()) {
    if (checked.reason) return checked.reason;
    const card = checked.card;
    const day = today(now);
    if (day < card.validFrom) return 'NOT_YET_VALID';
    if (day > card.validUntil) return 'EXPIRED';
    if ((kit.revokedPasses || []).map(String).includes(String(card.passId))) return 'REVOKED';
    const agreement = kit.agreement;
    if (!agreement || (agreement.validFrom && day < agreement.validFrom) || (agreement.validUntil && day > agreement.validUntil)) {
      return 'NO_AGREEMENT';
    }
    if (!(agreement.acceptedCategories || []).includes(card.category)) return 'CATEGORY_NOT_ACCEPTED';
    const performance = performanceId ? (kit.performances || []).find((p) => p.performanceId === performanceId) : null;
    if (performanceId) {
      if (!performance) return 'UNKNOWN_PERFORMANCE';
      if (performance.status && performance.status !== 'SCHEDULED') return 'PERFORMANCE_CANCELLED';
      if (performance.startsAt && !isOn(performance, day, now)) return 'PERFORMANCE_NOT_TODAY';
    } else if (agreement.benefit !== 'FREE_ENTRY') {
      return 'PERFORMANCE_REQUIRED';
    }
    const again = queue.some((scan) => scan.admittedOffline && scan.passId === card.passId
      && (performanceId ? scan.performanceId === performanceId : !scan.performanceId && dayOf(scan.scannedAt) === day));
    if (again) return performanceId ? 'ALREADY_ADMITTED' : 'ALREADY_ADMITTED_TODAY';
    if (performance && performance.placesOffered !== undefined) {
      const takenHere = queue.filter((scan) => scan.admittedOffline && scan.performanceId === performanceId)
        .reduce((sum, scan) => sum + (scan.groupSize || 1), 0);
      if ((performance.placesUsed || 0) + takenHere + card.groupSize > performance.placesOffered) return 'SOLD_OUT';
    }
    return 'VALID';
  }

  function price(agreement, groupSize) {
    if (!agreement || agreement.benefit === 'FREE_ENTRY') return 0;
    return Math.round(Number(agreement.price || 0) * 100 * groupSize) / 100;
  }

  const Offline = {
    enabled() {
      return localStorage.getItem(MODE_KEY) === 'on';
    },

    setEnabled(on) {
      localStorage.setItem(MODE_KEY, on ? 'on' : 'off');
    },

    kit() {
      return read(KIT_KEY, null);
    },

    /** Downloads and keeps the offline kit; throws when the server cannot give it. */
    async loadKit() {
      const kit = await Scanner.call('/offline-kit');
      if (!kit || !Array.isArray(kit.publicKeys)) throw new Error(Scanner.t('offlineKitEmpty'));
      kit.fetchedAt = new Date().toISOString();
      localStorage.setItem(KIT_KEY, JSON.stringify(kit));
      zone = kit.timeZone || DEFAULT_ZONE;
      return kit;
    },

    queue() {
      return read(QUEUE_KEY, []);
    },

    /** Decides a scanned text on this device and queues it; answers like the server does, with offline: true. */
    async scan(text, performanceId) {
      const kit = Offline.kit() || {};
      const queue = Offline.queue();
      const answer = { offline: true, nonce: Scanner.nonce(), scannedAt: new Date().toISOString(), performanceId: performanceId || null };
      const checked = await PassToken.check(text, (keyId) => ((kit.publicKeys || []).find((k) => Number(k.keyId) === keyId) || {}).publicKey);
      const card = checked.card;
      const reason = judge(checked, kit, performanceId, queue);
      if (card) {
        Object.assign(answer, {
          passId: card.passId, passNumber: PassToken.passNumber(card.passId), category: card.category,
          groupSize: card.groupSize, holder: { initials: card.initials, birthYear: card.birthYear }, validUntil: card.validUntil
        });
      }
      answer.reason = reason;
      answer.admitted = reason === 'VALID';
      if (answer.admitted) {
        answer.price = price(kit.agreement, card.groupSize);
        answer.currency = (kit.agreement && kit.agreement.currency) || 'EUR';
      }
      queue.push({ token: String(text).trim(), nonce: answer.nonce, scannedAt: answer.scannedAt, performanceId: answer.performanceId,
        admittedOffline: answer.admitted, passId: answer.passId ?? null, groupSize: answer.groupSize ?? null });
      localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
      return answer;
    },

    /** Sends the queued scans with their original times, in batches the server takes; keeps what it could not send. */
    async sync() {
      const results = [];
      let queue = Offline.queue();
      while (queue.length) {
        const batch = queue.slice(0, SYNC_BATCH)
          .map(({ token, nonce, scannedAt, performanceId, admittedOffline }) => ({ token, nonce, scannedAt, performanceId, admittedOffline }));
        const answer = await Scanner.post('/admissions/offline', { device: Scanner.device(), scans: batch }, true);
        const taken = ((answer && answer.results) || []);
        if (!taken.length) break;
        results.push(...taken);
        const sent = new Set(taken.map((r) => r.nonce));
        localStorage.setItem(QUEUE_KEY, JSON.stringify(Offline.queue().filter((scan) => !sent.has(scan.nonce))));
        queue = taken.length < batch.length ? [] : Offline.queue();
      }
      return results;
    },

    /** The kit's performances that can be scanned for now (for choosing one offline). */
    performances() {
      const kit = Offline.kit();
      return Offline.scannableNow((kit && kit.performances) || []);
    },

    /**
     * Of these performances, those a scan now may name, as the server decides: not cancelled, and today's or
     * starting within 12 hours (a show after midnight) or started less than 6 hours ago; by start. {@code now} (ms):
     * the time to decide at, the current time if not given.
     */
    scannableNow(performances, now = Date.now()) {
      const day = today(now);
      return performances.filter((p) => p.status !== 'CANCELLED' && isOn(p, day, now))
        .sort((a, b) => new Date(a.startsAt) - new Date(b.startsAt));
    },

    /** The day before or after a YYYY-MM-DD day. */
    dayAfter(day, days) {
      return new Date(Date.parse(day + 'T12:00:00Z') + days * 86400000).toISOString().slice(0, 10);
    },

    today,

    judge
  };

  window.Offline = Offline;
})();
