// The badges screen: while a sheet is being prepared, ask the server every few seconds and reload
// the page once it is done, so the download appears without the registrar reloading by hand.
(function () {
  "use strict";
  var box = document.getElementById("badge-sheets");
  if (!box || box.dataset.pending !== "true" || !window.fetch) {
    return;
  }
  var url = box.dataset.statusUrl;
  function check() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : { pending: true };
      })
      .then(function (state) {
        if (state.pending) {
          window.setTimeout(check, 3000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () {
        window.setTimeout(check, 10000);
      });
  }
  window.setTimeout(check, 2000);
})();
