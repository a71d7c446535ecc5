// The booking form shows the weekday boxes only when "Lặp lại" is "Hằng tuần", or when a day is
// ticked (so a day ticked for a one-off booking is never hidden from the user). Without script
// they stay visible (the server checks the weekdays anyway).
(function () {
  function sync() {
    var repeat = document.getElementById("repeat"), days = document.getElementById("weekdays");
    if (!repeat || !days) return;
    days.hidden = repeat.value !== "weekly" && !days.querySelector("input:checked");
  }
  document.addEventListener("DOMContentLoaded", function () {
    var repeat = document.getElementById("repeat");
    if (!repeat) return;
    repeat.addEventListener("change", sync);
    sync();
  });
  window.addEventListener("pageshow", sync); // the back button restores the select's value
})();
