// The minimal agent page (issue #2): keeps a WebSocket to /ws/agent and shows the agent's live pops.
// Everything the caller or the records supply is set with textContent: it is data, never markup.
(function () {
  'use strict';
  const STATUS_TEXT = {RINGING: '振铃 Ringing', ANSWERED: '通话中 Talking', MISSED: '未接 Missed',
    TRANSFERRED: '已转接 Transferred', ENDED: '已结束 Ended'};
  // The records' codes (CHECK lists of the schema) in the words agents use; an unknown code is shown as is.
  const KIND_TEXT = {RESIDENTIAL: '民用', COMMERCIAL: '工商'};
  const CATEGORY_TEXT = {fault: '报修', enquiry: '咨询', complaint: '投诉', request: '业务受理', praise: '表扬'};
  const CHANNEL_TEXT = {phone: '电话', sms: '短信', ivr: 'IVR', web: '网上'};
  const ORDER_TYPE_TEXT = {repair: '抢修', connection: '报装', ownership_transfer: '过户', equipment: '设备添装/移改/拆除',
    suspend_resume: '报停/启用', meter_card: '表卡', other: '其他'};
  const ORDER_STATUS_TEXT = {new: '新建', dispatched: '已派单', accepted: '已接单', in_progress: '处理中',
    resolved: '已处理', closed: '已关闭', cancelled: '已撤销'};
  const KEEP_FINISHED_MS = 60000;
  const pops = new Map();
  let socket = null;
  let retryMs = 500;

  const el = Hotline.el;

  function money(v) {
    return v === null || v === undefined ? '' : Number(v).toFixed(2) + ' 元';
  }

  function label(map, code) {
    return map[code] || code || '';
  }

  // 2026-11-03 22:12 in the agent's time zone: unambiguous, unlike the browser locale's default
  function time(iso) {
    const d = new Date(iso);
    if (isNaN(d)) return '';
    const two = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':'
      + two(d.getMinutes());
  }

  function row(tag, cells) {
    const tr = el('tr');
    for (const [cls, text] of cells) tr.appendChild(el(tag, cls, text));
    return tr;
  }

  function customerCard(c) {
    const box = el('div', 'customer');
    box.dataset.customerNo = c.customerNo;
    const h = el('h3', 'customer-name', c.name);
    if (c.keyAccount) h.appendChild(el('span', 'flag key', '大客户'));
    if (c.highRisk) h.appendChild(el('span', 'flag risk', '高危'));
    box.appendChild(h);
    box.appendChild(el('div', 'customer-no note', '客户编号 ' + c.customerNo + ' · ' + label(KIND_TEXT, c.kind)));
    box.appendChild(el('div', 'customer-address', c.address));
    if (c.arrears && Number(c.arrears) > 0) box.appendChild(el('div', 'arrears', '欠费 ' + money(c.arrears)));
    if (c.accounts && c.accounts.length) {
      const t = el('table', 'accounts');
      t.appendChild(el('thead')).appendChild(row('th', [[null, '户号'], [null, '地址'], [null, '表号'], [null, '欠费']]));
      const body = t.appendChild(el('tbody'));
      for (const a of c.accounts) {
        const owed = Number(a.arrears) > 0;
        const tr = body.appendChild(row('td', [['account-no', a.accountNo], [null, a.premisesAddress],
          [null, (a.meterNo || '') + (a.prepaidMeter ? ' (IC卡表)' : '')],
          [owed ? 'owed' : null, money(a.arrears) + (owed && a.daysOverdue ? ' · 逾期 ' + a.daysOverdue + ' 天' : '')]]));
        tr.dataset.accountNo = a.accountNo;
      }
      box.appendChild(t);
    }
    if (c.openWorkOrders && c.openWorkOrders.length) {
      const ul = el('ul', 'work-orders');
      for (const w of c.openWorkOrders) {
        ul.appendChild(el('li', null, [w.orderNo, label(ORDER_TYPE_TEXT, w.type), label(ORDER_STATUS_TEXT, w.status),
          time(w.createdAt)].join(' · ')));
      }
      box.appendChild(el('h4', 'note', '在办工单 Open work orders'));
      box.appendChild(ul);
    }
    if (c.recentContacts && c.recentContacts.length) {
      const ul = el('ul', 'contacts');
      for (const k of c.recentContacts) {
        ul.appendChild(el('li', null, [time(k.at), label(CHANNEL_TEXT, k.channel), label(CATEGORY_TEXT, k.category),
          k.summary].filter(Boolean).join(' · ')));
      }
      box.appendChild(el('h4', 'note', '最近联系 Recent contacts'));
      box.appendChild(ul);
    }
    return box;
  }

  function render(p) {
    const node = document.getElementById('pop-template').content.firstElementChild.cloneNode(true);
    node.dataset.callId = p.callId;
    node.dataset.status = p.status;
    node.querySelector('.status').textContent = STATUS_TEXT[p.status] || p.status;
    node.querySelector('.caller-number').textContent = p.callerNumber || '未知号码';
    node.querySelector('.caller-name').textContent = p.callerName || '';
    node.querySelector('.queue').textContent = p.queue ? '队列 ' + p.queue : '直拨 direct';
    node.querySelector('.waited').textContent = '等待 ' + p.waitedSeconds + ' s';
    const list = node.querySelector('.customers');
    if (!p.customers || p.customers.length === 0) {
      list.appendChild(el('p', 'no-match note', '未找到客户 No customer for ' + (p.normalizedNumber || p.callerNumber || '?')));
    } else {
      if (p.customers.length > 1) list.appendChild(el('p', 'note', p.customers.length + ' 位客户使用此号码 · pick one'));
      for (const c of p.customers) list.appendChild(customerCard(c));
    }
    const vars = node.querySelector('.variables');
    for (const [k, v] of Object.entries(p.variables || {})) {
      if (v === '') continue;
      vars.appendChild(el('dt', null, k));
      vars.appendChild(el('dd', null, v));
    }
    return node;
  }

  function redraw() {
    const box = document.getElementById('pops');
    const sorted = [...pops.values()].sort((a, b) => String(b.ringingAt).localeCompare(String(a.ringingAt)));
    box.replaceChildren(...sorted.map(render));
    if (sorted.length === 0) box.appendChild(el('p', 'note', '没有来电 · No calls')).id = 'no-calls';
  }

  function accept(p) {
    const known = pops.get(p.callId);
    if (known && known.version > p.version) return; // a snapshot may cross a newer live update
    pops.set(p.callId, p);
    if (p.status !== 'RINGING' && p.status !== 'ANSWERED') {
      setTimeout(() => { const now = pops.get(p.callId); if (now && now.version === p.version) { pops.delete(p.callId); redraw(); } }, KEEP_FINISHED_MS);
    }
  }

  function connect() {
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/agent';
    socket = new WebSocket(url);
    socket.onopen = () => { retryMs = 500; setConn(true); Hotline.emit('socket', {up: true}); };
    socket.onmessage = (ev) => {
      const msg = JSON.parse(ev.data);
      if (msg.type === 'snapshot') {
        for (const [id, p] of pops) if (p.status === 'RINGING' || p.status === 'ANSWERED') pops.delete(id);
        for (const p of msg.pops) accept(p);
        redraw();
      } else if (msg.type === 'pop') {
        accept(msg.pop);
        redraw();
      }
      // other page modules (controls, wallboard panels) subscribe by type: Hotline.on('agent', fn)
      Hotline.emit(msg.type, msg);
    };
    socket.onclose = () => {
      setConn(false);
      Hotline.emit('socket', {up: false});
      const wait = retryMs;
      retryMs = Math.min(retryMs * 2, 10000);
      // a refused handshake looks like any drop: ask whether the session still exists before retrying
      whoAmI().catch(() => null).finally(() => setTimeout(connect, wait));
    };
  }

  function setConn(up) {
    const c = document.getElementById('connection');
    c.className = 'conn ' + (up ? 'up' : 'down');
    c.textContent = up ? '已连接 · online' : '未连接 · offline';
  }

  // The logged-in agent, or off to the login page when the session is gone (expired, server restarted).
  function whoAmI() {
    return fetch('/api/me', {credentials: 'same-origin', headers: {Accept: 'application/json'}}).then(r => {
      if (r.redirected || r.status === 401 || r.status === 403) {
        location.assign('/login.html?expired');
        return new Promise(() => {}); // the page is leaving: nothing more to do here
      }
      if (!r.ok) throw new Error('/api/me answered ' + r.status);
      return r.json();
    });
  }

  whoAmI().then(me => {
    const m = document.getElementById('me');
    m.textContent = (me.displayName || me.username) + ' (' + me.username + ')';
    m.dataset.username = me.username;
    Hotline.emit('me', me);
  }).catch(() => { /* the header stays empty; the socket's retries report the trouble */ });
  fetch('/api/csrf', {credentials: 'same-origin'}).then(r => r.json()).then(t => {
    const f = document.getElementById('logout-csrf');
    f.name = t.parameterName;
    f.value = t.token;
  });
  connect();
})();
