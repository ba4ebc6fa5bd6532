// The wallboard's panel of work orders at risk: open orders whose current stage has less than a quarter of its
// limit left or is over, and the alarms waiting for acknowledgement. Loaded by REST when the supervisors' socket
// opens (wallboard.js emits 'supervisor-open'), then kept by its push frames; the countdowns tick locally.
(function () {
  'use strict';
  const H = window.Hotline;
  const orders = new Map();
  const alarms = new Set();
  const SHOWN = 4;             // orders that fit the box beside the charts; the rest are counted
  let clockOffset = 0;
  let available = true;

  H.i18n.add({
    'zh-CN': {'wo.page': '工单监控', 'wo.risk': '风险工单', 'wo.alarms': '待确认告警', 'wo.more': '另有 {n} 张', 'wo.none': '无风险工单',
      'wo.over': '超时', 'party.HOTLINE': '热线', 'party.NETWORK': '传输', 'party.REPAIR_CENTRE': '抢修中心',
      'party.TEAM': '班组', 'party.CREW': '抢修人员', 'party.SERVICE_CENTRE': '营业厅', 'party.CUSTOMER': '客户',
      'party.DESIGN': '设计', 'party.CONSTRUCTION': '施工', 'party.METERING': '计量', 'party.INSPECTION': '安检'},
    en: {'wo.page': 'Work orders', 'wo.risk': 'Orders at risk', 'wo.alarms': 'Alarms to acknowledge', 'wo.more': '{n} more',
      'wo.none': 'No order at risk', 'wo.over': 'over', 'party.HOTLINE': 'hotline', 'party.NETWORK': 'transport',
      'party.REPAIR_CENTRE': 'repair centre', 'party.TEAM': 'team', 'party.CREW': 'crew',
      'party.SERVICE_CENTRE': 'service centre', 'party.CUSTOMER': 'customer', 'party.DESIGN': 'design',
      'party.CONSTRUCTION': 'construction', 'party.METERING': 'metering', 'party.INSPECTION': 'inspection'}
  });

  const zh = label => (label === null || label === undefined) ? '' : String(label).trim().split(/\s+/)[0];
  const now = () => Date.now() - clockOffset;

  function learn(o) {
    if (o && o.deadline && o.secondsLeft !== null && o.secondsLeft !== undefined) {
      clockOffset = Date.now() - (Date.parse(o.deadline) - o.secondsLeft * 1000);
    }
  }

  function clock(seconds) {
    let s = Math.floor(Math.abs(seconds));
    if (s >= 86400) return Math.floor(s / 86400) + (H.i18n.lang() === 'en' ? 'd ' : '天') + Math.floor(s % 86400 / 3600)
      + (H.i18n.lang() === 'en' ? 'h' : '小时');
    const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
    s %= 60;
    return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(s).padStart(2, '0');
  }

  // share of the current stage left (negative: over), or null without a deadline or a known start
  function share(o, t) {
    if (!o.deadline || !o.stageStartedAt) return null;
    const deadline = Date.parse(o.deadline), whole = deadline - Date.parse(o.stageStartedAt);
    return whole > 0 ? (deadline - t) / whole : null;
  }

  function atRisk(t) {
    return [...orders.values()].filter(o => {
      const s = share(o, t);
      return o.deadline && (Date.parse(o.deadline) < t || (s !== null && s < 0.25));
    }).sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline));
  }

  function render() {
    const panel = document.getElementById('wo-risk');
    if (!panel) return;
    if (panel.hidden === available) {
      panel.hidden = !available;
      window.dispatchEvent(new Event('resize')); // the charts beside it change width
    }
    const t = now();
    const list = atRisk(t);
    document.getElementById('wo-risk-count').textContent = String(list.length);
    const alarmCount = document.getElementById('wo-alarm-count');
    alarmCount.textContent = String(alarms.size);
    alarmCount.classList.toggle('hot', alarms.size > 0);
    const ul = document.getElementById('wo-risk-list');
    ul.replaceChildren(...list.slice(0, SHOWN).map(o => {
      const left = Date.parse(o.deadline) - t;
      const li = H.el('li', left < 0 ? 'over' : 'risk');
      li.dataset.orderNo = o.orderNo;
      // where the time is lost: the repair centre for routed orders, else the party answering for the stage
      li.append(H.el('span', 'wo-no', o.orderNo),
        H.el('span', 'wo-left', left < 0 ? H.t('wo.over') + ' ' + clock(left / 1000) : clock(left / 1000)),
        H.el('span', 'wo-what', [zh(o.typeLabel), (o.awaiting || '') + ' ' + zh(o.awaitingName),
          o.repairCentreName || H.t('party.' + o.responsible)].join(' · ')));
      return li;
    }));
    if (list.length > SHOWN) ul.append(H.el('li', 'more', H.t('wo.more', {n: list.length - SHOWN})));
    if (!list.length) ul.append(H.el('li', 'none', H.t('wo.none')));
  }

  async function load() {
    try {
      const [open, waiting] = await Promise.all([H.api('GET', '/api/work-orders'),
        H.api('GET', '/api/work-orders/alarms')]);
      orders.clear();
      (open || []).forEach(o => { orders.set(o.id, o); learn(o); });
      alarms.clear();
      (waiting || []).forEach(a => alarms.add(a.id));
      available = true;
    } catch (e) {
      // no work-orders module on this server, or no right to it: no panel
      available = false;
    }
    render();
  }

  H.on('supervisor-open', load);
  H.on('workorder-changed', data => {
    const o = data && data.order;
    if (!o) return;
    learn(o);
    if (o.closedAt) orders.delete(o.id); else orders.set(o.id, o);
    render();
  });
  H.on('workorder-alarm', a => {
    if (!a) return;
    if (a.acknowledgedAt) alarms.delete(a.id); else alarms.add(a.id);
    render();
  });
  H.on('lang', render);
  document.addEventListener('DOMContentLoaded', () => setInterval(render, 1000));
})();
