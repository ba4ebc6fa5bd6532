// 工单管理 (administrators only; the server refuses this script and its APIs to everyone else): the repair organisation
// as a tree with its managers, the crew members' tokens (the secret shown once, revoked with a reason) and the
// configured order types' limits (read-only). Record text only goes through textContent (Hotline.el).
(function () {
  'use strict';
  const H = window.Hotline;
  const W = window.WorkOrderWords;
  const KIND = {repair_centre: '抢修中心', team: '班组', crew: '抢修小组'};
  const UNIT = {MINUTES: '分钟', HOURS: '小时', WORKING_DAYS: '个工作日'};
  const PHONE = '手机号码格式不对：只能有数字、空格或 -，如 13800000001';
  // the API's reasons start with the field they are about; the page says them in Chinese
  const REASONS = [['code:', '编号只能是 1 到 32 个字母、数字、_ 或 -'], ['name:', '名称不能为空，最多 100 个字'],
    ['kind:', '请选择单位类型'], ['manager phone:', '负责人' + PHONE], ['repairCentre:', '没有这个抢修中心'],
    ['parent:', '上级单位不存在，或选了单位自己'], ['memberName:', '姓名不能为空，最多 50 个字'],
    ['memberPhone:', PHONE], ['crew:', '请选择抢修小组'], ['no crew token', '没有这个令牌，请刷新页面'],
    ['body:', '提交的内容不完整，请刷新页面后重试']];
  let units = [], centres = [], types = {};
  let editing = null;    // the code of the unit in the form, or null for a new one

  const $ = id => document.getElementById(id);

  function say(p, text, reason) {
    p.textContent = text || '';
    p.title = reason || '';
    p.hidden = !text;
  }

  function reasonOf(e) {
    if (e.status === 403) return '只有管理员可以操作';
    const message = String(e.message || '');
    const known = REASONS.find(([prefix]) => message.startsWith(prefix));
    return known ? known[1] : '操作失败' + (e.status ? '（' + e.status + '）' : '') + '，请稍后重试';
  }

  function fail(p, e) {
    say(p, reasonOf(e), e.message);
  }

  const centreName = code => {
    const c = centres.find(x => x.code === code);
    return c ? c.name : code;
  };
  const unitOf = code => units.find(u => u.code === code);
  const option = (value, text) => {
    const o = H.el('option', null, text);
    o.value = value;
    return o;
  };
  function limitText(l) {
    if (l === null || l === undefined) return '—';
    return typeof l === 'object' ? l.amount + (UNIT[l.unit] || l.unit) : W.limit(l);
  }

  // ------------------------------------------------------------------ units: the tree

  function managers(u) {
    const people = [[u.manager1Name, u.manager1Phone], [u.manager2Name, u.manager2Phone]]
      .filter(([n, p]) => n || p).map(([n, p]) => [n, p].filter(Boolean).join(' '));
    return people.length ? '负责人：' + people.join('，') : '未登记负责人';
  }

  function node(u, extra) {
    const li = H.el('li', 'wa-unit ' + u.kind);
    li.dataset.unit = u.code;
    const line = H.el('div', 'wa-line');
    line.append(H.el('span', 'name', u.name), H.el('span', 'code', u.code), H.el('span', 'kind', KIND[u.kind] || u.kind));
    if (u.kind === 'team') line.append(H.el('span', 'site' + (u.sameSite ? '' : ' elsewhere'), u.sameSite ? '同址' : '不同址'));
    // the escalation SMS goes to a team's (else the centre's own unit's) managers, never to a crew's
    if (u.kind !== 'crew' || u.manager1Name || u.manager2Name || u.manager1Phone || u.manager2Phone) {
      const m = H.el('span', 'managers', managers(u));
      if (u.kind !== 'crew' && !u.manager1Phone && !u.manager2Phone) m.classList.add('none');
      line.append(m);
    }
    const edit = H.el('button', 'link edit', '编辑');
    edit.type = 'button';
    edit.addEventListener('click', () => editUnit(u.code));
    line.append(edit);
    if (extra) line.append(extra);
    li.append(line);
    return li;
  }

  function addButton(text, preset) {
    const b = H.el('button', 'link add', text);
    b.type = 'button';
    b.addEventListener('click', () => newUnit(preset));
    return b;
  }

  function renderTree() {
    const tree = $('unit-tree');
    tree.replaceChildren();
    const codes = [...new Set([...centres.map(c => c.code), ...units.map(u => u.repairCentre)])];
    for (const code of codes) {
      const box = H.el('div', 'wa-centre');
      box.dataset.centre = code;
      const head = H.el('div', 'wa-centre-head');
      const mine = units.filter(u => u.repairCentre === code);
      head.append(H.el('strong', null, centreName(code)), H.el('span', 'code', code));
      if (!mine.length) head.append(H.el('span', 'note', '尚无单位'));
      head.append(addButton('添加班组', {kind: 'team', centre: code}));
      if (!mine.some(u => u.kind === 'repair_centre')) {
        head.append(addButton('登记中心负责人', {kind: 'repair_centre', centre: code, name: centreName(code)}));
      }
      const ul = H.el('ul', 'wa-level');
      mine.filter(u => u.kind === 'repair_centre').forEach(u => ul.append(node(u)));
      const teams = mine.filter(u => u.kind === 'team');
      for (const t of teams) {
        const li = node(t, addButton('添加抢修小组', {kind: 'crew', centre: code, parent: t.code}));
        const crews = mine.filter(u => u.kind === 'crew' && u.parent === t.code);
        if (crews.length) {
          const sub = H.el('ul', 'wa-level');
          crews.forEach(c => sub.append(node(c)));
          li.append(sub);
        }
        ul.append(li);
      }
      // a crew without a team of this centre cannot be assigned an order: shown apart, to be fixed
      const loose = mine.filter(u => u.kind === 'crew' && !teams.some(t => t.code === u.parent));
      if (loose.length) {
        const li = H.el('li', 'wa-loose');
        li.append(H.el('div', 'wa-line', '未归属班组的抢修小组（不能派单，请编辑指定班组）'));
        const sub = H.el('ul', 'wa-level');
        loose.forEach(c => sub.append(node(c)));
        li.append(sub);
        ul.append(li);
      }
      box.append(head);
      if (mine.length) box.append(ul);
      tree.append(box);
    }
    if (!codes.length) tree.append(H.el('p', 'note', '尚无抢修中心（在停电管理页导入电网数据）'));
    $('unit-count').textContent = String(units.length);
  }

  // ------------------------------------------------------------------ units: the form

  function fillParents(selected) {
    const kind = $('u-kind').value, centre = $('u-centre').value, select = $('u-parent');
    select.replaceChildren();
    const mine = units.filter(u => u.repairCentre === centre && u.code !== editing);
    if (kind === 'team') {
      select.append(option('', '（无）'));
      mine.filter(u => u.kind === 'repair_centre').forEach(u => select.append(option(u.code, u.name)));
    } else if (kind === 'crew') {
      const teams = mine.filter(u => u.kind === 'team');
      if (!teams.length) select.append(option('', '该抢修中心尚无班组'));
      teams.forEach(u => select.append(option(u.code, u.name)));
    }
    if (selected && [...select.options].some(o => o.value === selected)) select.value = selected;
    $('u-parent-label').hidden = kind === 'repair_centre';
    $('u-same-site-label').hidden = kind !== 'team';
  }

  function fillForm(u, preset) {
    const p = preset || {};
    $('u-kind').value = u ? u.kind : (p.kind || $('u-kind').value);
    $('u-code').value = u ? u.code : '';
    $('u-code').readOnly = !!u;
    $('u-name').value = u ? u.name : (p.name || '');
    if (u || p.centre) $('u-centre').value = u ? u.repairCentre : p.centre;
    $('u-same-site').checked = u ? u.sameSite : true;
    $('u-m1-name').value = (u && u.manager1Name) || '';
    $('u-m1-phone').value = (u && u.manager1Phone) || '';
    $('u-m2-name').value = (u && u.manager2Name) || '';
    $('u-m2-phone').value = (u && u.manager2Phone) || '';
    $('unit-form-title').textContent = u ? '编辑单位：' + u.name : '新建单位';
    fillParents(u ? u.parent : p.parent);
    say($('unit-error'), '');
  }

  function editUnit(code) {
    editing = code;
    fillForm(unitOf(code));
    say($('unit-saved'), '');
    $('u-name').focus();
  }

  function newUnit(preset) {
    editing = null;
    fillForm(null, preset);
    say($('unit-saved'), '');
    $('u-code').focus();
  }

  async function saveUnit(e) {
    e.preventDefault();
    const code = $('u-code').value.trim(), kind = $('u-kind').value;
    const error = $('unit-error');
    say($('unit-saved'), '');
    if (!/^[0-9A-Za-z_-]{1,32}$/.test(code)) return say(error, REASONS[0][1]);
    if (!$('u-name').value.trim()) return say(error, REASONS[1][1]);
    if (!$('u-centre').value) return say(error, '请选择抢修中心');
    if (kind === 'crew' && !$('u-parent').value) return say(error, '抢修小组必须属于一个班组');
    if (!editing && unitOf(code)) return say(error, '编号 ' + code + ' 已被“' + unitOf(code).name + '”使用');
    const body = {name: $('u-name').value.trim(), kind, repairCentre: $('u-centre').value,
      parent: kind === 'repair_centre' ? null : ($('u-parent').value || null),
      sameSite: kind === 'team' ? $('u-same-site').checked : true,
      manager1Name: $('u-m1-name').value.trim(), manager1Phone: $('u-m1-phone').value.trim(),
      manager2Name: $('u-m2-name').value.trim(), manager2Phone: $('u-m2-phone').value.trim()};
    $('unit-save').disabled = true;
    try {
      const saved = await H.api('PUT', '/api/work-orders/units/' + encodeURIComponent(code), body);
      await loadUnits();
      // ready for the next unit of the same kind and place (several crews are added one after another)
      newUnit({kind: saved.kind, centre: saved.repairCentre, parent: saved.parent});
      say($('unit-saved'), '已保存：' + saved.name);
    } catch (err) {
      fail(error, err);
    } finally {
      $('unit-save').disabled = false;
    }
  }

  function fillCentres() {
    const select = $('u-centre'), was = select.value;
    select.replaceChildren(...centres.map(c => option(c.code, c.name + '（' + c.code + '）')));
    if (was) select.value = was;
  }

  function fillCrews() {
    const select = $('t-crew'), was = select.value;
    const crews = units.filter(u => u.kind === 'crew');
    select.replaceChildren(option('', crews.length ? '请选择' : '尚无抢修小组'), ...crews.map(c => {
      const team = unitOf(c.parent);
      return option(c.code, [centreName(c.repairCentre), team ? team.name : null, c.name].filter(Boolean).join(' · '));
    }));
    if (was) select.value = was;
  }

  async function loadUnits() {
    units = await H.api('GET', '/api/work-orders/units');
    renderTree();
    fillParents($('u-parent').value);
    fillCrews();
  }

  // ------------------------------------------------------------------ crew tokens

  function tokenRow(t) {
    const tr = H.el('tr', 'wa-token' + (t.revokedAt ? ' revoked' : ''));
    tr.dataset.tokenId = t.id;
    tr.dataset.state = t.revokedAt ? 'revoked' : 'valid';
    const state = H.el('td', 'state');
    if (t.revokedAt) {
      state.append(H.el('span', 'badge revoked', '已吊销'), H.el('div', 'detail', W.time(t.revokedAt) + ' ' + t.revokedBy
        + (t.revokeReason ? '：' + t.revokeReason : '')));
    } else {
      state.append(H.el('span', 'badge valid', '有效'));
    }
    const action = H.el('td', 'action');
    if (!t.revokedAt) {
      const b = H.el('button', 'revoke', '吊销');
      b.type = 'button';
      b.addEventListener('click', () => askReason(action, t));
      action.append(b);
    }
    const crew = H.el('td', 'crew', t.crewName);
    crew.title = t.crew;
    tr.append(H.el('td', 'member', t.memberName), H.el('td', 'phone', t.memberPhone || '—'), crew,
      H.el('td', 'hint', t.hint + '…'),
      H.el('td', 'issued', W.time(t.issuedAt) + ' ' + t.issuedBy), H.el('td', 'used', t.lastUsedAt ? W.time(t.lastUsedAt) : '未使用'),
      state, action);
    return tr;
  }

  // the reason is asked in the row itself (no browser prompt): it is kept with the token and told to the crew's phone
  function askReason(cell, t) {
    const form = H.el('form', 'wa-revoke');
    const input = H.el('input', 'reason');
    input.maxLength = 200;
    input.placeholder = '吊销原因，如：手机遗失';
    const ok = H.el('button', 'confirm', '确认吊销');
    ok.type = 'submit';
    const cancel = H.el('button', 'cancel', '取消');
    cancel.type = 'button';
    const error = H.el('p', 'error');
    error.hidden = true;
    form.append(input, ok, cancel, error);
    cancel.addEventListener('click', () => loadTokens());
    form.addEventListener('submit', async e => {
      e.preventDefault();
      if (!input.value.trim()) return say(error, '请填写吊销原因');
      ok.disabled = true;
      try {
        await H.api('POST', '/api/work-orders/crew-tokens/' + t.id + '/revoke', {reason: input.value.trim()});
        await loadTokens();
      } catch (err) {
        fail(error, err);
        ok.disabled = false;
      }
    });
    cell.replaceChildren(form);
    input.focus();
  }

  async function loadTokens() {
    const list = await H.api('GET', '/api/work-orders/crew-tokens');
    $('token-table').tBodies[0].replaceChildren(...list.map(tokenRow));
    $('token-count').textContent = String(list.filter(t => !t.revokedAt).length);
    $('no-tokens').hidden = list.length > 0;
  }

  async function issue(e) {
    e.preventDefault();
    const error = $('issue-error');
    if (!$('t-crew').value) return say(error, REASONS[8][1]);
    if (!$('t-name').value.trim()) return say(error, REASONS[6][1]);
    say(error, '');
    try {
      const t = await H.api('POST', '/api/work-orders/crew-tokens', {crew: $('t-crew').value,
        memberName: $('t-name').value.trim(), memberPhone: $('t-phone').value.trim() || null});
      $('issued-who').textContent = '已为 ' + t.memberName + '（' + t.crewName + '）发放令牌。';
      $('issued-url').textContent = location.origin + '/crew.html';
      $('issued-secret').textContent = t.secret;
      $('issued').hidden = false;
      $('t-name').value = '';
      $('t-phone').value = '';
      await loadTokens();
    } catch (err) {
      fail(error, err);
    }
  }

  function copySecret() {
    const secret = $('issued-secret');
    getSelection().selectAllChildren(secret);
    const done = () => { $('issued-copy').textContent = '已复制'; };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(secret.textContent).then(done, () => {});
    else if (document.execCommand('copy')) done();
  }

  function closeIssued() {
    // the secret leaves the page: it is not kept anywhere after this
    $('issued-secret').textContent = '';
    $('issued-copy').textContent = '复制';
    $('issued').hidden = true;
  }

  // ------------------------------------------------------------------ order types (read-only)

  function renderTypes() {
    const table = $('type-table');
    [...table.tBodies].forEach(b => b.remove());
    let elsewhere = null;
    // the repair clock first: it is the one with the 45-minute promise and the same-site limit
    const entries = Object.entries(types).sort(([a], [b]) => (b === 'repair') - (a === 'repair'));
    for (const [code, t] of entries) {
      const body = H.el('tbody');
      body.dataset.type = code;
      const head = H.el('tr', 'wo-group');
      const promise = t.promise ? '，承诺时限 ' + limitText(t.promise) : '';
      const accept = t.acceptFrom ? '，须接单：' + t.acceptFrom + '→' + t.acceptPoint : '';
      const th = H.el('th', null, W.zh(t.label) + '（' + code + '）起点 A：' + W.zh(t.start) + promise + accept);
      th.colSpan = 4;
      head.append(th);
      body.append(head);
      for (const s of t.stages) {
        const tr = H.el('tr', 'wa-stage');
        tr.dataset.stage = s.from + '-' + s.to;
        const limit = s.limitElsewhere ? '同址 ' + limitText(s.limit) + '，不同址 ' + limitText(s.limitElsewhere)
          : limitText(s.limit);
        tr.append(H.el('td', 'points', s.from + '→' + s.to), H.el('td', 'name', W.zh(s.name)),
          H.el('td', 'party', W.party(s.party)), H.el('td', 'limit', limit));
        body.append(tr);
        if (s.limitElsewhere && !elsewhere) elsewhere = {stage: s.from + '→' + s.to + ' ' + W.zh(s.name), s};
      }
      table.append(body);
    }
    $('u-same-site-hint').textContent = elsewhere ? '与抢修中心在同一地点：' + elsewhere.stage + ' 时限 '
      + limitText(elsewhere.s.limit) + '，不同址 ' + limitText(elsewhere.s.limitElsewhere) : '与抢修中心在同一地点';
  }

  // ------------------------------------------------------------------ start

  document.addEventListener('DOMContentLoaded', async () => {
    H.csrf().then(tk => { $('logout-csrf').value = tk.token; }).catch(() => {});
    $('u-kind').addEventListener('change', () => fillParents());
    $('u-centre').addEventListener('change', () => fillParents());
    $('unit-form').addEventListener('submit', saveUnit);
    $('unit-new').addEventListener('click', () => newUnit());
    $('issue-form').addEventListener('submit', issue);
    $('issued-copy').addEventListener('click', copySecret);
    $('issued-close').addEventListener('click', closeIssued);
    try {
      [centres, types] = await Promise.all([H.api('GET', '/api/work-orders/repair-centres'),
        H.api('GET', '/api/work-orders/types')]);
      fillCentres();
      renderTypes();
      await Promise.all([loadUnits(), loadTokens()]);
      newUnit();
      document.body.dataset.loaded = String(Date.now());
    } catch (e) {
      say($('error'), '加载失败：' + reasonOf(e), e.message);
    }
  });
})();
