// The supervisor's big-screen outage panel (issue #4): current outages, customers affected and calls from affected
// areas in the last hour, in large type, refreshed every 15 s; no controls, so it can run unattended on a wall.
(function () {
  'use strict';
  const el = Hotline.el;
  const REFRESH_MS = 15000;
  const $ = (id) => document.getElementById(id);

  Hotline.i18n.add({
    'zh-CN': {
      'board.outages': '当前停电', 'board.customers': '影响户数', 'board.calls': '近一小时停电区域来电',
      'board.kind': '类型', 'board.where': '线路 / 台区', 'board.reason': '原因', 'board.start': '开始',
      'board.end': '预计恢复', 'board.affected': '户数', 'board.updated': '更新于 {at}',
      'board.stale': '数据未更新（{m}），上次更新 {at}', 'board.none': '当前没有停电'
    },
    en: {
      'board.outages': 'Current outages', 'board.customers': 'Customers affected',
      'board.calls': 'Calls from affected areas, last hour', 'board.kind': 'Kind', 'board.where': 'Line / area',
      'board.reason': 'Reason', 'board.start': 'Started', 'board.end': 'Expected end', 'board.affected': 'Customers',
      'board.updated': 'Updated {at}', 'board.stale': 'Not updating ({m}), last update {at}',
      'board.none': 'No outage now'
    }
  });

  let last = null;
  let lastAt = null;

  function render() {
    if (!last) return;
    const outages = last.outages || [];
    $('b-outages').textContent = outages.length;
    $('b-customers').textContent = last.customersAffected ?? 0;
    $('b-calls').textContent = last.callsFromAffectedAreasLastHour ?? 0;
    const rows = outages.map(o => {
      const tr = el('tr', 'outage ' + Hotline.outage.state(o));
      tr.dataset.outageId = o.id;
      const where = [o.lineCode, o.lineName].filter(Boolean).join(' ')
        + (o.areaCode ? ' / ' + [o.areaCode, o.areaName].filter(Boolean).join(' ') : '');
      tr.append(el('td', 'kind', Hotline.t('outage.kind.' + o.kind)), el('td', 'where', where),
        el('td', 'reason', o.reason), el('td', 'starts', Hotline.outage.time(o.startsAt)),
        el('td', 'ends', Hotline.outage.time(o.expectedEndAt)), el('td', 'customers', o.customersAffected));
      return tr;
    });
    if (!rows.length) {
      const td = el('td', 'note', Hotline.t('board.none'));
      td.colSpan = 6;
      rows.push(el('tr'));
      rows[0].appendChild(td);
    }
    $('b-table').querySelector('tbody').replaceChildren(...rows);
  }

  async function refresh() {
    const updated = $('b-updated');
    try {
      last = await Hotline.api('GET', '/api/outages/board');
      lastAt = new Date();
      render();
      updated.className = 'note';
      updated.textContent = Hotline.t('board.updated', {at: Hotline.outage.time(lastAt) + ':' + String(lastAt.getSeconds()).padStart(2, '0')});
    } catch (e) {
      // keep the last figures on the wall, but say they are old
      updated.className = 'stale';
      updated.textContent = Hotline.t('board.stale', {m: e.message, at: lastAt ? Hotline.outage.time(lastAt) : '–'});
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    Hotline.on('lang', render);
    refresh();
    setInterval(refresh, REFRESH_MS);
  });
})();
