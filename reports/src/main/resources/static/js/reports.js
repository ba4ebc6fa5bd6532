// Reports (报表) for team leads, supervisors and administrators: queue, agent, team, work-order, IVR and SMS reports
// over a range of days, the queues' trend and heat map of offered calls by weekday and hour, CSV/XLSX export, the
// scheduled reports; in the user's language (reports-words.js). Server text goes through textContent (Hotline.el).
(function () {
  'use strict';
  const H = window.Hotline;
  const WORDS = window.HotlineReportWords;
  if (H.i18n) H.i18n.add(WORDS);
  const lang = () => (H.i18n ? H.i18n.lang() : 'zh-CN');
  const t = (key, vars) => {
    if (H.t) return H.t(key, vars);
    let s = WORDS['zh-CN'][key] || key;
    Object.entries(vars || {}).forEach(([k, v]) => { s = s.replace('{' + k + '}', v); });
    return s;
  };
  const $ = id => document.getElementById(id);
  const pct = v => v == null ? '–' : (v * 100).toFixed(1) + '%';
  const sec = v => v == null ? '–' : v.toFixed(1);
  const mins = v => v == null ? '–' : (v / 60).toFixed(1);
  const range = () => 'from=' + $('f-from').value + '&to=' + $('f-to').value;
  const QUEUE_COLUMNS = [
    ['r.c.period', r => r.label], ['r.c.queue', r => r.queueName || t('r.allQueues')], ['r.c.offered', r => r.offered],
    ['r.c.answered', r => r.answered], ['r.c.abandoned', r => r.abandoned], ['r.c.short', r => r.shortAbandoned],
    ['r.c.timeouts', r => r.timeouts], ['r.c.transfers', r => r.transferred],
    ['r.c.abandonRate', r => pct(r.abandonRate)], ['r.c.sl', r => pct(r.serviceLevel)],
    ['r.c.t', r => r.serviceLevelSeconds], ['r.c.asa', r => sec(r.asaSeconds)], ['r.c.wait', r => sec(r.avgWaitSeconds)],
    ['r.c.maxWait', r => r.maxWaitSeconds], ['r.c.talk', r => sec(r.avgTalkSeconds)],
    ['r.c.hold', r => sec(r.avgHoldSeconds)], ['r.c.wrap', r => sec(r.avgWrapUpSeconds)],
    ['r.c.aht', r => sec(r.ahtSeconds)], ['r.c.callbacks', r => r.callbacksRequested],
    ['r.c.orders', r => r.workOrders], ['r.c.satisfied', r => pct(r.satisfiedShare)]];
  const PEOPLE_COLUMNS = kind => [
    ['r.c.period', r => r.label], [kind === 'teams' ? 'r.c.team' : 'r.c.agent',
      r => kind === 'teams' ? (r.team || t('r.c.noTeam')) : (r.agentName || r.agentInterface)],
    ['r.c.team', r => r.team || ''], ['r.c.handled', r => r.answered], ['r.c.transfers', r => r.transferred],
    ['r.c.talk', r => sec(r.avgTalkSeconds)], ['r.c.hold', r => sec(r.avgHoldSeconds)],
    ['r.c.wrap', r => sec(r.avgWrapUpSeconds)], ['r.c.aht', r => sec(r.ahtSeconds)]];
  const TIME_COLUMNS = [
    ['r.c.period', r => label(r.period)], ['r.c.agent', r => r.agentName || r.agentInterface],
    ['r.c.team', r => r.team || ''], ['r.c.ready', r => r.readySeconds], ['r.c.ringing', r => r.ringingSeconds],
    ['r.c.talking', r => r.talkingSeconds], ['r.c.wrapup', r => r.wrapUpSeconds], ['r.c.paused', r => r.pausedSeconds],
    ['r.c.reasons', r => Object.entries(r.pausedByReason).map(([k, v]) => (k || t('r.c.noReason')) + ' ' + v)
      .join('; ')], ['r.c.occupancy', r => pct(r.occupancy)]];
  // the call outcomes (ADR 0036): each outcome's label in the page's language, none chosen counted too
  const OUTCOME_COLUMNS = [['r.c.queue', r => r.queueName || r.queue || ''],
    ['r.c.agent', r => r.agentName || r.agentInterface], ['r.c.outcome', r => (lang() === 'en' ? r.en : r.zh)],
    ['r.c.outcomeCalls', r => r.calls]];
  const party = p => (t('r.p.' + p) === 'r.p.' + p ? p : t('r.p.' + p));
  const smsKind = k => (t('r.sms.' + k) === 'r.sms.' + k ? k : t('r.sms.' + k));
  const STAGE_COLUMNS = [
    ['r.c.type', r => r.typeLabel], ['r.c.stage', r => r.from + '→' + r.to + ' ' + r.name],
    ['r.c.party', r => party(r.party)], ['r.c.ended', r => r.ended], ['r.c.median', r => mins(r.medianSeconds)],
    ['r.c.p90', r => mins(r.p90Seconds)], ['r.c.within', r => pct(r.withinLimitShare)]];
  const PROMISE_COLUMNS = [['r.c.type', r => r.typeLabel], ['r.c.orderCount', r => r.orders],
    ['r.c.kept', r => r.kept], ['r.c.broken', r => r.broken], ['r.c.open', r => r.open]];
  const LOST_COLUMNS = [['r.c.party', r => party(r.party)], ['r.c.unit', r => r.unit || '—'],
    ['r.c.lostMin', r => r.minutes], ['r.c.stages', r => r.stages]];
  const IVR_COLUMNS = [['r.c.script', r => r.script], ['r.c.runs', r => r.runs], ['r.c.completed', r => r.completed],
    ['r.c.hungUp', r => r.hungUp], ['r.c.fallback', r => r.fallback]];
  const PATH_COLUMNS = [['r.c.script', r => r.script], ['r.c.path', r => r.path], ['r.c.runs', r => r.runs]];
  const SMS_COLUMNS = [['r.c.campaign', r => r.campaign || t('r.c.noCampaign')], ['r.c.smsKind', r => smsKind(r.kind)],
    ['r.c.messages', r => r.messages], ['r.c.sent', r => r.sent], ['r.c.delivered', r => r.delivered],
    ['r.c.failed', r => r.failed], ['r.c.unknown', r => r.unknown], ['r.c.waiting', r => r.waiting],
    ['r.c.held', r => r.held], ['r.c.cancelled', r => r.cancelled], ['r.c.parts', r => r.parts],
    ['r.c.cost', r => Number(r.cost).toFixed(2)]];
  let trend;
  let heat;

  function params(interval) {
    const q = new URLSearchParams();
    q.set('from', $('f-from').value);
    q.set('to', $('f-to').value);
    q.set('interval', interval || $('f-interval').value);
    q.set('rule', $('f-rule').value);
    if ($('f-queue').value) q.append('queue', $('f-queue').value);
    if ($('f-team').value) q.append('team', $('f-team').value);
    if ($('f-agent').value.trim()) q.append('agent', $('f-agent').value.trim());
    return q;
  }

  function label(iso) {
    const d = new Date(iso);
    const day = d.toLocaleDateString('sv-SE', {timeZone: 'Asia/Shanghai'});
    const interval = $('f-interval').value;
    if (interval === 'total') return $('f-from').value + ' ' + t('r.until') + ' ' + $('f-to').value;
    if (interval === '15m' || interval === 'hour') {
      return day + ' ' + d.toLocaleTimeString('sv-SE', {timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit'});
    }
    return interval === 'month' ? day.substring(0, 7) : day;
  }

  function rows(columns, data, total) {
    const body = data.map(r => {
      const tr = H.el('tr', 'row');
      columns.forEach(c => tr.append(H.el('td', null, String(c[1](r)))));
      return tr;
    });
    if (total) {
      const tr = H.el('tr', 'total');
      columns.forEach((c, i) => tr.append(H.el('td', null, i === 0 ? t('r.c.total') : String(c[1](total)))));
      body.push(tr);
    }
    return body;
  }

  function fill(id, columns, data, total) {
    const head = H.el('tr');
    columns.forEach(c => head.append(H.el('th', null, t(c[0]))));
    $(id).tHead.replaceChildren(head);
    $(id).tBodies[0].replaceChildren(...rows(columns, data, total));
  }

  function table(columns, data, total, empty) {
    fill('report', columns, data, total);
    $('empty').textContent = t(empty);
    $('empty').hidden = data.length > 0;
  }

  function drawTrend(data) {
    const byPeriod = new Map();
    data.forEach(r => {
      const p = byPeriod.get(r.label) || {offered: 0, answered: 0, abandoned: 0};
      p.offered += r.offered; p.answered += r.answered; p.abandoned += r.abandoned;
      byPeriod.set(r.label, p);
    });
    const labels = [...byPeriod.keys()];
    const names = [['r.c.offered', 'offered'], ['r.c.answered', 'answered'], ['r.c.abandoned', 'abandoned']];
    trend.setOption({
      title: {text: t('r.trend'), textStyle: {fontSize: 13}}, tooltip: {trigger: 'axis'},
      legend: {top: 0, right: 0, data: names.map(n => t(n[0]))}, grid: {left: 40, right: 10, top: 40, bottom: 30},
      xAxis: {type: 'category', data: labels}, yAxis: {type: 'value', minInterval: 1},
      series: names.map(([name, key]) => ({name: t(name), type: 'line', showSymbol: true, symbolSize: 7,
        data: labels.map(l => byPeriod.get(l)[key])}))
    }, true);
  }

  async function drawHeat() {
    const cells = Array.from({length: 7}, () => new Array(24).fill(0));
    try {
      const hourly = await H.api('GET', '/api/reports/queues?' + params('hour'));
      hourly.rows.forEach(r => {
        const local = new Date(new Date(r.period).toLocaleString('en-US', {timeZone: 'Asia/Shanghai'}));
        cells[(local.getDay() + 6) % 7][local.getHours()] += r.offered;
      });
    } catch (e) {
      // a range too long for hours: the heat map stays empty, the table and trend still show
    }
    const data = [];
    let max = 1;
    cells.forEach((hours, d) => hours.forEach((n, h) => { data.push([h, d, n]); max = Math.max(max, n); }));
    heat.setOption({
      title: {text: t('r.heat'), textStyle: {fontSize: 13}}, tooltip: {position: 'top'},
      grid: {left: 40, right: 10, top: 30, bottom: 50},
      xAxis: {type: 'category', data: [...Array(24).keys()].map(h => h + t('r.hourSuffix')), splitArea: {show: true}},
      yAxis: {type: 'category', data: t('r.weekdays').split(','), splitArea: {show: true}},
      visualMap: {min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 80,
        textStyle: {fontSize: 11}},
      series: [{name: t('r.c.offered'), type: 'heatmap', data}]
    }, true);
  }

  // the boxes each kind of report shows; the charts are the queues' only
  function show(kind) {
    document.querySelector('.charts').hidden = kind !== 'queues';
    $('time-box').hidden = kind !== 'agents';
    $('wo-box').hidden = kind !== 'workorders';
    $('ivr-box').hidden = kind !== 'ivr';
    $('sms-box').hidden = kind !== 'sms';
  }

  async function loadOther(kind) {
    if (kind === 'outcomes') {
      table(OUTCOME_COLUMNS, await H.api('GET', '/api/reports/outcomes?' + params()), null, 'r.noOutcomes');
      $('rule-note').textContent = t('r.note.outcomes');
    } else if (kind === 'sms') {
      const sms = await H.api('GET', '/api/sms/reports?' + range());
      table(SMS_COLUMNS, sms.rows, null, 'r.noSms');
      fill('sms-failed', [['r.c.errorCode', r => r[0]], ['r.c.messages', r => r[1]]],
        Object.entries(sms.failedByReason));
      fill('sms-optouts', [['r.c.smsKind', r => smsKind(r[0])], ['r.c.optOuts', r => r[1]]],
        Object.entries(sms.optOutsByKind));
      $('rule-note').textContent = t('r.note.sms', {p: sms.pricePerPart});
    } else if (kind === 'ivr') {
      const ivr = await H.api('GET', '/api/reports/ivr?' + range());
      table(IVR_COLUMNS, ivr.scripts, null, 'r.noIvr');
      fill('ivr-paths', PATH_COLUMNS, ivr.paths);
      $('rule-note').textContent = t('r.note.ivr', {n: ivr.ivrOnlyCalls});
    } else {
      const wo = await H.api('GET', '/api/work-orders/reports?' + range());
      table(STAGE_COLUMNS, wo.stages, null, wo.orders > 0 ? 'r.noStages' : 'r.noOrders');
      fill('wo-promise', PROMISE_COLUMNS, wo.promises);
      fill('wo-lost', LOST_COLUMNS, wo.lost);
      $('rule-note').textContent = t('r.note.orders', {n: wo.orders});
    }
  }

  async function loadCalls(kind) {
    const report = await H.api('GET', '/api/reports/' + kind + '?' + params());
    report.rows.forEach(r => { r.label = label(r.period); });
    if (kind === 'queues') {
      table(QUEUE_COLUMNS, report.rows, report.total, 'r.noCalls');
      $('rule-note').textContent = t('r.note.queues', {s: report.shortAbandonSeconds,
        f: lang() === 'en' ? report.serviceLevelFormula : report.serviceLevelFormulaZh});
      drawTrend(report.rows);
      trend.resize();
      heat.resize();
      await drawHeat();
    } else {
      table(PEOPLE_COLUMNS(kind), report.rows, null, 'r.noCalls');
      $('rule-note').textContent = t('r.note.people');
      if (kind === 'agents') {
        fill('agent-time', TIME_COLUMNS, await H.api('GET', '/api/reports/agent-time?' + params()));
      }
    }
  }

  async function load() {
    $('error').hidden = true;
    if ($('f-from').value > $('f-to').value) {
      // said here, before any request: the server would refuse it the same way
      $('error').textContent = t('r.err.range');
      $('error').hidden = false;
      return;
    }
    const kind = $('f-kind').value;
    show(kind);
    try {
      if (['workorders', 'ivr', 'sms', 'outcomes'].includes(kind)) {
        await loadOther(kind);
      } else {
        await loadCalls(kind);
      }
      document.body.dataset.loaded = String(Date.now());
    } catch (e) {
      // a refusal the page knows says why in the page's language; anything else shows the server's reason
      const code = (e.data && e.data.code) || (/^([a-z]+):/.exec(e.message || '') || [])[1];
      const known = code && t('r.err.' + code) !== 'r.err.' + code;
      $('error').textContent = known ? t('r.err.' + code) : t('r.failed', {m: e.message});
      $('error').hidden = false;
    }
  }

  async function loadScheduled() {
    const made = await H.api('GET', '/api/reports/scheduled');
    $('scheduled').tBodies[0].replaceChildren(...made.map(m => {
      const tr = H.el('tr', 'made');
      const link = H.el('a', null, t('r.s.download'));
      link.href = '/api/reports/scheduled/' + m.id;
      const last = H.el('td');
      last.append(link);
      const mail = m.mailedAt ? t('r.s.mailed') : m.mailError ? t('r.s.mailFailed', {m: m.mailError}) : '—';
      tr.append(H.el('td', null, t(m.kind === 'daily' ? 'r.s.daily' : 'r.s.monthly')),
        H.el('td', null, m.from === m.to ? m.from : m.from + ' ' + t('r.until') + ' ' + m.to),
        H.el('td', null, new Date(m.createdAt).toLocaleString(lang(), {hour12: false})),
        H.el('td', 'num', String(m.offered)), H.el('td', 'num', String(m.answered)), H.el('td', null, mail), last);
      return tr;
    }));
    $('no-scheduled').hidden = made.length > 0;
  }

  function exportAs(format) {
    if (['workorders', 'ivr', 'sms'].includes($('f-kind').value)) {
      $('error').textContent = t('r.noExport');
      $('error').hidden = false;
      return;
    }
    const q = params();
    q.set('format', format);
    q.set('lang', lang() === 'en' ? 'en' : 'zh');
    window.location.href = '/api/reports/' + $('f-kind').value + '?' + q;
  }

  async function loadTeams() {
    try {
      const teams = await H.api('GET', '/api/reports/team-names');
      teams.forEach(name => {
        const o = H.el('option', null, name);
        o.value = name;
        $('f-team').append(o);
      });
    } catch (e) {
      // the team list is a convenience: the reports cover every team without it
    }
  }

  async function loadQueues() {
    try {
      const queues = await H.api('GET', '/api/reports/queue-names');
      queues.forEach(q => {
        const o = H.el('option', null, q.displayName || q.name);
        o.value = q.name;
        $('f-queue').append(o);
      });
    } catch (e) {
      // the queue list is a convenience: the report covers all queues without it
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    H.csrf().then(tk => { $('logout-csrf').value = tk.token; }).catch(() => {});
    const today = new Date().toLocaleDateString('sv-SE', {timeZone: 'Asia/Shanghai'});
    const weekAgo = new Date(Date.now() - 6 * 86400000).toLocaleDateString('sv-SE', {timeZone: 'Asia/Shanghai'});
    $('f-from').value = weekAgo;
    $('f-to').value = today;
    trend = echarts.init($('trend'));
    heat = echarts.init($('heat'));
    window.addEventListener('resize', () => { trend.resize(); heat.resize(); });
    $('filter').addEventListener('submit', e => { e.preventDefault(); load(); });
    $('export-csv').addEventListener('click', () => exportAs('csv'));
    $('export-xlsx').addEventListener('click', () => exportAs('xlsx'));
    if (H.on) {
      // another language: the tables and charts are drawn again in it
      H.on('lang', () => { load(); loadScheduled().catch(() => {}); });
    }
    Promise.all([loadQueues(), loadTeams()]).then(load);
    loadScheduled().catch(() => {});
  });
})();
