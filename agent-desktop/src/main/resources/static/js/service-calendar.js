// The service calendar for administrators: the weekly hours (each day open with its times or closed, saved as a week),
// a year's exception days (holidays, make-up working days, special hours), set one (added or changed) or remove one
// (a second click confirms). Server text goes through textContent (Hotline.el).
(function () {
  'use strict';
  const H = window.Hotline;
  const $ = id => document.getElementById(id);
  const t = H.t;
  H.i18n.add({
    'zh-CN': {
      'c.kind.holiday': '节假日休息', 'c.kind.workday': '调休上班', 'c.kind.special-hours': '特殊服务时段',
      'c.day.SUNDAY': '星期日', 'c.day.MONDAY': '星期一', 'c.day.TUESDAY': '星期二', 'c.day.WEDNESDAY': '星期三',
      'c.day.THURSDAY': '星期四', 'c.day.FRIDAY': '星期五', 'c.day.SATURDAY': '星期六',
      'c.r.date': '日期无效（须为 2000 至 2100 年间的日期）', 'c.r.kind': '类型无效', 'c.r.name': '名称须为 1 到 100 个字符，不能换行',
      'c.r.onlySpecial': '只有特殊服务时段才填写开始和结束时间', 'c.r.same': '结束时间不能与开始时间相同；全天休息请选节假日休息',
      'c.r.times': '特殊服务时段须填写开始和结束时间', 'c.r.allClosed': '每周至少要有一天服务；全天休息的日子请登记为节假日',
      'c.r.openTimes': '服务的日子须填写开始和结束时间', 'c.r.badTime': '时间无效（格式为 时:分，如 08:30）',
      'c.failed': '操作失败：{m}', 'c.weekFailed': '保存失败：{which}{m}', 'c.which': '{d}：', 'c.closed': '休息',
      'c.needTimes': '须填写开始和结束时间', 'c.allDay': '全天 24 小时', 'c.nextDay': '次日 ', 'c.ariaOpen': '{d} 服务',
      'c.ariaOpens': '{d} 开始', 'c.ariaCloses': '{d} 结束',
      'c.fromSettings': '目前按系统配置（hotline.ivr.hours）；在这里保存后，热线改用这里的服务时间。',
      'c.savedBy': '由 {by} 于 {at} 保存{mixed}。', 'c.mixed': '；标 * 的日子按系统配置',
      'c.weekSaved': '已保存每周服务时间，下一通来电起生效', 'c.holidayHours': '全天休息', 'c.workdayHours': '按每周服务时间',
      'c.edit': '修改', 'c.remove': '删除', 'c.confirmRemove': '确认删除', 'c.removed': '已删除 {date} {name}',
      'c.pickDate': '请选择日期', 'c.saved': '已保存 {date} {kind} {name}',
      'c.weekTitle': '每周服务时间',
      'c.weekNote': '每天可设服务时段或休息；结束早于开始即到次日，开始等于结束为全天 24 小时。保存后，下一通来电即按新的服务时间判断；非服务时间的来电听到提示，可按 1 报修。节假日、调休上班和特殊服务时段在下方登记，优先于每周服务时间；调休上班按周一的服务时间（周一休息则按其后第一个服务日）。',
      'c.col.weekday': '星期', 'c.col.open': '服务', 'c.col.opens': '开始', 'c.col.closes': '结束', 'c.col.span': '服务时段',
      'c.saveWeek': '保存每周服务时间', 'c.reset': '还原', 'c.daysTitle': '登记例外日期',
      'c.daysNote': '这里登记节假日休息、调休上班和特殊服务时段，优先于每周服务时间。保存后，下一通来电即按新日历判断是否在服务时间内。',
      'c.date': '日期', 'c.kind': '类型', 'c.name': '名称', 'c.nameEg': '如 春节、国庆节调休', 'c.overnight': '结束早于开始即到次日',
      'c.save': '保存', 'c.clear': '清空', 'c.yearDays': '年例外日期', 'c.prevYear': '上一年', 'c.nextYear': '下一年',
      'c.noDays': '这一年还没有例外日期，全年按每周服务时间。'
    },
    en: {
      'c.kind.holiday': 'Holiday (closed)', 'c.kind.workday': 'Make-up working day', 'c.kind.special-hours': 'Special hours',
      'c.day.SUNDAY': 'Sunday', 'c.day.MONDAY': 'Monday', 'c.day.TUESDAY': 'Tuesday', 'c.day.WEDNESDAY': 'Wednesday',
      'c.day.THURSDAY': 'Thursday', 'c.day.FRIDAY': 'Friday', 'c.day.SATURDAY': 'Saturday',
      'c.r.date': 'Invalid date (2000 to 2100)', 'c.r.kind': 'Invalid kind', 'c.r.name': 'The name takes 1 to 100 characters on one line',
      'c.r.onlySpecial': 'Only special hours take opening and closing times',
      'c.r.same': 'Closing must differ from opening; a day closed all day is a holiday',
      'c.r.times': 'Special hours need opening and closing times',
      'c.r.allClosed': 'At least one day a week must be open; days closed all day are holidays',
      'c.r.openTimes': 'Open days need opening and closing times', 'c.r.badTime': 'Invalid time (hours:minutes, e.g. 08:30)',
      'c.failed': 'Failed: {m}', 'c.weekFailed': 'Not saved: {which}{m}', 'c.which': '{d}: ', 'c.closed': 'closed',
      'c.needTimes': 'opening and closing times needed', 'c.allDay': 'open 24 hours', 'c.nextDay': 'next day ',
      'c.ariaOpen': '{d} open', 'c.ariaOpens': '{d} opens', 'c.ariaCloses': '{d} closes',
      'c.fromSettings': 'Taken from the settings (hotline.ivr.hours) for now; saved here, the hotline uses these hours.',
      'c.savedBy': 'Saved by {by} at {at}{mixed}.', 'c.mixed': '; days marked * follow the settings',
      'c.weekSaved': 'Weekly hours saved: the next call follows them', 'c.holidayHours': 'closed all day',
      'c.workdayHours': 'weekly hours', 'c.edit': 'Edit', 'c.remove': 'Delete', 'c.confirmRemove': 'Confirm delete',
      'c.removed': 'Deleted {date} {name}', 'c.pickDate': 'Choose a date', 'c.saved': 'Saved {date} {kind} {name}',
      'c.weekTitle': 'Weekly service hours',
      'c.weekNote': 'Each day is open for some hours or closed; a closing before the opening ends the next day, equal times mean 24 hours. Saved, the next call follows the new hours; callers outside them hear so and can press 1 for a fault report. Holidays, make-up working days and special hours below come first; a make-up working day has Monday\'s hours (or those of the first open day after it).',
      'c.col.weekday': 'Day', 'c.col.open': 'Open', 'c.col.opens': 'Opens', 'c.col.closes': 'Closes', 'c.col.span': 'Hours',
      'c.saveWeek': 'Save weekly hours', 'c.reset': 'Undo', 'c.daysTitle': 'Add an exception day',
      'c.daysNote': 'Holidays, make-up working days and special hours go here and come before the weekly hours. Saved, the next call follows the new calendar.',
      'c.date': 'Date', 'c.kind': 'Kind', 'c.name': 'Name', 'c.nameEg': 'e.g. Spring Festival', 'c.overnight': 'a closing before the opening ends the next day',
      'c.save': 'Save', 'c.clear': 'Clear', 'c.yearDays': 'exception days', 'c.prevYear': 'Previous year', 'c.nextYear': 'Next year',
      'c.noDays': 'No exception days this year: the weekly hours apply all year.'
    }
  });
  const KIND = k => (t('c.kind.' + k) === 'c.kind.' + k ? k : t('c.kind.' + k));
  const WEEKDAY = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
  let year = Number(new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Shanghai', year: 'numeric'}).format(new Date()));

  // the server's reasons name the field; the page says them in the user's language (anything else as the server put it)
  const REASONS = [
    [/^date:/, 'c.r.date'],
    [/^kind:/, 'c.r.kind'],
    [/^name:/, 'c.r.name'],
    [/^(opensAt|closesAt)(, closesAt)?: .*only for special-hours/, 'c.r.onlySpecial'],
    [/^closesAt: .*another time/, 'c.r.same'],
    [/^(opensAt|closesAt)/, 'c.r.times']];

  const DAY_NAME = day => (t('c.day.' + day) === 'c.day.' + day ? day : t('c.day.' + day));
  const WEEK_REASONS = [
    [/^days: all closed/, 'c.r.allClosed'],
    [/opensAt, closesAt: .*(both times|on an open day)/, 'c.r.openTimes'],
    [/(opensAt|closesAt): '/, 'c.r.badTime']];

  function reason(message) {
    const found = REASONS.find(([re]) => re.test(message || ''));
    return found ? t(found[1]) : message;
  }

  function fail(e) {
    $('done').hidden = true;
    $('error').textContent = t('c.failed', {m: reason(e.message)});
    $('error').hidden = false;
  }

  function told(text) {
    $('error').hidden = true;
    $('done').textContent = text;
    $('done').hidden = false;
  }

  function weekFail(e) {
    $('w-done').hidden = true;
    const found = WEEK_REASONS.find(([re]) => re.test(e.message || ''));
    // the server's reason starts with the day it is about
    const day = /^([A-Z]+DAY)\b/.exec(e.message || '');
    const which = found && day && WEEKDAY.includes(day[1]) ? t('c.which', {d: DAY_NAME(day[1])}) : '';
    $('w-error').textContent = t('c.weekFailed', {which, m: found ? t(found[1]) : e.message});
    $('w-error').hidden = false;
  }

  function span(open, opensAt, closesAt) {
    if (!open) return t('c.closed');
    if (!opensAt || !closesAt) return t('c.needTimes');
    if (opensAt === closesAt) return t('c.allDay');
    return opensAt + ' – ' + (closesAt < opensAt ? t('c.nextDay') : '') + closesAt;
  }

  function weekRow(d, mixed) {
    const tr = H.el('tr', 'weekday-row');
    tr.dataset.day = d.day;
    const open = H.el('input');
    open.type = 'checkbox';
    open.className = 'open';
    open.checked = d.open;
    open.setAttribute('aria-label', t('c.ariaOpen', {d: DAY_NAME(d.day)}));
    const opens = H.el('input');
    opens.type = 'time';
    opens.className = 'opens';
    opens.value = d.opensAt || '';
    opens.setAttribute('aria-label', t('c.ariaOpens', {d: DAY_NAME(d.day)}));
    const closes = H.el('input');
    closes.type = 'time';
    closes.className = 'closes';
    closes.value = d.closesAt || '';
    closes.setAttribute('aria-label', t('c.ariaCloses', {d: DAY_NAME(d.day)}));
    const label = H.el('td', 'span');
    const show = () => {
      opens.disabled = closes.disabled = !open.checked;
      tr.classList.toggle('closed', !open.checked);
      label.textContent = span(open.checked, opens.value, closes.value);
      label.classList.toggle('missing', open.checked && (!opens.value || !closes.value));
    };
    open.addEventListener('change', () => {
      // a day opened again starts from 24 hours unless it had times
      if (open.checked && !opens.value && !closes.value) {
        opens.value = '00:00';
        closes.value = '00:00';
      }
      show();
    });
    opens.addEventListener('input', show);
    closes.addEventListener('input', show);
    const cell = input => { const td = H.el('td'); td.append(input); return td; };
    // a star only when stored days and the settings' days are mixed (a week saved in part by SQL)
    tr.classList.toggle('settings', mixed && d.source === 'settings');
    tr.append(H.el('td', 'weekday', DAY_NAME(d.day)), cell(open), cell(opens), cell(closes), label);
    show();
    return tr;
  }

  function showWeek(w) {
    const fromSettings = w.days.filter(d => d.source === 'settings').length;
    const mixed = fromSettings > 0 && fromSettings < w.days.length;
    $('week').tBodies[0].replaceChildren(...w.days.map(d => weekRow(d, mixed)));
    let source;
    if (!w.updatedBy) {
      source = t('c.fromSettings');
    } else {
      const at = new Date(w.updatedAt).toLocaleString(H.i18n.lang(), {timeZone: 'Asia/Shanghai', hour12: false,
        year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'});
      source = t('c.savedBy', {by: w.updatedBy, at, mixed: mixed ? t('c.mixed') : ''});
    }
    $('week-source').textContent = source;
  }

  let lastWeek = null;

  async function loadWeek() {
    lastWeek = await H.api('GET', '/api/admin/service-calendar/weekly-hours');
    showWeek(lastWeek);
    document.body.dataset.weekLoaded = String(Date.now());
  }

  async function saveWeek(e) {
    e.preventDefault();
    const days = [...$('week').tBodies[0].rows].map(tr => {
      const open = tr.querySelector('input.open').checked;
      const d = {day: tr.dataset.day, open};
      if (open) {
        d.opensAt = tr.querySelector('input.opens').value;
        d.closesAt = tr.querySelector('input.closes').value;
      }
      return d;
    });
    try {
      lastWeek = await H.api('PUT', '/api/admin/service-calendar/weekly-hours', {days});
      showWeek(lastWeek);
      $('w-error').hidden = true;
      $('w-done').textContent = t('c.weekSaved');
      $('w-done').hidden = false;
    } catch (err) {
      weekFail(err);
    }
  }

  function hours(d) {
    if (d.kind === 'holiday') return t('c.holidayHours');
    if (d.kind === 'workday') return t('c.workdayHours');
    return d.opensAt + ' – ' + (d.closesAt <= d.opensAt ? t('c.nextDay') : '') + d.closesAt;
  }

  function showTimes() {
    $('f-times').hidden = $('f-kind').value !== 'special-hours';
  }

  function edit(d) {
    $('f-date').value = d.date;
    $('f-kind').value = d.kind;
    $('f-name').value = d.name;
    $('f-opens').value = d.opensAt || '';
    $('f-closes').value = d.closesAt || '';
    showTimes();
    $('f-name').focus();
  }

  function row(d) {
    const tr = H.el('tr', 'day ' + d.kind);
    tr.dataset.date = d.date;
    const [y, m, day] = d.date.split('-').map(Number);
    const actions = H.el('td', 'actions');
    const change = H.el('button', 'edit', t('c.edit'));
    change.type = 'button';
    change.addEventListener('click', () => edit(d));
    const remove = H.el('button', 'remove', t('c.remove'));
    remove.type = 'button';
    remove.addEventListener('click', async () => {
      if (!remove.classList.contains('confirm')) {
        remove.classList.add('confirm');
        remove.textContent = t('c.confirmRemove');
        return;
      }
      try {
        await H.api('DELETE', '/api/admin/service-calendar/' + encodeURIComponent(d.date));
        told(t('c.removed', {date: d.date, name: d.name}));
        await load();
      } catch (e) {
        fail(e);
      }
    });
    actions.append(change, remove);
    tr.append(H.el('td', 'date', d.date), H.el('td', 'weekday', DAY_NAME(WEEKDAY[new Date(Date.UTC(y, m - 1, day)).getUTCDay()])),
      H.el('td', 'kind', KIND(d.kind)), H.el('td', 'name', d.name), H.el('td', 'hours', hours(d)), actions);
    return tr;
  }

  async function load() {
    const r = await H.api('GET', '/api/admin/service-calendar?year=' + year);
    $('year-title').textContent = String(r.year);
    $('days').tBodies[0].replaceChildren(...r.days.map(row));
    $('no-days').hidden = r.days.length > 0;
    document.body.dataset.loaded = String(Date.now());
  }

  async function save(e) {
    e.preventDefault();
    const date = $('f-date').value;
    if (!date) {
      fail(new Error(t('c.pickDate')));
      return;
    }
    const kind = $('f-kind').value;
    const body = {kind, name: $('f-name').value.trim()};
    if (kind === 'special-hours') {
      body.opensAt = $('f-opens').value;
      body.closesAt = $('f-closes').value;
    }
    try {
      const d = await H.api('PUT', '/api/admin/service-calendar/' + encodeURIComponent(date), body);
      told(t('c.saved', {date: d.date, kind: KIND(d.kind), name: d.name}));
      year = Number(d.date.slice(0, 4));
      await load();
    } catch (err) {
      fail(err);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    H.csrf().then(tk => { $('logout-csrf').value = tk.token; }).catch(() => {});
    $('f-kind').addEventListener('change', showTimes);
    $('day-form').addEventListener('submit', save);
    $('f-clear').addEventListener('click', () => {
      $('day-form').reset();
      showTimes();
    });
    $('year-prev').addEventListener('click', () => { year -= 1; load().catch(fail); });
    $('year-next').addEventListener('click', () => { year += 1; load().catch(fail); });
    showTimes();
    $('week-form').addEventListener('submit', saveWeek);
    $('w-reset').addEventListener('click', () => {
      $('w-error').hidden = true;
      $('w-done').hidden = true;
      loadWeek().catch(weekFail);
    });
    // the one switch (desk.js): the week and the days this script drew, in the other language
    H.on('lang', () => { if (lastWeek) showWeek(lastWeek); load().catch(fail); });
    loadWeek().catch(weekFail);
    load().catch(fail);
  });
})();
