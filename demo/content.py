"""Read and validate the demo content files (YAML under demo/content/).

Plain functions, no database: every error names the file and the field, e.g.
``courses/m1-.../lessons/01-....yaml: body[3].statute: missing field 'new_law'``.
"""

import re
from pathlib import Path

import yaml

CONTENT_DIR = Path(__file__).resolve().parent / "content"
# libyaml's safe loader parses the files several times faster, when PyYAML was built with it.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ContentError(ValueError):
    """A demo content file is missing, unreadable, or has a missing, misspelt or mistyped field."""


# A field spec: name -> (type or tuple of types, required). `str` fields hold plain text or HTML.
TEXT, NUMBER = str, (int, float)
TYPE_NAMES = {str: "text", int: "a whole number", bool: "true or false", list: "a list", dict: "a mapping"}


def _type_name(kind):
    if isinstance(kind, tuple):
        return " or ".join(TYPE_NAMES.get(k, k.__name__) for k in kind)
    return TYPE_NAMES.get(kind, kind.__name__)


def check_fields(data, spec, where):
    """Check that mapping `data` has every required field of `spec`, no other, each of the right type.

    `spec` maps a field name to (type, required). Returns `data`; raises ContentError naming `where`.
    """
    if not isinstance(data, dict):
        raise ContentError(f"{where}: expected a mapping of fields, found {type(data).__name__}")
    unknown = sorted(set(data) - set(spec))
    if unknown:
        raise ContentError(f"{where}: unknown field {unknown[0]!r} (expected one of: {', '.join(spec)})")
    for name, (kind, required) in spec.items():
        if name not in data:
            if required:
                raise ContentError(f"{where}: missing field {name!r}")
            continue
        value = data[name]
        if value is None and not required:
            continue
        # bool is an int in Python: a number field must not accept true/false.
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _tuple(kind)):
            hint = " (put times and numbers meant as text in quotes)" if kind is str else ""
            raise ContentError(f"{where}.{name}: expected {_type_name(kind)}, found {value!r}{hint}")
    return data


def _tuple(kind):
    return kind if isinstance(kind, tuple) else (kind,)


def check_list(data, where, item_check):
    """Check that `data` is a list and run `item_check(item, where[n])` on each item."""
    if not isinstance(data, list):
        raise ContentError(f"{where}: expected a list, found {data!r}")
    return [item_check(item, f"{where}[{n}]") for n, item in enumerate(data)]


def check_choice(value, choices, where):
    if value not in choices:
        raise ContentError(f"{where}: {value!r} is not one of: {', '.join(map(str, choices))}")
    return value


def read_yaml(path, root=None):
    """Parse one YAML file; errors name the file relative to `root` (the content directory)."""
    path = Path(path)
    name = display_name(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ContentError(f"{name}: cannot be read ({error.strerror})") from error
    try:
        return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader (libyaml's when installed)
    except yaml.YAMLError as error:
        raise ContentError(f"{name}: not valid YAML: {error}") from error


def display_name(path, root=None):
    root = Path(root or CONTENT_DIR)
    try:
        return str(Path(path).relative_to(root))
    except ValueError:
        return str(path)


def natural_order(path):
    """Sort key for file names with numbers in them: m2-... before m10-..., as a reader counts."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", Path(path).name)]


def yaml_files(folder):
    """The YAML files in `folder`, in natural file-name order (the order the loader uses)."""
    return sorted(Path(folder).glob("*.yaml"), key=natural_order)
