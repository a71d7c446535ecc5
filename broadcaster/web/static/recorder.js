// Browser recording (MediaRecorder), shared by the translation page and "Tạo chương trình".
// A button with data-recorder="FORM_ID" records; on stop the recording is posted with that
// form's fields as "audio" (ghi-am.webm) and the page follows the redirect.
for (const btn of document.querySelectorAll('[data-recorder]')) {
  const form = document.getElementById(btn.dataset.recorder);
  const state = document.getElementById(btn.dataset.state);
  let recorder, chunks = [];
  btn.onclick = async () => {
    if (recorder && recorder.state === 'recording') { recorder.stop(); return; }
    const stream = await navigator.mediaDevices.getUserMedia({audio: true});
    recorder = new MediaRecorder(stream); chunks = [];
    recorder.ondataavailable = e => chunks.push(e.data);
    recorder.onstop = async () => {
      stream.getTracks().forEach(t => t.stop());
      const data = new FormData(form);
      data.set('audio', new Blob(chunks, {type: recorder.mimeType}), 'ghi-am.webm');
      state.textContent = 'Đang gửi…';
      const r = await fetch(form.action, {method: 'POST', body: data});
      if (r.redirected) { location.href = r.url; return; }
      document.open(); document.write(await r.text()); document.close();
    };
    recorder.start(); btn.textContent = 'Dừng'; state.textContent = 'Đang ghi âm…';
  };
}
