// The revisit (回访) panel of the agent desktop: done orders to call back, a dial button (click-to-dial) and the
// outcome form. The list comes from /api/work-orders/revisits and is refreshed by the "workorder-revisit" push.
// Order and customer text only ever goes through textContent (Hotline.el).
(function () {
  'use strict';
  const el = Hotline.el;
  const t = Hotline.t;
  const SATISFACTION = ['VERY_SATISFIED', 'SATISFIED', 'NEUTRAL', 'DISSATISFIED', 'VERY_DISSATISFIED'];

  Hotline.i18n.add({
    'zh-CN': {
      'rv.title': '回访', 'rv.refresh': '刷新', 'rv.none': '没有待回访工单', 'rv.attempts': '已拨 {n}/{max} 次',
      'rv.done-at': '办结 {t}', 'rv.dial': '拨号', 'rv.record': '登记结果', 'rv.dialing': '正在拨号…',
      'rv.dialled': '已接通，通话结束后登记结果', 'rv.dial-failed': '拨号失败：{m}', 'rv.failed': '操作失败：{m}',
      'rv.reached': '联系上客户', 'rv.not-reached': '未联系上', 'rv.satisfaction': '满意度', 'rv.notes': '备注',
      'rv.save': '保存', 'rv.cancel': '取消', 'rv.unknown': '未知客户', 'rv.pick': '请选择满意度',
      'rv.VERY_SATISFIED': '非常满意', 'rv.SATISFIED': '满意', 'rv.NEUTRAL': '一般', 'rv.DISSATISFIED': '不满意',
      'rv.VERY_DISSATISFIED': '非常不满意'
    },
    en: {
      'rv.title': 'Revisits', 'rv.refresh': 'Refresh', 'rv.none': 'No orders to revisit', 'rv.attempts': 'called {n}/{max}',
      'rv.done-at': 'done {t}', 'rv.dial': 'Dial', 'rv.record': 'Record outcome', 'rv.dialing': 'Dialling…',
      'rv.dialled': 'Connected: record the outcome after the call', 'rv.dial-failed': 'Dial failed: {m}',
      'rv.failed': 'Failed: {m}', 'rv.reached': 'Customer reached', 'rv.not-reached': 'Not reached',
      'rv.satisfaction': 'Satisfaction', 'rv.notes': 'Notes', 'rv.save': 'Save', 'rv.cancel': 'Cancel',
      'rv.unknown': 'Unknown customer', 'rv.pick': 'Choose the satisfaction', 'rv.VERY_SATISFIED': 'Very satisfied',
      'rv.SATISFIED': 'Satisfied', 'rv.NEUTRAL': 'Neutral', 'rv.DISSATISFIED': 'Dissatisfied',
      'rv.VERY_DISSATISFIED': 'Very dissatisfied'
    }
  });

  const notes = new Map(); // revisit id → the last message about it (dialling, dial error…)
  const calls = new Map(); // revisit id → the call placed from it (its id arrives with the agent's state)
  let dialledFrom = null; // the revisit whose dial is waiting for the call to show in the agent's state
  let formOpen = null; // the revisit whose outcome form is open: a refresh keeps that item as it is

  // "报修 fault repair" → "报修": pages show the Chinese part of configured names only
  // "报修 fault repair" → "报修" in Chinese, "fault repair" in English: configured names carry both, one is shown
  function chinese(label) {
    const s = String(label || '');
    const i = s.indexOf(' ');
    if (i < 0) return s;
    return Hotline.i18n && Hotline.i18n.lang() === 'en' ? s.slice(i + 1) : s.slice(0, i);
  }

  function button(key, cls) {
    const b = el('button', cls, t(key));
    b.type = 'button';
    return b;
  }

  function build() {
    const side = document.getElementById('side');
    if (!side || document.getElementById('revisits')) return;
    const panel = el('section', 'panel');
    panel.id = 'revisits';
    const h = panel.appendChild(el('h2'));
    h.appendChild(el('span', null, t('rv.title'))).dataset.i18n = 'rv.title';
    const refresh = h.appendChild(button('rv.refresh', 'link'));
    refresh.dataset.i18n = 'rv.refresh';
    refresh.addEventListener('click', load);
    panel.appendChild(el('ul')).id = 'revisit-list';
    // after the callbacks: both are calls the hotline makes
    const callbacks = document.getElementById('callbacks');
    side.insertBefore(panel, callbacks ? callbacks.nextSibling : null);
  }

  function load() {
    return Hotline.api('GET', '/api/work-orders/revisits').then(render).catch(e => {
      const ul = document.getElementById('revisit-list');
      if (ul) ul.replaceChildren(el('li', 'note error', t('rv.failed', {m: e.message})));
    });
  }

  function render(list) {
    const ul = document.getElementById('revisit-list');
    if (!ul) return;
    if (!list.length) { ul.replaceChildren(el('li', 'note none', t('rv.none'))); return; }
    const kept = formOpen === null ? null : ul.querySelector('li.revisit[data-id="' + formOpen + '"]');
    ul.replaceChildren(...list.map(r => (kept && r.id === formOpen) ? kept : item(r)));
    if (formOpen !== null && !list.some(r => r.id === formOpen)) formOpen = null;
  }

  function item(r) {
    const li = el('li', 'revisit');
    li.dataset.id = r.id;
    li.dataset.orderNo = r.orderNo;
    li.appendChild(el('span', 'rv-type', chinese(r.typeLabel)));
    li.appendChild(el('span', 'rv-order', r.orderNo));
    li.appendChild(el('span', 'rv-customer', r.customerName || t('rv.unknown')));
    li.appendChild(el('span', 'rv-number', r.number || '—'));
    li.appendChild(el('span', 'rv-attempts', t('rv.attempts', {n: r.attempts, max: r.maxAttempts})));
    li.appendChild(el('span', 'rv-done', t('rv.done-at', {t: Hotline.card.time(r.doneAt)})));
    const actions = li.appendChild(el('span', 'rv-actions'));
    const dial = actions.appendChild(button('rv.dial', 'rv-dial'));
    dial.disabled = !r.number;
    dial.addEventListener('click', () => dialFor(r));
    actions.appendChild(button('rv.record', 'rv-record')).addEventListener('click', () => openForm(li, r));
    li.appendChild(el('div', 'rv-message note', notes.get(r.id) || ''));
    return li;
  }

  function dialFor(r) {
    notes.set(r.id, t('rv.dialing'));
    dialledFrom = r.id;
    load();
    return Hotline.api('POST', '/api/control/dial', {number: r.number}).then(() => {
      notes.set(r.id, t('rv.dialled'));
    }, e => {
      dialledFrom = null;
      notes.set(r.id, t('rv.dial-failed', {m: e.message}));
    }).finally(load);
  }

  function openForm(li, r) {
    if (li.querySelector('form')) return;
    formOpen = r.id;
    const form = li.appendChild(el('form', 'rv-form'));
    const reached = el('select', 'rv-reached');
    for (const [v, key] of [['true', 'rv.reached'], ['false', 'rv.not-reached']]) {
      const o = reached.appendChild(el('option', null, t(key)));
      o.value = v;
    }
    const sat = el('select', 'rv-satisfaction');
    const pick = sat.appendChild(el('option', null, t('rv.pick')));
    pick.value = '';
    for (const s of SATISFACTION) {
      const o = sat.appendChild(el('option', null, t('rv.' + s)));
      o.value = s;
    }
    reached.addEventListener('change', () => { sat.disabled = reached.value !== 'true'; });
    const text = el('textarea', 'rv-notes');
    text.maxLength = 2000;
    text.rows = 2;
    text.placeholder = t('rv.notes');
    form.append(reached, sat, text);
    const row = form.appendChild(el('div', 'rv-buttons'));
    const save = row.appendChild(button('rv.save', 'primary rv-save'));
    save.type = 'submit';
    row.appendChild(button('rv.cancel', 'link')).addEventListener('click', () => {
      formOpen = null;
      form.remove();
    });
    const status = form.appendChild(el('p', 'note rv-status', ''));
    // a hint about the previous choice must not stay once the agent changed it
    for (const control of [reached, sat]) control.addEventListener('change', () => { status.textContent = ''; });
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      const isReached = reached.value === 'true';
      if (isReached && !sat.value) { status.textContent = t('rv.pick'); return; }
      save.disabled = true;
      Hotline.api('POST', '/api/work-orders/revisits/' + r.id + '/attempts', {reached: isReached,
        satisfaction: isReached ? sat.value : null, notes: text.value || null, callId: calls.get(r.id) || null})
        .then(() => {
          formOpen = null;
          notes.delete(r.id);
          calls.delete(r.id);
          load();
        }, e => {
          status.textContent = t('rv.failed', {m: e.message});
          save.disabled = false;
        });
    });
  }

  // the call placed from a revisit shows up in the agent's state: remember its id for the attempt
  function onAgentState(state) {
    if (dialledFrom !== null && state && state.call && state.call.callId) {
      calls.set(dialledFrom, state.call.callId);
      dialledFrom = null;
    }
  }

  Hotline.on('workorder-revisit', load);
  Hotline.on('agent-state', m => onAgentState(m.data));
  Hotline.on('socket', m => { if (m.up) load(); });
  Hotline.on('lang', load);

  document.addEventListener('DOMContentLoaded', () => {
    build();
    load();
  });
})();
