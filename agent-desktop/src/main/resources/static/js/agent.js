// The minimal agent page (issue #2): keeps a WebSocket to /ws/agent and shows the agent's live pops.
// Everything the caller or the records supply is set with textContent: it is data, never markup.
(function () {
  'use strict';
  const STATUS_TEXT = {RINGING: '振铃 Ringing', ANSWERED: '通话中 Talking', MISSED: '未接 Missed',
    TRANSFERRED: '已转接 Transferred', ENDED: '已结束 Ended'};
  const KEEP_FINISHED_MS = 60000;
  const pops = new Map();
  let socket = null;
  let retryMs = 500;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function money(v) {
    return v === null || v === undefined ? '' : Number(v).toFixed(2) + ' 元';
  }

  function customerCard(c) {
    const box = el('div', 'customer');
    box.dataset.customerNo = c.customerNo;
    const h = el('h3', 'customer-name', c.name);
    if (c.keyAccount) h.appendChild(el('span', 'flag key', '大客户'));
    if (c.highRisk) h.appendChild(el('span', 'flag risk', '高危'));
    box.appendChild(h);
    box.appendChild(el('div', 'customer-address', c.address));
    if (c.arrears && Number(c.arrears) > 0) box.appendChild(el('div', 'arrears', '欠费 ' + money(c.arrears)));
    if (c.accounts && c.accounts.length) {
      const t = el('table', 'accounts');
      for (const a of c.accounts) {
        const tr = el('tr');
        tr.appendChild(el('td', 'account-no', a.accountNo));
        tr.appendChild(el('td', null, a.premisesAddress));
        tr.appendChild(el('td', null, (a.meterNo || '') + (a.prepaidMeter ? ' (IC卡)' : '')));
        tr.appendChild(el('td', null, money(a.arrears)));
        t.appendChild(tr);
      }
      box.appendChild(t);
    }
    if (c.openWorkOrders && c.openWorkOrders.length) {
      const ul = el('ul', 'work-orders');
      for (const w of c.openWorkOrders) ul.appendChild(el('li', null, w.orderNo + ' ' + w.type + ' ' + w.status));
      box.appendChild(el('div', 'note', '在办工单 Open work orders'));
      box.appendChild(ul);
    }
    if (c.recentContacts && c.recentContacts.length) {
      const ul = el('ul', 'contacts');
      for (const k of c.recentContacts) {
        ul.appendChild(el('li', null, new Date(k.at).toLocaleString() + ' ' + k.category + ' ' + (k.summary || '')));
      }
      box.appendChild(el('div', 'note', '最近联系 Recent contacts'));
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
    if (sorted.length === 0) box.appendChild(el('p', 'note', '没有来电 · No calls'));
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
    socket.onopen = () => { retryMs = 500; setConn(true); };
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
    };
    socket.onclose = () => {
      setConn(false);
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10000);
    };
  }

  function setConn(up) {
    const c = document.getElementById('connection');
    c.className = 'conn ' + (up ? 'up' : 'down');
    c.textContent = up ? '已连接 · online' : '未连接 · offline';
  }

  fetch('/api/me', {credentials: 'same-origin'}).then(r => r.json()).then(me => {
    const m = document.getElementById('me');
    m.textContent = (me.displayName || me.username) + ' (' + me.username + ')';
    m.dataset.username = me.username;
  });
  fetch('/api/csrf', {credentials: 'same-origin'}).then(r => r.json()).then(t => {
    const f = document.getElementById('logout-csrf');
    f.name = t.parameterName;
    f.value = t.token;
  });
  connect();
})();
