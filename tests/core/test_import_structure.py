"""No import loops inside an app.

For each project app, the modules of the app and the imports between them, read with `ast`:
imports at the top of a module and imports inside functions and methods alike (an import
placed inside a function to dodge a loop is still a loop), relative and absolute. A cycle
fails the test, listed module by module.

Importing `app.pkg.mod` runs `app/pkg/__init__.py` first, so the edge goes to every package
on the way that the importing module is not itself inside (those are already being imported).
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = [
    "accounts",
    "academies",
    "certificates",
    "checkin",
    "colloquia",
    "core",
    "courses",
    "feedback",
    "home",
    "messaging",
    "offline_copies",
    "notes",
    "regions",
    "registration_questions",
    "resources",
]


def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules(app):
    return {_module_name(path): path for path in sorted((ROOT / app).rglob("*.py"))}


def _package_of(module, path):
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _imported_names(module, path, tree):
    """Every dotted name `module` imports, anywhere in its body (functions included)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package_of(module, path)
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module
            yield base
            for alias in node.names:
                yield f"{base}.{alias.name}"  # `from . import services`: a module, when there is one


def _ancestors(name):
    parts = name.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts))}


def import_graph(app):
    """{module: {modules of the same app it imports}}."""
    modules = _modules(app)
    graph = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        already_importing = _ancestors(module) | {module}
        targets = set()
        for name in _imported_names(module, path, tree):
            if name.split(".")[0] != app:
                continue
            # The module itself, or the package holding the name imported from it.
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if not name:
                continue
            targets |= ({name} | _ancestors(name)) & set(modules)
        graph[module] = targets - already_importing
    return graph


def cycles(graph):
    """Strongly connected components of more than one module (Tarjan), each as a closed path."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(_closed_path(graph, set(component)))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _closed_path(graph, component):
    """One loop through the component, from its first module back to it: ["a", "b", "a"]."""
    start = min(component)
    path, seen = [start], {start}
    node = start
    while True:
        targets = sorted(graph[node] & component)
        if start in targets and len(path) > 1:
            return [*path, start]
        following = next((t for t in targets if t not in seen), None)
        if following is None:
            return [*path, targets[0]]
        path.append(following)
        seen.add(following)
        node = following


@pytest.mark.parametrize("app", APPS)
def test_no_import_cycle_inside_the_app(app):
    found = cycles(import_graph(app))
    assert not found, f"Import cycles in {app}:\n" + "\n".join(" -> ".join(cycle) for cycle in found)


def test_the_check_sees_loops_hidden_inside_functions(tmp_path, monkeypatch):
    """The graph holds imports inside functions, relative and absolute, and parent packages."""
    app = tmp_path / "sampleapp"
    (app / "services").mkdir(parents=True)
    (app / "__init__.py").write_text("")
    (app / "models.py").write_text("def page_context():\n    from .services import page_context\n")
    (app / "services" / "__init__.py").write_text("from .display import page_context\n")
    (app / "services" / "display.py").write_text("from sampleapp.models import Page\nfrom . import errors\n")
    (app / "services" / "errors.py").write_text("")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    graph = import_graph("sampleapp")
    assert graph["sampleapp.models"] == {"sampleapp.services"}
    assert graph["sampleapp.services.display"] == {"sampleapp.models", "sampleapp.services.errors"}
    assert cycles(graph) == [
        ["sampleapp.models", "sampleapp.services", "sampleapp.services.display", "sampleapp.models"]
    ]
