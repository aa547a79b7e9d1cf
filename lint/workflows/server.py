"""``newslint server``: a Language Server over stdio for editors (the ``server`` extra).

Diagnostics for ``.txt`` and ``.md`` articles on open, change (debounced) and save, hover with the
rule's what and why, code actions (a finding's fix, a ``disable-next`` directive); corpus rules see
the workspace as corpus context. The protocol glue is :mod:`lint.workflows.lsp` (pygls); what it
asks of newslint is :mod:`lint.workflows.editor`, which lints through the engine.
"""

from __future__ import annotations

import argparse

from lint.errors import NewslintError
from lint.workflows import ExitStatus

INSTALL = "pip install 'newslint[server]'"


class ServerUnavailable(NewslintError):
    """pygls (the ``server`` extra) is not installed."""


def run(args: argparse.Namespace) -> ExitStatus:
    """Serve over stdio until the client exits."""
    try:
        from lint.workflows.lsp import server
    except ImportError as err:
        raise ServerUnavailable(f"the language server needs {err.name}: {INSTALL}") from None
    server.start_io()
    return ExitStatus.CLEAN
