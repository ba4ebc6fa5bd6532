// The SMS campaign page (issue #5): campaigns with progress and controls, their messages, new reminder campaigns,
// templates and billing imports. Every server text goes in through textContent (Hotline.el): it is data, not markup.
(function () {
  'use strict';
  const H = window.Hotline;
  const STATUSES = ['queued', 'held', 'submitting', 'submitted', 'delivered', 'failed', 'cancelled'];
  const PAGE = 50;
  const REFRESH_MS = 5000;

  H.i18n.add({
    'zh-CN': {
      'cmp.title': '短信活动', 'cmp.logout': '退出', 'cmp.list': '活动列表', 'cmp.name': '名称', 'cmp.status': '状态',
      'cmp.created': '创建', 'cmp.progress': '进度', 'cmp.none': '暂无活动', 'cmp.resume': '开始/继续',
      'cmp.pause': '暂停', 'cmp.cancel': '取消', 'cmp.export': '导出 CSV', 'cmp.filter': '按状态', 'cmp.all': '全部',
      'cmp.prev': '上一页', 'cmp.next': '下一页', 'cmp.to': '号码', 'cmp.parts': '条数', 'cmp.notBefore': '发送时间',
      'cmp.errorCol': '错误', 'cmp.text': '内容', 'cmp.new': '新建催费活动', 'cmp.type': '类型', 'cmp.arrears': '欠费',
      'cmp.icCard': 'IC卡余额不足', 'cmp.template': '模板', 'cmp.minAmount': '最低金额（元）', 'cmp.steps': '逾期天数档',
      'cmp.maxBalance': '余额不高于（元）', 'cmp.extension': '回复扩展码（可选）', 'cmp.preview': '预览', 'cmp.create': '创建（暂停状态）',
      'cmp.templates': '模板', 'cmp.kind': '类别', 'cmp.body': '内容', 'cmp.save': '保存', 'cmp.import': '导入账单数据',
      'cmp.arrearsCsv': '欠费 CSV', 'cmp.icCsv': 'IC卡余额 CSV', 'cmp.upload': '导入',
      'cmp.targeted': '符合规则', 'cmp.withoutMobile': '无可用手机', 'cmp.optedOut': '已退订（跳过）',
      'cmp.duplicates': '已发过（跳过）', 'cmp.segments': '计费条数', 'cmp.rule': '规则', 'cmp.createdBy': '创建人',
      'cmp.matched': '符合规则', 'cmp.messages': '短信数', 'cmp.cost': '费用（元）', 'cmp.sample': '示例',
      'cmp.page': '第 {n} 页', 'cmp.imported': '已导入 {rows} 行（{replaced} 个账户/表）',
      'cmp.confirmCancel': '取消后未发送的短信都将作废，确定吗？', 'cmp.saved': '模板已保存',
      'cmp.signature': '短信签名', 'cmp.signatureNow': '每条短信开头的签名', 'cmp.signatureNew': '新签名',
      'cmp.signaturePlaceholder': '【公司名】', 'cmp.signatureSave': '保存签名',
      'cmp.signatureHint': '须为【】括起的 2 到 20 个字，与运营商备案一致；保存后新生成的短信都用新签名',
      'cmp.signatureReadOnly': '签名由管理员设置。', 'cmp.signatureFromSetting': '（系统配置 hotline.sms.campaigns.signature）',
      'cmp.signatureFromAdmin': '（{by} 于 {at} 设置）', 'cmp.signatureSaved': '签名已保存：{signature}，之后生成的短信都以它开头',
      'cmp.signatureBad': '签名须为【】括起的 2 到 20 个字，不能换行，如【国网供电服务】',
      'cmp.templatesHint': '系统自带的模板可直接试用：点“试用”填入新建活动并预览；修改后保存为新模板。',
      'cmp.try': '试用', 'cmp.edit': '修改', 'cmp.noTemplates': '还没有模板',
      'cmp.rule.arrears': '欠费不少于 {min} 元，逾期 {steps} 天各提醒一次', 'cmp.rule.ic': 'IC卡余额不高于 {max} 元',
      'cmp.kind.arrears': '欠费', 'cmp.kind.outage': '停电', 'cmp.kind.general': '通用', 'cmp.kind.work_order': '工单',
      'cmp.kind.escalation': '升级告警', 'cmp.kind.ic_card': 'IC卡余额',
      'cst.queued': '排队', 'cst.held': '暂停待发', 'cst.submitting': '提交中', 'cst.submitted': '已提交', 'cst.delivered': '已送达',
      'cst.failed': '失败', 'cst.cancelled': '已取消', 'cst.running': '发送中', 'cst.paused': '已暂停',
      'cst.completed': '已完成', 'cst.draft': '草稿'
    },
    en: {
      'cmp.title': 'SMS campaigns', 'cmp.logout': 'Sign out', 'cmp.list': 'Campaigns', 'cmp.name': 'Name',
      'cmp.status': 'Status', 'cmp.created': 'Created', 'cmp.progress': 'Progress', 'cmp.none': 'No campaigns yet',
      'cmp.resume': 'Start / resume', 'cmp.pause': 'Pause', 'cmp.cancel': 'Cancel', 'cmp.export': 'Export CSV',
      'cmp.filter': 'Status', 'cmp.all': 'All', 'cmp.prev': 'Previous', 'cmp.next': 'Next', 'cmp.to': 'Number',
      'cmp.parts': 'Parts', 'cmp.notBefore': 'Not before', 'cmp.errorCol': 'Error', 'cmp.text': 'Text',
      'cmp.new': 'New reminder campaign', 'cmp.type': 'Type', 'cmp.arrears': 'Arrears', 'cmp.icCard': 'IC-card low balance',
      'cmp.template': 'Template', 'cmp.minAmount': 'Minimum amount (CNY)', 'cmp.steps': 'Days-overdue steps',
      'cmp.maxBalance': 'Balance at most (CNY)', 'cmp.extension': 'Reply extension (optional)', 'cmp.preview': 'Preview', 'cmp.create': 'Create (paused)',
      'cmp.templates': 'Templates', 'cmp.kind': 'Kind', 'cmp.body': 'Body', 'cmp.save': 'Save',
      'cmp.import': 'Import billing data', 'cmp.arrearsCsv': 'Arrears CSV', 'cmp.icCsv': 'IC-card balances CSV',
      'cmp.upload': 'Import', 'cmp.targeted': 'Matched the rule', 'cmp.withoutMobile': 'Without usable mobile',
      'cmp.optedOut': 'Opted out (skipped)', 'cmp.duplicates': 'Already sent (skipped)', 'cmp.segments': 'Billed parts',
      'cmp.rule': 'Rule', 'cmp.createdBy': 'Created by', 'cmp.matched': 'Matched the rule', 'cmp.messages': 'Messages',
      'cmp.cost': 'Cost (CNY)', 'cmp.sample': 'Sample', 'cmp.page': 'Page {n}',
      'cmp.imported': 'Imported {rows} rows ({replaced} accounts/meters)',
      'cmp.confirmCancel': 'Cancelling voids every message not yet sent. Continue?', 'cmp.saved': 'Template saved',
      'cmp.signature': 'SMS signature', 'cmp.signatureNow': 'Every text starts with', 'cmp.signatureNew': 'New signature',
      'cmp.signaturePlaceholder': '【Company】', 'cmp.signatureSave': 'Save signature',
      'cmp.signatureHint': '【】 around 2 to 20 characters, as registered with the carriers; texts built after saving use it',
      'cmp.signatureReadOnly': 'Administrators set the signature.',
      'cmp.signatureFromSetting': '(setting hotline.sms.campaigns.signature)', 'cmp.signatureFromAdmin': '(set by {by} at {at})',
      'cmp.signatureSaved': 'Signature saved: {signature}; texts built from now on start with it',
      'cmp.signatureBad': 'The signature must be 【】 around 2 to 20 characters on one line, e.g. 【Power Service】',
      'cmp.templatesHint': 'The shipped templates are there to try: “Try” puts one in the new campaign and previews it; change one and save it under a new name.',
      'cmp.try': 'Try', 'cmp.edit': 'Edit', 'cmp.noTemplates': 'No templates yet',
      'cmp.rule.arrears': 'Arrears of {min} CNY or more, one reminder at {steps} days overdue',
      'cmp.rule.ic': 'IC-card balance at most {max} CNY',
      'cmp.kind.arrears': 'Arrears', 'cmp.kind.outage': 'Outage', 'cmp.kind.general': 'General',
      'cmp.kind.work_order': 'Work order', 'cmp.kind.escalation': 'Escalation', 'cmp.kind.ic_card': 'IC-card balance',
      'cst.queued': 'Queued', 'cst.held': 'Held', 'cst.submitting': 'Submitting', 'cst.submitted': 'Submitted', 'cst.delivered': 'Delivered',
      'cst.failed': 'Failed', 'cst.cancelled': 'Cancelled', 'cst.running': 'Running', 'cst.paused': 'Paused',
      'cst.completed': 'Completed', 'cst.draft': 'Draft'
    }
  });

  const $ = id => document.getElementById(id);
  let selected = null;
  let offset = 0;

  function showError(e) {
    const p = $('error');
    p.textContent = e ? e.message : '';
    p.hidden = !e;
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString(H.i18n.lang()) : '';
  }

  function dl(target, pairs) {
    target.replaceChildren();
    for (const [key, value] of pairs) {
      target.append(H.el('dt', null, H.t(key)), H.el('dd', null, value == null ? '' : String(value)));
    }
    target.hidden = false;
  }

  function bar(target, counts) {
    const total = STATUSES.reduce((n, s) => n + (counts[s] || 0), 0);
    target.replaceChildren();
    for (const s of STATUSES) {
      if (!counts[s]) continue;
      const part = H.el('span', 'st-' + s);
      part.style.width = (100 * counts[s] / total) + '%';
      part.title = H.t('cst.' + s) + ': ' + counts[s];
      target.append(part);
    }
  }

  async function loadList() {
    const list = await H.api('GET', '/api/sms/campaigns');
    const body = $('campaigns').tBodies[0];
    body.replaceChildren();
    $('no-campaigns').hidden = list.length > 0;
    for (const c of list) {
      const tr = H.el('tr', c.id === selected ? 'selected' : null);
      tr.dataset.id = c.id;
      const mini = H.el('span', 'mini');
      bar(mini, c.counts);
      const progress = H.el('td');
      progress.append(mini);
      tr.append(H.el('td', null, c.name), H.el('td', 'status', H.t('cst.' + c.status)),
        H.el('td', null, time(c.createdAt)), progress);
      tr.addEventListener('click', () => select(c.id));
      body.append(tr);
    }
  }

  // the stored rule (JSON of ReminderRule) in words, not as code
  function ruleText(rule) {
    let r;
    try { r = typeof rule === 'string' ? JSON.parse(rule) : rule; } catch (e) { return String(rule || ''); }
    if (!r || !r.type) return String(rule || '');
    return r.type === 'IC_CARD' ? H.t('cmp.rule.ic', {max: r.maxBalance})
      : H.t('cmp.rule.arrears', {min: r.minAmount, steps: (r.steps || []).join(H.i18n.lang() === 'en' ? ', ' : '、')});
  }

  async function loadDetail() {
    if (selected == null) return;
    const c = await H.api('GET', '/api/sms/campaigns/' + selected);
    $('detail').hidden = false;
    $('detail').dataset.status = c.status;
    $('detail-name').textContent = c.name + ' · ' + H.t('cst.' + c.status);
    dl($('summary'), [['cmp.targeted', c.targeted], ['cmp.withoutMobile', c.withoutMobile],
      ['cmp.optedOut', c.optedOut], ['cmp.duplicates', c.duplicates], ['cmp.segments', c.segments],
      ['cmp.template', c.template], ['cmp.rule', ruleText(c.rule)], ['cmp.createdBy', c.createdBy]]);
    bar($('progress'), c.counts);
    const legend = $('legend');
    legend.replaceChildren();
    for (const s of STATUSES) {
      const li = H.el('li');
      const count = H.el('span', 'count', String(c.counts[s] || 0));
      count.id = 'count-' + s;
      li.append(H.el('span', 'swatch st-' + s), H.el('span', null, H.t('cst.' + s) + ' '), count);
      legend.append(li);
    }
    $('resume').disabled = !['paused', 'draft'].includes(c.status);
    $('pause').disabled = c.status !== 'running';
    $('cancel').disabled = ['cancelled', 'completed'].includes(c.status);
    $('export').href = '/api/sms/campaigns/' + c.id + '/messages.csv';
    await loadMessages();
  }

  async function loadMessages() {
    const status = $('status-filter').value;
    const rows = await H.api('GET', '/api/sms/campaigns/' + selected + '/messages?offset=' + offset + '&limit='
      + PAGE + (status ? '&status=' + encodeURIComponent(status) : ''));
    const body = $('messages').tBodies[0];
    body.replaceChildren();
    for (const m of rows) {
      const tr = H.el('tr');
      tr.dataset.status = m.status;
      const text = H.el('td', 'text', m.body);
      text.title = m.body;
      tr.append(H.el('td', null, String(m.id)), H.el('td', 'to', m.destination), H.el('td', 'status', H.t('cst.' + m.status)),
        H.el('td', null, String(m.segments)), H.el('td', null, time(m.notBefore)),
        H.el('td', null, [m.errorCode, m.errorText].filter(Boolean).join(' ')), text);
      body.append(tr);
    }
    $('page').textContent = H.t('cmp.page', {n: offset / PAGE + 1});
    $('prev').disabled = offset === 0;
    $('next').disabled = rows.length < PAGE;
  }

  async function select(id) {
    selected = id;
    offset = 0;
    showError(null);
    document.querySelectorAll('#campaigns tbody tr').forEach(tr => tr.classList.toggle('selected',
      Number(tr.dataset.id) === id));
    await loadDetail().catch(showError);
  }

  async function act(action) {
    if (action === 'cancel' && !window.confirm(H.t('cmp.confirmCancel'))) return;
    try {
      await H.api('POST', '/api/sms/campaigns/' + selected + '/' + action);
      showError(null);
      await Promise.all([loadDetail(), loadList()]);
    } catch (e) {
      showError(e);
    }
  }

  function campaignRequest() {
    const type = $('new-type').value;
    const rule = type === 'ARREARS'
      ? {type, minAmount: Number($('new-min-amount').value),
        steps: $('new-steps').value.split(',').map(s => s.trim()).filter(Boolean).map(Number)}
      : {type, maxBalance: Number($('new-max-balance').value)};
    // the campaign's own 106 extension: replies to it belong to this campaign (ADR 0035); empty: its kind's
    return {name: $('new-name').value, template: $('new-template').value, rule,
      sourceExtension: $('new-extension').value.trim() || null};
  }

  let templates = [];

  // the template chosen for the new campaign, its text shown under it (what the customers will read)
  function showTemplateText() {
    const t = templates.find(x => x.name === $('new-template').value);
    $('template-text').textContent = t ? t.body : '';
  }

  // the API names kinds as the enum (ARREARS); the form and the labels use the stored code (arrears)
  function kindLabel(kind) {
    const key = 'cmp.kind.' + String(kind).toLowerCase();
    return H.t(key) === key ? kind : H.t(key);
  }

  function renderTemplates() {
    const select = $('new-template');
    const keep = select.value;
    select.replaceChildren();
    for (const t of templates) {
      const o = H.el('option', null, t.name + ' · ' + kindLabel(t.kind));
      o.value = t.name;
      select.append(o);
    }
    if (keep) select.value = keep;
    showTemplateText();
    const body = $('templates').tBodies[0];
    body.replaceChildren(...templates.map(t => {
      const tr = H.el('tr');
      tr.dataset.template = t.name;
      const tryIt = H.el('button', 'try', H.t('cmp.try'));
      tryIt.type = 'button';
      tryIt.addEventListener('click', () => tryTemplate(t));
      const edit = H.el('button', 'edit', H.t('cmp.edit'));
      edit.type = 'button';
      edit.addEventListener('click', () => {
        $('tpl-name').value = t.name;
        $('tpl-kind').value = String(t.kind).toLowerCase();
        $('tpl-body').value = t.body;
        $('tpl-body').focus();
      });
      const actions = H.el('td', 'actions');
      actions.append(tryIt, edit);
      tr.append(H.el('td', 'name', t.name), H.el('td', 'kind', kindLabel(t.kind)), H.el('td', 'body', t.body), actions);
      return tr;
    }));
    if (!templates.length) {
      const tr = H.el('tr');
      const td = tr.appendChild(H.el('td', 'note', H.t('cmp.noTemplates')));
      td.colSpan = 4;
      body.append(tr);
    }
  }

  // a shipped template straight into the new campaign's form, previewed against today's billing data
  function tryTemplate(t) {
    $('new-template').value = t.name;
    // an IC-card reminder template mentions the balance (余额); any other arrears one is a payment reminder
    if (String(t.kind).toLowerCase() === 'arrears') {
      $('new-type').value = /余额|balance/i.test(t.body) ? 'IC_CARD' : 'ARREARS';
    }
    $('new-type').dispatchEvent(new Event('change'));
    if (!$('new-name').value) $('new-name').value = t.name;
    showTemplateText();
    $('create-form').scrollIntoView({block: 'nearest'});
    $('preview').click();
  }

  async function loadTemplates() {
    templates = await H.api('GET', '/api/sms/templates') || [];
    renderTemplates();
  }

  let signature = null;

  function showSignature() {
    if (!signature) return;
    $('sig-current').textContent = signature.signature;
    $('sig-source').textContent = signature.source === 'setting' ? H.t('cmp.signatureFromSetting')
      : H.t('cmp.signatureFromAdmin', {by: signature.updatedBy, at: time(signature.updatedAt)});
  }

  async function loadSignature() {
    signature = await H.api('GET', '/api/sms/signature');
    showSignature();
  }

  async function saveSignature(event) {
    event.preventDefault();
    $('sig-done').hidden = true;
    try {
      signature = await H.api('PUT', '/api/admin/sms/signature', {signature: $('sig-input').value});
      showError(null);
      showSignature();
      $('sig-input').value = '';
      $('sig-done').textContent = H.t('cmp.signatureSaved', {signature: signature.signature});
      $('sig-done').hidden = false;
    } catch (e) {
      // the server's reason names the field; the page says it in the page's language
      showError(/^signature:/.test(e.message || '') ? new Error(H.t('cmp.signatureBad')) : e);
    }
  }

  async function upload(event) {
    event.preventDefault();
    const file = $('import-file').files[0];
    if (!file) return;
    const tk = await H.csrf();
    const r = await fetch('/api/sms/imports/' + $('import-kind').value, {method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'text/csv', [tk.headerName]: tk.token, Accept: 'application/json'}, body: file});
    const data = await r.json().catch(() => ({message: 'HTTP ' + r.status}));
    const errors = $('import-errors');
    errors.replaceChildren();
    if (r.ok) {
      $('import-result').textContent = H.t('cmp.imported', data);
      return;
    }
    $('import-result').textContent = data.message || ('HTTP ' + r.status);
    for (const e of data.errors || []) {
      errors.append(H.el('li', null, 'line ' + e.line + (e.column ? ' ' + e.column : '') + ': ' + e.message));
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    H.csrf().then(tk => { $('logout-csrf').value = tk.token; }).catch(() => {});
    for (const s of STATUSES) {
      const o = H.el('option', null, H.t('cst.' + s));
      o.value = s;
      $('status-filter').append(o);
    }
    // the one language switch is desk.js's: relabel what this page drew itself
    H.on('lang', () => {
      $('status-filter').querySelectorAll('option[value]:not([value=""])').forEach(o => { o.textContent = H.t('cst.' + o.value); });
      showSignature();
      renderTemplates();
      loadList().then(loadDetail).catch(showError);
    });
    $('new-template').addEventListener('change', showTemplateText);
    $('resume').addEventListener('click', () => act('resume'));
    $('pause').addEventListener('click', () => act('pause'));
    $('cancel').addEventListener('click', () => act('cancel'));
    $('status-filter').addEventListener('change', () => { offset = 0; loadMessages().catch(showError); });
    $('prev').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); loadMessages().catch(showError); });
    $('next').addEventListener('click', () => { offset += PAGE; loadMessages().catch(showError); });
    $('new-type').addEventListener('change', () => {
      const ic = $('new-type').value === 'IC_CARD';
      document.querySelectorAll('.arrears-only').forEach(e => { e.hidden = ic; });
      document.querySelectorAll('.ic-only').forEach(e => { e.hidden = !ic; });
    });
    $('preview').addEventListener('click', async () => {
      try {
        const p = await H.api('POST', '/api/sms/campaigns/preview', campaignRequest());
        showError(null);
        dl($('preview-result'), [['cmp.matched', p.matched], ['cmp.withoutMobile', p.withoutMobile],
          ['cmp.messages', p.messages], ['cmp.segments', p.segments], ['cmp.cost', p.cost], ['cmp.sample', p.sample]]);
      } catch (e) {
        showError(e);
      }
    });
    $('create-form').addEventListener('submit', async event => {
      event.preventDefault();
      try {
        const c = await H.api('POST', '/api/sms/campaigns', campaignRequest());
        showError(null);
        await loadList();
        await select(c.id);
      } catch (e) {
        showError(e);
      }
    });
    $('template-form').addEventListener('submit', async event => {
      event.preventDefault();
      try {
        await H.api('PUT', '/api/sms/templates/' + encodeURIComponent($('tpl-name').value),
          {kind: $('tpl-kind').value, body: $('tpl-body').value});
        showError(null);
        $('import-result').textContent = H.t('cmp.saved');
        await loadTemplates();
      } catch (e) {
        showError(e);
      }
    });
    $('import-form').addEventListener('submit', event => upload(event).catch(showError));
    $('signature-form').addEventListener('submit', saveSignature);
    // only an administrator sees the signature's form; supervisors read it (the server decides regardless)
    H.api('GET', '/api/me').then(me => {
      const admin = me && me.role === 'ADMIN';
      $('signature-form').hidden = !admin;
      $('sig-readonly').hidden = admin;
    }, () => {});
    loadSignature().catch(showError);
    loadList().catch(showError);
    loadTemplates().catch(showError);
    setInterval(() => { loadList().then(loadDetail).catch(showError); }, REFRESH_MS);
  });
})();
