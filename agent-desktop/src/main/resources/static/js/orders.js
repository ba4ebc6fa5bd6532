// Work orders on the agent's customer card: the customer's open orders with their current stage and time left
// (counting down here from the deadline), "新建工单" from the call or by hand, the duplicate check (an open order or
// an outage on the same fault: link instead of a second order) and an order's timeline. Changes arrive by push
// ("workorder-changed" on /ws/agent), never by polling. Record and caller text only ever goes through textContent.
(function () {
  'use strict';
  const el = Hotline.el;
  const t = Hotline.t;

  Hotline.i18n.add({'zh-CN': {
    'wo.title': '在办工单', 'wo.none': '暂无在办工单', 'wo.new': '新建工单', 'wo.type': '工单类型',
    'wo.premises': '故障地址', 'wo.premises.pick': '请选择用电地址', 'wo.number': '来电号码', 'wo.call': '来自通话 {id}',
    'wo.by-hand': '手工建单（无通话）', 'wo.summary': '内容摘要', 'wo.submit': '提交', 'wo.cancel': '取消',
    'wo.created': '已创建工单 {no}', 'wo.linked': '已关联到工单 {no}', 'wo.left': '剩余 {t}', 'wo.over': '超时 {t}',
    'wo.waiting-a': '等待通话结束', 'wo.stage': '当前环节', 'wo.dup.title': '可能是同一故障，请先核对',
    'wo.dup.order': '已有工单 {no}', 'wo.dup.link': '关联到此工单', 'wo.dup.force': '仍然新建',
    'wo.outage': '{kind} {no} · {where} · {reason} · 预计恢复 {end}', 'wo.outage.planned': '计划停电',
    'wo.outage.unplanned': '故障停电', 'wo.need-type': '请选择工单类型', 'wo.need-premises': '请选择故障地址',
    'wo.timeline': '时间点', 'wo.tl.limit': '限时 {l}', 'wo.tl.deadline': '截止 {t}', 'wo.tl.done': '完成 {t}',
    'wo.tl.late': '超时', 'wo.tl.ok': '按时', 'wo.tl.none': '尚未开始', 'wo.loading': '正在加载…',
    'wo.src.desk': '坐席', 'wo.src.crew_app': '抢修人员', 'wo.src.ivr': '语音导航', 'wo.src.system': '系统',
    'wo.unit.m': '{n}分钟', 'wo.unit.h': '{n}小时', 'wo.unit.wd': '{n}个工作日', 'wo.unit.d': '{n}天',
    'wo.dur.dh': '{d}天{h}小时', 'wo.dur.hm': '{h}小时{m}分', 'wo.dur.ms': '{m}分{s}秒'
  },
  en: {
    'wo.title': 'Open work orders', 'wo.none': 'No open work orders', 'wo.new': 'New work order', 'wo.type': 'Order type',
    'wo.premises': 'Fault address', 'wo.premises.pick': 'Choose the premises', 'wo.number': 'Caller number',
    'wo.call': 'From call {id}', 'wo.by-hand': 'By hand (no call)', 'wo.summary': 'Summary', 'wo.submit': 'Submit',
    'wo.cancel': 'Cancel', 'wo.created': 'Work order {no} created', 'wo.linked': 'Linked to work order {no}',
    'wo.left': '{t} left', 'wo.over': '{t} over', 'wo.waiting-a': 'Waits for the call to end',
    'wo.stage': 'Stage', 'wo.dup.title': 'Maybe the same fault: check first', 'wo.dup.order': 'Work order {no} exists',
    'wo.dup.link': 'Link to this order', 'wo.dup.force': 'Create anyway',
    'wo.outage': '{kind} {no} · {where} · {reason} · expected back {end}', 'wo.outage.planned': 'Planned outage',
    'wo.outage.unplanned': 'Fault outage', 'wo.need-type': 'Choose the order type', 'wo.need-premises': 'Choose the fault address',
    'wo.timeline': 'Time points', 'wo.tl.limit': 'limit {l}', 'wo.tl.deadline': 'due {t}', 'wo.tl.done': 'done {t}',
    'wo.tl.late': 'late', 'wo.tl.ok': 'in time', 'wo.tl.none': 'not started', 'wo.loading': 'Loading…',
    'wo.src.desk': 'agent', 'wo.src.crew_app': 'crew', 'wo.src.ivr': 'IVR', 'wo.src.system': 'system',
    'wo.unit.m': '{n} min', 'wo.unit.h': '{n} h', 'wo.unit.wd': '{n} working days', 'wo.unit.d': '{n} days',
    'wo.dur.dh': '{d} d {h} h', 'wo.dur.hm': '{h} h {m} min', 'wo.dur.ms': '{m} min {s} s'
  }});

  const byCustomer = new Map(); // customer id → Map(order id → order): the card's copy, kept current by push
  const forms = new Map(); // "call|customer" → the open form's state: it survives the pop list's redraws
  const opened = new Set(); // order ids whose timeline is shown
  const timelines = new Map(); // order id → its timeline (a promise) while shown
  let typesPromise = null;

  // "报修 fault repair" → "报修" in Chinese, "fault repair" in English: configured names carry both, one is shown
  function zh(s) {
    if (!s) return '';
    const str = String(s);
    const cut = str.indexOf(' ');
    return Hotline.i18n.lang() === 'en' && cut > 0 ? str.slice(cut + 1) : str.split(' ')[0];
  }

  function duration(seconds) {
    const s = Math.abs(Math.round(seconds));
    const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    if (d > 0) return t('wo.dur.dh', {d, h});
    if (h > 0) return t('wo.dur.hm', {h, m});
    return t('wo.dur.ms', {m, s: String(s % 60).padStart(2, '0')});
  }

  function limitText(limit) {
    const m = /^(\d+)(m|h|wd|d)$/.exec(String(limit || ''));
    return m ? t('wo.unit.' + m[2], {n: m[1]}) : String(limit || '');
  }

  // the card's order (cti-core) and the API's order (work-orders) in one shape
  function normal(w) {
    return {id: w.id, orderNo: w.orderNo, type: w.type, typeLabel: w.typeLabel, status: w.status,
      awaiting: w.awaiting, stage: w.stageName || w.awaitingName || null, deadline: w.deadline || null,
      createdAt: w.createdAt, closedAt: w.closedAt || null};
  }

  function ordersOf(card) {
    if (!byCustomer.has(card.id)) {
      byCustomer.set(card.id, new Map((card.openWorkOrders || []).map(w => [w.id, normal(w)])));
    }
    return [...byCustomer.get(card.id).values()].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
  }

  function upsert(customerId, order) {
    if (customerId === null || customerId === undefined) return;
    if (!byCustomer.has(customerId)) byCustomer.set(customerId, new Map());
    const list = byCustomer.get(customerId);
    const o = normal(order);
    if (o.closedAt) list.delete(o.id); else list.set(o.id, o);
  }

  function leftText(deadline) {
    const s = (new Date(deadline).getTime() - Date.now()) / 1000;
    return {text: t(s >= 0 ? 'wo.left' : 'wo.over', {t: duration(s)}), over: s < 0};
  }

  function leftCell(o) {
    if (!o.deadline) return el('span', 'wo-left', o.awaiting === 'A' ? t('wo.waiting-a') : '');
    const span = el('span', 'wo-left');
    span.dataset.deadline = o.deadline;
    tick(span);
    return span;
  }

  function tick(span) {
    const l = leftText(span.dataset.deadline);
    span.textContent = l.text;
    span.classList.toggle('over', l.over);
  }

  function orderItem(o) {
    const li = el('li', 'wo');
    li.dataset.orderId = o.id;
    const head = li.appendChild(el('button', 'wo-head'));
    head.type = 'button';
    head.setAttribute('aria-expanded', opened.has(o.id) ? 'true' : 'false');
    head.appendChild(el('span', 'wo-no', o.orderNo));
    head.appendChild(el('span', 'wo-type', zh(o.typeLabel) || Hotline.card.label('order.type', o.type)));
    head.appendChild(el('span', 'wo-stage', zh(o.stage) || Hotline.card.label('order.status', o.status)));
    head.appendChild(leftCell(o));
    head.addEventListener('click', () => toggle(o.id, li, head));
    if (opened.has(o.id)) timeline(o.id, li);
    return li;
  }

  function toggle(id, li, head) {
    if (opened.delete(id)) {
      timelines.delete(id);
      const box = li.querySelector('.wo-timeline');
      if (box) box.remove();
      head.setAttribute('aria-expanded', 'false');
    } else {
      opened.add(id);
      head.setAttribute('aria-expanded', 'true');
      timeline(id, li);
    }
  }

  // the order's clock as a list: the points recorded, then each stage against its limit
  function timeline(id, li) {
    let box = li.querySelector('.wo-timeline');
    if (!box) box = li.appendChild(el('div', 'wo-timeline note', t('wo.loading')));
    // fetched once per change: the pops' redraws reuse it, a push about the order drops it
    if (!timelines.has(id)) timelines.set(id, Hotline.api('GET', '/api/work-orders/' + encodeURIComponent(id)));
    timelines.get(id).then(tl => {
      const list = el('ol', 'wo-points');
      for (const e of tl.log || []) {
        if (e.kind !== 'point' && e.kind !== 'correction') continue;
        const stage = (tl.stages || []).find(s => s.to === e.point);
        const name = e.point === 'A' ? '' : zh(stage && stage.name);
        const src = 'wo.src.' + String(e.source || '').toLowerCase();
        list.appendChild(el('li', 'wo-point', [e.point, name, Hotline.card.time(e.at), t(src) === src ? e.source : t(src)]
          .filter(Boolean).join(' · ')));
      }
      const stages = el('ul', 'wo-stages');
      for (const s of tl.stages || []) {
        const parts = [s.from + '→' + s.to, zh(s.name), t('wo.tl.limit', {l: limitText(s.limit)})];
        const li2 = el('li', 'wo-stage-row');
        if (s.endedAt) {
          parts.push(t('wo.tl.done', {t: Hotline.card.time(s.endedAt)}), s.withinLimit ? t('wo.tl.ok') : t('wo.tl.late'));
          li2.classList.add(s.withinLimit ? 'ok' : 'late');
        } else if (s.startedAt) {
          parts.push(t('wo.tl.deadline', {t: Hotline.card.time(s.deadline)}));
          li2.classList.add('running');
        } else {
          parts.push(t('wo.tl.none'));
        }
        li2.textContent = parts.join(' · ');
        if (s.startedAt && !s.endedAt && s.deadline) {
          li2.appendChild(document.createTextNode(' · '));
          const span = li2.appendChild(el('span', 'wo-left'));
          span.dataset.deadline = s.deadline;
          tick(span);
        }
        stages.appendChild(li2);
      }
      const fresh = el('div', 'wo-timeline');
      fresh.appendChild(el('h5', null, t('wo.timeline')));
      fresh.appendChild(list);
      fresh.appendChild(stages);
      box.replaceWith(fresh);
    }).catch(e => { timelines.delete(id); box.textContent = e.message; });
  }

  let typeList = {}; // code → type, once loaded
  function routed(code) {
    const ty = typeList[code];
    return !!ty && (ty.stages || []).some(st => st.party === 'REPAIR_CENTRE');
  }

  function types() {
    if (!typesPromise) {
      typesPromise = Hotline.api('GET', '/api/work-orders/types').then(all => { typeList = all; return all; })
        .catch(e => { typesPromise = null; throw e; });
    }
    return typesPromise;
  }

  function field(labelText, input) {
    const l = el('label');
    l.appendChild(el('span', null, labelText));
    l.appendChild(input);
    return l;
  }

  // the form's inputs write into its state, so a redraw of the pops (the call ending, say) rebuilds it as it was
  function bind(input, state, key) {
    input.value = state[key] || '';
    input.dataset.field = key;
    // a changed field makes the last refusal moot: its message and its duplicate candidates go
    const changed = () => {
      if (state[key] === input.value) return;
      state[key] = input.value;
      if (state.message || state.duplicates) {
        state.message = '';
        state.duplicates = null;
        const f = input.closest('form');
        if (f) f.querySelectorAll('.wo-message, .wo-duplicates').forEach(n => { if (n.matches('.wo-message')) n.textContent = ''; else n.remove(); });
        if (f) f.querySelector('.wo-submit').hidden = false;
      }
    };
    input.addEventListener('input', changed);
    input.addEventListener('change', changed);
    input.addEventListener('focus', () => { state.focus = key; });
    if (state.focus === key) setTimeout(() => { if (input.isConnected) input.focus(); }, 0);
    return input;
  }

  function form(card, ctx, key, state, redraw) {
    const f = el('form', 'wo-form');
    f.noValidate = true;
    const type = bind(el('select', 'wo-type-input'), state, 'type');
    type.appendChild(el('option', null, t('wo.type'))).value = '';
    types().then(all => {
      for (const [code, ty] of Object.entries(all)) type.appendChild(el('option', null, zh(ty.label))).value = code;
      type.value = state.type || '';
    }).catch(e => { message.textContent = e.message; });
    f.appendChild(field(t('wo.type'), type));
    const premises = bind(el('select', 'wo-premises-input'), state, 'premisesId');
    Hotline.api('GET', '/api/work-orders/premises?customerId=' + encodeURIComponent(card.id)).then(list => {
      if (list.length !== 1) premises.appendChild(el('option', null, t('wo.premises.pick'))).value = '';
      for (const p of list) {
        premises.appendChild(el('option', null, [p.address, p.accountNo].filter(Boolean).join(' · '))).value = p.premisesId;
      }
      if (list.length === 1 && !state.premisesId) state.premisesId = String(list[0].premisesId);
      state.premisesCount = list.length;
      premises.value = state.premisesId || '';
    }).catch(e => { message.textContent = e.message; });
    f.appendChild(field(t('wo.premises'), premises));
    f.appendChild(field(t('wo.number'), bind(el('input', 'wo-number-input'), state, 'callerNumber')));
    f.appendChild(el('p', 'note wo-call', ctx.callId ? t('wo.call', {id: ctx.callId}) : t('wo.by-hand')));
    const summary = bind(el('textarea', 'wo-summary-input'), state, 'summary');
    summary.rows = 2;
    summary.maxLength = 500;
    f.appendChild(field(t('wo.summary'), summary));
    const message = f.appendChild(el('p', 'wo-message', state.message || ''));
    if (state.duplicates) f.appendChild(duplicates(card, ctx, key, state, redraw));
    const actions = f.appendChild(el('div', 'card-actions'));
    const submit = actions.appendChild(el('button', 'primary wo-submit', t('wo.submit')));
    submit.type = 'submit';
    submit.hidden = !!state.duplicates; // with candidates shown the choice is link, create anyway or cancel
    const cancel = actions.appendChild(el('button', 'wo-cancel', t('wo.cancel')));
    cancel.type = 'button';
    cancel.addEventListener('click', () => { forms.delete(key); redraw(); });
    f.addEventListener('submit', (ev) => { ev.preventDefault(); send(card, ctx, key, state, {}, redraw); });
    return f;
  }

  function duplicates(card, ctx, key, state, redraw) {
    const box = el('div', 'wo-duplicates');
    box.setAttribute('role', 'alertdialog');
    box.appendChild(el('h5', null, t('wo.dup.title')));
    for (const o of state.duplicates.outages || []) {
      box.appendChild(el('p', 'wo-dup-outage', t('wo.outage', {kind: t('wo.outage.' + o.kind), no: o.outageNo,
        where: [o.lineName || o.lineCode, o.areaName || o.areaCode].filter(Boolean).join(' / '), reason: o.reason,
        end: Hotline.card.time(o.expectedEndAt)})));
    }
    for (const d of state.duplicates.orders || []) {
      const row = box.appendChild(el('div', 'wo-dup-order'));
      row.dataset.orderId = d.id;
      row.appendChild(el('span', 'wo-no', t('wo.dup.order', {no: d.orderNo})));
      row.appendChild(el('span', 'wo-stage', t('wo.stage') + ' ' + (zh(d.awaitingName) || Hotline.card.label('order.status', d.status))));
      row.appendChild(leftCell(normal(d)));
      const link = row.appendChild(el('button', 'wo-link', t('wo.dup.link')));
      link.type = 'button';
      link.addEventListener('click', () => send(card, ctx, key, state, {link: d.id}, redraw));
    }
    const force = box.appendChild(el('button', 'wo-force', t('wo.dup.force')));
    force.type = 'button';
    force.addEventListener('click', () => send(card, ctx, key, state, {force: true}, redraw));
    return box;
  }

  function send(card, ctx, key, state, extra, redraw) {
    if (!state.type) { state.message = t('wo.need-type'); redraw(); return; }
    // a fault goes to the repair centre of its premises: with several, the agent says which before anything is sent
    if (!state.premisesId && state.premisesCount > 1 && routed(state.type)) {
      state.message = t('wo.need-premises');
      redraw();
      return;
    }
    const body = Object.assign({type: state.type, customerId: card.id,
      premisesId: state.premisesId ? Number(state.premisesId) : null, callerNumber: state.callerNumber || null,
      summary: state.summary || null, callId: ctx.callId || null}, extra);
    state.message = '';
    Hotline.api('POST', '/api/work-orders', body).then(order => {
      upsert(order.customerId, order); // a linked order may be another customer's (same line in outage)
      forms.delete(key);
      notes.set(key, t(extra.link ? 'wo.linked' : 'wo.created', {no: order.orderNo}));
      redraw();
    }).catch(e => {
      if (e.status === 409 && e.data && (e.data.duplicates || e.data.outages)) {
        state.duplicates = {orders: e.data.duplicates || [], outages: e.data.outages || []};
      } else {
        state.message = e.status === 422 && /premisesId/.test(e.message) ? t('wo.need-premises') : e.message;
      }
      redraw();
    });
  }

  const notes = new Map(); // form key → "已创建工单 …" shown after the form closes

  // The orders part of a customer card; ctx {callId, callerNumber} when it is a pop's card, {} for search results.
  function section(card, ctx) {
    const c = ctx || {};
    const key = (c.callId || 'hand') + '|' + card.id;
    const box = el('div', 'wo-section');
    box.dataset.customerId = card.id;
    // the pops may have been redrawn since: refresh whatever sections show this customer now
    const redraw = () => refresh(card.id);
    box.addEventListener('wo-refresh', () => { if (box.isConnected) box.replaceWith(section(card, c)); });
    const head = box.appendChild(el('h4', 'note wo-title', t('wo.title')));
    const orders = ordersOf(card);
    const ul = box.appendChild(el('ul', 'work-orders'));
    for (const o of orders) ul.appendChild(orderItem(o));
    if (!orders.length) box.appendChild(el('p', 'note wo-none', t('wo.none')));
    if (notes.has(key)) box.appendChild(el('p', 'note ok wo-note', notes.get(key)));
    const state = forms.get(key);
    if (state) {
      box.appendChild(form(card, c, key, state, redraw));
    } else {
      const b = head.appendChild(el('button', 'wo-new', t('wo.new')));
      b.type = 'button';
      b.addEventListener('click', () => {
        notes.delete(key);
        forms.set(key, {callerNumber: c.callerNumber || '', focus: 'summary'});
        redraw();
      });
    }
    return box;
  }

  function refresh(customerId) {
    document.querySelectorAll('.wo-section[data-customer-id="' + Number(customerId) + '"]')
      .forEach(s => s.dispatchEvent(new Event('wo-refresh')));
  }

  // a changed order reaches the agent who has its customer popped: update every card showing that customer
  Hotline.on('workorder-changed', (m) => {
    const order = m.data && m.data.order;
    if (!order) return;
    upsert(order.customerId, order);
    timelines.delete(order.id);
    refresh(order.customerId);
  });
  // after a reconnect the pushes in between are gone: the new snapshot's cards are the truth again
  Hotline.on('socket', (m) => { if (!m.up) byCustomer.clear(); });
  setInterval(() => document.querySelectorAll('.wo-left[data-deadline]').forEach(tick), 1000);

  Hotline.orders = {section};
})();
