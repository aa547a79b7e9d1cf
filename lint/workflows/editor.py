"""What the language server needs from newslint, without the protocol: lint an editor's buffer
with the workspace as corpus context, and turn findings into ranges, fixes and directives.

Linting goes through the one run pipeline: a workspace file's group (configuration, rules, and
the workspace's other files as corpus context through the persistent corpus index) is
:func:`lint.engine.resolve.text_group`'s, as :func:`lint.lint_texts` builds it for a corpus
root, and the buffer's text is linted in place of the file on disk by
:func:`lint.engine.run.lint_texts_in`.
A file outside the workspace gets its configuration and no context; a buffer with no file on disk
(an untitled one) goes through :func:`lint.lint_texts` itself.

Positions are LSP positions: 0-based lines, columns in UTF-16 code units (the protocol default).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lint.core.document import Span
from lint.core.finding import Edit, Finding
from lint.engine.groups import Group, Options
from lint.engine.resolve import resolve, text_group
from lint.engine.rules import Rule
from lint.engine.run import lint_texts, lint_texts_in

SUFFIXES = (".txt", ".md", ".markdown")
DIRECTIVE = "<!-- newslint: disable-next={rule} -->"


@dataclass(frozen=True)
class Position:
    line: int  # 0-based
    character: int  # UTF-16 code units


class Lines:
    """Offsets in a text <-> LSP positions (UTF-16 columns), computed once per text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        piece = self.text[self.starts[line] : offset]
        return Position(line, len(piece.encode("utf-16-le")) // 2)

    def offset(self, position: Position) -> int:
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        end = self.starts[position.line + 1] - 1 if position.line + 1 < len(self.starts) else None
        line = self.text[start:end]
        units = 0
        for index, char in enumerate(line):
            if units >= position.character:
                return start + index
            units += 2 if ord(char) > 0xFFFF else 1
        return start + len(line)


@dataclass
class Linted:
    """One buffer's findings (only those in the buffer) and the rules that ran."""

    findings: list[Finding]
    rules: dict[str, Rule] = field(default_factory=dict)


@dataclass
class Workspace:
    """The groups (configuration, rules, corpus context) of the files linted so far, kept so the
    corpus is read once; :meth:`reload` forgets them (a configuration or corpus file changed).

    A file inside the workspace ``root`` is linted as :func:`lint.lint_texts` does with that
    corpus root: the other corpus files are its corpus rules' context, read through the
    persistent corpus index (in the cache folder, shared with ``newslint check``), so opening
    another file re-reads only the corpus files that changed."""

    root: Path | None = None
    groups: dict[str, Group] = field(default_factory=dict)

    def reload(self) -> None:
        self.groups.clear()

    def group(self, path: Path) -> Group | None:
        key = str(path)
        if key not in self.groups:
            if self.root and _inside(path, self.root):
                options = Options(corpus_root=self.root, cache=True)
                group = text_group([path.as_posix()], options)
                if group.config.excludes(path):
                    return None
            else:
                groups, _ = resolve([str(path)], Options())
                if not groups:
                    return None  # excluded by the configuration
                group = groups[0]
            self.groups[key] = group
        return self.groups[key]

    def lint(self, path: Path | None, text: str) -> Linted:
        """Lint ``text``, the editor's content of ``path`` (None: a buffer with no file)."""
        if path is None or not path.is_file():
            name = path.name if path else "untitled.txt"
            run = lint_texts({name: text})
            return Linted(list(run.findings), {r.id: r for r in run.rules})
        group = self.group(path)
        if group is None:
            return Linted([])
        name = group.files[0].as_posix()
        run = lint_texts_in(group, {name: text})
        mine = sorted(f for f in run.findings if f.path == name)
        return Linted(mine, {r.id: r for r in group.rules})


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def lintable(path: str) -> bool:
    return path.lower().endswith(SUFFIXES)


def span_of(finding: Finding, lines: Lines) -> tuple[Position, Position]:
    """The finding's range; an empty span (a document-level finding) covers its first line."""
    start, end = lines.position(finding.start), lines.position(finding.end)
    if finding.end <= finding.start:
        line = start.line
        text = lines.text.splitlines()[line] if lines.text.splitlines()[line:] else ""
        return Position(line, 0), Position(line, len(text.encode("utf-16-le")) // 2)
    return start, end


def directive_edit(finding: Finding, text: str) -> Edit:
    """An edit inserting ``disable-next`` for the finding's rule above the line it starts on."""
    lines = Lines(text)
    line = lines.position(finding.start).line
    offset = lines.starts[line]
    return Edit(Span(offset, offset), DIRECTIVE.format(rule=finding.rule) + "\n")


def hover_text(rule: Rule | None, finding: Finding) -> str:
    """Markdown for a hover: the message, and the rule's what and why."""
    parts = [f"**{finding.rule}** ({finding.severity.label}): {finding.message}"]
    if rule is not None:
        for key, title in (("what", "What it finds"), ("why", "Why it matters")):
            if rule.docs.get(key):
                parts.append(f"*{title}:* {' '.join(str(rule.docs[key]).split())}")
        parts.append(f"`newslint explain {finding.rule}`")
    return "\n\n".join(parts)


def at(findings: Sequence[Finding], lines: Lines, position: Position) -> list[Finding]:
    """The findings whose range contains ``position``."""
    offset = lines.offset(position)
    hits = []
    for finding in findings:
        start, end = span_of(finding, lines)
        if lines.offset(start) <= offset <= lines.offset(end):
            hits.append(finding)
    return hits
