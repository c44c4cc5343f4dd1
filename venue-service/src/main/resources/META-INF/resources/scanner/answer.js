/*
 * What staff read at the door: the big green or red answer with the reason, the price to charge and the
 * holder check; and the list of recent scans on this device (kept in localStorage, offline ones marked,
 * double uses flagged after sync).
 */
(function () {
  'use strict';

  const RECENT_KEY = 'kulturpass.scanner.recent';
  const KEEP = 30;
  const $ = (id) => document.getElementById(id);

  function recent() {
    try {
      return JSON.parse(localStorage.getItem(RECENT_KEY)) || [];
    } catch (broken) {
      return [];
    }
  }

  function keep(list) {
    localStorage.setItem(RECENT_KEY, JSON.stringify(list.slice(0, KEEP)));
  }

  /** Counts answers shown, so that a reader (a test, a screen reader script) can tell a new answer from the last one. */
  function shown(box) {
    box.dataset.shown = String(Number(box.dataset.shown || 0) + 1);
  }

  function priceText(answer) {
    if (!answer.admitted || answer.undone || answer.price === undefined || answer.price === null) return '';
    return Number(answer.price) === 0 ? Scanner.t('free') : Scanner.t('charge', Scanner.money(answer.price, answer.currency));
  }

  const Answer = {
    /** The answer currently shown, for undo. */
    current: null,

    idle() {
      Answer.current = null;
      const box = $('answer');
      box.className = 'answer idle';
      delete box.dataset.reason;
      $('answer-verdict').textContent = Scanner.t('ready');
      $('answer-reason').textContent = '';
      $('answer-details').hidden = true;
      $('undo').hidden = true;
    },

    checking(what = '') {
      $('answer').className = 'answer checking';
      $('answer-verdict').textContent = Scanner.t('checking');
      $('answer-reason').textContent = what;
      $('answer-details').hidden = true;
      $('undo').hidden = true;
    },

    /**
     * A problem that is neither an admission nor a refusal (no network, a photo without code; CHOOSE_PERFORMANCE:
     * a scan waiting for the performance to be chosen): amber.
     */
    problem(text, reason = 'PROBLEM') {
      Answer.current = null;
      const box = $('answer');
      box.className = 'answer problem';
      box.dataset.reason = reason;
      $('answer-verdict').textContent = '!';
      $('answer-reason').textContent = text;
      $('answer-details').hidden = true;
      $('undo').hidden = true;
      shown(box);
    },

    /** An answer; one undone says so instead of its verdict, reason and price (nobody to admit, nothing to charge). */
    show(answer, remember = true) {
      Answer.current = answer;
      const admitted = answer.admitted && !answer.undone;
      const box = $('answer');
      box.className = 'answer ' + (answer.undone ? 'undone' : admitted ? 'admitted' : 'refused') + (answer.offline ? ' offline' : '');
      box.dataset.reason = answer.undone ? 'UNDONE' : answer.reason;
      $('answer-verdict').textContent = Scanner.t(answer.undone ? 'undone' : admitted ? 'admit' : 'refuse');
      $('answer-reason').textContent = answer.undone ? '' : Scanner.reason(answer);
      const holder = answer.holder;
      $('answer-details').hidden = !holder && !answer.passNumber;
      $('answer-price').textContent = priceText(answer);
      $('answer-initials').textContent = holder ? holder.initials : '';
      $('answer-birth-year').textContent = holder ? (holder.birthYear || Scanner.t('noBirthYear')) : '';
      $('answer-initials').parentElement.hidden = !holder;
      // a typed pass number has no signed initials: staff compare the name printed on the card
      $('answer-card-check').hidden = !(admitted && !holder && answer.holderCheck === 'CARD');
      $('answer-card-check').textContent = Scanner.t('checkCard');
      $('answer-group').hidden = !(answer.groupSize > 1);
      $('answer-group').textContent = answer.groupSize > 1 ? Scanner.t('groupOf', answer.groupSize) : '';
      $('answer-pass-number').textContent = answer.passNumber || '';
      $('answer-offline').hidden = !answer.offline;
      $('answer-offline').textContent = Scanner.t(answer.admitted ? 'admittedOffline' : 'refusedOffline');
      Answer.offerUndo();
      shown(box);
      // a discreet buzz in the staff's hand for a refusal (no sound: nobody at the door should hear it)
      if (!answer.admitted && remember && navigator.vibrate) navigator.vibrate([120, 80, 120]);
      if (remember) Answer.remember(answer);
    },

    /** Undo is offered for an online admission while the server's window is open. */
    offerUndo() {
      const answer = Answer.current;
      const open = answer && answer.admitted && !answer.offline && answer.admissionId && !answer.undone
        && (!answer.undoableUntil || new Date(answer.undoableUntil) > new Date());
      $('undo').hidden = !open;
    },

    remember(answer) {
      const list = recent();
      list.unshift({ nonce: answer.nonce, admissionId: answer.admissionId, admitted: answer.admitted, reason: answer.reason,
        message: answer.message,
        passNumber: answer.passNumber, price: answer.admitted ? answer.price : null, currency: answer.currency,
        at: answer.scannedAt || new Date().toISOString(), offline: !!answer.offline });
      keep(list);
      Answer.renderRecent();
    },

    /** Marks entries of the recent list (by nonce or admission id) with what the server said later. */
    mark(match, changes) {
      keep(recent().map((entry) => (match(entry) ? { ...entry, ...changes } : entry)));
      Answer.renderRecent();
    },

    renderRecent() {
      const el = Scanner.el;
      $('recent-list').replaceChildren(...recent().map((entry) => el('li', {
        class: [entry.admitted && !entry.undone ? 'admitted' : 'refused', entry.offline ? 'offline' : '', entry.doubleUse ? 'double-use' : '']
          .filter(Boolean).join(' '),
        'data-nonce': entry.nonce, 'data-reason': entry.reason, 'data-admission-id': entry.admissionId
      },
      el('span', { class: 'when' }, Scanner.time(entry.at)), ' ',
      el('strong', {}, entry.undone ? Scanner.t('undone') : Scanner.t(entry.admitted ? 'admit' : 'refuse')), ' ',
      el('span', {}, entry.passNumber || ''), ' ',
      entry.offline ? el('span', { class: 'tag' }, Scanner.t(entry.admitted ? 'admittedOffline' : 'refusedOffline')) : null, ' ',
      entry.doubleUse ? el('span', { class: 'tag bad' }, Scanner.t('doubleUse')) : null,
      entry.admitted || entry.doubleUse ? null : el('span', { class: 'small muted' }, ' ' + Scanner.reason(entry)))));
    }
  };

  window.Answer = Answer;
})();
