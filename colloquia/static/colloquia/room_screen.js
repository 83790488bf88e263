// Room screen: swap in the current check-in QR code without reloading the page.
// Progressive enhancement: without this script the page shows a "Refresh" link.
(() => {
  const screen = document.getElementById("room-screen");
  if (!screen || !window.fetch) return;
  const qr = document.getElementById("room-screen-qr");
  const address = document.getElementById("room-screen-url");
  const notice = document.getElementById("room-screen-notice");
  const refresh = document.getElementById("room-screen-refresh");
  const seconds = Math.max(1, Number(screen.dataset.pollSeconds) || 20);

  const show = (state) => {
    if (state.code !== screen.dataset.code) {
      qr.src = state.qr;
      address.textContent = state.check_in_url;
      screen.dataset.code = state.code;
    }
    const text = state.notice || "";
    if (notice.textContent.trim() !== text) {
      notice.firstElementChild.textContent = text;
      notice.hidden = !text;
    }
  };

  const poll = async () => {
    try {
      const response = await fetch(screen.dataset.stateUrl, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        cache: "no-store",
      });
      // A signed-out or refused screen keeps its "Refresh" link, which shows the reason.
      if (!response.ok || !(response.headers.get("Content-Type") || "").includes("json")) {
        refresh.hidden = false;
        return;
      }
      show(await response.json());
      refresh.hidden = true;
    } catch (error) {
      refresh.hidden = false; // network trouble: try again at the next tick
    }
  };

  window.setInterval(poll, seconds * 1000);
})();
