"""The shared image grid: cells made once and updated in place, fixed levels, clicks
mapped to the pixel under the mouse, a marked block of pixels."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt

from dlab.ui.i18n import Msg
from dlab.ui.image_grid import ImageGrid


def _grid(qtbot, **kw) -> ImageGrid:
    grid = ImageGrid(Msg("tests", "Digits"), columns=3, **kw)
    qtbot.addWidget(grid)
    grid.resize(400, 300)
    grid.show()
    qtbot.waitExposed(grid)
    return grid


def test_cells_are_reused_and_hidden(qtbot) -> None:
    grid = _grid(qtbot)
    grid.set_images(np.random.default_rng(0).random((5, 28, 28)), [str(i) for i in range(5)])
    first = list(grid.cells)
    assert len(first) == 5 and all(c.isVisible() for c in first)
    grid.set_images(np.zeros((2, 7, 7)))
    assert grid.cells[:5] == first  # the same items, updated
    assert [c.isVisible() for c in grid.cells] == [True, True, False, False, False]
    assert grid.captions[0].toPlainText() == ""
    grid.set_images([np.zeros((7, 7)), None, np.zeros((7, 7))])  # a gap in the row
    assert [c.isVisible() for c in grid.cells] == [True, False, True, False, False]
    assert grid.pixel_at(1.12 + 0.5, 0.5) is None
    grid.close()


def test_image_fills_its_cell_whatever_its_size(qtbot) -> None:
    grid = _grid(qtbot)
    for side in (28, 7, 14):
        grid.set_images([np.zeros((side, side)), np.zeros((3, 3))])
        for cell in (0, 1):
            box = grid.cells[cell].mapRectToParent(grid.cells[cell].boundingRect())
            x, y = grid.cell_origin(cell)
            assert np.allclose([box.x(), box.y(), box.width(), box.height()], [x, y, 1, 1])
    grid.close()


def test_levels_stay_fixed(qtbot) -> None:
    grid = _grid(qtbot, levels=(-1.0, 1.0), lut="diverging")
    grid.set_images([np.full((3, 3), 0.1)])
    assert tuple(grid.cells[0].levels) == (-1.0, 1.0)
    grid.set_images([np.full((3, 3), 0.1)], levels=(0.0, 0.5))
    assert tuple(grid.cells[0].levels) == (0.0, 0.5)
    grid.close()


def test_row_zero_is_drawn_at_the_top(qtbot) -> None:
    grid = _grid(qtbot)
    img = np.zeros((28, 28))
    img[0, :] = 1.0  # a line along the top row
    grid.set_images([img])
    qtbot.wait(50)
    top = grid.cells[0].mapToScene(pg_point(0.5, 0.02))
    bottom = grid.cells[0].mapToScene(pg_point(0.5, 27.9))
    assert top.y() < bottom.y()
    grid.close()


def pg_point(x: float, y: float):  # noqa: ANN201
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


def test_click_gives_cell_and_pixel(qtbot) -> None:
    grid = _grid(qtbot)
    grid.set_images([np.zeros((28, 28)), np.zeros((14, 14)), np.zeros((7, 7))])
    qtbot.wait(50)
    assert grid.pixel_at(1.12 + 0.5, 0.25) == (1, 3, 7)  # cell 1: 14 pixels a side
    assert grid.pixel_at(1.05, 0.5) is None  # the gap between cells
    vb = grid.plotItem.getViewBox()
    x, y = grid.cell_origin(2)
    scene = vb.mapViewToScene(pg_point(x + 0.3, y + 0.8))
    widget = grid.mapFromScene(scene)
    with qtbot.waitSignal(grid.clicked, timeout=2000) as hit:
        qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(round(widget.x()), round(widget.y())))
    assert hit.args == [2, 5, 2]
    grid.close()


def test_mark_outlines_pixels_clipped_to_the_image(qtbot) -> None:
    grid = _grid(qtbot)
    grid.set_images([np.zeros((28, 28)), np.zeros((14, 14))])
    grid.mark(1, 12, -1, 3, 3)  # runs off the bottom and the left edge
    rect = grid.marker.rect()
    x, y = grid.cell_origin(1)
    assert grid.marker.isVisible()
    assert np.allclose([rect.x(), rect.y(), rect.width(), rect.height()],
                       [x, y + 12 / 14, 2 / 14, 2 / 14])
    grid.mark(5, 0, 0, 1, 1)  # no such cell shown
    assert not grid.marker.isVisible()
    grid.close()


def test_row_labels_keep_clear_of_the_next_row_in_a_short_grid(qtbot) -> None:
    """CycleGAN's rows at 1024×700: eight small cells a row, a label under each row's first
    cell. Each label stays inside the plot and above the next row's cells (the next row
    covered "x" and "G(x)", and "F(G(x))" was cut at the bottom)."""
    grid = ImageGrid(Msg("tests", "x → G(x) → F(G(x))"), columns=8, caption_left=True)
    qtbot.addWidget(grid)
    grid.resize(300, 190)
    grid.show()
    qtbot.waitExposed(grid)
    images = [np.zeros((16, 16))] * 24
    captions = [name if k % 8 == 0 else "" for name in ("x", "G(x)", "F(G(x))")
                for k in range(8)]
    grid.set_images(images, captions)
    qtbot.wait(50)
    view = grid.plotItem.getViewBox().sceneBoundingRect()
    for row in range(3):
        text = grid.captions[8 * row].textItem
        margin = text.document().documentMargin()  # the glyphs start inside it
        label = text.mapRectToScene(text.boundingRect().adjusted(margin, margin, -margin,
                                                                 -margin))
        assert view.contains(label), (captions[8 * row], label, view)
        if row < 2:
            frame = grid.frames[8 * (row + 1)]
            below = frame.mapRectToScene(frame.rect())
            assert label.bottom() <= below.top(), (captions[8 * row], label, below)
    grid.close()
