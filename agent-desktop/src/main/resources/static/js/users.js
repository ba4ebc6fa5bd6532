// Users for administrators: create one (a one-time password shown once), change one (a crew member's account also
// gets its crew), hand out a new one-time password, disable (the user's sessions end) or enable. Everything from the server goes through textContent (Hotline.el).
(function () {
  'use strict';
  const H = window.Hotline;
  const $ = id => document.getElementById(id);
  const t = H.t;
  // lists in the page's language: 甲，乙 or a, b
  const sep = () => (H.i18n.lang() === 'en' ? ', ' : '，');
  // the roles in the order of docs/adr/0024, with the words the floor uses (the shared dictionaries' role.*)
  const ROLES = ['AGENT', 'TEAM_LEAD', 'SUPERVISOR', 'DISPATCHER', 'CREW', 'ADMIN'];
  H.i18n.add({
    'zh-CN': {
      'u.failed': '操作失败：{m}', 'u.reset': '重置密码', 'u.newPassword': '{u} 的新一次性密码（其已登录的会话已结束）：',
      'u.disable': '停用', 'u.enable': '启用', 'u.edit': '修改', 'u.disabled': '已停用', 'u.mustChange': '待首次改密',
      'u.ok': '正常', 'u.notSignedIn': '未签入', 'u.noCrew': '未指定', 'u.none': '无', 'u.teams': '已有：{t}',
      'u.noTeams': '尚无班组', 'u.pick': '请选择', 'u.created': '已创建 {u}，一次性密码：',
      'u.new': '新建用户', 'u.username': '用户名', 'u.name': '姓名', 'u.role': '角色', 'u.ext': '分机', 'u.queues': '队列',
      'u.crew': '抢修小组', 'u.team': '班组', 'u.create': '创建',
      'u.secretNote': '一次性密码只显示这一次；用户首次登录时必须修改。', 'u.secretClose': '已转交，关闭',
      'u.editTitle': '修改用户', 'u.save': '保存', 'u.cancel': '取消',
      'u.editNote': '改角色或分机后，该用户已登录的会话会结束，需重新登录；队列的改动在其下次签入队列时生效。',
      'u.rolesNote': '组长接听电话，并可查看大屏、管理本队列坐席和回拨；调度员只处理工单，抢修人员登录后进入抢修小组页面，二者不设分机和队列。',
      'u.teamsTitle': '班组', 'u.teamsNote': '组长管理本班组的坐席，以及与其同队列的坐席（就绪、置忙、签出、回拨）。',
      'u.newTeam': '新班组', 'u.createTeam': '新建班组', 'u.users': '用户', 'u.iface': '分机接口', 'u.pbxQueues': '交换机上已签入',
      'u.state': '状态', 'u.sessions': '在线会话', 'u.usernameEg': '如 agent1005', 'u.extHint': '2 到 8 位数字',
      'u.extEg': '坐席填写，如 1005', 'u.queuesEg': '多个用逗号分隔，如 hotline,gas', 'u.queuesHint': '多个用逗号分隔',
      'u.teamEg': '如 供电一班'
    },
    en: {
      'u.failed': 'Failed: {m}', 'u.reset': 'Reset password', 'u.newPassword': 'New one-time password of {u} (their sessions have ended):',
      'u.disable': 'Disable', 'u.enable': 'Enable', 'u.edit': 'Edit', 'u.disabled': 'Disabled', 'u.mustChange': 'Must change password',
      'u.ok': 'Active', 'u.notSignedIn': 'Logged out', 'u.noCrew': 'none yet', 'u.none': 'None', 'u.teams': 'Teams: {t}',
      'u.noTeams': 'No teams yet', 'u.pick': 'Choose', 'u.created': '{u} created, one-time password:',
      'u.new': 'New user', 'u.username': 'User name', 'u.name': 'Name', 'u.role': 'Role', 'u.ext': 'Extension', 'u.queues': 'Queues',
      'u.crew': 'Crew', 'u.team': 'Team', 'u.create': 'Create',
      'u.secretNote': 'The one-time password is shown this once; the user must change it at the first sign-in.',
      'u.secretClose': 'Handed over, close', 'u.editTitle': 'Edit user', 'u.save': 'Save', 'u.cancel': 'Cancel',
      'u.editNote': "A new role or extension ends the user's sessions (they sign in again); queue changes apply at their next log-in.",
      'u.rolesNote': 'Team leads take calls, see the big screen and manage their queues\' agents and callbacks; dispatchers only handle work orders and crews sign in to the crew page: neither has an extension or queues.',
      'u.teamsTitle': 'Teams', 'u.teamsNote': "Team leads manage their team's agents and those of their queues (ready, pause, log out, callbacks).",
      'u.newTeam': 'New team', 'u.createTeam': 'Create team', 'u.users': 'Users', 'u.iface': 'Phone interface',
      'u.pbxQueues': 'Logged in on the PBX', 'u.state': 'State', 'u.sessions': 'Sessions', 'u.usernameEg': 'e.g. agent1005',
      'u.extHint': '2 to 8 digits', 'u.extEg': 'agents: e.g. 1005', 'u.queuesEg': 'comma-separated, e.g. hotline,gas',
      'u.queuesHint': 'comma-separated', 'u.teamEg': 'e.g. Power team 1'
    }
  });
  const OFF_THE_FLOOR = ['DISPATCHER', 'CREW']; // no extension, no queues
  let crews = [];      // units of kind crew: {code, name}
  let crewOf = {};     // username -> crew code

  // shows the extension and queues, or the crew, as the chosen role needs
  function fitFields(form, role) {
    form.querySelectorAll('.phone-field').forEach(l => {
      l.hidden = OFF_THE_FLOOR.includes(role);
      if (l.hidden) l.querySelector('input').value = '';
    });
    form.querySelector('.crew-field').hidden = role !== 'CREW';
    form.querySelector('.crew-select').required = role === 'CREW';
  }

  function crewName(code) {
    const c = crews.find(u => u.code === code);
    return c ? c.name : code || '';
  }

  async function saveCrew(username, role, select) {
    if (role === 'CREW' && select.value) {
      await H.api('PUT', '/api/work-orders/crew-accounts/' + encodeURIComponent(username), {crew: select.value});
    }
  }

  function fail(e) {
    $('error').textContent = t('u.failed', {m: e.message});
    $('error').hidden = false;
  }

  function showSecret(text, password) {
    $('secret-text').textContent = text;
    $('secret-value').textContent = password;
    $('secret').hidden = false;
  }

  async function act(path, done) {
    $('error').hidden = true;
    try {
      const r = await H.api('POST', path, {});
      done(r);
      await load();
    } catch (e) {
      fail(e);
    }
  }

  function row(u) {
    const tr = H.el('tr', 'user' + (u.enabled ? '' : ' disabled'));
    tr.dataset.user = u.username;
    const actions = H.el('td', 'actions');
    const reset = H.el('button', 'reset', t('u.reset'));
    reset.type = 'button';
    reset.addEventListener('click', () => act('/api/admin/users/' + encodeURIComponent(u.username)
      + '/reset-password', r => showSecret(t('u.newPassword', {u: u.username}), r.oneTimePassword)));
    const toggle = H.el('button', u.enabled ? 'disable' : 'enable', u.enabled ? t('u.disable') : t('u.enable'));
    toggle.type = 'button';
    toggle.addEventListener('click', () => act('/api/admin/users/' + encodeURIComponent(u.username)
      + (u.enabled ? '/disable' : '/enable'), () => {}));
    const edit = H.el('button', 'edit', t('u.edit'));
    edit.type = 'button';
    edit.addEventListener('click', () => startEdit(u));
    actions.append(edit, reset, toggle);
    const state = !u.enabled ? t('u.disabled') : u.mustChangePassword ? t('u.mustChange') : t('u.ok');
    tr.append(H.el('td', 'username', u.username), H.el('td', 'name', u.displayName),
      H.el('td', 'role', ROLES.includes(u.role) ? t('role.' + u.role) : u.role), H.el('td', 'interfaces', u.interfaces.join(sep())),
      H.el('td', 'team', u.team || '—'), H.el('td', 'queues', u.queues.join(sep())),
      H.el('td', 'pbx-queues', !u.interfaces.length ? '—' : u.pbxQueues.length ? u.pbxQueues.join(sep()) : t('u.notSignedIn')),
      H.el('td', 'crew', u.role !== 'CREW' ? '—' : crewOf[u.username] ? crewName(crewOf[u.username]) : t('u.noCrew')),
      H.el('td', 'state', state),
      H.el('td', 'sessions', String(u.sessions)), actions);
    return tr;
  }

  let editing = null;

  // the agent's extension is the digits of the member interface Local/<ext>@agents/n
  function extensionOf(u) {
    const m = /^Local\/([0-9]+)@/.exec(u.interfaces[0] || '');
    return m ? m[1] : '';
  }

  function startEdit(u) {
    editing = u.username;
    $('e-username').textContent = u.username;
    $('e-name').value = u.displayName;
    $('e-role').value = u.role;
    $('e-ext').value = extensionOf(u);
    $('e-queues').value = u.queues.join(',');
    $('e-crew').value = crewOf[u.username] || '';
    $('e-team').value = u.team || '';
    fitFields($('edit'), u.role);
    $('edit-box').hidden = false;
    $('e-name').focus();
  }

  async function load() {
    const [users, accounts] = await Promise.all([H.api('GET', '/api/admin/users'),
      H.api('GET', '/api/work-orders/crew-accounts')]);
    crewOf = accounts;
    $('users').tBodies[0].replaceChildren(...users.map(row));
    document.body.dataset.loaded = String(Date.now());
  }

  async function loadTeams() {
    const teams = await H.api('GET', '/api/admin/teams');
    document.querySelectorAll('.team-select').forEach(s => {
      const keep = s.value;
      const none = H.el('option', '', t('u.none'));
      none.value = '';
      s.replaceChildren(none, ...teams.map(name => {
        const o = H.el('option', '', name);
        o.value = name;
        return o;
      }));
      s.value = keep;
    });
    $('team-list').textContent = teams.length ? t('u.teams', {t: teams.join(sep())}) : t('u.noTeams');
  }

  async function loadCrews() {
    const units = await H.api('GET', '/api/work-orders/units');
    crews = units.filter(u => u.kind === 'crew');
    document.querySelectorAll('.crew-select').forEach(s => s.replaceChildren(
      H.el('option', '', t('u.pick')), ...crews.map(c => {
        const o = H.el('option', '', c.name + '（' + c.code + '）');
        o.value = c.code;
        return o;
      })));
    document.querySelectorAll('.crew-select option:first-child').forEach(o => { o.value = ''; });
  }

  document.addEventListener('DOMContentLoaded', () => {
    H.csrf().then(tk => { $('logout-csrf').value = tk.token; }).catch(() => {});
    document.querySelectorAll('.role-select').forEach(s => {
      s.replaceChildren(...ROLES.map(value => {
        const o = H.el('option', '', t('role.' + value));
        o.dataset.i18n = 'role.' + value;
        o.value = value;
        return o;
      }));
      s.addEventListener('change', () => fitFields(s.form, s.value));
    });
    $('secret-close').addEventListener('click', () => {
      $('secret').hidden = true;
      $('secret-value').textContent = '';
    });
    $('create').addEventListener('submit', async e => {
      e.preventDefault();
      $('error').hidden = true;
      const queues = $('c-queues').value.split(/[,，\s]+/).filter(Boolean);
      try {
        const role = $('c-role').value;
        const r = await H.api('POST', '/api/admin/users', {username: $('c-username').value.trim(),
          displayName: $('c-name').value.trim(), role, extension: $('c-ext').value.trim(), queues,
          team: $('c-team').value});
        showSecret(t('u.created', {u: r.username}), r.oneTimePassword);
        await saveCrew(r.username, role, $('c-crew'));
        $('create').reset();
        fitFields($('create'), $('c-role').value);
        await load();
      } catch (err) {
        fail(err);
      }
    });
    $('e-cancel').addEventListener('click', () => { $('edit-box').hidden = true; editing = null; });
    $('edit').addEventListener('submit', async e => {
      e.preventDefault();
      $('error').hidden = true;
      const queues = $('e-queues').value.split(/[,，\s]+/).filter(Boolean);
      try {
        const role = $('e-role').value;
        await H.api('PUT', '/api/admin/users/' + encodeURIComponent(editing), {displayName: $('e-name').value.trim(),
          role, extension: $('e-ext').value.trim(), queues, team: $('e-team').value});
        await saveCrew(editing, role, $('e-crew'));
        $('edit-box').hidden = true;
        editing = null;
        await load();
      } catch (err) {
        fail(err);
      }
    });
    $('team-form').addEventListener('submit', e => {
      e.preventDefault();
      $('error').hidden = true;
      H.api('POST', '/api/admin/teams', {name: $('t-name').value.trim()})
        .then(() => { $('team-form').reset(); return loadTeams(); }).catch(fail);
    });
    // the one switch (desk.js): the rows and lists this script drew, in the other language
    H.on('lang', () => { Promise.all([loadCrews(), loadTeams()]).then(load).catch(fail); });
    Promise.all([loadCrews(), loadTeams()]).then(load).catch(fail);
  });
})();
