// The agent's side of recording and of a supervisor on the call (docs/adr/0030, 0031): a button that pauses the
// recording while the customer gives card or identity details and resumes it, done only on the PBX's word, and a
// notice when the company tells agents that a supervisor listens, whispers or barges in.
(function () {
  'use strict';
  const H = window.Hotline;
  H.i18n.add({
    'zh-CN': {
      'rec.pause': '暂停录音', 'rec.resume': '恢复录音', 'rec.paused': '录音已暂停', 'rec.resumed': '录音已恢复',
      'rec.failed': '录音操作失败：{message}', 'rec.not-recording': '本通话未录音',
      'rec.call-gone': '通话已结束', 'rec.not-your-call': '这不是您的通话', 'rec.pbx-no-response': '交换机未及时确认',
      'rec.pbx-unavailable': '交换机未连接',
      'spy.on.listen': '{who} 正在监听本通话', 'spy.on.whisper': '{who} 正在与您耳语（客户听不到）',
      'spy.on.barge': '{who} 已强插本通话'
    },
    en: {
      'rec.pause': 'Pause recording', 'rec.resume': 'Resume recording', 'rec.paused': 'Recording paused',
      'rec.resumed': 'Recording resumed', 'rec.failed': 'Recording: {message}', 'rec.not-recording': 'This call is not recorded',
      'rec.call-gone': 'The call has ended', 'rec.not-your-call': 'This is not your call',
      'rec.pbx-no-response': 'The PBX did not confirm in time', 'rec.pbx-unavailable': 'The PBX is not connected',
      'spy.on.listen': '{who} is listening to this call',
      'spy.on.whisper': '{who} is whispering to you (the customer cannot hear)',
      'spy.on.barge': '{who} has joined this call'
    }
  });
  let callId = null;
  let paused = false;
  let ui = null;

  function build(root) {
    const box = H.el('div', 'recording');
    box.id = 'recording';
    const button = H.el('button', 'rec-toggle', H.t('rec.pause'));
    button.type = 'button';
    button.id = 'rec-toggle';
    button.hidden = true;
    button.addEventListener('click', toggle);
    const status = H.el('span', 'note');
    status.id = 'rec-status';
    status.setAttribute('aria-live', 'polite');
    const spy = H.el('span', 'note spy-notice');
    spy.id = 'spy-notice';
    box.append(button, status, spy);
    root.append(box);
    ui = {button, status, spy};
  }

  function render(state) {
    const id = state && state.state === 'TALKING' && state.call ? state.call.callId : null;
    if (id !== callId) {
      callId = id;
      paused = false;
      ui.status.textContent = '';
      if (!id) ui.spy.textContent = '';
    }
    ui.button.hidden = !callId;
    ui.button.textContent = H.t(paused ? 'rec.resume' : 'rec.pause');
  }

  async function toggle() {
    if (!callId) return;
    ui.button.disabled = true;
    try {
      await H.api('POST', '/api/control/recording/' + (paused ? 'resume' : 'pause'), {callId});
      paused = !paused;
      ui.status.className = 'note';
      ui.status.textContent = H.t(paused ? 'rec.paused' : 'rec.resumed');
    } catch (e) {
      const code = e.data && e.data.code;
      const known = code && H.t('rec.' + code) !== 'rec.' + code;
      ui.status.className = 'error';
      ui.status.textContent = H.t('rec.failed', {message: known ? H.t('rec.' + code) : e.message});
    } finally {
      ui.button.disabled = false;
      ui.button.textContent = H.t(paused ? 'rec.resume' : 'rec.pause');
    }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    const root = document.getElementById('controls');
    if (!root) return;
    build(root);
    H.on('agent-state', (m) => render(m.data));
    H.on('supervisor-on-call', (m) => {
      const d = m.data || {};
      ui.spy.textContent = H.t('spy.on.' + d.mode, {who: d.supervisor || ''});
    });
    H.on('lang', () => render({state: callId ? 'TALKING' : null, call: callId ? {callId} : null}));
    try {
      render(await H.api('GET', '/api/control/state'));
    } catch (e) {
      // controls.js says why the state could not be read
    }
  });
})();
