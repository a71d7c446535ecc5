// Browser recording (MediaRecorder), shared by the translation page and "Tạo chương trình".
// A button with data-recorder="FORM_ID" records; on stop the recording is offered to hear first,
// then "Gửi bản ghi" posts it with that form's fields as "audio" (ghi-am.webm) and the page
// follows the redirect. A microphone that is refused or missing is said, never silently ignored.
const MIC_REFUSED = {
  NotAllowedError: 'Trình duyệt chưa cho phép dùng micrô. Hãy bấm biểu tượng ổ khóa cạnh địa chỉ trang, cho phép micrô, rồi bấm “Ghi âm” lại — hoặc tải tệp âm thanh lên.',
  SecurityError: 'Trình duyệt chưa cho phép dùng micrô. Hãy cho phép micrô cho trang này rồi bấm “Ghi âm” lại — hoặc tải tệp âm thanh lên.',
  NotFoundError: 'Không tìm thấy micrô trên máy này. Hãy cắm micrô rồi bấm “Ghi âm” lại — hoặc tải tệp âm thanh lên.',
  NotReadableError: 'Micrô đang bị chương trình khác dùng. Hãy tắt chương trình đó rồi bấm “Ghi âm” lại.',
};
for (const btn of document.querySelectorAll('[data-recorder]')) {
  const form = document.getElementById(btn.dataset.recorder);
  const state = document.getElementById(btn.dataset.state);
  const review = document.createElement('span');
  review.className = 'rec-review';
  review.hidden = true;
  review.innerHTML = '<audio controls id="rec-preview"></audio> ' +
    '<button type="button" id="rec-send">Gửi bản ghi</button> <button type="button" id="rec-again">Ghi lại</button>';
  state.after(review);
  const preview = review.querySelector('audio');
  let recorder, chunks = [], blob = null;
  const say = (text, problem) => {
    state.textContent = text;
    state.setAttribute('role', problem ? 'alert' : 'status');
    state.className = problem ? 'error' : 'muted';
  };
  btn.onclick = async () => {
    if (recorder && recorder.state === 'recording') { recorder.stop(); return; }
    if (!navigator.mediaDevices || !window.MediaRecorder) {
      say('Trình duyệt này không ghi âm được. Hãy tải tệp âm thanh lên.', true); return;
    }
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({audio: true});
    } catch (err) {
      say(MIC_REFUSED[err.name] || 'Không mở được micrô (' + err.name + '). Hãy thử lại hoặc tải tệp âm thanh lên.', true);
      return;
    }
    review.hidden = true; blob = null;
    recorder = new MediaRecorder(stream); chunks = [];
    recorder.ondataavailable = e => chunks.push(e.data);
    recorder.onstop = () => {
      stream.getTracks().forEach(t => t.stop());
      blob = new Blob(chunks, {type: recorder.mimeType});
      if (preview.src) URL.revokeObjectURL(preview.src);
      preview.src = URL.createObjectURL(blob);
      review.hidden = false; btn.textContent = 'Ghi âm';
      say('Nghe lại bản ghi, rồi bấm “Gửi bản ghi” hoặc “Ghi lại”.', false);
    };
    recorder.start(); btn.textContent = 'Dừng'; say('Đang ghi âm…', false);
  };
  review.querySelector('#rec-again').onclick = () => { review.hidden = true; blob = null; btn.click(); };
  review.querySelector('#rec-send').onclick = async () => {
    if (!blob) return;
    const data = new FormData(form);
    data.set('audio', blob, 'ghi-am.webm');
    say('Đang gửi…', false);
    const r = await fetch(form.action, {method: 'POST', body: data});
    if (r.redirected) { location.href = r.url; return; }
    document.open(); document.write(await r.text()); document.close();
  };
}
