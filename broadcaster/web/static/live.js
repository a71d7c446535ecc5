// Push to talk: one recording for the whole session, cut in one-second pieces posted as they come;
// the microphone track is on only while the button is held (silence in between).
(() => {
  const desk = document.getElementById('live-desk');
  if (!desk) return;
  const ptt = document.getElementById('ptt');
  const state = document.getElementById('live-state');
  const end = document.getElementById('live-end');
  const headers = {'X-CSRF-Token': desk.dataset.csrf, 'Content-Type': 'application/octet-stream'};
  let recorder = null, track = null, queue = Promise.resolve(), sent = 0;
  const post = blob => { queue = queue.then(async () => {
    const r = await fetch(desk.dataset.audio, {method: 'POST', headers, body: blob});
    if (r.ok) { sent += 1; desk.dataset.sent = String(sent); }
    else { state.textContent = 'Luồng phát đã dừng.'; }
  }).catch(() => { state.textContent = 'Mất kết nối tới máy chủ, đang thử lại…'; }); };
  navigator.mediaDevices.getUserMedia({audio: true}).then(stream => {
    track = stream.getAudioTracks()[0];
    track.enabled = false;
    recorder = new MediaRecorder(stream, {mimeType: 'audio/webm;codecs=opus'});
    recorder.ondataavailable = e => { if (e.data.size) post(e.data); };
    recorder.start(1000);
    ptt.disabled = false;
    state.textContent = 'Sẵn sàng. Giữ nút để nói.';
  }).catch(err => {
    state.textContent = 'Không dùng được micrô (' + err.name + '). Hãy cho phép trình duyệt dùng micrô.';
  });
  const talk = on => e => {
    e.preventDefault();
    if (!track) return;
    track.enabled = on;
    ptt.classList.toggle('talking', on);
    ptt.textContent = on ? 'Đang nói… (thả để ngừng)' : 'Giữ để nói';
    state.textContent = on ? 'Đang phát lên loa.' : 'Đã ngừng nói. Giữ nút để nói tiếp.';
  };
  ptt.addEventListener('pointerdown', talk(true));
  for (const name of ['pointerup', 'pointerleave', 'pointercancel']) ptt.addEventListener(name, talk(false));
  ptt.addEventListener('contextmenu', e => e.preventDefault());
  end.onclick = async () => {
    end.disabled = true; ptt.disabled = true;
    if (recorder && recorder.state !== 'inactive') {
      await new Promise(resolve => { recorder.addEventListener('stop', resolve, {once: true}); recorder.stop(); });
    }
    if (track) track.stop();
    await queue;
    await fetch(desk.dataset.end, {method: 'POST', headers});
    location.href = desk.dataset.task;
  };
})();
