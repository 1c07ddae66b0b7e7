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


def test_the_timeline_scrubs_back_and_play_goes_on_from_the_end(window, qtbot):
    from tests.ui.conftest import set_speed

    tab = window.current_tab()  # gradient descent
    tab.set_params(tab.params().replace(epochs=1000, mode="sgd"))
    set_speed(tab, 50)  # every step of a slow run comes with a frame
    tab.run_pause()
    qtbot.waitUntil(lambda: len(tab.moments) >= 6, timeout=30000)
    tab.run_pause()
    wait_state(qtbot, tab, "paused")
    qtbot.wait(150)
    live_n = tab.loss_plot.snapshot()["loss"][0].size
    steps = [s for s, _ in tab.moments]
    assert steps == sorted(steps) and tab.time_slider.maximum() == len(tab.moments) - 1
    tab.time_slider.setValue(1)  # back in time
    shown = tab.loss_plot.snapshot()["loss"][0]
    assert shown.size < live_n and shown[-1] == steps[1], "the plot shows that moment"
    assert str(steps[1]) in tab.time_label.text()
    assert tab.store.get("loss").n == live_n, "the run's numbers are all kept"
    window.set_language("ko")  # the timeline survives a language switch
    assert tab.time_slider.value() == 1
    tab.run_pause()  # Play goes on from the end
    qtbot.waitUntil(lambda: tab.time_slider.value() == tab.time_slider.maximum()
                    and tab.loss_plot.snapshot()["loss"][0].size > live_n, timeout=30000)
    tab.reset()
    assert tab.moments == [] and not tab.time_slider.isEnabled()


def test_the_timeline_is_bounded():
    from dlab.ui.topic_tab import MAX_MOMENTS

    class Stub:
        moments: list = []

        def _show_timeline(self):
            pass

    from dlab.ui.topic_tab import TopicTab

    stub = Stub()
    for step in range(5000):
        TopicTab._keep_moment(stub, step, None)
    assert len(stub.moments) <= MAX_MOMENTS + 1
    assert stub.moments[-1][0] == 4999 and stub.moments[0][0] == 0
