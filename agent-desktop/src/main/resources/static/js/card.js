// The customer card, shared by the pops (agent.js) and the side panel's search results (side.js): accounts, arrears,
// flags, outages, open work orders and contact history with "more". Record text only ever goes through textContent.
(function () {
  'use strict';
  const el = Hotline.el;
  const t = Hotline.t;

  Hotline.i18n.add({
    'zh-CN': {
      'kind.RESIDENTIAL': '民用', 'kind.COMMERCIAL': '工商',
      'flag.key': '大客户', 'flag.risk': '高危',
      'card.no': '客户编号 {no} · {kind}', 'card.arrears': '欠费 {amount}', 'money': '{v} 元',
      'acc.no': '户号', 'acc.address': '用电地址', 'acc.area': '台区 / 线路', 'acc.meter': '表号', 'acc.arrears': '欠费',
      'acc.ic': ' (IC卡表)', 'acc.overdue': ' · 逾期 {d} 天',
      'orders.title': '在办工单', 'contacts.title': '最近联系',
      'contacts.more': '更多联系记录', 'contacts.none-more': '没有更早的记录', 'contacts.none': '暂无联系记录',
      'contacts.satisfaction': '满意度 {n}',
      'outage.title': '停电', 'outage.planned': '计划停电', 'outage.unplanned': '故障停电',
      'outage.until': '预计恢复 {t}', 'outage.since': '自 {t}',
      'card.choose': '选择此客户', 'card.chosen': '已选择', 'card.log': '记录联系',
      'channel.phone': '电话', 'channel.sms': '短信', 'channel.ivr': 'IVR', 'channel.web': '网上',
      'category.fault': '报修', 'category.enquiry': '咨询', 'category.complaint': '投诉', 'category.request': '业务受理',
      'category.praise': '表扬',
      'order.type.repair': '抢修', 'order.type.connection': '报装', 'order.type.ownership_transfer': '过户',
      'order.type.equipment': '设备添装/移改/拆除', 'order.type.suspend_resume': '报停/启用', 'order.type.meter_card': '表卡',
      'order.type.other': '其他',
      'order.status.new': '新建', 'order.status.dispatched': '已派单', 'order.status.accepted': '已接单',
      'order.status.in_progress': '处理中', 'order.status.resolved': '已处理', 'order.status.closed': '已关闭',
      'order.status.cancelled': '已撤销'
    },
    en: {
      'kind.RESIDENTIAL': 'Residential', 'kind.COMMERCIAL': 'Commercial',
      'flag.key': 'Key account', 'flag.risk': 'High risk',
      'card.no': 'Customer {no} · {kind}', 'card.arrears': 'Arrears {amount}', 'money': '¥{v}',
      'acc.no': 'Account', 'acc.address': 'Premises', 'acc.area': 'Area / line', 'acc.meter': 'Meter',
      'acc.arrears': 'Arrears', 'acc.ic': ' (IC card)', 'acc.overdue': ' · {d} days overdue',
      'orders.title': 'Open work orders', 'contacts.title': 'Recent contacts',
      'contacts.more': 'More contacts', 'contacts.none-more': 'No older contacts', 'contacts.none': 'No contacts yet',
      'contacts.satisfaction': 'Satisfaction {n}',
      'outage.title': 'Outage', 'outage.planned': 'Planned outage', 'outage.unplanned': 'Unplanned outage',
      'outage.until': 'expected back {t}', 'outage.since': 'since {t}',
      'card.choose': 'Choose this customer', 'card.chosen': 'Chosen', 'card.log': 'Log contact',
      'channel.phone': 'Phone', 'channel.sms': 'SMS', 'channel.ivr': 'IVR', 'channel.web': 'Web',
      'category.fault': 'Fault', 'category.enquiry': 'Enquiry', 'category.complaint': 'Complaint',
      'category.request': 'Request', 'category.praise': 'Praise',
      'order.type.repair': 'Repair', 'order.type.connection': 'Connection', 'order.type.ownership_transfer': 'Transfer',
      'order.type.equipment': 'Equipment', 'order.type.suspend_resume': 'Suspend/resume', 'order.type.meter_card': 'Meter card',
      'order.type.other': 'Other',
      'order.status.new': 'New', 'order.status.dispatched': 'Dispatched', 'order.status.accepted': 'Accepted',
      'order.status.in_progress': 'In progress', 'order.status.resolved': 'Resolved', 'order.status.closed': 'Closed',
      'order.status.cancelled': 'Cancelled'
    }
  });

  // a code the dictionaries do not know (a newer schema) is shown as it is
  function label(prefix, code) {
    if (code === null || code === undefined || code === '') return '';
    const key = prefix + '.' + code;
    const s = t(key);
    return s === key ? String(code) : s;
  }

  function money(v) {
    return v === null || v === undefined ? '' : t('money', {v: Number(v).toFixed(2)});
  }

  // 2026-11-03 22:12 in the agent's time zone: unambiguous, unlike the browser locale's default
  function time(iso) {
    const d = new Date(iso);
    if (!iso || isNaN(d)) return '';
    const two = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':'
      + two(d.getMinutes());
  }

  function row(tag, cells) {
    const tr = el('tr');
    for (const [cls, text] of cells) tr.appendChild(el(tag, cls, text));
    return tr;
  }

  function contactItem(k) {
    const li = el('li', null, [time(k.at), label('channel', k.channel), label('category', k.category), k.summary,
      k.agent].filter(Boolean).join(' · '));
    // the caller's survey score after the call this contact was recorded on (1–5)
    if (k.satisfaction) li.appendChild(el('span', 'satisfaction s' + Number(k.satisfaction),
      t('contacts.satisfaction', {n: k.satisfaction})));
    return li;
  }

  function outages(list) {
    const box = el('div', 'outages');
    for (const o of list) {
      const where = [o.lineName || o.lineCode, o.areaName || o.areaCode].filter(Boolean).join(' / ');
      const div = box.appendChild(el('div', 'outage ' + (o.kind === 'planned' ? 'planned' : 'unplanned')));
      div.dataset.outageNo = o.outageNo || '';
      div.appendChild(el('strong', 'outage-kind', label('outage', o.kind) || t('outage.title')));
      div.appendChild(el('span', 'outage-where', where));
      div.appendChild(el('span', 'outage-reason', o.reason));
      if (o.startsAt) div.appendChild(el('span', 'outage-since', t('outage.since', {t: time(o.startsAt)})));
      if (o.expectedEndAt) div.appendChild(el('span', 'outage-until', t('outage.until', {t: time(o.expectedEndAt)})));
    }
    return box;
  }

  function accounts(list) {
    const table = el('table', 'accounts');
    table.appendChild(el('thead')).appendChild(row('th', [[null, t('acc.no')], [null, t('acc.address')],
      [null, t('acc.area')], [null, t('acc.meter')], [null, t('acc.arrears')]]));
    const body = table.appendChild(el('tbody'));
    for (const a of list) {
      const owed = Number(a.arrears) > 0;
      const tr = body.appendChild(row('td', [['account-no', a.accountNo], ['premises', a.premisesAddress],
        ['area', [a.transformerArea, a.feederLine].filter(Boolean).join(' / ')],
        ['meter', (a.meterNo || '') + (a.prepaidMeter ? t('acc.ic') : '')],
        [owed ? 'owed' : 'paid', money(a.arrears) + (owed && a.daysOverdue ? t('acc.overdue', {d: a.daysOverdue}) : '')]]));
      tr.dataset.accountNo = a.accountNo;
    }
    return table;
  }

  // Loads the next page of older contacts into the list; hides the button when there are no more.
  function more(c, ul, button) {
    const items = c.recentContacts || [];
    const oldest = items.length ? items[items.length - 1].at : null;
    const url = '/api/customers/' + encodeURIComponent(c.customerNo) + '/contacts?limit=10'
      + (oldest ? '&before=' + encodeURIComponent(oldest) : '');
    button.disabled = true;
    return Hotline.api('GET', url).then(page => {
      c.recentContacts = items.concat(page); // the card object keeps them, so a redraw shows them again
      for (const k of page) ul.appendChild(contactItem(k));
      button.disabled = false;
      if (page.length < 10) {
        button.replaceWith(el('p', 'note no-more', t('contacts.none-more')));
        c.historyExhausted = true;
      }
    }).catch(e => { button.disabled = false; button.title = e.message; });
  }

  // opts.onChoose(card): adds a "choose" button (pick-list); opts.chosen marks the chosen one; opts.onLog(card)
  // adds a "log contact" button (search results); opts.call {callId, callerNumber}: the pop's call, for new orders
  function render(c, opts) {
    const o = opts || {};
    const box = el('div', 'customer' + (c.keyAccount ? ' key-account' : '') + (c.highRisk ? ' high-risk' : ''));
    box.dataset.customerNo = c.customerNo;
    const h = el('h3', 'customer-name', c.name);
    if (c.keyAccount) h.appendChild(el('span', 'flag key', t('flag.key')));
    if (c.highRisk) h.appendChild(el('span', 'flag risk', t('flag.risk')));
    box.appendChild(h);
    box.appendChild(el('div', 'customer-no note', t('card.no', {no: c.customerNo, kind: label('kind', c.kind)})));
    box.appendChild(el('div', 'customer-address', c.address));
    if (Array.isArray(c.outages) && c.outages.length) box.appendChild(outages(c.outages));
    if (c.arrears && Number(c.arrears) > 0) box.appendChild(el('div', 'arrears', t('card.arrears', {amount: money(c.arrears)})));
    if (c.accounts && c.accounts.length) box.appendChild(accounts(c.accounts));
    if (Hotline.orders && c.id !== undefined) {
      box.appendChild(Hotline.orders.section(c, o.call)); // orders.js: stage, time left, new order, timeline
    } else if (c.openWorkOrders && c.openWorkOrders.length) {
      box.appendChild(el('h4', 'note', t('orders.title')));
      const ul = box.appendChild(el('ul', 'work-orders'));
      for (const w of c.openWorkOrders) {
        ul.appendChild(el('li', null, [w.orderNo, label('order.type', w.type), label('order.status', w.status),
          time(w.createdAt)].join(' · ')));
      }
    }
    box.appendChild(el('h4', 'note', t('contacts.title')));
    const ul = box.appendChild(el('ul', 'contacts'));
    for (const k of c.recentContacts || []) ul.appendChild(contactItem(k));
    if (!(c.recentContacts || []).length) {
      box.appendChild(el('p', 'note no-contacts', t('contacts.none')));
    } else if (c.historyExhausted) {
      box.appendChild(el('p', 'note no-more', t('contacts.none-more')));
    } else if (c.recentContacts.length >= 5) {
      const b = box.appendChild(el('button', 'more-contacts', t('contacts.more')));
      b.type = 'button';
      b.addEventListener('click', () => more(c, ul, b));
    }
    const actions = el('div', 'card-actions');
    if (o.onChoose) {
      const b = actions.appendChild(el('button', 'choose', o.chosen ? t('card.chosen') : t('card.choose')));
      b.type = 'button';
      b.disabled = !!o.chosen;
      b.addEventListener('click', () => o.onChoose(c));
    }
    if (o.onLog) {
      const b = actions.appendChild(el('button', 'log-contact', t('card.log')));
      b.type = 'button';
      b.addEventListener('click', () => o.onLog(c));
    }
    if (actions.childElementCount) box.appendChild(actions);
    return box;
  }

  Hotline.card = {render, time, money, label};
})();
