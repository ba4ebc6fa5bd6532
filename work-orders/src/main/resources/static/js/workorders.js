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
  const t = H.t;

  H.i18n.add({
    'zh-CN': {
      'wop.noCentre': '无抢修中心', 'wop.stranded': '抢修小组无法出发', 'wop.revisit': '待回访', 'wop.over': '超时 {t}',
      'wop.all': '全部', 'wop.late': '（延迟触发）', 'wop.passed': '该环节已完成', 'wop.ack': '确认',
      'wop.ackFailed': '确认告警失败：{m}', 'wop.newAlarm': '新告警：{no} {alarm} — 等待 {point}，责任方 {party}',
      'wop.loadFailed': '读取工单失败：{m}', 'wop.otherSite': '（异地）', 'wop.record': '记录 {p}',
      'wop.rerouteCentre': 'B 改派抢修中心', 'wop.redispatch': 'B 重新派发', 'wop.rerouteTeam': '{p} 改派班组',
      'wop.reassign': '改派', 'wop.assignCrew': '派工', 'wop.noFix': '无定位', 'wop.fix': '定位 {lat}, {lon}',
      'wop.accuracy': '（误差 {m} 米）', 'wop.photo': '照片{n}', 'wop.strandedBanner': '抢修小组无法出发：{no} {crew}（{text}），请改派',
      'wop.f.status': '状态', 'wop.f.centre': '抢修中心', 'wop.f.team': '班组', 'wop.f.crew': '抢修小组', 'wop.f.caller': '来电号码',
      'wop.f.created': '创建', 'wop.f.stage': '当前环节', 'wop.f.party': '责任方',
      'wop.cr.assigned': '派工', 'wop.cr.accepted': '接单', 'wop.cr.cannot_go': '无法出发', 'wop.cr.departed': '出发',
      'wop.cr.arrived': '到达现场', 'wop.cr.fault': '故障情况', 'wop.cr.materials': '使用材料', 'wop.cr.done': '处理完毕',
      'wop.open': '查看', 'wop.hide': '隐藏', 'wop.alarms': '待确认告警', 'wop.orderNo': '工单号', 'wop.alarm': '告警',
      'wop.due': '到期', 'wop.count': '次数', 'wop.noAlarms': '无待确认告警', 'wop.orders': '在办工单', 'wop.type': '类型',
      'wop.ok': '充足', 'wop.half': '过半', 'wop.risk': '将超时', 'wop.overdue': '已超时', 'wop.left': '剩余时间',
      'wop.noOrders': '无在办工单', 'wop.collapse': '收起', 'wop.assignTeam': '派班组', 'wop.dispatch': '派单',
      'wop.assignCrewTo': '派抢修小组', 'wop.reroute': '重新派单', 'wop.rerouteTo': '改派至', 'wop.reason': '原因',
      'wop.reasonHint': '如：不属本单位管辖', 'wop.done': '完成', 'wop.close': '关闭工单', 'wop.closeGo': '关闭',
      'wop.stageCol': '环节', 'wop.limit': '时限', 'wop.used': '用时', 'wop.lost': '改派损失', 'wop.result': '结果',
      'wop.crewReports': '抢修小组上报', 'wop.at': '时间', 'wop.report': '上报', 'wop.crewCol': '抢修小组',
      'wop.crewMember': '抢修人员', 'wop.content': '内容', 'wop.log': '处理记录', 'wop.point': '时间点', 'wop.action': '操作',
      'wop.by': '记录人', 'wop.source': '来源', 'wop.unit': '单位'
    },
    en: {
      'wop.noCentre': 'No repair centre', 'wop.stranded': 'Crew cannot go', 'wop.revisit': 'Revisit due', 'wop.over': '{t} over',
      'wop.all': 'All', 'wop.late': ' (fired late)', 'wop.passed': 'stage done', 'wop.ack': 'Acknowledge',
      'wop.ackFailed': 'Alarm not acknowledged: {m}', 'wop.newAlarm': 'New alarm: {no} {alarm} — waiting for {point}, responsible {party}',
      'wop.loadFailed': 'Work orders not loaded: {m}', 'wop.otherSite': ' (other site)', 'wop.record': 'Record {p}',
      'wop.rerouteCentre': 'B to another repair centre', 'wop.redispatch': 'B dispatch again', 'wop.rerouteTeam': '{p} to another team',
      'wop.reassign': 'Reassign', 'wop.assignCrew': 'Assign', 'wop.noFix': 'no location', 'wop.fix': 'location {lat}, {lon}',
      'wop.accuracy': ' (±{m} m)', 'wop.photo': 'photo {n}', 'wop.strandedBanner': 'Crew cannot go: {no} {crew} ({text}); reassign it',
      'wop.f.status': 'Status', 'wop.f.centre': 'Repair centre', 'wop.f.team': 'Team', 'wop.f.crew': 'Crew', 'wop.f.caller': 'Caller number',
      'wop.f.created': 'Created', 'wop.f.stage': 'Stage', 'wop.f.party': 'Responsible',
      'wop.cr.assigned': 'assigned', 'wop.cr.accepted': 'accepted', 'wop.cr.cannot_go': 'cannot go', 'wop.cr.departed': 'departed',
      'wop.cr.arrived': 'on site', 'wop.cr.fault': 'fault found', 'wop.cr.materials': 'materials used', 'wop.cr.done': 'done',
      'wop.open': 'Open', 'wop.hide': 'Hide', 'wop.alarms': 'Alarms to acknowledge', 'wop.orderNo': 'Order no.', 'wop.alarm': 'Alarm',
      'wop.due': 'Due', 'wop.count': 'Times', 'wop.noAlarms': 'No alarms to acknowledge', 'wop.orders': 'Open work orders',
      'wop.type': 'Type', 'wop.ok': 'plenty', 'wop.half': 'past half', 'wop.risk': 'nearly over', 'wop.overdue': 'over',
      'wop.left': 'Time left', 'wop.noOrders': 'No open work orders', 'wop.collapse': 'Close', 'wop.assignTeam': 'Team',
      'wop.dispatch': 'Dispatch', 'wop.assignCrewTo': 'Crew', 'wop.reroute': 'Re-route', 'wop.rerouteTo': 'To',
      'wop.reason': 'Reason', 'wop.reasonHint': 'e.g. not our area', 'wop.done': 'Done', 'wop.close': 'Close the order',
      'wop.closeGo': 'Close', 'wop.stageCol': 'Stage', 'wop.limit': 'Limit', 'wop.used': 'Used', 'wop.lost': 'Lost to re-routing',
      'wop.result': 'Result', 'wop.crewReports': 'Crew reports', 'wop.at': 'Time', 'wop.report': 'Report', 'wop.crewCol': 'Crew',
      'wop.crewMember': 'Crew member', 'wop.content': 'Content', 'wop.log': 'Log', 'wop.point': 'Point', 'wop.action': 'Action',
      'wop.by': 'By', 'wop.source': 'Source', 'wop.unit': 'Unit'
    }
  });

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
    if (!code) return t('wop.noCentre');
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
    if (code === 'hotline') return W.party('HOTLINE');
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
      H.el('td', 'status', stranded.has(o.id) ? t('wop.stranded') : W.status(o.status)),
      H.el('td', 'alarm-count', alarmsOf ? String(alarmsOf) : ''));
    if (stranded.has(o.id)) tr.classList.add('stranded');
    tr.addEventListener('click', () => openDetail(o.id));
    tr.addEventListener('keydown', e => { if (e.key === 'Enter') openDetail(o.id); });
    paintLeft(left, o);
    return tr;
  }

  function paintLeft(td, o) {
    if (!o.deadline) {
      td.textContent = o.status === 'resolved' ? t('wop.revisit') : '—';
      td.className = 'left none';
      return;
    }
    const ms = Date.parse(o.deadline) - now();
    td.className = 'left ' + W.level(o, now());
    td.textContent = ms < 0 ? t('wop.over', {t: W.clock(ms / 1000)}) : W.clock(ms / 1000);
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
    centreSelect.replaceChildren(new Option(t('wop.all'), ''), ...[...used].filter(Boolean).sort()
      .map(code => new Option(centreName(code), code)), new Option(t('wop.noCentre'), '-'));
    typeSelect.replaceChildren(new Option(t('wop.all'), ''), ...Object.entries(types)
      .map(([code, ty]) => new Option(W.zh(ty.label), code)));
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
      const kind = W.alarm(a.kind) + (a.late ? t('wop.late') : '')
        + (a.smsStatus ? ' · ' + W.sms(a.smsStatus) : '') + (passed ? ' · ' + t('wop.passed') : '');
      const ack = H.el('button', 'ack', t('wop.ack'));
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
      showError(t('wop.ackFailed', {m: e.message}));
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
    $('alarm-banner-text').textContent = t('wop.newAlarm', {no: a.orderNo, alarm: W.alarm(a.kind),
      point: a.point + ' ' + W.zh(a.pointName), party: W.party(a.party)});
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
      showError(t('wop.loadFailed', {m: e.message}));
    }
  }

  function renderDetail() {
    const o = timeline.order;
    $('detail').dataset.orderId = o.id;
    $('detail-title').textContent = o.orderNo + ' · ' + typeName(o);
    const dl = $('detail-summary');
    const pairs = [['status', W.status(o.status)], ['centre', o.repairCentre ? centreName(o.repairCentre) : '—'],
      ['team', o.team ? teamName(o.team) : '—'], ['crew', o.crew ? teamName(o.crew) : '—'],
      ['caller', o.callerNumber || '—'], ['created', W.time(o.createdAt)],
      ['stage', o.awaiting ? o.awaiting + ' ' + W.zh(o.awaitingName) : '—'], ['party', W.party(o.responsible)]];
    dl.replaceChildren(...pairs.flatMap(([k, v]) => [H.el('dt', null, t('wop.f.' + k)), H.el('dd', null, v)]));
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
      $('assign-team').replaceChildren(...teams.map(u => new Option(u.name + (u.sameSite ? '' : t('wop.otherSite')), u.code)));
    }
    $('record-form').hidden = !(open && o.awaiting && !assigning);
    if (o.awaiting) $('record-point').textContent = t('wop.record', {p: o.awaiting + ' ' + W.zh(o.awaitingName)});
    // re-routable: a recorded hand-over to a repair centre (B) or a team (D), whichever this type has
    const recorded = new Set(timeline.stages.filter(s => s.endedAt).map(s => s.to));
    const afters = [];
    const routed = !!(type && type.stages.some(s => s.party === 'REPAIR_CENTRE'));
    if (recorded.has('B') && type && type.stages.length > 1) {
      afters.push(['B', routed ? t('wop.rerouteCentre') : t('wop.redispatch')]);
    }
    if (handOver && handOver !== 'B' && recorded.has(handOver)) afters.push([handOver, t('wop.rerouteTeam', {p: handOver})]);
    $('reroute-form').hidden = !(open && afters.length);
    $('reroute-after').replaceChildren(...afters.map(([v, label]) => new Option(label, v)));
    $('reroute-centre').replaceChildren(...centres.map(c => new Option(c.name, c.code)));
    if (o.repairCentre) $('reroute-centre').value = o.repairCentre;
    // a team chosen wrongly is handed to another team of the same centre (its site sets the next limit)
    const others = units.filter(u => u.kind === 'team' && (!o.repairCentre || u.repairCentre === o.repairCentre)
      && u.code !== o.team);
    $('reroute-team').replaceChildren(...others.map(u => new Option(u.name + (u.sameSite ? '' : t('wop.otherSite')), u.code)));
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
    $('crew-assign').textContent = o.crew ? t('wop.reassign') : t('wop.assignCrew');
  }

  const crewReport = kind => (t('wop.cr.' + kind) === 'wop.cr.' + kind ? kind : t('wop.cr.' + kind));

  function reportText(r) {
    const parts = [];
    if (r.text) parts.push(r.text);
    if (r.materials && r.materials.length) {
      parts.push(r.materials.map(m => m.name + ' ' + m.quantity + (m.unit || '')).join('，'));
    }
    if (r.kind === 'arrived') {
      parts.push(r.latitude === null || r.latitude === undefined ? t('wop.noFix')
        : t('wop.fix', {lat: r.latitude.toFixed(5), lon: r.longitude.toFixed(5)})
          + (r.accuracy === null || r.accuracy === undefined ? '' : t('wop.accuracy', {m: Math.round(r.accuracy)})));
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
        const a = H.el('a', 'photo', t('wop.photo', {n: i + 1}));
        a.href = '/api/work-orders/' + o.id + '/photos/' + id;
        a.target = '_blank';
        a.rel = 'noopener';
        content.append(' ', a);
      });
      tr.append(H.el('td', 'at', W.time(r.recordedAt)), H.el('td', 'kind', crewReport(r.kind)),
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
      $('alarm-banner-text').textContent = t('wop.strandedBanner', {no: o.orderNo, crew: teamName(data.crew),
        text: data.text || ''});
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
      const [list, open, u, ty, c, waiting] = await Promise.all([H.api('GET', '/api/work-orders'),
        H.api('GET', '/api/work-orders/alarms'), H.api('GET', '/api/work-orders/units'),
        H.api('GET', '/api/work-orders/types'), H.api('GET', '/api/work-orders/repair-centres'),
        H.api('GET', '/api/work-orders/crew-waiting')]);
      types = ty || {};
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
      showError(t('wop.loadFailed', {m: e.message}));
    }
  }

  function connect(delay) {
    const conn = $('connection');
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/supervisor');
    ws.onopen = () => {
      delay = 1000;
      conn.className = 'conn up';
      conn.dataset.i18n = 'conn.up';
      conn.textContent = t('conn.up');
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
      conn.dataset.i18n = 'conn.down';
      conn.textContent = t('conn.down');
      setTimeout(() => connect(Math.min(delay * 2, 30000)), delay);
    };
  }

  function tick() {
    $('clock').textContent = new Date(now()).toLocaleTimeString(H.i18n.lang(), {hour12: false});
    document.querySelectorAll('#order-table td.left[data-deadline]').forEach(td => {
      const o = orders.get(Number(td.parentElement.dataset.orderId));
      if (o) paintLeft(td, o);
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    H.csrf().then(tk => { $('logout-csrf').value = tk.token; }).catch(() => {});
    wireActions();
    // the one switch (desk.js) relabels the static words; what this script drew is drawn again
    H.on('lang', () => {
      renderFilters();
      renderAlarms();
      renderOrders();
      if (timeline) renderDetail();
    });
    tick();
    setInterval(tick, 1000);
    connect(1000);
  });
})();
