"""The nginx site file `make stack` serves with is the one docs/deployment.md documents."""

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE_FILE = ROOT / "ops" / "nginx" / "colloquium.conf"
VALUES = {
    "app_servers": "server 127.0.0.1:8741;\n    server 127.0.0.1:8742;",
    "listen": "443",
    "server_name": "colloquium.example.org",
    "certificate": "/etc/ssl/colloquium.pem",
    "certificate_key": "/etc/ssl/colloquium.key",
}


@pytest.fixture(scope="module")
def stack():
    spec = importlib.util.spec_from_file_location("stack", ROOT / "ops" / "stack.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_site_file_is_rendered_with_every_value(stack):
    site = stack.render_site(SITE_FILE.read_text(), VALUES)
    assert "{{" not in site
    assert "server 127.0.0.1:8741;" in site and "server 127.0.0.1:8742;" in site
    assert "listen 443 ssl http2;" in site
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in site
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in site


def test_a_missing_or_unknown_value_is_refused(stack):
    with pytest.raises(ValueError, match="still has a placeholder"):
        stack.render_site(SITE_FILE.read_text(), {k: v for k, v in VALUES.items() if k != "certificate_key"})
    with pytest.raises(ValueError, match="has no"):
        stack.render_site(SITE_FILE.read_text(), {**VALUES, "port": "443"})


def test_the_deployment_guide_points_at_the_site_file_and_copies_no_other():
    guide = (ROOT / "docs" / "deployment.md").read_text()
    assert "`ops/nginx/colloquium.conf`" in guide
    assert not re.search(r"```nginx", guide), "an nginx configuration copied into the guide would drift from the file"
