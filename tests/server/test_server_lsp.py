"""``newslint server`` end to end: a real LSP client (pytest-lsp) talks to it over stdio.

The client opens a seed article in a copy of ``seeds/`` (the workspace, its ``newslint.yaml`` and
corpus), receives the diagnostics, applies a fix and a ``disable-next`` code action to its buffer
and sees the diagnostics go; hover shows the rule's docs.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from lint.core.document import Span  # noqa: E402
from lint.core.finding import Edit  # noqa: E402
from lint.engine.fix import apply  # noqa: E402
from lint.workflows.editor import Lines, Position  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.asyncio(loop_scope="function")]
ARTICLE = "000_ff806e430f618b52.txt"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


SERVER = [sys.executable, "-m", "lint", "server"]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env=ENV))
async def client(lsp_client: LanguageClient):
    workspace = Path(tempfile.mkdtemp(prefix="newslint-lsp-"))
    shutil.copytree(SEEDS, workspace, dirs_exist_ok=True)
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=workspace.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="seeds")],
        )
    )
    lsp_client.workspace_dir = workspace  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()
    shutil.rmtree(workspace, ignore_errors=True)


async def _open(client: LanguageClient) -> tuple[str, str]:
    path = client.workspace_dir / ARTICLE  # type: ignore[attr-defined]
    uri, text = path.as_uri(), path.read_text(encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "plaintext", 1, text))
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri, text


async def _change(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


def _apply(text: str, action: types.CodeAction, uri: str) -> str:
    assert action.edit is not None and action.edit.changes is not None
    lines = Lines(text)

    def offset(p: types.Position) -> int:
        return lines.offset(Position(p.line, p.character))

    edits = [
        Edit(Span(offset(e.range.start), offset(e.range.end)), e.new_text)
        for e in action.edit.changes[uri]
    ]
    return apply(text, edits)


def _of(client: LanguageClient, uri: str, rule: str) -> list[types.Diagnostic]:
    return [d for d in client.diagnostics[uri] if d.code == rule]


async def test_diagnostics_at_the_right_ranges(client: LanguageClient):
    uri, text = await _open(client)
    duplicates = _of(client, uri, "duplicated-paragraph")
    assert [d.range.start.line for d in duplicates] == [10]  # one run of four copies
    first = duplicates[0]
    lines = text.split("\n")
    assert (first.range.start.character, first.range.end.line) == (0, 13)
    assert first.range.end.character == len(lines[13])
    assert first.severity == types.DiagnosticSeverity.Error
    assert first.source == "newslint"
    assert first.code_description and first.code_description.href.endswith(
        "duplicated-paragraph.yaml"
    )
    assert "duplicates" in first.message
    inflated = _of(client, uri, "stylistic-inflation")[0]
    start, end = inflated.range.start, inflated.range.end
    assert (start.line, start.character, end.character) == (5, 5, 20)


async def test_fix_action_removes_the_duplicate(client: LanguageClient):
    uri, text = await _open(client)
    target = _of(client, uri, "duplicated-paragraph")[-1]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            target.range,
            types.CodeActionContext(diagnostics=[target]),
        )
    )
    fixes = [a for a in actions or [] if isinstance(a, types.CodeAction) and a.is_preferred]
    assert len(fixes) == 1 and "duplicated-paragraph" in fixes[0].title
    fixed = _apply(text, fixes[0], uri)
    assert len(fixed) < len(text)
    await _change(client, uri, fixed, 2)
    assert _of(client, uri, "duplicated-paragraph") == []  # the whole run removed


async def test_disable_next_action_silences_the_rule(client: LanguageClient):
    uri, text = await _open(client)
    target = _of(client, uri, "vague-attribution")[0]
    line = target.range.start.line
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri), target.range, types.CodeActionContext([target])
        )
    )
    disable = [a for a in actions or [] if "disable-next" in a.title and "vague" in a.title]
    edited = _apply(text, disable[0], uri)
    assert edited.split("\n")[line] == "<!-- newslint: disable-next=vague-attribution -->"
    await _change(client, uri, edited, 2)
    assert _of(client, uri, "vague-attribution") == []
    assert _of(client, uri, "duplicated-paragraph")  # the rest still reported


async def test_hover_shows_what_and_why(client: LanguageClient):
    uri, _ = await _open(client)
    target = _of(client, uri, "duplicated-paragraph")[0]
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), target.range.start)
    )
    assert hover is not None
    value = hover.contents.value  # type: ignore[union-attr]
    assert "duplicated-paragraph" in value
    assert "What it finds" in value and "Why it matters" in value


async def test_a_saved_configuration_is_reloaded(client: LanguageClient):
    uri, _ = await _open(client)
    assert _of(client, uri, "stylistic-inflation")
    config = client.workspace_dir / "newslint.yaml"  # type: ignore[attr-defined]
    config.write_text(config.read_text(encoding="utf-8") + "ignore: [stylistic-inflation]\n")
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(config.as_uri()))
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert _of(client, uri, "stylistic-inflation") == []
    assert _of(client, uri, "duplicated-paragraph")
