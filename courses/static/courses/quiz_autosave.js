/* The quiz saves itself: every change of an answer sends the whole form to the attempt's save
 * address (courses.views.save_attempt), which keeps the answers without grading them.
 *
 * Progressive enhancement only: without this script the "Save", "Finish later" and "Submit answers"
 * buttons post the form. A save that fails (no connection) is tried again when the browser is back
 * online and before the page is left; while one is pending, leaving the page asks first. Served from
 * this site's static files: no inline script, so the strict Content Security Policy holds.
 */
(function () {
  "use strict";

  var TYPING_PAUSE_MS = 800; // a short answer is sent once the learner pauses, not on every key
  var RETRY_MS = 5000;

  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var url = form.getAttribute("data-autosave");
  var status = form.querySelector("[data-autosave-status]");
  // The words come from the page, in its language (courses/attempt.html).
  var savingText = form.getAttribute("data-saving-text") || "Saving…";
  var offlineText =
    form.getAttribute("data-offline-text") ||
    "Not saved yet: no connection. Your answers stay on this page and are saved as soon as the connection returns.";
  var timer = null;
  var retry = null;
  var dirty = false; // a change not yet saved
  var sending = false;
  var leaving = false; // a button was pressed: the form itself is being posted

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function payload() {
    var data = new FormData(form);
    data.delete("action");
    return data;
  }

  function save() {
    clearTimeout(timer);
    clearTimeout(retry);
    if (!dirty || leaving) {
      return;
    }
    if (sending) {
      timer = setTimeout(save, 200); // one request at a time, so an older one never lands last
      return;
    }
    sending = true;
    dirty = false;
    say(savingText);
    fetch(url, {
      method: "POST",
      body: payload(),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, body: body };
        });
      })
      .then(function (result) {
        sending = false;
        say(result.body.message || "");
        if (!result.ok && result.body.saved === false) {
          dirty = false; // submitted, timed out or closed: saving again would not help
        }
      })
      .catch(function () {
        sending = false;
        dirty = true;
        say(offlineText);
        retry = setTimeout(save, RETRY_MS);
      });
  }

  function changed(event) {
    dirty = true;
    clearTimeout(timer);
    var typing = event.type === "input" && event.target.type === "text";
    timer = setTimeout(save, typing ? TYPING_PAUSE_MS : 0);
  }

  form.addEventListener("change", changed);
  form.addEventListener("input", function (event) {
    if (event.target.type === "text") {
      changed(event);
    }
  });
  form.addEventListener("submit", function () {
    leaving = true;
    clearTimeout(timer);
    clearTimeout(retry);
  });
  window.addEventListener("online", save);
  // A closed tab: the last change goes with the page (sendBeacon survives the unload).
  window.addEventListener("pagehide", function () {
    if (dirty && !leaving && navigator.sendBeacon) {
      if (navigator.sendBeacon(url, payload())) {
        dirty = false;
      }
    }
  });
  window.addEventListener("beforeunload", function (event) {
    if ((dirty || sending) && !leaving) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
