// Customer import for administrators: upload a CSV file for a dry run (check only) or an import, with a progress
// bar polled from the job record while the upload runs, then the bad rows. Server text goes through textContent.
(function () {
  'use strict';
  const H = window.Hotline;
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const $ = id => document.getElementById(id);
  const STATUS = {running: '进行中', done: '完成', failed: '失败'};
  let busy = false;

  function fmt(n) {
    return Number(n || 0).toLocaleString('zh-CN');
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString('zh-CN', {hour12: false}) : '';
  }

  function show(job, total) {
    const bytes = job.bytesTotal || total || 0;
    $('bar').value = bytes ? Math.min(1000, Math.round(1000 * job.bytesRead / bytes)) : 0;
    $('counts').textContent = (job.dryRun ? '试导入' : '导入') + (STATUS[job.status] || job.status) + '：已读 '
      + fmt(job.rowsRead) + ' 行，' + (job.dryRun ? '可导入 ' : '已导入 ') + fmt(job.rowsImported) + ' 行，错误 '
      + fmt(job.rowsFailed) + ' 行';
    $('status').hidden = false;
  }

  function jobRow(j) {
    const tr = H.el('tr', 'job');
    tr.dataset.id = j.id;
    tr.append(H.el('td', 'at', when(j.startedAt)), H.el('td', 'file', j.fileName || ''),
      H.el('td', 'mode', j.dryRun ? '试导入' : '导入'), H.el('td', 'state', STATUS[j.status] || j.status),
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
      $('error').textContent = '请先选择文件';
      $('error').hidden = false;
      return;
    }
    if (busy) return;
    busy = true;
    $('bad-box').hidden = true;
    $('bar').value = 0;
    $('counts').textContent = '上传中…';
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
      if (!r.ok) throw new Error(data.message || ('服务器返回 ' + r.status));
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
      $('error').textContent = '导入失败：' + e.message;
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
        const off = H.el('button', 'disable', '停用');
        off.type = 'button';
        off.addEventListener('click', () => H.api('POST', '/api/admin/imports/api-keys/' + k.id + '/disable', {})
          .then(loadKeys).catch(fail));
        actions.append(off);
      }
      tr.append(H.el('td', 'name', k.name), H.el('td', 'by', k.createdBy),
        H.el('td', 'at', new Date(k.createdAt).toLocaleString('zh-CN')), H.el('td', 'state', k.enabled ? '有效' : '已停用'),
        actions);
      return tr;
    }));
  }

  function fail(e) {
    $('error').textContent = '操作失败：' + e.message;
    $('error').hidden = false;
  }

  document.addEventListener('DOMContentLoaded', () => {
    H.csrf().then(tk => { $('logout-csrf').value = tk.token; }).catch(() => {});
    $('key-form').addEventListener('submit', async e => {
      e.preventDefault();
      $('error').hidden = true;
      try {
        const k = await H.api('POST', '/api/admin/imports/api-keys', {name: $('key-name').value.trim()});
        $('key-secret-text').textContent = '“' + k.name + '”的密钥（只显示这一次，请交给计费系统管理员）：';
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
    loadJobs().catch(e => {
      $('error').textContent = '加载失败：' + e.message;
      $('error').hidden = false;
    });
  });
})();
