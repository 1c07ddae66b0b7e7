"""The CNN tab runs, draws its curves, counts, filters and feature maps; a click on a
feature map outlines its receptive field; a drawn digit is classified; the slow-motion
convolution slides; pause and step work."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from dlab import registry
from dlab.ui import layer_diagram
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
    assert list(tab.counts.bars.opts["y1"]) == [9_098, 79_510]  # CNN and MLP side by side
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
    assert "sum of the 25 products" in tab.sum_line.text()
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
    assert tab.store.get("cnn/loss") is None
    assert tab.table.rowCount() == 5 + 2, "the settings' network stays described"


def diagram_on_screen(window, qtbot, size=(1024, 700), **changes):
    """The CNN tab's layers page at a projector's size, with ``changes`` set (no run)."""
    window.resize(*size)
    tab = open_tab(window, **changes)
    tab.pages.setCurrentIndex(1)
    qtbot.waitUntil(lambda: tab.diagram.isVisible() and tab.diagram.height() > 100)
    return tab


def test_the_picture_draws_each_layer_to_the_scale_of_its_output(window, qtbot):
    """Issue 12: the architecture as a picture. Each block's face is as tall as its maps
    (one scale for all), its depth grows as √channels, the classifier is a thin bar as
    tall as its 10 outputs, the k×k window is k/side of the face it slides on, and the
    blocks go left to right without touching, inside the widget."""
    tab = diagram_on_screen(window, qtbot)
    layers = tab._layers_shown[0]
    blocks, boxes = tab.diagram.blocks, tab.diagram.boxes()
    assert [b.shape for b in blocks] == [(1, 28, 28)] + [tuple(x["out_shape"]) for x in layers]
    assert [b.kind for b in blocks] == ["input", "conv", "pool", "conv", "pool", "linear"]
    unit = boxes[0].h / 28
    assert unit >= 1  # at 1024×700, under a scene's narration too: a map pixel gets a pixel
    for block, box in zip(blocks[:-1], boxes[:-1], strict=True):
        c, h, w = block.shape
        assert np.isclose(box.h, h * unit) and np.isclose(box.w, w * unit)
        assert np.isclose(box.dx, 2.0 * np.sqrt(c) * unit)  # DEPTH units per √channel
    assert np.isclose(boxes[1].h, 2 * boxes[2].h)  # pooling halves the side: 28 → 14
    assert boxes[3].dx > boxes[1].dx  # conv2 has 16 channels, conv1 8
    bar = boxes[-1]
    assert bar.dx == 0 and np.isclose(bar.h, 10 * unit) and bar.w < min(b.w for b in boxes[:-1])
    for a, b in zip(boxes, boxes[1:], strict=False):
        assert a.right < b.x, "blocks in order, apart"
    for box in boxes:
        assert box.x >= 0 and box.right <= tab.diagram.width()
        assert box.top >= 0 and box.y + box.h < box.text_top
        text_bottom = box.text_top + 4 * tab.diagram.line_height()  # name, shape, counts
        assert text_bottom <= tab.diagram.height(), "no line of text cut off"
    window_side = layer_diagram.window_rect(blocks[0], boxes[0], 3)[2]
    assert np.isclose(window_side, 3 / 28 * boxes[0].h)
    # Under each block its name, shape and parameters; a convolution's FC count beside.
    assert tab.diagram.shown_lines()[1] == ["conv1", "8×28×28", "80", "4.92M"]
    assert tab.diagram.shown_lines()[-1] == ["linear", "10", "7,850"]


def test_the_picture_and_table_follow_the_settings(window, qtbot):
    """Changing channels, kernel size and conv layers redraws the picture, the table and
    the counts before any run: conv = C_in·C_out·k·k + C_out, linear = n_in·n_out + n_out."""
    tab = diagram_on_screen(window, qtbot)
    tab.set_params(tab.params().replace(channels=16, kernel_size=5, conv_layers=3))
    blocks, boxes = tab.diagram.blocks, tab.diagram.boxes()
    assert [b.shape for b in blocks[1:]] == [
        (16, 28, 28), (16, 14, 14), (32, 14, 14), (32, 7, 7), (64, 7, 7), (64, 3, 3), (10,)]
    assert [b.kernel for b in blocks if b.kind == "conv"] == [5, 5, 5]
    assert np.isclose(layer_diagram.window_rect(blocks[2], boxes[2], 5)[2], 5 / 14 * boxes[2].h)
    assert tab.table.rowCount() == 7 + 2
    assert tab.table.item(0, 2).text() == f"{1 * 16 * 25 + 16:,}"
    assert tab.table.item(0, 3).text() == f"{784 * 16 * 784 + 16 * 784:,}"
    assert tab.diagram.shown_lines()[1][2:] == ["416", "9.85M"]
    assert list(tab.counts.bars.opts["y1"]) == [416 + 12_832 + 51_264 + 5_770, 79_510]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_label_of_the_largest_picture_fits_its_column(window, qtbot, lang):
    """Three conv layers of up to 128 channels and 7×7 kernels, at 1024×700, in English and
    Korean: every block fits its column and no text under a block is cut short."""
    window.set_language(lang)
    tab = diagram_on_screen(window, qtbot, channels=32, kernel_size=7, conv_layers=3)
    boxes = tab.diagram.boxes()
    assert len(boxes) == 8
    for box in boxes:
        left, right = box.column
        assert left <= box.x and box.right <= right
    given = [[line.text for line in block.lines] for block in tab.diagram.blocks]
    assert tab.diagram.shown_lines() == given


def test_the_picture_keeps_room_for_its_text_when_presentation_mode_toggles(window, qtbot):
    """F5 makes every text larger: the diagram's minimum height follows at once, so no line
    under a block is cut off (it kept the small text's minimum until the settings changed),
    and shrinks back when F5 is pressed again."""
    tab = diagram_on_screen(window, qtbot, size=(1920, 1080))
    lines = max(len(b.lines) for b in tab.diagram.blocks)
    normal = tab.diagram.minimumHeight()
    window.set_presentation(True, full_screen=False)
    try:
        assert tab.diagram.minimumHeight() >= lines * tab.diagram.line_height() + (
            layer_diagram.MIN_BLOCK_PX)
        assert tab.diagram.minimumHeight() > normal
    finally:
        window.set_presentation(False, full_screen=False)
    assert tab.diagram.minimumHeight() == normal


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_slow_convolution_is_shown_whole_at_1024_by_700(qtbot, lang):
    """The convolution in slow motion on a 1024×700 projector: the table of the k×k products
    and the sum under it are not cut off (the table lost its right column and the sum its
    last lines)."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication

    from tests.ui.conftest import projector_window

    w = projector_window(qtbot, "cnn", lang)
    tab = w.current_tab()
    tab.run_inline("run", 2)
    tab.pages.setCurrentIndex(2)
    tab._advance_window()
    QApplication.processEvents()
    doc = QTextDocument()
    doc.setDefaultFont(tab.sums.font())
    doc.setHtml(tab.sums.text())
    doc.setTextWidth(1)  # the table at its least width
    table = doc.rootFrame().childFrames()[0]
    width = doc.documentLayout().frameBoundingRect(table).width()
    assert width <= tab.sums.width(), f"a {width:.0f} px table in {tab.sums.width()} px"
    doc.setTextWidth(tab.sums.width())
    assert doc.size().height() <= tab.sums.height() + 1, (
        f"{doc.size().height():.0f} px of text in {tab.sums.height()} px")
    line = tab.sum_line  # the sum under the pictures, whole
    assert "products" in line.text() or "곱" in line.text()
    assert line.heightForWidth(line.width()) <= line.height() + 1
    w.close()
