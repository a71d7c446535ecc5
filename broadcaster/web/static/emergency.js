// Emergency page: the zones come first (checked here and again by the server), and a warning
// recorded on the phone is posted with the form's zones and reason as "audio".
(() => {
  const form = document.getElementById('em-form');
  if (!form) return;
  const missing = document.getElementById('em-zone-missing');
  const zonesChosen = () => {
    const ok = form.querySelectorAll('input[name=zones]:checked').length > 0;
    missing.hidden = ok;
    if (!ok) missing.scrollIntoView({block: 'center'});
    return ok;
  };
  form.addEventListener('submit', e => { if (!zonesChosen()) e.preventDefault(); });
  const btn = document.getElementById('em-rec');
  const state = document.getElementById('em-recstate');
  if (!btn) return;
  let recorder = null, chunks = [];
  btn.onclick = async () => {
    if (recorder && recorder.state === 'recording') { recorder.stop(); return; }
    if (!zonesChosen()) return;
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({audio: true});
    } catch (err) {
      state.textContent = 'Không dùng được micrô (' + err.name + '). Hãy cho phép trình duyệt dùng micrô, hoặc gõ nội dung.';
      return;
    }
    recorder = new MediaRecorder(stream); chunks = [];
    recorder.ondataavailable = e => chunks.push(e.data);
    recorder.onstop = async () => {
      stream.getTracks().forEach(t => t.stop());
      const data = new FormData(form);
      data.set('source', 'audio');
      data.delete('text');
      data.set('audio', new Blob(chunks, {type: recorder.mimeType}), 'khan-cap.webm');
      state.textContent = 'Đang gửi và xử lý bản ghi…';
      btn.disabled = true;
      const r = await fetch(form.action, {method: 'POST', body: data});
      document.open(); document.write(await r.text()); document.close();
    };
    recorder.start(); btn.textContent = 'Dừng ghi âm'; state.textContent = 'Đang ghi âm…';
  };
})();
