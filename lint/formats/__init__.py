"""Output formats: each a pure function from findings and the run's :class:`Report` to text,
chosen from :data:`FORMATS`."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lint.finding import Finding
from lint.formats import (
    github_format,
    gitlab_format,
    json_format,
    junit_format,
    sarif_format,
    text_format,
)
from lint.formats.report import Report

Formatter = Callable[[Sequence[Finding], Report], str]

FORMATS: dict[str, Formatter] = {
    "text": text_format.render,
    "json": json_format.render,
    "github": github_format.render,
    "gitlab": gitlab_format.render,
    "junit": junit_format.render,
    "sarif": sarif_format.render,
}

__all__ = ["FORMATS", "Formatter", "Report"]
