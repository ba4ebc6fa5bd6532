// Shared by the lookup, line, outage and board pages: times, outage state and the red/amber outage flag.
// Load after desk.js. Every record text goes through Hotline.el (textContent): it is data, never markup.
(function () {
  'use strict';
  const el = Hotline.el;

  Hotline.i18n.add({
    'zh-CN': {
      'outage.kind.planned': '计划停电', 'outage.kind.unplanned': '故障停电',
      'outage.flag.active': '停电中 · 预计 {end} 恢复', 'outage.flag.planned': '计划停电 {start} — {end}',
      'outage.flag.overdue': '停电超时 · 原定 {end} 恢复', 'outage.flag.restored': '已恢复 {at}',
      'outage.state.active': '停电中', 'outage.state.planned': '计划', 'outage.state.overdue': '超时',
      'outage.state.restored': '已恢复'
    },
    en: {
      'outage.kind.planned': 'Planned outage', 'outage.kind.unplanned': 'Fault outage',
      'outage.flag.active': 'Outage · expected back {end}', 'outage.flag.planned': 'Planned outage {start} – {end}',
      'outage.flag.overdue': 'Outage overdue · was expected back {end}', 'outage.flag.restored': 'Restored {at}',
      'outage.state.active': 'Out', 'outage.state.planned': 'Planned', 'outage.state.overdue': 'Overdue',
      'outage.state.restored': 'Restored'
    }
  });

  const two = (n) => String(n).padStart(2, '0');

  // 2026-11-03 22:12 in the browser's time zone: unambiguous, unlike the locale's default
  function time(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    if (isNaN(d)) return '';
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':'
      + two(d.getMinutes());
  }

  // The value a datetime-local input shows for an instant (local time, minutes).
  function localInput(date) {
    const d = date instanceof Date ? date : new Date(date);
    return time(d).replace(' ', 'T');
  }

  // A datetime-local value (local wall time) as the ISO instant the server stores; null when empty or invalid.
  function instant(localValue) {
    if (!localValue) return null;
    const d = new Date(localValue);
    return isNaN(d) ? null : d.toISOString();
  }

  // active (red), planned (amber, starts later), overdue (expected end passed, not yet restored) or restored.
  function state(o, now) {
    if (o.restoredAt) return 'restored';
    if (o.active) return 'active';
    const at = now || Date.now();
    if (new Date(o.startsAt).getTime() > at) return 'planned';
    return new Date(o.expectedEndAt).getTime() <= at ? 'overdue' : 'active';
  }

  function flag(o) {
    const s = state(o);
    const text = Hotline.t('outage.flag.' + s,
      {start: time(o.startsAt), end: time(o.expectedEndAt), at: time(o.restoredAt)});
    const f = el('span', 'outage-flag ' + s, text);
    f.dataset.outageId = o.id;
    f.dataset.state = s;
    f.title = Hotline.t('outage.kind.' + o.kind) + (o.outageNo ? ' ' + o.outageNo : '') + (o.reason ? ' · ' + o.reason : '');
    return f;
  }

  // Flags of the outages that matter to a caller now: current and planned ones, never the restored past.
  function flags(outages) {
    const box = el('span', 'outage-flags');
    for (const o of outages || []) if (state(o) !== 'restored') box.appendChild(flag(o));
    return box;
  }

  // "name (code)" for a repair centre given as {code, name, phone} or, leniently, as a plain string.
  function centre(rc) {
    if (!rc) return '';
    if (typeof rc === 'string') return rc;
    return [rc.name || rc.code, rc.phone].filter(Boolean).join(' ☎ ');
  }

  // A header button that flips between Chinese and English and remembers the choice.
  Hotline.outage = {time, localInput, instant, state, flag, flags, centre};
})();
