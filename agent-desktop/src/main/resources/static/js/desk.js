// Shared by every page script: element helper, i18n (one language at a time, the user's choice remembered on the
// server: docs/adr/0028), the CSRF-aware fetch and the socket message bus. The shared words are in /i18n/<lang>.js
// (docs/glossary.md); page scripts add their own. Caller- and record-supplied text only ever goes through textContent
// (el's text argument): it is data, never markup.
(function () {
  'use strict';
  const LANGS = ['zh-CN', 'en'];
  const dictionaries = {'zh-CN': {}, en: {}};
  const handlers = new Map();
  let csrf = null;
  // before the server's answer: this browser's last choice, else the browser's own language (zh-CN unless English)
  let lang = localStorage.getItem('hotline.lang') || browserLanguage();
  if (!LANGS.includes(lang)) lang = 'zh-CN';

  function browserLanguage() {
    const first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
    return /^en\b/i.test(first) ? 'en' : 'zh-CN';
  }

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

  // Switches every label; remember: also tell the server (the user's choice follows them to every browser).
  function setLang(l, remember) {
    const next = LANGS.includes(l) ? l : 'zh-CN';
    localStorage.setItem('hotline.lang', next);
    if (remember && signedIn()) {
      api('PUT', '/api/me/language', {language: next}).catch(e => console.warn('language not remembered', e.message));
    }
    if (next === lang && document.documentElement.lang === lang) return;
    lang = next;
    document.documentElement.lang = lang;
    translate();
    emit('lang', lang);
  }

  // pages without a session (login, public) carry data-anonymous on <html>
  function signedIn() {
    return !('anonymous' in document.documentElement.dataset);
  }

  // The one language switch, in the page's header: names the other language in that language (marked with its lang).
  function addSwitch() {
    const header = document.querySelector('body > header');
    if (!header || document.getElementById('lang-switch')) return;
    const b = el('button', 'lang-switch');
    b.id = 'lang-switch';
    b.type = 'button';
    const label = () => {
      const other = lang === 'en' ? 'zh-CN' : 'en';
      b.lang = other;
      b.textContent = (dictionaries[other] || {})['lang.name'] || other;
      b.title = t('lang.switch');
    };
    label();
    on('lang', label);
    b.addEventListener('click', () => setLang(lang === 'en' ? 'zh-CN' : 'en', true));
    header.insertBefore(b, header.querySelector(':scope > #logout-form') || null);
  }

  // the signed-in user's remembered language wins over this browser's (another user may have chosen here before)
  function followUsersChoice() {
    if (!signedIn()) return;
    fetch('/api/me', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(r => (r.ok && !r.redirected ? r.json() : {}))
      .then(me => { if (me.language) setLang(me.language, false); })
      .catch(() => {});
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
  document.documentElement.lang = lang;
  document.addEventListener('DOMContentLoaded', () => {
    document.documentElement.lang = lang;
    translate();
    addSwitch();
    showLinksForRole();
    followUsersChoice();
  });
})();
