// The KPI definitions page: the section in the user's language is shown, the other hidden.
(function () {
  'use strict';
  const H = window.Hotline;
  if (H.i18n) H.i18n.add(window.HotlineReportWords);
  function show() {
    const en = H.i18n && H.i18n.lang() === 'en';
    document.querySelectorAll('section.kpi-defs').forEach(s => { s.hidden = (s.lang === 'en') !== en; });
  }
  document.addEventListener('DOMContentLoaded', show);
  if (H.on) H.on('lang', show);
})();
