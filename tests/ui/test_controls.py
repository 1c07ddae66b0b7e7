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


def test_a_run_that_diverges_at_its_second_step_shows_its_first_loss(window, qtbot):
    """lr = 100: step 1's loss (0.67) was computed; the plot shows it, axes around it."""
    tab = window.current_tab()
    tab.set_params(tab.params().replace(lr=100.0))
    tab.run_pause()
    wait_state(qtbot, tab, "diverged")
    curve = tab.loss_plot.curves["loss"]
    x, y = curve.getData()
    assert list(x) == [1] and 0.5 < y[0] < 0.8
    assert curve.opts["symbol"] is not None, "a lone point is drawn as a dot"
    (x0, x1), (y0, y1) = tab.loss_plot.plotItem.vb.viewRange()
    assert x0 <= 1 <= x1 and y0 <= y[0] <= y1 and y1 - y0 < 5


def test_korean_messages_are_korean_to_their_details(qtbot, tmp_path):
    """A refused file and a diverged run, in Korean: no English words left in them."""
    import re

    from dlab.engines.adam.params import AdamParams

    w = MainWindow(topic="gradient-descent", lang="ko")
    qtbot.addWidget(w)
    tab = w.current_tab()
    other = tmp_path / "adam.json"
    other.write_text(AdamParams().to_json())
    assert not w.load_params_from(str(other))
    detail = tab.banner.message.text().split(":", 1)[1]
    assert "이 파일은 'adam'용인데 이 탭은 'gradient-descent'입니다" in detail
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": 1, "topic": "gradient-descent", "params": {"epochs": -4}}')
    assert not w.load_params_from(str(bad))
    assert "1부터 1000까지의 정수" in tab.banner.message.text()
    tab.set_params(tab.params().replace(lr=100.0))
    tab.run_pause()
    wait_state(qtbot, tab, "diverged")
    words = set(re.findall(r"[A-Za-z]{3,}", tab.banner.message.text())) - {"inf", "nan"}
    assert not words, words
    w.close()
