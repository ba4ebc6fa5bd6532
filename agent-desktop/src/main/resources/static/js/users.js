// Users for administrators: create one (a one-time password shown once), change one (a crew member's account also
// gets its crew), hand out a new one-time password, disable (the user's sessions end) or enable. Everything from the server goes through textContent (Hotline.el).
(function () {
  'use strict';
  const H = window.Hotline;
  const $ = id => document.getElementById(id);
  // the roles in the order of docs/adr/0024, with the words the floor uses
  const ROLE = {AGENT: '坐席', TEAM_LEAD: '组长', SUPERVISOR: '班长', DISPATCHER: '调度员', CREW: '抢修人员',
    ADMIN: '管理员'};
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
    $('error').textContent = '操作失败：' + e.message;
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
    const reset = H.el('button', 'reset', '重置密码');
    reset.type = 'button';
    reset.addEventListener('click', () => act('/api/admin/users/' + encodeURIComponent(u.username)
      + '/reset-password', r => showSecret(u.username + ' 的新一次性密码（其已登录的会话已结束）：', r.oneTimePassword)));
    const toggle = H.el('button', u.enabled ? 'disable' : 'enable', u.enabled ? '停用' : '启用');
    toggle.type = 'button';
    toggle.addEventListener('click', () => act('/api/admin/users/' + encodeURIComponent(u.username)
      + (u.enabled ? '/disable' : '/enable'), () => {}));
    const edit = H.el('button', 'edit', '修改');
    edit.type = 'button';
    edit.addEventListener('click', () => startEdit(u));
    actions.append(edit, reset, toggle);
    const state = !u.enabled ? '已停用' : u.mustChangePassword ? '待首次改密' : '正常';
    tr.append(H.el('td', 'username', u.username), H.el('td', 'name', u.displayName),
      H.el('td', 'role', ROLE[u.role] || u.role), H.el('td', 'interfaces', u.interfaces.join('，')),
      H.el('td', 'team', u.team || '—'), H.el('td', 'queues', u.queues.join('，')),
      H.el('td', 'pbx-queues', !u.interfaces.length ? '—' : u.pbxQueues.length ? u.pbxQueues.join('，') : '未签入'),
      H.el('td', 'crew', u.role !== 'CREW' ? '—' : crewOf[u.username] ? crewName(crewOf[u.username]) : '未指定'),
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
      const none = H.el('option', '', '无');
      none.value = '';
      s.replaceChildren(none, ...teams.map(t => {
        const o = H.el('option', '', t);
        o.value = t;
        return o;
      }));
      s.value = keep;
    });
    $('team-list').textContent = teams.length ? '已有：' + teams.join('，') : '尚无班组';
  }

  async function loadCrews() {
    const units = await H.api('GET', '/api/work-orders/units');
    crews = units.filter(u => u.kind === 'crew');
    document.querySelectorAll('.crew-select').forEach(s => s.replaceChildren(
      H.el('option', '', '请选择'), ...crews.map(c => {
        const o = H.el('option', '', c.name + '（' + c.code + '）');
        o.value = c.code;
        return o;
      })));
    document.querySelectorAll('.crew-select option:first-child').forEach(o => { o.value = ''; });
  }

  document.addEventListener('DOMContentLoaded', () => {
    H.csrf().then(tk => { $('logout-csrf').value = tk.token; }).catch(() => {});
    document.querySelectorAll('.role-select').forEach(s => {
      s.replaceChildren(...Object.entries(ROLE).map(([value, label]) => {
        const o = H.el('option', '', label);
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
        showSecret('已创建 ' + r.username + '，一次性密码：', r.oneTimePassword);
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
    Promise.all([loadCrews(), loadTeams()]).then(load).catch(fail);
  });
})();
