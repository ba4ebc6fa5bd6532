// The campaigns page's "messages to check" section (issue #17, ADR 0026): messages whose submit SMPP left in doubt,
// held for a person, sent again without evidence, or ended without a receipt; a held one is resent or closed here.
// Every server text goes in through textContent (Hotline.el): it is data, not markup.
(function () {
  'use strict';
  const H = window.Hotline;
  const REFRESH_MS = 10000;
  let what = 'held';

  H.i18n.add({
    'zh-CN': {
      'att.title': '待核实短信',
      'att.hint': '提交时连接中断或进程退出、未收到短信中心应答的短信：系统按回执核实；核实不了的按类别规则重发或留待人工决定。',
      'att.held': '待人工决定', 'att.inDoubt': '核实中', 'att.resent': '已重发（无回执证据）', 'att.unknown': '无回执（结果未知）',
      'att.kind': '类别', 'att.since': '时间', 'att.reason': '原因', 'att.none': '没有此类短信',
      'att.resend': '重发', 'att.close': '不再发送', 'att.confirmResend': '短信中心可能已收到此短信，重发可能使客户收到两条。确定重发吗？',
      'kind.arrears': '缴费提醒', 'kind.outage': '停电通知', 'kind.work_order': '工单', 'kind.escalation': '督办',
      'kind.general': '服务通知',
      'why.noReceipt': '等待期内没有回执（{parts} 条未核实）', 'why.ambiguous': '回执无法区分是哪条短信（{parts} 条未核实）',
      'why.held': '，留待人工决定', 'why.resent': '，已重发', 'why.timeout': '超过 {t} 未收到送达回执',
      'why.closed': '{who} 决定不再发送', 'why.resentBy': '{who} 决定重发'
    },
    en: {
      'att.title': 'Messages to check',
      'att.hint': 'Messages whose submit got no answer from the SMSC (connection lost, process stopped): receipts settle '
        + 'them; those they cannot settle are sent again or held for a person, by kind.',
      'att.held': 'Held for a decision', 'att.inDoubt': 'Being settled', 'att.resent': 'Resent without evidence',
      'att.unknown': 'No receipt (unknown)', 'att.kind': 'Kind', 'att.since': 'Time', 'att.reason': 'Reason',
      'att.none': 'No such messages', 'att.resend': 'Resend', 'att.close': 'Do not send',
      'att.confirmResend': 'The SMSC may have this message already: resending may deliver it twice. Resend?',
      'kind.arrears': 'Arrears', 'kind.outage': 'Outage', 'kind.work_order': 'Work order', 'kind.escalation': 'Escalation',
      'kind.general': 'General',
      'why.noReceipt': 'No receipt within the window ({parts} part(s) unsettled)',
      'why.ambiguous': 'Receipts could be another message\'s ({parts} part(s) unsettled)', 'why.held': '; held for a person',
      'why.resent': '; sent again', 'why.timeout': 'No delivery receipt within {t}', 'why.closed': 'Closed unsent by {who}',
      'why.resentBy': 'Sent again by {who}'
    }
  });

  const $ = id => document.getElementById(id);

  function showError(e) {
    $('error').textContent = e ? (e.message || String(e)) : '';
    $('error').hidden = !e;
  }

  // the server's reason (English, for logs and the API) in the page's language; the original stays as the cell's title
  function reason(text) {
    if (!text) return '';
    let m = /^(no receipt|receipts ambiguous) for (\d+) of (\d+) part\(s\) within \S+: (held|sent again)/.exec(text);
    if (m) {
      return H.t(m[1] === 'no receipt' ? 'why.noReceipt' : 'why.ambiguous', {parts: m[2] + '/' + m[3]})
        + H.t(m[4] === 'held' ? 'why.held' : 'why.resent');
    }
    m = /^no delivery receipt within P?T?(\S+)$/.exec(text);
    if (m) return H.t('why.timeout', {t: m[1].toLowerCase()});
    m = /^closed unsent by (.+)$/.exec(text);
    if (m) return H.t('why.closed', {who: m[1]});
    m = /^sent again by (.+)$/.exec(text);
    if (m) return H.t('why.resentBy', {who: m[1]});
    return text;
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString(H.i18n.lang()) : '';
  }

  async function decide(id, action) {
    if (action === 'resend' && !window.confirm(H.t('att.confirmResend'))) return;
    await H.api('POST', '/api/sms/attention/' + id + '/' + action);
    await load();
  }

  async function load() {
    const data = await H.api('GET', '/api/sms/attention?what=' + encodeURIComponent(what));
    $('att-n-held').textContent = String(data.counts.held);
    $('att-n-in-doubt').textContent = String(data.counts.inDoubt);
    $('att-n-resent').textContent = String(data.counts.resent);
    $('att-n-unknown').textContent = String(data.counts.unknown);
    document.querySelectorAll('#att-tabs button').forEach(b => b.setAttribute('aria-selected',
      String(b.dataset.what === what)));
    const body = $('att-messages').tBodies[0];
    body.replaceChildren();
    $('att-none').hidden = data.messages.length > 0;
    for (const m of data.messages) {
      const tr = H.el('tr');
      tr.dataset.id = m.id;
      const text = H.el('td', 'text', m.text);
      text.title = m.text;
      const actions = H.el('td', 'att-actions');
      const why = H.el('td', 'reason', reason(m.reason));
      why.title = m.reason || '';
      if (what === 'held') {
        const resend = H.el('button', null, H.t('att.resend'));
        resend.type = 'button';
        resend.addEventListener('click', () => decide(m.id, 'resend').catch(showError));
        const close = H.el('button', null, H.t('att.close'));
        close.type = 'button';
        close.addEventListener('click', () => decide(m.id, 'close').catch(showError));
        actions.append(resend, close);
      }
      tr.append(H.el('td', null, String(m.id)), H.el('td', 'kind', H.t('kind.' + m.kind)), H.el('td', 'to', m.destination),
        H.el('td', 'when', time(m.finishedAt || m.inDoubtSince || m.claimedAt)), why, text, actions);
      body.append(tr);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('#att-tabs button').forEach(b => b.addEventListener('click', () => {
      what = b.dataset.what;
      load().catch(showError);
    }));
    H.on('lang', () => load().catch(showError));
    load().catch(showError);
    setInterval(() => load().catch(showError), REFRESH_MS);
  });
})();
