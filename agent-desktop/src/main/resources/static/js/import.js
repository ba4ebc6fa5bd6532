// Customer import for administrators: upload a CSV file for a dry run (check only) or an import, with a progress
// bar polled from the job record while the upload runs, then the bad rows. Server text goes through textContent.
(function () {
  'use strict';
  const H = window.Hotline;
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const $ = id => document.getElementById(id);
  const t = H.t;
  H.i18n.add({
    'zh-CN': {'i.running': '进行中', 'i.done': '完成', 'i.failed': '失败', 'i.dry': '试导入', 'i.real': '导入',
      'i.counts': '{mode}{status}：已读 {read} 行，{what} {imported} 行，错误 {bad} 行', 'i.canImport': '可导入',
      'i.imported': '已导入', 'i.pickFile': '请先选择文件', 'i.uploading': '上传中…', 'i.serverSaid': '服务器返回 {s}',
      'i.importFailed': '导入失败：{m}', 'i.disable': '停用', 'i.valid': '有效', 'i.disabled': '已停用',
      'i.opFailed': '操作失败：{m}', 'i.keyShown': '“{n}”的密钥（只显示这一次，请交给计费系统管理员）：',
      'i.loadFailed': '加载失败：{m}', 'i.title': '导入客户文件',
      'i.note': 'CSV 文件（UTF-8）或 Excel 工作簿（.xlsx，读第一个工作表，列名相同），每行一个户号：客户、电话、地址、台区、电表和欠费。先试导入查看错误行，再正式导入；同一文件重复导入不会改变已有数据。',
      'i.template': '下载模板', 'i.file': '文件', 'i.dryRun': '试导入（只检查）', 'i.import': '正式导入', 'i.badRows': '错误行',
      'i.line': '行号', 'i.column': '列', 'i.reason': '原因', 'i.keys': '计费系统接口密钥', 'i.purpose': '用途',
      'i.purposeEg': '如 计费系统夜间导入', 'i.createKey': '创建密钥', 'i.keySaved': '已保存，关闭', 'i.createdBy': '创建人',
      'i.createdAt': '创建时间', 'i.state': '状态', 'i.recent': '最近的导入', 'i.started': '开始时间', 'i.fileCol': '文件',
      'i.mode': '方式', 'i.read': '已读行', 'i.importedCol': '导入行', 'i.badCol': '错误行', 'i.by': '操作人',
      'i.keyNote1': '计费系统的夜间任务用密钥调用', 'i.keyNote2': '（请求头', 'i.key': '密钥',
      'i.keyNote3': '，正文为同样格式的 CSV），不需要管理员密码。密钥只在创建时显示一次；停用后立即失效。'},
    en: {'i.running': ' running', 'i.done': ' done', 'i.failed': ' failed', 'i.dry': 'Dry run', 'i.real': 'Import',
      'i.counts': '{mode}{status}: {read} rows read, {imported} rows {what}, {bad} rows with errors', 'i.canImport': 'importable',
      'i.imported': 'imported', 'i.pickFile': 'Choose a file first', 'i.uploading': 'Uploading…', 'i.serverSaid': 'the server answered {s}',
      'i.importFailed': 'Import failed: {m}', 'i.disable': 'Disable', 'i.valid': 'valid', 'i.disabled': 'disabled',
      'i.opFailed': 'Failed: {m}', 'i.keyShown': 'Key for “{n}” (shown this once: hand it to the billing system\'s administrator):',
      'i.loadFailed': 'Not loaded: {m}', 'i.title': 'Import a customer file',
      'i.note': 'A CSV file (UTF-8) or an Excel workbook (.xlsx, first sheet, same column names), one account a row: customer, phones, address, area, meter and arrears. Dry-run first to see the bad rows, then import; importing the same file again changes nothing.',
      'i.template': 'Download the template', 'i.file': 'File', 'i.dryRun': 'Dry run (check only)', 'i.import': 'Import',
      'i.badRows': 'Bad rows', 'i.line': 'Line', 'i.column': 'Column', 'i.reason': 'Reason', 'i.keys': 'Billing system API keys',
      'i.purpose': 'Purpose', 'i.purposeEg': 'e.g. nightly billing import', 'i.createKey': 'Create key', 'i.keySaved': 'Saved, close',
      'i.createdBy': 'Created by', 'i.createdAt': 'Created', 'i.state': 'State', 'i.recent': 'Recent imports',
      'i.started': 'Started', 'i.fileCol': 'File', 'i.mode': 'Mode', 'i.read': 'Rows read', 'i.importedCol': 'Imported',
      'i.badCol': 'Bad rows', 'i.by': 'By', 'i.keyNote1': "The billing system's nightly job calls",
      'i.keyNote2': ' with a key (header', 'i.key': 'key',
      'i.keyNote3': ', the body a CSV of the same format): no administrator password. A key is shown once, when created; disabled, it stops working at once.'}
  });
  const status = s => (t('i.' + s) === 'i.' + s ? s : t('i.' + s));
  let busy = false;

  function fmt(n) {
    return Number(n || 0).toLocaleString(H.i18n.lang());
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString(H.i18n.lang(), {hour12: false}) : '';
  }

  function show(job, total) {
    const bytes = job.bytesTotal || total || 0;
    $('bar').value = bytes ? Math.min(1000, Math.round(1000 * job.bytesRead / bytes)) : 0;
    $('counts').textContent = t('i.counts', {mode: job.dryRun ? t('i.dry') : t('i.real'), status: status(job.status),
      read: fmt(job.rowsRead), what: job.dryRun ? t('i.canImport') : t('i.imported'), imported: fmt(job.rowsImported),
      bad: fmt(job.rowsFailed)});
    $('status').hidden = false;
  }

  function jobRow(j) {
    const tr = H.el('tr', 'job');
    tr.dataset.id = j.id;
    tr.append(H.el('td', 'at', when(j.startedAt)), H.el('td', 'file', j.fileName || ''),
      H.el('td', 'mode', j.dryRun ? t('i.dry') : t('i.real')), H.el('td', 'state', status(j.status).trim()),
      H.el('td', 'read', fmt(j.rowsRead)), H.el('td', 'imported', fmt(j.rowsImported)),
      H.el('td', 'failed', fmt(j.rowsFailed)), H.el('td', 'by', j.startedBy));
    return tr;
  }

  async function loadJobs() {
    const jobs = await H.api('GET', '/api/admin/imports');
    $('jobs').tBodies[0].replaceChildren(...jobs.map(jobRow));
    document.body.dataset.loaded = String(Date.now());
    return jobs;
  }

  async function upload(dryRun) {
    const file = $('file').files[0];
    $('error').hidden = true;
    if (!file) {
      $('error').textContent = t('i.pickFile');
      $('error').hidden = false;
      return;
    }
    if (busy) return;
    busy = true;
    $('bad-box').hidden = true;
    $('bar').value = 0;
    $('counts').textContent = t('i.uploading');
    $('status').hidden = false;
    // the POST answers when the file is done: meanwhile the job record gives the progress
    const poll = setInterval(async () => {
      try {
        const jobs = await loadJobs();
        const mine = jobs.find(j => j.status === 'running' && j.fileName === file.name);
        if (mine) show(mine, file.size);
      } catch (e) { /* the next poll tries again */ }
    }, 1000);
    try {
      const tk = await H.csrf();
      const r = await fetch('/api/admin/imports/customers?dryRun=' + dryRun + '&fileName='
        + encodeURIComponent(file.name.slice(0, 200)), {method: 'POST', credentials: 'same-origin',
        headers: {[tk.headerName]: tk.token, 'Content-Type': /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv', Accept: 'application/json'}, body: file});
      const data = await r.json().catch(() => ({}));
      if (!r.ok) throw new Error(data.message || t('i.serverSaid', {s: r.status}));
      show(data, file.size);
      $('bar').value = 1000;
      const bad = data.badRows || [];
      $('bad').tBodies[0].replaceChildren(...bad.map(b => {
        const tr = H.el('tr', 'bad-row');
        tr.append(H.el('td', 'line', String(b.line)), H.el('td', 'column', b.column), H.el('td', 'reason', b.reason));
        return tr;
      }));
      $('bad-box').hidden = bad.length === 0;
    } catch (e) {
      $('error').textContent = t('i.importFailed', {m: e.message});
      $('error').hidden = false;
    } finally {
      clearInterval(poll);
      busy = false;
      await loadJobs().catch(() => {});
      document.body.dataset.finished = String(Date.now());
    }
  }

  // the billing system's keys: created (the key shown once) and disabled here, listed without the key
  async function loadKeys() {
    const keys = await H.api('GET', '/api/admin/imports/api-keys');
    $('keys').tBodies[0].replaceChildren(...keys.map(k => {
      const tr = H.el('tr', 'key' + (k.enabled ? '' : ' disabled'));
      tr.dataset.key = String(k.id);
      const actions = H.el('td', 'actions');
      if (k.enabled) {
        const off = H.el('button', 'disable', t('i.disable'));
        off.type = 'button';
        off.addEventListener('click', () => H.api('POST', '/api/admin/imports/api-keys/' + k.id + '/disable', {})
          .then(loadKeys).catch(fail));
        actions.append(off);
      }
      tr.append(H.el('td', 'name', k.name), H.el('td', 'by', k.createdBy),
        H.el('td', 'at', new Date(k.createdAt).toLocaleString(H.i18n.lang())),
        H.el('td', 'state', k.enabled ? t('i.valid') : t('i.disabled')),
        actions);
      return tr;
    }));
  }

  function fail(e) {
    $('error').textContent = t('i.opFailed', {m: e.message});
    $('error').hidden = false;
  }

  document.addEventListener('DOMContentLoaded', () => {
    H.csrf().then(tk => { $('logout-csrf').value = tk.token; }).catch(() => {});
    $('key-form').addEventListener('submit', async e => {
      e.preventDefault();
      $('error').hidden = true;
      try {
        const k = await H.api('POST', '/api/admin/imports/api-keys', {name: $('key-name').value.trim()});
        $('key-secret-text').textContent = t('i.keyShown', {n: k.name});
        $('key-secret-value').textContent = k.key;
        $('key-secret').hidden = false;
        $('key-form').reset();
        await loadKeys();
      } catch (err) {
        fail(err);
      }
    });
    $('key-secret-close').addEventListener('click', () => {
      $('key-secret').hidden = true;
      $('key-secret-value').textContent = '';
    });
    loadKeys().catch(fail);
    $('dry-run').addEventListener('click', () => upload(true));
    $('import').addEventListener('click', () => upload(false));
    const loadFailed = e => {
      $('error').textContent = t('i.loadFailed', {m: e.message});
      $('error').hidden = false;
    };
    H.on('lang', () => { loadKeys().catch(fail); loadJobs().catch(loadFailed); });
    loadJobs().catch(loadFailed);
  });
})();
