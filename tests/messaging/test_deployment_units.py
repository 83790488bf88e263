"""The reminder timer's units in ops/systemd/ are those docs/deployment.md documents, and run a real command."""

import re
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]


def documented_units():
    text = (ROOT / "docs" / "deployment.md").read_text()
    return dict(re.findall(r"```ini\n# /etc/systemd/system/(\S+)\n(.*?)```", text, re.S))


def unit_file(name):
    """The unit as installed: the file in ops/systemd/ without its leading comment lines."""
    lines = (ROOT / "ops" / "systemd" / name).read_text().splitlines(keepends=True)
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "".join(lines)


@pytest.mark.parametrize("name", ["colloquium-reminders.service", "colloquium-reminders.timer"])
def test_the_documented_unit_is_the_file_in_ops(name):
    assert documented_units()[name] == unit_file(name)


def test_the_service_runs_the_reminders_command():
    command = re.search(r"^ExecStart=\S+ manage\.py (\S+)$", unit_file("colloquium-reminders.service"), re.M).group(1)
    assert command == "send_due_reminders" and get_commands()[command] == "messaging"
    assert "Unit=colloquium-reminders.service" in unit_file("colloquium-reminders.timer")
