"""The CycleGAN tab runs, draws both maps and the eight losses, steps one player at a time,
and stops."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from dlab import registry
from dlab.core.snapshot import FAILED
from dlab.engines.cyclegan import frame as names
from dlab.ui.main_window import MainWindow
from tests.ui.conftest import (
    pause_and_settle,
    projector_window,
    set_speed,
    step_once,
    wait_state,
    wait_step,
)
from tests.ui.plot_checks import unreadable


def open_tab(window):
    tab = window.tabs[registry.ids().index("cyclegan")]
    window.tabs_widget.setCurrentWidget(tab)
    return tab


def test_run_draws_pause_step_stop(window, qtbot):
    tab = open_tab(window)
    set_speed(tab, 20)  # still running when the test pauses it
    tab.run_pause()
    wait_step(qtbot, tab, 3)
    qtbot.waitUntil(lambda: tab._frame is not None, timeout=10000)
    for name in names.LOSSES:
        assert tab.store.get(name).n >= 3, name
    pause_and_settle(qtbot, tab)
    g_map = tab.maps["G"]
    assert len(g_map.source.data) == len(tab._frame.x) > 0
    assert g_map.image.image.shape == tab._frame.d_y.shape
    n = tab.store.get(names.LOSS_G).n
    step_once(qtbot, tab)
    assert tab.store.get(names.LOSS_G).n == n + 1
    assert np.array_equal(g_map.fake.data["x"], tab._frame.fake_y[:, 0])
    tab.runner.stop()
    assert not tab.runner.is_active()
    tab.reset()
    assert tab.store.get(names.LOSS_G) is None
    assert "Press Run" in tab.head.text()


def test_step_d_only_trains_the_discriminators_alone(window, qtbot):
    tab = open_tab(window)
    tab.step_discriminators()  # from idle: starts paused and takes one D-only step
    qtbot.waitUntil(lambda: tab.last_step == 1 and tab._frame is not None, timeout=10000)
    assert tab.params().update == "discriminators"
    assert tab.form.editors["update"].value() == "discriminators"
    first = tab._frame.fake_y.copy()
    for k in range(2, 5):
        tab.step_discriminators()
        qtbot.waitUntil(lambda k=k: tab.last_step == k, timeout=5000)
    qtbot.wait(100)
    assert np.array_equal(tab._frame.fake_y, first), "the generators did not move"
    tab.step_generators()
    qtbot.waitUntil(lambda: tab.last_step == 5, timeout=5000)
    qtbot.wait(100)
    assert tab.params().update == "generators"
    assert not np.array_equal(tab._frame.fake_y, first), "a G step moves the fakes"
    tab.runner.stop()


def drag(tab, side, points):
    """A stroke over the G map while drawing ``side``, as the mouse delivers it."""
    from PySide6.QtCore import QPointF

    tab.draw_btns[side].setChecked(True)
    for k, (x, y) in enumerate(points):
        tab.maps["G"].stroked.emit(QPointF(x, y), k == len(points) - 1)


def test_a_drawn_domain_replaces_y_live_and_undraw_restores_it(window, qtbot):
    tab = open_tab(window)
    set_speed(tab, 20)
    tab.run_pause()
    qtbot.waitUntil(lambda: tab._frame is not None, timeout=10000)
    generated = tab._frame.y.copy()
    drag(tab, "y", [(-2.0, -2.0), (0.0, -2.5), (2.0, -2.0)])
    assert tab.maps["F"].drawing and not tab.draw_btns["x"].isChecked()
    assert len(tab.sketch) >= 40  # sprayed every 0.06 along about 4 units
    assert tab.params().drawn_y and not tab.params().drawn_x
    qtbot.waitUntil(lambda: len(tab._frame.y) == len(tab.sketch), timeout=10000)
    assert np.all(tab._frame.y[:, 1] < -1.5)  # the run now shows the drawn Y
    tab.clear_drawings()
    assert not tab.draw_btns["y"].isChecked() and not tab.maps["G"].drawing
    qtbot.waitUntil(lambda: len(tab._frame.y) == len(generated), timeout=10000)
    assert np.array_equal(tab._frame.y, generated)
    tab.runner.stop()


def test_drawing_while_idle_sets_the_parameters_for_the_next_run(window, qtbot):
    tab = open_tab(window)
    drag(tab, "x", [(-1.0, 0.0), (1.0, 0.0)])
    assert len(tab.maps["G"].sketch.data) == len(tab.sketch) > 8
    drawn = tab.params().drawn_x
    assert drawn.count(";") + 1 == len(tab.sketch)
    tab.draw_btns["x"].setChecked(False)  # done drawing: the domain stays drawn
    assert tab.params().drawn_x == drawn and len(tab.maps["G"].sketch.data) == 0


def test_digit_domains_show_image_grids(window, qtbot):
    tab = open_tab(window)
    tab.form.editors["domains"].set_value("digits-thickness")
    tab.form._on_edit()  # as a user's choice in the form
    assert tab.params().batch_size == 16  # digits bring a smaller batch
    assert tab.pages.currentIndex() == 1 and not tab.draw_btns["x"].isEnabled()
    tab.run_inline(steps=2)
    for grid in tab.grids.values():
        assert grid._n_shown == 24  # three rows of eight
    assert "per pixel" in tab.head.text() and "of the way from X" in tab.head.text()
    assert tab.store.get(names.EVAL_FAKE_TO_Y) is None  # a points-only measure
    # The digits' measures (linear, with how far G(x) went toward Y) replace the points'.
    assert tab.measure_pages.currentIndex() == 1
    digit_plot = tab.curve_plots[-1][0]
    assert len(digit_plot.curves[names.EVAL_TOWARD_Y].getData()[0]) == 1  # iteration 1


def test_folders_are_browsed_refused_with_a_banner_and_trained_in_colour(
        window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from tests.core.test_cyclegan_folders import squares

    tab = open_tab(window)
    x_ed, y_ed = tab.form.editors["folder_x"], tab.form.editors["folder_y"]
    assert not x_ed.isEnabled()  # greyed out for the point domains
    tab.form.editors["domains"].set_value("folders")
    tab.form._on_edit()
    assert x_ed.isEnabled() and tab.pages.currentIndex() == 1
    red = squares(tmp_path / "red", 8, (255, 0, 0), 0)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args: str(red)))
    x_ed.browse.click()  # Browse… picks a folder through the dialog
    assert tab.params().folder_x == str(red) and x_ed.line.text() == str(red)
    y_ed.line.setText(str(tmp_path / "nowhere"))  # typed, then Enter
    y_ed.line.editingFinished.emit()
    assert tab.params().folder_y == str(tmp_path / "nowhere")

    tab.run_pause()  # the engine refuses the folder: a banner says why, the app goes on
    wait_state(qtbot, tab, FAILED)
    assert not tab.banner.isHidden()  # (the offscreen test window may not map the tab)
    assert "folder_y:" in tab.banner.message.text() and "is not a folder" in (
        tab.banner.message.text())
    assert not tab.banner.details_btn.isVisible()  # the user's data, not a bug: no traceback
    tab.reset()

    blue = squares(tmp_path / "blue", 8, (0, 0, 255), 1)
    y_ed.set_value(str(blue))
    y_ed.edited.emit()
    tab.run_inline(steps=2)
    assert tab._frame.img_x.shape == (2, 16, 16, 3)  # a quarter of 8 held out, in colour
    cell = tab.grids["G"].cells[0]
    assert cell.lut is None and cell.image.shape == (16, 16, 3)  # drawn as RGB


def test_show_me_the_code_has_digits_and_says_why_folders_have_none(window, qtbot):
    """Point and digit domains get their script; a user's folders get, in the window's
    language, the reason instead of a script (torch and NumPy alone cannot read them)."""
    window.tabs_widget.setCurrentIndex(registry.ids().index("cyclegan"))
    tab = window.current_tab()
    assert tab.topic.id == "cyclegan"
    tab.set_params(tab.params().replace(domains="digits-slant", lambda_cycle=0.0))
    dialog = window.show_code()
    assert dialog is not None and dialog.isVisible()
    script = dialog.text.toPlainText()
    assert "'domains': 'digits-slant'" in script and "'lambda_cycle': 0.0" in script
    assert "DIGITS_FILE = " in script
    dialog.close()
    tab.set_params(tab.params().replace(domains="folders"))
    assert window.show_code() is None
    assert not tab.banner.isHidden()
    assert tab.banner.message.text().startswith("No code is shown for domains folders")
    window.set_language("ko")
    assert window.show_code() is None
    assert tab.banner.message.text().startswith("도메인이 폴더일 때는 코드를 보여 주지 않습니다")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_digit_measures_read_on_a_projector(qtbot, lang):
    """On digits the held-out measures share one plot and one long axis title ("mean
    |error|, share of the way"): at 1024×700 it ran past the plot's top and bottom; it
    wraps, and every plot of the tab reads (plot_checks)."""
    w = projector_window(qtbot, "cyclegan", lang)
    tab = w.current_tab()
    tab.set_params(tab.params().replace(domains="digits-slant"))
    tab.run_inline("run", 20)
    assert tab.measure_pages.currentIndex() == 1  # the digit measures are shown
    found = unreadable(tab)
    w.close()
    assert not found, f"cyclegan digits ({lang}): {found}"


def test_digits_and_curves_share_the_screen_presenting(qtbot):
    """Presenting at 1920×1080 on digits: each digit at least 48 px wide (they shrank to
    24 px while the curves below kept the height they had), every curve plot's data area
    at least 150 px high, and every plot reads (the cycle losses' log axis, spanning less
    than a decade, showed one number)."""
    w = MainWindow(topic="cyclegan", lang="en")
    qtbot.addWidget(w)
    w.resize(1920, 1080)
    w.show()
    qtbot.waitUntil(lambda: w.width() == 1920, timeout=5000)
    w.set_presentation(True, full_screen=False)
    tab = w.current_tab()
    tab.set_params(tab.params().replace(domains="digits-slant"))
    tab.run_inline("run", 5)
    QApplication.processEvents()
    cells = [grid.plotItem.getViewBox().mapViewToDevice(frame.rect()).boundingRect().width()
             for grid in tab.grids.values() for frame in grid.frames]
    views = [plot.plotItem.getViewBox().height() for plot, _ in tab.curve_plots
             if plot.isVisible()]
    found = unreadable(tab)
    w.set_presentation(False, full_screen=False)
    w.close()
    assert cells and min(cells) >= 48, f"digits {min(cells):.0f} px wide"
    assert min(views) >= 150, f"curve plots' data areas: {views}"
    assert not found, found
