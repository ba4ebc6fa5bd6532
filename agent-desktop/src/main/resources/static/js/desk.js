// Shared by every desktop page script: element helper, i18n, the CSRF-aware fetch and the socket message bus.
// Caller- and record-supplied text only ever goes through textContent (el's text argument): it is data, never markup.
(function () {
  'use strict';
  const dictionaries = {'zh-CN': {}, en: {}};
  const handlers = new Map();
  let csrf = null;
  let lang = localStorage.getItem('hotline.lang') || 'zh-CN';

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // Each page module adds its own strings: Hotline.i18n.add({'zh-CN': {key: '…'}, en: {key: '…'}}).
  function add(tables) {
    for (const [l, table] of Object.entries(tables)) Object.assign(dictionaries[l] || (dictionaries[l] = {}), table);
  }

  // t('wrapup.left', {s: 12}) → the current language's string with {s} filled in; falls back to zh-CN, then the key.
  function t(key, params) {
    const s = (dictionaries[lang] && dictionaries[lang][key]) || dictionaries['zh-CN'][key] || key;
    return params ? s.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m)) : s;
  }

  // Re-labels every element carrying data-i18n (text) or data-i18n-title / data-i18n-placeholder.
  function translate(root) {
    const scope = root || document;
    scope.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
    scope.querySelectorAll('[data-i18n-title]').forEach(e => { e.title = t(e.dataset.i18nTitle); });
    scope.querySelectorAll('[data-i18n-placeholder]').forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
  }

  function setLang(l) {
    lang = dictionaries[l] ? l : 'zh-CN';
    localStorage.setItem('hotline.lang', lang);
    document.documentElement.lang = lang;
    translate();
    emit('lang', lang);
  }

  function on(type, fn) {
    if (!handlers.has(type)) handlers.set(type, []);
    handlers.get(type).push(fn);
  }

  function emit(type, msg) {
    for (const fn of handlers.get(type) || []) {
      try { fn(msg); } catch (e) { console.error('handler for ' + type + ' failed', e); }
    }
  }

  function token() {
    if (!csrf) csrf = fetch('/api/csrf', {credentials: 'same-origin'}).then(r => r.json());
    return csrf;
  }

  // JSON in and out; rejects with Error(message) carrying the server's "message" (or the status) for the UI to show.
  async function api(method, url, body) {
    const headers = {Accept: 'application/json'};
    if (method !== 'GET') {
      const tk = await token();
      headers[tk.headerName] = tk.token;
    }
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const r = await fetch(url, {method, credentials: 'same-origin', headers,
      body: body === undefined ? undefined : JSON.stringify(body)});
    if (r.redirected || r.status === 401) {
      location.assign('/login.html?expired');
      return new Promise(() => {});
    }
    const text = await r.text();
    const data = text ? JSON.parse(text) : null;
    if (!r.ok) {
      const err = new Error((data && (data.message || data.error)) || (method + ' ' + url + ' answered ' + r.status));
      err.status = r.status;
      err.data = data;
      throw err;
    }
    return data;
  }

  // links to other pages carry data-roles="SUPERVISOR ADMIN …" and stay hidden unless the user has one of them: nobody
  // is shown a page the server would refuse (the server decides regardless)
  function showLinksForRole() {
    const links = document.querySelectorAll('[data-roles]');
    if (!links.length) return;
    fetch('/api/me', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(r => (r.ok ? r.json() : {}))
      .then(me => links.forEach(l => { l.hidden = !l.dataset.roles.split(' ').includes(me.role); }))
      .catch(() => {});
  }

  window.Hotline = {el, i18n: {add, t, translate, setLang, lang: () => lang}, t, on, emit, api, csrf: token};
  document.addEventListener('DOMContentLoaded', () => {
    document.documentElement.lang = lang;
    translate();
    showLinksForRole();
  });
})();
