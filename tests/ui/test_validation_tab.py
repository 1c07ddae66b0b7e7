"""The Validation tab runs, draws, pauses, steps and stops; the test result stays locked
until the run ends; the mouse edits the data, also during a run; the sweep shows the U."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from dlab import registry
from dlab.core.snapshot import FINISHED
from dlab.core.splits import TRAIN, VAL
from dlab.engines.validation.params import parse_points
from tests.ui.conftest import (
    pause_and_settle,
    projector_window,
    set_speed,
    step_once,
    wait_state,
    wait_step,
)


def open_tab(window, **changes):
    tab = window.tabs[registry.ids().index("validation")]
    window.tabs_widget.setCurrentWidget(tab)
    tab.set_params(tab.params().replace(**changes))
    return tab


def bar_texts(tab) -> list[str]:
    return [t.toPlainText() for t in tab.results.texts if t.isVisible()]


def test_run_draws_pause_step_stop_and_the_test_stays_locked(window, qtbot):
    tab = open_tab(window, epochs=200)
    set_speed(tab, 50)  # still running when the test pauses it
    tab.run_pause()
    wait_step(qtbot, tab, 5)
    qtbot.waitUntil(lambda: tab._frame is not None and tab._frame.epoch >= 3, timeout=10000)
    pause_and_settle(qtbot, tab)
    assert tab.store.get("val_loss").n == tab.last_step
    assert len(tab.points.fit.xData) > 100  # the model is drawn over the data
    assert bar_texts(tab)[2:] == ["locked", "locked"]  # test and new data
    assert "locked" in tab.head.text()
    before = step_once(qtbot, tab)
    assert tab.store.get("train_loss").n == before + 1
    set_speed(tab, 0)
    tab.run_pause()
    wait_state(qtbot, tab, FINISHED)
    f = tab._frame
    assert f.stopped_epoch == 200 and f.test_evaluations == 1
    texts = bar_texts(tab)
    assert "locked" not in texts and texts[2] == f"{f.test_loss:.3f}"
    assert "measured once" in tab.head.text()
    tab.reset()
    assert tab.store.get("val_loss") is None and tab.points.fit.xData is None


def scene_pos(tab, x: float, y: float) -> QPointF:
    return tab.points.plotItem.getViewBox().mapViewToScene(QPointF(x, y))


def test_mouse_adds_moves_and_removes_points(window, qtbot):
    tab = open_tab(window)
    view = tab.points
    n = len(view.x)
    tab.add_combo.setCurrentIndex(VAL)
    view.clicked(scene_pos(tab, 0.5, -2.0), Qt.MouseButton.LeftButton,
                 Qt.KeyboardModifier.NoModifier)
    x, y, split = parse_points(tab.params().points)
    assert len(x) == n + 1 and split[-1] == VAL and abs(x[-1] - 0.5) < 0.02
    k = int(np.flatnonzero(split == TRAIN)[0])
    view.drag_start(scene_pos(tab, x[k], y[k]))
    view.drag_to(scene_pos(tab, x[k], y[k] + 1.0), finish=True)
    assert abs(parse_points(tab.params().points)[1][k] - (y[k] + 1.0)) < 0.02
    view.clicked(scene_pos(tab, x[-1], y[-1]), Qt.MouseButton.RightButton,
                 Qt.KeyboardModifier.NoModifier)
    assert len(parse_points(tab.params().points)[0]) == n
    tab.fresh_data()
    assert tab.params().points == "" and len(view.x) == n


def test_an_edit_during_a_run_reaches_the_engine(window, qtbot):
    tab = open_tab(window, epochs=400)
    set_speed(tab, 50)
    tab.run_pause()
    wait_step(qtbot, tab, 3)
    view = tab.points
    view.clicked(scene_pos(tab, 0.0, 2.0), Qt.MouseButton.LeftButton,
                 Qt.KeyboardModifier.NoModifier)
    n = len(view.x)
    qtbot.waitUntil(lambda: tab._frame is not None and len(tab._frame.x) == n, timeout=10000)
    assert tab._frame.split_sizes["train"] == 17
    tab.runner.stop()


def test_sweep_reveals_the_chosen_degree_and_its_test_loss(window, qtbot):
    tab = open_tab(window, capacity=8, epochs=300)
    tab.run_inline("sweep")
    f = tab._frame
    assert tab.pages.currentIndex() == 1
    assert 1 <= f.chosen_capacity <= 8 and f.test_evaluations == 1
    assert len(tab.sweep_plot.curves["m/val"].xData) == 8
    assert f"degree {f.chosen_capacity}" in tab.head.text()
    assert not tab.points.editable  # a sweep keeps the data it started with


def test_the_log_epoch_axis_draws_every_epoch_from_the_first(qtbot):
    """On the 1024×700 projector the loss per epoch (x on a log scale) is drawn from epoch
    1 with every epoch: thinned as if its points were evenly spaced, it began at epoch 3
    and the first epochs were merged into steps."""
    w = projector_window(qtbot, "validation", "en")
    tab = w.current_tab()
    tab.run_inline("run")
    QApplication.processEvents()
    drawn = {}
    for key, item in tab.loss_plot.curves.items():
        x, _ = item.getData()
        every, _ = item.getOriginalDataset()
        if every is not None and len(every):
            drawn[key] = (len(x), len(every), float(x[0]))
    w.close()
    assert drawn
    for key, (n, total, first) in drawn.items():
        assert (n, first) == (total, 0.0), f"{key}: {n} of {total} epochs, from 10^{first}"
