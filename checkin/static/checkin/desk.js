/* The check-in desk's camera: reads a ticket's QR code, puts the number in the form and sends it.
 *
 * The desk works without this script (the number is typed into a plain form). Decoding uses the
 * browser's BarcodeDetector where it reads QR codes, and otherwise jsQR, a decoder served by this
 * site from its own static files (checkin/static/checkin/vendor/jsQR.js), loaded only when the
 * camera is first started. No inline script, nothing from another site: the page keeps the strict
 * Content Security Policy. After a check-in the desk page reloads; if the camera was on, it is
 * started again (the browser remembers the permission), so a queue can be scanned one after another.
 */
(function () {
  "use strict";

  var CAMERA_ON = "checkin.camera";
  // The ticket last sent: when the camera starts again after the check-in, that ticket is most
  // likely still in front of it, and is not sent twice.
  var LAST_SENT = "checkin.last";
  var SCAN_EVERY_MS = 200;
  var MAX_WIDTH = 640; // frames are scaled down before jsQR reads them: fast enough on a phone
  // Crockford's base 32, 12 characters, hyphens and spaces allowed: anything else is not a ticket.
  var TICKET = /^[0-9A-HJKMNP-TV-Z]{12}$/;

  var box = document.querySelector("[data-desk-camera]");
  var form = document.querySelector("[data-desk-form]");
  if (!box || !form || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return; // no camera API (or an old browser): the typed number is the way
  }
  var input = form.querySelector("input[name=ticket]");
  var start = box.querySelector("[data-camera-start]");
  var stop = box.querySelector("[data-camera-stop]");
  var video = box.querySelector("[data-camera-video]");
  var status = box.querySelector("[data-camera-status]");
  var stream = null;
  var timer = null;
  var decode = null;
  var canvas = null;

  // What the camera says, in the page's language: the desk template gives each message as a
  // data-msg-* attribute of the camera box (English here only if one is missing).
  function say(key, fallback, values) {
    var text = box.getAttribute("data-msg-" + key) || fallback;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("%(" + name + ")s").join(values[name]);
    });
    status.textContent = text;
  }

  function store(key, value) {
    try {
      if (value) {
        sessionStorage.setItem(key, value);
      } else {
        sessionStorage.removeItem(key);
      }
    } catch (error) {
      // Storage refused (private mode): the camera just does not restart by itself.
    }
  }

  function stored(key) {
    try {
      return sessionStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function remember(on) {
    store(CAMERA_ON, on ? "1" : null);
  }

  function asTicket(text) {
    var value = String(text || "").replace(/[\s-]/g, "").toUpperCase();
    return TICKET.test(value) ? value : null;
  }

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = function () {
        reject(new Error("the QR decoder could not be loaded"));
      };
      document.head.appendChild(script);
    });
  }

  function withJsQR() {
    var ready = window.jsQR ? Promise.resolve() : loadScript(box.getAttribute("data-decoder-url"));
    return ready.then(function () {
      canvas = document.createElement("canvas");
      var context = canvas.getContext("2d", { willReadFrequently: true });
      return function () {
        var width = video.videoWidth;
        var height = video.videoHeight;
        if (!width || !height) {
          return Promise.resolve(null);
        }
        var scale = Math.min(1, MAX_WIDTH / width);
        canvas.width = Math.round(width * scale);
        canvas.height = Math.round(height * scale);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        var image = context.getImageData(0, 0, canvas.width, canvas.height);
        var found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
        return Promise.resolve(found ? found.data : null);
      };
    });
  }

  function decoder() {
    if (decode) {
      return Promise.resolve(decode);
    }
    var native = Promise.resolve(false);
    if ("BarcodeDetector" in window && window.BarcodeDetector.getSupportedFormats) {
      native = window.BarcodeDetector.getSupportedFormats().then(
        function (formats) {
          return formats.indexOf("qr_code") !== -1;
        },
        function () {
          return false;
        }
      );
    }
    return native.then(function (supported) {
      if (supported) {
        var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
        return function () {
          return detector.detect(video).then(function (codes) {
            return codes.length ? codes[0].rawValue : null;
          });
        };
      }
      return withJsQR();
    }).then(function (fn) {
      decode = fn;
      return fn;
    });
  }

  function stopCamera() {
    window.clearTimeout(timer);
    timer = null;
    if (stream) {
      stream.getTracks().forEach(function (track) {
        track.stop();
      });
      stream = null;
    }
    video.srcObject = null;
    video.hidden = true;
    stop.hidden = true;
    start.hidden = false;
  }

  function scan() {
    if (!stream) {
      return;
    }
    decode().then(function (text) {
      if (!stream) {
        return;
      }
      if (text === null) {
        timer = window.setTimeout(scan, SCAN_EVERY_MS);
        return;
      }
      var ticket = asTicket(text);
      if (!ticket) {
        say("not-ticket", "That QR code is not a ticket. Scan the code on the e-ticket or the badge.");
        timer = window.setTimeout(scan, SCAN_EVERY_MS * 5);
        return;
      }
      if (ticket === stored(LAST_SENT)) {
        say("just-sent", "That ticket has just been checked in. Scan the next one.");
        timer = window.setTimeout(scan, SCAN_EVERY_MS);
        return;
      }
      store(LAST_SENT, ticket);
      input.value = ticket;
      say("read", "Ticket %(ticket)s read. Checking in…", { ticket: ticket });
      stopCamera();
      remember(true); // started again on the page the check-in answers with
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    }, function () {
      timer = window.setTimeout(scan, SCAN_EVERY_MS);
    });
  }

  function startCamera() {
    say("starting", "Starting the camera…");
    start.hidden = true;
    // The decoder first: if it cannot load, the camera is never opened (and never left open).
    decoder().then(function () {
      return navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false });
    }).then(function (opened) {
      stream = opened;
      video.srcObject = stream;
      video.hidden = false;
      stop.hidden = false;
      remember(true);
      return video.play();
    }).then(function () {
      say("hold", "Hold the QR code of the ticket or the badge in front of the camera.");
      scan();
    }).catch(function (error) {
      stopCamera();
      remember(false);
      say("failed", "The camera could not be used (%(error)s). Type the ticket number instead.", {
        error: String(error && error.message ? error.message : error),
      });
    });
  }

  box.hidden = false;
  start.addEventListener("click", function () {
    store(LAST_SENT, null); // started by hand: any ticket may be read, the last one too
    startCamera();
  });
  stop.addEventListener("click", function () {
    stopCamera();
    remember(false);
    say("stopped", "Camera stopped.");
    input.focus();
  });
  window.addEventListener("pagehide", stopCamera);
  if (stored(CAMERA_ON) === "1") {
    startCamera();
  }
})();
