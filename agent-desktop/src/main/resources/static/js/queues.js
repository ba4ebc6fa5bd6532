// Queues for administrators: each queue's name on the pages, service level and wrap-up, who serves it at which
// penalty beside what the PBX reports, and the pause reasons per queue. Server text goes through textContent only.
(function () {
  'use strict';
  const H = window.Hotline;
  const $ = id => document.getElementById(id);
  let data = null;
  let shown = null; // the queue whose members are listed

  function fail(e) {
    $('error').textContent = '操作失败：' + e.message;
    $('error').hidden = false;
  }

  function number(value) {
    const v = String(value).trim();
    return v === '' ? null : Number(v);
  }

  function input(cls, value, attrs) {
    const i = H.el('input', cls);
    i.type = 'number';
    Object.assign(i, attrs || {});
    i.value = value === null || value === undefined ? '' : String(value);
    return i;
  }

  function queueRow(q) {
    const tr = H.el('tr', 'queue');
    tr.dataset.queue = q.name;
    const display = H.el('input', 'display');
    display.value = q.displayName;
    display.maxLength = 50;
    const level = input('level', q.serviceLevelSeconds, {min: 1, max: 3600});
    const wrap = input('wrap', q.wrapUpSeconds, {min: 0, max: 3600, placeholder: '默认'});
    const ext = input('ext', q.wrapUpExtensionSeconds, {min: 0, max: 3600, placeholder: '默认'});
    // a load-test or back-office queue stays off the wall (issue #16)
    const onBigScreen = H.el('input', 'big-screen');
    onBigScreen.type = 'checkbox';
    onBigScreen.checked = !q.hiddenFromBigScreen;
    onBigScreen.title = '在大屏上显示';
    const pbx = q.onPbx === null ? '未知' : q.onPbx ? '已配置' : '交换机上没有';
    const signedIn = q.members.filter(m => m.signedIn).length;
    const save = H.el('button', 'save', '保存');
    save.type = 'button';
    save.addEventListener('click', () => H.api('PUT', '/api/admin/queues/' + encodeURIComponent(q.name), {
      displayName: display.value.trim(), serviceLevelSeconds: number(level.value), wrapUpSeconds: number(wrap.value),
      wrapUpExtensionSeconds: number(ext.value), hiddenFromBigScreen: !onBigScreen.checked}).then(load).catch(fail));
    const members = H.el('button', 'members', '坐席');
    members.type = 'button';
    members.addEventListener('click', () => { shown = q.name; render(); });
    const actions = H.el('td', 'actions');
    actions.append(save, members);
    const cells = [H.el('td', 'name', q.name)];
    for (const [cls, control] of [['display', display], ['level', level], ['wrap', wrap], ['ext', ext],
      ['big-screen', onBigScreen]]) {
      const td = H.el('td', cls);
      td.append(control);
      cells.push(td);
    }
    tr.append(...cells, H.el('td', 'pbx' + (q.onPbx === false ? ' warn' : ''), pbx),
      H.el('td', 'signed-in', signedIn + ' / ' + q.members.length), actions);
    return tr;
  }

  function memberRow(m) {
    const tr = H.el('tr', 'member');
    tr.dataset.user = m.username || '';
    const penalty = input('penalty', m.penalty, {min: 0, max: 100});
    const differs = m.signedIn && m.penalty !== null && m.pbxPenalty !== m.penalty;
    const state = m.username === null || m.penalty === null ? '交换机上有、未配置'
      : !m.signedIn ? '未签入' : m.paused ? '已签入（置忙）' : '已签入';
    const actions = H.el('td', 'actions');
    const penaltyCell = H.el('td', 'penalty');
    if (m.penalty !== null && m.username) {
      penaltyCell.append(penalty);
      const save = H.el('button', 'save', '保存');
      save.type = 'button';
      save.addEventListener('click', () => H.api('PUT', '/api/admin/queues/' + encodeURIComponent(shown)
        + '/members/' + encodeURIComponent(m.username), {penalty: number(penalty.value)}).then(r => {
        $('error').hidden = true;
        return load().then(() => {
          const note = r.appliedOnPbx ? '已同步到交换机' : '下次签入时生效';
          const row = document.querySelector('#members tr.member[data-user="' + CSS.escape(m.username) + '"] td.state');
          if (row) row.textContent += '（' + note + '）';
        });
      }).catch(fail));
      actions.append(save);
    } else {
      penaltyCell.textContent = '—';
    }
    tr.append(H.el('td', 'username', m.username || m.pbxInterface), H.el('td', 'name', m.displayName || ''),
      penaltyCell, H.el('td', 'pbx-penalty' + (differs ? ' warn' : ''), m.pbxPenalty === null ? '—' : String(m.pbxPenalty)),
      H.el('td', 'state', state), actions);
    return tr;
  }

  function reasonRow(r) {
    const tr = H.el('tr', 'reason' + (r.enabled ? '' : ' disabled'));
    tr.dataset.code = r.code;
    const edit = H.el('button', 'edit', '修改');
    edit.type = 'button';
    edit.addEventListener('click', () => {
      $('r-code').value = r.code;
      $('r-zh').value = r.zh;
      $('r-en').value = r.en;
      $('r-queues').value = r.queues.join(',');
      $('r-position').value = String(r.position);
      $('r-enabled').checked = r.enabled;
      $('r-zh').focus();
    });
    const actions = H.el('td', 'actions');
    actions.append(edit);
    tr.append(H.el('td', 'code', r.code), H.el('td', 'zh', r.zh), H.el('td', 'en', r.en),
      H.el('td', 'queues', r.queues.length ? r.queues.join('，') : '全部'), H.el('td', 'position', String(r.position)),
      H.el('td', 'state', r.enabled ? '启用' : '已停用'), actions);
    return tr;
  }

  function render() {
    $('defaults').textContent = '事后处理 ' + data.defaultWrapUpSeconds + ' 秒，可延长 '
      + data.defaultWrapUpExtensionSeconds + ' 秒';
    $('queues').tBodies[0].replaceChildren(...data.queues.map(queueRow));
    const missing = data.queues.filter(q => q.onPbx === false).map(q => q.name);
    const warnings = [];
    if (!data.pbxKnown) warnings.push('尚未取得交换机的队列列表（未连接或尚未同步），无法核对。');
    if (missing.length) warnings.push('交换机上没有这些队列：' + missing.join('，') + '（请在 queues.conf 中添加并重载）。');
    if (data.pbxOnly.length) warnings.push('交换机上有、本系统未登记的队列：' + data.pbxOnly.join('，') + '。');
    $('pbx-warning').textContent = warnings.join(' ');
    $('pbx-warning').hidden = warnings.length === 0;
    const q = data.queues.find(x => x.name === shown);
    $('members-box').hidden = !q;
    if (q) {
      $('m-queue').textContent = q.displayName + '（' + q.name + '）';
      $('members').tBodies[0].replaceChildren(...q.members.map(memberRow));
    }
  }

  async function load() {
    const [queues, reasons] = await Promise.all([H.api('GET', '/api/admin/queues'),
      H.api('GET', '/api/admin/pause-reasons')]);
    data = queues;
    render();
    $('reasons').tBodies[0].replaceChildren(...reasons.map(reasonRow));
    document.body.dataset.loaded = String(Date.now());
  }

  document.addEventListener('DOMContentLoaded', () => {
    H.csrf().then(tk => { $('logout-csrf').value = tk.token; }).catch(() => {});
    $('create').addEventListener('submit', e => {
      e.preventDefault();
      $('error').hidden = true;
      H.api('POST', '/api/admin/queues', {name: $('c-name').value.trim(), displayName: $('c-display').value.trim(),
        serviceLevelSeconds: number($('c-level').value)}).then(() => { $('create').reset(); return load(); })
        .catch(fail);
    });
    $('reason-form').addEventListener('submit', e => {
      e.preventDefault();
      $('error').hidden = true;
      H.api('PUT', '/api/admin/pause-reasons/' + encodeURIComponent($('r-code').value.trim()), {
        zh: $('r-zh').value.trim(), en: $('r-en').value.trim(),
        queues: $('r-queues').value.split(/[,，\s]+/).filter(Boolean), position: number($('r-position').value),
        enabled: $('r-enabled').checked}).then(() => { $('reason-form').reset(); return load(); }).catch(fail);
    });
    load().catch(fail);
  });
})();
