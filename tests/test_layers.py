"""The import graph of lint/ respects the layers in DESIGN.md: no layer imports upward.

Every ``import lint.x`` and ``from lint.x import ...`` counts, including imports inside functions
and ``if TYPE_CHECKING:`` blocks (a lazy import is still a dependency).
"""

from __future__ import annotations

import ast
from pathlib import Path

# layer -> the layers it may import. A layer is the first part of the module path under lint/
# (lint/kinds/pairs/x.py is in "kinds"); top-level modules (lint/config.py) are layers of their own.
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "errors": set(),
    "text": {"core"},
    "tracking": {"core", "text", "errors"},
    "kinds": {"core", "text", "tracking"},
    "io": {"core", "text", "errors"},
    "config": {"core", "io", "errors", "schema"},
    "engine": {"core", "text", "kinds", "tracking", "io", "config", "errors"},
    "formats": {"core", "engine", "errors"},
    # the Ray job's stages (workflows/ray_group.py drives them)
    "distributed": {"core", "text", "kinds", "tracking", "io", "config", "engine", "errors"},
    "html": {"core", "text", "io", "errors", "tracking"},
    "workflows": {"*", "-cli"},  # anything except cli
    "cli": {"*"},
    "__init__": {"*"},  # the public API (lint_paths, lint_texts) sits on top
    "__main__": {"*"},
}
LINT = Path(__file__).resolve().parents[1] / "lint"


def layer_of(module: str) -> str:
    """``lint.kinds.pairs.x`` -> ``kinds``; ``lint`` -> ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path, root: Path = LINT) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, root: Path = LINT) -> list[tuple[int, str]]:
    """(line, imported lint module) for every import of lint in the file, wherever it is."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "lint"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing package
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target.split(".")[0] == "lint":
                # `from lint import x` imports the module lint.x when there is one, else the root
                names = [_submodule(root, target, a.name) for a in node.names]
                found += [(node.lineno, name) for name in names]
    return found


def _submodule(root: Path, package: str, name: str) -> str:
    folder = root.parent.joinpath(*package.split("."))
    is_module = (folder / f"{name}.py").is_file() or (folder / name / "__init__.py").is_file()
    return f"{package}.{name}" if is_module else package


def allowed(source: str, target: str) -> bool:
    if target == "__init__":  # lint/__init__.py (__version__) runs before any lint.x anyway
        return True
    rules = ALLOWED.get(source, set())
    return target == source or target in rules or ("*" in rules and f"-{target}" not in rules)


def violations() -> list[str]:
    found = []
    for path in sorted(LINT.rglob("*.py")):
        source = layer_of(module_name(path))
        for line, target_module in imports(path):
            target = layer_of(target_module)
            if not allowed(source, target):
                rel = path.relative_to(LINT.parent).as_posix()
                found.append(f"{rel}:{line}: {source} imports {target_module} ({target})")
    return found


def test_every_module_belongs_to_a_layer():
    layers = {layer_of(module_name(p)) for p in LINT.rglob("*.py")}
    assert layers - set(ALLOWED) == set()


def test_no_layer_imports_upward():
    assert violations() == [], "\n".join(violations())


def test_the_walker_sees_lazy_relative_and_type_checking_imports(tmp_path):
    probe = tmp_path / "lint" / "core" / "probe.py"
    probe.parent.mkdir(parents=True)
    probe.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from lint.engine.run import Run\n"
        "def f():\n    import lint.cli\n    from ..io import discover\n",
        encoding="utf-8",
    )
    found = imports(probe, tmp_path / "lint")
    assert found == [(3, "lint.engine.run"), (5, "lint.cli"), (6, "lint.io")]
    assert [allowed("core", layer_of(m)) for _, m in found] == [False, False, False]
