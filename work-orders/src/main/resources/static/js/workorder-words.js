// Work-order vocabulary and time formatting shared by the dispatcher page's scripts, in the user's language (the
// same words as the agent's card and the supervisor page). Configured labels are bilingual ("报修 fault repair"):
// the part of the page's language is shown. Load after desk.js.
(function () {
  'use strict';
  const H = window.Hotline;
  // the words of the work orders in both languages (docs/glossary.md); the pages show the user's
  H.i18n.add({
    'zh-CN': {
      'wow.party.HOTLINE': '热线', 'wow.party.NETWORK': '传输', 'wow.party.REPAIR_CENTRE': '抢修中心', 'wow.party.TEAM': '班组',
      'wow.party.CREW': '抢修人员', 'wow.party.SERVICE_CENTRE': '营业厅', 'wow.party.CUSTOMER': '客户', 'wow.party.DESIGN': '设计',
      'wow.party.CONSTRUCTION': '施工', 'wow.party.METERING': '计量', 'wow.party.INSPECTION': '安检',
      'wow.status.new': '新建', 'wow.status.dispatched': '已派单', 'wow.status.accepted': '已接单',
      'wow.status.in_progress': '处理中', 'wow.status.resolved': '已处理', 'wow.status.closed': '已关闭',
      'wow.alarm.warning': '即将超时', 'wow.alarm.alarm': '环节超时', 'wow.alarm.acceptance': '未接单',
      'wow.alarm.escalation': '未接单升级', 'wow.alarm.promise_warning': '承诺时限将到', 'wow.alarm.promise_alarm': '超出承诺时限',
      'wow.sms.sent': '已短信通知', 'wow.sms.skipped_stale': '已过时未发短信', 'wow.sms.quiet_hours': '免打扰时段未发短信',
      'wow.sms.no_phones': '无负责人电话', 'wow.sms.not_configured': '未配置短信', 'wow.sms.not_sent': '短信未发',
      'wow.source.DESK': '坐席台', 'wow.source.CREW_APP': '抢修APP', 'wow.source.IVR': '自助语音', 'wow.source.SYSTEM': '系统',
      'wow.kind.point': '记录', 'wow.kind.correction': '更正', 'wow.kind.reroute': '重新派单', 'wow.kind.close': '关闭',
      'wow.kind.done': '完成', 'wow.kind.reopen': '重新打开',
      'wow.days': '{d}天{h}小时', 'wow.s': '{s}秒', 'wow.ms': '{m}分{s}秒', 'wow.m': '{m}分', 'wow.hm': '{h}小时{m}分',
      'wow.h': '{h}小时', 'wow.dh': '{d}天{h}小时', 'wow.d': '{d}天',
      'wow.limit.m': '{n}分钟', 'wow.limit.h': '{n}小时', 'wow.limit.wd': '{n}个工作日'
    },
    en: {
      'wow.party.HOTLINE': 'hotline', 'wow.party.NETWORK': 'network', 'wow.party.REPAIR_CENTRE': 'repair centre',
      'wow.party.TEAM': 'team', 'wow.party.CREW': 'crew', 'wow.party.SERVICE_CENTRE': 'service centre',
      'wow.party.CUSTOMER': 'customer', 'wow.party.DESIGN': 'design', 'wow.party.CONSTRUCTION': 'construction',
      'wow.party.METERING': 'metering', 'wow.party.INSPECTION': 'inspection',
      'wow.status.new': 'New', 'wow.status.dispatched': 'Dispatched', 'wow.status.accepted': 'Accepted',
      'wow.status.in_progress': 'In progress', 'wow.status.resolved': 'Resolved', 'wow.status.closed': 'Closed',
      'wow.alarm.warning': 'About to run over', 'wow.alarm.alarm': 'Stage over time', 'wow.alarm.acceptance': 'Not accepted',
      'wow.alarm.escalation': 'Not accepted: escalated', 'wow.alarm.promise_warning': 'Promise nearly due',
      'wow.alarm.promise_alarm': 'Promise broken',
      'wow.sms.sent': 'SMS sent', 'wow.sms.skipped_stale': 'too old: no SMS', 'wow.sms.quiet_hours': 'quiet hours: no SMS',
      'wow.sms.no_phones': 'no manager phone', 'wow.sms.not_configured': 'SMS not configured', 'wow.sms.not_sent': 'SMS not sent',
      'wow.source.DESK': 'agent desk', 'wow.source.CREW_APP': 'crew app', 'wow.source.IVR': 'IVR', 'wow.source.SYSTEM': 'system',
      'wow.kind.point': 'recorded', 'wow.kind.correction': 'corrected', 'wow.kind.reroute': 're-routed',
      'wow.kind.close': 'closed', 'wow.kind.done': 'done', 'wow.kind.reopen': 'reopened',
      'wow.days': '{d} d {h} h', 'wow.s': '{s} s', 'wow.ms': '{m} min {s} s', 'wow.m': '{m} min', 'wow.hm': '{h} h {m} min',
      'wow.h': '{h} h', 'wow.dh': '{d} d {h} h', 'wow.d': '{d} d',
      'wow.limit.m': '{n} min', 'wow.limit.h': '{n} h', 'wow.limit.wd': '{n} working days'
    }
  });
  // a word of a kind, or the code itself when the dictionary has none
  const word = (kind, code, empty) => {
    if (code === null || code === undefined || code === '') return empty;
    const key = 'wow.' + kind + '.' + code;
    return H.t(key) === key ? String(code) : H.t(key);
  };

  // "报修 fault repair" → "报修" in Chinese, "fault repair" in English
  const zh = label => {
    if (label === null || label === undefined) return '';
    const parts = String(label).trim().split(/\s+/);
    return H.i18n.lang() === 'en' && parts.length > 1 ? parts.slice(1).join(' ') : parts[0];
  };

  // 1:05, 12:30, 2:03:10 for less than a day; 2天3小时 beyond
  function clock(seconds) {
    let s = Math.floor(Math.abs(seconds));
    if (s >= 86400) return H.t('wow.days', {d: Math.floor(s / 86400), h: Math.floor(s % 86400 / 3600)});
    const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
    s %= 60;
    return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(s).padStart(2, '0');
  }

  // 12分, 2小时5分, 3天2小时: lengths of stages and lost time
  function span(seconds) {
    if (seconds === null || seconds === undefined) return '—';
    const s = Math.max(0, Math.round(seconds));
    if (s < 60) return H.t('wow.s', {s});
    if (s < 3600) return s % 60 ? H.t('wow.ms', {m: Math.floor(s / 60), s: s % 60}) : H.t('wow.m', {m: Math.floor(s / 60)});
    const m = Math.floor(s / 60) % 60, h = Math.floor(s % 86400 / 3600);
    if (s < 86400) return m ? H.t('wow.hm', {h: Math.floor(s / 3600), m}) : H.t('wow.h', {h: Math.floor(s / 3600)});
    return h ? H.t('wow.dh', {d: Math.floor(s / 86400), h}) : H.t('wow.d', {d: Math.floor(s / 86400)});
  }

  // "2m" / "4h" / "5wd" → 2分钟 / 4小时 / 5个工作日
  function limit(text) {
    const m = /^(\d+)(m|h|wd)$/.exec(String(text || ''));
    if (!m) return String(text || '—');
    return H.t('wow.limit.' + m[2], {n: m[1]});
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
    const locale = H.i18n.lang();
    return today ? d.toLocaleTimeString(locale, {hour12: false})
      : d.toLocaleString(locale, {hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'});
  }

  window.WorkOrderWords = {zh, clock, span, limit, level, time,
    party: p => word('party', p, '—'),
    status: st => word('status', st, '—'),
    alarm: k => word('alarm', k, ''),
    sms: k => word('sms', k, ''),
    source: k => word('source', k, '—'),
    kind: k => word('kind', k, '')};
})();
