// The area lookup (issue #4) in the agent page's side panel, compact: an outage answer while the caller speaks.
// Loaded after side.js, whose DOMContentLoaded handler builds the side panel first.
(function () {
  'use strict';
  Hotline.i18n.add({'zh-CN': {'side.lookup': '台区 / 停电查询'}, en: {'side.lookup': 'Area and outage lookup'}});

  document.addEventListener('DOMContentLoaded', () => {
    const side = document.getElementById('side');
    const section = side.appendChild(Hotline.el('section', 'panel area-lookup'));
    const title = section.appendChild(Hotline.el('h3', null, Hotline.t('side.lookup')));
    title.dataset.i18n = 'side.lookup';
    Hotline.lookupPanel(section.appendChild(Hotline.el('div')), {compact: true, limit: 8});
  });
})();
