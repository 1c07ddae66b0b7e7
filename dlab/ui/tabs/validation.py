"""Topic 3: training, validation and test sets. Overfitting seen live, the epoch and the
capacity chosen by validation loss, and a test set that stays locked until the end."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dlab.core.metrics import SeriesBuffer
from dlab.core.params import ParamError
from dlab.core.snapshot import Snapshot
from dlab.core.splits import TEST, TRAIN, VAL
from dlab.engines.validation.data import make_points
from dlab.engines.validation.frame import (
    TEST_LOSS,
    TRAIN_LOSS,
    VAL_LOSS,
    SweepFrame,
    ValidationFrame,
)
from dlab.engines.validation.params import X_RANGE, ValidationParams, format_points
from dlab.ui.i18n import QT_TRANSLATE_NOOP, translate
from dlab.ui.labels import text_label
from dlab.ui.messages import param_error
from dlab.ui.plots import LabelledPlot
from dlab.ui.points_view import FIT_COLOR, KEPT_COLOR, SPLIT_COLORS, PointsView
from dlab.ui.stat_plots import BarChart, EmptyHint
from dlab.ui.topic_tab import TopicTab
from dlab.ui.train_val import TrainValPlot

PART_COLORS = {"train": SPLIT_COLORS[TRAIN], "val": SPLIT_COLORS[VAL],
               "test": SPLIT_COLORS[TEST]}
SPLIT_NAMES = (QT_TRANSLATE_NOOP("ValidationTab", "training"),
               QT_TRANSLATE_NOOP("ValidationTab", "validation"),
               QT_TRANSLATE_NOOP("ValidationTab", "test"))
CURVE_NAMES = {"train": SPLIT_NAMES[TRAIN], "val": SPLIT_NAMES[VAL],
               "test": QT_TRANSLATE_NOOP("ValidationTab", "test (peeking)")}
MSE = QT_TRANSLATE_NOOP("ValidationTab", "mean squared error")
CURVE_KEY = ((QT_TRANSLATE_NOOP("ValidationTab", "source"), "#888888", "╍╍"),
             (QT_TRANSLATE_NOOP("ValidationTab", "model now"), FIT_COLOR, "━━"),
             (QT_TRANSLATE_NOOP("ValidationTab", "kept model"), KEPT_COLOR, "━━"))
NEW_DATA_COLOR = "#999999"
# Edits of these bring new generated data (the mouse-edited points are dropped).
DATA_FIELDS = ("dataset_size", "noise", "val_fraction", "test_fraction")


def value_at(buf: SeriesBuffer | None, step: int) -> float | None:
    """The value recorded at ``step`` (the latest, if recorded twice)."""
    if buf is None or step <= 0:
        return None
    hits = np.flatnonzero(buf.x == step)
    return float(buf.y[hits[-1]]) if len(hits) else None


class ValidationTab(TopicTab):
    def build_view(self, parent: QWidget) -> None:
        self._frame: ValidationFrame | SweepFrame | None = None
        self.head = text_label(13, bold=True, wrap=True)
        self.points = PointsView(QT_TRANSLATE_NOOP("ValidationTab", "Data and model"),
                                 QT_TRANSLATE_NOOP("ValidationTab", "x"),
                                 QT_TRANSLATE_NOOP("ValidationTab", "y"), X_RANGE)
        self.points.edited.connect(self._on_edited)
        self.key = QLabel()
        self.key.setWordWrap(True)

        self.loss_plot = TrainValPlot(QT_TRANSLATE_NOOP("ValidationTab", "Loss per epoch"),
                                      QT_TRANSLATE_NOOP("ValidationTab", "epoch (log scale)"),
                                      MSE, log_x=True, key_in_title=True)
        self.sweep_plot = TrainValPlot(
            QT_TRANSLATE_NOOP("ValidationTab", "Loss against capacity"),
            QT_TRANSLATE_NOOP("ValidationTab", "capacity (polynomial degree)"), MSE,
            symbols=True, run_x=False)
        for plot in (self.loss_plot, self.sweep_plot):
            plot.model("m", CURVE_NAMES, PART_COLORS)
            plot.star("peek", PART_COLORS["test"])
        # The epoch plot's curves cross every corner of it: its key is under the title.
        self.results = BarChart(QT_TRANSLATE_NOOP("ValidationTab", "The kept weights"),
                                QT_TRANSLATE_NOOP("ValidationTab", "measured on"), MSE,
                                value_fmt="{:.3f}")
        self.results_note = QLabel()
        self.results_note.setWordWrap(True)
        EmptyHint(self.loss_plot, QT_TRANSLATE_NOOP(
            "ValidationTab", "Press Run: the training and validation loss, epoch by epoch."))
        EmptyHint(self.results, QT_TRANSLATE_NOOP(
            "ValidationTab", "The loss of the kept weights on each part of the data."))
        EmptyHint(self.sweep_plot, QT_TRANSLATE_NOOP(
            "ValidationTab", "Press Sweep capacity: one model per degree, training and "
                             "validation loss against the degree."))

        run_page = QWidget()
        rl = QVBoxLayout(run_page)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.loss_plot, 3)
        rl.addWidget(self.results, 2)
        rl.addWidget(self.results_note)
        self.pages = QStackedWidget()
        self.pages.addWidget(run_page)
        self.pages.addWidget(self.sweep_plot)

        self.mouse_help = QLabel()
        self.mouse_help.setWordWrap(True)
        self.add_label = QLabel()
        self.add_combo = QComboBox()
        for k in range(len(SPLIT_NAMES)):
            self.add_combo.addItem("", k)
        self.add_combo.currentIndexChanged.connect(self._on_add_split)
        self.fresh_btn = QPushButton()
        self.fresh_btn.clicked.connect(self.fresh_data)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.mouse_help, 1)
        for w in (self.add_label, self.add_combo, self.fresh_btn):
            edit_row.addWidget(w)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.points, 1)
        ll.addWidget(self.key)
        ll.addLayout(edit_row)
        row = QHBoxLayout()
        row.addWidget(left, 5)
        row.addWidget(self.pages, 4)
        lay = QVBoxLayout(parent)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.head)
        lay.addLayout(row, 1)

        self.sweep_btn = QPushButton()
        self.sweep_btn.clicked.connect(self.run_sweep)
        self.extra_bar.addWidget(self.sweep_btn)
        self.seed.valueChanged.connect(self._show_points)
        self._show_points()

    # --- user actions -----------------------------------------------------------------
    @Slot()
    def run_sweep(self) -> None:
        self.start_action("sweep")

    @Slot()
    def fresh_data(self) -> None:
        """Forget the mouse's edits: points generated from the seed again."""
        self._apply(self.params().replace(points=""))

    @Slot(int)
    def _on_add_split(self, index: int) -> None:
        self.points.add_split = int(self.add_combo.itemData(index))

    @Slot(object, object, object)
    def _on_edited(self, x: np.ndarray, y: np.ndarray, split: np.ndarray) -> None:
        try:
            params = self.params().replace(points=format_points(x, y, split))
        except ParamError as exc:
            self.banner.show_error(translate("ValidationTab", "That edit was not applied: {0}")
                                   .format(param_error(exc)), severe=False)
            self._show_points()
            return
        self._apply(params)

    def _apply(self, params: ValidationParams) -> None:
        self.set_params(params)
        if self.runner.is_active():
            self.runner.update(params)

    def adjust_edit(self, old: ValidationParams, new: ValidationParams) -> ValidationParams:
        if new.points and any(getattr(old, f) != getattr(new, f) for f in DATA_FIELDS):
            return new.replace(points="")  # new data asked for: the edits go
        return new

    def params_changed(self, params: ValidationParams) -> None:
        self._show_points()
        if not self.runner.is_active() and self._frame is None:
            self._head_idle()

    def begin(self, action: str) -> None:
        super().begin(action)
        self.pages.setCurrentIndex(1 if action == "sweep" else 0)
        # A sweep trains every degree on the data it started with.
        self.points.editable = action != "sweep"
        self._legend_test(self.params().peek_test)

    def x_span(self, plot: LabelledPlot, planned: int) -> float | None:
        """A sweep's steps are epochs of every degree, drawn against the degree."""
        return super().x_span(plot, planned) if self.action != "sweep" else None

    # --- drawing ----------------------------------------------------------------------
    @Slot()
    def _show_points(self) -> None:
        x, y, split = make_points(self.params(), self.seed.value())
        reach = max(2.5, float(np.abs(y).max()) + 0.6) if len(y) else 2.5
        if self.points.y_range != (-reach, reach):
            self.points.set_y_range(-reach, reach)
        self.points.set_points(x, y, split.labels())

    def _legend_test(self, peek: bool) -> None:
        """The test curve is in the legend only when there is one."""
        for plot in (self.loss_plot, self.sweep_plot):
            item = plot.curves["m/test"]
            plot.legend.removeItem(item)
            if peek:
                plot.legend.addItem(item, CURVE_NAMES["test"].text())
            plot.show_key()

    def draw(self, snap: Snapshot) -> Iterator[None]:
        if self.action == "sweep":
            self._draw_sweep(snap)
        else:
            yield from self._draw_run(snap)

    def _draw_run(self, snap: Snapshot[ValidationFrame]) -> Iterator[None]:
        plot = self.loss_plot
        for part, series in (("train", TRAIN_LOSS), ("val", VAL_LOSS), ("test", TEST_LOSS)):
            plot.set_buffer("m", part, self.store.get(series))
        for hint in plot.hints:
            hint.set_empty(self.store.get(VAL_LOSS) is None)
        if snap.frame is not None:
            self._frame = snap.frame
        f = self._frame
        if not isinstance(f, ValidationFrame):
            return
        val, test = self.store.get(VAL_LOSS), self.store.get(TEST_LOSS)
        plot.mark("m", f.best_epoch or None, value_at(val, f.best_epoch))
        plot.mark("peek", f.chosen_epoch if f.peek else None, value_at(test, f.chosen_epoch))
        early = f.stopped_epoch and f.stopped_epoch < self.params().epochs
        plot.set_stop(f.stopped_epoch if early else None)
        yield
        if snap.frame is not None:
            self.points.set_points(f.x, f.y, f.split)
            self.points.set_curves(f.grid, f.truth, f.fit, f.chosen_fit)
            yield
        self._draw_results(f)
        self._head_run(f)

    def _draw_results(self, f: ValidationFrame) -> None:
        ended = f.stopped_epoch > 0
        if ended:
            train, val = f.chosen_losses.get("train"), f.chosen_losses.get("val")
        else:
            train = value_at(self.store.get(TRAIN_LOSS), f.chosen_epoch)
            val = value_at(self.store.get(VAL_LOSS), f.chosen_epoch)
        if train is None or val is None:
            return
        test = f.test_loss if ended else (
            value_at(self.store.get(TEST_LOSS), f.chosen_epoch) if f.peek else None)
        fresh = f.fresh_loss if ended else None
        locked = translate("ValidationTab", "locked")
        values = [train, val, test or 0.0, fresh or 0.0]
        texts = [None, None, None if test is not None else locked,
                 None if fresh is not None else locked]
        labels = [*(name.text() for name in SPLIT_NAMES),
                  translate("ValidationTab", "new data")]
        colors = [SPLIT_COLORS[TRAIN], SPLIT_COLORS[VAL], SPLIT_COLORS[TEST], NEW_DATA_COLOR]
        self.results.set_bars(values, labels, colors, texts)
        for hint in self.results.hints:
            hint.set_empty(False)

    def _head_run(self, f: ValidationFrame) -> None:
        epochs = self.params().epochs
        if f.stopped_epoch and f.peek:
            text = translate(
                "ValidationTab", "Peeking: the test set was measured {0} times and chose epoch "
                                 "{1}. Reported test loss {2:.3f}; on new data {3:.3f}.").format(
                f.test_evaluations, f.chosen_epoch, f.test_loss, f.fresh_loss)
        elif f.stopped_epoch:
            text = translate(
                "ValidationTab", "Stopped at epoch {0}; the weights of epoch {1} are kept. Test "
                                 "loss {2:.3f}, measured once; on new data {3:.3f}.").format(
                f.stopped_epoch, f.chosen_epoch, f.test_loss, f.fresh_loss)
        elif f.peek:
            text = translate(
                "ValidationTab", "Epoch {0} of {1} · peeking: the test set has been measured {2} "
                                 "times").format(f.epoch, epochs, f.test_evaluations)
        else:
            text = translate(
                "ValidationTab", "Epoch {0} of {1} · lowest validation loss at epoch {2} · test "
                                 "set: locked").format(f.epoch, epochs, f.best_epoch)
        self.head.setText(text)

    def _draw_sweep(self, snap: Snapshot[SweepFrame]) -> None:
        f = snap.frame
        if f is None:
            return
        self._frame = f
        plot = self.sweep_plot
        caps = f.capacities
        # Live: every degree's losses now; at the end, those of the kept weights.
        plot.set_part("m", "train", caps[:len(f.train_loss)], f.train_loss)
        plot.set_part("m", "val", caps[:len(f.val_loss)], f.val_loss)
        plot.set_part("m", "test", caps[:len(f.peek_loss)], f.peek_loss)
        for hint in plot.hints:
            hint.set_empty(len(f.val_loss) == 0)
        self.points.set_points(f.x, f.y, f.split)
        self.points.set_curves(f.grid, f.truth, f.fit, f.favourite_fit)
        k, chosen = f.favourite - 1, f.chosen_capacity
        if chosen and f.peek:
            plot.mark("m", None)
            plot.mark("peek", chosen, float(f.peek_loss[k]))
        elif k >= 0:
            plot.mark("m", f.favourite, float(f.val_loss[k]))
        if chosen and f.peek:
            text = translate(
                "ValidationTab", "Peeking: the test set was measured {0} times and picked "
                                 "degree {1}. Reported test loss {2:.3f}; on new data "
                                 "{3:.3f}.").format(
                f.test_evaluations, chosen, f.test_loss, f.fresh_loss)
        elif chosen:
            text = translate(
                "ValidationTab", "Validation picks degree {0}. Only now is the test set "
                                 "measured, once: test loss {1:.3f}; on new data {2:.3f}.").format(
                chosen, f.test_loss, f.fresh_loss)
        elif f.epoch:
            text = translate(
                "ValidationTab", "Epoch {0} of {1} for every degree from 1 to {2} · validation "
                                 "prefers degree {3} · test set: locked").format(
                f.epoch, self.params().epochs, len(caps), f.favourite)
        else:
            text = translate("ValidationTab", "One model per degree, 1 to {0}, on the same "
                                              "data").format(len(caps))
        self.head.setText(text)

    def _head_idle(self) -> None:
        self.head.setText(translate(
            "ValidationTab", "Press Run to train a polynomial of degree {0} on the training "
                             "points.").format(self.params().capacity))

    def clear_view(self) -> None:
        super().clear_view()
        self._frame = None
        self._head_idle()

    def retranslate_view(self) -> None:
        self._legend_test(self.params().peek_test)
        self.sweep_btn.setText(translate("ValidationTab", "Sweep capacity"))
        self.sweep_btn.setToolTip(translate(
            "ValidationTab", "Train one model per degree from 1 to the capacity, choose by "
                             "validation loss, then test once"))
        self.mouse_help.setText(translate(
            "ValidationTab", "Mouse: drag a point to move it, click to add one, right-click "
                             "to remove one."))
        self.add_label.setText(translate("ValidationTab", "Clicks add"))
        for k, name in enumerate(SPLIT_NAMES):
            self.add_combo.setItemText(k, name.text())
        self.add_combo.setToolTip(translate(
            "ValidationTab", "Which set a point you click on the plot joins"))
        self.fresh_btn.setText(translate("ValidationTab", "Fresh data"))
        self.fresh_btn.setToolTip(translate(
            "ValidationTab", "Forget the edited points: new points from the seed"))
        key = [f"<span style='color:{SPLIT_COLORS[k]}'>{sym}</span>&nbsp;{name.text()}"
               for k, (sym, name) in enumerate(zip("●■△", SPLIT_NAMES, strict=True))]
        key += [f"<span style='color:{color}'>{sym}</span>&nbsp;{name.text()}"
                for name, color, sym in CURVE_KEY]
        self.key.setText("&nbsp;&nbsp; ".join(key))
        self.results_note.setText(translate(
            "ValidationTab", "Test and new data stay locked until the run ends. New data: "
                             "2,000 fresh points from the same source that no choice has seen: "
                             "what the model is really worth."))
        if self._frame is not None:
            self.draw_now(Snapshot(frame=self._frame))
        elif not self.runner.is_active():
            self._head_idle()
