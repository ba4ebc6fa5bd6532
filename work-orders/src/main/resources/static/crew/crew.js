// The crew's phone page: a token entered once (kept in this browser), or one traded for the session of a crew member
// who signed in with a password; the crew's orders with their stage and time left, and the crew's actions. Every
// call carries the token; text from the server is set as textContent only.
(function () {
  'use strict';

  const KEY = 'hotline.crew.token';
  // set when the token came from the member's own sign-in: the page then offers to sign out, not another token
  const SIGNED_IN = 'hotline.crew.signed-in';
  const $ = id => document.getElementById(id);
  const W = window.CrewWords;
  const t = W.t;
  const statusText = status => (t('status.' + status) === 'status.' + status ? t('status.other', {s: status})
    : t('status.' + status));
  let me = null;
  let deadlines = [];

  // "报修 fault repair" → "报修" or "fault repair": the configuration is bilingual, the page shows its language
  const zh = text => {
    const parts = (text || '').split(' ');
    return W.lang() === 'en' && parts.length > 1 ? parts.slice(1).join(' ') : parts[0];
  };

  function token() {
    return localStorage.getItem(KEY);
  }

  function say(text, kind, detail) {
    const m = $('message');
    m.textContent = text;
    m.title = detail || '';
    m.className = kind || '';
    m.hidden = !text;
  }

  // the server's reasons are for developers: the crew reads them worded here from the status, in the page's language
  class Refused extends Error {
    constructor(status, data) {
      super(status === 401 ? tokenProblem(data) : status === 0 ? t('offline')
        : statusText(status) + (status === 409 ? t('refreshAgain') : ''));
      this.status = status;
      this.detail = data && data.message;
    }
  }

  function tokenProblem(data) {
    if (data.reason === 'expired') {
      return t('expired');
    }
    if (data.reason === 'revoked') {
      return t('revoked', {at: new Date(data.revokedAt).toLocaleString(W.locale()), by: data.revokedBy,
        why: data.revokeReason ? t('revokedWhy', {r: data.revokeReason}) : ''});
    }
    return t(data.reason === 'missing' ? 'missing' : 'invalid');
  }

  async function api(method, path, body) {
    const headers = {Authorization: 'Bearer ' + token()};
    let payload;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let r;
    try {
      r = await fetch(path, {method, headers, body: payload, credentials: 'omit', cache: 'no-store'});
    } catch (e) {
      throw new Refused(0, {});
    }
    const data = await r.json().catch(() => ({}));
    if (r.status === 401) {
      localStorage.removeItem(KEY);
      showTokenForm();
    }
    if (!r.ok) {
      throw new Refused(r.status, data);
    }
    return data;
  }

  function showTokenForm() {
    $('token-form').hidden = false;
    $('orders').hidden = true;
    $('refresh').hidden = true;
    $('me-bar').hidden = true;
    $('who').textContent = '';
  }

  // a crew member signed in with a password (role CREW): the session is traded for a token of the account's crew
  async function signedInToken() {
    try {
      const c = await fetch('/api/csrf', {credentials: 'same-origin', cache: 'no-store'}).then(r => r.json());
      const r = await fetch('/api/me/crew-token', {method: 'POST', credentials: 'same-origin', cache: 'no-store',
        redirect: 'manual', headers: {[c.headerName]: c.token}});
      if (r.status === 201) {
        localStorage.setItem(KEY, (await r.json()).secret);
        localStorage.setItem(SIGNED_IN, '1');
        return true;
      }
      if (r.status === 422) {
        say(t('noCrew'), 'error');
      }
    } catch (e) {
      // no session, or the network: the token form stays
    }
    return false;
  }

  async function load() {
    if (!token() && !(await signedInToken())) {
      showTokenForm();
      return;
    }
    busy++;
    try {
      me = await api('GET', '/api/crew/me');
      $('who').textContent = me.name + ' · ' + me.crewName;
      $('token-form').hidden = true;
      $('refresh').hidden = false;
      $('me-bar').hidden = false;
      forgetLabel();
      render(await api('GET', '/api/crew/orders'));
      follow();
    } catch (e) {
      say(e.message, 'error', e.detail);
    } finally {
      busy--;
    }
  }

  // The live line (server-sent events, read with fetch so the token goes in the header): an 'orders' event loads
  // the list again; when the stream ends (every ten minutes, or the network dropped) the next one is opened.
  let stream = null;
  let lastOrders = [];             // the orders drawn last, drawn again in the other language
  let shown = '';                 // the list drawn last, as order:next:awaiting
  let busy = 0;                   // actions and refreshes on their way
  const shape = list => list.map(v => v.order.id + ':' + v.next + ':' + v.order.awaiting).join(',');
  async function follow() {
    if (!token() || stream) return;
    const abort = new AbortController();
    stream = abort;
    let again = 1000;
    try {
      const r = await fetch('/api/crew/events', {headers: {Authorization: 'Bearer ' + token(),
        Accept: 'text/event-stream'}, credentials: 'omit', cache: 'no-store', signal: abort.signal});
      if (r.status === 401 || r.status === 404) again = null; // a dead token (load() asks for a new one), no line
      else if (r.ok && r.body) {
        document.body.dataset.live = 'true';
        const reader = r.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const {value, done} = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, {stream: true});
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (/^event:\s*orders\s*$/m.test(block)) refresh();
          }
        }
        again = 0;
      }
    } catch (e) {
      if (abort.signal.aborted) again = null;
    }
    document.body.dataset.live = 'false';
    if (stream === abort) stream = null;
    if (again !== null) setTimeout(follow, again);
  }

  // after an 'orders' event: the list is drawn again only when it changed (the crew's own actions come back as
  // events too), so a form being filled in is not wiped by an echo
  async function refresh() {
    if (busy) return; // the action's own answer draws the list
    busy++;
    try {
      const orders = await api('GET', '/api/crew/orders');
      if (shape(orders) !== shown) render(orders);
    } catch (e) {
      say(e.message, 'error', e.detail);
    } finally {
      busy--;
    }
  }

  function stopFollowing() {
    if (stream) stream.abort();
    stream = null;
  }

  function render(orders) {
    shown = shape(orders);
    lastOrders = orders;
    const list = $('order-list');
    list.replaceChildren();
    deadlines = [];
    $('orders').hidden = false;
    $('empty').hidden = orders.length > 0;
    for (const o of orders) {
      list.append(card(o));
    }
    tick();
  }

  function card(view) {
    const o = view.order;
    const li = $('order-template').content.firstElementChild.cloneNode(true);
    li.dataset.id = o.id;
    li.dataset.next = view.next;
    li.querySelector('.order-no').textContent = o.orderNo;
    li.querySelector('.type').textContent = zh(o.typeLabel);
    li.querySelector('.stage').textContent = t('next.' + view.next)
      + (o.awaitingName ? t('awaiting', {s: zh(o.awaitingName)}) : '');
    li.querySelector('.address').textContent = view.address ? t('address', {a: view.address}) : t('noAddress');
    li.querySelector('.summary').textContent = view.summary ? t('summary', {s: view.summary}) : '';
    li.querySelector('.summary').hidden = !view.summary;
    const phone = li.querySelector('.phone');
    if (o.callerNumber) {
      phone.textContent = t('phone', {n: o.callerNumber});
      phone.href = 'tel:' + o.callerNumber.replace(/[^0-9+]/g, '');
    } else {
      phone.parentElement.hidden = true;
    }
    if (o.secondsLeft !== null && o.secondsLeft !== undefined) {
      deadlines.push({li, at: Date.now() + o.secondsLeft * 1000});
    }
    const show = {
      accept: view.next === 'accept', depart: view.next === 'depart', arrive: view.next === 'arrive',
      done: view.next === 'done', fault: view.accepted && view.next !== 'none',
      materials: view.accepted && view.next !== 'none', 'cannot-go': view.next === 'accept' || view.next === 'depart'
    };
    for (const b of li.querySelectorAll('.act')) {
      b.hidden = !show[b.dataset.act];
      b.addEventListener('click', () => act(li, b.dataset.act));
    }
    wireForms(li);
    return li;
  }

  function tick() {
    const now = Date.now();
    for (const d of deadlines) {
      const s = Math.round((d.at - now) / 1000);
      const abs = Math.abs(s);
      const text = Math.floor(abs / 60) + ':' + String(abs % 60).padStart(2, '0');
      d.li.querySelector('.left').textContent = t(s >= 0 ? 'left' : 'late', {t: text});
      d.li.classList.toggle('late', s < 0);
      d.li.classList.toggle('soon', s >= 0 && s < 60);
    }
  }

  function openForm(li, name) {
    for (const f of li.querySelectorAll('.form')) {
      f.hidden = f.dataset.form !== name || !f.hidden;
    }
    return li.querySelector('.form[data-form="' + name + '"]');
  }

  async function send(li, action, body, doneText) {
    const buttons = li.querySelectorAll('button');
    buttons.forEach(b => { b.disabled = true; });
    busy++;
    try {
      const view = await api('POST', '/api/crew/orders/' + li.dataset.id + '/' + action, body);
      say(view.warning ? t('warning', {d: doneText, w: view.warning}) : doneText, view.warning ? 'warning' : '');
      render(await api('GET', '/api/crew/orders'));
    } catch (e) {
      say(e.message, 'error', e.detail);
      buttons.forEach(b => { b.disabled = false; });
    } finally {
      busy--;
    }
  }

  function act(li, action) {
    if (action === 'accept') {
      send(li, 'accept', undefined, t('accepted'));
    } else if (action === 'depart') {
      send(li, 'depart', undefined, t('departed'));
    } else if (action === 'arrive') {
      const form = openForm(li, 'arrive');
      if (!form.hidden) {
        locate(li, form);
      }
    } else {
      const form = openForm(li, action);
      if (action === 'materials' && !form.querySelector('.material')) {
        addMaterial(form);
      }
      if (action === 'done') {
        photoHint(form);
      }
    }
  }

  function photoHint(form) {
    const files = [...form.querySelector('.photos').files];
    form.querySelector('.photo-hint').textContent = (files.length ? t('chosen', {n: files.length,
      f: files.map(f => f.name).join(t('fileSep'))}) : t('noPhotos'))
      + t('photoLimits', {n: me.photoMaxCount, mb: (me.photoMaxBytes / 1048576).toFixed(0)});
  }

  let position = null;

  function locate(li, form) {
    const text = form.querySelector('.position');
    const sendButton = form.querySelector('.send');
    const without = form.querySelector('.send-without');
    position = null;
    sendButton.disabled = true;
    without.hidden = true;
    const failed = reason => {
      text.textContent = t('noLocation', {r: reason});
      without.hidden = false;
    };
    if (!navigator.geolocation) {
      failed(t('noGeo'));
      return;
    }
    text.textContent = t('locating');
    navigator.geolocation.getCurrentPosition(p => {
      position = {latitude: p.coords.latitude, longitude: p.coords.longitude,
        accuracy: Math.min(Math.round(p.coords.accuracy * 10) / 10, 10000)};
      text.textContent = t('position', {lat: position.latitude.toFixed(5),
        lon: position.longitude.toFixed(5), acc: Math.round(position.accuracy)});
      sendButton.disabled = false;
    }, e => {
      failed(t(e.code === 1 ? 'geoDenied' : e.code === 3 ? 'geoTimeout' : 'geoUnavailable'));
    }, {enableHighAccuracy: true, timeout: 20000, maximumAge: 0});
  }

  function addMaterial(form) {
    form.querySelector('.material-rows').append($('material-template').content.firstElementChild.cloneNode(true));
  }

  function wireForms(li) {
    li.querySelector('[data-form="cannot-go"] .send').addEventListener('click', () => {
      const reason = li.querySelector('.reason').value.trim();
      if (!reason) {
        say(t('needReason'), 'error');
        return;
      }
      send(li, 'cannot-go', {reason}, t('toldCentre'));
    });
    li.querySelector('[data-form="arrive"] .send').addEventListener('click', () => {
      send(li, 'arrive', position, t('arrived'));
    });
    li.querySelector('[data-form="arrive"] .send-without').addEventListener('click', () => {
      send(li, 'arrive', {}, t('arrivedWithout'));
    });
    li.querySelector('[data-form="fault"] .send').addEventListener('click', () => {
      const text = li.querySelector('.fault-text').value.trim();
      if (!text) {
        say(t('needFault'), 'error');
        return;
      }
      send(li, 'fault', {text}, t('faultSent'));
    });
    const materialsForm = li.querySelector('[data-form="materials"]');
    materialsForm.querySelector('.add-material').addEventListener('click', () => addMaterial(materialsForm));
    materialsForm.querySelector('.send').addEventListener('click', () => {
      const materials = [...materialsForm.querySelectorAll('.material')].map(row => ({
        name: row.querySelector('.m-name').value.trim(), quantity: Number(row.querySelector('.m-qty').value),
        unit: row.querySelector('.m-unit').value.trim()
      })).filter(m => m.name || m.unit || m.quantity);
      if (!materials.length || materials.some(m => !m.name || !m.unit || !(m.quantity > 0))) {
        say(t('needMaterials'), 'error');
        return;
      }
      send(li, 'materials', {materials}, t('materialsSent'));
    });
    li.querySelector('.photos').addEventListener('change', () => photoHint(li.querySelector('[data-form="done"]')));
    li.querySelector('[data-form="done"] .send').addEventListener('click', () => {
      const files = [...li.querySelector('.photos').files];
      if (files.length > me.photoMaxCount) {
        say(t('tooManyPhotos', {n: me.photoMaxCount}), 'error');
        return;
      }
      const big = files.find(f => f.size > me.photoMaxBytes);
      if (big) {
        say(t('photoTooBig', {f: big.name, mb: (big.size / 1048576).toFixed(1),
          max: (me.photoMaxBytes / 1048576).toFixed(0)}), 'error');
        return;
      }
      const data = new FormData();
      data.append('note', li.querySelector('.note-text').value.trim());
      files.forEach(f => data.append('photos', f, f.name));
      send(li, 'done', data, t('doneSent'));
    });
  }

  $('token-form').addEventListener('submit', e => {
    e.preventDefault();
    const value = $('token').value.trim();
    if (!value) {
      return;
    }
    localStorage.setItem(KEY, value);
    localStorage.removeItem(SIGNED_IN); // an administrator's token: no session of this member to end
    $('token').value = '';
    say('');
    load();
  });
  $('forget').addEventListener('click', () => {
    stopFollowing();
    localStorage.removeItem(KEY);
    if (localStorage.getItem(SIGNED_IN)) {
      // a signed-in member leaves: the session ends too, so the next person on this phone signs in anew
      localStorage.removeItem(SIGNED_IN);
      fetch('/api/csrf', {credentials: 'same-origin'}).then(r => r.json()).then(c => fetch('/logout', {method: 'POST',
        credentials: 'same-origin', redirect: 'manual', headers: {[c.headerName]: c.token}}))
        .finally(() => location.assign('/login.html?logout'));
      return;
    }
    say('');
    showTokenForm();
  });
  $('refresh').addEventListener('click', () => {
    say('');
    load();
  });
  // no polling: the list is fetched on load, after each action, on refresh, when the phone shows the page again and
  // when the live line says an order of the crew changed
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && token()) {
      load();
    }
  });
  function forgetLabel() {
    $('forget').textContent = t(localStorage.getItem(SIGNED_IN) ? 'signOut' : 'changeToken');
  }
  // one language at a time: the switch redraws the page's words and the orders in the other
  $('lang-switch').addEventListener('click', () => {
    W.toggle();
    forgetLabel();
    if (!$('orders').hidden) render(lastOrders);
  });
  W.apply();
  forgetLabel();
  setInterval(tick, 1000);
  load();
})();
