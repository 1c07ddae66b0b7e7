"""A 1-D regression drawn with its data split three ways, which the mouse can edit:
click to add a point, drag a point to move it, right-click (or Shift+click) to remove it.

Qt view only: the tab turns an edit into parameters and hands them to the run.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal

from dlab.core.splits import SPLITS, TEST, TRAIN, VAL
from dlab.ui.i18n import Msg
from dlab.ui.plots import MIN_PLOT_H, PALETTE, LabelledPlot, pen

SPLIT_COLORS = {TRAIN: PALETTE[0], VAL: PALETTE[1], TEST: PALETTE[2]}
KEPT_COLOR = PALETTE[3]  # the kept model: the weights a choice keeps
FIT_COLOR = "#333333"  # the model now
SPLIT_SYMBOLS = {TRAIN: "o", VAL: "s", TEST: "t"}
HIT_PX = 12  # a press this close to a point takes the point
CLIP = 50.0  # curves are clipped here: a wild polynomial would only make huge paths


class _EditBox(pg.ViewBox):
    """Sends clicks and drags to the view instead of panning and zooming."""

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self.editor: PointsView | None = None
        self.setMouseEnabled(False, False)

    def mouseClickEvent(self, ev) -> None:  # noqa: N802, ANN001 (pyqtgraph's name, event)
        if self.editor is not None and self.editor.editable:
            ev.accept()
            self.editor.clicked(ev.scenePos(), ev.button(), ev.modifiers())
        else:
            super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev, axis=None) -> None:  # noqa: N802, ANN001
        if self.editor is None or not self.editor.editable:
            ev.ignore()
            return
        ev.accept()
        if ev.isStart():
            self.editor.drag_start(ev.buttonDownScenePos())
        self.editor.drag_to(ev.scenePos(), finish=ev.isFinish())


class PointsView(LabelledPlot):
    """Points coloured by split, the source function, the model now and the kept model.
    ``edited`` carries the whole edited data set (x, y, split) when an edit is done."""

    edited = Signal(object, object, object)

    def __init__(self, title: Msg, xlabel: Msg, ylabel: Msg,
                 x_range: tuple[float, float]) -> None:
        self._box = _EditBox()
        super().__init__(title, xlabel, ylabel, view_box=self._box)
        self._box.editor = self
        self.editable = True
        self.add_split = TRAIN  # where a clicked point goes
        self.x_range = x_range
        self.x = np.zeros(0)
        self.y = np.zeros(0)
        self.split = np.zeros(0, dtype=np.int8)
        self._dragged: int | None = None
        self._drawn: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # each curve as drawn
        self.truth = self.plotItem.plot([], [], pen=pen("#888888", 2.0, dashed=True))
        self.chosen = self.plotItem.plot([], [], pen=pen(KEPT_COLOR, 3.0))
        self.fit = self.plotItem.plot([], [], pen=pen(FIT_COLOR, 1.8))
        self.dots = {}
        for k in range(len(SPLITS)):
            color = SPLIT_COLORS[k]
            hollow = k == TEST  # the test points are there, but nobody looks at them
            self.dots[k] = pg.ScatterPlotItem(
                size=11 if k != TEST else 12, symbol=SPLIT_SYMBOLS[k],
                brush=None if hollow else pg.mkBrush(color),
                pen=pen(color, 2.0) if hollow else pen("#FFFFFF", 1.0))
            self.dots[k].setZValue(5)
            self.addItem(self.dots[k])
        # The points and the source stay as they are through a run while the models move
        # over them: each is painted once into a pixmap, then the pixmap is shown (stroking
        # the dashed source and the points again was a third of a frame's paint).
        for item in (*self.dots.values(), self.truth.curve):
            item.setCacheMode(pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.plotItem.setMenuEnabled(False)
        self.plotItem.hideButtons()
        self.setMinimumSize(MIN_PLOT_H, MIN_PLOT_H)
        self.set_y_range(-2.5, 2.5)
        self.retranslate()

    # --- drawing ----------------------------------------------------------------------
    def set_y_range(self, lo: float, hi: float) -> None:
        self.y_range = (lo, hi)
        x0, x1 = self.x_range
        pad = 0.04 * (x1 - x0)
        self.plotItem.setRange(xRange=(x0 - pad, x1 + pad), yRange=(lo, hi), padding=0)

    def set_points(self, x: np.ndarray, y: np.ndarray, split: np.ndarray) -> None:
        if self._dragged is not None:
            return  # the mouse owns the points until the drag ends
        x, y, split = np.asarray(x, float), np.asarray(y, float), np.asarray(split, np.int8)
        if all(np.array_equal(a, b) for a, b in ((x, self.x), (y, self.y),
                                                 (split, self.split))):
            return  # as drawn: every frame of a run brings the same points
        self.x, self.y, self.split = x.copy(), y.copy(), split.copy()
        self._draw_points()

    def _draw_points(self) -> None:
        for k, dots in self.dots.items():
            sel = self.split == k
            dots.setData(self.x[sel], self.y[sel])

    def set_curves(self, grid: np.ndarray, truth: np.ndarray, fit: np.ndarray,
                   chosen: np.ndarray) -> None:
        self._show("truth", grid, truth)
        for name, y in (("fit", fit), ("chosen", chosen)):
            if len(y):
                self._show(name, grid, np.clip(y, -CLIP, CLIP))
            else:
                self._show(name, [], [])

    def _show(self, name: str, x: np.ndarray | list, y: np.ndarray | list) -> None:
        """Curve ``name`` through (x, y), unless it shows them already: a frame brings the
        same source curve every time, and the same kept model most of the time (each
        setData makes the curve's path and paints it again)."""
        x, y = np.asarray(x, float), np.asarray(y, float)
        drawn = self._drawn.get(name)
        if drawn is not None and np.array_equal(drawn[0], x) and np.array_equal(drawn[1], y):
            return
        self._drawn[name] = (x.copy(), y.copy())
        getattr(self, name).setData(x, y)

    def clear_data(self) -> None:
        """Forget the models and the true curve, as before the first run; the data stay
        (they belong to the parameters, not the run)."""
        for name in ("truth", "fit", "chosen"):
            self._show(name, [], [])

    # --- editing ----------------------------------------------------------------------
    def _nearest(self, scene_pos: QPointF) -> int | None:
        if not len(self.x):
            return None
        vb = self.plotItem.getViewBox()
        pts = [vb.mapViewToScene(QPointF(float(a), float(b))) for a, b in zip(self.x, self.y,
                                                                            strict=True)]
        d = np.array([(p.x() - scene_pos.x()) ** 2 + (p.y() - scene_pos.y()) ** 2
                      for p in pts])
        k = int(np.argmin(d))
        return k if d[k] <= HIT_PX ** 2 else None

    def _to_data(self, scene_pos: QPointF) -> tuple[float, float]:
        p = self.plotItem.getViewBox().mapSceneToView(scene_pos)
        x = float(np.clip(p.x(), *self.x_range))
        y = float(np.clip(p.y(), *self.y_range))
        return x, y

    def clicked(self, scene_pos: QPointF, button: Qt.MouseButton,
                modifiers: Qt.KeyboardModifier) -> None:
        k = self._nearest(scene_pos)
        remove = button == Qt.MouseButton.RightButton or (
            modifiers & Qt.KeyboardModifier.ShiftModifier)
        if remove:
            if k is None:
                return
            keep = np.arange(len(self.x)) != k
            self._emit(self.x[keep], self.y[keep], self.split[keep])
        elif button == Qt.MouseButton.LeftButton and k is None:
            x, y = self._to_data(scene_pos)
            self._emit(np.append(self.x, x), np.append(self.y, y),
                       np.append(self.split, np.int8(self.add_split)))

    def drag_start(self, scene_pos: QPointF) -> None:
        self._dragged = self._nearest(scene_pos)

    def drag_to(self, scene_pos: QPointF, finish: bool) -> None:
        k = self._dragged
        if k is None:
            return
        self.x[k], self.y[k] = self._to_data(scene_pos)
        self._draw_points()
        if finish:
            self._dragged = None
            self._emit(self.x.copy(), self.y.copy(), self.split.copy())

    def _emit(self, x: np.ndarray, y: np.ndarray, split: np.ndarray) -> None:
        self.edited.emit(x, y, split.astype(np.int8))
