// A device's agent file (with its new password) is downloaded, then the admin page reloads to show
// the device's new state and the next steps. Without this script the form still downloads the file.
(function () {
  document.addEventListener("submit", function (e) {
    var form = e.target, then = form.dataset.downloadThen;
    if (!then || e.defaultPrevented) return;
    e.preventDefault();
    var button = form.querySelector("button");
    if (button) button.disabled = true;
    fetch(form.action, {method: "POST", body: new FormData(form), credentials: "same-origin"}).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (!response.ok || type.indexOf("toml") < 0) {
        // nothing was issued (a missing broker address, an expired session): show the server's page
        return response.text().then(function (html) { document.open(); document.write(html); document.close(); });
      }
      var name = (/filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "") || [])[1] || "device.toml";
      return response.blob().then(function (blob) {
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = name;
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); location.assign(then); }, 300);
      });
    }).catch(function () { if (button) button.disabled = false; });
  });
})();
