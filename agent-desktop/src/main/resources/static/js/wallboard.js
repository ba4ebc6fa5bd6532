// Supervisor page and big-screen wallboard: reads /ws/supervisor ({"type":"snapshot"|"wallboard","data":frame}) and
// renders queue tiles, alerts, charts and the agent table. Frame format: docs/adr/0011. Caller text is data: it only
// goes through textContent (Hotline.el).
(function () {
  'use strict';
  const H = window.Hotline;
  const big = location.pathname.endsWith('/wallboard.html') || new URLSearchParams(location.search).get('big') === '1';
  // [time, {queue: waiting}] for the last 30 minutes: the server's samples (/api/supervisor/waiting-history), then
  // the frames' every 10 s, as the server samples them
  let waitingHistory = [];
  const SAMPLE_MS = 10000;
  let frame = null;
  const agentsByInterface = new Map();
  let clockOffset = 0;         // browser clock minus server clock, so time in state does not depend on the PC clock
  let pauseReasons = [];
  let charts = null;

  H.i18n.add({
    'zh-CN': {
      'wb.title': '班长监控', 'wb.offline': '未连接', 'wb.online': '已连接', 'wb.bigScreen': '大屏', 'wb.reports': '报表', 'wb.desk': '坐席工作台', 'wb.notYourTeam': '该坐席不在您的队列中', 'wb.signOut': '退出',
      'wb.alerts': '告警', 'wb.agents': '坐席', 'wb.agent': '坐席', 'wb.state': '状态', 'wb.reason': '原因',
      'wb.partly': '部分置忙',
      'wb.timeInState': '状态时长', 'wb.callsToday': '今日接听', 'wb.caller': '当前通话', 'wb.queues': '队列',
      'wb.actions': '操作', 'wb.waiting': '排队', 'wb.longestWait': '最长等待', 'wb.today': '今日',
      'wb.lastHour': '近60分钟', 'wb.offered': '呼入', 'wb.answered': '接通', 'wb.abandoned': '放弃',
      'wb.abandonRate': '呼损率', 'wb.sl': '服务水平', 'wb.sl2': '服务水平(含放弃)', 'wb.asa': '平均应答(秒)',
      'wb.avgTalk': '平均通话(秒)', 'wb.avgWrap': '平均事后处理(秒)', 'wb.perAgent': '人均接听',
      'al.LONGEST_WAIT': '{queue}: 最长等待 {value} 秒 (阈值 {threshold})',
      'al.SERVICE_LEVEL': '{queue}: 近60分钟服务水平 {value} (低于 {threshold})',
      'al.AGENTS_READY': '{queue}: 就绪坐席 {value} 人 (不高于 {threshold})',
      'wb.forcePause': '强制置忙', 'wb.forceLogout': '强制签出', 'wb.confirmLogout': '确定将 {agent} 签出?',
      'wb.done': '{agent}: 已执行', 'wb.failed': '{agent}: 失败 — {message}', 'wb.chartAgents': '坐席状态',
      'wb.chartWaiting': '排队数 (近30分钟)'
    },
    en: {
      'wb.title': 'Supervisor', 'wb.offline': 'offline', 'wb.online': 'live', 'wb.bigScreen': 'Big screen', 'wb.reports': 'Reports', 'wb.desk': 'Agent desk', 'wb.notYourTeam': 'this agent serves none of your queues',
      'wb.signOut': 'Sign out', 'wb.alerts': 'Alerts', 'wb.agents': 'Agents', 'wb.agent': 'Agent', 'wb.state': 'State',
      'wb.reason': 'Reason', 'wb.timeInState': 'Time in state', 'wb.callsToday': 'Calls today',
      'wb.partly': 'partly paused',
      'wb.caller': 'Current call', 'wb.queues': 'Queues', 'wb.actions': 'Actions', 'wb.waiting': 'Waiting',
      'wb.longestWait': 'Longest wait', 'wb.today': 'Today', 'wb.lastHour': 'Last 60 min', 'wb.offered': 'Offered',
      'wb.answered': 'Answered', 'wb.abandoned': 'Abandoned', 'wb.abandonRate': 'Abandon rate',
      'wb.sl': 'Service level', 'wb.sl2': 'Service level (incl. abandons)', 'wb.asa': 'ASA (s)',
      'wb.avgTalk': 'Avg talk (s)', 'wb.avgWrap': 'Avg wrap-up (s)', 'wb.perAgent': 'Calls per agent',
      'al.LONGEST_WAIT': '{queue}: longest wait {value} s (limit {threshold})',
      'al.SERVICE_LEVEL': '{queue}: last-hour service level {value} (below {threshold})',
      'al.AGENTS_READY': '{queue}: {value} agents ready (at most {threshold})',
      'wb.forcePause': 'Force pause', 'wb.forceLogout': 'Force logout', 'wb.confirmLogout': 'Log {agent} out?',
      'wb.done': '{agent}: done', 'wb.failed': '{agent}: failed — {message}', 'wb.chartAgents': 'Agent states',
      'wb.chartWaiting': 'Calls waiting (last 30 min)'
    }
  });

  const STATES = ['ready', 'ringing', 'talking', 'wrapup', 'paused', 'lagged', 'loggedOut', 'unavailable'];
  const STATE_COLOURS = ['#27ae60', '#f2994a', '#2f80ed', '#8e44ad', '#d4ac0d', '#c0392b', '#95a5a6', '#7f8c8d'];

  const pct = v => (v === null || v === undefined) ? '—' : (v * 100).toFixed(1) + '%';
  const num = (v, d) => (v === null || v === undefined) ? '—' : Number(v).toFixed(d === undefined ? 1 : d);
  const secs = s => { s = Math.max(0, Math.floor(s)); const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
    return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(s % 60).padStart(2, '0'); };

  // a pause reason code in the page's language: the system's own codes from the dictionary, the company's from
  // the list of pause reasons (an unknown code, e.g. one set on the PBX by hand, stays as it is)
  function reasonLabel(code) {
    if (!code) return '';
    if (code === 'wrapup' || code === 'lagged') return H.t('reason.' + code);
    const r = pauseReasons.find(x => x.code === code);
    return r ? (H.i18n.lang() === 'en' ? r.en : r.zh) : code;
  }

  function kpiRows(q) {
    const rows = [['wb.offered', x => num(x.offered, 0)], ['wb.answered', x => num(x.answered, 0)],
      ['wb.abandoned', x => num(x.abandoned, 0)], ['wb.abandonRate', x => pct(x.abandonRate)],
      ['wb.sl', x => pct(x.serviceLevel)], ['wb.sl2', x => pct(x.serviceLevelInclusive)],
      ['wb.asa', x => num(x.asaSeconds)], ['wb.avgTalk', x => num(x.avgTalkSeconds)],
      ['wb.avgWrap', x => num(x.avgWrapUpSeconds)], ['wb.perAgent', x => num(x.callsPerAgent)]];
    const keys = ['offered', 'answered', 'abandoned', 'abandonRate', 'serviceLevel', 'serviceLevelInclusive',
      'asaSeconds', 'avgTalkSeconds', 'avgWrapUpSeconds', 'callsPerAgent'];
    const table = H.el('table', 'kpis');
    const head = table.createTHead().insertRow();
    head.append(H.el('th', null, ''), H.el('th', null, H.t('wb.today')), H.el('th', null, H.t('wb.lastHour')));
    const body = table.createTBody();
    rows.forEach(([label, fmt], i) => {
      const tr = body.insertRow();
      tr.append(H.el('th', null, H.t(label)));
      for (const [interval, data] of [['today', q.today], ['lastHour', q.lastHour]]) {
        const td = H.el('td', null, fmt(data));
        td.dataset.kpi = interval + '.' + keys[i];
        tr.append(td);
      }
    });
    return table;
  }

  function levelOf(alerts) {
    return alerts.some(a => a.level === 'CRITICAL') ? 'critical' : alerts.length ? 'warning' : '';
  }

  // the big screen leaves out queues marked so (a load-test queue), their alerts and agents who serve only them
  function shownQueues() {
    return big ? frame.queues.filter(q => !q.hiddenFromBigScreen) : frame.queues;
  }

  function shownAgents() {
    if (!big) return frame.agents;
    const names = new Set(shownQueues().map(q => q.name));
    return frame.agents.filter(a => !a.queues.length || a.queues.some(q => names.has(q)));
  }

  function renderQueues() {
    const box = document.getElementById('queues');
    box.replaceChildren(...shownQueues().map(q => {
      const tile = H.el('article', 'queue-tile ' + levelOf(q.alerts));
      tile.dataset.queue = q.name;
      const h = H.el('h3');
      h.append(H.el('span', null, q.displayName), H.el('span', 'note', 'T=' + q.serviceLevelSeconds + 's'));
      const live = H.el('div', 'live');
      const waitLevel = levelOf(q.alerts.filter(a => a.kind === 'LONGEST_WAIT'));
      const w = H.el('span'); w.append(H.el('span', 'big-number', q.waiting), H.el('span', null, H.t('wb.waiting')));
      w.querySelector('.big-number').dataset.kpi = 'waiting';
      const l = H.el('span', waitLevel);
      l.append(H.el('span', 'big-number', secs(q.longestWaitSeconds)), H.el('span', null, H.t('wb.longestWait')));
      l.querySelector('.big-number').dataset.kpi = 'longestWait';
      live.append(w, l);
      const states = H.el('div', 'states');
      for (const s of STATES) {
        const chip = H.el('span', 'state ' + s, H.t('st.' + s) + ' ' + q.agents[s]);
        chip.dataset.state = s;
        chip.dataset.count = q.agents[s];
        states.append(chip);
      }
      for (const [reason, n] of Object.entries(q.pausedByReason)) {
        const chip = states.appendChild(H.el('span', 'state paused', '· ' + (reasonLabel(reason) || '—') + ' ' + n));
        chip.dataset.reason = reason;
      }
      tile.append(h, live, states, kpiRows(q));
      return tile;
    }));
  }

  function renderAlerts() {
    const list = document.getElementById('alert-list');
    const names = new Set(shownQueues().map(q => q.name));
    list.replaceChildren(...frame.alerts.filter(a => names.has(a.queue)).map(a => {
      const value = a.kind === 'SERVICE_LEVEL' ? pct(a.value) : num(a.value, 0);
      const threshold = a.kind === 'SERVICE_LEVEL' ? pct(a.threshold) : num(a.threshold, 0);
      const li = H.el('li', a.level.toLowerCase(), H.t('al.' + a.kind, {queue: a.queue, value, threshold}));
      li.dataset.kind = a.kind;
      li.dataset.queue = a.queue;
      return li;
    }));
  }

  function actionButtons(agent) {
    const td = H.el('td', 'controls');
    if (!agent.username || big) return td;
    const select = H.el('select');
    pauseReasons.forEach(r => { const o = H.el('option', null, reasonLabel(r.code)); o.value = r.code; select.append(o); });
    const pause = H.el('button', 'force-pause', H.t('wb.forcePause'));
    pause.type = 'button';
    pause.addEventListener('click', () => act(agent, 'pause', {reason: select.value}));
    const logout = H.el('button', 'force-logout', H.t('wb.forceLogout'));
    logout.type = 'button';
    logout.addEventListener('click', () => {
      if (confirm(H.t('wb.confirmLogout', {agent: agent.displayName}))) act(agent, 'logout', {});
    });
    td.append(select, pause, logout);
    if (window.HotlineSpy) td.append(...window.HotlineSpy.buttons(agent));
    return td;
  }

  async function act(agent, action, body) {
    const status = document.getElementById('action-status');
    try {
      await H.api('POST', '/api/supervisor/agents/' + encodeURIComponent(agent.username) + '/' + action, body);
      status.className = 'note controls';
      status.textContent = H.t('wb.done', {agent: agent.displayName});
    } catch (e) {
      status.className = 'error controls';
      // a team lead acts on the own queues' agents only: said in the page's language, not the server's
      const message = e.data && e.data.code === 'not-your-team' ? H.t('wb.notYourTeam') : e.message;
      status.textContent = H.t('wb.failed', {agent: agent.displayName, message});
    }
  }

  function renderAgents() {
    const tbody = document.querySelector('#agent-table tbody');
    // keep rows whose controls have focus from being rebuilt under the supervisor's hand
    const active = document.activeElement && document.activeElement.closest('tr[data-interface]');
    const keep = active ? active.dataset.interface : null;
    const rows = shownAgents().map(a => {
      if (keep === a.interface) return active;
      const tr = H.el('tr');
      tr.dataset.interface = a.interface;
      if (a.username) tr.dataset.username = a.username;
      const state = H.el('td'); state.append(H.el('span', 'state ' + a.state, H.t('st.' + a.state)));
      const since = H.el('td', 'since');
      if (a.since) since.dataset.since = a.since;
      const caller = a.caller ? [a.caller.number, a.caller.name].filter(Boolean).join(' ') : '';
      // paused in some queues only: ready for the others, so the state stays; the paused queues are named
      const partly = a.partlyPaused ? Object.entries(a.pausedQueues || {}).map(([q, r]) => q + (r ? ': ' + reasonLabel(r) : ''))
        .join(', ') : '';
      if (partly) state.append(H.el('span', 'state paused', H.t('wb.partly')));
      tr.append(H.el('td', 'name', a.displayName), state, H.el('td', 'reason', reasonLabel(a.reason) || partly), since,
        H.el('td', 'calls-today', a.callsToday), H.el('td', 'caller', caller),
        H.el('td', 'queues', a.queues.join(', ')), actionButtons(a));
      return tr;
    });
    tbody.replaceChildren(...rows);
    tick();
  }

  function tick() {
    const now = Date.now() - clockOffset;
    document.querySelectorAll('#agent-table td.since[data-since]').forEach(td => {
      td.textContent = secs((now - Date.parse(td.dataset.since)) / 1000);
    });
    document.getElementById('clock').textContent = new Date(now).toLocaleTimeString(H.i18n.lang());
  }

  function renderCharts() {
    if (!window.echarts) return;
    if (!charts) {
      charts = {agents: echarts.init(document.getElementById('chart-agents')),
        waiting: echarts.init(document.getElementById('chart-waiting'))};
      // the boxes' size comes from the page's grid (the big screen's fills what is left): follow it, not the window
      const fit = new ResizeObserver(() => { charts.agents.resize(); charts.waiting.resize(); });
      fit.observe(document.getElementById('chart-agents'));
      fit.observe(document.getElementById('chart-waiting'));
    }
    const queues = shownQueues();
    const names = queues.map(q => q.displayName);
    const text = big ? '#f0f3f6' : '#1d2329';
    charts.agents.setOption({
      animation: false, color: STATE_COLOURS, textStyle: {color: text},
      title: {text: H.t('wb.chartAgents'), textStyle: {color: text, fontSize: 14}},
      legend: {bottom: 0, type: 'scroll', textStyle: {color: text}}, tooltip: {trigger: 'axis'},
      grid: {left: 40, right: 10, top: 30, bottom: 50},
      xAxis: {type: 'category', data: names}, yAxis: {type: 'value', minInterval: 1},
      series: STATES.map(s => ({name: H.t('st.' + s), type: 'bar', stack: 'agents',
        data: queues.map(q => q.agents[s])}))
    }, true);
    charts.waiting.setOption({
      animation: false, textStyle: {color: text},
      title: {text: H.t('wb.chartWaiting'), textStyle: {color: text, fontSize: 14}},
      legend: {bottom: 0, type: 'scroll', textStyle: {color: text}}, tooltip: {trigger: 'axis'},
      grid: {left: 40, right: 10, top: 30, bottom: 50},
      xAxis: {type: 'time', axisLabel: {hideOverlap: true}}, yAxis: {type: 'value', minInterval: 1},
      series: queues.map(q => ({name: q.displayName, type: 'line', showSymbol: false,
        data: waitingHistory.map(([t, w]) => [t, w[q.name] || 0])}))
    }, true);
  }

  function show(data) {
    if (!data) return;
    if (data !== frame) {
      // frames carry only the agents that changed; "full" ones all of them (docs/adr/0011)
      if (data.full) agentsByInterface.clear();
      data.agents.forEach(a => agentsByInterface.set(a.interface, a));
      (data.removed || []).forEach(i => agentsByInterface.delete(i));
      data.agents = Array.from(agentsByInterface.values()).sort((a, b) => a.interface < b.interface ? -1 : 1);
      const at = Date.parse(data.at);
      clockOffset = Date.now() - at;
      const last = waitingHistory[waitingHistory.length - 1];
      if (!last || at >= last[0] + SAMPLE_MS) {
        waitingHistory.push([at, Object.fromEntries(data.queues.map(q => [q.name, q.waiting]))]);
      }
      while (waitingHistory.length && waitingHistory[0][0] < at - 30 * 60 * 1000) waitingHistory.shift();
    }
    frame = data;
    renderQueues();
    renderAlerts();
    renderAgents();
    renderCharts();
    document.getElementById('wallboard').dataset.at = frame.at;
    H.emit('wallboard-frame', frame); // panels of their own (waiting.js) read the same frame
  }

  // the half hour before this page opened (or reconnected), as the server sampled it
  function loadWaitingHistory() {
    H.api('GET', '/api/supervisor/waiting-history').then(points => {
      const served = (points || []).map(p => [Date.parse(p.at), p.waiting]);
      const after = served.length ? served[served.length - 1][0] : 0;
      waitingHistory = served.concat(waitingHistory.filter(([t]) => t > after));
      if (frame) renderCharts();
    }).catch(() => { /* the chart fills from the frames alone */ });
  }

  function connect(delay) {
    const conn = document.getElementById('connection');
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/supervisor');
    ws.onopen = () => {
      delay = 1000; conn.className = 'conn up'; conn.dataset.i18n = 'wb.online'; conn.textContent = H.t('wb.online');
      H.emit('supervisor-open', true); // panels that load by REST reload what changed while the socket was down
      loadWaitingHistory();
    };
    ws.onmessage = e => {
      const m = JSON.parse(e.data);
      if (m.type === 'snapshot' || m.type === 'wallboard') show(m.data);
      else H.emit(m.type, m.data); // e.g. workorder-changed, workorder-alarm for wallboard-orders.js
    };
    ws.onclose = () => {
      conn.className = 'conn down'; conn.dataset.i18n = 'wb.offline'; conn.textContent = H.t('wb.offline');
      setTimeout(() => connect(Math.min(delay * 2, 30000)), delay);
    };
  }

  document.addEventListener('DOMContentLoaded', () => {
    if (big) {
      document.body.classList.add('big');
      document.title = H.t('page.bigScreen');
      // the wall says what it is: 大屏, not the supervisors' page
      const heading = document.querySelector('body > header [data-i18n="wb.title"]');
      if (heading) {
        heading.dataset.i18n = 'wb.bigScreen';
        heading.textContent = H.t('wb.bigScreen');
      }
    }
    H.csrf().then(tk => { document.getElementById('logout-csrf').value = tk.token; }).catch(() => {});
    H.on('lang', () => { document.title = H.t(big ? 'page.bigScreen' : 'page.supervisor'); if (frame) show(frame); });
    H.api('GET', '/api/control/pause-reasons').then(r => { pauseReasons = r || []; if (frame) show(frame); })
      .catch(() => { pauseReasons = []; });
    setInterval(tick, 1000);
    connect(1000);
  });
})();
