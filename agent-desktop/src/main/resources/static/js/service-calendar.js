// The service calendar for administrators: a year's exception days (holidays, make-up working days, special hours),
// set one (added or changed) or remove one (a second click confirms). Server text goes through textContent (Hotline.el).
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
    load().catch(fail);
  });
})();
