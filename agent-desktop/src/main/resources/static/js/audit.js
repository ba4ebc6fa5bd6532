// Card-read audit for administrators: the per-user totals of the last 24 hours and the reads, filtered by user,
// customer number and time. Everything from the server goes through textContent (Hotline.el).
(function () {
  'use strict';
  const H = window.Hotline;
  const $ = id => document.getElementById(id);
  const t = H.t;
  H.i18n.add({
    'zh-CN': {'a.via.search': '搜索', 'a.via.card': '按编号打开', 'a.via.contacts': '联系记录', 'a.show': '查看',
      'a.failed': '查询失败：{m}', 'a.totalsFailed': '读取统计失败：{m}', 'a.totals': '近 24 小时按用户统计',
      'a.note': '坐席每打开一份客户档案（搜索结果、按编号打开、查看联系记录）都会记录；超过上限的查阅会被拒绝并记入日志。',
      'a.user': '用户', 'a.reads': '查阅次数', 'a.customers': '客户数', 'a.last': '最近一次', 'a.noTotals': '近 24 小时无查阅记录',
      'a.readsTitle': '查阅记录', 'a.customerNo': '客户编号', 'a.from': '起', 'a.to': '止', 'a.search': '查询', 'a.clear': '清除',
      'a.at': '时间', 'a.customerName': '客户名称', 'a.via': '方式', 'a.call': '通话', 'a.query': '搜索内容',
      'a.noReads': '没有符合条件的记录'},
    en: {'a.via.search': 'search', 'a.via.card': 'opened by number', 'a.via.contacts': 'contact history', 'a.show': 'Show',
      'a.failed': 'Search failed: {m}', 'a.totalsFailed': 'Totals not loaded: {m}', 'a.totals': 'Last 24 hours by user',
      'a.note': "Every customer card an agent opens (search results, by number, the contact history) is recorded; reads over the limit are refused and logged.",
      'a.user': 'User', 'a.reads': 'Reads', 'a.customers': 'Customers', 'a.last': 'Last', 'a.noTotals': 'No reads in the last 24 hours',
      'a.readsTitle': 'Card reads', 'a.customerNo': 'Customer no.', 'a.from': 'From', 'a.to': 'To', 'a.search': 'Search',
      'a.clear': 'Clear', 'a.at': 'Time', 'a.customerName': 'Customer name', 'a.via': 'How', 'a.call': 'Call',
      'a.query': 'Search text', 'a.noReads': 'No matching reads'}
  });
  const via = v => (t('a.via.' + v) === 'a.via.' + v ? v : t('a.via.' + v));
  const time = iso => new Date(iso).toLocaleString(H.i18n.lang(), {hour12: false});
  // a datetime-local value is the browser's local time: sent as an instant
  const instant = v => v ? new Date(v).toISOString() : null;

  async function loadTotals() {
    const since = new Date(Date.now() - 86400000).toISOString();
    const totals = await H.api('GET', '/api/admin/card-reads/totals?since=' + encodeURIComponent(since));
    $('totals').tBodies[0].replaceChildren(...totals.map(total => {
      const show = H.el('button', 'link', t('a.show'));
      show.type = 'button';
      show.addEventListener('click', () => { $('f-user').value = total.username; loadReads(); });
      const last = H.el('td');
      last.append(show);
      const tr = H.el('tr', 'total');
      tr.dataset.user = total.username;
      tr.append(H.el('td', 'user', total.username), H.el('td', 'reads', String(total.reads)),
        H.el('td', 'customers', String(total.customers)), H.el('td', 'last', time(total.last)), last);
      return tr;
    }));
    $('no-totals').hidden = totals.length > 0;
  }

  async function loadReads() {
    const q = new URLSearchParams();
    if ($('f-user').value.trim()) q.set('user', $('f-user').value.trim());
    if ($('f-customer').value.trim()) q.set('customerNo', $('f-customer').value.trim());
    if (instant($('f-from').value)) q.set('from', instant($('f-from').value));
    if (instant($('f-to').value)) q.set('to', instant($('f-to').value));
    $('error').hidden = true;
    try {
      const rows = await H.api('GET', '/api/admin/card-reads?' + q);
      $('reads').tBodies[0].replaceChildren(...rows.map(r => {
        const tr = H.el('tr', 'read');
        tr.dataset.via = r.via;
        tr.dataset.customerNo = r.customerNo;
        tr.append(H.el('td', 'at', time(r.at)), H.el('td', 'user', r.username), H.el('td', 'no', r.customerNo),
          H.el('td', 'name', r.customerName || ''), H.el('td', 'via', via(r.via)),
          H.el('td', 'call', r.callId || ''), H.el('td', 'query', r.query || ''));
        return tr;
      }));
      $('no-reads').hidden = rows.length > 0;
      document.body.dataset.loaded = String(Date.now());
    } catch (e) {
      $('error').textContent = t('a.failed', {m: e.message});
      $('error').hidden = false;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    H.csrf().then(tk => { $('logout-csrf').value = tk.token; }).catch(() => {});
    $('filter').addEventListener('submit', e => { e.preventDefault(); loadReads(); });
    $('f-clear').addEventListener('click', () => {
      ['f-user', 'f-customer', 'f-from', 'f-to'].forEach(id => { $(id).value = ''; });
      loadReads();
    });
    const totalsFailed = e => { $('error').textContent = t('a.totalsFailed', {m: e.message}); $('error').hidden = false; };
    H.on('lang', () => { loadTotals().catch(totalsFailed); loadReads(); });
    loadTotals().catch(totalsFailed);
    loadReads();
  });
})();
