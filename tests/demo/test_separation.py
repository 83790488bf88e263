"""Production code imports nothing from the demo app, and production settings leave it out."""

import ast
import os
import subprocess
import sys
from pathlib import Path

from tests.security.test_configuration import env_example

ROOT = Path(__file__).resolve().parents[2]
# The demo app itself, the tests and the benchmark may use it; nothing else may.
ALLOWED = {"demo", "tests", "bench"}
SKIPPED = {".venv", "node_modules", ".git", "media", "static", "private"}


def production_modules():
    for path in ROOT.rglob("*.py"):
        top = path.relative_to(ROOT).parts[0]
        if top not in ALLOWED and top not in SKIPPED and not top.startswith("."):
            yield path


def demo_imports(path, root=ROOT):
    """The lines of `path` that import the demo package (import demo..., from demo... import ...)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        if any(name == "demo" or name.startswith("demo.") for name in names):
            found.append(f"{path.relative_to(root)}:{node.lineno}")
    return sorted(found, key=lambda line: int(line.rsplit(":", 1)[1]))


def test_no_production_module_imports_the_demo_app():
    modules = list(production_modules())
    assert any(path.name == "settings.py" or path.parent.name == "settings" for path in modules)
    assert [line for path in modules for line in demo_imports(path)] == []


def test_the_import_check_finds_a_demo_import(tmp_path):
    module = tmp_path / "views.py"
    module.write_text("import os\nfrom demo.loaders import accounts\nimport demo.content as c\nfrom .demo import x\n")
    assert demo_imports(module, root=tmp_path) == ["views.py:2", "views.py:3"]


def test_production_settings_pass_the_check_without_the_demo_app():
    env = {k: v for k, v in os.environ.items() if k not in ("DEMO_CONTENT", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(env_example())
    script = (
        "import django; django.setup(); from django.apps import apps; from django.conf import settings; "
        "print('demo installed:', apps.is_installed('demo'), settings.DEMO_CONTENT)"
    )
    installed = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert installed.returncode == 0, installed.stderr
    assert "demo installed: False False" in installed.stdout
    check = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert check.returncode == 0, check.stdout + check.stderr
    commands = subprocess.run(
        [sys.executable, "manage.py", "help", "--commands"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert commands.returncode == 0, commands.stderr
    assert "load_demo" not in commands.stdout.split() and "serve_demo" not in commands.stdout.split()


def test_development_and_test_settings_install_the_demo_app(settings):
    assert "demo" in settings.INSTALLED_APPS and settings.DEMO_CONTENT
