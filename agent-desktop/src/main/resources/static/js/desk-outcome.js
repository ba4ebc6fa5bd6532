// The call outcome (通话结果, docs/adr/0036): during the call or its wrap-up the agent chooses one of the queue's
// outcomes; where the queue requires one, the server refuses to end the wrap-up without it (the page only marks it).
(function () {
  'use strict';
  const H = window.Hotline;
  H.i18n.add({
    'zh-CN': {
      'outcome.label': '通话结果', 'outcome.choose': '请选择通话结果', 'outcome.required': '必选',
      'outcome.saved': '通话结果已记录：{o}', 'outcome.failed': '通话结果未记录：{m}',
      'outcome.unknown-outcome': '该通话结果不可用', 'outcome.no-call-for-outcome': '没有可记录结果的通话'
    },
    en: {
      'outcome.label': 'Call outcome', 'outcome.choose': 'Choose the call outcome', 'outcome.required': 'required',
      'outcome.saved': 'Call outcome recorded: {o}', 'outcome.failed': 'Call outcome not recorded: {m}',
      'outcome.unknown-outcome': 'This call outcome is not available',
      'outcome.no-call-for-outcome': 'There is no call to record an outcome for'
    }
  });
  let state = null;
  let ui = null;

  function label(o) {
    return H.i18n.lang() === 'en' ? o.en : o.zh;
  }

  function build(root) {
    const box = H.el('div', 'ctl-group ctl-outcome');
    box.id = 'outcome';
    box.hidden = true;
    const name = H.el('label', 'outcome-label');
    name.htmlFor = 'outcome-select';
    const select = H.el('select');
    select.id = 'outcome-select';
    select.addEventListener('change', choose);
    const required = H.el('span', 'outcome-required');
    required.id = 'outcome-required';
    const status = H.el('span', 'note');
    status.id = 'outcome-status';
    status.setAttribute('aria-live', 'polite');
    box.append(name, select, required, status);
    root.append(box);
    ui = {box, name, select, required, status};
  }

  function render(s) {
    const callBefore = state && (state.call || {}).callId;
    state = s;
    const outcomes = (s && (s.state === 'TALKING' || s.state === 'WRAP_UP') && s.outcomes) || [];
    ui.box.hidden = outcomes.length === 0;
    if (outcomes.length === 0 || (s.call && s.call.callId !== callBefore && s.state === 'TALKING' && !s.outcome)) {
      ui.status.textContent = '';
    }
    ui.name.textContent = H.t('outcome.label');
    ui.required.textContent = s && s.outcomeRequired ? H.t('outcome.required') : '';
    ui.required.hidden = !(s && s.outcomeRequired);
    const first = H.el('option', null, H.t('outcome.choose'));
    first.value = '';
    first.disabled = true;
    const options = [first].concat(outcomes.map(o => {
      const opt = H.el('option', null, label(o));
      opt.value = o.code;
      return opt;
    }));
    ui.select.replaceChildren(...options);
    ui.select.value = s && s.outcome ? s.outcome : '';
    ui.box.classList.toggle('outcome-missing', !!(s && s.outcomeRequired && !s.outcome));
  }

  async function choose() {
    const code = ui.select.value;
    if (!code) return;
    const chosen = ((state && state.outcomes) || []).find(o => o.code === code);
    try {
      const s = await H.api('POST', '/api/control/outcome', {code});
      render(s);
      ui.status.className = 'note';
      ui.status.textContent = H.t('outcome.saved', {o: chosen ? label(chosen) : code});
    } catch (e) {
      const c = e.data && e.data.code;
      const known = c && H.t('outcome.' + c) !== 'outcome.' + c;
      ui.status.className = 'error';
      ui.status.textContent = H.t('outcome.failed', {m: known ? H.t('outcome.' + c) : H.t('err.conflict')});
      if (state) render(state);
    }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    const root = document.getElementById('controls');
    if (!root) return;
    build(root);
    H.on('agent-state', (m) => render(m.data));
    H.on('lang', () => { if (state) render(state); });
    try {
      render(await H.api('GET', '/api/control/state'));
    } catch (e) {
      // controls.js says why the state could not be read
    }
  });
})();
