// Keep what the user typed when a form is sent: if the session has expired, the sign-in page
// brings them back to the same page and the text is put back into the same form.
(function () {
  var KEY = "loa-unsaved";
  function fields(form) {
    var out = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrf" || el.type === "password" || el.type === "file" || el.type === "hidden") return;
      if ((el.type === "checkbox" || el.type === "radio")) { out.push([el.name, el.checked ? "1" : ""]); return; }
      out.push([el.name, el.value]);
    });
    return out;
  }
  document.addEventListener("submit", function (e) {
    var form = e.target;
    // Destructive actions (withdraw, cancel, emergency) ask once more before they are sent.
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) { e.preventDefault(); e.stopImmediatePropagation(); return; }
    // A button that stops speakers (reboot, amplifier off) asks first, naming what it targets.
    var button = e.submitter;
    if (button && button.dataset.ask) {
      var target = form.querySelector("select[name=target]");
      var named = target && target.selectedIndex >= 0 ? target.options[target.selectedIndex].text : "loa đã chọn";
      if (!window.confirm(button.dataset.ask.replace("{target}", named))) { e.preventDefault(); e.stopImmediatePropagation(); return; }
    }
    // Submitting for review or rendering while the script has unsaved edits: say so first.
    if (form.dataset.unsaved && document.querySelector("textarea[name=sentence][data-dirty]") && !window.confirm(form.dataset.unsaved)) { e.preventDefault(); e.stopImmediatePropagation(); return; }
    var action = form.getAttribute("action") || "";
    if (!action || form.dataset.keep === "no" || action === "/dang-nhap" || action === "/dang-xuat") return;
    sessionStorage.setItem(KEY, JSON.stringify({page: location.pathname + location.search, action: form.getAttribute("action"), fields: fields(form)}));
  }, true);
  // The browser's own validation bubbles speak the browser's language: say it in Vietnamese.
  function said(el) {
    var v = el.validity;
    if (v.valueMissing) return el.type === "file" ? "Hãy chọn một tệp." : (el.tagName === "SELECT" ? "Hãy chọn một mục trong danh sách." : (el.type === "checkbox" ? "Hãy đánh dấu mục này." : "Hãy điền mục này."));
    if (v.typeMismatch) return el.type === "url" ? "Hãy nhập địa chỉ đầy đủ, bắt đầu bằng http:// hoặc https://." : (el.type === "email" ? "Hãy nhập địa chỉ thư điện tử, ví dụ ten@xa.gov.vn." : "Giá trị chưa đúng dạng.");
    if (v.tooShort) return "Cần ít nhất " + el.minLength + " ký tự (hiện có " + el.value.length + ").";
    if (v.tooLong) return "Tối đa " + el.maxLength + " ký tự.";
    if (v.rangeUnderflow) return "Giá trị nhỏ nhất là " + el.min + ".";
    if (v.rangeOverflow) return "Giá trị lớn nhất là " + el.max + ".";
    if (v.stepMismatch || v.badInput) return el.type === "number" ? "Hãy nhập một số." : "Giá trị chưa đúng dạng.";
    if (v.patternMismatch) return el.title || "Giá trị chưa đúng dạng.";
    return "";
  }
  document.addEventListener("invalid", function (e) {
    var el = e.target;
    el.setCustomValidity("");
    if (!el.validity.valid) el.setCustomValidity(said(el));
  }, true);
  document.addEventListener("input", function (e) { if (e.target && e.target.setCustomValidity) e.target.setCustomValidity(""); }, true);
  document.addEventListener("change", function (e) { if (e.target && e.target.setCustomValidity) e.target.setCustomValidity(""); }, true);
  document.addEventListener("input", function (e) {
    if (e.target && e.target.name === "sentence") e.target.setAttribute("data-dirty", "1");
  });
  document.addEventListener("DOMContentLoaded", function () {
    var saved = JSON.parse(sessionStorage.getItem(KEY) || "null");
    if (!saved) return;
    if (location.pathname === "/dang-nhap") {
      // only a post that met an expired session is restored, never a form that simply went through
      if (location.search.indexOf("het-phien=1") >= 0) { saved.expired = true; sessionStorage.setItem(KEY, JSON.stringify(saved)); }
      return;
    }
    sessionStorage.removeItem(KEY);
    if (!saved.expired || document.querySelector(".ok")) return;
    if (saved.page !== location.pathname + location.search) return;
    var form = document.querySelector('form[action="' + saved.action + '"]');
    if (!form) return;
    var seen = {};
    saved.fields.forEach(function (pair) {
      var all = form.querySelectorAll('[name="' + pair[0] + '"]'), i = seen[pair[0]] || 0, el = all[i];
      seen[pair[0]] = i + 1;
      if (!el || el.type === "hidden") return;
      if (el.type === "checkbox" || el.type === "radio") el.checked = pair[1] === "1"; else el.value = pair[1];
    });
    var note = document.createElement("div");
    note.className = "flag restored"; note.setAttribute("role", "status");
    note.textContent = "Nội dung bạn đã nhập trước khi phiên hết hạn đã được khôi phục. Hãy kiểm tra rồi bấm lưu lại.";
    form.parentNode.insertBefore(note, form);
  });
})();
