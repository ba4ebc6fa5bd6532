// Supervisors' call recordings: the latest ones with their call, each played in place from the server's WAV stream
// (HTTP ranges). The player is made only on "play", so merely opening the page plays (and audits) nothing.
(function () {
  'use strict';
  const H = window.Hotline;
  H.i18n.add({
    'zh-CN': {
      'rec.title': '通话录音', 'rec.toSupervisor': '班长监控', 'rec.signOut': '退出', 'rec.hint': '播放录音会记入审计日志。',
      'rec.started': '开始时间', 'rec.queue': '队列', 'rec.agent': '坐席', 'rec.caller': '来电号码', 'rec.length': '时长',
      'rec.size': '大小', 'rec.play': '播放', 'rec.running': '录音中', 'rec.deleted': '已过保存期删除',
      'rec.none': '暂无录音', 'rec.loadFailed': '录音列表读取失败：{message}'
    },
    en: {
      'rec.title': 'Call recordings', 'rec.toSupervisor': 'Supervisor', 'rec.signOut': 'Sign out',
      'rec.hint': 'Playing a recording is written to the audit log.', 'rec.started': 'Started', 'rec.queue': 'Queue',
      'rec.agent': 'Agent', 'rec.caller': 'Caller', 'rec.length': 'Length', 'rec.size': 'Size', 'rec.play': 'Play',
      'rec.running': 'recording', 'rec.deleted': 'deleted after retention', 'rec.none': 'No recordings yet',
      'rec.loadFailed': 'Could not load the recordings: {message}'
    }
  });
  let rows = [];

  function length(ms) {
    if (ms === null || ms === undefined) return '';
    // whole seconds down, as the browser's player counts them
    const s = Math.floor(ms / 1000);
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }

  function size(bytes) {
    if (bytes === null || bytes === undefined) return '';
    return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.ceil(bytes / 1024) + ' KB';
  }

  function player(r, td) {
    const audio = document.createElement('audio');
    audio.controls = true;
    audio.preload = 'metadata';
    audio.dataset.recording = r.id;
    audio.src = '/api/recordings/' + encodeURIComponent(r.id) + '/audio';
    td.replaceChildren(audio);
    audio.play().catch(() => { /* the browser may hold autoplay back: the controls are there */ });
  }

  function render() {
    const tbody = document.querySelector('#rec-table tbody');
    if (!rows.length) {
      const td = H.el('td', 'empty', H.t('rec.none'));
      td.colSpan = 7;
      const tr = H.el('tr');
      tr.append(td);
      tbody.replaceChildren(tr);
      return;
    }
    tbody.replaceChildren(...rows.map(r => {
      const tr = H.el('tr');
      tr.dataset.recording = r.id;
      const play = H.el('td', 'play');
      if (r.playable) {
        const b = H.el('button', 'rec-play', H.t('rec.play'));
        b.type = 'button';
        b.addEventListener('click', () => player(r, play));
        play.append(b);
      } else {
        play.textContent = H.t(r.deleted ? 'rec.deleted' : 'rec.running');
      }
      tr.append(H.el('td', 'started', new Date(r.startedAt).toLocaleString(H.i18n.lang())),
        H.el('td', 'queue', r.queue || ''), H.el('td', 'agent', r.agent || ''),
        H.el('td', 'caller', r.callerNumber || ''), H.el('td', 'length', length(r.durationMs)),
        H.el('td', 'size', size(r.sizeBytes)), play);
      return tr;
    }));
  }

  async function load() {
    try {
      rows = await H.api('GET', '/api/recordings?limit=100');
      document.getElementById('rec-error').textContent = '';
      render();
    } catch (e) {
      document.getElementById('rec-error').textContent = H.t('rec.loadFailed', {message: e.message});
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    H.csrf().then(tk => { document.getElementById('logout-csrf').value = tk.token; }).catch(() => {});
    // the one language switch is the header's (desk.js): another language draws the list again
    H.on('lang', () => {
      document.title = 'Hotline ' + H.t('rec.title');
      render();
    });
    load();
  });
})();
