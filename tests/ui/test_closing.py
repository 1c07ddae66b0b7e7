"""Closing the window while runs go (issue 17, finding 21): the window goes at once, every
runner is asked to stop before any is waited for, and a step longer than the usual join
(torch still importing, a heavy frame) is waited for behind the hidden window instead of
leaving a running QThread, which aborts the process when it is destroyed."""

from __future__ import annotations

import threading

from dlab.core.snapshot import Snapshot
from dlab.ui.main_window import MainWindow

SLOW_STEP_S = 2.6  # longer than Runner.stop's usual 2 s join


def test_a_step_longer_than_the_join_is_waited_for_behind_the_hidden_window(qtbot):
    window = MainWindow(topic="adam", lang="en")
    qtbot.addWidget(window)
    window.show()
    tabs = window.tabs[:2]
    in_step = [threading.Event() for _ in tabs]

    def slow_run(started: threading.Event):  # noqa: ANN202
        def factory():  # noqa: ANN202
            yield Snapshot(0)
            started.set()
            while True:
                threading.Event().wait(SLOW_STEP_S)  # one long natural step
                yield Snapshot(1)
        return factory

    for tab, started in zip(tabs, in_step, strict=True):
        tab.runner.start(slow_run(started))
    assert all(e.wait(10) for e in in_step)
    asked = []
    for tab in tabs:  # every runner is asked to stop before the first join
        original = tab.runner.request_stop

        def request_stop(tab=tab, original=original) -> None:
            asked.append((tab.topic.id, [t.runner._thread is None for t in tabs]))
            original()
        tab.runner.request_stop = request_stop
    window.close()
    assert not window.isVisible()
    assert asked and all(not any(joined) for _, joined in asked[:len(tabs)])
    for tab in tabs:
        assert tab.runner._thread is None, "joined, not left running"
        assert not tab.runner.is_active()
