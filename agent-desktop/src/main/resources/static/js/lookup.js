// The full-size lookup page: the lookup panel with the box focused, pre-filled from ?q= (e.g. a caller's number).
(function () {
  'use strict';
  Hotline.i18n.add({
    'zh-CN': {'lookup.title': '台区查询', 'nav.home': '返回'},
    en: {'lookup.title': 'Area lookup', 'nav.home': 'Back'}
  });
  document.addEventListener('DOMContentLoaded', () => {
    const panel = Hotline.lookupPanel(document.getElementById('lookup'), {compact: false, limit: 20});
    const q = new URLSearchParams(location.search).get('q');
    if (q) panel.search(q);
    panel.focus();
  });
})();
