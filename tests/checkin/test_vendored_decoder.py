"""The desk's QR decoder is served by the site itself: the pinned jsQR, copied from npm into checkin's static files."""

import json
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

ROOT = Path(__file__).resolve().parents[2]


def test_the_served_decoder_is_the_pinned_jsqr_unchanged():
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["jsqr"]
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"]["node_modules/jsqr"]["version"]
    assert pinned == locked, "package.json and package-lock.json pin different versions of jsQR"
    installed = ROOT / "node_modules" / "jsqr"
    if not installed.exists():
        pytest.fail("jsQR is missing from node_modules: run `make test` (it runs `npm ci`).")
    assert json.loads((installed / "package.json").read_text())["version"] == pinned
    served = Path(finders.find("checkin/vendor/jsQR.js"))
    assert served.read_bytes() == (installed / "dist" / "jsQR.js").read_bytes(), (
        "checkin/static/checkin/vendor/jsQR.js differs from the pinned package: run `make node_modules/.installed`"
    )
    assert finders.find("checkin/vendor/jsQR.LICENSE.txt")


def test_the_decoder_needs_nothing_the_policy_forbids():
    source = Path(finders.find("checkin/vendor/jsQR.js")).read_text()
    assert "eval(" not in source and "new Function" not in source  # script-src 'self' has no unsafe-eval
    desk = Path(finders.find("checkin/desk.js")).read_text()
    assert "http://" not in desk and "https://" not in desk  # nothing fetched from elsewhere
