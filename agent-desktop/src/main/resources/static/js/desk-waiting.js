// The callers waiting in the queues, on the agent desk (issue #16): the longest waits and how many wait in all, pushed
// when who waits changes (at most every 2 s); the page counts the seconds. Numbers come masked; nothing here is markup (Hotline.el).
(function () {
  'use strict';
  const H = window.Hotline;
  H.i18n.add({
    'zh-CN': {'dw.title': '等候中的来电 {n} 通', 'dw.identified': '已验证户号', 'dw.callback': '预约回拨'},
    en: {'dw.title': '{n} callers waiting', 'dw.identified': 'account identified', 'dw.callback': 'callback requested'}
  });
  let waiting = [];
  let total = 0;

  function clock(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }

  function render() {
    const box = document.getElementById('desk-waiting');
    if (!box) return;
    box.hidden = total === 0;
    const list = H.el('ol', 'waiting-list');
    waiting.forEach(w => {
      const li = H.el('li', 'waiting-call');
      li.dataset.callId = w.callId;
      const parts = [w.queueName, '#' + w.position, clock((Date.now() - Date.parse(w.queuedAt)) / 1000), w.number];
      if (w.name) parts.push(w.name);
      if (w.identified) parts.push(H.t('dw.identified'));
      if (w.callback) parts.push(H.t('dw.callback'));
      li.textContent = parts.join(' · ');
      list.append(li);
    });
    box.replaceChildren(H.el('strong', null, H.t('dw.title', {n: total})), list);
  }

  // the desk socket hands on the whole message ({type, data})
  // {total, calls}: the server sends the longest waits only, and how many wait in all
  H.on('queue-waiting', m => {
    const data = m && m.data;
    waiting = data && Array.isArray(data.calls) ? data.calls : [];
    total = data && Number.isInteger(data.total) ? data.total : waiting.length;
    render();
  });
  H.on('lang', render);
  document.addEventListener('DOMContentLoaded', () => setInterval(() => { if (total) render(); }, 1000));
})();
