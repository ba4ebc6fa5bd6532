// The campaigns page's SMS accounts (ADR 0035): per account its carrier, number prefixes, bind, last error and the
// messages it sent today, and the messages waiting because no account that takes their number is bound.
// Every server text goes in through textContent (Hotline.el): it is data, not markup.
(function () {
  'use strict';
  const H = window.Hotline;
  const REFRESH_MS = 10000;

  H.i18n.add({
    'zh-CN': {
      'acc.title': '短信通道', 'acc.name': '通道', 'acc.carrier': '运营商', 'acc.prefixes': '号段', 'acc.bound': '连接',
      'acc.lastError': '最近错误', 'acc.today': '今日发送', 'acc.up': '已连接', 'acc.down': '未连接',
      'acc.anyNumber': '全部号码', 'acc.none': '未配置短信通道，短信留在队列中等待。',
      'acc.noRoute': '{n} 条短信没有可用通道（承接其号段的通道均未连接），正在排队等待。'
    },
    en: {
      'acc.title': 'SMS accounts', 'acc.name': 'Account', 'acc.carrier': 'Carrier', 'acc.prefixes': 'Prefixes',
      'acc.bound': 'Bind', 'acc.lastError': 'Last error', 'acc.today': 'Sent today', 'acc.up': 'Bound',
      'acc.down': 'Not bound', 'acc.anyNumber': 'Any number',
      'acc.none': 'No SMS account is configured: messages wait in the queue.',
      'acc.noRoute': '{n} message(s) have no route (no account that takes their number is bound): queued, waiting.'
    }
  });

  const $ = id => document.getElementById(id);

  function showError(e) {
    $('error').textContent = e ? (e.message || String(e)) : '';
    $('error').hidden = !e;
  }

  async function load() {
    const data = await H.api('GET', '/api/sms/accounts');
    const body = $('acc-table').tBodies[0];
    body.replaceChildren();
    $('acc-none').hidden = data.accounts.length > 0;
    for (const a of data.accounts) {
      const prefixes = a.prefixes.length ? a.prefixes.join(',') : H.t('acc.anyNumber');
      const p = H.el('td', 'prefixes', prefixes);
      p.title = prefixes;
      const err = H.el('td', 'error', a.lastError || '');
      err.title = a.lastError || '';
      const carrier = H.el('td', 'carrier', a.carrier);
      // as configured, not a label (data-data: the language checks leave it alone)
      carrier.dataset.data = '';
      err.dataset.data = '';
      const tr = H.el('tr');
      tr.dataset.account = a.name;
      tr.append(H.el('td', 'name', a.name), carrier, p,
        H.el('td', a.bound ? 'up' : 'down', H.t(a.bound ? 'acc.up' : 'acc.down')), err,
        H.el('td', 'today', String(a.today)));
      body.append(tr);
    }
    $('acc-no-route').hidden = !data.noRoute;
    $('acc-no-route').textContent = data.noRoute ? H.t('acc.noRoute', {n: data.noRoute}) : '';
  }

  document.addEventListener('DOMContentLoaded', () => {
    H.on('lang', () => load().catch(showError));
    load().catch(showError);
    setInterval(() => load().catch(showError), REFRESH_MS);
  });
})();
