// Listen, whisper and barge from the supervisor page's agent row (docs/adr/0031): the supervisor's own phone rings and
// joins the agent's call; the page says "done" only when the PBX confirmed it, else why not, in the page's language.
(function () {
  'use strict';
  const H = window.Hotline;
  H.i18n.add({
    'zh-CN': {
      'rec.page': '通话录音', 'spy.listen': '监听', 'spy.whisper': '耳语', 'spy.barge': '强插', 'spy.ringing': '{agent}：正在呼叫您的分机…',
      'spy.done.listen': '{agent}：您的分机正在监听', 'spy.done.whisper': '{agent}：您的分机正在耳语（仅坐席听到）',
      'spy.done.barge': '{agent}：您的分机已强插通话', 'spy.failed': '{agent}：未能加入通话 — {message}',
      'spy.code.spy-no-phone': '您没有分机，请管理员为您设置分机', 'spy.code.agent-not-talking': '该坐席当前不在通话中',
      'spy.code.phone-busy': '您的分机忙', 'spy.code.phone-no-answer': '您的分机未接听',
      'spy.code.phone-declined': '您的分机拒接', 'spy.code.phone-offline': '您的分机不在线或无法接通',
      'spy.code.call-ended': '坐席的通话已结束', 'spy.code.spy-ended': '通话已结束，您的分机已挂断',
      'spy.code.pbx-no-response': '交换机未及时确认', 'spy.code.pbx-unavailable': '交换机未连接',
      'spy.code.not-your-team': '该坐席不属于您的班组或队列', 'spy.code.spy-self': '不能监听自己',
      'spy.code.no-such-agent': '没有这个坐席', 'spy.code.pbx-refused': '交换机拒绝了请求'
    },
    en: {
      'rec.page': 'Recordings', 'spy.listen': 'Listen', 'spy.whisper': 'Whisper', 'spy.barge': 'Barge', 'spy.ringing': '{agent}: calling your phone…',
      'spy.done.listen': '{agent}: your phone is listening', 'spy.done.whisper': '{agent}: your phone is whispering (agent only)',
      'spy.done.barge': '{agent}: your phone has joined the call', 'spy.failed': '{agent}: could not join — {message}',
      'spy.code.spy-no-phone': 'You have no extension: ask an administrator for one',
      'spy.code.agent-not-talking': 'This agent is not on a call', 'spy.code.phone-busy': 'Your phone is busy',
      'spy.code.phone-no-answer': 'Your phone was not answered', 'spy.code.phone-declined': 'Your phone declined',
      'spy.code.phone-offline': 'Your phone is offline or unreachable', 'spy.code.call-ended': 'The agent\'s call ended',
      'spy.code.spy-ended': 'The call ended; your phone hung up', 'spy.code.pbx-no-response': 'The PBX did not confirm in time',
      'spy.code.pbx-unavailable': 'The PBX is not connected', 'spy.code.not-your-team': 'This agent is not in your team or queues',
      'spy.code.spy-self': 'You cannot listen to yourself', 'spy.code.no-such-agent': 'No such agent',
      'spy.code.pbx-refused': 'The PBX refused'
    }
  });

  async function spy(agent, mode) {
    const status = document.getElementById('action-status');
    status.className = 'note controls';
    status.textContent = H.t('spy.ringing', {agent: agent.displayName});
    try {
      await H.api('POST', '/api/supervisor/agents/' + encodeURIComponent(agent.username) + '/spy', {mode});
      status.textContent = H.t('spy.done.' + mode, {agent: agent.displayName});
    } catch (e) {
      const code = e.data && e.data.code;
      const key = 'spy.code.' + code;
      status.className = 'error controls';
      status.textContent = H.t('spy.failed', {agent: agent.displayName,
        message: code && H.t(key) !== key ? H.t(key) : e.message});
    }
  }

  // the row's buttons: only while the agent talks to a customer
  function buttons(agent) {
    if (!agent.username || agent.state !== 'talking') return [];
    return ['listen', 'whisper', 'barge'].map(mode => {
      const b = H.el('button', 'spy spy-' + mode, H.t('spy.' + mode));
      b.type = 'button';
      b.addEventListener('click', () => spy(agent, mode));
      return b;
    });
  }

  window.HotlineSpy = {buttons};
})();
