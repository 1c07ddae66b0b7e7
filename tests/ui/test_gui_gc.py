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



def test_a_full_collection_skips_what_existed_when_the_window_started(qapp, qtbot):
    """What exists when the collector starts (modules, and torch where it came first) and
    what a heavy import brings later are frozen: a full collection scans only what was made
    since (it took 750 ms with torch loaded). Garbage made since is still collected."""
    import weakref

    from dlab.ui.gui_gc import HEAVY_IMPORT, GuiThreadCollector

    before = len(gc.get_objects()) + gc.get_freeze_count()
    collector = GuiThreadCollector(qapp)
    try:
        assert len(gc.get_objects()) < before / 100
        kept = [Cycle() for _ in range(5000)]  # made since: in sight again
        assert len(gc.get_objects()) >= 5000
        collector.modules -= HEAVY_IMPORT  # as if torch had just been imported
        collector.check()
        assert len(gc.get_objects()) < len(kept)
        garbage = Cycle()
        gone = weakref.ref(garbage)
        del garbage
        for _ in range(3000):  # past generation 0's threshold
            Cycle()
        qtbot.waitUntil(lambda: gone() is None, timeout=10 * INTERVAL_MS)
    finally:
        collector.timer.stop()
        collector.setParent(None)
        collector.deleteLater()
