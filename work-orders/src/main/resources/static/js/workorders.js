// Dispatcher and supervisor page for work orders: loads the open orders, alarms, units and types once by REST, then
// follows ONLY the supervisors' socket (/ws/supervisor: workorder-changed, workorder-alarm, workorder-crew); on
// reconnect it loads
// again. Countdowns tick locally from each stage's deadline. Record text only goes through textContent (Hotline.el).
(function () {
  'use strict';
  const H = window.Hotline;
  const W = window.WorkOrderWords;
  const orders = new Map();      // id → WorkOrderSummary
  const alarms = new Map();      // id → AlarmView, unacknowledged only
  const fresh = new Set();       // order ids whose alarm arrived by push and is not yet acknowledged
  const stranded = new Map();    // order id → the crew's report that it cannot go, until another crew is assigned
  let types = {}, units = [], centres = [];
  let clockOffset = 0;           // browser clock minus server clock (from secondsLeft), so the PC clock does not matter
  let selected = null;           // the order whose timeline is open
  let timeline = null;
  let crewReports = [];          // what crews reported on the selected order, oldest first

  const $ = id => document.getElementById(id);
  const now = () => Date.now() - clockOffset;

  function learnOffset(o) {
    if (o && o.deadline && o.secondsLeft !== null && o.secondsLeft !== undefined) {
      clockOffset = Date.now() - (Date.parse(o.deadline) - o.secondsLeft * 1000);
    }
  }

  function showError(message) {
    const p = $('error');
    p.textContent = message || '';
    p.hidden = !message;
  }

  const centreName = code => {
    if (!code) return '无抢修中心';
    const c = centres.find(x => x.code === code);
    return c ? c.name : code;
  };
  const teamName = code => {
    const u = units.find(x => x.code === code);
    return u ? u.name : code;
  };
  // a unit code in the log: a team or crew, a repair centre, or the hotline
  const unitName = code => {
    if (!code) return '';
    if (code === 'hotline') return '热线';
    const u = units.find(x => x.code === code);
    if (u) return u.name;
    const c = centres.find(x => x.code === code);
    return c ? c.name : code;
  };
  const typeName = o => W.zh((types[o.type] && types[o.type].label) || o.typeLabel || o.type);
  // 抢修三班 · 抢修三班一组: the team and, once assigned, its crew
  const teamCell = o => !o.team ? '' : teamName(o.team) + (o.crew ? ' · ' + teamName(o.crew) : '');

  // ------------------------------------------------------------------ orders table, grouped by repair centre

  function orderRow(o) {
    const tr = H.el('tr', 'wo-order');
    tr.dataset.orderId = o.id;
    tr.dataset.orderNo = o.orderNo;
    tr.tabIndex = 0;
    const alarmsOf = [...alarms.values()].filter(a => a.orderId === o.id).length;
    if (alarmsOf) tr.classList.add('alarmed');
    if (fresh.has(o.id)) tr.classList.add('flash');
    if (selected === o.id) tr.classList.add('selected');
    const left = H.el('td', 'left');
    if (o.deadline) left.dataset.deadline = o.deadline;
    tr.append(H.el('td', 'order-no', o.orderNo), H.el('td', 'type', typeName(o)),
      H.el('td', 'stage', o.awaiting ? o.awaiting + ' ' + W.zh(o.awaitingName) : '—'),
      H.el('td', 'party', W.party(o.responsible)), H.el('td', 'team', teamCell(o)), left,
      H.el('td', 'status', stranded.has(o.id) ? '抢修小组无法出发' : W.status(o.status)),
      H.el('td', 'alarm-count', alarmsOf ? String(alarmsOf) : ''));
    if (stranded.has(o.id)) tr.classList.add('stranded');
    tr.addEventListener('click', () => openDetail(o.id));
    tr.addEventListener('keydown', e => { if (e.key === 'Enter') openDetail(o.id); });
    paintLeft(left, o);
    return tr;
  }

  function paintLeft(td, o) {
    if (!o.deadline) {
      td.textContent = o.status === 'resolved' ? '待回访' : '—';
      td.className = 'left none';
      return;
    }
    const ms = Date.parse(o.deadline) - now();
    td.className = 'left ' + W.level(o, now());
    td.textContent = ms < 0 ? '超时 ' + W.clock(ms / 1000) : W.clock(ms / 1000);
  }

  function visible() {
    const centre = $('filter-centre').value, type = $('filter-type').value;
    return [...orders.values()].filter(o => (!centre || (o.repairCentre || '') === (centre === '-' ? '' : centre))
      && (!type || o.type === type));
  }

  function renderOrders() {
    const table = $('order-table');
    table.querySelectorAll('tbody').forEach(b => b.remove());
    const list = visible().sort((a, b) => (a.deadline ? Date.parse(a.deadline) : Infinity)
      - (b.deadline ? Date.parse(b.deadline) : Infinity) || a.id - b.id);
    const groups = new Map();
    list.forEach(o => {
      const key = o.repairCentre || '';
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(o);
    });
    [...groups.keys()].sort((a, b) => (a === '') - (b === '') || a.localeCompare(b)).forEach(key => {
      const body = table.createTBody();
      body.dataset.centre = key;
      const head = H.el('tr', 'wo-group');
      const th = H.el('th', null, centreName(key) + ' · ' + groups.get(key).length);
      th.colSpan = 8;
      head.append(th);
      body.append(head, ...groups.get(key).map(orderRow));
    });
    $('order-count').textContent = String(list.length);
    $('no-orders').hidden = list.length > 0;
  }

  function renderFilters() {
    const centreSelect = $('filter-centre'), typeSelect = $('filter-type');
    const keepCentre = centreSelect.value, keepType = typeSelect.value;
    const used = new Set([...orders.values()].map(o => o.repairCentre || ''));
    centres.forEach(c => used.add(c.code));
    centreSelect.replaceChildren(new Option('全部', ''), ...[...used].filter(Boolean).sort()
      .map(code => new Option(centreName(code), code)), new Option('无抢修中心', '-'));
    typeSelect.replaceChildren(new Option('全部', ''), ...Object.entries(types)
      .map(([code, t]) => new Option(W.zh(t.label), code)));
    centreSelect.value = keepCentre;
    typeSelect.value = keepType;
  }

  // ------------------------------------------------------------------ alarms

  function renderAlarms() {
    const list = [...alarms.values()].sort((a, b) => Date.parse(b.firedAt) - Date.parse(a.firedAt) || b.id - a.id);
    $('alarm-table').tBodies[0].replaceChildren(...list.map(a => {
      const tr = H.el('tr', 'wo-alarm ' + (a.kind.includes('warning') ? 'warning' : 'critical'));
      tr.dataset.alarmId = a.id;
      tr.dataset.orderId = a.orderId;
      const no = H.el('td', 'order-no');
      const link = H.el('button', 'link', a.orderNo);
      link.type = 'button';
      link.addEventListener('click', () => openDetail(a.orderId));
      no.append(link);
      // an alarm stays until a person acknowledges it, even once its point is recorded: say that it has been
      const o = orders.get(a.orderId);
      const passed = o && (!o.awaiting || o.awaiting > a.point);
      if (passed) tr.classList.add('passed');
      const kind = W.alarm(a.kind) + (a.late ? '（延迟触发）' : '')
        + (a.smsStatus ? ' · ' + (W.SMS[a.smsStatus] || a.smsStatus) : '') + (passed ? ' · 该环节已完成' : '');
      const ack = H.el('button', 'ack', '确认');
      ack.type = 'button';
      ack.addEventListener('click', () => acknowledge(a, ack));
      const last = H.el('td');
      last.append(ack);
      tr.append(no, H.el('td', 'kind', kind), H.el('td', 'stage', a.point + ' ' + W.zh(a.pointName)),
        H.el('td', 'party', W.party(a.party)), H.el('td', 'due', W.time(a.dueAt)),
        H.el('td', 'count', String(a.fireCount)), last);
      return tr;
    }));
    $('alarm-count').textContent = String(list.length);
    $('alarm-count').classList.toggle('hot', list.length > 0);
    $('no-alarms').hidden = list.length > 0;
  }

  async function acknowledge(a, button) {
    button.disabled = true;
    try {
      forgetAlarm(await H.api('POST', '/api/work-orders/alarms/' + a.id + '/ack'));
    } catch (e) {
      button.disabled = false;
      showError('确认告警失败：' + e.message);
    }
  }

  function forgetAlarm(a) {
    alarms.delete(a.id);
    if (![...alarms.values()].some(x => x.orderId === a.orderId)) fresh.delete(a.orderId);
    if (![...alarms.values()].length) $('alarm-banner').hidden = true;
    renderAlarms();
    renderOrders();
  }

  function alarmArrived(a) {
    if (a.acknowledgedAt) {
      forgetAlarm(a);
      return;
    }
    alarms.set(a.id, a);
    fresh.add(a.orderId);
    const banner = $('alarm-banner');
    banner.dataset.orderId = a.orderId;
    delete banner.dataset.stranded;
    banner.className = 'wo-banner ' + (a.kind.includes('warning') ? 'warning' : 'critical');
    $('alarm-banner-text').textContent = '新告警：' + a.orderNo + ' ' + W.alarm(a.kind) + ' — 等待 ' + a.point + ' '
      + W.zh(a.pointName) + '，责任方 ' + W.party(a.party);
    banner.hidden = false;
    renderAlarms();
    renderOrders();
  }

  // ------------------------------------------------------------------ detail: timeline and actions

  async function openDetail(id) {
    selected = id;
    document.querySelectorAll('#order-table tr.selected').forEach(r => r.classList.remove('selected'));
    const row = document.querySelector('#order-table tr[data-order-id="' + id + '"]');
    if (row) row.classList.add('selected');
    $('detail').hidden = false;
    // one column (narrow screens): the timeline sits under the lists, bring it into view
    if (window.matchMedia('(max-width: 1499px)').matches) $('detail').scrollIntoView({block: 'start'});
    await loadTimeline();
  }

  async function loadTimeline() {
    if (selected === null) return;
    const id = selected;
    try {
      const [t, reports] = await Promise.all([H.api('GET', '/api/work-orders/' + id),
        H.api('GET', '/api/work-orders/' + id + '/crew')]);
      if (selected !== id) return;
      timeline = t;
      crewReports = reports || [];
      learnOffset(t.order);
      renderDetail();
    } catch (e) {
      showError('读取工单失败：' + e.message);
    }
  }

  function renderDetail() {
    const o = timeline.order;
    $('detail').dataset.orderId = o.id;
    $('detail-title').textContent = o.orderNo + ' · ' + typeName(o);
    const dl = $('detail-summary');
    const pairs = [['状态', W.status(o.status)], ['抢修中心', o.repairCentre ? centreName(o.repairCentre) : '—'],
      ['班组', o.team ? teamName(o.team) : '—'], ['抢修小组', o.crew ? teamName(o.crew) : '—'], ['来电号码', o.callerNumber || '—'], ['创建', W.time(o.createdAt)],
      ['当前环节', o.awaiting ? o.awaiting + ' ' + W.zh(o.awaitingName) : '—'], ['责任方', W.party(o.responsible)]];
    dl.replaceChildren(...pairs.flatMap(([k, v]) => [H.el('dt', null, k), H.el('dd', null, v)]));
    renderActions(o);
    renderCrewReports();
    window.WorkOrderTimeline.render(timeline, {chart: $('timeline-chart'), stages: $('stage-table').tBodies[0],
      log: $('log-table').tBodies[0], now: now(), unitName});
  }

  function renderActions(o) {
    $('detail-error').hidden = true;
    const type = timeline.order && types[o.type];
    const open = !o.closedAt;
    const handOver = type && type.acceptFrom;
    const assigning = open && o.awaiting && handOver && o.awaiting === handOver;
    $('assign-form').hidden = !assigning;
    if (assigning) {
      const teams = units.filter(u => u.kind === 'team' && (!o.repairCentre || u.repairCentre === o.repairCentre));
      $('assign-team').replaceChildren(...teams.map(u => new Option(u.name + (u.sameSite ? '' : '（异地）'), u.code)));
    }
    $('record-form').hidden = !(open && o.awaiting && !assigning);
    if (o.awaiting) $('record-point').textContent = '记录 ' + o.awaiting + ' ' + W.zh(o.awaitingName);
    // re-routable: a recorded hand-over to a repair centre (B) or a team (D), whichever this type has
    const recorded = new Set(timeline.stages.filter(s => s.endedAt).map(s => s.to));
    const afters = [];
    const routed = !!(type && type.stages.some(s => s.party === 'REPAIR_CENTRE'));
    if (recorded.has('B') && type && type.stages.length > 1) afters.push(['B', routed ? 'B 改派抢修中心' : 'B 重新派发']);
    if (handOver && handOver !== 'B' && recorded.has(handOver)) afters.push([handOver, handOver + ' 改派班组']);
    $('reroute-form').hidden = !(open && afters.length);
    $('reroute-after').replaceChildren(...afters.map(([v, label]) => new Option(label, v)));
    $('reroute-centre').replaceChildren(...centres.map(c => new Option(c.name, c.code)));
    if (o.repairCentre) $('reroute-centre').value = o.repairCentre;
    // a team chosen wrongly is handed to another team of the same centre (its site sets the next limit)
    const others = units.filter(u => u.kind === 'team' && (!o.repairCentre || u.repairCentre === o.repairCentre)
      && u.code !== o.team);
    $('reroute-team').replaceChildren(...others.map(u => new Option(u.name + (u.sameSite ? '' : '（异地）'), u.code)));
    $('reroute-form').dataset.routed = String(routed);
    $('reroute-form').dataset.handOver = handOver || '';
    showRerouteTarget();
    renderCrewForm(o, open);
    $('done-form').hidden = !(open && !o.awaiting && o.status !== 'resolved');
    $('close-form').hidden = !open;
  }

  // a crew of the order's team, once the team has it and until the crew has left for the site
  function renderCrewForm(o, open) {
    const type = types[o.type];
    const departed = crewReports.some(r => r.kind === 'departed' && r.crew === o.crew);
    const crews = units.filter(u => u.kind === 'crew' && u.parent === o.team && u.code !== o.crew);
    const possible = open && o.team && o.status !== 'resolved' && !departed && type && type.acceptPoint
      && crews.length > 0;
    $('crew-form').hidden = !possible;
    if (!possible) return;
    $('crew-select').replaceChildren(...crews.map(u => new Option(u.name, u.code)));
    $('crew-assign').textContent = o.crew ? '改派' : '派工';
  }

  const CREW_REPORT = {assigned: '派工', accepted: '接单', cannot_go: '无法出发', departed: '出发', arrived: '到达现场',
    fault: '故障情况', materials: '使用材料', done: '处理完毕'};

  function reportText(r) {
    const parts = [];
    if (r.text) parts.push(r.text);
    if (r.materials && r.materials.length) {
      parts.push(r.materials.map(m => m.name + ' ' + m.quantity + (m.unit || '')).join('，'));
    }
    if (r.kind === 'arrived') {
      parts.push(r.latitude === null || r.latitude === undefined ? '无定位'
        : '定位 ' + r.latitude.toFixed(5) + ', ' + r.longitude.toFixed(5)
          + (r.accuracy === null || r.accuracy === undefined ? '' : '（误差 ' + Math.round(r.accuracy) + ' 米）'));
    }
    return parts.join('；');
  }

  function renderCrewReports() {
    const o = timeline.order;
    $('crew-reports').hidden = crewReports.length === 0;
    $('crew-table').tBodies[0].replaceChildren(...crewReports.map(r => {
      const tr = H.el('tr', 'crew-report ' + r.kind);
      const content = H.el('td', 'content', reportText(r));
      (r.photos || []).forEach((id, i) => {
        const a = H.el('a', 'photo', '照片' + (i + 1));
        a.href = '/api/work-orders/' + o.id + '/photos/' + id;
        a.target = '_blank';
        a.rel = 'noopener';
        content.append(' ', a);
      });
      tr.append(H.el('td', 'at', W.time(r.recordedAt)), H.el('td', 'kind', CREW_REPORT[r.kind] || r.kind),
        H.el('td', 'crew', teamName(r.crew)), H.el('td', 'by', r.by || ''), content);
      return tr;
    }));
  }

  function showRerouteTarget() {
    const form = $('reroute-form');
    const after = $('reroute-after').value;
    $('reroute-centre-label').hidden = form.dataset.routed !== 'true' || after !== 'B';
    $('reroute-team-label').hidden = !form.dataset.handOver || after !== form.dataset.handOver
      || !$('reroute-team').options.length;
  }

  async function act(method, path, body) {
    const p = $('detail-error');
    p.hidden = true;
    try {
      const changed = await H.api(method, path, body);
      // the push brings the same change; applying the answer at once keeps the page right if the socket is slow
      orderChanged({order: changed});
      return true;
    } catch (e) {
      p.textContent = e.message;
      p.hidden = false;
      return false;
    }
  }

  function wireActions() {
    const base = () => '/api/work-orders/' + selected;
    const submit = (id, fn) => $(id).addEventListener('submit', e => { e.preventDefault(); fn(); });
    submit('record-form', () => act('POST', base() + '/points', {point: timeline.order.awaiting}));
    submit('assign-form', () => act('POST', base() + '/points', {point: timeline.order.awaiting,
      unit: $('assign-team').value}));
    submit('reroute-form', async () => {
      const after = $('reroute-after').value;
      if (await act('POST', base() + '/reroute', {after, reason: $('reroute-reason').value,
        repairCentre: after === 'B' && !$('reroute-centre-label').hidden ? $('reroute-centre').value : null,
        team: !$('reroute-team-label').hidden ? $('reroute-team').value : null})) {
        $('reroute-reason').value = '';
      }
    });
    submit('crew-form', async () => {
      const p = $('detail-error');
      p.hidden = true;
      try {
        crewReports = await H.api('POST', base() + '/crew', {crew: $('crew-select').value});
        crewFound(selected);
        await loadTimeline();
        renderOrders();
      } catch (e) {
        p.textContent = e.message;
        p.hidden = false;
      }
    });
    submit('done-form', () => act('POST', base() + '/done', {}));
    submit('close-form', async () => {
      if (await act('POST', base() + '/close', {reason: $('close-reason').value})) $('close-reason').value = '';
    });
    $('reroute-after').addEventListener('change', showRerouteTarget);
    $('detail-hide').addEventListener('click', () => {
      selected = null;
      timeline = null;
      $('detail').hidden = true;
      renderOrders();
    });
    $('alarm-banner-open').addEventListener('click', () => {
      const id = Number($('alarm-banner').dataset.orderId);
      if (id) openDetail(id);
    });
    $('alarm-banner-hide').addEventListener('click', () => { $('alarm-banner').hidden = true; });
    $('filter-centre').addEventListener('change', renderOrders);
    $('filter-type').addEventListener('change', renderOrders);
  }

  // ------------------------------------------------------------------ push

  // another crew took an order whose crew could not go: its mark and its banner go
  function crewFound(id) {
    stranded.delete(id);
    const banner = $('alarm-banner');
    if (banner.dataset.stranded === String(id)) {
      banner.hidden = true;
      delete banner.dataset.stranded;
    }
  }

  // a crew's report (workorder-crew): the order as lists show it, plus what the crew said; "cannot go" alarms the page
  function crewReported(data) {
    if (!data || !data.order) return;
    const o = data.order;
    if (data.change === 'cannot_go') {
      stranded.set(o.id, data);
      const banner = $('alarm-banner');
      banner.dataset.orderId = o.id;
      banner.dataset.stranded = o.id;
      banner.className = 'wo-banner critical';
      $('alarm-banner-text').textContent = '抢修小组无法出发：' + o.orderNo + ' ' + teamName(data.crew) + '（'
        + (data.text || '') + '），请改派';
      banner.hidden = false;
    } else if (data.change === 'assigned') {
      crewFound(o.id);
    }
    orderChanged({order: o});
  }

  function orderChanged(data) {
    const o = data && data.order;
    if (!o) return;
    learnOffset(o);
    if (o.closedAt) {
      orders.delete(o.id);
      [...alarms.values()].filter(a => a.orderId === o.id).forEach(a => alarms.delete(a.id));
      fresh.delete(o.id);
      renderAlarms();
    } else {
      orders.set(o.id, o);
    }
    renderAlarms();
    renderOrders();
    if (selected === o.id) loadTimeline();
  }

  async function load() {
    try {
      const [list, open, u, t, c, waiting] = await Promise.all([H.api('GET', '/api/work-orders'),
        H.api('GET', '/api/work-orders/alarms'), H.api('GET', '/api/work-orders/units'),
        H.api('GET', '/api/work-orders/types'), H.api('GET', '/api/work-orders/repair-centres'),
        H.api('GET', '/api/work-orders/crew-waiting')]);
      types = t || {};
      units = u || [];
      centres = c || [];
      orders.clear();
      (list || []).forEach(o => { orders.set(o.id, o); learnOffset(o); });
      alarms.clear();
      (open || []).forEach(a => alarms.set(a.id, a));
      stranded.clear();
      (waiting || []).forEach(r => stranded.set(r.orderId, r));
      showError('');
      renderFilters();
      renderAlarms();
      renderOrders();
      if (selected !== null) loadTimeline();
      document.body.dataset.loaded = String(Date.now());
    } catch (e) {
      showError('读取工单失败：' + e.message);
    }
  }

  function connect(delay) {
    const conn = $('connection');
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/supervisor');
    ws.onopen = () => {
      delay = 1000;
      conn.className = 'conn up';
      conn.textContent = '已连接';
      load(); // whatever changed while the socket was down
    };
    ws.onmessage = e => {
      const m = JSON.parse(e.data);
      if (m.type === 'workorder-changed') orderChanged(m.data);
      else if (m.type === 'workorder-alarm') alarmArrived(m.data);
      else if (m.type === 'workorder-crew') crewReported(m.data);
    };
    ws.onclose = () => {
      conn.className = 'conn down';
      conn.textContent = '未连接';
      setTimeout(() => connect(Math.min(delay * 2, 30000)), delay);
    };
  }

  function tick() {
    $('clock').textContent = new Date(now()).toLocaleTimeString('zh-CN', {hour12: false});
    document.querySelectorAll('#order-table td.left[data-deadline]').forEach(td => {
      const o = orders.get(Number(td.parentElement.dataset.orderId));
      if (o) paintLeft(td, o);
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    H.csrf().then(tk => { $('logout-csrf').value = tk.token; }).catch(() => {});
    wireActions();
    tick();
    setInterval(tick, 1000);
    connect(1000);
  });
})();
