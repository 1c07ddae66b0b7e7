"""The controls say what they do: keys work unless text is being typed, fields that do
not apply are grey, and why a field is grey is written where it is seen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from dlab.ui.main_window import MainWindow
from dlab.ui.runner import RUNNING
from tests.ui.conftest import wait_state, wait_step


def test_enter_commits_a_field_and_gives_space_back(window, qtbot):
    tab = window.current_tab()
    spin = tab.form.editors["epochs"].spin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "900")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert tab.params().epochs == 900
    assert not spin.hasFocus()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Space)
    wait_state(qtbot, tab, RUNNING)
    wait_step(qtbot, tab, 1)  # set up: a stop is honoured between two steps
    tab.reset()


def test_a_click_on_a_plot_takes_the_focus_from_a_field(window, qtbot):
    tab = window.current_tab()
    spin = tab.form.editors["epochs"].spin
    spin.setFocus()
    plot = tab.plots()[0]
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    assert not spin.hasFocus()


def test_adam_greys_out_the_learning_rates_not_used(qtbot):
    w = MainWindow(topic="adam", lang="en")
    qtbot.addWidget(w)
    tab = w.current_tab()
    own = ("lr_sgd", "lr_momentum", "lr_rmsprop", "lr_adam")
    tab.set_params(tab.params().replace(own_lr=False))
    assert tab.form.editors["lr"].isEnabled()
    assert not any(tab.form.editors[n].isEnabled() for n in own)
    tab.form.editors["own_lr"].box.setChecked(True)  # as a click does
    assert tab.params().own_lr
    assert not tab.form.editors["lr"].isEnabled()
    assert all(tab.form.editors[n].isEnabled() for n in own)
    w.close()


def test_why_fields_are_grey_is_written_under_them_during_a_run(window, qtbot):
    tab = window.current_tab()
    note = tab.form.fixed_note
    assert not note.isVisible()
    tab.set_params(tab.params().replace(epochs=1000, mode="sgd"))
    tab.run_pause()
    wait_state(qtbot, tab, RUNNING)
    wait_step(qtbot, tab, 1)
    assert note.isVisible() and "fixed while a run is going" in note.text()
    assert not tab.form.editors["mode"].isEnabled()
    tab.reset()
    assert not note.isVisible()
