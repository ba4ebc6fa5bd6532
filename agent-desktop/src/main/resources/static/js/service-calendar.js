// The service calendar for administrators: the weekly hours (each day open with its times or closed, saved as a week),
// a year's exception days (holidays, make-up working days, special hours), set one (added or changed) or remove one
// (a second click confirms). Server text goes through textContent (Hotline.el).
(function () {
  'use strict';
  const H = window.Hotline;
  const $ = id => document.getElementById(id);
  const KIND = {'holiday': '节假日休息', 'workday': '调休上班', 'special-hours': '特殊服务时段'};
  const WEEKDAY = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
  let year = Number(new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Shanghai', year: 'numeric'}).format(new Date()));

  // the server's reasons name the field; the page says them in Chinese (anything else as the server put it)
  const REASONS = [
    [/^date:/, '日期无效（须为 2000 至 2100 年间的日期）'],
    [/^kind:/, '类型无效'],
    [/^name:/, '名称须为 1 到 100 个字符，不能换行'],
    [/^(opensAt|closesAt)(, closesAt)?: .*only for special-hours/, '只有特殊服务时段才填写开始和结束时间'],
    [/^closesAt: .*another time/, '结束时间不能与开始时间相同；全天休息请选节假日休息'],
    [/^(opensAt|closesAt)/, '特殊服务时段须填写开始和结束时间']];

  const DAY_NAME = {MONDAY: '星期一', TUESDAY: '星期二', WEDNESDAY: '星期三', THURSDAY: '星期四', FRIDAY: '星期五',
    SATURDAY: '星期六', SUNDAY: '星期日'};
  const WEEK_REASONS = [
    [/^days: all closed/, '每周至少要有一天服务；全天休息的日子请登记为节假日'],
    [/opensAt, closesAt: .*(both times|on an open day)/, '服务的日子须填写开始和结束时间'],
    [/(opensAt|closesAt): '/, '时间无效（格式为 时:分，如 08:30）']];

  function reason(message) {
    const found = REASONS.find(([re]) => re.test(message || ''));
    return found ? found[1] : message;
  }

  function fail(e) {
    $('done').hidden = true;
    $('error').textContent = '操作失败：' + reason(e.message);
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
    const which = found && day && DAY_NAME[day[1]] ? DAY_NAME[day[1]] + '：' : '';
    $('w-error').textContent = '保存失败：' + which + (found ? found[1] : e.message);
    $('w-error').hidden = false;
  }

  function span(open, opensAt, closesAt) {
    if (!open) return '休息';
    if (!opensAt || !closesAt) return '须填写开始和结束时间';
    if (opensAt === closesAt) return '全天 24 小时';
    return opensAt + ' – ' + (closesAt < opensAt ? '次日 ' : '') + closesAt;
  }

  function weekRow(d, mixed) {
    const tr = H.el('tr', 'weekday-row');
    tr.dataset.day = d.day;
    const open = H.el('input');
    open.type = 'checkbox';
    open.className = 'open';
    open.checked = d.open;
    open.setAttribute('aria-label', DAY_NAME[d.day] + ' 服务');
    const opens = H.el('input');
    opens.type = 'time';
    opens.className = 'opens';
    opens.value = d.opensAt || '';
    opens.setAttribute('aria-label', DAY_NAME[d.day] + ' 开始');
    const closes = H.el('input');
    closes.type = 'time';
    closes.className = 'closes';
    closes.value = d.closesAt || '';
    closes.setAttribute('aria-label', DAY_NAME[d.day] + ' 结束');
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
    tr.append(H.el('td', 'weekday', DAY_NAME[d.day] || d.day), cell(open), cell(opens), cell(closes), label);
    show();
    return tr;
  }

  function showWeek(w) {
    const fromSettings = w.days.filter(d => d.source === 'settings').length;
    const mixed = fromSettings > 0 && fromSettings < w.days.length;
    $('week').tBodies[0].replaceChildren(...w.days.map(d => weekRow(d, mixed)));
    let source;
    if (!w.updatedBy) {
      source = '目前按系统配置（hotline.ivr.hours）；在这里保存后，热线改用这里的服务时间。';
    } else {
      const at = new Date(w.updatedAt).toLocaleString('zh-CN', {timeZone: 'Asia/Shanghai', hour12: false,
        year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'});
      source = '由 ' + w.updatedBy + ' 于 ' + at + ' 保存' + (mixed ? '；标 * 的日子按系统配置' : '') + '。';
    }
    $('week-source').textContent = source;
  }

  async function loadWeek() {
    showWeek(await H.api('GET', '/api/admin/service-calendar/weekly-hours'));
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
      showWeek(await H.api('PUT', '/api/admin/service-calendar/weekly-hours', {days}));
      $('w-error').hidden = true;
      $('w-done').textContent = '已保存每周服务时间，下一通来电起生效';
      $('w-done').hidden = false;
    } catch (err) {
      weekFail(err);
    }
  }

  function hours(d) {
    if (d.kind === 'holiday') return '全天休息';
    if (d.kind === 'workday') return '按每周服务时间';
    return d.opensAt + ' – ' + (d.closesAt <= d.opensAt ? '次日 ' : '') + d.closesAt;
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
    const change = H.el('button', 'edit', '修改');
    change.type = 'button';
    change.addEventListener('click', () => edit(d));
    const remove = H.el('button', 'remove', '删除');
    remove.type = 'button';
    remove.addEventListener('click', async () => {
      if (!remove.classList.contains('confirm')) {
        remove.classList.add('confirm');
        remove.textContent = '确认删除';
        return;
      }
      try {
        await H.api('DELETE', '/api/admin/service-calendar/' + encodeURIComponent(d.date));
        told('已删除 ' + d.date + ' ' + d.name);
        await load();
      } catch (e) {
        fail(e);
      }
    });
    actions.append(change, remove);
    tr.append(H.el('td', 'date', d.date), H.el('td', 'weekday', WEEKDAY[new Date(Date.UTC(y, m - 1, day)).getUTCDay()]),
      H.el('td', 'kind', KIND[d.kind] || d.kind), H.el('td', 'name', d.name), H.el('td', 'hours', hours(d)), actions);
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
      fail(new Error('请选择日期'));
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
      told('已保存 ' + d.date + ' ' + KIND[d.kind] + ' ' + d.name);
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
    loadWeek().catch(weekFail);
    load().catch(fail);
  });
})();
