// Work-order vocabulary and time formatting shared by the dispatcher page's scripts (Chinese only, the same words
// as the agent's card and the supervisor page). Configured labels are bilingual ("报修 fault repair"): only the
// Chinese part (before the first space) is shown.
(function () {
  'use strict';
  const PARTY = {HOTLINE: '热线', NETWORK: '传输', REPAIR_CENTRE: '抢修中心', TEAM: '班组', CREW: '抢修人员',
    SERVICE_CENTRE: '营业厅', CUSTOMER: '客户', DESIGN: '设计', CONSTRUCTION: '施工', METERING: '计量',
    INSPECTION: '安检'};
  const STATUS = {new: '新建', dispatched: '已派单', accepted: '已接单', in_progress: '处理中', resolved: '已处理',
    closed: '已关闭'};
  const ALARM = {warning: '即将超时', alarm: '环节超时', acceptance: '未接单', escalation: '未接单升级',
    promise_warning: '承诺时限将到', promise_alarm: '超出承诺时限'};
  const SMS = {sent: '已短信通知', skipped_stale: '已过时未发短信', quiet_hours: '免打扰时段未发短信',
    no_phones: '无负责人电话', not_configured: '未配置短信', not_sent: '短信未发'};
  const SOURCE = {DESK: '坐席台', CREW_APP: '抢修APP', IVR: '自助语音', SYSTEM: '系统'};
  const KIND = {point: '记录', correction: '更正', reroute: '重新派单', close: '关闭', done: '完成', reopen: '重新打开'};

  // "报修 fault repair" → "报修"
  const zh = label => (label === null || label === undefined) ? '' : String(label).trim().split(/\s+/)[0];

  // 1:05, 12:30, 2:03:10 for less than a day; 2天3小时 beyond
  function clock(seconds) {
    let s = Math.floor(Math.abs(seconds));
    if (s >= 86400) return Math.floor(s / 86400) + '天' + Math.floor(s % 86400 / 3600) + '小时';
    const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
    s %= 60;
    return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(s).padStart(2, '0');
  }

  // 12分, 2小时5分, 3天2小时: lengths of stages and lost time
  function span(seconds) {
    if (seconds === null || seconds === undefined) return '—';
    const s = Math.max(0, Math.round(seconds));
    if (s < 60) return s + '秒';
    if (s < 3600) return Math.floor(s / 60) + '分' + (s % 60 ? (s % 60) + '秒' : '');
    if (s < 86400) return Math.floor(s / 3600) + '小时' + (Math.floor(s / 60) % 60 ? Math.floor(s / 60) % 60 + '分' : '');
    return Math.floor(s / 86400) + '天' + (Math.floor(s % 86400 / 3600) ? Math.floor(s % 86400 / 3600) + '小时' : '');
  }

  // "2m" / "4h" / "5wd" → 2分钟 / 4小时 / 5个工作日
  function limit(text) {
    const m = /^(\d+)(m|h|wd)$/.exec(String(text || ''));
    if (!m) return String(text || '—');
    return m[1] + ({m: '分钟', h: '小时', wd: '个工作日'})[m[2]];
  }

  /**
   * How much of the current stage's time is left: ok (more than half), warning (half to a quarter), risk (under a
   * quarter), over (past the deadline), or none (no deadline). {@code now} in server time (ms).
   */
  function level(order, now) {
    if (!order.deadline) return 'none';
    const deadline = Date.parse(order.deadline);
    const left = deadline - now;
    if (left < 0) return 'over';
    const start = order.stageStartedAt ? Date.parse(order.stageStartedAt) : null;
    const whole = start === null ? null : deadline - start;
    if (!whole || whole <= 0) return left > 0 ? 'ok' : 'over';
    const share = left / whole;
    return share > 0.5 ? 'ok' : share >= 0.25 ? 'warning' : 'risk';
  }

  function time(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    const today = new Date().toDateString() === d.toDateString();
    return today ? d.toLocaleTimeString('zh-CN', {hour12: false})
      : d.toLocaleString('zh-CN', {hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'});
  }

  window.WorkOrderWords = {PARTY, STATUS, ALARM, SMS, SOURCE, KIND, zh, clock, span, limit, level, time,
    party: p => PARTY[p] || (p ? String(p) : '—'),
    status: s => STATUS[s] || String(s || '—'),
    alarm: k => ALARM[k] || String(k || '')};
})();
