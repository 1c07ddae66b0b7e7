"""A run's first frames lay nothing out again (issue 18): in gradient descent's default run
(640 steps, about ten frames) the first two frames cost twice a later one's GUI time
because the plots under a line that wrapped only once a run had started, and the axes whose
labels appeared or gained a digit, were laid out a second time."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from tests.ui.conftest import wait_state


def layout_of(tab) -> dict[str, tuple]:
    """Every widget of the tab's view by its place and size, each plot's axes' sizes, and
    the status line's and the timeline's (the row under the view)."""
    out: dict[str, tuple] = {"status": tab.status.geometry().getRect(),
                             "timeline": tab.time_slider.geometry().getRect()}
    for k, w in enumerate(tab.view.findChildren(QWidget)):
        if w.isVisible():
            out[f"{k}:{type(w).__name__}"] = w.geometry().getRect()
    for k, plot in enumerate(tab.plots()):
        if plot.isVisible():
            for side in ("left", "bottom"):
                axis = plot.plotItem.getAxis(side)
                out[f"{k}:{type(plot).__name__}:{side}"] = (round(axis.width()),
                                                            round(axis.height()))
    return out


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
def test_a_gradient_descent_run_moves_no_plot_or_axis(qtbot, size):
    """The view as laid out before Run is the view at the run's end: the iteration line
    keeps the room of its last text, the empty plots' axes the room of their labels, the
    status line the room of a long run's numbers."""
    from dlab.ui.main_window import MainWindow

    w = MainWindow(topic="gradient-descent", lang="en")
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitUntil(lambda: w.width() == size[0], timeout=5000)
    tab = w.current_tab()
    qtbot.wait(50)
    before = layout_of(tab)
    tab.run_pause()
    wait_state(qtbot, tab, "finished")
    qtbot.wait(50)
    after = layout_of(tab)
    moved = {k: (before.get(k), v) for k, v in after.items() if before.get(k) != v}
    assert not moved, f"laid out again by the run: {moved}"
