// Call outcomes for administrators (通话结果, docs/adr/0036): the company's codes with both labels, queues, order and
// whether they are offered (retired, never deleted), and per queue whether agents must choose one before the wrap-up
// ends. Server text goes through textContent only.
(function () {
  'use strict';
  const H = window.Hotline;
  const $ = id => document.getElementById(id);
  const t = H.t;
  const sep = () => (H.i18n.lang() === 'en' ? ', ' : '，');
  H.i18n.add({
    'zh-CN': {
      'oc.title': '通话结果', 'oc.failed': '操作失败：{m}', 'oc.edit': '修改', 'oc.all': '全部', 'oc.active': '启用',
      'oc.retired': '已停用', 'oc.save': '保存通话结果',
      'oc.note': '坐席在通话中或事后处理时从这里选择本通电话的结果；不填适用队列则所有队列都可选。用过的结果不能删除，只能停用：停用后不再出现在菜单中，历史记录和报表保留其名称。',
      'oc.col.code': '代码', 'oc.col.zh': '中文名称', 'oc.col.en': '英文名称', 'oc.col.queues': '适用队列',
      'oc.col.position': '顺序', 'oc.col.state': '状态', 'oc.col.queue': '队列', 'oc.col.required': '必须选择通话结果',
      'oc.required': '必选的队列',
      'oc.requiredNote': '勾选的队列，坐席未选择通话结果时不能结束事后处理（就绪）；事后处理计时结束仍未选择的，记为“未选择”并在报表中统计。',
      'oc.codeHint': '小写字母、数字、-', 'oc.codeEg': '如 solved', 'oc.zhEg': '如 已解决', 'oc.enEg': '如 Solved',
      'oc.queuesHint': '留空为全部，多个用逗号分隔'
    },
    en: {
      'oc.title': 'Call outcomes', 'oc.failed': 'Failed: {m}', 'oc.edit': 'Edit', 'oc.all': 'all', 'oc.active': 'active',
      'oc.retired': 'retired', 'oc.save': 'Save the call outcome',
      'oc.note': 'Agents choose the outcome of a call from this list during the call or its wrap-up; without queues it is offered in every queue. An outcome is never deleted, only retired: it leaves the menu, past calls and the reports keep its name.',
      'oc.col.code': 'Code', 'oc.col.zh': 'Chinese label', 'oc.col.en': 'English label', 'oc.col.queues': 'Queues',
      'oc.col.position': 'Order', 'oc.col.state': 'State', 'oc.col.queue': 'Queue', 'oc.col.required': 'Call outcome required',
      'oc.required': 'Queues that require an outcome',
      'oc.requiredNote': 'In a ticked queue an agent cannot end the wrap-up (go ready) without choosing a call outcome; a wrap-up whose time runs out without one is recorded as "none chosen" and counted in the reports.',
      'oc.codeHint': 'lower-case letters, digits, -', 'oc.codeEg': 'e.g. solved', 'oc.zhEg': 'e.g. 已解决', 'oc.enEg': 'e.g. Solved',
      'oc.queuesHint': 'empty for all; several separated by commas'
    }
  });
  let data = null;

  function fail(e) {
    $('error').hidden = false;
    $('error').textContent = t('oc.failed', {m: (e.data && e.data.message) || e.message});
  }

  function outcomeRow(o) {
    const tr = H.el('tr');
    tr.dataset.code = o.code;
    const edit = H.el('button', null, t('oc.edit'));
    edit.type = 'button';
    edit.addEventListener('click', () => {
      $('o-code').value = o.code;
      $('o-zh').value = o.zh;
      $('o-en').value = o.en;
      $('o-queues').value = o.queues.join(',');
      $('o-position').value = String(o.position);
      $('o-active').checked = o.active;
      $('o-zh').focus();
    });
    const actions = H.el('td', 'actions');
    actions.append(edit);
    // each label in its own language, whatever the page's
    const zhCell = H.el('td', 'zh', o.zh);
    zhCell.lang = 'zh-CN';
    const enCell = H.el('td', 'en', o.en);
    enCell.lang = 'en';
    tr.append(H.el('td', 'code', o.code), zhCell, enCell,
      H.el('td', 'queues', o.queues.length ? o.queues.join(sep()) : t('oc.all')),
      H.el('td', 'position', String(o.position)), H.el('td', 'state', o.active ? t('oc.active') : t('oc.retired')),
      actions);
    return tr;
  }

  function requiredRow(q) {
    const tr = H.el('tr');
    tr.dataset.queue = q.name;
    const box = H.el('input');
    box.type = 'checkbox';
    box.checked = q.required;
    box.addEventListener('change', async () => {
      box.disabled = true;
      $('error').hidden = true;
      try {
        await H.api('PUT', '/api/admin/queues/' + encodeURIComponent(q.name) + '/outcome-required',
          {required: box.checked});
        q.required = box.checked;
      } catch (e) {
        box.checked = !box.checked;
        fail(e);
      } finally {
        box.disabled = false;
      }
    });
    const cell = H.el('td');
    cell.append(box);
    // the queue's name on the pages is data, in the language it was given
    const name = H.el('td', null, q.displayName && q.displayName !== q.name ? q.displayName + ' (' + q.name + ')' : q.name);
    name.setAttribute('data-data', '');
    tr.append(name, cell);
    return tr;
  }

  function render() {
    $('outcomes').tBodies[0].replaceChildren(...data.outcomes.map(outcomeRow));
    $('required').tBodies[0].replaceChildren(...data.queues.map(requiredRow));
  }

  async function load() {
    data = await H.api('GET', '/api/admin/outcomes');
    render();
    document.body.dataset.loaded = String(Date.now());
  }

  document.addEventListener('DOMContentLoaded', () => {
    H.csrf().then(tk => { $('logout-csrf').value = tk.token; }).catch(() => {});
    $('outcome-form').addEventListener('submit', e => {
      e.preventDefault();
      $('error').hidden = true;
      H.api('PUT', '/api/admin/outcomes/' + encodeURIComponent($('o-code').value.trim()), {
        zh: $('o-zh').value.trim(), en: $('o-en').value.trim(),
        queues: $('o-queues').value.split(/[,，\s]+/).filter(Boolean),
        position: Number($('o-position').value || 0), active: $('o-active').checked})
        .then(() => { $('outcome-form').reset(); return load(); }).catch(fail);
    });
    H.on('lang', () => { if (data) render(); });
    load().catch(fail);
  });
})();
