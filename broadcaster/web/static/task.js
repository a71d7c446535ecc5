// The command page follows its task: it asks /lenh/N/tinh-trang every two seconds and redraws
// the counts and each speaker's line until every speaker has played or is named offline.
(() => {
  const box = document.getElementById('task-status');
  if (!box) return;
  const url = box.dataset.poll;
  const esc = s => String(s).replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'})[c]);
  const draw = t => {
    box.dataset.state = t.state;
    box.dataset.settled = t.settled ? 'yes' : 'no';
    let html;
    if (t.state === 'failed') {
      html = '<p class="error" role="alert">Không thực hiện được lệnh: ' + esc(t.error) + '</p>';
    } else if (t.state === 'pending') {
      html = t.service_running ? '<p>Đã nhận lệnh; dịch vụ phát đang xử lý…</p>'
        : '<p class="error" role="alert">Dịch vụ phát đang không chạy. Lệnh đã được lưu và sẽ được thực hiện ngay khi dịch vụ chạy lại.</p>';
    } else if (t.state === 'running') {
      html = '<p>Dịch vụ phát đang gửi lệnh tới loa…</p>';
    } else {
      html = '<p><strong id="received">' + t.received + '</strong> / ' + t.targets + ' loa đã nhận lệnh'
        + (t.kind === 'emergency' ? ', <strong id="played">' + t.played + '</strong> loa đã phát.' : '.') + '</p>';
    }
    if (t.speakers.length) {
      html += '<ul class="compact" id="speakers">' + t.speakers.map(d =>
        '<li data-status="' + esc(d.status) + '" data-played="' + esc(d.played || '') + '">' + esc(d.name)
        + (d.name !== d.id ? ' <small class="muted">(' + esc(d.id) + ')</small>' : '') + ': ' + esc(d.label) + '</li>').join('') + '</ul>';
    }
    html += t.settled ? '<p class="muted" id="settled">Đã xong: mọi loa đã phát hoặc được ghi rõ lý do.</p>'
      : '<p class="muted" id="following">Trang tự cập nhật…</p>';
    box.innerHTML = html;
  };
  const poll = async () => {
    try {
      const r = await fetch(url, {headers: {Accept: 'application/json'}, cache: 'no-store'});
      if (r.ok) { const t = await r.json(); draw(t); if (t.settled) return; }
    } catch (e) { /* the network came back: try again */ }
    setTimeout(poll, 2000);
  };
  setTimeout(poll, 1000);
})();
