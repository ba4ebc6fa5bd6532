// The own password: the current one, then the new one twice. The server checks it (length, not the user name, not a
// published demo password) and answers with a code, shown here in words.
(function () {
  'use strict';
  const H = window.Hotline;
  const $ = id => document.getElementById(id);
  H.i18n.add({
    'zh-CN': {'pw.title': '修改密码', 'pw.why': '当前密码是管理员发放的一次性密码，请先设置自己的新密码再继续使用。',
      'pw.current': '当前密码', 'pw.next': '新密码（至少 8 位）', 'pw.again': '再次输入新密码', 'pw.save': '保存新密码',
      'pw.empty': '请填写当前密码和新密码。', 'pw.wrong_current': '当前密码不正确。', 'pw.too_short': '新密码太短：至少 8 位。',
      'pw.too_long': '新密码太长：最多 72 个字节（约 24 个汉字）。', 'pw.unchanged': '新密码不能与当前密码相同。',
      'pw.guessable': '新密码不能是用户名或公开的演示密码。', 'pw.mismatch': '两次输入的新密码不一致。',
      'pw.failed': '修改失败，请重试。'},
    en: {'pw.title': 'Change password', 'pw.why': 'Your password was handed out by an administrator: choose your own before going on.',
      'pw.current': 'Current password', 'pw.next': 'New password (8 characters or more)', 'pw.again': 'New password again',
      'pw.save': 'Save new password', 'pw.empty': 'Fill in the current and the new password.',
      'pw.wrong_current': 'The current password is wrong.', 'pw.too_short': 'The new password is too short: 8 characters at least.',
      'pw.too_long': 'The new password is too long: 72 bytes at most.', 'pw.unchanged': 'The new password must differ from the current one.',
      'pw.guessable': 'The new password must not be the user name or a published demo password.',
      'pw.mismatch': 'The two new passwords differ.', 'pw.failed': 'Not changed: please try again.'}
  });

  // the server's refusal code in the user's language (its English message only for a code the page does not know)
  function say(code, fallback) {
    const p = $('password-error');
    const key = 'pw.' + code;
    p.textContent = code && H.t(key) !== key ? H.t(key) : (fallback || H.t('pw.failed'));
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
