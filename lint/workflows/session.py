"""What every command runs inside: the user's stored compiled patterns loaded before anything
compiles one and the new ones stored when the command ends (:mod:`lint.io.regexcache`; the same
for dataclasses' generated methods, :mod:`lint.io.codecache`), SIGTERM
turned into a clean exit, and errors turned into an exit status (:class:`ExitStatus`).

Importing this module loads the stored patterns, so the command line imports it first, before the
modules that compile patterns as they are imported (argparse's gettext among them).
"""

from __future__ import annotations

import gc

# Start-up allocates what lives as long as the process (modules, classes, functions): the cyclic
# GC's default, a young collection every 700 allocations, ran ~50 collections during a one-file
# run's imports, freeing almost nothing (~3% of its instructions). Restored when the command runs.
_THRESHOLD = gc.get_threshold()
gc.set_threshold(max(_THRESHOLD[0], 20_000), *_THRESHOLD[1:])

# First, before the modules that compile patterns as they are imported: the patterns the last runs
# compiled, rebuilt from the user's signed start-up cache (see lint.io.regexcache).
from lint.io import codecache, regexcache

regexcache.preload()
# and the code of dataclasses' generated methods, before the modules that create dataclasses
codecache.install()

import argparse
import sys
from collections.abc import Callable

from lint.errors import InternalError, NewslintError, terminated_as_exit
from lint.workflows import ExitStatus


def run(workflow: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run one command's workflow on its parsed arguments; its exit status (2 on any error, with
    one line on stderr, never a traceback)."""
    if gc.get_threshold()[0] == max(_THRESHOLD[0], 20_000):  # start-up is over
        gc.set_threshold(*_THRESHOLD)
    try:
        with terminated_as_exit():  # SIGTERM: stop the workers, exit 143, no traceback
            status = int(workflow(args))
        regexcache.save()  # the patterns this command compiled, for the next run's start-up
        codecache.save()  # and the dataclass methods' code
        return status
    except NewslintError as err:
        print(f"newslint: error: {err}", file=sys.stderr)
        return int(ExitStatus.ERROR)
    except KeyboardInterrupt:
        return int(ExitStatus.INTERRUPTED)
    except Exception as err:  # a bug: exit 2 with one line, never 1 (which means findings)
        print(f"newslint: error: {InternalError.of(err)}", file=sys.stderr)
        return int(ExitStatus.ERROR)
