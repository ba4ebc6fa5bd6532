// The queue page's recording switches (docs/adr/0030): one checkbox per queue, saved at once and audited; Hotline sends
// each switch to Asterisk, which records the queue's calls from the agent's answer unless it is off.
(function () {
  'use strict';
  const H = window.Hotline;
  H.i18n.add({
    'zh-CN': {'qrec.title': '通话录音', 'qrec.queue': '队列名', 'qrec.record': '录音', 'qrec.failed': '录音设置未保存：{message}',
      'qrec.note': '勾选的队列，坐席接听后整通电话都会录音（坐席可在客户报卡号等信息时暂停）；保存期满的录音文件自动删除。改动在下一通电话生效。'},
    en: {'qrec.title': 'Call recording', 'qrec.queue': 'Queue', 'qrec.record': 'Record', 'qrec.failed': 'Recording switch not saved: {message}',
      'qrec.note': 'Calls of a ticked queue are recorded from the agent\'s answer (agents may pause while a customer gives card details); files past the retention are deleted. A change applies from the next call.'}
  });

  async function load() {
    const tbody = document.querySelector('#recording-switches tbody');
    if (!tbody) return;
    const switches = await H.api('GET', '/api/admin/queues/recording');
    tbody.replaceChildren(...Object.entries(switches).map(([queue, on]) => {
      const tr = H.el('tr');
      tr.dataset.queue = queue;
      const box = H.el('input');
      box.type = 'checkbox';
      box.checked = on;
      box.addEventListener('change', async () => {
        box.disabled = true;
        try {
          await H.api('PUT', '/api/admin/queues/' + encodeURIComponent(queue) + '/recording', {enabled: box.checked});
        } catch (e) {
          box.checked = !box.checked;
          const err = document.getElementById('error');
          if (err) { err.hidden = false; err.textContent = H.t('qrec.failed', {message: e.message}); }
        } finally {
          box.disabled = false;
        }
      });
      const cell = H.el('td');
      cell.append(box);
      tr.append(H.el('td', null, queue), cell);
      return tr;
    }));
  }

  document.addEventListener('DOMContentLoaded', () => { load().catch(() => {}); });
})();
