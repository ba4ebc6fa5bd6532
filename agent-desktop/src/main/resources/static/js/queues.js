// Queues for administrators: each queue's name on the pages, service level and wrap-up, who serves it at which
// penalty beside what the PBX reports, and the pause reasons per queue. Server text goes through textContent only.
(function () {
  'use strict';
  const H = window.Hotline;
  const $ = id => document.getElementById(id);
  const t = H.t;
  // lists in the page's language: 甲，乙 or a, b
  const sep = () => (H.i18n.lang() === 'en' ? ', ' : '，');
  H.i18n.add({
    'zh-CN': {
      'q.failed': '操作失败：{m}', 'q.default': '默认', 'q.onBigScreen': '在大屏上显示', 'q.unknown': '未知',
      'q.configured': '已配置', 'q.notOnPbx': '交换机上没有', 'q.save': '保存', 'q.members': '坐席',
      'q.pbxOnly': '交换机上有、未配置', 'q.loggedOut': '未签入', 'q.paused': '已签入（置忙）', 'q.loggedIn': '已签入',
      'q.synced': '已同步到交换机', 'q.nextLogin': '下次签入时生效', 'q.edit': '修改', 'q.all': '全部', 'q.enabled': '启用',
      'q.disabled': '已停用', 'q.defaults': '事后处理 {w} 秒，可延长 {e} 秒',
      'q.pbxUnknown': '尚未取得交换机的队列列表（未连接或尚未同步），无法核对。',
      'q.missing': '交换机上没有这些队列：{q}（请在 queues.conf 中添加并重载）。', 'q.extra': '交换机上有、本系统未登记的队列：{q}。',
      'q.title': '队列', 'q.note': '队列名须与交换机 queues.conf 中的段名一致。事后处理与延长时长留空则用系统默认（{d}）；填 0 表示该队列的坐席挂机后立即可接下一通，延长填 0 表示不可延长。保存后下一通电话即按新设置。',
      'q.col.name': '队列名', 'q.col.display': '显示名称', 'q.col.level': '服务水平（秒）', 'q.col.wrap': '事后处理（秒）',
      'q.col.ext': '可延长（秒）', 'q.col.big': '大屏显示', 'q.col.pbx': '交换机', 'q.col.signedIn': '已签入坐席',
      'q.new': '新队列名', 'q.create': '新建队列', 'q.membersTitle': '坐席与技能：',
      'q.membersNote': '优先级（交换机的惩罚值）即技能等级：0 最先接听，数值越大越靠后，前面的坐席都忙时才振铃。签入中的坐席改动立即同步到交换机，其余在下次签入时生效。坐席所属队列在“用户管理”中设置。',
      'q.col.agent': '坐席', 'q.col.agentName': '姓名', 'q.col.penalty': '优先级', 'q.col.pbxPenalty': '交换机上的优先级',
      'q.col.state': '状态', 'q.reasons': '置忙原因',
      'q.reasonsNote': '坐席置忙时从这里选择原因；不填适用队列则所有队列的坐席都可选。停用的原因不再出现在菜单中，历史记录保留其名称。',
      'q.col.code': '代码', 'q.col.zh': '中文名称', 'q.col.en': '英文名称', 'q.col.queues': '适用队列', 'q.col.position': '顺序',
      'q.saveReason': '保存原因', 'q.nameHint': '字母、数字、_ . -', 'q.nameEg': '如 water', 'q.displayEg': '如 供水服务热线',
      'q.codeHint': '小写字母、数字、-', 'q.codeEg': '如 coaching', 'q.zhEg': '如 辅导', 'q.enEg': '如 Coaching',
      'q.queuesHint': '留空为全部，多个用逗号分隔'
    },
    en: {
      'q.failed': 'Failed: {m}', 'q.default': 'default', 'q.onBigScreen': 'Shown on the big screen', 'q.unknown': 'unknown',
      'q.configured': 'configured', 'q.notOnPbx': 'not on the PBX', 'q.save': 'Save', 'q.members': 'Agents',
      'q.pbxOnly': 'on the PBX, not configured', 'q.loggedOut': 'Logged out', 'q.paused': 'Logged in (paused)',
      'q.loggedIn': 'Logged in', 'q.synced': 'sent to the PBX', 'q.nextLogin': 'applies at the next log-in', 'q.edit': 'Edit',
      'q.all': 'all', 'q.enabled': 'enabled', 'q.disabled': 'disabled', 'q.defaults': 'wrap-up {w} s, extension {e} s',
      'q.pbxUnknown': 'The PBX has not listed its queues yet (not connected or not synchronised): nothing to check against.',
      'q.missing': 'Queues the PBX lacks: {q} (add them to queues.conf and reload).', 'q.extra': 'Queues on the PBX that Hotline does not know: {q}.',
      'q.title': 'Queues', 'q.note': 'A queue name must match its section in the PBX\'s queues.conf. Empty wrap-up fields take the defaults ({d}); 0 makes the queue\'s agents ready at once after a call, an extension of 0 means none. Saved settings apply from the next call.',
      'q.col.name': 'Queue', 'q.col.display': 'Display name', 'q.col.level': 'Service level (s)', 'q.col.wrap': 'Wrap-up (s)',
      'q.col.ext': 'Extension (s)', 'q.col.big': 'Big screen', 'q.col.pbx': 'PBX', 'q.col.signedIn': 'Logged-in agents',
      'q.new': 'New queue name', 'q.create': 'Create queue', 'q.membersTitle': 'Agents and skills: ',
      'q.membersNote': 'The priority (the PBX\'s penalty) is the skill level: 0 rings first, higher numbers only when the ones before are busy. Changes for logged-in agents go to the PBX at once, others at their next log-in. Agents\' queues are set on the Users page.',
      'q.col.agent': 'Agent', 'q.col.agentName': 'Name', 'q.col.penalty': 'Priority', 'q.col.pbxPenalty': 'Priority on the PBX',
      'q.col.state': 'State', 'q.reasons': 'Pause reasons',
      'q.reasonsNote': 'Agents pick a pause reason from this list; without queues a reason is there for every queue. Disabled reasons leave the menu but keep their name in history.',
      'q.col.code': 'Code', 'q.col.zh': 'Chinese name', 'q.col.en': 'English name', 'q.col.queues': 'Queues', 'q.col.position': 'Order',
      'q.saveReason': 'Save reason', 'q.nameHint': 'letters, digits, _ . -', 'q.nameEg': 'e.g. water',
      'q.displayEg': 'e.g. Water service hotline', 'q.codeHint': 'lower-case letters, digits, -', 'q.codeEg': 'e.g. coaching',
      'q.zhEg': '如 辅导', 'q.enEg': 'e.g. Coaching', 'q.queuesHint': 'empty for all, several separated by commas'
    }
  });
  let data = null;
  let shown = null; // the queue whose members are listed
  let lastReasons = [];

  function fail(e) {
    $('error').textContent = t('q.failed', {m: e.message});
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
    const wrap = input('wrap', q.wrapUpSeconds, {min: 0, max: 3600, placeholder: t('q.default')});
    const ext = input('ext', q.wrapUpExtensionSeconds, {min: 0, max: 3600, placeholder: t('q.default')});
    // a load-test or back-office queue stays off the wall (issue #16)
    const onBigScreen = H.el('input', 'big-screen');
    onBigScreen.type = 'checkbox';
    onBigScreen.checked = !q.hiddenFromBigScreen;
    onBigScreen.title = t('q.onBigScreen');
    const pbx = q.onPbx === null ? t('q.unknown') : q.onPbx ? t('q.configured') : t('q.notOnPbx');
    const signedIn = q.members.filter(m => m.signedIn).length;
    const save = H.el('button', 'save', t('q.save'));
    save.type = 'button';
    save.addEventListener('click', () => H.api('PUT', '/api/admin/queues/' + encodeURIComponent(q.name), {
      displayName: display.value.trim(), serviceLevelSeconds: number(level.value), wrapUpSeconds: number(wrap.value),
      wrapUpExtensionSeconds: number(ext.value), hiddenFromBigScreen: !onBigScreen.checked}).then(load).catch(fail));
    const members = H.el('button', 'members', t('q.members'));
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
    const state = m.username === null || m.penalty === null ? t('q.pbxOnly')
      : !m.signedIn ? t('q.loggedOut') : m.paused ? t('q.paused') : t('q.loggedIn');
    const actions = H.el('td', 'actions');
    const penaltyCell = H.el('td', 'penalty');
    if (m.penalty !== null && m.username) {
      penaltyCell.append(penalty);
      const save = H.el('button', 'save', t('q.save'));
      save.type = 'button';
      save.addEventListener('click', () => H.api('PUT', '/api/admin/queues/' + encodeURIComponent(shown)
        + '/members/' + encodeURIComponent(m.username), {penalty: number(penalty.value)}).then(r => {
        $('error').hidden = true;
        return load().then(() => {
          const note = r.appliedOnPbx ? t('q.synced') : t('q.nextLogin');
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
    const edit = H.el('button', 'edit', t('q.edit'));
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
    // each label in its own language, whatever the page's
    const zhCell = H.el('td', 'zh', r.zh);
    zhCell.lang = 'zh-CN';
    const enCell = H.el('td', 'en', r.en);
    enCell.lang = 'en';
    tr.append(H.el('td', 'code', r.code), zhCell, enCell,
      H.el('td', 'queues', r.queues.length ? r.queues.join(sep()) : t('q.all')), H.el('td', 'position', String(r.position)),
      H.el('td', 'state', r.enabled ? t('q.enabled') : t('q.disabled')), actions);
    return tr;
  }

  function render() {
    $('queue-note').textContent = t('q.note', {d: t('q.defaults', {w: data.defaultWrapUpSeconds,
      e: data.defaultWrapUpExtensionSeconds})});
    $('queues').tBodies[0].replaceChildren(...data.queues.map(queueRow));
    const missing = data.queues.filter(q => q.onPbx === false).map(q => q.name);
    const warnings = [];
    if (!data.pbxKnown) warnings.push(t('q.pbxUnknown'));
    if (missing.length) warnings.push(t('q.missing', {q: missing.join(sep())}));
    if (data.pbxOnly.length) warnings.push(t('q.extra', {q: data.pbxOnly.join(sep())}));
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
    lastReasons = reasons;
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
    // the one switch (desk.js): what this script drew is drawn again in the other language
    H.on('lang', () => {
      if (data) render();
      $('reasons').tBodies[0].replaceChildren(...lastReasons.map(reasonRow));
    });
    load().catch(fail);
  });
})();
