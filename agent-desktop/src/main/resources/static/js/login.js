// Fills the CSRF token into the login form, then enables it. In the browser's language (desk.js), until the user's
// own choice is known after signing in.
(function () {
  'use strict';
  Hotline.i18n.add({
    'zh-CN': {'login.title': 'Hotline 登录', 'login.error': '用户名或密码错误',
      'login.locked': '登录失败次数过多，该账号或本机地址已暂时锁定。请稍后再试，或请管理员解锁。', 'login.out': '已退出',
      'login.expired': '登录已失效，请重新登录', 'login.username': '用户名', 'login.password': '密码', 'login.go': '登录'},
    en: {'login.title': 'Hotline sign-in', 'login.error': 'Wrong user name or password',
      'login.locked': 'Too many failed sign-ins: this account or this computer is locked for a while. Try again later or ask an administrator to unlock it.',
      'login.out': 'Signed out', 'login.expired': 'Your session has ended: please sign in again',
      'login.username': 'User name', 'login.password': 'Password', 'login.go': 'Sign in'}
  });
  const params = new URLSearchParams(location.search);
  document.getElementById('login-error').hidden = !params.has('error');
  document.getElementById('login-locked').hidden = !params.has('locked');
  document.getElementById('login-out').hidden = !params.has('logout');
  document.getElementById('login-expired').hidden = !params.has('expired');
  fetch('/api/csrf', {credentials: 'same-origin'})
    .then(r => r.json())
    .then(t => {
      const field = document.getElementById('csrf');
      field.name = t.parameterName;
      field.value = t.token;
      document.getElementById('login-button').disabled = false;
    });
})();
