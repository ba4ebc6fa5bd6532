// An order's timeline A–H: each stage as a horizontal bar against its limit (ECharts), the stage table with
// within/over marks and the points log (who, from where, why). Record text only goes through textContent.
(function () {
  'use strict';
  const H = window.Hotline;
  const W = window.WorkOrderWords;
  let chart = null;

  const LIMIT_SECONDS = {m: 60, h: 3600, wd: 86400};

  // the stage's limit in seconds: its deadline from its start once started, else the written limit (a working day
  // counted as a whole day, only to size the bar)
  function limitSeconds(s) {
    if (s.startedAt && s.deadline) return (Date.parse(s.deadline) - Date.parse(s.startedAt)) / 1000;
    const m = /^(\d+)(m|h|wd)$/.exec(s.limit || '');
    return m ? Number(m[1]) * LIMIT_SECONDS[m[2]] : 0;
  }

  function elapsedSeconds(s, now) {
    if (s.elapsedSeconds !== null && s.elapsedSeconds !== undefined) return s.elapsedSeconds;
    return s.startedAt ? Math.max(0, (now - Date.parse(s.startedAt)) / 1000) : 0;
  }

  // within, over, running (over or not yet), pending
  function state(s, now) {
    if (s.withinLimit === true) return 'within';
    if (s.withinLimit === false) return 'over';
    if (!s.startedAt) return 'pending';
    return s.deadline && now > Date.parse(s.deadline) ? 'running-over' : 'running';
  }

  H.i18n.add({
    'zh-CN': {'wot.within': '按时', 'wot.over': '超时', 'wot.running': '进行中', 'wot.running-over': '进行中·已超时',
      'wot.pending': '未开始', 'wot.charged': '计入{p}', 'wot.lost': '损失 {t}，计入{p}', 'wot.h': '小时', 'wot.min': '分钟',
      'wot.limit': '时限', 'wot.used': '时限内用时', 'wot.overBar': '超时', 'wot.lostBar': '改派损失'},
    en: {'wot.within': 'in time', 'wot.over': 'over', 'wot.running': 'running', 'wot.running-over': 'running · over',
      'wot.pending': 'not started', 'wot.charged': 'charged to {p}', 'wot.lost': 'lost {t}, charged to {p}', 'wot.h': 'h',
      'wot.min': 'min', 'wot.limit': 'Limit', 'wot.used': 'Used within', 'wot.overBar': 'Over', 'wot.lostBar': 'Lost to re-routing'}
  });
  const t = H.t;

  function render(t, into) {
    const now = into.now;
    const stages = t.stages || [];
    renderStages(stages, into.stages, now);
    renderLog(t.log || [], into.log, into.unitName || (code => code || ''));
    renderChart(stages, into.chart, now);
  }

  function renderStages(stages, tbody, now) {
    tbody.replaceChildren(...stages.map(s => {
      const st = state(s, now);
      const tr = H.el('tr', 'wo-stage ' + st);
      tr.dataset.stage = s.from + '-' + s.to;
      tr.dataset.result = st;
      const lost = s.rerouteSeconds ? W.span(s.rerouteSeconds) + ' · ' + t('wot.charged', {p: W.party(s.party)}) : '';
      tr.append(H.el('td', 'name', s.from + '→' + s.to + ' ' + W.zh(s.name)), H.el('td', 'party', W.party(s.party)),
        H.el('td', 'limit', W.limit(s.limit)),
        H.el('td', 'elapsed', s.startedAt ? W.span(elapsedSeconds(s, now)) : '—'), H.el('td', 'lost', lost),
        H.el('td', 'result', t('wot.' + st)));
      return tr;
    }));
  }

  function renderLog(log, tbody, unitName) {
    tbody.replaceChildren(...log.map(r => {
      const tr = H.el('tr', 'wo-log ' + r.kind);
      tr.dataset.kind = r.kind;
      let reason = r.reason || '';
      if (r.kind === 'reroute' && r.lostSeconds !== null) {
        reason += (reason ? '；' : '') + t('wot.lost', {t: W.span(r.lostSeconds), p: W.party(r.chargedParty)})
          + (r.chargedUnit && unitName(r.chargedUnit) !== W.party(r.chargedParty) ? '（' + unitName(r.chargedUnit) + '）' : '');
      }
      tr.append(H.el('td', 'at', W.time(r.at)), H.el('td', 'point', r.point),
        H.el('td', 'kind', W.kind(r.kind)), H.el('td', 'by', r.by || '—'),
        H.el('td', 'source', W.source(r.source)), H.el('td', 'unit', unitName(r.unit)),
        H.el('td', 'reason', reason));
      return tr;
    }));
  }

  function renderChart(stages, box, now) {
    if (!window.echarts) return;
    if (!chart || chart.getDom() !== box) {
      chart = echarts.init(box);
      window.addEventListener('resize', () => chart.resize());
    }
    const rows = stages.slice().reverse(); // A→B on top
    const limits = rows.map(limitSeconds);
    const scale = Math.max(...limits, ...rows.map(s => elapsedSeconds(s, now)), 1) > 3 * 3600 ? 3600 : 60;
    const unit = scale === 3600 ? t('wot.h') : t('wot.min');
    const v = x => Math.round(x / scale * 100) / 100;
    const within = [], over = [], lost = [];
    rows.forEach((s, i) => {
      const e = elapsedSeconds(s, now), l = Math.min(s.rerouteSeconds || 0, e), normal = e - l;
      within.push(v(Math.min(normal, limits[i])));
      over.push(v(Math.max(0, normal - limits[i])));
      lost.push(v(l));
    });
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      legend: {bottom: 0, data: [t('wot.limit'), t('wot.used'), t('wot.overBar'), t('wot.lostBar')]},
      grid: {left: 8, right: 48, top: 10, bottom: 48, containLabel: true},
      xAxis: {type: 'value', name: unit, nameLocation: 'end', nameGap: 4, splitLine: {lineStyle: {color: '#e0e4e8'}}},
      yAxis: {type: 'category', data: rows.map(s => s.from + '→' + s.to + ' ' + W.zh(s.name)),
        axisLabel: {width: 150, overflow: 'truncate'}},
      series: [
        {name: t('wot.limit'), type: 'bar', data: limits.map(v), barWidth: '60%', z: 1,
          itemStyle: {color: 'rgba(23,58,94,.12)', borderColor: '#173a5e', borderType: 'dashed', borderWidth: 1}},
        {name: t('wot.used'), type: 'bar', stack: 'used', data: within, barWidth: '60%', z: 2, itemStyle: {color: '#27ae60'}},
        {name: t('wot.overBar'), type: 'bar', stack: 'used', data: over, z: 2, itemStyle: {color: '#c0392b'}},
        // the limit's frame and the time used share one slot: barGap is read from the last bar series
        {name: t('wot.lostBar'), type: 'bar', stack: 'used', data: lost, z: 2, barGap: '-100%', itemStyle: {color: '#f2994a'}}
      ]
    }, true);
    chart.resize();
  }

  window.WorkOrderTimeline = {render};
})();
