// Line view (issue #4): line → transformer areas → key and high-risk customers, with outage state per area and
// the flagged customers' numbers to call ahead (click-to-dial through the control API).
(function () {
  'use strict';
  const el = Hotline.el;
  const O = () => Hotline.outage;

  Hotline.i18n.add({
    'zh-CN': {
      'lines.title': '线路台区', 'lines.toLookup': '台区查询', 'lines.loading': '加载中…', 'lines.noCode': '没有指定线路编号',
      'lines.failed': '无法加载线路：{m}', 'lines.substation': '变电站', 'lines.centre': '抢修中心', 'lines.areas': '{n} 个台区',
      'lines.responsible': '责任人', 'lines.customers': '{n} 户', 'lines.noFlagged': '没有大客户或高危客户',
      'lines.flag.key': '大客户', 'lines.flag.risk': '高危', 'lines.dial': '拨打', 'lines.dialing': '正在呼叫 {n}…',
      'lines.dialFailed': '拨打失败：{m}', 'lines.col.no': '客户编号', 'lines.col.name': '名称', 'lines.col.phone': '电话',
      'lines.lineOutage': '整条线路停电', 'lines.all': '全部线路（{n} 条），点击线路查看其台区', 'lines.none': '还没有导入供电网络',
      'lines.col.code': '线路编号', 'lines.col.line': '线路', 'lines.col.substation': '变电站', 'lines.col.areas': '台区数'
    },
    en: {
      'lines.title': 'Line and areas', 'lines.toLookup': 'Area lookup', 'lines.loading': 'Loading…',
      'lines.noCode': 'No line code given', 'lines.failed': 'Cannot load the line: {m}', 'lines.substation': 'Substation',
      'lines.centre': 'Repair centre', 'lines.areas': '{n} areas', 'lines.responsible': 'Responsible',
      'lines.customers': '{n} customers', 'lines.noFlagged': 'No key or high-risk customers',
      'lines.flag.key': 'Key account', 'lines.flag.risk': 'High risk', 'lines.dial': 'Call', 'lines.dialing': 'Calling {n}…',
      'lines.dialFailed': 'Call failed: {m}', 'lines.col.no': 'Customer no.', 'lines.col.name': 'Name',
      'lines.col.phone': 'Phone', 'lines.lineOutage': 'Whole line out',
      'lines.all': 'All lines ({n}): open one to see its areas', 'lines.none': 'No supply network imported yet',
      'lines.col.code': 'Line code', 'lines.col.line': 'Line', 'lines.col.substation': 'Substation', 'lines.col.areas': 'Areas'
    }
  });

  let tree = null;
  let list = null;

  // without a line code: every line, each a link to its tree (the page is no dead end)
  function renderList() {
    const status = document.getElementById('line-status');
    status.className = 'note';
    status.textContent = list.length ? Hotline.t('lines.all', {n: list.length}) : Hotline.t('lines.none');
    const box = document.getElementById('areas');
    if (!list.length) { box.replaceChildren(); return; }
    const table = el('table', 'line-list');
    table.id = 'line-list';
    const head = table.createTHead().insertRow();
    for (const k of ['lines.col.code', 'lines.col.line', 'lines.col.substation', 'lines.centre', 'lines.col.areas']) {
      head.appendChild(el('th', null, Hotline.t(k)));
    }
    const body = table.createTBody();
    for (const l of list) {
      const tr = body.insertRow();
      tr.dataset.code = l.code;
      const a = el('a', null, l.code);
      a.href = '/lines.html?code=' + encodeURIComponent(l.code);
      tr.insertCell().appendChild(a);
      tr.append(el('td', 'name', l.name || ''), el('td', 'name', l.substation || ''),
        el('td', 'name', l.repairCentre || ''), el('td', 'count', l.areas));
    }
    box.replaceChildren(table);
  }

  function meta(parts) {
    const div = el('div', 'meta');
    for (const [label, value] of parts) {
      if (!value) continue;
      const span = div.appendChild(el('span', 'field'));
      span.append(el('span', 'label', label + ' '), el('span', 'value', value));
    }
    return div;
  }

  function isOut(outages) {
    return (outages || []).some(o => ['active', 'overdue'].includes(O().state(o)));
  }

  async function dial(number, button, result) {
    button.disabled = true;
    result.className = 'dial-result note';
    result.textContent = Hotline.t('lines.dialing', {n: number});
    try {
      await Hotline.api('POST', '/api/control/dial', {number});
    } catch (e) {
      result.className = 'dial-result error';
      result.textContent = Hotline.t('lines.dialFailed', {m: e.message});
    } finally {
      button.disabled = false;
    }
  }

  function flaggedTable(flagged) {
    if (!flagged || !flagged.length) return el('p', 'note no-flagged', Hotline.t('lines.noFlagged'));
    const table = el('table', 'flagged');
    const head = table.appendChild(el('thead')).appendChild(el('tr'));
    for (const k of ['lines.col.no', 'lines.col.name', 'lines.col.phone']) head.appendChild(el('th', null, Hotline.t(k)));
    const body = table.appendChild(el('tbody'));
    for (const c of flagged) {
      const tr = body.appendChild(el('tr', 'flagged-customer'));
      tr.dataset.customerNo = c.customerNo;
      tr.appendChild(el('td', 'customer-no', c.customerNo));
      const name = tr.appendChild(el('td', 'customer-name', c.name));
      if (c.keyAccount) name.appendChild(el('span', 'flag key', Hotline.t('lines.flag.key')));
      if (c.highRisk) name.appendChild(el('span', 'flag risk', Hotline.t('lines.flag.risk')));
      const phone = tr.appendChild(el('td', 'phone'));
      if (c.phone) {
        phone.appendChild(el('span', 'number', c.phone));
        const button = phone.appendChild(el('button', 'small dial', Hotline.t('lines.dial')));
        button.type = 'button';
        const result = phone.appendChild(el('span', 'dial-result'));
        button.addEventListener('click', () => dial(c.phone, button, result));
      }
    }
    return table;
  }

  function render() {
    const t = tree;
    const line = document.getElementById('line');
    line.hidden = false;
    const h = el('h2', 'line-name', t.code + ' ' + (t.name || ''));
    h.appendChild(O().flags(t.outages));
    line.replaceChildren(h, meta([
      [Hotline.t('lines.substation'), t.substation && (t.substation.name || t.substation.code || t.substation)],
      [Hotline.t('lines.centre'), O().centre(t.repairCentre)],
      ['', Hotline.t('lines.areas', {n: (t.areas || []).length})]
    ]));
    if (isOut(t.outages)) line.appendChild(el('p', 'error', Hotline.t('lines.lineOutage')));
    const areas = document.getElementById('areas');
    areas.replaceChildren(...(t.areas || []).map(a => {
      // a line outage puts every area under it out as well: the status flows down
      const out = isOut(a.outages) || isOut(t.outages);
      const box = el('section', 'card-block area' + (out ? ' out' : ''));
      box.dataset.code = a.code;
      const title = box.appendChild(el('h3', 'area-name', a.code + ' ' + (a.name || '')));
      title.appendChild(O().flags(a.outages));
      box.appendChild(meta([
        [Hotline.t('lines.responsible'), [a.responsiblePerson, a.responsiblePhone].filter(Boolean).join(' ☎ ')],
        [Hotline.t('lines.centre'), O().centre(a.repairCentre)],
        ['', a.customerCount === undefined ? '' : Hotline.t('lines.customers', {n: a.customerCount})]
      ]));
      box.appendChild(flaggedTable(a.flagged));
      return box;
    }));
  }

  async function load() {
    const status = document.getElementById('line-status');
    const code = new URLSearchParams(location.search).get('code');
    if (!code) {
      status.textContent = Hotline.t('lines.loading');
      try {
        list = await Hotline.api('GET', '/api/lines');
        renderList();
      } catch (e) {
        status.className = 'error';
        status.textContent = Hotline.t('lines.failed', {m: e.message});
      }
      return;
    }
    status.textContent = Hotline.t('lines.loading');
    try {
      tree = await Hotline.api('GET', '/api/lines/' + encodeURIComponent(code) + '/tree');
      status.textContent = '';
      document.title = 'Hotline ' + tree.code + ' ' + (tree.name || '');
      render();
    } catch (e) {
      status.className = 'error';
      status.textContent = Hotline.t('lines.failed', {m: e.message});
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    Hotline.on('lang', () => { if (tree) render(); else if (list) renderList(); });
    load();
  });
})();
