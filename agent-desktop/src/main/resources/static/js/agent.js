// The agent page: keeps the WebSocket to /ws/agent and shows the agent's live pops (cards by card.js, pick-list).
// Everything the caller or the records supply is set with textContent: it is data, never markup.
(function () {
  'use strict';
  Hotline.i18n.add({
    'zh-CN': {
      'pop.unknown-number': '未知号码', 'pop.queue': '队列 {q}', 'pop.direct': '直拨', 'pop.waited': '等待 {s} 秒',
      'pop.dialled': '您拨出的电话', 'pop.no-match': '号码 {n} 未找到客户', 'pop.pick': '{n} 位客户使用此号码, 请选择',
      'pop.folded': '另有 {n} 位客户已折叠', 'pop.unfold': '显示全部', 'pop.none': '没有来电'
    },
    en: {
      'pop.unknown-number': 'Unknown number', 'pop.queue': 'Queue {q}', 'pop.direct': 'Direct call',
      'pop.waited': 'Waited {s} s', 'pop.dialled': 'A call you placed', 'pop.no-match': 'No customer for {n}',
      'pop.pick': '{n} customers share this number: pick one',
      'pop.folded': '{n} more customers folded away', 'pop.unfold': 'Show all', 'pop.none': 'No calls'
    }
  });
  const KEEP_FINISHED_MS = 60000;
  const pops = new Map();
  const chosen = new Map(); // callId → customerNo the agent picked from the pick-list (binds the contact log)
  const unfolded = new Set(); // callIds whose folded customers the agent opened again
  const fresh = new Map(); // customerNo → card reloaded after a contact was logged (newer than the pop's copy)
  let socket = null;
  let retryMs = 500;
  let up = false;

  const el = Hotline.el;
  const t = Hotline.t;

  function choose(p, c) {
    chosen.set(p.callId, c.customerNo);
    unfolded.delete(p.callId);
    redraw();
    Hotline.emit('customer-chosen', {customer: c, callId: p.callId, callerNumber: p.callerNumber});
  }

  // what a new work order takes from the pop's call (orders.js)
  function call(p) {
    return {callId: p.callId, callerNumber: p.normalizedNumber || p.callerNumber || ''};
  }

  function customers(p, list) {
    const cards = (p.customers || []).map(c => fresh.get(c.customerNo) || c);
    if (cards.length === 0) {
      list.appendChild(el('p', 'no-match note', t('pop.no-match', {n: p.normalizedNumber || p.callerNumber || '?'})));
      return;
    }
    if (cards.length === 1) {
      list.appendChild(Hotline.card.render(cards[0], {call: call(p)}));
      return;
    }
    const pick = chosen.get(p.callId);
    list.appendChild(el('p', 'note pick-note', t('pop.pick', {n: cards.length})));
    for (const c of cards) {
      if (pick && c.customerNo !== pick && !unfolded.has(p.callId)) continue;
      list.appendChild(Hotline.card.render(c, {chosen: c.customerNo === pick, onChoose: (x) => choose(p, x),
        call: call(p)}));
    }
    if (pick && !unfolded.has(p.callId)) {
      const b = list.appendChild(el('button', 'unfold', t('pop.folded', {n: cards.length - 1}) + ' · ' + t('pop.unfold')));
      b.type = 'button';
      b.addEventListener('click', () => { unfolded.add(p.callId); redraw(); });
    }
  }

  function render(p) {
    const node = document.getElementById('pop-template').content.firstElementChild.cloneNode(true);
    node.dataset.callId = p.callId;
    node.dataset.status = p.status;
    node.dataset.direction = p.outbound ? 'out' : 'in';
    // which way the call goes comes first: an agent's own click-to-dial is no 来电
    node.querySelector('.direction').textContent = t(p.outbound ? 'call.out' : 'call.in');
    node.querySelector('.status').textContent = t('pop.' + p.status);
    node.querySelector('.caller-number').textContent = p.callerNumber || t('pop.unknown-number');
    node.querySelector('.caller-name').textContent = p.callerName || '';
    node.querySelector('.queue').textContent = p.queue ? t('pop.queue', {q: p.queue})
      : t(p.outbound ? 'pop.dialled' : 'pop.direct');
    node.querySelector('.waited').textContent = p.outbound ? '' : t('pop.waited', {s: p.waitedSeconds});
    customers(p, node.querySelector('.customers'));
    const vars = node.querySelector('.variables');
    // what the IVR learned, labelled (ivr-path.js): the path as readable steps, account, outage, work order
    for (const [label, text, key] of Hotline.ivrPath.rows(p.variables)) {
      vars.appendChild(el('dt', null, label)).dataset.var = key;
      vars.appendChild(el('dd', null, text)).dataset.var = key;
    }
    return node;
  }

  function redraw() {
    const box = document.getElementById('pops');
    const sorted = [...pops.values()].sort((a, b) => String(b.ringingAt).localeCompare(String(a.ringingAt)));
    box.replaceChildren(...sorted.map(render));
    if (sorted.length === 0) box.appendChild(el('p', 'note', t('pop.none'))).id = 'no-calls';
  }

  // still on the agent's phone (ScreenPop.live)
  function live(p) {
    return p.status === 'RINGING' || p.status === 'ANSWERED' || p.status === 'HELD';
  }

  function accept(p) {
    const known = pops.get(p.callId);
    if (known && known.version > p.version) return; // a snapshot may cross a newer live update
    pops.set(p.callId, p);
    if (!live(p)) {
      setTimeout(() => {
        const now = pops.get(p.callId);
        if (now && now.version === p.version) {
          pops.delete(p.callId);
          chosen.delete(p.callId);
          unfolded.delete(p.callId);
          redraw();
        }
      }, KEEP_FINISHED_MS);
    }
  }

  function connect() {
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/agent';
    socket = new WebSocket(url);
    socket.onopen = () => { retryMs = 500; setConn(true); Hotline.emit('socket', {up: true}); };
    socket.onmessage = (ev) => {
      const msg = JSON.parse(ev.data);
      if (msg.type === 'snapshot') {
        for (const [id, p] of pops) if (live(p)) pops.delete(id);
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

  function setConn(isUp) {
    up = isUp;
    const c = document.getElementById('connection');
    c.className = 'conn ' + (up ? 'up' : 'down');
    c.textContent = up ? t('conn.up') : t('conn.down');
  }

  // a contact was logged: show the customer's new history in every pop that carries the card
  Hotline.on('contact-saved', (m) => {
    Hotline.api('GET', '/api/customers/' + encodeURIComponent(m.customerNo)
      + (m.callId ? '?callId=' + encodeURIComponent(m.callId) : '')).then(card => {
      fresh.set(card.customerNo, card);
      redraw();
    }).catch(() => { /* the pop keeps the older history; the side panel reported the save */ });
  });
  Hotline.on('lang', () => { redraw(); setConn(up); });
  // the chosen customer of a pop, for the contact form (null when none is chosen yet)
  Hotline.pops = {chosen: (callId) => chosen.get(callId) || null, get: (callId) => pops.get(callId) || null};

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
  // card.js and side.js load after this script: the first pops are rendered once every page script is there
  document.addEventListener('DOMContentLoaded', connect);
})();
