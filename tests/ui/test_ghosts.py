"""Ghost runs: each tab keeps its last five runs; "run again with one change" draws the
new run over the last one, which stays faded with a legend naming the change; the ghost
survives Reset and a language switch."""

from __future__ import annotations

import numpy as np

from dlab import registry
from dlab.ui.topic_tab import MAX_GHOSTS
from tests.ui.conftest import wait_state


def legend_texts(plot) -> list[str]:
    return [label.text for _, label in plot.legend.items]


def test_run_again_with_one_change_keeps_the_last_run_as_a_ghost(window, qtbot):
    window.tabs_widget.setCurrentIndex(registry.ids().index("sigmoid"))
    tab = window.current_tab()
    tab.steps_limit = 30
    tab.set_params(tab.params().replace(lr=0.5))
    tab.run_inline(steps=30)
    first = tab.loss_plot.snapshot()["loss"]
    tab.set_params(tab.params().replace(lr=0.05))  # one change
    tab.run_again()
    wait_state(qtbot, tab, "finished", timeout=30000)
    assert tab.ghost is tab.past_runs[-1] and tab.ghost.params.lr == 0.5
    ghost = tab.loss_plot.ghosts["loss"]
    x, y = ghost.getOriginalDataset()
    assert np.array_equal(x, first[0]) and np.array_equal(y, first[1])
    live = tab.loss_plot.snapshot()["loss"][1]
    assert not np.array_equal(live, first[1]), "the live run is the new one"
    assert any("Learning rate 0.5" in t for t in legend_texts(tab.loss_plot)), \
        legend_texts(tab.loss_plot)

    tab.reset()  # the ghost survives Reset...
    assert ghost.getOriginalDataset()[0] is not None and len(ghost.getOriginalDataset()[0])
    window.set_language("ko")  # ...and a language switch, its legend now in Korean
    assert any("학습률 0.5" in t for t in legend_texts(tab.loss_plot)), \
        legend_texts(tab.loss_plot)
    tab.ghost_box.setCurrentIndex(0)
    tab._on_ghost_chosen(0)
    assert tab.ghost is None and not len(ghost.getOriginalDataset()[0] or [])


def test_a_tab_keeps_its_last_five_runs(window):
    tab = window.current_tab()
    for k in range(MAX_GHOSTS + 2):
        tab.set_params(tab.params().replace(lr=0.01 * (k + 1), epochs=1, dataset_size=32))
        tab.run_inline()
    tab.reset()
    assert len(tab.past_runs) == MAX_GHOSTS
    assert [round(r.params.lr, 2) for r in tab.past_runs] == [0.03, 0.04, 0.05, 0.06, 0.07]
    assert tab.ghost_box.count() == MAX_GHOSTS + 1
