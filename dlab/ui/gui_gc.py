"""Garbage collection only in the GUI thread.

Python's collector runs in whichever thread happens to allocate when a threshold is
crossed. When that is a runner's worker thread and the garbage holds Qt widgets (a tab's
plots from a Reset, a closed dialog), Qt objects are destroyed outside the GUI thread and
Qt aborts. So automatic collection is switched off and a timer in the GUI thread does the
same work: it looks at the collector's counters and collects the generations a normal
automatic collection would have collected.

What exists when the collector starts (the modules, Qt, numpy; torch where it was imported
before the window, as in `dlab bench`) is moved out of the collector's sight
(``gc.freeze``), and so is what a heavy import brings later: a full collection then scans
only what was made since. Without it a full collection took 750 ms with torch loaded: the
window stood still that long in the middle of a run.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QTimer, Slot

INTERVAL_MS = 500
HEAVY_IMPORT = 200  # modules imported since the last freeze that make a new freeze worth it


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.collections = 0  # for tests: how many collections this object ran
        gc.disable()
        self._freeze()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def _freeze(self) -> None:
        """Long-lived objects (modules and what they made) out of every later collection.
        Garbage among them is never collected: there is little when modules have just been
        imported."""
        gc.freeze()
        self.modules = len(sys.modules)

    @Slot()
    def check(self) -> None:
        if len(sys.modules) - self.modules >= HEAVY_IMPORT:  # torch, imported by a run
            self._freeze()
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                self.collections += 1
                return


_collector: GuiThreadCollector | None = None


def collect_in_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector once for the application (idempotent)."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector(app)
    return _collector
