// The crew's phone page: a token entered once (kept in this browser), or one traded for the session of a crew member
// who signed in with a password; the crew's orders with their stage and time left, and the crew's actions. Every
// call carries the token; text from the server is set as textContent only.
(function () {
  'use strict';

  const KEY = 'hotline.crew.token';
  // set when the token came from the member's own sign-in: the page then offers to sign out, not another token
  const SIGNED_IN = 'hotline.crew.signed-in';
  const $ = id => document.getElementById(id);
  const STATUS_TEXT = {
    400: '输入有误', 401: '令牌无效或已停用', 403: '此工单不属于本组', 404: '工单不存在',
    409: '与工单当前状态不符', 413: '照片过大或过多', 422: '无法办理'
  };
  const NEXT_TEXT = {
    accept: '待接单', depart: '已接单，待出发', arrive: '已出发，待到达', done: '已到达现场', wait: '等待抢修中心', none: '已完工'
  };
  let me = null;
  let deadlines = [];

  // "报修 fault repair" → "报修": the configuration is bilingual, the page shows Chinese only
  const zh = text => (text || '').split(' ')[0];

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

  // the server's reasons are for developers (English); the crew reads Chinese, worded here from the status
  class Refused extends Error {
    constructor(status, data) {
      super(status === 401 ? tokenProblem(data) : status === 0 ? '网络不通，请稍后再试'
        : (STATUS_TEXT[status] || '请求失败（' + status + '）') + (status === 409 ? '，请刷新后再试' : ''));
      this.status = status;
      this.detail = data && data.message;
    }
  }

  function tokenProblem(data) {
    if (data.reason === 'expired') {
      return '登录已过期，请重新登录';
    }
    if (data.reason === 'revoked') {
      return '令牌已于 ' + new Date(data.revokedAt).toLocaleString('zh-CN') + ' 被 ' + data.revokedBy + ' 停用'
        + (data.revokeReason ? '（原因：' + data.revokeReason + '）' : '') + '，请向管理员领取新令牌';
    }
    return data.reason === 'missing' ? '请输入令牌' : '令牌无效，请核对后重新输入，或向管理员领取';
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
        say('您的账号尚未指定抢修小组，请联系管理员', 'error');
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
      $('forget').textContent = localStorage.getItem(SIGNED_IN) ? '退出登录' : '更换令牌';
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
    li.querySelector('.stage').textContent = NEXT_TEXT[view.next] + (o.awaitingName ? '（当前环节：' + zh(o.awaitingName) + '）' : '');
    li.querySelector('.address').textContent = view.address ? '地址：' + view.address : '地址：未登记';
    li.querySelector('.summary').textContent = view.summary ? '报修内容：' + view.summary : '';
    li.querySelector('.summary').hidden = !view.summary;
    const phone = li.querySelector('.phone');
    if (o.callerNumber) {
      phone.textContent = '联系电话：' + o.callerNumber;
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
      d.li.querySelector('.left').textContent = s >= 0 ? '剩余 ' + text : '超时 ' + text;
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
      say(view.warning ? doneText + '。注意：' + view.warning : doneText, view.warning ? 'warning' : '');
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
      send(li, 'accept', undefined, '已接单');
    } else if (action === 'depart') {
      send(li, 'depart', undefined, '已上报出发');
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
    form.querySelector('.photo-hint').textContent = (files.length ? '已选 ' + files.length + ' 张：'
      + files.map(f => f.name).join('、') + '。' : '未选照片。') + '最多 ' + me.photoMaxCount + ' 张，每张不超过 '
      + (me.photoMaxBytes / 1048576).toFixed(0) + ' MB';
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
      text.textContent = '无法获取定位（' + reason + '），可以不带定位上报到达，抢修中心会看到“无定位”。';
      without.hidden = false;
    };
    if (!navigator.geolocation) {
      failed('此浏览器不支持定位，或页面不是通过 HTTPS 打开');
      return;
    }
    text.textContent = '正在定位…';
    navigator.geolocation.getCurrentPosition(p => {
      position = {latitude: p.coords.latitude, longitude: p.coords.longitude,
        accuracy: Math.min(Math.round(p.coords.accuracy * 10) / 10, 10000)};
      text.textContent = '定位：纬度 ' + position.latitude.toFixed(5) + '，经度 ' + position.longitude.toFixed(5)
        + '，精度 ±' + Math.round(position.accuracy) + ' 米';
      sendButton.disabled = false;
    }, e => {
      failed(e.code === 1 ? '已拒绝定位权限' : e.code === 3 ? '定位超时' : '定位不可用');
    }, {enableHighAccuracy: true, timeout: 20000, maximumAge: 0});
  }

  function addMaterial(form) {
    form.querySelector('.material-rows').append($('material-template').content.firstElementChild.cloneNode(true));
  }

  function wireForms(li) {
    li.querySelector('[data-form="cannot-go"] .send').addEventListener('click', () => {
      const reason = li.querySelector('.reason').value.trim();
      if (!reason) {
        say('请填写无法出发的原因', 'error');
        return;
      }
      send(li, 'cannot-go', {reason}, '已告知抢修中心，工单将改派');
    });
    li.querySelector('[data-form="arrive"] .send').addEventListener('click', () => {
      send(li, 'arrive', position, '已上报到达现场');
    });
    li.querySelector('[data-form="arrive"] .send-without').addEventListener('click', () => {
      send(li, 'arrive', {}, '已上报到达现场（无定位）');
    });
    li.querySelector('[data-form="fault"] .send').addEventListener('click', () => {
      const text = li.querySelector('.fault-text').value.trim();
      if (!text) {
        say('请填写发现的故障', 'error');
        return;
      }
      send(li, 'fault', {text}, '已提交故障情况');
    });
    const materialsForm = li.querySelector('[data-form="materials"]');
    materialsForm.querySelector('.add-material').addEventListener('click', () => addMaterial(materialsForm));
    materialsForm.querySelector('.send').addEventListener('click', () => {
      const materials = [...materialsForm.querySelectorAll('.material')].map(row => ({
        name: row.querySelector('.m-name').value.trim(), quantity: Number(row.querySelector('.m-qty').value),
        unit: row.querySelector('.m-unit').value.trim()
      })).filter(m => m.name || m.unit || m.quantity);
      if (!materials.length || materials.some(m => !m.name || !m.unit || !(m.quantity > 0))) {
        say('每行用料都要填写名称、大于 0 的数量和单位', 'error');
        return;
      }
      send(li, 'materials', {materials}, '已提交用料');
    });
    li.querySelector('.photos').addEventListener('change', () => photoHint(li.querySelector('[data-form="done"]')));
    li.querySelector('[data-form="done"] .send').addEventListener('click', () => {
      const files = [...li.querySelector('.photos').files];
      if (files.length > me.photoMaxCount) {
        say('照片最多 ' + me.photoMaxCount + ' 张', 'error');
        return;
      }
      const big = files.find(f => f.size > me.photoMaxBytes);
      if (big) {
        say('照片“' + big.name + '”过大（' + (big.size / 1048576).toFixed(1) + ' MB），每张不超过 '
          + (me.photoMaxBytes / 1048576).toFixed(0) + ' MB', 'error');
        return;
      }
      const data = new FormData();
      data.append('note', li.querySelector('.note-text').value.trim());
      files.forEach(f => data.append('photos', f, f.name));
      send(li, 'done', data, '已上报完工');
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
  // no polling: the list is fetched on load, after each action, on 刷新, when the phone shows the page again and
  // when the live line says an order of the crew changed
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && token()) {
      load();
    }
  });
  setInterval(tick, 1000);
  load();
})();
