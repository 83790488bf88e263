"""Defer a module that a library imports at load time but rarely runs.

`defer_import(name)` puts a stand-in for the module in `sys.modules`. Importing it (even
`from module import function`, for the functions named) costs nothing; the first real use
imports the module, puts it in `sys.modules` in the stand-in's place, and carries on. A
module that is already imported is left alone.

This is for heavy optional paths of a dependency that it imports at load time: WeasyPrint's
fontTools subsetter and variable-font instancer (about 9 MB; see core.pdf), allauth's WebAuthn
support with fido2 and cryptography (about 10 MB; accounts.apps) and `requests` (core.apps).
"""

import importlib
import sys
import types
from importlib.machinery import PathFinder


def _find_spec(name):
    """The module's spec, found on disk without running it or its parent packages
    (`importlib.util.find_spec` would import the parents)."""
    spec, path = None, None
    parts = name.split(".")
    for depth in range(1, len(parts) + 1):
        spec = PathFinder.find_spec(".".join(parts[:depth]), path)
        if spec is None:
            return None
        path = spec.submodule_search_locations
    return spec


class DeferredModule(types.ModuleType):
    def __init__(self, name, spec, functions):
        super().__init__(name)
        # A package's stand-in carries its path, so that importing one of its submodules works
        # without running the package (`from x import y` looks the path up on every import).
        if spec.submodule_search_locations is not None:
            self.__path__ = list(spec.submodule_search_locations)
        for function in functions:
            setattr(self, function, self._forwarder(function))

    def _load(self):
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return importlib.import_module(self.__name__)

    def _forwarder(self, function):
        def forward(*args, **kwargs):
            return getattr(self._load(), function)(*args, **kwargs)

        forward.__name__ = forward.__qualname__ = function
        return forward

    def __getattr__(self, attribute):
        # Dunder lookups (copy, pickle, inspect probing `__file__`) must not load the module.
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        return getattr(self._load(), attribute)


def defer_import(name, *, functions=()):
    """Stand in for module `name` until first use; `functions` can be imported by name for free."""
    if name in sys.modules:
        return
    spec = _find_spec(name)
    if spec is not None:  # otherwise the module is not installed, or not where we can see it
        sys.modules[name] = DeferredModule(name, spec, functions)


def is_loaded(name):
    """Whether module `name` is really imported (not absent, not a stand-in)."""
    module = sys.modules.get(name)
    return module is not None and not isinstance(module, DeferredModule)
