// Reports (报表) for team leads, supervisors and administrators: a queue, agent or team report over a range of days,
// its trend and a heat map of offered calls by weekday and hour, CSV/XLSX export. Server text goes through
// textContent (Hotline.el).
(function () {
  'use strict';
  const H = window.Hotline;
  const $ = id => document.getElementById(id);
  const pct = v => v == null ? '–' : (v * 100).toFixed(1) + '%';
  const sec = v => v == null ? '–' : v.toFixed(1);
  const QUEUE_COLUMNS = [
    ['时段', r => r.label], ['队列', r => r.queueName || '全部队列'], ['呼入', r => r.offered],
    ['接听', r => r.answered], ['放弃', r => r.abandoned], ['短时放弃', r => r.shortAbandoned],
    ['超时', r => r.timeouts], ['转接', r => r.transferred], ['呼损率', r => pct(r.abandonRate)],
    ['服务水平', r => pct(r.serviceLevel)], ['T（秒）', r => r.serviceLevelSeconds],
    ['平均应答速度（秒）', r => sec(r.asaSeconds)], ['平均等待（秒）', r => sec(r.avgWaitSeconds)],
    ['最长等待（秒）', r => r.maxWaitSeconds], ['平均通话时长（秒）', r => sec(r.avgTalkSeconds)],
    ['平均保持（秒）', r => sec(r.avgHoldSeconds)], ['平均事后处理时长（秒）', r => sec(r.avgWrapUpSeconds)],
    ['平均处理时长（秒）', r => sec(r.ahtSeconds)], ['预约回拨', r => r.callbacksRequested],
    ['工单', r => r.workOrders], ['满意率', r => pct(r.satisfiedShare)]];
  const PEOPLE_COLUMNS = kind => [
    ['时段', r => r.label], [kind === 'teams' ? '班组' : '坐席',
      r => kind === 'teams' ? (r.team || '（未分班组）') : (r.agentName || r.agentInterface)],
    ['班组', r => r.team || ''], ['坐席业务量（接听）', r => r.answered], ['转接', r => r.transferred],
    ['平均通话时长（秒）', r => sec(r.avgTalkSeconds)], ['平均保持（秒）', r => sec(r.avgHoldSeconds)],
    ['平均事后处理时长（秒）', r => sec(r.avgWrapUpSeconds)], ['平均处理时长（秒）', r => sec(r.ahtSeconds)]];
  const PARTIES = {HOTLINE: '热线', NETWORK: '网络传输', REPAIR_CENTRE: '抢修中心', TEAM: '班组', CREW: '抢修人员',
    SERVICE_CENTRE: '营业厅', CUSTOMER: '客户', DESIGN: '设计', CONSTRUCTION: '施工', METERING: '计量'};
  const mins = v => v == null ? '–' : (v / 60).toFixed(1);
  const STAGE_COLUMNS = [
    ['工单类型', r => r.typeLabel], ['环节', r => r.from + '→' + r.to + ' ' + r.name],
    ['责任方', r => PARTIES[r.party] || r.party], ['完成数', r => r.ended], ['中位时长（分）', r => mins(r.medianSeconds)],
    ['90% 时长（分）', r => mins(r.p90Seconds)], ['时限内占比', r => pct(r.withinLimitShare)]];
  const PROMISE_COLUMNS = [['工单类型', r => r.typeLabel], ['工单数', r => r.orders], ['按时', r => r.kept],
    ['超时', r => r.broken], ['未完成', r => r.open]];
  const LOST_COLUMNS = [['责任方', r => PARTIES[r.party] || r.party], ['单位', r => r.unit || '—'],
    ['延误（分）', r => r.minutes], ['环节数', r => r.stages]];
  const IVR_COLUMNS = [['语音导航流程', r => r.script], ['次数', r => r.runs], ['完成', r => r.completed],
    ['来电者挂机', r => r.hungUp], ['转人工', r => r.fallback]];
  const PATH_COLUMNS = [['语音导航流程', r => r.script], ['按键路径', r => r.path], ['次数', r => r.runs]];
  const SMS_KINDS = {arrears: '欠费提醒', outage: '停电通知', work_order: '工单通知', escalation: '超时督办',
    general: '一般通知'};
  const SMS_COLUMNS = [['短信批次', r => r.campaign || '（非批次）'], ['类型', r => SMS_KINDS[r.kind] || r.kind],
    ['条数', r => r.messages], ['已发出', r => r.sent], ['已送达', r => r.delivered], ['失败', r => r.failed],
    ['无回执', r => r.unknown], ['待回执', r => r.waiting], ['待人工处理', r => r.held], ['已取消', r => r.cancelled],
    ['计费条数', r => r.parts], ['费用（元）', r => Number(r.cost).toFixed(2)]];
  const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
  let trend;
  let heat;

  function params(interval) {
    const q = new URLSearchParams();
    q.set('from', $('f-from').value);
    q.set('to', $('f-to').value);
    q.set('interval', interval || $('f-interval').value);
    q.set('rule', $('f-rule').value);
    if ($('f-queue').value) q.append('queue', $('f-queue').value);
    return q;
  }

  function label(iso) {
    const d = new Date(iso);
    const day = d.toLocaleDateString('zh-CN', {timeZone: 'Asia/Shanghai'});
    const interval = $('f-interval').value;
    if (interval === 'total') return $('f-from').value + ' 至 ' + $('f-to').value;
    if (interval === '15m' || interval === 'hour') {
      return day + ' ' + d.toLocaleTimeString('zh-CN', {timeZone: 'Asia/Shanghai', hour12: false,
        hour: '2-digit', minute: '2-digit'});
    }
    if (interval === 'month') return day.replace(/\/\d+$/, '');
    return day;
  }

  const TIME_COLUMNS = [
    ['时段', r => label(r.period)], ['坐席', r => r.agentName || r.agentInterface], ['班组', r => r.team || ''], ['就绪（秒）', r => r.readySeconds],
    ['振铃（秒）', r => r.ringingSeconds], ['通话（秒）', r => r.talkingSeconds],
    ['事后处理（秒）', r => r.wrapUpSeconds], ['置忙（秒）', r => r.pausedSeconds],
    ['置忙原因', r => Object.entries(r.pausedByReason).map(([k, v]) => (k || '未注明') + ' ' + v).join('；')],
    ['占用率', r => pct(r.occupancy)]];

  function fill(id, columns, rows) {
    const head = H.el('tr');
    columns.forEach(c => head.append(H.el('th', null, c[0])));
    $(id).tHead.replaceChildren(head);
    $(id).tBodies[0].replaceChildren(...rows.map(r => {
      const tr = H.el('tr', 'row');
      columns.forEach(c => tr.append(H.el('td', null, String(c[1](r)))));
      return tr;
    }));
  }

  function table(columns, rows, total) {
    const head = H.el('tr');
    columns.forEach(c => head.append(H.el('th', null, c[0])));
    $('report').tHead.replaceChildren(head);
    const body = rows.map(r => {
      const tr = H.el('tr', 'row');
      columns.forEach(c => tr.append(H.el('td', null, String(c[1](r)))));
      return tr;
    });
    if (total) {
      const tr = H.el('tr', 'total');
      columns.forEach((c, i) => tr.append(H.el('td', null, i === 0 ? '合计' : String(c[1](total)))));
      body.push(tr);
    }
    $('report').tBodies[0].replaceChildren(...body);
    $('empty').hidden = rows.length > 0;
  }

  function drawTrend(rows) {
    const byPeriod = new Map();
    rows.forEach(r => {
      const p = byPeriod.get(r.label) || {offered: 0, answered: 0, abandoned: 0};
      p.offered += r.offered; p.answered += r.answered; p.abandoned += r.abandoned;
      byPeriod.set(r.label, p);
    });
    const labels = [...byPeriod.keys()];
    trend.setOption({
      title: {text: '呼入、接听与放弃', textStyle: {fontSize: 13}},
      tooltip: {trigger: 'axis'}, legend: {top: 0, right: 0, data: ['呼入', '接听', '放弃']},
      grid: {left: 40, right: 10, top: 40, bottom: 30},
      xAxis: {type: 'category', data: labels}, yAxis: {type: 'value', minInterval: 1},
      series: [['呼入', 'offered'], ['接听', 'answered'], ['放弃', 'abandoned']].map(([name, key]) =>
        ({name, type: 'line', data: labels.map(l => byPeriod.get(l)[key])}))
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
      title: {text: '按星期和小时的呼入量', textStyle: {fontSize: 13}},
      tooltip: {position: 'top'}, grid: {left: 40, right: 10, top: 30, bottom: 50},
      xAxis: {type: 'category', data: [...Array(24).keys()].map(h => h + '时'), splitArea: {show: true}},
      yAxis: {type: 'category', data: WEEKDAYS, splitArea: {show: true}},
      visualMap: {min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
        itemHeight: 80, textStyle: {fontSize: 11}},
      series: [{name: '呼入', type: 'heatmap', data}]
    }, true);
  }

  async function load() {
    $('error').hidden = true;
    const kind = $('f-kind').value;
    try {
      $('wo-box').hidden = kind !== 'workorders';
      $('ivr-box').hidden = kind !== 'ivr';
      $('sms-box').hidden = kind !== 'sms';
      if (kind === 'sms') {
        const sms = await H.api('GET', '/api/sms/reports?from=' + $('f-from').value + '&to=' + $('f-to').value);
        document.querySelector('.charts').hidden = true;
        $('time-box').hidden = true;
        table(SMS_COLUMNS, sms.rows, null);
        $('empty').textContent = '所选范围内没有短信';
        $('empty').hidden = sms.rows.length > 0;
        fill('sms-failed', [['短信中心错误码', r => r[0]], ['条数', r => r[1]]], Object.entries(sms.failedByReason));
        fill('sms-optouts', [['类型', r => SMS_KINDS[r[0]] || r[0]], ['退订数', r => r[1]]],
          Object.entries(sms.optOutsByKind));
        $('rule-note').textContent = '按入队时间统计；费用 = 已发出短信的计费条数 × 每条 ' + sms.pricePerPart + ' 元。';
        document.body.dataset.loaded = String(Date.now());
        return;
      }
      if (kind === 'ivr') {
        const ivr = await H.api('GET', '/api/reports/ivr?from=' + $('f-from').value + '&to=' + $('f-to').value);
        document.querySelector('.charts').hidden = true;
        $('time-box').hidden = true;
        table(IVR_COLUMNS, ivr.scripts, null);
        $('empty').textContent = '所选范围内没有语音导航记录';
        $('empty').hidden = ivr.scripts.length > 0;
        fill('ivr-paths', PATH_COLUMNS, ivr.paths);
        $('rule-note').textContent = '在语音导航中结束、未进入队列的来电（自助服务）：' + ivr.ivrOnlyCalls + ' 通。';
        document.body.dataset.loaded = String(Date.now());
        return;
      }
      if (kind === 'workorders') {
        const wo = await H.api('GET', '/api/work-orders/reports?from=' + $('f-from').value + '&to=' + $('f-to').value);
        document.querySelector('.charts').hidden = true;
        $('time-box').hidden = true;
        table(STAGE_COLUMNS, wo.stages, null);
        $('empty').textContent = wo.orders > 0 ? '这些工单还没有完成的环节' : '所选范围内没有工单';
        $('empty').hidden = wo.stages.length > 0;
        fill('wo-promise', PROMISE_COLUMNS, wo.promises);
        fill('wo-lost', LOST_COLUMNS, wo.lost);
        $('rule-note').textContent = '共 ' + wo.orders + ' 张工单（按受理时间）；时长按工单页的时间点计算，含更正和改派。';
        document.body.dataset.loaded = String(Date.now());
        return;
      }
      $('empty').textContent = '所选范围内没有通话';
      const report = await H.api('GET', '/api/reports/' + kind + '?' + params());
      report.rows.forEach(r => { r.label = label(r.period); });
      if (kind === 'queues') {
        table(QUEUE_COLUMNS, report.rows, report.total);
        $('rule-note').textContent = '服务水平口径：' + report.serviceLevelFormulaZh + '（T 为各队列的服务水平秒数，'
          + '等待 ≤ T 计为达标）；短时放弃：等待不足 ' + report.shortAbandonSeconds + ' 秒的放弃，计入放弃并单列。';
        drawTrend(report.rows);
      } else {
        table(PEOPLE_COLUMNS(kind), report.rows, null);
        $('rule-note').textContent = '坐席业务量按接听的队列来电计，通话归接听的坐席。';
        drawTrend([]);
      }
      $('time-box').hidden = kind !== 'agents';
      // the charts are the queues' (offered, answered, abandoned by period and by weekday and hour)
      document.querySelector('.charts').hidden = kind !== 'queues';
      if (kind === 'agents') {
        fill('agent-time', TIME_COLUMNS, await H.api('GET', '/api/reports/agent-time?' + params()));
      }
      if (kind === 'queues') {
        trend.resize();
        heat.resize();
        await drawHeat();
      }
      document.body.dataset.loaded = String(Date.now());
    } catch (e) {
      $('error').textContent = '查询失败：' + e.message;
      $('error').hidden = false;
    }
  }

  async function loadScheduled() {
    const made = await H.api('GET', '/api/reports/scheduled');
    $('scheduled').tBodies[0].replaceChildren(...made.map(m => {
      const tr = H.el('tr', 'made');
      const link = H.el('a', null, '下载 Excel');
      link.href = '/api/reports/scheduled/' + m.id;
      const last = H.el('td');
      last.append(link);
      const mail = m.mailedAt ? '已发送' : m.mailError ? '发送失败：' + m.mailError : '—';
      tr.append(H.el('td', null, m.kind === 'daily' ? '日报' : '月报'),
        H.el('td', null, m.from === m.to ? m.from : m.from + ' 至 ' + m.to),
        H.el('td', null, new Date(m.createdAt).toLocaleString('zh-CN', {hour12: false})),
        H.el('td', 'num', String(m.offered)), H.el('td', 'num', String(m.answered)), H.el('td', null, mail), last);
      return tr;
    }));
    $('no-scheduled').hidden = made.length > 0;
  }

  function exportAs(format) {
    if (['workorders', 'ivr', 'sms'].includes($('f-kind').value)) {
      $('error').textContent = '工单、语音导航和短信报表请在页面上查看，暂不提供导出。';
      $('error').hidden = false;
      return;
    }
    const q = params();
    q.set('format', format);
    window.location.href = '/api/reports/' + $('f-kind').value + '?' + q;
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
    loadQueues().then(load);
    loadScheduled().catch(() => {});
  });
})();
