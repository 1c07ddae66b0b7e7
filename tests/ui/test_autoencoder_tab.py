"""The Autoencoder tab runs and draws its errors, reconstructions and latent map; a click
on the map decodes that point; a larger latent is drawn as a projection; pause and step."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt

from dlab import registry
from dlab.engines.autoencoder.maps import decode_map_point
from tests.ui.conftest import STEP_MS, pause_and_settle, set_speed, step_once, wait_step


def open_tab(window, **changes):
    index = registry.ids().index("autoencoder")
    tab = window.tab_at(index)
    window.tabs_widget.setCurrentIndex(index)  # the tab sits in a page of its own
    tab.set_params(tab.params().replace(**changes))
    assert tab.isVisible()
    return tab


def test_two_epochs_draw_everything_and_a_click_decodes(window, qtbot):
    tab = open_tab(window, epochs=2)
    tab.run_inline()
    assert list(tab.store.get("val_loss").x) == [1, 2]
    pca = tab.loss_plot.curves["pca_loss"]
    assert list(pca.xData) == [1, 2] and pca.yData[0] == pca.yData[1]
    assert sum(c.isVisible() for c in tab.recon.cells) == 20  # ten digits, ten rebuilt
    assert len(tab.map.dots.data) == 500
    assert "Epoch 2" in tab.head.text()
    # A real click on the map, at a point away from the middle.
    vb = tab.map.plotItem.getViewBox()
    (x0, x1), (y0, y1) = vb.viewRange()
    target = QPointF(x0 + 0.8 * (x1 - x0), y0 + 0.3 * (y1 - y0))
    at = tab.map.mapFromScene(vb.mapViewToScene(target))
    with qtbot.waitSignal(tab.map.clicked, timeout=2000):
        qtbot.mouseClick(tab.map.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(at.x(), at.y()))
    x, y = tab._point
    assert abs(x - target.x()) < 0.05 * (x1 - x0) and abs(y - target.y()) < 0.05 * (y1 - y0)
    f = tab._frame
    shown = tab.decoded.cells[0].image.T  # col-major: back to rows
    assert shown.shape == (28, 28)
    assert np.allclose(shown, decode_map_point(f.map_mean, f.map_axes, f.decoder, x, y))
    assert list(tab.map.cross.data["x"]) == [x]
    assert f"({x:.2f}, {y:.2f})" in tab.decoded.plotItem.titleLabel.text
    tab.reset()
    assert tab._frame is None and len(tab.map.dots.data) == 0


def test_a_larger_latent_is_drawn_as_a_projection(window, qtbot):
    tab = open_tab(window, epochs=1, latent_dim=8)
    tab.run_inline()
    assert "8-D" in tab.map.plotItem.titleLabel.text
    assert tab._frame.latent.shape == (500, 8) and len(tab.map.dots.data) == 500


def test_run_pause_step_stop(window, qtbot):
    tab = open_tab(window, epochs=5)
    set_speed(tab, 20)
    tab.run_pause()
    wait_step(qtbot, tab, 1, timeout=STEP_MS)  # the first step: an epoch
    pause_and_settle(qtbot, tab)
    before = step_once(qtbot, tab)
    assert tab.store.get("train_loss").n == before + 1
    tab.runner.stop()
    tab.reset()
    assert tab.store.get("train_loss") is None
