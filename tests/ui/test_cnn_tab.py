"""The CNN tab runs, draws its curves, counts, filters and feature maps; a click on a
feature map outlines its receptive field; a drawn digit is classified; the slow-motion
convolution slides; pause and step work."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from dlab import registry
from tests.ui.conftest import pause_and_settle, set_speed, step_once, wait_step


def open_tab(window, **changes):
    index = registry.ids().index("cnn")
    tab = window.tab_at(index)
    window.tabs_widget.setCurrentIndex(index)  # the tab sits in a page of its own
    assert tab.isVisible()
    tab.set_params(tab.params().replace(**changes))
    return tab


def click_cell(qtbot, grid, cell, fx, fy):
    """A real mouse click at the fraction (fx, fy) of a grid cell."""
    x, y = grid.cell_origin(cell)
    scene = grid.plotItem.getViewBox().mapViewToScene(QPointF(x + fx, y + fy))
    at = grid.mapFromScene(scene)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(at.x(), at.y()))


def test_one_epoch_draws_everything(window, qtbot):
    tab = open_tab(window, epochs=1)
    tab.run_inline(steps=63)  # one epoch of 4,000 digits in batches of 64
    assert tab.store.get("cnn/loss").n == 63 and tab.store.get("mlp/loss").n == 63
    assert tab.store.get("cnn/val_acc").n == 1
    assert "9,098" in tab.head.text() and "79,510" in tab.head.text()
    assert sum(c.isVisible() for c in tab.filters.cells) == 8
    assert sum(c.isVisible() for c in tab.maps.cells) == 16  # 8 maps of each layer
    assert tab.table.rowCount() == 5 + 2  # conv, pool, conv, pool, linear; two totals
    assert tab.table.item(0, 3).text() == "4,923,520"
    assert len(tab.counts.bars.opts["x"]) == 6
    heights = tab.probs.bars.opts["y1"]
    assert len(heights) == 10 and abs(sum(heights) - 1) < 1e-5
    assert int(np.argmax(heights)) == tab._frame.digit_label  # a trained CNN gets it right


def test_click_on_a_feature_map_outlines_its_receptive_field(window, qtbot):
    tab = open_tab(window, epochs=1)
    tab.run_inline(steps=2)
    assert not tab.input_grid.marker.isVisible()
    click_cell(qtbot, tab.maps, 2, 0.52, 0.52)  # layer 1, third map, the middle pixel
    assert tab.input_grid.marker.isVisible() and tab.maps.marker.isVisible()
    assert "sees 3×3 input pixels" in tab.rf_note.text()
    rect = tab.input_grid.marker.rect()
    assert np.isclose(rect.width(), 3 / 28) and np.isclose(rect.x(), 13 / 28)
    click_cell(qtbot, tab.maps, 8 + 5, 0.53, 0.53)  # layer 2: 14×14 maps
    assert "Layer 2, pixel (7, 7) sees 8×8" in tab.rf_note.text()
    tab.reset()
    assert not tab.input_grid.marker.isVisible()


def test_a_drawn_digit_is_classified(window, qtbot):
    tab = open_tab(window, epochs=1)
    tab.run_inline(steps=63)
    pad = tab.pad
    side = min(pad.width(), pad.height())
    # A vertical stroke down the middle: a 1.
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(side // 2, side // 6))
    for y in range(side // 6, 5 * side // 6, 4):
        QTest.mouseMove(pad, QPoint(side // 2, y))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(side // 2, 5 * side // 6))
    assert pad.has_ink()
    assert "drawing" in tab.input_grid.plotItem.titleLabel.text
    probs = tab.probs.bars.opts["y1"]
    assert int(np.argmax(probs)) == 1 and abs(sum(probs) - 1) < 1e-5
    tab.clear_btn.click()
    assert not pad.has_ink() and "Test digit" in tab.input_grid.plotItem.titleLabel.text


def test_slow_motion_slides_the_window(window, qtbot):
    tab = open_tab(window, epochs=1, kernel_size=5)
    tab.run_inline(steps=3)
    tab.pages.setCurrentIndex(2)
    start = tab._pos
    qtbot.waitUntil(lambda: tab._pos >= start + 2, timeout=3000)
    shown = tab.slow_out.cells[0].image  # (x, y): col-major
    assert shown.shape == (10, 10)  # 14 − 5 + 1
    assert np.isnan(shown).sum() == 100 - (tab._pos % 100) - 1
    assert "sum of the 25 products" in tab.sums.text()
    click_cell(qtbot, tab.filters, 3, 0.5, 0.5)
    assert tab._filter == 3 and "Filter 4 of layer 1" in tab.slow_w.plotItem.titleLabel.text
    tab.pages.setCurrentIndex(0)


def test_run_pause_step_stop(window, qtbot):
    tab = open_tab(window)
    set_speed(tab, 20)
    tab.run_pause()
    wait_step(qtbot, tab, 3)
    qtbot.waitUntil(lambda: tab._frame is not None, timeout=10000)
    pause_and_settle(qtbot, tab)
    before = step_once(qtbot, tab)
    assert tab.store.get("cnn/loss").n == before + 1
    tab.runner.stop()
    tab.reset()
    assert tab.store.get("cnn/loss") is None and tab.table.rowCount() == 0
