"""Run code in a fresh Python process with the test settings: for checks on what a process imports."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def last_line_printed(code, *args):
    """Run `code` (which sets Django up itself) with `args` as sys.argv[1:]; its last line of output."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "colloquium_site.settings.test"}
    done = subprocess.run(  # noqa: S603 - our own code, run with this interpreter
        [sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]
