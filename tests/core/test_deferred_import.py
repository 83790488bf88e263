"""A deferred module costs nothing until used, then behaves as the real one."""

import sys

import pytest

from core.deferred_import import DeferredModule, defer_import, is_loaded
from tests.processes import last_line_printed

HEAVY = """
LABEL = "heavy"

def double(value):
    return value * 2
"""


@pytest.fixture
def heavy_module(tmp_path, monkeypatch):
    (tmp_path / "colloquium_heavy_example.py").write_text(HEAVY)
    monkeypatch.syspath_prepend(str(tmp_path))
    name = "colloquium_heavy_example"
    yield name
    sys.modules.pop(name, None)


def test_a_named_function_imports_for_free_and_loads_the_module_when_called(heavy_module):
    defer_import(heavy_module, functions=["double"])
    namespace = {}
    exec(f"from {heavy_module} import double", namespace)  # noqa: S102 - the import statement under test
    assert not is_loaded(heavy_module)
    assert namespace["double"](21) == 42
    assert is_loaded(heavy_module)
    assert not isinstance(sys.modules[heavy_module], DeferredModule)


def test_any_other_attribute_loads_the_module(heavy_module):
    defer_import(heavy_module)
    stand_in = sys.modules[heavy_module]
    assert stand_in.LABEL == "heavy"
    assert is_loaded(heavy_module)
    # Code that kept the stand-in still reaches the real module.
    assert stand_in.double(4) == 8


def test_probing_dunders_does_not_load_the_module(heavy_module):
    defer_import(heavy_module)
    stand_in = sys.modules[heavy_module]
    assert getattr(stand_in, "__file__", None) is None
    assert stand_in.__spec__ is None  # what Django's autoreloader looks at
    assert not is_loaded(heavy_module)


def test_an_imported_module_is_left_alone(heavy_module):
    __import__(heavy_module)
    real = sys.modules[heavy_module]
    defer_import(heavy_module, functions=["double"])
    assert sys.modules[heavy_module] is real
    assert is_loaded(heavy_module) and not is_loaded("colloquium_never_imported")


def test_a_module_that_cannot_be_found_is_not_deferred():
    defer_import("colloquium_not_installed.anywhere")
    assert "colloquium_not_installed.anywhere" not in sys.modules


def test_a_submodule_of_a_deferred_package_imports(tmp_path, monkeypatch):
    package = tmp_path / "colloquium_heavy_package"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "part.py").write_text("VALUE = 7\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        defer_import("colloquium_heavy_package")
        namespace = {}
        exec("from colloquium_heavy_package.part import VALUE", namespace)  # noqa: S102
        assert namespace["VALUE"] == 7
        assert not is_loaded("colloquium_heavy_package")
    finally:
        for name in ("colloquium_heavy_package", "colloquium_heavy_package.part"):
            sys.modules.pop(name, None)


def test_a_process_with_the_whole_url_configuration_defers_what_it_never_runs():
    """WebAuthn is not offered (MFA_SUPPORTED_TYPES), so allauth's WebAuthn module, fido2 and
    cryptography stay unloaded; so does `requests`, which only DRF's test client would use."""
    code = (
        "import sys, django; django.setup();"
        "from django.urls import resolve, reverse; resolve('/'); reverse('mfa_index');"
        "from core.deferred_import import is_loaded;"
        "print(is_loaded('allauth.mfa.webauthn.internal.auth'), is_loaded('requests'),"
        " 'fido2' in sys.modules, 'cryptography' in sys.modules)"
    )
    assert last_line_printed(code) == "False False False False"
