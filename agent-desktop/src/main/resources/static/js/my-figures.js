// The agent's own day on the desk (issue #16): calls handled, average handling time and pause time by reason today,
// beside the team's calls per agent and handling time; read from the reports every minute (/api/reports/me).
(function () {
  'use strict';
  const H = window.Hotline;
  H.i18n.add({
    'zh-CN': {'my.title': '我的今日', 'my.calls': '接听 {n} 通', 'my.aht': '平均处理 {d}', 'my.paused': '置忙 {d}',
      'my.team': '{team}人均 {n} 通，平均处理 {d}', 'my.noTeam': '未分班组', 'my.none': '未注明',
      'my.min': '{m}分{s}秒', 'my.sec': '{s}秒', 'my.reasons': '（{r}）', 'my.sep': '，'},
    en: {'my.title': 'My day', 'my.calls': '{n} calls', 'my.aht': 'AHT {d}', 'my.paused': 'paused {d}',
      'my.team': '{team}: {n} calls per agent, AHT {d}', 'my.noTeam': 'no team', 'my.none': 'none',
      'my.min': '{m} min {s} s', 'my.sec': '{s} s', 'my.reasons': ' ({r})', 'my.sep': ', '}
  });
  const t = H.t;

  function duration(seconds) {
    if (seconds == null) return '–';
    const s = Math.round(seconds);
    return s >= 60 ? t('my.min', {m: Math.floor(s / 60), s: s % 60}) : t('my.sec', {s});
  }

  // a pause code in the page's language: the system's own (reason.*), else the company's label the desk loaded
  function reasonLabel(code) {
    if (!code) return t('my.none');
    const own = t('reason.' + code);
    if (own !== 'reason.' + code) return own;
    const option = document.querySelector('option[value="' + CSS.escape(code) + '"]');
    return option ? option.textContent : code;
  }

  function render(f) {
    const box = document.getElementById('my-day');
    const reasons = Object.entries(f.pausedByReason).map(([r, n]) => reasonLabel(r) + ' ' + duration(n));
    const parts = [t('my.calls', {n: f.calls}), t('my.aht', {d: duration(f.ahtSeconds)}),
      t('my.paused', {d: duration(f.pausedSeconds)})
        + (reasons.length ? t('my.reasons', {r: reasons.join(t('my.sep'))}) : '')];
    if (f.team) {
      parts.push(t('my.team', {team: f.team, n: f.teamCallsPerAgent == null ? '–' : f.teamCallsPerAgent.toFixed(1),
        d: duration(f.teamAhtSeconds)}));
    }
    box.replaceChildren(H.el('strong', null, t('my.title')), H.el('span', 'figures', parts.join(' · ')));
    box.dataset.calls = String(f.calls);
    box.hidden = false;
  }

  let last = null;
  async function refresh() {
    try {
      last = await H.api('GET', '/api/reports/me');
      render(last);
    } catch (e) {
      // the figures are a convenience: the desk works without them
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    if (!document.getElementById('my-day')) return;
    refresh();
    setInterval(refresh, 60_000);
    if (H.on) H.on('lang', () => { if (last) render(last); });
  });
})();
