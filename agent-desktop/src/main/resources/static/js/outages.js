// Outage management (issue #4, SUPERVISOR/ADMIN): current, planned and recent outages; declare, extend, restore
// early; for ADMIN the network CSV import and line/area edits (hidden for others, the server enforces it anyway).
(function () {
  'use strict';
  const el = Hotline.el;
  const O = () => Hotline.outage;
  const $ = (id) => document.getElementById(id);
  const STATES = ['current', 'planned', 'recent'];

  Hotline.i18n.add({
    'zh-CN': {
      'outages.title': '停电管理', 'outages.toBoard': '停电大屏', 'outages.toWorkOrderAdmin': '工单管理', 'outages.toUsers': '用户管理', 'outages.toImport': '客户导入', 'outages.toAudit': '档案查阅审计', 'outages.toServiceCalendar': '服务日历', 'outages.toQueues': '队列管理', 'lines.toLookup': '台区查询', 'nav.logout': '退出',
      'outages.declare': '发布停电', 'outages.current': '当前停电', 'outages.planned': '计划停电', 'outages.recent': '最近恢复',
      'outages.f.kind': '类型', 'outages.f.scope': '范围', 'outages.scope.line': '整条线路', 'outages.scope.area': '单个台区',
      'outages.f.code': '线路/台区编号', 'outages.f.codeHint': '编号或拼音首字母', 'outages.f.reason': '原因',
      'outages.f.start': '开始', 'outages.f.end': '预计恢复',
      'outages.err.code': '请填写线路或台区编号', 'outages.err.reason': '请填写原因（500 字以内）',
      'outages.err.start': '请填写开始时间', 'outages.err.end': '预计恢复时间必须晚于开始时间',
      'outages.err.past': '预计恢复时间已经过去', 'outages.declared': '已发布 {no}，影响 {n} 户',
      'outages.none': '无', 'outages.loadFailed': '加载失败：{m}',
      'outages.col.no': '编号', 'outages.col.kind': '类型', 'outages.col.where': '线路 / 台区', 'outages.col.reason': '原因',
      'outages.col.start': '开始', 'outages.col.end': '预计恢复', 'outages.col.customers': '影响户数',
      'outages.col.state': '状态', 'outages.col.actions': '操作',
      'outages.extend': '延长', 'outages.restore': '提前恢复', 'outages.restoreSure': '确认恢复送电？',
      'outages.restoredBy': '{by} 于 {at} 恢复', 'outages.auto': '到期自动恢复',
      'outages.import': '导入供电网络 (CSV)', 'outages.i.target': '内容', 'outages.i.network': '变电站、线路、台区',
      'outages.i.areas': '台区', 'outages.i.file': '文件', 'outages.i.go': '导入', 'outages.i.noFile': '请选择 CSV 文件',
      'outages.i.line': '行', 'outages.i.column': '列', 'outages.i.message': '错误',
      'outages.i.done': '已导入：变电站 {substations}，线路 {lines}，台区 {areas}', 'outages.i.failed': '导入失败，未导入任何数据：{m}',
      'outages.edit': '修改线路/台区', 'outages.e.area': '台区', 'outages.e.line': '线路', 'outages.e.load': '读取',
      'outages.e.name': '名称', 'outages.e.centre': '抢修中心编号', 'outages.e.person': '责任人', 'outages.e.phone': '责任人电话',
      'outages.e.save': '保存', 'outages.e.saved': '已保存 {code}', 'outages.e.notFound': '没有找到 {code}'
    },
    en: {
      'outages.title': 'Outages', 'outages.toBoard': 'Outage board', 'outages.toWorkOrderAdmin': 'Work-order admin', 'outages.toUsers': 'Users', 'outages.toImport': 'Customer import', 'outages.toAudit': 'Card-read audit', 'outages.toServiceCalendar': 'Service calendar', 'outages.toQueues': 'Queues', 'lines.toLookup': 'Area lookup', 'nav.logout': 'Sign out',
      'outages.declare': 'Declare outage', 'outages.current': 'Current outages', 'outages.planned': 'Planned outages',
      'outages.recent': 'Recently restored', 'outages.f.kind': 'Kind', 'outages.f.scope': 'Scope',
      'outages.scope.line': 'Whole line', 'outages.scope.area': 'One transformer area', 'outages.f.code': 'Line/area code',
      'outages.f.codeHint': 'Code or pinyin initials', 'outages.f.reason': 'Reason', 'outages.f.start': 'Starts',
      'outages.f.end': 'Expected end', 'outages.err.code': 'Enter a line or area code',
      'outages.err.reason': 'Enter a reason (at most 500 characters)', 'outages.err.start': 'Enter the start',
      'outages.err.end': 'The expected end must be after the start', 'outages.err.past': 'The expected end has passed',
      'outages.declared': 'Declared {no}, {n} customers affected', 'outages.none': 'None',
      'outages.loadFailed': 'Could not load: {m}', 'outages.col.no': 'No.', 'outages.col.kind': 'Kind',
      'outages.col.where': 'Line / area', 'outages.col.reason': 'Reason', 'outages.col.start': 'Starts',
      'outages.col.end': 'Expected end', 'outages.col.customers': 'Customers', 'outages.col.state': 'State',
      'outages.col.actions': 'Actions', 'outages.extend': 'Extend', 'outages.restore': 'Restore now',
      'outages.restoreSure': 'Confirm restore?', 'outages.restoredBy': 'restored by {by} at {at}',
      'outages.auto': 'restored automatically at expected end',
      'outages.import': 'Network import (CSV)', 'outages.i.target': 'Content',
      'outages.i.network': 'Substations, lines, areas', 'outages.i.areas': 'Transformer areas', 'outages.i.file': 'File',
      'outages.i.go': 'Import', 'outages.i.noFile': 'Choose a CSV file', 'outages.i.line': 'Line',
      'outages.i.column': 'Column', 'outages.i.message': 'Error',
      'outages.i.done': 'Imported: {substations} substations, {lines} lines, {areas} areas',
      'outages.i.failed': 'Import failed, nothing was imported: {m}', 'outages.edit': 'Edit a line or area',
      'outages.e.area': 'Area', 'outages.e.line': 'Line', 'outages.e.load': 'Load', 'outages.e.name': 'Name',
      'outages.e.centre': 'Repair centre code', 'outages.e.person': 'Responsible person',
      'outages.e.phone': 'Responsible phone', 'outages.e.save': 'Save', 'outages.e.saved': 'Saved {code}',
      'outages.e.notFound': 'No {code} found'
    }
  });

  const lists = {};

  function say(target, cls, text) {
    target.className = cls;
    target.textContent = text;
  }

  function where(o) {
    return [o.lineCode, o.lineName].filter(Boolean).join(' ')
      + (o.areaCode ? ' / ' + [o.areaCode, o.areaName].filter(Boolean).join(' ') : '');
  }

  function stateText(o) {
    const s = O().state(o);
    if (s !== 'restored') return Hotline.t('outage.state.' + s);
    return o.restoreKind === 'auto' ? Hotline.t('outages.auto')
      : Hotline.t('outages.restoredBy', {by: o.restoredBy || '', at: O().time(o.restoredAt)});
  }

  function actions(o) {
    const td = el('td', 'actions');
    if (o.restoredAt) return td;
    const end = td.appendChild(el('input', 'extend-to'));
    end.type = 'datetime-local';
    end.value = O().localInput(new Date(new Date(o.expectedEndAt).getTime() + 3600000));
    const extend = td.appendChild(el('button', 'small extend', Hotline.t('outages.extend')));
    extend.type = 'button';
    const restore = td.appendChild(el('button', 'small danger restore', Hotline.t('outages.restore')));
    restore.type = 'button';
    const result = td.appendChild(el('div', 'action-result'));
    extend.addEventListener('click', () => act(result, extend, 'extend', {expectedEndAt: O().instant(end.value)},
      () => new Date(end.value) > new Date(o.expectedEndAt) ? null : Hotline.t('outages.err.end')));
    // a second click confirms: restoring tells the IVR and the agents the power is back
    let armed = null;
    restore.addEventListener('click', () => {
      if (!armed) {
        restore.textContent = Hotline.t('outages.restoreSure');
        armed = setTimeout(() => { armed = null; restore.textContent = Hotline.t('outages.restore'); }, 5000);
        return;
      }
      clearTimeout(armed);
      armed = null;
      act(result, restore, 'restore', undefined, () => null);
    });

    async function act(resultBox, button, verb, body, check) {
      const problem = check();
      if (problem) return say(resultBox, 'action-result error', problem);
      button.disabled = true;
      try {
        await Hotline.api('POST', '/api/outages/' + encodeURIComponent(o.id) + '/' + verb, body);
        await refresh();
      } catch (e) {
        say(resultBox, 'action-result error', e.message);
        button.disabled = false;
      }
    }
    return td;
  }

  function table(outages) {
    if (!outages.length) return el('p', 'note', Hotline.t('outages.none'));
    const t = el('table', 'outages');
    const head = t.appendChild(el('thead')).appendChild(el('tr'));
    for (const k of ['no', 'kind', 'where', 'reason', 'start', 'end', 'customers', 'state', 'actions']) {
      head.appendChild(el('th', null, Hotline.t('outages.col.' + k)));
    }
    const body = t.appendChild(el('tbody'));
    for (const o of outages) {
      const tr = body.appendChild(el('tr', 'outage ' + O().state(o)));
      tr.dataset.outageId = o.id;
      tr.dataset.outageNo = o.outageNo;
      tr.append(el('td', 'outage-no', o.outageNo), el('td', 'kind', Hotline.t('outage.kind.' + o.kind)),
        el('td', 'where', where(o)), el('td', 'reason', o.reason), el('td', 'starts', O().time(o.startsAt)),
        el('td', 'ends', O().time(o.expectedEndAt)), el('td', 'customers', o.customersAffected),
        el('td', 'state', stateText(o)), actions(o));
    }
    return t;
  }

  function render() {
    for (const s of STATES) {
      const box = $(s).querySelector('.list');
      if (lists[s] instanceof Error) box.replaceChildren(el('p', 'error', Hotline.t('outages.loadFailed', {m: lists[s].message})));
      else if (lists[s]) box.replaceChildren(table(lists[s]));
    }
  }

  async function refresh() {
    await Promise.all(STATES.map(s => Hotline.api('GET', '/api/outages?state=' + s)
      .then(r => { lists[s] = r || []; }, e => { lists[s] = e; })));
    render();
  }

  // Suggestions for the code box from the same lookup the agents use (codes or pinyin initials).
  function codeSuggestions() {
    const input = $('d-code');
    const options = $('d-code-options');
    let timer = null;
    let asked = 0;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const q = input.value.trim();
        const mine = ++asked;
        if (!q) return options.replaceChildren();
        try {
          const found = await Hotline.api('GET', '/api/lookup?q=' + encodeURIComponent(q) + '&limit=10');
          if (mine !== asked) return;
          const want = $('d-scope').value;
          options.replaceChildren(...found.filter(r => r.type === want).map(r => {
            const opt = el('option');
            opt.value = r.code;
            opt.label = [r.name, r.lineName && r.type === 'area' ? '(' + r.lineName + ')' : null].filter(Boolean).join(' ');
            return opt;
          }));
        } catch (e) {
          options.replaceChildren(); // the suggestions are a convenience; the declare call reports real errors
        }
      }, 200);
    });
  }

  function declareProblem(f) {
    if (!f.code) return 'outages.err.code';
    if (!f.reason || f.reason.length > 500) return 'outages.err.reason';
    if (!f.startsAt) return 'outages.err.start';
    if (!f.expectedEndAt || new Date(f.expectedEndAt) <= new Date(f.startsAt)) return 'outages.err.end';
    if (new Date(f.expectedEndAt) <= new Date()) return 'outages.err.past';
    return null;
  }

  async function declare(e) {
    e.preventDefault();
    const result = $('declare-result');
    const f = {kind: $('d-kind').value, code: $('d-code').value.trim(), reason: $('d-reason').value.trim(),
      startsAt: O().instant($('d-start').value), expectedEndAt: O().instant($('d-end').value)};
    const problem = declareProblem(f);
    if (problem) return say(result, 'error', Hotline.t(problem));
    const body = {kind: f.kind, reason: f.reason, startsAt: f.startsAt, expectedEndAt: f.expectedEndAt};
    body[$('d-scope').value === 'area' ? 'areaCode' : 'lineCode'] = f.code;
    const button = $('declare-button');
    button.disabled = true;
    try {
      const o = await Hotline.api('POST', '/api/outages', body);
      say(result, 'ok', Hotline.t('outages.declared', {no: o.outageNo, n: o.customersAffected}));
      $('d-code').value = '';
      $('d-reason').value = '';
      await refresh();
    } catch (err) {
      say(result, 'error', err.message);
    } finally {
      button.disabled = false;
    }
  }

  async function importCsv(e) {
    e.preventDefault();
    const result = $('import-result');
    const errors = $('import-errors');
    errors.hidden = true;
    const file = $('i-file').files[0];
    if (!file) return say(result, 'error', Hotline.t('outages.i.noFile'));
    const button = $('import-button');
    button.disabled = true;
    try {
      const tk = await Hotline.csrf();
      const r = await fetch($('i-target').value, {method: 'POST', credentials: 'same-origin',
        headers: {'Content-Type': 'text/csv; charset=utf-8', Accept: 'application/json', [tk.headerName]: tk.token},
        body: await file.text()});
      const text = await r.text();
      let data = null;
      try { data = text ? JSON.parse(text) : null; } catch (ignored) { data = null; }
      if (r.ok) {
        const n = (data && data.imported) || {};
        say(result, 'ok', Hotline.t('outages.i.done',
          {substations: n.substations || 0, lines: n.lines || 0, areas: n.areas || 0}));
      } else {
        say(result, 'error', Hotline.t('outages.i.failed', {m: (data && data.message) || r.status}));
        const rows = (data && data.errors) || [];
        errors.querySelector('tbody').replaceChildren(...rows.map(x => {
          const tr = el('tr', 'import-error');
          tr.append(el('td', 'line', x.line), el('td', 'column', x.column), el('td', 'message', x.message));
          return tr;
        }));
        errors.hidden = rows.length === 0;
      }
    } catch (err) {
      say(result, 'error', Hotline.t('outages.i.failed', {m: err.message}));
    } finally {
      button.disabled = false;
    }
  }

  async function loadForEdit() {
    const code = $('e-code').value.trim();
    const want = $('e-target').value === 'lines' ? 'line' : 'area';
    const result = $('edit-result');
    if (!code) return;
    try {
      const found = (await Hotline.api('GET', '/api/lookup?q=' + encodeURIComponent(code) + '&limit=20'))
        .find(r => r.type === want && r.code === code);
      if (!found) return say(result, 'error', Hotline.t('outages.e.notFound', {code}));
      $('e-name').value = found.name || '';
      $('e-centre').value = (found.repairCentre && found.repairCentre.code) || '';
      $('e-person').value = found.responsiblePerson || '';
      $('e-phone').value = found.responsiblePhone || '';
      say(result, '', '');
    } catch (err) {
      say(result, 'error', err.message);
    }
  }

  async function saveEdit(e) {
    e.preventDefault();
    const code = $('e-code').value.trim();
    const result = $('edit-result');
    if (!code) return say(result, 'error', Hotline.t('outages.err.code'));
    const body = {name: $('e-name').value.trim() || null, repairCentreCode: $('e-centre').value.trim() || null,
      responsiblePerson: $('e-person').value.trim() || null, responsiblePhone: $('e-phone').value.trim() || null};
    try {
      await Hotline.api('PUT', '/api/network/' + $('e-target').value + '/' + encodeURIComponent(code), body);
      say(result, 'ok', Hotline.t('outages.e.saved', {code}));
    } catch (err) {
      say(result, 'error', err.message);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    Hotline.csrf().then(tk => { $('logout-csrf').value = tk.token; });
    const now = new Date();
    now.setSeconds(0, 0);
    $('d-start').value = O().localInput(now);
    $('d-end').value = O().localInput(new Date(now.getTime() + 4 * 3600000));
    $('declare-form').addEventListener('submit', declare);
    $('import-form').addEventListener('submit', importCsv);
    $('edit-form').addEventListener('submit', saveEdit);
    $('e-load').addEventListener('click', loadForEdit);
    codeSuggestions();
    Hotline.on('lang', render);
    // only an administrator sees the network tools; the server refuses everyone else regardless
    Hotline.api('GET', '/api/me').then(me => {
      const admin = me && me.role === 'ADMIN';
      document.querySelectorAll('.admin-only').forEach(s => { s.hidden = !admin; });
    }, () => {});
    refresh();
  });
})();
