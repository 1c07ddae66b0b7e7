"""Garbage is collected in the GUI thread only: a collection in a runner's thread could
destroy Qt widgets there, and Qt aborts."""

from __future__ import annotations

import gc
import threading

from dlab.ui.gui_gc import INTERVAL_MS


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_garbage_made_in_a_worker_thread_is_collected_in_the_gui_thread(qapp, qtbot):
    assert not gc.isenabled(), "automatic collection is off once the app exists"
    threads: list[int] = []

    def record(phase: str, info: dict) -> None:  # noqa: ARG001
        if phase == "start":
            threads.append(threading.get_ident())

    def make_garbage() -> None:
        for _ in range(50_000):  # far past generation 0's threshold (700)
            Cycle()

    gc.callbacks.append(record)
    try:
        worker = threading.Thread(target=make_garbage)
        worker.start()
        worker.join()
        qtbot.wait(3 * INTERVAL_MS)
    finally:
        gc.callbacks.remove(record)
    assert threads, "the GUI thread's timer collected the garbage"
    assert set(threads) == {threading.main_thread().ident}, "never in the worker thread"
