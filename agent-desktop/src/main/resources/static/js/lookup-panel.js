// Area lookup while a caller speaks (issue #4): one box answering as you type by area code, pinyin initials
// (建设南路 → jsnl), line code or customer name/number/account; ↑/↓ choose, Enter opens the line tree.
// Hotline.lookupPanel(container, {compact}) builds it into any page (lookup.html full size, the agent page compact).
// Needs desk.js and outage-view.js loaded first.
(function () {
  'use strict';
  const el = Hotline.el;
  const DEBOUNCE_MS = 150;

  Hotline.i18n.add({
    'zh-CN': {
      'lookup.placeholder': '台区编号 / 拼音首字母 (jsnl) / 线路 / 客户姓名、编号、户号',
      'lookup.type.area': '台区', 'lookup.type.line': '线路', 'lookup.type.customer': '客户',
      'lookup.none': '没有找到 “{q}”', 'lookup.searching': '查询中…', 'lookup.count': '{n} 条结果 · ↑↓ 选择，回车打开线路',
      'lookup.line': '线路', 'lookup.centre': '抢修中心', 'lookup.responsible': '责任人', 'lookup.failed': '查询失败：{m}'
    },
    en: {
      'lookup.placeholder': 'Area code / pinyin initials (jsnl) / line / customer name, number, account',
      'lookup.type.area': 'Area', 'lookup.type.line': 'Line', 'lookup.type.customer': 'Customer',
      'lookup.none': 'Nothing found for “{q}”', 'lookup.searching': 'Searching…',
      'lookup.count': '{n} results · ↑↓ to choose, Enter opens the line',
      'lookup.line': 'Line', 'lookup.centre': 'Repair centre', 'lookup.responsible': 'Responsible',
      'lookup.failed': 'Lookup failed: {m}'
    }
  });

  function linesUrl(r) {
    return r.lineCode ? '/lines.html?code=' + encodeURIComponent(r.lineCode) : null;
  }

  function field(cls, label, value) {
    if (!value) return null;
    const span = el('span', 'field ' + cls);
    span.appendChild(el('span', 'label', label + ' '));
    span.appendChild(el('span', 'value', value));
    return span;
  }

  function resultItem(r, compact) {
    const li = el('li', 'result ' + r.type);
    li.setAttribute('role', 'option');
    li.dataset.type = r.type;
    li.dataset.code = r.code || '';
    if (r.lineCode) li.dataset.lineCode = r.lineCode;
    const head = li.appendChild(el('div', 'head'));
    head.appendChild(el('span', 'type', Hotline.t('lookup.type.' + r.type)));
    head.appendChild(el('span', 'code', r.type === 'customer' ? (r.customerNo || r.code) : r.code));
    head.appendChild(el('span', 'name', r.name));
    if (r.initials) head.appendChild(el('span', 'initials', r.initials));
    head.appendChild(Hotline.outage.flags(r.outages));
    const details = li.appendChild(el('div', 'details'));
    const where = r.type === 'customer' && r.areaCode ? [r.areaCode, r.areaName].filter(Boolean).join(' ') : null;
    const parts = [
      field('area', Hotline.t('lookup.type.area'), where),
      r.type !== 'line' ? field('line', Hotline.t('lookup.line'), [r.lineCode, r.lineName].filter(Boolean).join(' ')) : null,
      field('centre', Hotline.t('lookup.centre'), Hotline.outage.centre(r.repairCentre)),
      field('responsible', Hotline.t('lookup.responsible'),
        [r.responsiblePerson, r.responsiblePhone].filter(Boolean).join(' ☎ '))
    ];
    for (const p of parts) if (p) details.appendChild(p);
    if (compact) li.title = [r.code, r.name].filter(Boolean).join(' ');
    return li;
  }

  function lookupPanel(container, options) {
    const opts = Object.assign({compact: false, limit: 20}, options);
    const root = el('div', 'lookup-panel' + (opts.compact ? ' compact' : ''));
    const input = el('input', 'lookup-input');
    input.type = 'search';
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.setAttribute('data-i18n-placeholder', 'lookup.placeholder');
    input.placeholder = Hotline.t('lookup.placeholder');
    input.setAttribute('aria-label', Hotline.t('lookup.placeholder'));
    const status = el('div', 'lookup-status note');
    status.setAttribute('aria-live', 'polite');
    const list = el('ul', 'lookup-results');
    list.setAttribute('role', 'listbox');
    root.append(input, status, list);
    container.appendChild(root);

    let results = [];
    let selected = -1;
    let timer = null;
    let asked = 0; // only the answer to the latest question is shown, whatever order answers arrive in

    function select(i) {
      const items = list.children;
      if (items[selected]) {
        items[selected].classList.remove('selected');
        items[selected].setAttribute('aria-selected', 'false');
      }
      selected = results.length ? Math.max(0, Math.min(i, results.length - 1)) : -1;
      if (selected >= 0) {
        items[selected].classList.add('selected');
        items[selected].setAttribute('aria-selected', 'true');
        items[selected].scrollIntoView({block: 'nearest'});
      }
    }

    function open(r) {
      const url = r && linesUrl(r);
      if (!url) return;
      // on the agent page the call stays on screen: the tree opens beside it
      if (opts.compact) window.open(url, '_blank', 'noopener');
      else location.assign(url);
    }

    function render(q, found) {
      results = found;
      list.replaceChildren(...found.map((r, i) => {
        const li = resultItem(r, opts.compact);
        li.addEventListener('mousedown', (e) => { e.preventDefault(); select(i); open(r); });
        return li;
      }));
      status.textContent = found.length ? Hotline.t('lookup.count', {n: found.length}) : Hotline.t('lookup.none', {q});
      selected = -1;
      if (found.length) select(0);
    }

    async function search() {
      const q = input.value.trim();
      const mine = ++asked;
      if (!q) {
        results = [];
        list.replaceChildren();
        status.textContent = '';
        return;
      }
      status.textContent = Hotline.t('lookup.searching');
      try {
        const found = await Hotline.api('GET', '/api/lookup?q=' + encodeURIComponent(q) + '&limit=' + opts.limit);
        if (mine === asked) render(q, found || []);
      } catch (e) {
        if (mine === asked) {
          results = [];
          list.replaceChildren();
          status.textContent = Hotline.t('lookup.failed', {m: e.message});
        }
      }
    }

    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(search, DEBOUNCE_MS);
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown') { e.preventDefault(); select(selected + 1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); select(selected - 1); }
      else if (e.key === 'Enter') { e.preventDefault(); open(results[selected]); }
      else if (e.key === 'Escape') { input.value = ''; search(); }
    });
    Hotline.on('lang', () => { if (input.value.trim()) search(); });

    return {
      input,
      // Fills the box (e.g. with the caller's number) and searches at once.
      search(q) { input.value = q; clearTimeout(timer); return search(); },
      focus() { input.focus(); }
    };
  }

  Hotline.lookupPanel = lookupPanel;
})();
