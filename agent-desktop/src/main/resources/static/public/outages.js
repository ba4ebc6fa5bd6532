// The public outage feed page (issue #4): current and planned outages by area from /public/outages.json, for the
// company website, searchable by the customer's address (issue #16). Standalone (no desk.js, no login), in the
// browser's language (English for an English browser, Chinese otherwise); the feed carries no personal data and all
// of it is set as text.
(function () {
  'use strict';
  const REFRESH_MS = 5 * 60 * 1000;
  const WORDS = {
    'zh-CN': {
      title: '停电信息', 'search.label': '按地址查询', 'search.placeholder': '如：建设南路12号', 'search.go': '查询',
      loading: '正在加载…', 'col.status': '状态', 'col.area': '区域', 'col.kind': '类型', 'col.reason': '原因',
      'col.starts': '开始', 'col.ends': '预计恢复', 'status.current': '停电中', 'status.planned': '计划停电',
      'kind.planned': '计划停电', 'kind.unplanned': '故障停电', none: '目前没有停电。',
      noneAt: '“{a}”目前没有停电，也没有计划停电。', found: '“{a}”：{n} 条停电信息。', updated: '更新于 {t}',
      failed: '暂时无法获取停电信息，请稍后再试'
    },
    en: {
      title: 'Power outages', 'search.label': 'Search by address', 'search.placeholder': 'e.g. 12 Jianshe South Road',
      'search.go': 'Search', loading: 'Loading…', 'col.status': 'Status', 'col.area': 'Area', 'col.kind': 'Kind',
      'col.reason': 'Reason', 'col.starts': 'Starts', 'col.ends': 'Expected end', 'status.current': 'Out now',
      'status.planned': 'Planned', 'kind.planned': 'Planned outage', 'kind.unplanned': 'Fault', none: 'No outages at present.',
      noneAt: 'No outage now or planned at “{a}”.', found: '“{a}”: {n} outages.', updated: 'Updated {t}',
      failed: 'Outage information is unavailable, please try again later'
    }
  };
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  const lang = /^en\b/i.test(first) ? 'en' : 'zh-CN';
  const t = (key, p) => (WORDS[lang][key] || key).replace(/\{(\w+)\}/g, (m, k) => (p && k in p ? String(p[k]) : m));
  let address = '';

  const two = (n) => String(n).padStart(2, '0');
  function time(iso) {
    const d = new Date(iso);
    if (!iso || isNaN(d)) return '';
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':'
      + two(d.getMinutes());
  }

  // each cell carries its column's name, for the phone layout (one card per outage, label beside value)
  function cell(tr, cls, label, text) {
    const td = document.createElement('td');
    td.className = cls;
    td.dataset.label = t(label);
    td.textContent = text == null ? '' : String(text);
    tr.appendChild(td);
  }

  async function load() {
    const status = document.getElementById('feed-status');
    const body = document.querySelector('#feed tbody');
    try {
      const url = '/public/outages.json' + (address ? '?address=' + encodeURIComponent(address) : '');
      const r = await fetch(url, {headers: {Accept: 'application/json'}, credentials: 'omit'});
      if (!r.ok) throw new Error('HTTP ' + r.status);
      const feed = await r.json();
      const rows = (feed.outages || []).map(o => {
        const tr = document.createElement('tr');
        tr.className = 'outage ' + o.status;
        cell(tr, 'status', 'col.status', t('status.' + o.status));
        cell(tr, 'area', 'col.area', [o.areaName, o.lineName].filter(Boolean).join(' · '));
        cell(tr, 'kind', 'col.kind', t('kind.' + o.kind));
        cell(tr, 'reason', 'col.reason', o.reason);
        cell(tr, 'starts', 'col.starts', time(o.startsAt));
        cell(tr, 'ends', 'col.ends', time(o.expectedEndAt));
        return tr;
      });
      body.replaceChildren(...rows);
      const what = address ? (rows.length ? t('found', {a: address, n: rows.length}) : t('noneAt', {a: address}))
        : (rows.length ? '' : t('none'));
      status.textContent = (what ? what + ' ' : '') + t('updated', {t: time(feed.generatedAt || new Date().toISOString())});
      status.className = 'status';
    } catch (e) {
      status.textContent = t('failed');
      status.className = 'status error';
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-t]').forEach(e => { e.textContent = t(e.dataset.t); });
    document.querySelectorAll('[data-t-placeholder]').forEach(e => { e.placeholder = t(e.dataset.tPlaceholder); });
    document.getElementById('search').addEventListener('submit', (e) => {
      e.preventDefault();
      address = document.getElementById('address').value.trim();
      load();
    });
    load();
    setInterval(load, REFRESH_MS);
  });
})();
