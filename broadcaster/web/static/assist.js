// The bulletin page: as the editor types a sentence, ask /api/listener-check (after a pause of
// 400 ms) and redraw the warnings beside it. The server checks again on save; without JavaScript
// the warnings appear after saving.
(() => {
  const form = document.getElementById('kich-ban');
  if (!form) return;
  const csrf = form.querySelector('input[name=csrf]').value;
  const draw = (box, findings) => {
    box.replaceChildren(...findings.map(f => {
      const li = document.createElement('li');
      li.dataset.code = f.code;
      li.append(f.message);
      if (f.span) { const q = document.createElement('q'); q.textContent = f.span; li.append(' ', q); }
      return li;
    }));
  };
  const check = async (area, box) => {
    const text = area.value;
    try {
      const r = await fetch('/api/listener-check', {
        method: 'POST', credentials: 'same-origin',
        headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},
        body: JSON.stringify({text}),
      });
      if (!r.ok || area.value !== text) return;  // a newer keystroke will redraw
      draw(box, (await r.json()).findings);
      box.dataset.checked = text;
    } catch (e) { /* offline: the server checks again on save */ }
  };
  const fit = area => { area.style.height = 'auto'; area.style.height = (area.scrollHeight + 2) + 'px'; };
  form.querySelectorAll('textarea[name=sentence]').forEach(area => {
    fit(area);  // the whole sentence in view, not its first two lines
    area.addEventListener('input', () => fit(area));
    const box = area.parentElement.querySelector('.listener');
    if (!box) return;
    let timer;
    area.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => check(area, box), 400); });
  });
})();
