"""The Dropout tab runs, draws, pauses, steps and stops; the dropped units, the votes and
both networks' curves are drawn."""

from __future__ import annotations

from dlab import registry
from tests.ui.conftest import pause_and_settle, set_speed, step_once, wait_step


def open_tab(window, **changes):
    tab = window.tabs[registry.ids().index("dropout")]
    window.tabs_widget.setCurrentWidget(tab)
    tab.set_params(tab.params().replace(**{"hidden": 32, "epochs": 60, **changes}))
    return tab


def test_run_draws_pause_step_stop(window, qtbot):
    tab = open_tab(window)
    set_speed(tab, 20)  # still running when the test pauses it
    tab.run_pause()
    wait_step(qtbot, tab, 3)
    qtbot.waitUntil(lambda: tab._frame is not None and tab._frame.epoch >= 2, timeout=10000)
    pause_and_settle(qtbot, tab)
    for net in ("plain", "dropout"):
        assert tab.store.get(f"{net}/val_loss").n == tab.last_step
    assert len(tab.loss_plot.curves["dropout/val"].xData) == tab.last_step
    assert tab.units._n_shown == 2  # one grid per hidden layer
    assert "dropped" in tab.units_note.text()
    before = step_once(qtbot, tab)
    assert tab.store.get("plain/coadaptation").n == before + 1
    tab.runner.stop()
    assert not tab.runner.is_active()
    tab.reset()
    assert tab.store.get("plain/val_loss") is None and tab._frame is None


def test_the_end_shows_the_votes_and_both_gaps(window, qtbot):
    tab = open_tab(window, epochs=30)
    tab.run_inline()
    f = tab._frame
    assert f.votes_epoch == 30 and len(f.vote_mean) == 40
    assert len(tab.votes.means.data) == 40
    assert f"{f.mc_acc:.1%}" in tab.votes_note.text()
    assert "without dropout" in tab.head.text() and "with dropout" in tab.head.text()
