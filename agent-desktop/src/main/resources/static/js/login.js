// Fills the CSRF token into the login form, then enables it.
(function () {
  'use strict';
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
