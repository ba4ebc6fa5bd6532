// The callers waiting in the queues, on the agent desk (issue #16): pushed when who waits changes; the page counts
// the seconds. Numbers come masked; nothing here is markup (Hotline.el).
(function () {
  'use strict';
  const H = window.Hotline;
  H.i18n.add({
    'zh-CN': {'dw.title': '等候中的来电 {n} 通', 'dw.identified': '已验证户号', 'dw.callback': '预约回拨'},
    en: {'dw.title': '{n} callers waiting', 'dw.identified': 'account identified', 'dw.callback': 'callback requested'}
  });
  let waiting = [];

  function clock(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }

  function render() {
    const box = document.getElementById('desk-waiting');
    if (!box) return;
    box.hidden = waiting.length === 0;
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
    box.replaceChildren(H.el('strong', null, H.t('dw.title', {n: waiting.length})), list);
  }

  // the desk socket hands on the whole message ({type, data})
  H.on('queue-waiting', m => {
    const list = Array.isArray(m) ? m : m && m.data;
    waiting = Array.isArray(list) ? list : [];
    render();
  });
  H.on('lang', render);
  document.addEventListener('DOMContentLoaded', () => setInterval(() => { if (waiting.length) render(); }, 1000));
})();
