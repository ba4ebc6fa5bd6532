// 工单管理 (administrators only; the server refuses this script and its APIs to everyone else): the repair organisation
// as a tree with its managers, the crew members' tokens (the secret shown once, revoked with a reason) and the
// configured order types' limits (read-only). Record text only goes through textContent (Hotline.el).
(function () {
  'use strict';
  const H = window.Hotline;
  const W = window.WorkOrderWords;
  const t = H.t;
  H.i18n.add({
    'zh-CN': {
      'wa.units': '单位', 'wa.unitsNote': '工单按抢修中心 → 班组 → 抢修小组派发；班组未接单时，短信发给该单位的两位负责人。',
      'wa.newUnit': '新建单位', 'wa.editUnit': '编辑单位：{n}', 'wa.kind': '类型', 'wa.kind.repair_centre': '抢修中心',
      'wa.kind.team': '班组', 'wa.kind.crew': '抢修小组', 'wa.code': '编号', 'wa.codeHint': '字母、数字、_ 或 -，如 T1',
      'wa.name': '名称', 'wa.nameHint': '如：抢修一班', 'wa.parent': '上级单位', 'wa.sameSite': '同址', 'wa.elsewhere': '不同址',
      'wa.managers': '负责人（班组未接单时收短信）', 'wa.manager1': '负责人一', 'wa.manager2': '负责人二',
      'wa.manager1Name': '负责人一姓名', 'wa.manager1Phone': '负责人一手机', 'wa.manager2Name': '负责人二姓名',
      'wa.manager2Phone': '负责人二手机', 'wa.personName': '姓名', 'wa.mobile': '手机', 'wa.optional': '可不填',
      'wa.save': '保存', 'wa.tokens': '抢修人员令牌',
      'wa.tokensNote': '每位抢修人员一个令牌，在手机上打开抢修APP后输入；手机遗失或人员离岗时吊销。', 'wa.issue': '发放令牌',
      'wa.openOnPhone': '请抢修人员在手机上打开', 'wa.enterToken': '，输入以下令牌：', 'wa.copy': '复制', 'wa.copied': '已复制',
      'wa.onceOnly': '令牌只显示这一次，关闭后无法再查看；遗失请吊销后重新发放。', 'wa.handedOver': '已交给抢修人员，关闭',
      'wa.col.member': '抢修人员', 'wa.col.token': '令牌', 'wa.col.issued': '发放', 'wa.col.used': '最近使用',
      'wa.col.state': '状态', 'wa.noTokens': '尚未发放令牌', 'wa.types': '工单类型',
      'wa.typesNote': '时限在服务器配置文件 application.yml 的 hotline.work-orders.types 中设置（说明见部署文档），重启后生效；每张工单沿用创建时的时限，修改不影响已有工单。',
      'wa.col.stage': '环节', 'wa.col.party': '责任方', 'wa.col.limit': '时限',
      'wa.unit.MINUTES': '{n}分钟', 'wa.unit.HOURS': '{n}小时', 'wa.unit.WORKING_DAYS': '{n}个工作日',
      'wa.err.phone': '手机号码格式不对：只能有数字、空格或 -，如 13800000001',
      'wa.err.managerPhone': '负责人手机号码格式不对：只能有数字、空格或 -，如 13800000001',
      'wa.err.code': '编号只能是 1 到 32 个字母、数字、_ 或 -', 'wa.err.name': '名称不能为空，最多 100 个字',
      'wa.err.kind': '请选择单位类型', 'wa.err.centre': '没有这个抢修中心', 'wa.err.parent': '上级单位不存在，或选了单位自己',
      'wa.err.memberName': '姓名不能为空，最多 50 个字', 'wa.err.crew': '请选择抢修小组',
      'wa.err.token': '没有这个令牌，请刷新页面', 'wa.err.body': '提交的内容不完整，请刷新页面后重试',
      'wa.err.admin': '只有管理员可以操作', 'wa.err.failed': '操作失败{s}，请稍后重试', 'wa.err.load': '加载失败：{m}',
      'wa.err.chooseCentre': '请选择抢修中心', 'wa.err.crewTeam': '抢修小组必须属于一个班组',
      'wa.err.codeUsed': '编号 {c} 已被“{n}”使用', 'wa.err.reason': '请填写吊销原因',
      'wa.managersOf': '负责人：{p}', 'wa.noManagers': '未登记负责人', 'wa.edit': '编辑', 'wa.noUnits': '尚无单位',
      'wa.addTeam': '添加班组', 'wa.addCentreManagers': '登记中心负责人', 'wa.addCrew': '添加抢修小组',
      'wa.loose': '未归属班组的抢修小组（不能派单，请编辑指定班组）', 'wa.noCentres': '尚无抢修中心（在停电管理页导入电网数据）',
      'wa.none': '（无）', 'wa.noTeams': '该抢修中心尚无班组', 'wa.saved': '已保存：{n}', 'wa.choose': '请选择',
      'wa.noCrews': '尚无抢修小组', 'wa.revoked': '已吊销', 'wa.valid': '有效', 'wa.revoke': '吊销', 'wa.unused': '未使用',
      'wa.revokeHint': '吊销原因，如：手机遗失', 'wa.confirmRevoke': '确认吊销', 'wa.cancel': '取消',
      'wa.issuedTo': '已为 {m}（{c}）发放令牌。', 'wa.promise': '，承诺时限 {l}', 'wa.accept': '，须接单：{f}→{p}',
      'wa.typeHead': '{l}（{c}）起点 A：{s}{p}{a}', 'wa.limitSites': '同址 {a}，不同址 {b}',
      'wa.sameSiteHint': '与抢修中心在同一地点：{s} 时限 {a}，不同址 {b}', 'wa.sameSiteShort': '与抢修中心在同一地点',
      'wa.list': '，'
    },
    en: {
      'wa.units': 'Units', 'wa.unitsNote': 'Orders go to a repair centre, then a team, then a crew; when a team does not accept an order, an SMS goes to the unit\'s two managers.',
      'wa.newUnit': 'New unit', 'wa.editUnit': 'Edit unit: {n}', 'wa.kind': 'Kind', 'wa.kind.repair_centre': 'Repair centre',
      'wa.kind.team': 'Team', 'wa.kind.crew': 'Crew', 'wa.code': 'Code', 'wa.codeHint': 'letters, digits, _ or -, e.g. T1',
      'wa.name': 'Name', 'wa.nameHint': 'e.g. Repair team 1', 'wa.parent': 'Parent unit', 'wa.sameSite': 'same site',
      'wa.elsewhere': 'other site', 'wa.managers': 'Managers (an SMS when the team does not accept)',
      'wa.manager1': 'Manager 1', 'wa.manager2': 'Manager 2', 'wa.manager1Name': 'Manager 1 name',
      'wa.manager1Phone': 'Manager 1 mobile', 'wa.manager2Name': 'Manager 2 name', 'wa.manager2Phone': 'Manager 2 mobile',
      'wa.personName': 'Name', 'wa.mobile': 'Mobile', 'wa.optional': 'optional', 'wa.save': 'Save',
      'wa.tokens': 'Crew tokens', 'wa.tokensNote': 'One token per crew member, entered in the crew app on the phone; revoke it when the phone is lost or the person leaves.',
      'wa.issue': 'Issue a token', 'wa.openOnPhone': 'Ask the crew member to open', 'wa.enterToken': 'on the phone and enter this token:',
      'wa.copy': 'Copy', 'wa.copied': 'Copied',
      'wa.onceOnly': 'The token is shown this once only and cannot be seen again after closing; if lost, revoke it and issue a new one.',
      'wa.handedOver': 'Handed to the crew member: close', 'wa.col.member': 'Crew member', 'wa.col.token': 'Token',
      'wa.col.issued': 'Issued', 'wa.col.used': 'Last used', 'wa.col.state': 'State', 'wa.noTokens': 'No tokens issued yet',
      'wa.types': 'Order types',
      'wa.typesNote': 'Limits are set in the server\'s application.yml under hotline.work-orders.types (see the README) and apply after a restart; each order keeps the limits it was created with.',
      'wa.col.stage': 'Stage', 'wa.col.party': 'Party', 'wa.col.limit': 'Limit',
      'wa.unit.MINUTES': '{n} min', 'wa.unit.HOURS': '{n} h', 'wa.unit.WORKING_DAYS': '{n} working days',
      'wa.err.phone': 'Mobile number: digits, spaces or - only, e.g. 13800000001',
      'wa.err.managerPhone': 'Manager\'s mobile number: digits, spaces or - only, e.g. 13800000001',
      'wa.err.code': 'Code: 1 to 32 letters, digits, _ or -', 'wa.err.name': 'Name: required, at most 100 characters',
      'wa.err.kind': 'Choose the kind of unit', 'wa.err.centre': 'No such repair centre',
      'wa.err.parent': 'The parent unit does not exist, or is the unit itself',
      'wa.err.memberName': 'Name: required, at most 50 characters', 'wa.err.crew': 'Choose the crew',
      'wa.err.token': 'No such token: reload the page', 'wa.err.body': 'The form was incomplete: reload the page and try again',
      'wa.err.admin': 'Only administrators can do this', 'wa.err.failed': 'Failed{s}: try again later',
      'wa.err.load': 'Could not load: {m}', 'wa.err.chooseCentre': 'Choose the repair centre',
      'wa.err.crewTeam': 'A crew must belong to a team', 'wa.err.codeUsed': 'Code {c} is already used by "{n}"',
      'wa.err.reason': 'Give the reason for revoking', 'wa.managersOf': 'Managers: {p}', 'wa.noManagers': 'no managers',
      'wa.edit': 'Edit', 'wa.noUnits': 'no units yet', 'wa.addTeam': 'Add a team',
      'wa.addCentreManagers': 'Add the centre\'s managers', 'wa.addCrew': 'Add a crew',
      'wa.loose': 'Crews without a team (cannot be sent orders: edit them to choose a team)',
      'wa.noCentres': 'No repair centres yet (import the network on the outages page)', 'wa.none': '(none)',
      'wa.noTeams': 'This repair centre has no teams yet', 'wa.saved': 'Saved: {n}', 'wa.choose': 'Choose',
      'wa.noCrews': 'No crews yet', 'wa.revoked': 'revoked', 'wa.valid': 'valid', 'wa.revoke': 'Revoke',
      'wa.unused': 'never', 'wa.revokeHint': 'Reason, e.g. phone lost', 'wa.confirmRevoke': 'Revoke',
      'wa.cancel': 'Cancel', 'wa.issuedTo': 'Token issued to {m} ({c}).', 'wa.promise': ', promise {l}',
      'wa.accept': ', to accept: {f}→{p}', 'wa.typeHead': '{l} ({c}) start A: {s}{p}{a}',
      'wa.limitSites': 'same site {a}, other site {b}',
      'wa.sameSiteHint': 'At the repair centre\'s site: {s} limit {a}, other site {b}', 'wa.sameSiteShort': 'At the repair centre\'s site',
      'wa.list': ', '
    }
  });
  const KIND = k => (t('wa.kind.' + k) === 'wa.kind.' + k ? k : t('wa.kind.' + k));
  // the API's reasons start with the field they are about; the page says them in the user's language
  const REASONS = [['code:', 'wa.err.code'], ['name:', 'wa.err.name'], ['kind:', 'wa.err.kind'],
    ['manager phone:', 'wa.err.managerPhone'], ['repairCentre:', 'wa.err.centre'], ['parent:', 'wa.err.parent'],
    ['memberName:', 'wa.err.memberName'], ['memberPhone:', 'wa.err.phone'], ['crew:', 'wa.err.crew'],
    ['no crew token', 'wa.err.token'], ['body:', 'wa.err.body']];
  let units = [], centres = [], types = {};
  let editing = null;    // the code of the unit in the form, or null for a new one

  const $ = id => document.getElementById(id);

  function say(p, text, reason) {
    p.textContent = text || '';
    p.title = reason || '';
    p.hidden = !text;
  }

  function reasonOf(e) {
    if (e.status === 403) return t('wa.err.admin');
    const message = String(e.message || '');
    const known = REASONS.find(([prefix]) => message.startsWith(prefix));
    return known ? t(known[1]) : t('wa.err.failed', {s: e.status ? ' (' + e.status + ')' : ''});
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
    return typeof l === 'object' ? (t('wa.unit.' + l.unit) === 'wa.unit.' + l.unit ? l.amount + ' ' + l.unit
      : t('wa.unit.' + l.unit, {n: l.amount})) : W.limit(l);
  }

  // ------------------------------------------------------------------ units: the tree

  // records' own text (names, codes, phones) is data: in whatever language it was typed
  function data(e) {
    e.setAttribute('data-data', '');
    return e;
  }

  function managers(u) {
    const people = [[u.manager1Name, u.manager1Phone], [u.manager2Name, u.manager2Phone]]
      .filter(([n, p]) => n || p).map(([n, p]) => [n, p].filter(Boolean).join(' '));
    return people.length ? t('wa.managersOf', {p: people.join(t('wa.list'))}) : t('wa.noManagers');
  }

  function node(u, extra) {
    const li = H.el('li', 'wa-unit ' + u.kind);
    li.dataset.unit = u.code;
    const line = H.el('div', 'wa-line');
    line.append(data(H.el('span', 'name', u.name)), data(H.el('span', 'code', u.code)),
      H.el('span', 'kind', KIND(u.kind)));
    if (u.kind === 'team') line.append(H.el('span', 'site' + (u.sameSite ? '' : ' elsewhere'), t(u.sameSite ? 'wa.sameSite' : 'wa.elsewhere')));
    // the escalation SMS goes to a team's (else the centre's own unit's) managers, never to a crew's
    if (u.kind !== 'crew' || u.manager1Name || u.manager2Name || u.manager1Phone || u.manager2Phone) {
      const m = data(H.el('span', 'managers', managers(u)));
      if (u.kind !== 'crew' && !u.manager1Phone && !u.manager2Phone) m.classList.add('none');
      line.append(m);
    }
    const edit = H.el('button', 'link edit', t('wa.edit'));
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
      head.append(data(H.el('strong', null, centreName(code))), data(H.el('span', 'code', code)));
      if (!mine.length) head.append(H.el('span', 'note', t('wa.noUnits')));
      head.append(addButton(t('wa.addTeam'), {kind: 'team', centre: code}));
      if (!mine.some(u => u.kind === 'repair_centre')) {
        head.append(addButton(t('wa.addCentreManagers'), {kind: 'repair_centre', centre: code, name: centreName(code)}));
      }
      const ul = H.el('ul', 'wa-level');
      mine.filter(u => u.kind === 'repair_centre').forEach(u => ul.append(node(u)));
      const teams = mine.filter(u => u.kind === 'team');
      for (const team of teams) {
        const li = node(team, addButton(t('wa.addCrew'), {kind: 'crew', centre: code, parent: team.code}));
        const crews = mine.filter(u => u.kind === 'crew' && u.parent === team.code);
        if (crews.length) {
          const sub = H.el('ul', 'wa-level');
          crews.forEach(c => sub.append(node(c)));
          li.append(sub);
        }
        ul.append(li);
      }
      // a crew without a team of this centre cannot be assigned an order: shown apart, to be fixed
      const loose = mine.filter(u => u.kind === 'crew' && !teams.some(x => x.code === u.parent));
      if (loose.length) {
        const li = H.el('li', 'wa-loose');
        li.append(H.el('div', 'wa-line', t('wa.loose')));
        const sub = H.el('ul', 'wa-level');
        loose.forEach(c => sub.append(node(c)));
        li.append(sub);
        ul.append(li);
      }
      box.append(head);
      if (mine.length) box.append(ul);
      tree.append(box);
    }
    if (!codes.length) tree.append(H.el('p', 'note', t('wa.noCentres')));
    $('unit-count').textContent = String(units.length);
  }

  // ------------------------------------------------------------------ units: the form

  function fillParents(selected) {
    const kind = $('u-kind').value, centre = $('u-centre').value, select = $('u-parent');
    select.replaceChildren();
    const mine = units.filter(u => u.repairCentre === centre && u.code !== editing);
    if (kind === 'team') {
      select.append(option('', t('wa.none')));
      mine.filter(u => u.kind === 'repair_centre').forEach(u => select.append(option(u.code, u.name)));
    } else if (kind === 'crew') {
      const teams = mine.filter(u => u.kind === 'team');
      if (!teams.length) select.append(option('', t('wa.noTeams')));
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
    $('unit-form-title').textContent = u ? t('wa.editUnit', {n: u.name}) : t('wa.newUnit');
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
    if (!$('u-centre').value) return say(error, t('wa.err.chooseCentre'));
    if (kind === 'crew' && !$('u-parent').value) return say(error, t('wa.err.crewTeam'));
    if (!editing && unitOf(code)) return say(error, t('wa.err.codeUsed', {c: code, n: unitOf(code).name}));
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
      say($('unit-saved'), t('wa.saved', {n: saved.name}));
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
    select.replaceChildren(option('', t(crews.length ? 'wa.choose' : 'wa.noCrews')), ...crews.map(c => {
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

  function tokenRow(k) {
    const tr = H.el('tr', 'wa-token' + (k.revokedAt ? ' revoked' : ''));
    tr.dataset.tokenId = k.id;
    tr.dataset.state = k.revokedAt ? 'revoked' : 'valid';
    const state = H.el('td', 'state');
    if (k.revokedAt) {
      state.append(H.el('span', 'badge revoked', t('wa.revoked')), H.el('div', 'detail', W.time(k.revokedAt) + ' '
        + k.revokedBy + (k.revokeReason ? ': ' + k.revokeReason : '')));
    } else {
      state.append(H.el('span', 'badge valid', t('wa.valid')));
    }
    const action = H.el('td', 'action');
    if (!k.revokedAt) {
      const b = H.el('button', 'revoke', t('wa.revoke'));
      b.type = 'button';
      b.addEventListener('click', () => askReason(action, k));
      action.append(b);
    }
    const crew = H.el('td', 'crew', k.crewName);
    crew.title = k.crew;
    tr.append(H.el('td', 'member', k.memberName), H.el('td', 'phone', k.memberPhone || '—'), crew,
      H.el('td', 'hint', k.hint + '…'),
      H.el('td', 'issued', W.time(k.issuedAt) + ' ' + k.issuedBy),
      H.el('td', 'used', k.lastUsedAt ? W.time(k.lastUsedAt) : t('wa.unused')), state, action);
    return tr;
  }

  // the reason is asked in the row itself (no browser prompt): it is kept with the token and told to the crew's phone
  function askReason(cell, k) {
    const form = H.el('form', 'wa-revoke');
    const input = H.el('input', 'reason');
    input.maxLength = 200;
    input.placeholder = t('wa.revokeHint');
    const ok = H.el('button', 'confirm', t('wa.confirmRevoke'));
    ok.type = 'submit';
    const cancel = H.el('button', 'cancel', t('wa.cancel'));
    cancel.type = 'button';
    const error = H.el('p', 'error');
    error.hidden = true;
    form.append(input, ok, cancel, error);
    cancel.addEventListener('click', () => loadTokens());
    form.addEventListener('submit', async e => {
      e.preventDefault();
      if (!input.value.trim()) return say(error, t('wa.err.reason'));
      ok.disabled = true;
      try {
        await H.api('POST', '/api/work-orders/crew-tokens/' + k.id + '/revoke', {reason: input.value.trim()});
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
    $('token-count').textContent = String(list.filter(x => !x.revokedAt).length);
    $('no-tokens').hidden = list.length > 0;
  }

  async function issue(e) {
    e.preventDefault();
    const error = $('issue-error');
    if (!$('t-crew').value) return say(error, t('wa.err.crew'));
    if (!$('t-name').value.trim()) return say(error, t('wa.err.memberName'));
    say(error, '');
    try {
      const k = await H.api('POST', '/api/work-orders/crew-tokens', {crew: $('t-crew').value,
        memberName: $('t-name').value.trim(), memberPhone: $('t-phone').value.trim() || null});
      $('issued-who').textContent = t('wa.issuedTo', {m: k.memberName, c: k.crewName});
      $('issued-url').textContent = location.origin + '/crew.html';
      $('issued-secret').textContent = k.secret;
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
    const done = () => { $('issued-copy').textContent = t('wa.copied'); };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(secret.textContent).then(done, () => {});
    else if (document.execCommand('copy')) done();
  }

  function closeIssued() {
    // the secret leaves the page: it is not kept anywhere after this
    $('issued-secret').textContent = '';
    $('issued-copy').textContent = t('wa.copy');
    $('issued').hidden = true;
  }

  // ------------------------------------------------------------------ order types (read-only)

  function renderTypes() {
    const table = $('type-table');
    [...table.tBodies].forEach(b => b.remove());
    let elsewhere = null;
    // the repair clock first: it is the one with the 45-minute promise and the same-site limit
    const entries = Object.entries(types).sort(([a], [b]) => (b === 'repair') - (a === 'repair'));
    for (const [code, type] of entries) {
      const body = H.el('tbody');
      body.dataset.type = code;
      const head = H.el('tr', 'wo-group');
      const promise = type.promise ? t('wa.promise', {l: limitText(type.promise)}) : '';
      const accept = type.acceptFrom ? t('wa.accept', {f: type.acceptFrom, p: type.acceptPoint}) : '';
      const th = H.el('th', null, t('wa.typeHead', {l: W.zh(type.label), c: code, s: W.zh(type.start), p: promise,
        a: accept}));
      th.colSpan = 4;
      head.append(th);
      body.append(head);
      for (const s of type.stages) {
        const tr = H.el('tr', 'wa-stage');
        tr.dataset.stage = s.from + '-' + s.to;
        const limit = s.limitElsewhere ? t('wa.limitSites', {a: limitText(s.limit), b: limitText(s.limitElsewhere)})
          : limitText(s.limit);
        tr.append(H.el('td', 'points', s.from + '→' + s.to), H.el('td', 'name', W.zh(s.name)),
          H.el('td', 'party', W.party(s.party)), H.el('td', 'limit', limit));
        body.append(tr);
        if (s.limitElsewhere && !elsewhere) elsewhere = {stage: s.from + '→' + s.to + ' ' + W.zh(s.name), s};
      }
      table.append(body);
    }
    $('u-same-site-hint').textContent = elsewhere ? t('wa.sameSiteHint', {s: elsewhere.stage,
      a: limitText(elsewhere.s.limit), b: limitText(elsewhere.s.limitElsewhere)}) : t('wa.sameSiteShort');
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
      say($('error'), t('wa.err.load', {m: reasonOf(e)}), e.message);
    }
    // the one switch (desk.js): what this script drew is drawn again in the other language
    H.on('lang', () => {
      renderTree();
      renderTypes();
      loadTokens().catch(() => {});
      fillCrews();
      fillParents($('u-parent').value);
      $('unit-form-title').textContent = editing && unitOf(editing) ? t('wa.editUnit', {n: unitOf(editing).name})
        : t('wa.newUnit');
    });
  });
})();
