"""The language server's protocol glue (pygls): see :mod:`lint.workflows.server`.

Diagnostics for ``.txt`` and ``.md`` articles on open, change (debounced) and save; hover shows the
rule's what and why; code actions apply a finding's fix edits or add a ``disable-next`` directive.
Corpus rules see the workspace as their corpus context. A changed ``newslint.yaml`` (saved, or
reported by the client's file watcher) reloads the configuration and lints the open articles again.
Everything newslint-specific is in :mod:`lint.workflows.editor`; linting goes through the engine.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from lint import __version__
from lint.core.finding import Edit, Finding, Severity
from lint.engine.rules import Rule
from lint.workflows.editor import (
    Lines,
    Linted,
    Position,
    Workspace,
    at,
    directive_edit,
    hover_text,
    lintable,
    span_of,
)

DEBOUNCE = 0.3  # seconds of quiet after a change before linting
CONFIG_NAMES = ("newslint.yaml", "newslint.yml", ".newslint.yaml", ".newslint.yml")
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def _range(start: Position, end: Position) -> types.Range:
    return types.Range(
        types.Position(start.line, start.character), types.Position(end.line, end.character)
    )


class NewslintServer(LanguageServer):
    """The server's state: the workspace's groups, and each open buffer's last lint."""

    def __init__(self) -> None:
        super().__init__("newslint", __version__)
        self.editor = Workspace()
        self.lock = threading.Lock()  # linting runs in a worker thread, one at a time
        self.linted: dict[str, tuple[str, Linted]] = {}  # uri -> (text linted, outcome)
        self.pending: dict[str, asyncio.Task[None]] = {}

    def diagnostic(self, finding: Finding, lines: Lines) -> types.Diagnostic:
        rule = self.linted_rule(finding)
        href = from_fs_path(rule.path) if rule is not None and rule.path else None
        return types.Diagnostic(
            range=_range(*span_of(finding, lines)),
            message=finding.message,
            severity=_SEVERITY[finding.severity],
            code=finding.rule,
            code_description=types.CodeDescription(href=href) if href else None,
            source="newslint",
        )

    def linted_rule(self, finding: Finding) -> Rule | None:
        for _, linted in self.linted.values():
            if finding.rule in linted.rules:
                return linted.rules[finding.rule]
        return None

    def lint_now(self, uri: str, text: str) -> Linted:
        path = to_fs_path(uri)
        with self.lock:
            return self.editor.lint(Path(path) if path else None, text)

    async def lint(self, uri: str, delay: float = 0.0) -> None:
        """Lint the buffer ``uri`` (after ``delay`` without another change) and publish."""
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        text = document.source
        linted = await asyncio.to_thread(self.lint_now, uri, text)
        if self.workspace.get_text_document(uri).source != text:
            return  # changed meanwhile: a newer lint is on its way
        self.linted[uri] = (text, linted)
        lines = Lines(text)
        diagnostics = [self.diagnostic(f, lines) for f in linted.findings]
        published = types.PublishDiagnosticsParams(uri, diagnostics, document.version)
        self.text_document_publish_diagnostics(published)

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        if not lintable(uri):
            return
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self.lint(uri, delay))

    def reload(self, also: str = "") -> None:
        """Forget the configuration and corpus read so far; lint the open articles again."""
        self.editor.reload()  # a dict cleared: a lint running meanwhile keeps its own group
        for uri in dict.fromkeys([*self.linted, *([also] if also else [])]):
            self.schedule(uri)


server = NewslintServer()


@server.feature(types.INITIALIZED)
def initialized(ls: NewslintServer, params: types.InitializedParams) -> None:
    root = ls.workspace.root_path
    ls.editor.root = Path(root) if root else None


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, DEBOUNCE)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if uri.rsplit("/", 1)[-1] in CONFIG_NAMES or lintable(uri):
        ls.reload(uri)  # the configuration or the corpus on disk changed: every open article


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.linted.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
async def watched(ls: NewslintServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(c.uri.rsplit("/", 1)[-1] in CONFIG_NAMES or lintable(c.uri) for c in params.changes):
        ls.reload()  # a configuration or a corpus file changed: corpus context read again


def _position(position: types.Position) -> Position:
    return Position(position.line, position.character)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: NewslintServer, params: types.HoverParams) -> types.Hover | None:
    text, linted = ls.linted.get(params.text_document.uri, ("", Linted([])))
    lines = Lines(text)
    found = at(linted.findings, lines, _position(params.position))
    if not found:
        return None
    value = "\n\n---\n\n".join(hover_text(linted.rules.get(f.rule), f) for f in found)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=value),
        range=_range(*span_of(found[0], lines)),
    )


def _edit(uri: str, lines: Lines, edits: tuple[Edit, ...]) -> types.WorkspaceEdit:
    changes = [
        types.TextEdit(
            _range(lines.position(e.span.start), lines.position(e.span.end)), e.replacement
        )
        for e in edits
    ]
    return types.WorkspaceEdit(changes={uri: changes})


def _overlaps(finding: Finding, lines: Lines, wanted: types.Range) -> bool:
    start, end = (lines.offset(p) for p in span_of(finding, lines))
    low, high = lines.offset(_position(wanted.start)), lines.offset(_position(wanted.end))
    return start <= high and low <= end


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_action(ls: NewslintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    text, linted = ls.linted.get(uri, ("", Linted([])))
    if ls.workspace.get_text_document(uri).source != text:
        return []  # stale: the next publish brings fresh findings
    lines = Lines(text)
    actions: list[types.CodeAction] = []
    for finding in (f for f in linted.findings if _overlaps(f, lines, params.range)):
        diagnostic = [ls.diagnostic(finding, lines)]
        if finding.edits:
            actions.append(
                types.CodeAction(
                    title=f"Fix: {finding.message} ({finding.rule})",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=diagnostic,
                    is_preferred=True,
                    edit=_edit(uri, lines, finding.edits),
                )
            )
        actions.append(
            types.CodeAction(
                title=f"Disable {finding.rule} for this paragraph (disable-next)",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=diagnostic,
                edit=_edit(uri, lines, (directive_edit(finding, text),)),
            )
        )
    return actions
