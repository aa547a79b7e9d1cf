"""Ray Data's completion-signaler dying of InterruptedError at a stage's end is not printed; any
other thread's exception still is."""

from __future__ import annotations

import threading

from lint.distributed.threads import ray_shutdown_races_hidden


def _run(name: str, error: type[BaseException]) -> None:
    def target() -> None:
        raise error()

    thread = threading.Thread(target=target, name=name)
    thread.start()
    thread.join()


def test_only_the_signalers_interrupt_is_hidden(monkeypatch) -> None:
    seen: list[tuple[str, type[BaseException]]] = []

    def before(args: threading.ExceptHookArgs) -> None:
        seen.append((args.thread.name if args.thread else "", args.exc_type))

    monkeypatch.setattr(threading, "excepthook", before)
    with ray_shutdown_races_hidden():
        _run("pool-8/completion-signaler", InterruptedError)
        _run("pool-8/completion-signaler", ValueError)
        _run("worker-1", InterruptedError)
    assert seen == [
        ("pool-8/completion-signaler", ValueError),
        ("worker-1", InterruptedError),
    ]
    assert threading.excepthook is before  # restored
    _run("pool-9/completion-signaler", InterruptedError)
    assert seen[-1] == ("pool-9/completion-signaler", InterruptedError)
