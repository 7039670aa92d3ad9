"""The house rules of ona's layout (see README, "Layout"): layers import only downward, no circles,
no private names across modules, and every package is installed.

Imports are read from the source with :mod:`ast` (also those inside functions), so a lazy import
that runs up the layers counts as much as one at the top of a file.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "ona"

#: Layers from the bottom up; a module may import modules of its own layer or lower layers.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("ona.exceptions", "ona.i18n", "ona.compat"),
    ("ona.report", "ona.model"),
    ("ona.io",),
    ("ona.measures",),
    ("ona.findings", "ona.viz"),
    ("ona.privacy",),
    ("ona.views",),
    ("ona.workspace", "ona.documents"),
    ("ona.cli", "ona.app", "ona.__main__", "ona"),
)


#: Known breaches being removed by the redesign (issue W2 1/6, item 5): each area's owner makes these
#: array functions public names of the measures layer and deletes the lines here. New breaches fail.
KNOWN_BREACHES = frozenset({
})


def _check(found: list[str], what: str) -> None:
    new = sorted(set(found) - KNOWN_BREACHES)
    assert not new, f"{what}:\n" + "\n".join(new)


def test_known_breaches_are_still_there():
    """A breach that was mended must leave KNOWN_BREACHES, so the list only shrinks."""
    modules = _modules()
    found = set(_upward(modules)) | set(_private(modules))
    mended = sorted(KNOWN_BREACHES - found)
    assert not mended, "mended, remove from KNOWN_BREACHES:\n" + "\n".join(mended)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _layer(module: str) -> int:
    best = (-1, -1)  # (length of the matching prefix, layer)
    for level, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if module == prefix or module.startswith(prefix + "."):
                best = max(best, (len(prefix), level))
    assert best[1] >= 0, f"{module} belongs to no layer: add it to LAYERS"
    return best[1]


def _imports(module: str, path: Path) -> list[tuple[str, list[str], bool]]:
    """(imported module, imported names, at module level) for every ona import in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # relative import
                base = module.split(".")
                if path.name != "__init__.py":
                    base = base[:-1]
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "ona" or target.startswith("ona."):
                found.append((target, [a.name for a in node.names], id(node) in top_level))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("ona."):
                    found.append((alias.name, [], id(node) in top_level))
    return found


def _resolve(target: str, name: str, modules: dict[str, Path]) -> str:
    """The module an imported name refers to: a submodule if it is one, else the package itself."""
    return f"{target}.{name}" if f"{target}.{name}" in modules else target


def test_every_package_is_installed():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    packages = {_module_name(p.parent / "__init__.py") for p in PACKAGE.rglob("__init__.py")}
    missing = sorted(packages - listed)
    assert not missing, f"packages missing from pyproject.toml [tool.setuptools] packages: {missing}"


def test_layers_import_only_downward():
    _check(_upward(_modules()), "imports that run up the layers")


def test_no_private_names_across_modules():
    _check(_private(_modules()), "private names used by another module")


def _upward(modules: dict[str, Path]) -> list[str]:
    upward = []
    for module, path in modules.items():
        if module == "ona":  # the public API re-exports from every layer
            continue
        for target, names, _ in _imports(module, path):
            for imported in {_resolve(target, n, modules) for n in names} or {target}:
                if imported == "ona":
                    continue
                if _layer(imported) > _layer(module):
                    upward.append(f"{module} -> {imported}")
    return upward


def _private(modules: dict[str, Path]) -> list[str]:
    private = []
    for module, path in modules.items():
        for target, names, _ in _imports(module, path):
            for name in names:
                source = _resolve(target, name, modules)
                if name.startswith("_") and source != module:
                    private.append(f"{module} imports {target}.{name}")
    return private


def test_no_import_circles():
    modules = _modules()
    edges: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        if module == "ona":
            continue
        for target, names, top in _imports(module, path):
            if not top:
                continue
            for imported in {_resolve(target, n, modules) for n in names} or {target}:
                if imported in modules and imported != module and imported != "ona":
                    # importing a submodule also runs its package's __init__
                    edges[module].add(imported)
    # a package's __init__ may import its own submodules; a submodule importing its package is the circle
    seen: dict[str, int] = {}
    stack: list[str] = []
    circles = []

    def visit(node: str) -> None:
        seen[node] = 1
        stack.append(node)
        for nxt in sorted(edges[node]):
            if seen.get(nxt) == 1:
                circles.append(" -> ".join(stack[stack.index(nxt):] + [nxt]))
            elif nxt not in seen:
                visit(nxt)
        stack.pop()
        seen[node] = 2

    for node in sorted(edges):
        if node not in seen:
            visit(node)
    assert not circles, "import circles:\n" + "\n".join(circles)


def test_only_the_app_imports_streamlit():
    offenders = []
    for name, path in _modules().items():
        if name == "ona.app" or name.startswith("ona.app."):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "streamlit" for a in node.names):
                offenders.append(name)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "streamlit":
                offenders.append(name)
    assert not offenders, f"streamlit imported outside ona.app: {sorted(set(offenders))}"
