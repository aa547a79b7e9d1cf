"""newslint: a corpus quality linter for generated news.

The public API, imported on first use so ``import lint`` stays cheap::

    from lint import Options, lint_paths, lint_texts
    run = lint_paths(["articles/"], Options(select=("duplicated-paragraph",)))
    for finding in run.findings: ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Options", "Run", "__version__", "lint_paths", "lint_texts"]

if TYPE_CHECKING:
    from lint.engine.outcome import Run
    from lint.engine.run import Options, lint_paths, lint_texts

_LAZY = {"lint_paths", "lint_texts", "Options"}


def __getattr__(name: str) -> Any:
    if name == "Run":
        from lint.engine.outcome import Run

        return Run
    if name in _LAZY:
        from lint.engine import run

        return getattr(run, name)
    raise AttributeError(f"module 'lint' has no attribute {name!r}")
