// The public outage feed page (issue #4): current and planned outages by area from /public/outages.json, for the
// company website. Standalone (no desk.js, no login); the feed carries no personal data and all of it is set as text.
(function () {
  'use strict';
  const REFRESH_MS = 5 * 60 * 1000;
  const STATUS = {current: '停电中 · Out now', planned: '计划停电 · Planned'};
  const KIND = {planned: '计划停电 · Planned', unplanned: '故障停电 · Fault'};

  const two = (n) => String(n).padStart(2, '0');
  function time(iso) {
    const d = new Date(iso);
    if (!iso || isNaN(d)) return '';
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':'
      + two(d.getMinutes());
  }

  function cell(tr, cls, text) {
    const td = document.createElement('td');
    td.className = cls;
    td.textContent = text == null ? '' : String(text);
    tr.appendChild(td);
  }

  async function load() {
    const status = document.getElementById('feed-status');
    const body = document.querySelector('#feed tbody');
    try {
      const r = await fetch('/public/outages.json', {headers: {Accept: 'application/json'}, credentials: 'omit'});
      if (!r.ok) throw new Error('HTTP ' + r.status);
      const feed = await r.json();
      const rows = (feed.outages || []).map(o => {
        const tr = document.createElement('tr');
        tr.className = 'outage ' + o.status;
        cell(tr, 'status', STATUS[o.status] || o.status);
        cell(tr, 'area', [o.areaName, o.lineName].filter(Boolean).join(' · '));
        cell(tr, 'kind', KIND[o.kind] || o.kind);
        cell(tr, 'reason', o.reason);
        cell(tr, 'starts', time(o.startsAt));
        cell(tr, 'ends', time(o.expectedEndAt));
        return tr;
      });
      body.replaceChildren(...rows);
      status.textContent = (rows.length ? '' : '目前没有停电 · No outages at present. ')
        + '更新于 Updated ' + time(feed.generatedAt || new Date().toISOString());
      status.className = 'status';
    } catch (e) {
      status.textContent = '暂时无法获取停电信息，请稍后再试 · Outage information is unavailable, please try again later';
      status.className = 'status error';
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    load();
    setInterval(load, REFRESH_MS);
  });
})();
