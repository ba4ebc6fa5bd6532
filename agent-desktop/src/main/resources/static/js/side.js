// The side panel (<aside id="side">): customer search, contact logging bound to the current call, and callbacks
// (the one language switch is desk.js's, in the header). Caller and record text only ever goes through textContent (Hotline.el).
(function () {
  'use strict';
  const el = Hotline.el;
  const t = Hotline.t;
  // a wait as a person says it: seconds, minutes, or hours and minutes
  function waited(seconds) {
    if (seconds < 60) return t('cb.sec', {n: seconds});
    if (seconds < 3600) return t('cb.min', {n: Math.floor(seconds / 60)});
    return t('cb.hour', {h: Math.floor(seconds / 3600), m: Math.floor(seconds % 3600 / 60)});
  }
  const CALLBACK_REFRESH_MS = 10000;

  Hotline.i18n.add({
    'zh-CN': {
      'search.title': '客户查询', 'search.placeholder': '电话、姓名、户号、客户编号或地址',
      'search.go': '查询', 'search.none': '没有找到客户', 'search.count': '找到 {n} 位客户', 'search.failed': '查询失败：{m}',
      'contact.title': '联系记录', 'contact.call': '来电 {n}', 'contact.call-out': '外呼 {n}', 'contact.no-call': '未关联通话',
      'contact.no-customer': '未选择客户（可在来电或查询结果中选择）', 'contact.customer': '客户 {name}（{no}）',
      'contact.category': '类别', 'contact.sub': '子类', 'contact.account': '户号（可选）', 'contact.no-account': '—',
      'contact.notes': '备注', 'contact.save': '保存', 'contact.saved': '已保存', 'contact.failed': '保存失败：{m}',
      'contact.unbind': '解除', 'contact.pick-first': '请先在来电中选择客户', 'contact.chars': '{n} / 4000',
      'cb.title': '回拨', 'cb.refresh': '刷新', 'cb.none': '没有待回拨', 'cb.ABANDONED': '未接来电', 'cb.SCHEDULED': '预约回拨',
      'cb.REQUESTED': '排队回拨', 'cb.place': '排队于 {t}',
      'cb.queue': '队列 {q}', 'cb.waited': '等待 {s}', 'cb.sec': '{n} 秒', 'cb.min': '{n} 分钟', 'cb.hour': '{h} 小时 {m} 分', 'cb.due': '到期 {t}', 'cb.take': '回拨', 'cb.done': '完成',
      'cb.cancel': '取消', 'cb.taken': '已领取', 'cb.dialing': '正在拨号…', 'cb.dial-failed': '拨号失败：{m}',
      'cb.failed': '操作失败：{m}', 'cb.unknown': '未知客户', 'cb.schedule': '预约回拨', 'cb.number': '电话',
      'cb.due-at': '时间', 'cb.note': '备注', 'cb.add': '添加', 'cb.added': '已预约'
    },
    en: {
      'search.title': 'Customer search', 'search.placeholder': 'Phone, name, account, customer no. or address',
      'search.go': 'Search', 'search.none': 'No customer found', 'search.count': '{n} customers found', 'search.failed': 'Search failed: {m}',
      'contact.title': 'Log contact', 'contact.call': 'Call from {n}', 'contact.call-out': 'Call to {n}', 'contact.no-call': 'No call bound',
      'contact.no-customer': 'No customer chosen (pick one in the pop or the search results)',
      'contact.customer': 'Customer {name} ({no})', 'contact.category': 'Category', 'contact.sub': 'Sub-category',
      'contact.account': 'Account (optional)', 'contact.no-account': '—', 'contact.notes': 'Notes', 'contact.save': 'Save',
      'contact.saved': 'Saved', 'contact.failed': 'Not saved: {m}', 'contact.unbind': 'Unbind',
      'contact.pick-first': 'Pick the customer in the pop first', 'contact.chars': '{n} / 4000',
      'cb.title': 'Callbacks', 'cb.refresh': 'Refresh', 'cb.none': 'No callbacks due', 'cb.ABANDONED': 'Abandoned call',
      'cb.SCHEDULED': 'Scheduled', 'cb.REQUESTED': 'Queue callback', 'cb.place': 'queued at {t}',
      'cb.queue': 'Queue {q}', 'cb.waited': 'waited {s}', 'cb.sec': '{n} s', 'cb.min': '{n} min', 'cb.hour': '{h} h {m} min', 'cb.due': 'due {t}',
      'cb.take': 'Take & dial', 'cb.done': 'Done', 'cb.cancel': 'Cancel', 'cb.taken': 'Taken', 'cb.dialing': 'Dialling…',
      'cb.dial-failed': 'Dial failed: {m}', 'cb.failed': 'Failed: {m}', 'cb.unknown': 'Unknown customer',
      'cb.schedule': 'Schedule a callback', 'cb.number': 'Number', 'cb.due-at': 'When', 'cb.note': 'Note', 'cb.add': 'Add',
      'cb.added': 'Scheduled'
    }
  });

  // what the contact form is bound to: the call (id, caller number) and the customer card (or null)
  const bound = {callId: null, callerNumber: null, customer: null};
  const seenCalls = new Set();
  const callbackNotes = new Map(); // callback id → the last message about it (dial error…), kept across refreshes
  let categories = [];
  let lastQuery = null;

  function labelled(key, control) {
    const l = el('label', null);
    l.appendChild(el('span', null, t(key))).dataset.i18n = key;
    l.appendChild(control);
    return l;
  }

  function button(id, key, cls) {
    const b = el('button', cls, t(key));
    if (id) b.id = id;
    b.type = 'button';
    b.dataset.i18n = key;
    return b;
  }

  // ---------------------------------------------------------------- layout

  function build() {
    const side = document.getElementById('side');
    side.replaceChildren();
    const search = side.appendChild(el('section', 'panel'));
    search.id = 'search';
    search.appendChild(el('h2', null, t('search.title'))).dataset.i18n = 'search.title';
    const form = search.appendChild(el('form'));
    form.id = 'search-form';
    const q = form.appendChild(el('input'));
    q.id = 'search-q';
    q.type = 'search';
    q.maxLength = 100;
    q.dataset.i18nPlaceholder = 'search.placeholder';
    q.placeholder = t('search.placeholder');
    const go = form.appendChild(el('button', null, t('search.go')));
    go.type = 'submit';
    go.dataset.i18n = 'search.go';
    form.addEventListener('submit', (ev) => { ev.preventDefault(); runSearch(q.value); });
    search.appendChild(el('p', 'note', '')).id = 'search-status';
    search.appendChild(el('div')).id = 'search-results';

    const contact = side.appendChild(el('section', 'panel'));
    contact.id = 'contact';
    contact.appendChild(el('h2', null, t('contact.title'))).dataset.i18n = 'contact.title';
    const binding = contact.appendChild(el('div', 'binding'));
    binding.appendChild(el('div', null)).id = 'contact-call';
    binding.appendChild(el('div', null)).id = 'contact-customer';
    binding.appendChild(button('contact-unbind', 'contact.unbind', 'link'))
      .addEventListener('click', () => { bind(null, null, null); });
    const cat = el('select');
    cat.id = 'contact-category';
    cat.addEventListener('change', fillSubCategories);
    contact.appendChild(labelled('contact.category', cat));
    const sub = el('select');
    sub.id = 'contact-sub';
    contact.appendChild(labelled('contact.sub', sub));
    const acc = el('select');
    acc.id = 'contact-account';
    contact.appendChild(labelled('contact.account', acc));
    const notes = el('textarea');
    notes.id = 'contact-notes';
    notes.maxLength = 4000;
    notes.rows = 4;
    contact.appendChild(labelled('contact.notes', notes));
    const chars = contact.appendChild(el('div', 'note chars', t('contact.chars', {n: 0})));
    notes.addEventListener('input', () => { chars.textContent = t('contact.chars', {n: notes.value.length}); });
    contact.appendChild(button('contact-save', 'contact.save', 'primary')).addEventListener('click', saveContact);
    contact.appendChild(el('p', 'note', '')).id = 'contact-status';

    const cbs = side.appendChild(el('section', 'panel'));
    cbs.id = 'callbacks';
    const h = cbs.appendChild(el('h2', null));
    h.appendChild(el('span', null, t('cb.title'))).dataset.i18n = 'cb.title';
    h.appendChild(button('callbacks-refresh', 'cb.refresh', 'link')).addEventListener('click', loadCallbacks);
    cbs.appendChild(el('ul')).id = 'callback-list';
    const details = cbs.appendChild(el('details'));
    details.appendChild(el('summary', null, t('cb.schedule'))).dataset.i18n = 'cb.schedule';
    const number = el('input');
    number.id = 'cb-number';
    number.maxLength = 30;
    details.appendChild(labelled('cb.number', number));
    const due = el('input');
    due.id = 'cb-due';
    due.type = 'datetime-local';
    details.appendChild(labelled('cb.due-at', due));
    const note = el('input');
    note.id = 'cb-note';
    note.maxLength = 1000;
    details.appendChild(labelled('cb.note', note));
    details.appendChild(button('cb-add', 'cb.add')).addEventListener('click', scheduleCallback);
    details.appendChild(el('p', 'note', '')).id = 'cb-status';

    fillCategories();
    showBinding();
  }

  // ---------------------------------------------------------------- search

  function runSearch(text) {
    const q = (text || '').trim();
    const status = document.getElementById('search-status');
    const results = document.getElementById('search-results');
    lastQuery = q;
    if (!q) { results.replaceChildren(); status.textContent = ''; return Promise.resolve(); }
    // the call the agent is on goes with the search, for the card-read audit
    const call = bound.callId ? '&callId=' + encodeURIComponent(bound.callId) : '';
    return Hotline.api('GET', '/api/customers/search?q=' + encodeURIComponent(q) + call).then(cards => {
      if (q !== lastQuery) return; // an older answer arriving after a newer search
      status.textContent = cards.length ? t('search.count', {n: cards.length}) : t('search.none');
      results.replaceChildren(...cards.map(c => Hotline.card.render(c,
        {onLog: (x) => bind(bound.callId, bound.callerNumber, x)})));
    }).catch(e => { status.textContent = t('search.failed', {m: e.message}); });
  }

  // an unknown caller: the search box gets the number, ready to be edited or searched
  function prefillSearch(number) {
    const q = document.getElementById('search-q');
    q.value = number || '';
    document.getElementById('search-results').replaceChildren();
    document.getElementById('search-status').textContent = '';
    q.focus();
  }

  // ---------------------------------------------------------------- contact logging

  function fillCategories() {
    const cat = document.getElementById('contact-category');
    const current = cat.value;
    cat.replaceChildren(...categories.map(c => {
      const o = el('option', null, t('category.' + c.code));
      o.value = c.code;
      return o;
    }));
    if (current) cat.value = current;
    fillSubCategories();
  }

  function fillSubCategories() {
    const code = document.getElementById('contact-category').value;
    const c = categories.find(x => x.code === code);
    const sub = document.getElementById('contact-sub');
    const opts = [el('option', null, '—')];
    opts[0].value = '';
    for (const s of c ? c.subCategories : []) {
      const o = el('option', null, s);
      o.value = s;
      opts.push(o);
    }
    sub.replaceChildren(...opts);
  }

  function bind(callId, callerNumber, customer) {
    bound.callId = callId;
    bound.callerNumber = callerNumber;
    bound.customer = customer;
    showBinding();
  }

  function showBinding() {
    const call = document.getElementById('contact-call');
    if (!call) return;
    const pop = bound.callId && Hotline.pops ? Hotline.pops.get(bound.callId) : null;
    call.textContent = bound.callId ? t(pop && pop.outbound ? 'contact.call-out' : 'contact.call',
      {n: bound.callerNumber || '?'}) : t('contact.no-call');
    call.dataset.callId = bound.callId || '';
    const cust = document.getElementById('contact-customer');
    const c = bound.customer;
    cust.textContent = c ? t('contact.customer', {name: c.name, no: c.customerNo}) : t('contact.no-customer');
    cust.dataset.customerNo = c ? c.customerNo : '';
    const acc = document.getElementById('contact-account');
    const none = el('option', null, t('contact.no-account'));
    none.value = '';
    acc.replaceChildren(none, ...(c && c.accounts ? c.accounts : []).map(a => {
      const o = el('option', null, a.accountNo + ' · ' + (a.premisesAddress || ''));
      o.value = a.accountNo;
      return o;
    }));
  }

  function saveContact() {
    const status = document.getElementById('contact-status');
    const notes = document.getElementById('contact-notes');
    const pop = bound.callId && Hotline.pops ? Hotline.pops.get(bound.callId) : null;
    if (!bound.customer && pop && pop.customers && pop.customers.length > 1) {
      status.textContent = t('contact.pick-first');
      return;
    }
    const body = {
      customerNo: bound.customer ? bound.customer.customerNo : null,
      accountNo: document.getElementById('contact-account').value || null,
      callId: bound.callId,
      callerNumber: bound.callerNumber,
      category: document.getElementById('contact-category').value,
      subCategory: document.getElementById('contact-sub').value || null,
      notes: notes.value
    };
    const save = document.getElementById('contact-save');
    save.disabled = true;
    Hotline.api('POST', '/api/desk/contacts', body).then(() => {
      status.textContent = t('contact.saved');
      status.className = 'note ok';
      notes.value = '';
      notes.dispatchEvent(new Event('input'));
      if (body.customerNo) {
        Hotline.emit('contact-saved', {customerNo: body.customerNo, callId: body.callId || null});
        if (lastQuery) runSearch(lastQuery);
      }
    }).catch(e => {
      status.textContent = t('contact.failed', {m: e.message});
      status.className = 'note error';
    }).finally(() => { save.disabled = false; });
  }

  // a new live call binds the form; an unknown caller also gets the search box prefilled
  function onPop(p) {
    if (!p || (p.status !== 'RINGING' && p.status !== 'ANSWERED' && p.status !== 'HELD')) return;
    const first = !seenCalls.has(p.callId);
    seenCalls.add(p.callId);
    const customers = p.customers || [];
    if (first || (p.status === 'ANSWERED' && bound.callId !== p.callId)) {
      const chosenNo = Hotline.pops ? Hotline.pops.chosen(p.callId) : null;
      const single = customers.length === 1 ? customers[0] : customers.find(c => c.customerNo === chosenNo) || null;
      bind(p.callId, p.callerNumber, single);
    }
    if (first && customers.length === 0) prefillSearch(p.normalizedNumber || p.callerNumber);
  }

  // ---------------------------------------------------------------- callbacks

  function loadCallbacks() {
    return Hotline.api('GET', '/api/callbacks').then(renderCallbacks).catch(e => {
      document.getElementById('callback-list').replaceChildren(el('li', 'note error', t('cb.failed', {m: e.message})));
    });
  }

  function renderCallbacks(list) {
    const ul = document.getElementById('callback-list');
    if (!list.length) { ul.replaceChildren(el('li', 'note none', t('cb.none'))); return; }
    ul.replaceChildren(...list.map(cb => {
      const li = el('li', 'callback ' + String(cb.kind).toLowerCase());
      li.dataset.id = cb.id;
      li.dataset.status = cb.status;
      li.appendChild(el('span', 'cb-kind', t('cb.' + cb.kind)));
      li.appendChild(el('span', 'cb-number', cb.number));
      li.appendChild(el('span', 'cb-customer', cb.customerName || t('cb.unknown')));
      if (cb.queue) li.appendChild(el('span', 'cb-queue', t('cb.queue', {q: cb.queue})));
      // a requested callback keeps the caller's place in the queue: listed first, by that place
      if (cb.queuedAt) li.appendChild(el('span', 'cb-place', t('cb.place', {t: Hotline.card.time(cb.queuedAt)})));
      if (cb.waitedSeconds !== null && cb.waitedSeconds !== undefined) {
        li.appendChild(el('span', 'cb-waited', t('cb.waited', {s: waited(cb.waitedSeconds)})));
      }
      li.appendChild(el('span', 'cb-due', t('cb.due', {t: Hotline.card.time(cb.dueAt)})));
      if (cb.note) li.appendChild(el('span', 'cb-note', cb.note));
      const actions = li.appendChild(el('span', 'cb-actions'));
      if (cb.status === 'OPEN') {
        actions.appendChild(button(null, 'cb.take', 'cb-take')).addEventListener('click', () => takeAndDial(cb));
      } else {
        actions.appendChild(el('span', 'cb-taken', t('cb.taken')));
        actions.appendChild(button(null, 'cb.done', 'cb-done')).addEventListener('click', () => finish(cb, 'done'));
        actions.appendChild(button(null, 'cb.cancel', 'cb-cancel')).addEventListener('click', () => finish(cb, 'cancel'));
      }
      li.appendChild(el('div', 'cb-message note', callbackNotes.get(cb.id) || ''));
      return li;
    }));
  }

  function takeAndDial(cb) {
    return Hotline.api('POST', '/api/callbacks/' + cb.id + '/take').then(() => {
      callbackNotes.set(cb.id, t('cb.dialing'));
      loadCallbacks();
      return Hotline.api('POST', '/api/control/dial', {number: cb.number}).then(() => {
        callbackNotes.set(cb.id, t('cb.dialing'));
      }, e => {
        callbackNotes.set(cb.id, t('cb.dial-failed', {m: e.message}));
      });
    }, e => {
      callbackNotes.set(cb.id, t('cb.failed', {m: e.message}));
    }).finally(loadCallbacks);
  }

  function finish(cb, what) {
    return Hotline.api('POST', '/api/callbacks/' + cb.id + '/' + what, {}).then(() => callbackNotes.delete(cb.id),
      e => callbackNotes.set(cb.id, t('cb.failed', {m: e.message}))).finally(loadCallbacks);
  }

  function scheduleCallback() {
    const status = document.getElementById('cb-status');
    const due = document.getElementById('cb-due').value;
    const body = {number: document.getElementById('cb-number').value,
      customerNo: bound.customer ? bound.customer.customerNo : null,
      dueAt: due ? new Date(due).toISOString() : null, note: document.getElementById('cb-note').value || null};
    Hotline.api('POST', '/api/callbacks', body).then(() => {
      status.textContent = t('cb.added');
      loadCallbacks();
    }).catch(e => { status.textContent = t('cb.failed', {m: e.message}); });
  }

  // ---------------------------------------------------------------- wiring

  Hotline.on('pop', (m) => onPop(m.pop));
  Hotline.on('snapshot', (m) => (m.pops || []).forEach(onPop));
  Hotline.on('customer-chosen', (m) => bind(m.callId, m.callerNumber, m.customer));
  Hotline.on('socket', (m) => { if (m.up) loadCallbacks(); });
  Hotline.on('lang', () => {
    fillCategories();
    showBinding();
    if (lastQuery) runSearch(lastQuery);
    loadCallbacks();
  });

  document.addEventListener('DOMContentLoaded', () => {
    build();
    Hotline.api('GET', '/api/desk/categories').then(list => { categories = list; fillCategories(); })
      .catch(e => { document.getElementById('contact-status').textContent = t('contact.failed', {m: e.message}); });
    loadCallbacks();
    setInterval(loadCallbacks, CALLBACK_REFRESH_MS);
  });
})();
