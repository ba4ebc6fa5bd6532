// Users for administrators: create one (a one-time password shown once), hand out a new one-time password, disable
// (the user's sessions end) or enable. Everything from the server goes through textContent (Hotline.el).
(function () {
  'use strict';
  const H = window.Hotline;
  const $ = id => document.getElementById(id);
  const ROLE = {AGENT: '坐席', SUPERVISOR: '班长', ADMIN: '管理员'};

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
    actions.append(reset, toggle);
    const state = !u.enabled ? '已停用' : u.mustChangePassword ? '待首次改密' : '正常';
    tr.append(H.el('td', 'username', u.username), H.el('td', 'name', u.displayName),
      H.el('td', 'role', ROLE[u.role] || u.role), H.el('td', 'interfaces', u.interfaces.join('，')),
      H.el('td', 'queues', u.queues.join('，')), H.el('td', 'state', state),
      H.el('td', 'sessions', String(u.sessions)), actions);
    return tr;
  }

  async function load() {
    const users = await H.api('GET', '/api/admin/users');
    $('users').tBodies[0].replaceChildren(...users.map(row));
    document.body.dataset.loaded = String(Date.now());
  }

  document.addEventListener('DOMContentLoaded', () => {
    H.csrf().then(tk => { $('logout-csrf').value = tk.token; }).catch(() => {});
    $('secret-close').addEventListener('click', () => {
      $('secret').hidden = true;
      $('secret-value').textContent = '';
    });
    $('create').addEventListener('submit', async e => {
      e.preventDefault();
      $('error').hidden = true;
      const queues = $('c-queues').value.split(/[,，\s]+/).filter(Boolean);
      try {
        const r = await H.api('POST', '/api/admin/users', {username: $('c-username').value.trim(),
          displayName: $('c-name').value.trim(), role: $('c-role').value, extension: $('c-ext').value.trim(), queues});
        showSecret('已创建 ' + r.username + '，一次性密码：', r.oneTimePassword);
        $('create').reset();
        await load();
      } catch (err) {
        fail(err);
      }
    });
    load().catch(fail);
  });
})();
