"""Training and validation loss against epochs (or capacity), for the Validation and
Dropout tabs: the training curve dashed, the validation curve solid, each model's lowest
validation loss starred, and where a run stopped as a vertical line."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from dlab.core.metrics import SeriesBuffer
from dlab.ui.i18n import Msg
from dlab.ui.plots import CurvePlot, pen

TRAIN, VAL, TEST = "train", "val", "test"


class TrainValPlot(CurvePlot):
    """``model(key, …)`` adds one model's curves; ``set_model`` draws them and stars the
    validation minimum (or the x given, e.g. the epoch whose weights were kept)."""

    def __init__(self, title: Msg, xlabel: Msg, ylabel: Msg, *, log_y: bool = True,
                 log_x: bool = False, symbols: bool = False,
                 key_in_title: bool = False, run_x: bool = True) -> None:
        super().__init__(title, xlabel, ylabel, log_y=log_y, key_in_title=key_in_title,
                         run_x=run_x)
        self.symbols = symbols  # a dot per point: for a few points (one per capacity)
        # log_x: the first epochs, where the validation loss falls, get as much room as
        # the many after, where it turns up. x is drawn as log10 (x >= 1), like log_y.
        self.log_x = log_x
        if log_x:  # 1, 10, 100 … under the axis (10ⁿ's small exponents are hard to read)
            major = [(float(k), f"{10 ** k:g}") for k in range(6)]
            minor = [(float(np.log10(m * 10 ** k)), "") for k in range(5) for m in range(2, 10)]
            self.plotItem.getAxis("bottom").setTicks([major, minor])
            self.x_first = 1.0  # a run's first epoch, drawn at 0
        self.stars: dict[str, pg.ScatterPlotItem] = {}
        self._starred: dict[str, tuple[float, float] | None] = {}  # where each star is drawn
        self.stop_line = pg.InfiniteLine(angle=90, pen=pen("#666666", 1.5, dashed=True))
        self.stop_line.hide()
        self.plotItem.addItem(self.stop_line, ignoreBounds=True)
        self.legend.setBrush(pg.mkBrush(255, 255, 255, 220))

    def model(self, key: str, names: dict[str, Msg], colors: str | dict[str, str]) -> None:
        """Curves for the parts named in ``names`` (TRAIN, VAL, TEST -> legend text), in
        one colour or one per part; the star takes the validation colour."""
        symbol = "o" if self.symbols else None
        for part, name in names.items():
            color = colors if isinstance(colors, str) else colors[part]
            item = self.curve(f"{key}/{part}", name, color, width=2.5 if part == VAL else 2.0,
                              dashed=part == TRAIN, symbol=symbol)
            if part == TEST:
                item.setPen(pg.mkPen(color, width=2.0, style=pg.QtCore.Qt.PenStyle.DotLine))
            if self.log_x:  # peak thinning takes x as evenly spaced: it merged the first
                item.setDownsampling(ds=1, auto=False)  # epochs (the curve began at 3)
        self.star(key, colors if isinstance(colors, str) else colors[VAL])

    def star(self, key: str, color: str) -> None:
        item = pg.ScatterPlotItem(size=18, symbol="star", brush=color, pen=pen("#000000", 1))
        item.setZValue(10)
        self.addItem(item)
        self.stars[key] = item

    def view_x(self, x: np.ndarray | float) -> np.ndarray | float:
        return np.log10(np.maximum(x, 1e-30)) if self.log_x else x

    def data_x(self, x: float) -> float:
        return 10.0 ** x if self.log_x else x

    def set_part(self, key: str, part: str, x: np.ndarray, y: np.ndarray) -> None:
        name = f"{key}/{part}"
        if len(x):
            self.set_xy(name, np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))
        elif self._shown.pop(name, None) is not None:
            self.curves[name].setData([], [])

    def set_buffer(self, key: str, part: str, buf: SeriesBuffer | None) -> None:
        self.set_series(f"{key}/{part}", buf)

    def mark(self, key: str, x: float | None, y: float | None = None) -> None:
        """Star model ``key`` at (x, y); None hides the star."""
        star = self.stars[key]
        at = None
        if x is not None and y is not None and np.isfinite(y):
            at = (float(self.view_x(x)), float(np.log10(max(abs(y), 1e-30)) if self.log_y else y))
        if self._starred.get(key, ()) == at:
            return  # where it is (a run's minimum stays put for most of its frames)
        self._starred[key] = at
        star.setData(*(([at[0]], [at[1]]) if at is not None else ([], [])))

    def mark_minimum(self, key: str, x: np.ndarray, y: np.ndarray) -> float | None:
        """Star the lowest point of (x, y); returns its x (None when empty)."""
        if not len(y):
            self.mark(key, None)
            return None
        k = int(np.argmin(y))
        self.mark(key, float(x[k]), float(y[k]))
        return float(x[k])

    def set_stop(self, x: float | None) -> None:
        if x is None:
            self.stop_line.hide()
        else:
            self.stop_line.setPos(self.view_x(x))
            self.stop_line.show()

    def clear_data(self) -> None:
        super().clear_data()
        for key in self.stars:
            self.mark(key, None)
        self.set_stop(None)
