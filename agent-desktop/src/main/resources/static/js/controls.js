// The agent's own desk (issue #3): state and time in state, log in/out, ready, pause with a reason, the wrap-up
// countdown, click-to-dial, hang up, hold and transfer, toasts and keyboard shortcuts. Fills <section id="controls">.
// The server decides whose desk and calls these are; the page only shows its state and sends commands.
(function () {
  'use strict';
  const el = Hotline.el;
  const t = Hotline.t;

  Hotline.i18n.add({
    'zh-CN': {
      'desk.partly': '部分队列置忙: {q}',
      'ctl.login': '签入', 'ctl.logout': '签出', 'ctl.ready': '就绪 (F2)', 'ctl.pause': '置忙 (F3)',
      'ctl.reason': '置忙原因', 'ctl.finish': '结束事后处理', 'ctl.extend': '延长事后处理',
      'ctl.wrapLeft': '事后处理剩余 {s} 秒', 'ctl.dial': '外呼', 'ctl.dialPlaceholder': '电话号码 (F6)',
      'ctl.hangup': '挂断 (F4)', 'ctl.hold': '保持', 'ctl.unhold': '取回', 'ctl.transfer': '转接 (F7)',
      'ctl.noCall': '无通话', 'ctl.onHold': '保持中',
      'xfer.title': '转接', 'xfer.agent': '坐席(工号/分机)', 'xfer.queue': '队列', 'xfer.number': '外部号码',
      'xfer.blind': '直接转接', 'xfer.attended': '咨询转接', 'xfer.go': '转接', 'xfer.cancel': '取消',
      'xfer.target': '转接目标',
      'ok.login': '已签入', 'ok.logout': '已签出', 'ok.ready': '已就绪', 'ok.pause': '已置忙: {r}',
      'ok.finish': '事后处理已结束', 'ok.extend': '事后处理已延长', 'ok.dial': '您已接起话机, 正在呼叫 {n}',
      'ok.hangup': '已挂断', 'ok.hold': '客户已保持', 'ok.unhold': '已取回通话', 'ok.transfer': '已转接至 {t}',
      'ok.consulting': '正在咨询 {t}: 客户听保持音乐, 挂机即完成转接', 'ok.dialling': '正在振铃您的话机, 请接起后呼叫 {n}',
      'err.prefix': '操作失败: ', 'out.refused': '未执行: ', 'out.failed': '执行失败: ', 'out.timed-out': '未确认(超时): ',
      'err.invalid': '输入有误', 'err.not-your-call': '这通电话不在您的话机上',
      'err.call-gone': '通话已不存在', 'err.call-ended': '通话已结束, 操作未完成',
      'err.phone-offline': '您的话机离线或无法接通', 'err.phone-busy': '您的话机忙',
      'err.phone-no-answer': '您的话机振铃未接听', 'err.phone-declined': '您的话机拒接了呼叫',
      'err.phone-on-call': '您的话机正在通话中',
      'err.transfer-not-allowed': '交换机未开始咨询转接: 该通话不允许转接', 'err.transfer-aborted': '交换机放弃了咨询转接, 客户已回到您这里',
      'err.transfer-failed': '交换机未能转接该通话', 'err.no-such-target': '交换机上没有这个转接目标', 'err.pbx-refused': '交换机拒绝了操作',
      'err.pbx-unexpected': '交换机的应答无法识别', 'err.pbx-unavailable': '交换机未连接, 请稍后再试',
      'err.pbx-no-response': '交换机未及时应答, 操作可能仍会执行, 请留意话机',
      'err.not-confirmed': '交换机已受理但未及时确认, 操作可能仍会执行, 请留意话机',
      'err.conflict': '当前状态下无法执行', 'err.log-in-first': '请先签入', 'err.finish-call-first': '请先结束通话',
      'err.not-in-wrap-up': '当前不在事后处理中', 'err.wrap-up-not-extendable': '该队列的事后处理不可延长',
      'err.wrap-up-extended': '事后处理只能延长一次', 'err.unknown-reason': '没有这个置忙原因',
      'err.outcome-required': '请先选择通话结果', 'err.unknown-outcome': '该通话结果不可用',
      'err.no-queues': '您还没有分配队列, 请联系管理员', 'err.invalid-input': '输入有误',
      'help.title': '快捷键', 'help.keys': 'F2 就绪 · F3 置忙 · F4 挂断 · F6 外呼号码 · F7 转接 · Esc 关闭对话框',
      'forced': '班长已将您置为: {s}'
    },
    en: {
      'desk.partly': 'paused in {q}',
      'ctl.login': 'Log in', 'ctl.logout': 'Log out', 'ctl.ready': 'Ready (F2)', 'ctl.pause': 'Pause (F3)',
      'ctl.reason': 'Pause reason', 'ctl.finish': 'Finish wrap-up', 'ctl.extend': 'More time',
      'ctl.wrapLeft': 'Wrap-up: {s} s left', 'ctl.dial': 'Dial', 'ctl.dialPlaceholder': 'Phone number (F6)',
      'ctl.hangup': 'Hang up (F4)', 'ctl.hold': 'Hold', 'ctl.unhold': 'Resume', 'ctl.transfer': 'Transfer (F7)',
      'ctl.noCall': 'No call', 'ctl.onHold': 'On hold',
      'xfer.title': 'Transfer', 'xfer.agent': 'Agent (user or extension)', 'xfer.queue': 'Queue',
      'xfer.number': 'Outside number', 'xfer.blind': 'Blind', 'xfer.attended': 'Attended', 'xfer.go': 'Transfer',
      'xfer.cancel': 'Cancel', 'xfer.target': 'Target',
      'ok.login': 'Logged in', 'ok.logout': 'Logged out', 'ok.ready': 'Ready', 'ok.pause': 'Paused: {r}',
      'ok.finish': 'Wrap-up finished', 'ok.extend': 'Wrap-up extended', 'ok.dial': 'You picked up: calling {n}',
      'ok.hangup': 'Hung up', 'ok.hold': 'Customer on hold', 'ok.unhold': 'Call resumed',
      'ok.transfer': 'Transferred to {t}', 'ok.consulting': 'Consulting {t}: the customer hears music; hang up to complete',
      'ok.dialling': 'Ringing your phone: pick up to call {n}',
      'err.prefix': 'Failed: ', 'out.refused': 'Not done: ', 'out.failed': 'Failed: ', 'out.timed-out': 'Not confirmed (timeout): ',
      'err.invalid': 'Invalid input', 'err.not-your-call': 'This call is not on your phone',
      'err.call-gone': 'The call no longer exists', 'err.call-ended': 'The call ended; the command did not complete',
      'err.phone-offline': 'Your phone is offline or unreachable', 'err.phone-busy': 'Your phone is busy',
      'err.phone-no-answer': 'Your phone rang but was not answered', 'err.phone-declined': 'Your phone declined the call',
      'err.phone-on-call': 'Your phone is on a call',
      'err.transfer-not-allowed': 'The PBX did not start the consultation: this call does not allow transfers',
      'err.transfer-aborted': 'The PBX gave up the attended transfer; the customer is back with you',
      'err.transfer-failed': 'The PBX could not transfer the call', 'err.no-such-target': 'The PBX has no such transfer target', 'err.pbx-refused': 'The PBX refused',
      'err.pbx-unexpected': 'The PBX gave an answer Hotline does not understand',
      'err.pbx-unavailable': 'The PBX is not connected; try again shortly',
      'err.pbx-no-response': 'The PBX did not answer in time; it may still happen, watch your phone',
      'err.not-confirmed': 'The PBX accepted but did not confirm in time; it may still happen, watch your phone',
      'err.conflict': 'Not possible now', 'err.log-in-first': 'Log in first', 'err.finish-call-first': 'Finish the call first',
      'err.not-in-wrap-up': 'Not in wrap-up', 'err.wrap-up-not-extendable': "This queue's wrap-up cannot be extended",
      'err.wrap-up-extended': 'Wrap-up can be extended once only', 'err.unknown-reason': 'No such pause reason',
      'err.outcome-required': 'Choose the call outcome first', 'err.unknown-outcome': 'This call outcome is not available',
      'err.no-queues': 'You have no queues yet: ask an administrator', 'err.invalid-input': 'Invalid input',
      'help.title': 'Shortcuts', 'help.keys': 'F2 ready · F3 pause · F4 hang up · F6 dial box · F7 transfer · Esc closes',
      'forced': 'Your supervisor set you to: {s}'
    }
  });

  let state = null;
  let reasons = [];
  let held = null;
  const ui = {};

  function button(id, key, cls, onClick) {
    const b = el('button', cls);
    b.id = id;
    b.type = 'button';
    b.dataset.i18n = key;
    b.textContent = t(key);
    b.addEventListener('click', onClick);
    return b;
  }

  function toast(text, error, detail) {
    const n = el('div', 'toast ' + (error ? 'toast-error' : 'toast-ok'), text);
    // the PBX's own words (English, Asterisk's) stay out of the sentence: on hover, for whoever diagnoses it
    if (detail) n.title = detail;
    n.setAttribute('role', error ? 'alert' : 'status');
    ui.toasts.appendChild(n);
    setTimeout(() => n.remove(), error ? 8000 : 4000);
  }

  // A failed command in the agent's language: refused / failed / not confirmed, then the reason by its code; a code
  // the page does not know gets the generic words of its HTTP status, never the server's English.
  function failure(e) {
    const d = e.data || {};
    const key = d.code ? 'err.' + d.code : null;
    const generic = e.status === 400 ? 'err.invalid-input' : e.status === 409 ? 'err.conflict' : 'err.pbx-refused';
    const reason = key && t(key) !== key ? t(key, {d: d.detail || d.message || '', m: d.message || ''}) : t(generic);
    const prefix = d.outcome && t('out.' + d.outcome) !== 'out.' + d.outcome ? t('out.' + d.outcome) : t('err.prefix');
    return prefix + reason;
  }

  async function run(method, url, body, okKey, params) {
    try {
      const data = await Hotline.api(method, url, body);
      if (data && data.state) render(data);
      // an attended transfer is done when the consultation started, not when the customer moved
      const key = data && data.code === 'consulting' ? 'ok.consulting' : okKey;
      if (key) toast(t(key, params));
      return data;
    } catch (e) {
      toast(failure(e), true, (e.data && (e.data.detail || e.data.message)) || e.message);
      return null;
    }
  }

  function reasonLabel(s) {
    if (!s.reason) return '';
    return Hotline.i18n.lang() === 'en' ? (s.reasonLabelEn || s.reason) : (s.reasonLabel || s.reason);
  }

  function elapsed(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    const two = (n) => String(n).padStart(2, '0');
    return (s >= 3600 ? Math.floor(s / 3600) + ':' : '') + two(Math.floor(s / 60) % 60) + ':' + two(s % 60);
  }

  function tick() {
    if (!state) return;
    ui.timer.textContent = elapsed(Date.now() - state.since);
    if (state.state === 'WRAP_UP' && state.wrapUpEndsAt) {
      ui.wrapLeft.textContent = t('ctl.wrapLeft', {s: Math.max(0, Math.ceil((state.wrapUpEndsAt - Date.now()) / 1000))});
    }
  }

  function render(s) {
    const previous = state;
    state = s;
    const st = s.state;
    ui.root.dataset.state = st;
    ui.state.className = 'desk-state state-' + st.toLowerCase();
    ui.state.textContent = t('desk.' + st) + (s.reason && st !== 'WRAP_UP' && st !== 'LAGGED' ? ' · ' + reasonLabel(s) : '')
      // paused in some queues only (set on the PBX): calls still come from the others, so the desk is ready
      + (s.partlyPaused ? ' · ' + t('desk.partly', {q: Object.keys(s.pausedQueues || {}).join(', ')}) : '');
    const loggedIn = st !== 'LOGGED_OUT';
    const onCall = st === 'TALKING' || st === 'RINGING';
    ui.login.hidden = loggedIn;
    ui.logout.hidden = !loggedIn;
    ui.logout.disabled = onCall;
    ui.ready.disabled = !loggedIn || (st === 'READY' && !s.partlyPaused) || onCall;
    ui.pause.disabled = !loggedIn || onCall;
    ui.reason.disabled = !loggedIn || onCall;
    ui.wrap.hidden = st !== 'WRAP_UP';
    ui.extend.hidden = !s.wrapUpExtendable;
    const call = s.call;
    if (!call || (held && held !== call.callId)) held = null;
    ui.call.textContent = call ? [call.number, call.name].filter(Boolean).join(' · ') + (held ? ' · ' + t('ctl.onHold') : '')
      : t('ctl.noCall');
    ui.hangup.disabled = !call;
    ui.transfer.disabled = !call || st !== 'TALKING';
    ui.hold.hidden = !!held;
    ui.hold.disabled = !call || st !== 'TALKING';
    ui.unhold.hidden = !held;
    ui.dialNumber.disabled = onCall;
    ui.dial.disabled = onCall;
    // only a ready desk paused by someone else is news: from wrap-up or a dropped connection the desk is restoring
    // the agent's own pause (no supervisor did anything)
    if (previous && previous.state === 'READY' && !previous.partlyPaused && st === 'PAUSED' && s.reason
        && ui.pending !== 'pause') {
      toast(t('forced', {s: t('desk.PAUSED') + ' · ' + reasonLabel(s)}));
    }
    tick();
  }

  function pauseNow() {
    const reason = ui.reason.value;
    const r = reasons.find(x => x.code === reason);
    ui.pending = 'pause';
    run('POST', '/api/control/pause', {reason}, 'ok.pause',
      {r: r ? (Hotline.i18n.lang() === 'en' ? r.en : r.zh) : reason}).finally(() => { ui.pending = null; });
  }

  function callId() {
    return state && state.call ? state.call.callId : null;
  }

  function openTransfer() {
    if (ui.transfer.disabled) return;
    ui.dialog.hidden = false;
    ui.xTarget.focus();
  }

  async function transferNow() {
    const target = ui.xTarget.value.trim();
    if (!target) return;
    const ok = await run('POST', '/api/control/transfer', {callId: callId(), target, targetType: ui.xType.value,
      kind: ui.xKind.value}, 'ok.transfer', {t: target});
    if (ok) {
      ui.dialog.hidden = true;
      ui.xTarget.value = '';
    }
  }

  function option(value, key) {
    const o = el('option', null, t(key));
    o.value = value;
    o.dataset.i18n = key;
    return o;
  }

  function build(root) {
    ui.root = root;
    root.replaceChildren();
    const status = root.appendChild(el('div', 'ctl-group ctl-status'));
    ui.state = status.appendChild(el('span', 'desk-state'));
    ui.state.id = 'desk-state';
    ui.timer = status.appendChild(el('span', 'desk-timer', '00:00'));
    ui.timer.id = 'desk-timer';

    const desk = root.appendChild(el('div', 'ctl-group'));
    ui.login = desk.appendChild(button('btn-login', 'ctl.login', 'ctl-primary',
      () => run('POST', '/api/control/login', undefined, 'ok.login')));
    ui.logout = desk.appendChild(button('btn-logout', 'ctl.logout', null,
      () => run('POST', '/api/control/logout', undefined, 'ok.logout')));
    ui.ready = desk.appendChild(button('btn-ready', 'ctl.ready', 'ctl-primary',
      () => run('POST', '/api/control/ready', undefined, 'ok.ready')));
    ui.reason = desk.appendChild(el('select'));
    ui.reason.id = 'pause-reason';
    ui.reason.dataset.i18nTitle = 'ctl.reason';
    ui.pause = desk.appendChild(button('btn-pause', 'ctl.pause', null, pauseNow));

    ui.wrap = root.appendChild(el('div', 'ctl-group ctl-wrapup'));
    ui.wrap.id = 'wrapup';
    ui.wrapLeft = ui.wrap.appendChild(el('span', 'wrapup-left'));
    ui.wrapLeft.id = 'wrapup-left';
    ui.wrap.appendChild(button('btn-wrapup-finish', 'ctl.finish', 'ctl-primary',
      () => run('POST', '/api/control/wrapup/finish', undefined, 'ok.finish')));
    ui.extend = ui.wrap.appendChild(button('btn-wrapup-extend', 'ctl.extend', null,
      () => run('POST', '/api/control/wrapup/extend', undefined, 'ok.extend')));

    const call = root.appendChild(el('div', 'ctl-group ctl-call'));
    ui.call = call.appendChild(el('span', 'call-info'));
    ui.call.id = 'call-info';
    ui.hangup = call.appendChild(button('btn-hangup', 'ctl.hangup', 'ctl-danger',
      () => callId() && run('POST', '/api/control/hangup', {callId: callId()}, 'ok.hangup')));
    ui.hold = call.appendChild(button('btn-hold', 'ctl.hold', null, async () => {
      const id = callId();
      if (id && await run('POST', '/api/control/hold', {callId: id}, 'ok.hold')) { held = id; render(state); }
    }));
    ui.unhold = call.appendChild(button('btn-unhold', 'ctl.unhold', null, async () => {
      const id = callId();
      if (id && await run('POST', '/api/control/unhold', {callId: id}, 'ok.unhold')) { held = null; render(state); }
    }));
    ui.transfer = call.appendChild(button('btn-transfer', 'ctl.transfer', null, openTransfer));

    const dial = root.appendChild(el('form', 'ctl-group ctl-dial'));
    ui.dialNumber = dial.appendChild(el('input'));
    ui.dialNumber.id = 'dial-number';
    ui.dialNumber.type = 'tel';
    ui.dialNumber.autocomplete = 'off';
    ui.dialNumber.dataset.i18nPlaceholder = 'ctl.dialPlaceholder';
    ui.dial = dial.appendChild(el('button', null, t('ctl.dial')));
    ui.dial.id = 'btn-dial';
    ui.dial.type = 'submit';
    ui.dial.dataset.i18n = 'ctl.dial';
    dial.addEventListener('submit', (e) => {
      e.preventDefault();
      const n = ui.dialNumber.value.trim();
      // the server answers once the agent picked up (or why not): say at once that the phone is ringing
      if (n) { toast(t('ok.dialling', {n})); run('POST', '/api/control/dial', {number: n}, 'ok.dial', {n}); }
    });

    const tools = root.appendChild(el('div', 'ctl-group ctl-tools'));
    const help = tools.appendChild(el('details', 'ctl-help'));
    help.id = 'shortcuts';
    const summary = help.appendChild(el('summary', null, t('help.title')));
    summary.dataset.i18n = 'help.title';
    const keys = help.appendChild(el('p', null, t('help.keys')));
    keys.dataset.i18n = 'help.keys';

    ui.dialog = root.appendChild(el('div', 'ctl-dialog'));
    ui.dialog.id = 'transfer-dialog';
    ui.dialog.hidden = true;
    ui.dialog.setAttribute('role', 'dialog');
    const title = ui.dialog.appendChild(el('h3', null, t('xfer.title')));
    title.dataset.i18n = 'xfer.title';
    ui.xType = ui.dialog.appendChild(el('select'));
    ui.xType.id = 'transfer-type';
    ui.xType.append(option('agent', 'xfer.agent'), option('queue', 'xfer.queue'), option('number', 'xfer.number'));
    ui.xTarget = ui.dialog.appendChild(el('input'));
    ui.xTarget.id = 'transfer-target';
    ui.xTarget.dataset.i18nPlaceholder = 'xfer.target';
    ui.xKind = ui.dialog.appendChild(el('select'));
    ui.xKind.id = 'transfer-kind';
    ui.xKind.append(option('blind', 'xfer.blind'), option('attended', 'xfer.attended'));
    ui.dialog.appendChild(button('btn-transfer-go', 'xfer.go', 'ctl-primary', transferNow));
    ui.dialog.appendChild(button('btn-transfer-cancel', 'xfer.cancel', null, () => { ui.dialog.hidden = true; }));

    ui.toasts = document.body.appendChild(el('div', 'toasts'));
    ui.toasts.id = 'toasts';
    Hotline.i18n.translate(root);
  }

  function fillReasons() {
    const keep = ui.reason.value;
    ui.reason.replaceChildren();
    for (const r of reasons) {
      const o = el('option', null, Hotline.i18n.lang() === 'en' ? r.en : r.zh);
      o.value = r.code;
      ui.reason.appendChild(o);
    }
    if (keep) ui.reason.value = keep;
  }

  function keys(e) {
    const map = {
      F2: () => !ui.ready.disabled && ui.ready.click(),
      F3: () => { if (!ui.pause.disabled) { ui.reason.focus(); pauseNow(); } },
      F4: () => !ui.hangup.disabled && ui.hangup.click(),
      F6: () => ui.dialNumber.focus(),
      F7: openTransfer,
      Escape: () => { ui.dialog.hidden = true; }
    };
    if (map[e.key]) {
      e.preventDefault();
      map[e.key]();
    }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    const root = document.getElementById('controls');
    if (!root) return;
    build(root);
    document.addEventListener('keydown', keys);
    Hotline.on('agent-state', (m) => render(m.data));
    Hotline.on('lang', () => { fillReasons(); if (state) render(state); });
    setInterval(tick, 1000);
    try {
      reasons = await Hotline.api('GET', '/api/control/pause-reasons');
      fillReasons();
      render(await Hotline.api('GET', '/api/control/state'));
    } catch (e) {
      toast(failure(e), true, e.message);
    }
  });
})();
