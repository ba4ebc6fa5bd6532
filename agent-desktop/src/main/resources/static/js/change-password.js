// The own password: the current one, then the new one twice. The server checks it (length, not the user name, not a
// published demo password) and answers with a code, shown here in words.
(function () {
  'use strict';
  const H = window.Hotline;
  const $ = id => document.getElementById(id);
  const WHY = {
    empty: '请填写当前密码和新密码。',
    wrong_current: '当前密码不正确。',
    too_short: '新密码太短：至少 8 位。',
    too_long: '新密码太长：最多 72 个字节（约 24 个汉字）。',
    unchanged: '新密码不能与当前密码相同。',
    guessable: '新密码不能是用户名或公开的演示密码。',
    mismatch: '两次输入的新密码不一致。'
  };

  function say(code, fallback) {
    const p = $('password-error');
    p.textContent = WHY[code] || fallback || '修改失败，请重试。';
    p.hidden = false;
  }

  document.addEventListener('DOMContentLoaded', () => {
    H.csrf().then(tk => { $('logout-csrf').value = tk.token; }).catch(() => {});
    $('password-logout').addEventListener('click', e => { e.preventDefault(); $('logout-form').submit(); });
    $('password-form').addEventListener('submit', async e => {
      e.preventDefault();
      $('password-error').hidden = true;
      if ($('next').value !== $('again').value) {
        say('mismatch');
        return;
      }
      $('password-button').disabled = true;
      try {
        await H.api('POST', '/api/me/password', {current: $('current').value, next: $('next').value});
        location.assign('/');
      } catch (err) {
        say(err.data && err.data.error, err.message);
        $('password-button').disabled = false;
      }
    });
  });
})();
