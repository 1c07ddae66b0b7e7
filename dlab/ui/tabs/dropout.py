"""Topic 5: dropout. The same over-sized network trained twice at once, without and with
dropout: the gap between training and validation loss, the units a step switches off,
the vote of many thinned networks, and how much the units move together."""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from dlab.core.snapshot import Snapshot
from dlab.engines.dropout.frame import NETS, DropoutFrame, series
from dlab.ui.i18n import QT_TRANSLATE_NOOP, Msg, translate
from dlab.ui.image_grid import ImageGrid
from dlab.ui.labels import text_label
from dlab.ui.plots import (
    CROSS_ENTROPY,
    PALETTE,
    CurvePlot,
    LabelledPlot,
    PlotBase,
    brush,
    pen,
)
from dlab.ui.stat_plots import EmptyHint
from dlab.ui.topic_tab import TopicTab, draw_all
from dlab.ui.train_val import TrainValPlot

COLORS = {"plain": PALETTE[1], "dropout": PALETTE[0]}
NAMES = {"plain": QT_TRANSLATE_NOOP("DropoutTab", "without dropout"),
         "dropout": QT_TRANSLATE_NOOP("DropoutTab", "with dropout")}
EPOCH = QT_TRANSLATE_NOOP("DropoutTab", "epoch")
CLASS_COLORS = (PALETTE[3], PALETTE[2])  # the true class of a voted example: 0, 1


class VotesView(LabelledPlot):
    """Per example: the spread of the thinned networks' P(class 1) (a bar from the 10th to
    the 90th percentile), their mean (a dot in the colour of the true class) and the
    scaled network's answer (a black cross)."""

    def __init__(self, title: Msg, xlabel: Msg, ylabel: Msg) -> None:
        super().__init__(title, xlabel, ylabel, interactive=False)
        self.half = pg.InfiniteLine(pos=0.5, angle=0, pen=pen("#999999", 1.2, dashed=True))
        self.addItem(self.half)
        self.bars = pg.ErrorBarItem(x=np.zeros(0), y=np.zeros(0), top=np.zeros(0),
                                    bottom=np.zeros(0), beam=0.0, pen=pen("#888888", 2.0))
        self.addItem(self.bars)
        self.means = pg.ScatterPlotItem(size=9, pen=pen("#FFFFFF", 0.8))
        self.single = pg.ScatterPlotItem(size=10, symbol="x", brush="#000000",
                                         pen=pen("#000000", 1.0))
        self.addItem(self.means)
        self.addItem(self.single)
        self.plotItem.setYRange(0, 1, padding=0.03)
        self.retranslate()

    def set_votes(self, mean: np.ndarray, lo: np.ndarray, hi: np.ndarray,
                  single: np.ndarray, label: np.ndarray) -> None:
        x = np.arange(1, len(mean) + 1, dtype=np.float64)
        self.bars.setData(x=x, y=mean, top=hi - mean, bottom=mean - lo, beam=0.0)
        self.means.setData(x, mean, brush=[brush(CLASS_COLORS[int(c)]) for c in label])
        self.single.setData(x, single)
        self.plotItem.setXRange(0.3, max(len(x), 1) + 0.7, padding=0)

    def clear_data(self) -> None:
        empty = np.zeros(0)
        self.bars.setData(x=empty, y=empty, top=empty, bottom=empty)
        self.means.setData([], [])
        self.single.setData([], [])


def unit_grids(units: np.ndarray) -> list[np.ndarray]:
    """One square-ish image per layer: a dropped unit is -1, a kept one its activation
    scaled into [0, 1] by the layer's largest (0: silent), padding 0."""
    layers, hidden = units.shape
    cols = math.ceil(math.sqrt(hidden))
    rows = math.ceil(hidden / cols)
    out = []
    for row in units:
        kept = row[~np.isnan(row)]
        top = float(kept.max()) if len(kept) and kept.max() > 0 else 1.0
        cells = np.where(np.isnan(row), -1.0, np.clip(row / top, 0.0, 1.0))
        out.append(np.pad(cells, (0, rows * cols - hidden)).reshape(rows, cols))
    return out


class DropoutTab(TopicTab):
    def build_view(self, parent: QWidget) -> None:
        self._frame: DropoutFrame | None = None
        self.head = text_label(13, bold=True, wrap=True)
        self.loss_plot = TrainValPlot(
            QT_TRANSLATE_NOOP("DropoutTab", "Training and validation loss"), EPOCH,
            CROSS_ENTROPY)
        for name in NETS:
            self.loss_plot.model(name, {"train": NAMES[name], "val": NAMES[name]},
                                 COLORS[name])
        self.loss_plot.legend.hide()  # four curves: the key under the plots says which
        self.gap_plot = CurvePlot(QT_TRANSLATE_NOOP("DropoutTab", "Gap: validation − training"),
                                  EPOCH, QT_TRANSLATE_NOOP("DropoutTab", "loss difference"))
        self.co_plot = CurvePlot(QT_TRANSLATE_NOOP("DropoutTab", "Co-adaptation"), EPOCH,
                                 QT_TRANSLATE_NOOP("DropoutTab", "mean |correlation|"))
        self.acc_plot = CurvePlot(QT_TRANSLATE_NOOP("DropoutTab", "Validation accuracy"), EPOCH,
                                  QT_TRANSLATE_NOOP("DropoutTab", "accuracy"))
        for plot in (self.gap_plot, self.co_plot, self.acc_plot):
            for name in NETS:
                plot.curve(name, NAMES[name], COLORS[name], width=2.0)
            plot.legend.hide()
        self.units = ImageGrid(QT_TRANSLATE_NOOP("DropoutTab", "Hidden units in this step"),
                               columns=4, levels=(-1.0, 1.0), lut="diverging")
        self.votes = VotesView(QT_TRANSLATE_NOOP("DropoutTab", "Votes of thinned networks"),
                               QT_TRANSLATE_NOOP("DropoutTab", "most disputed examples"),
                               QT_TRANSLATE_NOOP("DropoutTab", "P(class 1)"))
        EmptyHint(self.loss_plot, QT_TRANSLATE_NOOP(
            "DropoutTab", "Press Run: both networks' training (dashed) and validation loss."))
        EmptyHint(self.gap_plot, QT_TRANSLATE_NOOP(
            "DropoutTab", "How far the validation loss lies above the training loss."))
        EmptyHint(self.co_plot, QT_TRANSLATE_NOOP(
            "DropoutTab", "How much the last layer's units move together."))
        EmptyHint(self.acc_plot, QT_TRANSLATE_NOOP(
            "DropoutTab", "Share of validation examples classified right."))
        EmptyHint(self.units, QT_TRANSLATE_NOOP(
            "DropoutTab", "Which units the current step switches off."))
        EmptyHint(self.votes, QT_TRANSLATE_NOOP(
            "DropoutTab", "Many dropout masks vote at test time."))
        self.key = QLabel()
        self.key.setWordWrap(True)
        self.units_note = QLabel()
        self.units_note.setWordWrap(True)
        self.votes_note = QLabel()
        self.votes_note.setWordWrap(True)

        # A plot's size hint follows its size, which makes a layout keep any imbalance it
        # once had; ignoring the hints lets the rows share the height by their stretch.
        for plot in (self.loss_plot, self.gap_plot, self.co_plot, self.units, self.votes,
                     self.acc_plot):
            plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        top, bottom = QHBoxLayout(), QHBoxLayout()
        for plot in (self.loss_plot, self.gap_plot, self.co_plot):
            top.addWidget(plot, 1)
        for plot, note in ((self.units, self.units_note), (self.votes, self.votes_note),
                           (self.acc_plot, None)):
            box = QVBoxLayout()
            box.addWidget(plot, 1)
            if note is not None:
                box.addWidget(note)
            bottom.addLayout(box, 1)
        lay = QVBoxLayout(parent)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.head)
        lay.addLayout(top, 1)
        lay.addWidget(self.key)
        lay.addLayout(bottom, 1)

    # --- drawing ----------------------------------------------------------------------
    def draw(self, snap: Snapshot[DropoutFrame]) -> Iterator[None]:
        store = self.store
        started = store.get(series("plain", "val_loss")) is not None
        losses = {name: (store.get(series(name, "train_loss")),
                         store.get(series(name, "val_loss"))) for name in NETS}
        for name, (train, val) in losses.items():
            self.loss_plot.set_buffer(name, "train", train)
            self.loss_plot.set_buffer(name, "val", val)
            if val is not None and val.n:
                self.loss_plot.mark_minimum(name, val.x, val.y)
        self._show_hints(self.loss_plot, started)
        yield
        for name, (train, val) in losses.items():
            if val is not None and val.n:
                n = min(train.n, val.n)
                self.gap_plot.set_xy(name, val.x[:n], val.y[:n] - train.y[:n])
        self._show_hints(self.gap_plot, started)
        yield
        for name in NETS:
            self.co_plot.set_series(name, store.get(series(name, "coadaptation")))
        self._show_hints(self.co_plot, started)
        yield
        for name in NETS:
            self.acc_plot.set_series(name, store.get(series(name, "val_acc")))
        self._show_hints(self.acc_plot, started)
        if snap.frame is not None:
            self._frame = snap.frame
            yield
            yield from self._draw_frame(snap.frame)
        self._show_head()

    @staticmethod
    def _show_hints(plot: PlotBase, started: bool) -> None:
        for hint in plot.hints:
            hint.set_empty(not started)

    def _draw_frame(self, f: DropoutFrame) -> Iterator[None]:
        if f.epoch:
            captions = [translate("DropoutTab", "layer {0}").format(k + 1)
                        for k in range(len(f.units))]
            self.units.set_images(unit_grids(f.units), captions)
            for hint in self.units.hints:
                hint.set_empty(False)
        self.units_note.setText(translate(
            "DropoutTab", "Red: active, white: silent, blue: dropped. {0:.0%} of the units "
                          "were dropped in this step (p = {1:.2f}).").format(
            f.dropped_share, f.p))
        yield
        if f.votes_epoch:
            self.votes.set_votes(f.vote_mean, f.vote_lo, f.vote_hi, f.vote_single,
                                 f.vote_label)
            for hint in self.votes.hints:
                hint.set_empty(False)
            self.votes_note.setText(translate(
                "DropoutTab", "After epoch {0}: the vote of {1} masks is right on {2:.1%} of "
                              "the validation set, the scaled network alone on {3:.1%}.")
                .format(f.votes_epoch, self.params().mc_samples, f.mc_acc, f.single_acc))

    def _show_head(self) -> None:
        gaps = []
        for name in NETS:
            val = self.store.last(series(name, "val_loss"))
            train = self.store.last(series(name, "train_loss"))
            if val is None or train is None:
                continue
            label = f"<span style='color:{COLORS[name]}'>{NAMES[name].text()}</span>"
            gaps.append(f"{label} {val - train:.2f}")
        if not gaps:
            self.head.setText(translate(
                "DropoutTab", "One over-sized network, trained twice from the same first "
                              "weights: without and with dropout. Press Run."))
            return
        epoch = self._frame.epoch if self._frame is not None else self.last_step
        self.head.setText(translate(
            "DropoutTab", "Epoch {0} of {1} · gap between validation and training loss: {2}")
            .format(epoch, self.params().epochs, ",  ".join(gaps)))

    def clear_view(self) -> None:
        super().clear_view()
        self._frame = None
        self.units_note.setText("")
        self.votes_note.setText("")
        self._show_head()

    def retranslate_view(self) -> None:
        parts = [f"<span style='color:{COLORS[name]}; font-weight:bold'>━━</span>&nbsp;"
                 f"{NAMES[name].text()}" for name in ("dropout", "plain")]
        parts.append(translate("DropoutTab", "loss: dashed = training, solid = validation; "
                                             "★ lowest validation loss"))
        self.key.setText("&nbsp;&nbsp;&nbsp;".join(parts))
        if self._frame is not None:
            draw_all(self._draw_frame(self._frame))
        self._show_head()
