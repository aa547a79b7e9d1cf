"""Ray Data's own threads racing at a stage's end.

Ray Data (2.60) lists a stage's files with worker threads and a "completion-signaler" thread.
When the stage's reader is done early (``read_parquet(...).count()`` reads the count from the
files' metadata), the signaler can still be putting its end marks into the interrupted queue,
and the thread dies with ``InterruptedError``; Python prints its traceback on stderr. The stage's
result is whole: it is Ray's shutdown race, not an error of the run, and with ``-q`` nothing may
be printed. :func:`ray_shutdown_races_hidden` hides exactly that and passes every other thread's
exception on.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


def _is_shutdown_race(args: threading.ExceptHookArgs) -> bool:
    name = args.thread.name if args.thread is not None else ""
    return args.exc_type is InterruptedError and name.endswith("/completion-signaler")


@contextmanager
def ray_shutdown_races_hidden() -> Iterator[None]:
    """Within the block, a Ray Data completion-signaler thread dying of ``InterruptedError`` is
    not printed; every other uncaught thread exception goes to the hook that was there."""
    before = threading.excepthook

    def hook(args: threading.ExceptHookArgs) -> None:
        if not _is_shutdown_race(args):
            before(args)

    threading.excepthook = hook
    try:
        yield
    finally:
        threading.excepthook = before
