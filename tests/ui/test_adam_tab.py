"""The Adam tab: the race runs and draws, pauses, and an optimiser is switched off and on."""

from __future__ import annotations

import numpy as np
import pytest

from dlab import registry
from dlab.engines.adam.surfaces import SETUPS
from dlab.ui.runner import RUNNING
from tests.ui.conftest import pause_and_settle, projector_window, set_speed, wait_step


def adam_tab(window):
    tab = window.tabs[registry.ids().index("adam")]
    window.tabs_widget.setCurrentWidget(tab)
    return tab


def test_race_pause_toggle_an_optimiser(window, qtbot):
    tab = adam_tab(window)
    set_speed(tab, 20)  # still running when the test acts
    tab.run_pause()
    wait_step(qtbot, tab, 5)
    assert tab.runner.state == RUNNING
    for opt in ("sgd", "momentum", "rmsprop", "adam"):
        assert tab.store.get(f"{opt}/x").n > 0
        assert tab.store.get(f"net/{opt}/loss").n > 0
    line, head = tab.surface.paths["adam"]
    x, _ = line.getData()
    assert x is not None and len(x) >= 2 and x[0] == tab.params().start_x  # drawn from start
    pause_and_settle(qtbot, tab)
    assert "V̂" in tab.inside.text()  # Inside Adam shows the current step's numbers

    # Switch SGD off while paused: its path hides and it stops taking steps.
    editor = tab.form.editors["optimizers"]
    assert editor.isEnabled(), "the optimisers may change during a run"
    editor.boxes["sgd"].setChecked(False)
    assert tab.params().optimizers == "momentum,rmsprop,adam"
    assert not tab.surface.paths["sgd"][0].isVisible()
    n_sgd, n_adam = tab.store.get("sgd/x").n, tab.store.get("adam/x").n
    tab.step()
    qtbot.waitUntil(lambda: tab.store.get("adam/x").n == n_adam + 1, timeout=5000)
    qtbot.wait(100)
    assert tab.store.get("sgd/x").n == n_sgd, "a switched-off optimiser stands still"

    # On again: it goes on from where it stopped, and is drawn again.
    editor.boxes["sgd"].setChecked(True)
    assert tab.surface.paths["sgd"][0].isVisible()
    tab.step()
    qtbot.waitUntil(lambda: tab.store.get("sgd/x").n == n_sgd + 1, timeout=5000)
    assert tab.store.get("sgd/x").x[-1] == n_sgd + 1
    tab.reset()
    assert tab.store.get("adam/x") is None


def test_bias_correction_switch_changes_the_first_step_drawn(window, qtbot):
    tab = adam_tab(window)
    sizes = {}
    for on in (True, False):
        tab.set_params(tab.params().replace(bias_correction=on, optimizers="adam"))
        tab.run_inline("run", 3)
        _, dx = tab.steps_plot.curves["dx"].getData()
        sizes[on] = 10 ** dx[0]  # the plot draws log10 |Δx|
    lr = tab.params().lr_adam
    assert np.isclose(sizes[True], lr, rtol=1e-6)
    assert np.isclose(sizes[False] / sizes[True], 0.1 / np.sqrt(0.001), rtol=1e-4)
    tab.reset()


def test_choosing_a_function_brings_its_start_and_click_moves_the_start(window, qtbot):
    tab = adam_tab(window)
    tab.form.editors["function"].combo.setCurrentIndex(
        tab.form.editors["function"].combo.findData("quadratic"))
    p = tab.params()
    assert p.function == "quadratic"
    assert (p.start_x, p.start_y) == SETUPS["quadratic"].start
    assert p.lr_adam == SETUPS["quadratic"].lrs["adam"]
    assert tab.surface.surface is SETUPS["quadratic"].surface
    tab.surface.clicked.emit(1.25, -0.5)
    assert (tab.params().start_x, tab.params().start_y) == (1.25, -0.5)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_inside_adam_keeps_the_window_inside_1024_by_700(qtbot, lang):
    """After 120 steps the Inside Adam table is full of numbers; it made the window taller
    than 700 px (issue 17, 21) and the plots beside it were cut off on the right."""
    w = projector_window(qtbot, "adam", lang)
    tab = w.current_tab()
    tab.run_inline(steps=120)
    qtbot.wait(50)
    assert "Δ" in tab.inside.text() and "Ŝ" in tab.inside.text()
    need = tab.minimumSizeHint()
    assert need.height() + 100 <= 700, f"needs {need.height()} px"
    assert tab.inside.height() >= tab.inside.heightForWidth(tab.inside.width()), \
        "every row of the table is shown"
    for plot in tab.plots():
        if plot.isVisible():
            assert plot.plotItem.geometry().width() <= plot.width() + 0.5, \
                f"{plot.title.text()!r} is wider than its widget"
    w.close()
