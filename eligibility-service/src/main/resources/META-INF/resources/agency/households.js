/* The agency page: enrolling a household, and one household's page (decide, renew, cards, lost card). */
(function () {
  'use strict';

  const K = window.Agency;
  const el = K.el;
  const t = K.t;
  const SITUATIONS = ['SINGLE_ADULT', 'SINGLE_PARENT', 'COUPLE_WITHOUT_CHILDREN', 'COUPLE_WITH_CHILDREN', 'OTHER'];
  const REASONS = ['INCOME_ABOVE_LIMIT', 'CRITERION_NOT_MET', 'EVIDENCE_MISSING', 'EVIDENCE_EXPIRED', 'EVIDENCE_UNREADABLE',
    'NOT_RESIDENT', 'IDENTITY_TO_CHECK', 'ALREADY_ENROLLED_ELSEWHERE', 'OTHER'];
  let criteria = null;

  // ---- enrol a household ------------------------------------------------------------------------

  function memberFields(index) {
    const box = el('fieldset', { class: 'member-fields' }, el('legend', {}, t('member', index + 1)),
      el('div', { class: 'grid' },
        el('label', {}, t('column.FIRST_NAME'), el('input', { name: 'firstName', required: true, maxlength: 100, autocomplete: 'off' })),
        el('label', {}, t('column.LAST_NAME'), el('input', { name: 'lastName', required: true, maxlength: 100, autocomplete: 'off' })),
        el('label', {}, t('birthDate'), el('input', { name: 'birthDate', type: 'date', required: true }))));
    if (index > 0) {
      box.append(el('button', { type: 'button', class: 'danger', onclick: () => box.remove() }, t('removeMember')));
    }
    return box;
  }

  K.views.enrol = async function () {
    const members = el('div', { id: 'members' }, memberFields(0));
    // as many members as the household typed before a new sign-in had (page.js puts their names back)
    for (let i = 1; i < K.session.drafted('firstName'); i++) members.append(memberFields(i));
    const situation = el('select', { id: 'situation' }, el('option', { value: '' }, t('notSaid')),
      SITUATIONS.map((s) => el('option', { value: s }, t('householdSituation.' + s))));
    const municipality = el('input', { id: 'municipality', maxlength: 100 });
    let draft = false;
    const form = el('form', { id: 'enrol-form' },
      el('h1', {}, t('tabEnrol')),
      el('div', { class: 'grid' }, el('label', {}, t('column.HOUSEHOLD_SITUATION'), situation), el('label', {}, t('column.MUNICIPALITY'), municipality)),
      members,
      el('div', { class: 'row' },
        el('button', { type: 'button', id: 'add-member', onclick: () => members.append(memberFields(members.children.length)) }, '+ ' + t('addMember'))),
      el('div', { class: 'row' },
        el('button', { type: 'submit', class: 'primary', id: 'enrol-submit', disabled: !K.acting, onclick: () => { draft = false; } }, t('submit')),
        el('button', { type: 'submit', id: 'enrol-draft', disabled: !K.acting, onclick: () => { draft = true; } }, t('saveDraft'))));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      K.act(async () => {
        const body = {
          draft, householdSituation: situation.value || null, municipality: municipality.value || null,
          members: [...members.querySelectorAll('.member-fields')].map((box) => ({
            firstName: box.querySelector('[name=firstName]').value, lastName: box.querySelector('[name=lastName]').value,
            birthDate: box.querySelector('[name=birthDate]').value }))
        };
        const enrolment = await K.send('POST', '/enrolments', body);
        K.go('#/enrolments/' + enrolment.id);
        K.flash(t('enrolled'));
      }, event.submitter || form);
    });
    K.show(el('section', { class: 'card' }, form));
  };

  // ---- one household ----------------------------------------------------------------------------

  /** The criterion's name in the page's language (the list is kept across a change of language). */
  function criterionName(c) {
    return c['name' + K.lang.charAt(0).toUpperCase() + K.lang.slice(1)] || c.name;
  }

  /** Criterion and evidence inputs; read() gives the API's shape. */
  function evidenceFields(prefix) {
    const criterion = el('select', { id: prefix + '-criterion', required: true }, el('option', { value: '' }, t('chooseCriterion')),
      criteria.map((c) => el('option', { value: c.code }, criterionName(c))));
    const hint = el('p', { class: 'muted', id: prefix + '-hint' });
    criterion.addEventListener('change', () => {
      const chosen = criteria.find((c) => c.code === criterion.value);
      hint.textContent = chosen ? t('proofCounts', chosen.evidence, chosen.proofValidMonths) : '';
    });
    const kind = el('input', { id: prefix + '-kind', maxlength: 100 });
    const issuer = el('input', { id: prefix + '-issuer', maxlength: 100 });
    const number = el('input', { id: prefix + '-number', maxlength: 100 });
    const date = el('input', { id: prefix + '-date', type: 'date' });
    return {
      nodes: [el('label', {}, t('criterion'), criterion), hint,
        el('fieldset', {}, el('legend', {}, t('evidence')), el('div', { class: 'grid' },
          el('label', {}, t('evidenceKind'), kind), el('label', {}, t('evidenceIssuer'), issuer),
          el('label', {}, t('evidenceNumber'), number), el('label', {}, t('evidenceDate'), date)))],
      read: () => ({ criterion: criterion.value || null,
        evidence: kind.value || issuer.value || date.value
          ? { kind: kind.value, issuer: issuer.value, number: number.value || null, date: date.value || null } : null })
    };
  }

  function decisionForm(enrolment) {
    const fields = evidenceFields('decision');
    // no reason is chosen for the worker: refusing or sending for review without one is refused here
    const reason = el('select', { id: 'decision-reason' }, el('option', { value: '' }, t('chooseReason')),
      REASONS.map((r) => el('option', { value: r }, K.reason(r))));
    reason.addEventListener('change', () => reason.removeAttribute('aria-invalid'));
    const decide = (outcome, button) => K.act(async () => {
      if (outcome !== 'APPROVED' && !reason.value) {
        reason.setAttribute('aria-invalid', 'true');
        throw new Error(t('reasonNeeded'));
      }
      const body = outcome === 'APPROVED' ? { outcome, ...fields.read() } : { outcome, ...fields.read(), reasonCodes: [reason.value] };
      if (outcome !== 'APPROVED' && !body.criterion) delete body.criterion;
      await K.send('POST', '/enrolments/' + enrolment.id + '/decision', body);
      await K.route();
      K.flash(t('decided'));
    }, button);
    const allowed = enrolment.allowedMoves;
    return el('section', { class: 'card', id: 'decision' }, el('h2', {}, t('decision')), ...fields.nodes,
      el('label', {}, t('reasons'), reason),
      el('div', { class: 'row' },
        allowed.includes('APPROVED') ? el('button', { type: 'button', class: 'primary', id: 'approve', disabled: !K.acting, onclick: (event) => decide('APPROVED', event.currentTarget) }, t('approve')) : null,
        allowed.includes('NEEDS_REVIEW') ? el('button', { type: 'button', id: 'needs-review', disabled: !K.acting, onclick: (event) => decide('NEEDS_REVIEW', event.currentTarget) }, t('review')) : null,
        allowed.includes('REJECTED') ? el('button', { type: 'button', class: 'danger', id: 'reject', disabled: !K.acting, onclick: (event) => decide('REJECTED', event.currentTarget) }, t('reject')) : null));
  }

  function renewalForm(enrolment) {
    const fields = evidenceFields('renewal');
    return el('section', { class: 'card', id: 'renewal' }, el('h2', {}, t('renew')), el('p', { class: 'muted' }, t('renewHint')), ...fields.nodes,
      el('div', { class: 'row' }, el('button', { type: 'button', class: 'primary', id: 'renew', disabled: !K.acting, onclick: (event) => K.act(async () => {
        const renewed = await K.send('POST', '/enrolments/' + enrolment.id + '/renewal', fields.read());
        await K.route();
        K.flash(t('renewed', K.date(renewed.validUntil)));
      }, event.currentTarget) }, t('renew'))));
  }

  function memberView(member) {
    const loss = el('select', { 'aria-label': t('lostCard') }, el('option', { value: 'LOST' }, t('loss.LOST')), el('option', { value: 'STOLEN' }, t('loss.STOLEN')));
    const hasCard = Boolean(member.passNumber);
    return el('div', { class: 'member', 'data-beneficiary-id': member.id },
      el('strong', {}, member.firstName === null || member.firstName === undefined ? '—' : member.firstName + ' ' + member.lastName),
      el('span', { class: 'muted' }, K.date(member.birthDate) + (member.category ? ' · ' + t('memberCategory.' + member.category) : '')),
      member.enrolledElsewhere ? el('span', { class: 'elsewhere' }, t('elsewhere')) : null,
      hasCard ? el('span', { class: 'pass-number' }, t('card') + ' ' + member.passNumber) : null,
      hasCard ? el('div', { class: 'row' },
        el('button', { type: 'button', class: 'card-pdf', onclick: (event) => K.act(() =>
          K.download('POST', '/beneficiaries/' + member.id + '/card.pdf', { language: K.lang }, 'kulturpass-card.pdf'), event.currentTarget) }, '⇩ ' + t('cardPdf')),
        loss,
        el('button', { type: 'button', class: 'danger lost-card', disabled: !K.acting, onclick: (event) => K.act(async () => {
          if (!window.confirm(t('confirmLost'))) return;
          const replaced = await K.send('POST', '/beneficiaries/' + member.id + '/lost-card', { reason: loss.value });
          await K.route();
          K.flash(t('replaced', replaced.passNumber));
        }, event.currentTarget) }, t('lostCard'))) : null);
  }

  /** A decision's criterion in the page's language (the API names it in the language of the call). */
  function criterionOf(decision) {
    const known = decision.criterion && criteria && criteria.find((c) => c.code === decision.criterion);
    return known ? criterionName(known) : decision.criterionName || '';
  }

  function history(decisions) {
    return el('section', { class: 'card' }, el('h2', {}, t('history')), el('ul', { id: 'decisions' }, decisions.map((d) =>
      el('li', {}, K.badge(d.outcome), ' ', d.renewal ? '(' + t('reasonCode.RENEWAL') + ') ' : '', criterionOf(d), ' ',
        d.evidence ? '· ' + [d.evidence.kind, d.evidence.issuer, d.evidence.number, K.date(d.evidence.date)].filter(Boolean).join(', ') : '',
        d.reasonCodes.length ? ' · ' + d.reasonCodes.map(K.reason).join(', ') : '', ' · ', t('by', d.decidedBy), ' · ', K.date(d.decidedAt)))));
  }

  K.views.household = async function (id) {
    criteria = criteria || await K.json('/criteria');
    const enrolment = await K.json('/enrolments/' + id);
    const allowed = enrolment.allowedMoves;
    const cards = enrolment.status === 'APPROVED' && enrolment.members.some((m) => m.passNumber);
    K.show(el('p', {}, el('a', { href: '#/people' }, t('back'))),
      el('section', { class: 'card', id: 'household', 'data-enrolment-id': enrolment.id },
        el('h1', {}, t('column.HOUSEHOLD'), ' ', K.badge(enrolment.status), enrolment.dueForRenewal ? [' ', el('span', { class: 'badge status-needs_review' }, t('dueForRenewal'))] : null),
        el('p', { class: 'muted' }, [enrolment.householdSituation ? t('householdSituation.' + enrolment.householdSituation) : null, enrolment.municipality,
          enrolment.validUntil ? t('validUntilColumn') + ' ' + K.date(enrolment.validUntil) : null].filter(Boolean).join(' · ')),
        enrolment.members.map(memberView),
        el('div', { class: 'row' },
          allowed.includes('SUBMITTED') ? el('button', { type: 'button', class: 'primary', id: 'submit-draft', disabled: !K.acting, onclick: (event) => K.act(async () => {
            await K.send('POST', '/enrolments/' + id + '/submission');
            await K.route();
          }, event.currentTarget) }, t('submitDraft')) : null,
          cards ? el('button', { type: 'button', class: 'primary', id: 'cards-pdf', onclick: (event) => K.act(() =>
            K.download('POST', '/enrolments/' + id + '/cards.pdf', { language: K.lang }, 'kulturpass-cards.pdf'), event.currentTarget) }, '⇩ ' + t('cardsPdf')) : null)),
      allowed.some((m) => ['APPROVED', 'REJECTED', 'NEEDS_REVIEW'].includes(m)) ? decisionForm(enrolment) : null,
      allowed.includes('RENEW') ? renewalForm(enrolment) : null,
      enrolment.decisions.length ? history(enrolment.decisions) : null);
  };
})();
