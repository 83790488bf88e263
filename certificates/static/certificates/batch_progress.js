// Batch progress: update the figures in place while the batch runs, without reloading the page.
// Progressive enhancement: without this script the page shows a "Refresh" link.
(() => {
  const batch = document.getElementById("batch");
  if (!batch || !window.fetch) return;
  const progress = document.getElementById("batch-progress");
  const refresh = document.getElementById("batch-refresh");
  const errors = document.getElementById("batch-errors");
  const links = document.getElementById("batch-links");
  const POLL_MS = 2000;
  let timer = null;

  const show = (state) => {
    // Only changed figures are written, so the polite live region speaks only when something moved.
    batch.querySelectorAll("[data-field]").forEach((element) => {
      const value = String(state[element.dataset.field]);
      if (element.textContent !== value) element.textContent = value;
    });
    progress.value = state.percent;
    progress.textContent = `${state.percent}%`;
    const list = errors.querySelector("ul");
    if (state.errors.length !== list.children.length) {
      list.replaceChildren(
        ...state.errors.map((text) => {
          const item = document.createElement("li");
          item.textContent = text;
          return item;
        }),
      );
      errors.hidden = state.errors.length === 0;
    }
    if (!state.running) {
      window.clearInterval(timer);
      if (refresh) refresh.hidden = true;
      links.hidden = false;
    }
  };

  const poll = async () => {
    try {
      const response = await fetch(batch.dataset.progressUrl, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        cache: "no-store",
      });
      if (!response.ok || !(response.headers.get("Content-Type") || "").includes("json")) return;
      show(await response.json());
    } catch (error) {
      // Network trouble: the next tick tries again, and the "Refresh" link stays.
    }
  };

  timer = window.setInterval(poll, POLL_MS);
})();
