// The callers waiting in the queues, on the supervisor page (issue #16): queue, place, wait, the masked number and
// name, whether the IVR identified them, whether they asked for a callback; from each wallboard frame the server pushes, longest wait first.
(function () {
  'use strict';
  const H = window.Hotline;
  H.i18n.add({
    'zh-CN': {'wait.title': '等候中的来电', 'wait.queue': '队列', 'wait.position': '排位', 'wait.wait': '等候时长',
      'wait.number': '来电号码', 'wait.name': '来电名称', 'wait.identified': '已验证户号', 'wait.yes': '是',
      'wait.no': '否', 'wait.none': '没有等候的来电', 'wait.callback': '预约回拨'},
    en: {'wait.title': 'Callers waiting', 'wait.queue': 'Queue', 'wait.position': 'Place', 'wait.wait': 'Waiting',
      'wait.number': 'Number', 'wait.name': 'Name', 'wait.identified': 'Account identified', 'wait.yes': 'yes',
      'wait.no': 'no', 'wait.none': 'No callers waiting', 'wait.callback': 'Callback requested'}
  });
  const t = H.t;
  const COLUMNS = [['wait.queue', w => w.queueName], ['wait.position', w => String(w.position)],
    ['wait.wait', w => clock(w.waitSeconds)], ['wait.number', w => w.number], ['wait.name', w => w.name || ''],
    ['wait.identified', w => t(w.identified ? 'wait.yes' : 'wait.no')],
    // asked the IVR for a callback: off the line, the place in the queue kept
    ['wait.callback', w => t(w.callback ? 'wait.yes' : 'wait.no')]];
  let last = null;

  function clock(seconds) {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    return m + ':' + String(s).padStart(2, '0');
  }

  function render(frame) {
    last = frame;
    const box = document.getElementById('waiting');
    if (!box || !frame.waitingCalls) return;
    const table = document.getElementById('waiting-table');
    const head = H.el('tr');
    COLUMNS.forEach(c => head.append(H.el('th', null, t(c[0]))));
    table.tHead.replaceChildren(head);
    const rows = frame.waitingCalls.map(w => {
      const tr = H.el('tr', 'waiting-call');
      tr.dataset.callId = w.callId;
      if (w.callback) tr.classList.add('callback');
      COLUMNS.forEach(c => tr.append(H.el('td', null, c[1](w))));
      return tr;
    });
    if (!rows.length) {
      const tr = H.el('tr', 'none');
      const td = H.el('td', 'note', t('wait.none'));
      td.colSpan = COLUMNS.length;
      tr.append(td);
      rows.push(tr);
    }
    table.tBodies[0].replaceChildren(...rows);
    box.hidden = false;
  }

  H.on('wallboard-frame', render);
  H.on('lang', () => { if (last) render(last); });
})();
