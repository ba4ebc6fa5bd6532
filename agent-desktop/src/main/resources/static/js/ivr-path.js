// What the IVR learned, for the pop: HOTLINE_IVR_PATH as readable steps ("已识别（来电号码）→ 停电通知（已听完）→ 转人工"),
// the account, the outage and the work order, labelled in the page's language. Values come from the caller's call: text only.
(function () {
  'use strict';
  Hotline.i18n.add({
    'zh-CN': {
      'ivr.path': '语音导航', 'ivr.account': '户号', 'ivr.outage': '停电编号', 'ivr.order': '工单号',
      'ivr.choice': '按键选择', 'ivr.other': '其他信息', 'ivr.agent': '转人工',
      'ivr.identify.number': '已识别（来电号码）', 'ivr.identify.account': '已识别（输入户号）',
      'ivr.identify.none': '未能识别户号',
      'ivr.outage.agent': '停电通知（按 2 转人工）', 'ivr.outage.heard': '停电通知（已听完）',
      'ivr.arrears.none': '欠费查询（无欠费）', 'ivr.arrears.agent': '欠费查询（按 2 转人工）',
      'ivr.arrears.heard': '欠费查询（已听完）', 'ivr.arrears.sms': '欠费查询（已发缴费短信）',
      'ivr.arrears.sms-failed': '欠费查询（短信未发出）', 'ivr.arrears.sms-opted-out': '欠费查询（已退订短信）',
      'ivr.fault': '故障报修（{what}）', 'ivr.fault.created': '工单 {no}', 'ivr.fault.open': '已有工单 {no}',
      'ivr.fault.outage': '停电中 {no}', 'ivr.fault.refused': '未受理', 'ivr.fault.unconfirmed': '户号未确认',
      'ivr.fault.no-kind': '未选故障类型', 'ivr.danger': '，冒烟起火或断线', 'ivr.fallback': '{step}出错', 'ivr.unavailable': '语音导航不可用',
      'ivr.unknown-script': '语音导航配置有误',
      'ivr.script.identify': '识别', 'ivr.script.outage-notice': '停电通知', 'ivr.script.arrears': '欠费查询',
      'ivr.script.fault-report': '故障报修', 'ivr.script.hours': '工作时间', 'ivr.script.main-menu': '主菜单',
      'ivr.script.queue-offer': '排队提示', 'ivr.script.callback-request': '预约回电', 'ivr.script.survey': '满意度评价',
      'ivr.script.other': '语音导航',
      'ivr.hours.closed': '非工作时间', 'ivr.hours.closed-fault': '非工作时间（报修）', 'ivr.menu.none': '主菜单未选择',
      'ivr.callback.booked': '已预约排队回电', 'ivr.callback.withheld': '号码未显示，无法回电',
      'ivr.survey': '满意度 {score}', 'ivr.survey.none': '未评价'
    },
    en: {
      'ivr.path': 'IVR', 'ivr.account': 'Account', 'ivr.outage': 'Outage no.', 'ivr.order': 'Work order no.',
      'ivr.choice': 'Key pressed', 'ivr.other': 'Other', 'ivr.agent': 'to an agent',
      'ivr.identify.number': 'identified (caller number)', 'ivr.identify.account': 'identified (account keyed in)',
      'ivr.identify.none': 'account not identified',
      'ivr.outage.agent': 'outage notice (2 for an agent)', 'ivr.outage.heard': 'outage notice (heard)',
      'ivr.arrears.none': 'arrears (none)', 'ivr.arrears.agent': 'arrears (2 for an agent)',
      'ivr.arrears.heard': 'arrears (heard)', 'ivr.arrears.sms': 'arrears (payment SMS sent)',
      'ivr.arrears.sms-failed': 'arrears (SMS not sent)', 'ivr.arrears.sms-opted-out': 'arrears (opted out of SMS)',
      'ivr.fault': 'fault report ({what})', 'ivr.fault.created': 'work order {no}', 'ivr.fault.open': 'open work order {no}',
      'ivr.fault.outage': 'outage {no}', 'ivr.fault.refused': 'not taken', 'ivr.fault.unconfirmed': 'account not confirmed',
      'ivr.fault.no-kind': 'no fault kind chosen', 'ivr.danger': ', smoke, fire or a fallen line', 'ivr.fallback': '{step} failed',
      'ivr.unavailable': 'IVR unavailable', 'ivr.unknown-script': 'IVR misconfigured',
      'ivr.script.identify': 'identification', 'ivr.script.outage-notice': 'outage notice', 'ivr.script.arrears': 'arrears',
      'ivr.script.fault-report': 'fault report', 'ivr.script.hours': 'opening hours', 'ivr.script.main-menu': 'main menu',
      'ivr.script.queue-offer': 'queue offer', 'ivr.script.callback-request': 'callback request',
      'ivr.script.survey': 'satisfaction survey', 'ivr.script.other': 'IVR',
      'ivr.hours.closed': 'outside opening hours', 'ivr.hours.closed-fault': 'outside opening hours (fault report)',
      'ivr.menu.none': 'nothing chosen in the main menu', 'ivr.callback.booked': 'queue callback booked',
      'ivr.callback.withheld': 'number withheld: no callback', 'ivr.survey': 'satisfaction {score}',
      'ivr.survey.none': 'not rated'
    }
  });
  const t = Hotline.t;

  // one step of the path as the scripts write it (see the scripts' Javadoc) → readable text; null: not worth a word
  function step(s) {
    let m;
    // what every call does, or what the next step says better
    if (['entry', 'outage=none', 'hours=open', 'menu=0', 'menu=1', 'menu=2', 'menu=direct'].includes(s)) return null;
    if (/^offer=wait(:withheld)?$/.test(s)) return null;
    if (s === 'hours=closed') return t('ivr.hours.closed');
    if (s === 'hours=closed:fault') return t('ivr.hours.closed-fault');
    if (s === 'menu=none') return t('ivr.menu.none');
    if (s === 'offer=callback' || s === 'callback=booked') return t('ivr.callback.booked');
    if (s === 'callback=withheld') return t('ivr.callback.withheld');
    if ((m = /^survey=([1-5])(:unsaved)?$/.exec(s))) return t('ivr.survey', {score: m[1]});
    if (s === 'survey=none') return t('ivr.survey.none');
    if (s === 'ivr-unavailable') return t('ivr.unavailable');
    if (s.startsWith('unknown-script:')) return t('ivr.unknown-script');
    if ((m = /^([a-z-]+):fallback$/.exec(s))) {
      const name = t('ivr.script.' + m[1]);
      return t('ivr.fallback', {step: name === 'ivr.script.' + m[1] ? t('ivr.script.other') : name});
    }
    if ((m = /^identify=(number|account|none)$/.exec(s))) return t('ivr.identify.' + m[1]);
    if ((m = /^outage=.+:(agent|heard)$/.exec(s))) return t('ivr.outage.' + m[1]);
    if ((m = /^arrears=(none|owed:agent|owed:heard|owed:sms|owed:sms-failed|owed:sms-opted-out)$/.exec(s))) {
      return t('ivr.arrears.' + m[1].replace('owed:', ''));
    }
    if ((m = /^fault=(.+?)(:danger)?$/.exec(s))) {
      const v = m[1];
      let what;
      if (['refused', 'unconfirmed', 'no-kind'].includes(v)) what = t('ivr.fault.' + v);
      else if (v.startsWith('open:')) what = t('ivr.fault.open', {no: v.slice(5)});
      else if (v.startsWith('outage:')) what = t('ivr.fault.outage', {no: v.slice(7)});
      else what = t('ivr.fault.created', {no: v});
      return t('ivr.fault', {what: what + (m[2] ? t('ivr.danger') : '')});
    }
    return s; // a step this page does not know yet (a newer script): shown as written
  }

  /** The path as readable steps, ending with the agent the call reached; '' when the IVR did nothing worth a word. */
  function readable(path) {
    const steps = (path || '').split('>').map(step).filter(s => s);
    if (steps.length === 0) return ''; // "entry" alone: no IVR configured
    steps.push(t('ivr.agent'));
    return steps.join(' → ');
  }

  const LABELS = {HOTLINE_ACCOUNT: 'ivr.account', IVR_ACCOUNT: 'ivr.account', HOTLINE_OUTAGE: 'ivr.outage',
    HOTLINE_WORKORDER: 'ivr.order', IVR_CHOICE: 'ivr.choice'};
  // the customer card already names the customer; the queue has its own place in the header
  const HIDDEN = new Set(['HOTLINE_CUSTOMER_ID', 'HOTLINE_QUEUE', 'HOTLINE_IVR_NEXT', 'HOTLINE_QUEUED_AT',
    'HOTLINE_IVR_DOWN']);

  /** The pop's variables as [label, text] rows: the path first, then the account, outage and order. */
  function rows(variables) {
    const vars = variables || {};
    const out = [];
    const path = readable(vars.HOTLINE_IVR_PATH);
    if (path) out.push([t('ivr.path'), path, 'ivr-path']);
    const seen = new Set();
    for (const [k, v] of Object.entries(vars)) {
      if (!v || k === 'HOTLINE_IVR_PATH' || HIDDEN.has(k)) continue;
      const label = t(LABELS[k] || 'ivr.other');
      if (seen.has(label + '\u0000' + v)) continue; // HOTLINE_ACCOUNT and IVR_ACCOUNT saying the same
      seen.add(label + '\u0000' + v);
      out.push([label, v, LABELS[k] ? k.toLowerCase().replace(/_/g, '-') : 'other']);
    }
    return out;
  }

  Hotline.ivrPath = {readable, rows};
}());
