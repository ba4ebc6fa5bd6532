// Card-read audit for administrators: the per-user totals of the last 24 hours and the reads, filtered by user,
// customer number and time. Everything from the server goes through textContent (Hotline.el).
(function () {
  'use strict';
  const H = window.Hotline;
  const $ = id => document.getElementById(id);
  const VIA = {search: '搜索', card: '按编号打开', contacts: '联系记录'};
  const time = iso => new Date(iso).toLocaleString('zh-CN', {hour12: false});
  // a datetime-local value is the browser's local time: sent as an instant
  const instant = v => v ? new Date(v).toISOString() : null;

  async function loadTotals() {
    const since = new Date(Date.now() - 86400000).toISOString();
    const totals = await H.api('GET', '/api/admin/card-reads/totals?since=' + encodeURIComponent(since));
    $('totals').tBodies[0].replaceChildren(...totals.map(t => {
      const show = H.el('button', 'link', '查看');
      show.type = 'button';
      show.addEventListener('click', () => { $('f-user').value = t.username; loadReads(); });
      const last = H.el('td');
      last.append(show);
      const tr = H.el('tr', 'total');
      tr.dataset.user = t.username;
      tr.append(H.el('td', 'user', t.username), H.el('td', 'reads', String(t.reads)),
        H.el('td', 'customers', String(t.customers)), H.el('td', 'last', time(t.last)), last);
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
          H.el('td', 'name', r.customerName || ''), H.el('td', 'via', VIA[r.via] || r.via),
          H.el('td', 'call', r.callId || ''), H.el('td', 'query', r.query || ''));
        return tr;
      }));
      $('no-reads').hidden = rows.length > 0;
      document.body.dataset.loaded = String(Date.now());
    } catch (e) {
      $('error').textContent = '查询失败：' + e.message;
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
    loadTotals().catch(e => { $('error').textContent = '读取统计失败：' + e.message; $('error').hidden = false; });
    loadReads();
  });
})();
