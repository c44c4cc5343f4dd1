/*
 * What programme staff change from the audit page: register a partner (with its venues), draft an
 * agreement or correct a draft's terms, and read every change made to a partner (who, what, when,
 * before and after). The server checks every field; its refusal is shown beside the form.
 */
(function () {
  'use strict';

  const A = window.Audit;
  const el = A.el;
  const t = A.t;
  const CATEGORIES = ['ADULT', 'CHILD', 'COLLECTIVE'];

  function field(label, input) {
    return el('label', { class: 'field' }, el('span', {}, label), input);
  }

  function messageLine() {
    return el('p', { class: 'message', role: 'status' });
  }

  /** Runs a submit: shows "loading", then the server's refusal if any; returns the answer or null. */
  async function submitting(form, message, send) {
    message.className = 'message';
    message.textContent = t('loading');
    form.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      const answer = await send();
      message.textContent = '';
      return answer;
    } catch (e) {
      if (!e.signIn) {
        message.textContent = t('refused', e.message);
        message.classList.add('refused');
      }
      return null;
    } finally {
      form.querySelectorAll('button').forEach((b) => { b.disabled = false; });
    }
  }

  /** "Register a partner": kind, name and, for a cultural partner, its venues (one per line). */
  function newPartnerForm() {
    const kind = el('select', { name: 'kind', required: true },
      el('option', { value: 'CULTURAL' }, A.kind('CULTURAL')), el('option', { value: 'SOCIAL' }, A.kind('SOCIAL')));
    const name = el('input', { name: 'name', required: true, maxlength: 200, autocomplete: 'off' });
    const venues = el('textarea', { name: 'venues', rows: 3, placeholder: t('venuesPlaceholder') });
    const venuesField = field(t('venuesOnePerLine'), venues);
    kind.addEventListener('change', () => { venuesField.hidden = kind.value !== 'CULTURAL'; });
    const message = messageLine();
    const form = el('form', { id: 'new-partner', class: 'manage' }, field(t('kind'), kind), field(t('partnerName'), name), venuesField,
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, t('register'))), message);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = { kind: kind.value, name: name.value,
        venues: kind.value === 'CULTURAL' ? venues.value.split('\n').map((v) => v.trim()).filter(Boolean).map((v) => ({ name: v })) : [] };
      const created = await submitting(form, message, () => A.send('POST', '/partners', body));
      if (created) location.hash = '#/partners/' + created.id;
    });
    return el('details', { class: 'card manage-box' }, el('summary', {}, t('registerPartner')), form);
  }

  /** The terms of an agreement, empty for a new draft or filled with a draft's terms to correct them. */
  function agreementForm(partner, draft, onSaved) {
    const cultural = partner.kind === 'CULTURAL';
    const value = (key) => (draft && draft[key] != null ? String(draft[key]) : '');
    const input = (name, type, extra = {}) => el('input', { name, type, value: value(name), ...extra });
    const benefit = el('select', { name: 'benefit' }, ['REDUCED_PRICE', 'FREE_ENTRY'].map((b) =>
      el('option', { value: b, selected: draft ? draft.benefit === b : b === 'REDUCED_PRICE' }, A.benefit(b))));
    const price = input('price', 'number', { step: '0.01', min: '0', inputmode: 'decimal', value: draft ? value('price') : '1.50' });
    const places = input('placesPerEvent', 'number', { min: '1', step: '1', inputmode: 'numeric' });
    const categories = el('fieldset', { class: 'categories' }, el('legend', {}, t('categories')), CATEGORIES.map((c) =>
      el('label', {}, el('input', { type: 'checkbox', name: 'category', value: c,
        checked: draft ? (draft.acceptedCategories || []).includes(c) : c !== 'COLLECTIVE' }), ' ', A.category(c))));
    const today = new Date().toISOString().slice(0, 10);
    const from = input('validFrom', 'date', { required: true, value: draft ? value('validFrom') : today });
    const until = input('validUntil', 'date', { required: true });
    const signed = input('signedOn', 'date');
    const contactName = input('contactName', 'text', { maxlength: 200, autocomplete: 'off' });
    const contactEmail = input('contactEmail', 'email', { maxlength: 200, autocomplete: 'off' });
    const contactPhone = input('contactPhone', 'tel', { maxlength: 50, autocomplete: 'off' });
    const message = messageLine();
    const form = el('form', { class: 'manage agreement-form', 'data-agreement-form': draft ? draft.id : 'new' },
      cultural ? [field(t('benefitLabel'), benefit), field(t('pricePerPerson'), price), field(t('placesPerEvent'), places), categories] : null,
      el('div', { class: 'row' }, field(t('from'), from), field(t('to'), until)), field(t('signedOn'), signed),
      el('div', { class: 'row' }, field(t('contactName'), contactName), field(t('contactEmail'), contactEmail)),
      field(t('contactPhone'), contactPhone),
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, t(draft ? 'saveTerms' : 'draftAgreement'))),
      message);
    const priceField = price.closest('label');
    const showPrice = () => { if (priceField) priceField.hidden = benefit.value !== 'REDUCED_PRICE'; };
    benefit.addEventListener('change', showPrice);
    showPrice();
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const optional = (node) => (node.value.trim() === '' ? null : node.value.trim());
      const terms = { validFrom: from.value, validUntil: until.value, signedOn: optional(signed),
        contactName: optional(contactName), contactEmail: optional(contactEmail), contactPhone: optional(contactPhone) };
      if (cultural) {
        Object.assign(terms, { benefit: benefit.value, price: benefit.value === 'REDUCED_PRICE' ? optional(price) : null,
          placesPerEvent: optional(places) === null ? null : Number(places.value),
          acceptedCategories: [...categories.querySelectorAll('input:checked')].map((c) => c.value) });
      }
      const saved = await submitting(form, message, () => draft
        ? A.send('PUT', '/agreements/' + draft.id, terms)
        : A.send('POST', '/partners/' + partner.id + '/agreements', terms));
      if (saved) onSaved(saved);
    });
    return form;
  }

  function newAgreementBox(partner, onSaved) {
    return el('details', { class: 'manage-box', id: 'new-agreement' }, el('summary', {}, t('draftAnAgreement')),
      agreementForm(partner, null, onSaved));
  }

  function editTermsBox(partner, draft, onSaved) {
    return el('details', { class: 'manage-box', 'data-edit-terms': draft.id }, el('summary', {}, t('editTerms')),
      agreementForm(partner, draft, onSaved));
  }

  /** Every change to the partner and its agreements, newest first; each opens to show before and after. */
  async function history(partnerId) {
    const changes = (await A.json('/partners/' + partnerId + '/history')).slice().reverse();
    const json = (value) => el('pre', { class: 'json' }, value == null ? '—' : JSON.stringify(value, null, 2));
    return A.section(t('history'), changes.length ? el('ol', { class: 'history', id: 'history' }, changes.map((c) =>
      el('li', { 'data-action': c.action },
        el('details', {}, el('summary', {}, el('strong', {}, A.change(c.action)), ' · ', A.dateTime(c.at), ' · ', c.actor),
          el('div', { class: 'before-after' }, el('div', {}, el('h3', {}, t('before')), json(c.before)),
            el('div', {}, el('h3', {}, t('after')), json(c.after)))))))
      : el('p', { class: 'muted' }, t('none')));
  }

  window.AuditManage = { newPartnerForm, newAgreementBox, editTermsBox, history };
})();
