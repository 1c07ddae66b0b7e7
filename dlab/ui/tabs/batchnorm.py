"""Topic 9: batch normalisation. The same network trained twice at once, with and without
BatchNorm, and what BN does inside: steady inputs to each activation, learned γ and β,
and running statistics at test time."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from dlab.core.snapshot import Snapshot
from dlab.engines.batchnorm.frame import BatchNormFrame
from dlab.engines.batchnorm.params import EVAL_GROUPS, BatchNormParams
from dlab.ui.i18n import QT_TRANSLATE_NOOP, translate
from dlab.ui.labels import text_label
from dlab.ui.layouts import by_stretch
from dlab.ui.plots import CROSS_ENTROPY, PALETTE, STEP, TRAINING_LOSS, CurvePlot
from dlab.ui.stat_plots import BarChart, EmptyHint, LayerCurves, QuantileBands
from dlab.ui.topic_tab import TopicTab, draw_all

MAX_DEPTH = 12  # the depth parameter's upper bound
COLORS = {"plain": PALETTE[1], "bn": PALETTE[0]}
NAMES = {"plain": QT_TRANSLATE_NOOP("BatchNormTab", "without BN"),
         "bn": QT_TRANSLATE_NOOP("BatchNormTab", "with BN")}
HEADS = {"plain": QT_TRANSLATE_NOOP("BatchNormTab", "Without BN"),
         "bn": QT_TRANSLATE_NOOP("BatchNormTab", "With BN")}
SMOOTH = 20  # the headline loss is the mean of the last 20 mini-batches


class BatchNormTab(TopicTab):
    def build_view(self, parent: QWidget) -> None:
        self.head = text_label(14, bold=True, wrap=True)

        self.loss_plot = CurvePlot(TRAINING_LOSS, STEP, CROSS_ENTROPY, log_y=True)
        self.acc_plot = CurvePlot(QT_TRANSLATE_NOOP("BatchNormTab", "Validation accuracy"), STEP,
                                  QT_TRANSLATE_NOOP("BatchNormTab", "accuracy"))
        for name in ("plain", "bn"):
            self.loss_plot.curve(name, NAMES[name], COLORS[name], width=1.6)
            self.acc_plot.curve(name, NAMES[name], COLORS[name], symbol="o")
        self.acc_plot.plotItem.setYRange(0, 1, padding=0.02)
        # Noisy losses fill the whole plot and the accuracies climb across a quarter of
        # the width, so no legend over either: the coloured names in the headline say
        # which curve is which.
        self.loss_plot.legend.hide()
        self.acc_plot.legend.hide()
        # Short titles: each of these plots gets a quarter of the width.
        self.gamma_plot = LayerCurves(QT_TRANSLATE_NOOP("BatchNormTab", "γ (scale) per layer"),
                                      STEP, QT_TRANSLATE_NOOP("BatchNormTab", "mean γ"),
                                      MAX_DEPTH)
        self.beta_plot = LayerCurves(QT_TRANSLATE_NOOP("BatchNormTab", "β (shift) per layer"),
                                     STEP, QT_TRANSLATE_NOOP("BatchNormTab", "mean β"), MAX_DEPTH)
        self.layers_key = QLabel()  # one key for both, in place of legends over the curves
        self.layers_key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for plot in (self.gamma_plot, self.beta_plot):
            plot.legend.hide()

        self.bands = {  # titled by _retitle_bands: the title names the layer shown
            name: QuantileBands(None, STEP, QT_TRANSLATE_NOOP("BatchNormTab", "value"),
                                COLORS[name])
            for name in ("plain", "bn")}
        self.bands_note = QLabel()
        self.bands_note.setWordWrap(True)
        self.eval_bars = BarChart(QT_TRANSLATE_NOOP("BatchNormTab", "Train vs eval mode"),
                                  QT_TRANSLATE_NOOP("BatchNormTab", "eval, or a batch of n"),
                                  QT_TRANSLATE_NOOP("BatchNormTab", "validation accuracy"),
                                  value_fmt="{:.0%}")
        self.eval_note = QLabel()
        self.eval_note.setWordWrap(True)

        self.hints = [
            EmptyHint(self.loss_plot, QT_TRANSLATE_NOOP(
                "BatchNormTab", "The loss of each mini-batch, both networks.")),
            EmptyHint(self.acc_plot, QT_TRANSLATE_NOOP(
                "BatchNormTab", "Accuracy on held-out data, both networks.")),
            EmptyHint(self.gamma_plot, QT_TRANSLATE_NOOP(
                "BatchNormTab", "BN's learned scale γ, one curve per layer.")),
            EmptyHint(self.beta_plot, QT_TRANSLATE_NOOP(
                "BatchNormTab", "BN's learned shift β, one curve per layer.")),
            *(EmptyHint(self.bands[name], QT_TRANSLATE_NOOP(
                "BatchNormTab", "How the values fed to one layer's activation spread, step by "
                                "step."))
              for name in ("plain", "bn")),
            EmptyHint(self.eval_bars, QT_TRANSLATE_NOOP(
                "BatchNormTab", "The trained BN net's accuracy with running statistics and "
                                "with statistics of small batches.")),
        ]

        top, bottom = QHBoxLayout(), QHBoxLayout()
        top.addWidget(self.loss_plot, 1)
        top.addWidget(self.acc_plot, 1)
        layers = QWidget()
        ll = QGridLayout(layers)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.gamma_plot, 0, 0)
        ll.addWidget(self.beta_plot, 0, 1)
        ll.addWidget(self.layers_key, 1, 0, 1, 2)
        ll.setRowStretch(0, 1)
        top.addWidget(layers, 2)
        bands = QWidget()
        bl = QVBoxLayout(bands)
        bl.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.bands["plain"], 1)
        row.addWidget(self.bands["bn"], 1)
        bl.addLayout(row, 1)
        bl.addWidget(self.bands_note)
        ev = QWidget()
        el = QVBoxLayout(ev)
        el.setContentsMargins(0, 0, 0, 0)
        el.addWidget(self.eval_bars, 1)
        el.addWidget(self.eval_note)
        bottom.addWidget(bands, 5)
        bottom.addWidget(ev, 3)
        lay = QVBoxLayout(parent)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.head)
        # The bottom row's plots carry notes under them and a bar chart's two rows of names.
        lay.addLayout(top, 4)
        lay.addLayout(bottom, 5)
        by_stretch(self.loss_plot, self.acc_plot, self.gamma_plot, self.beta_plot,
                   *self.bands.values(), self.eval_bars)

        self.layer_label = QLabel()
        self.layer = QSpinBox()
        self.layer.setRange(1, self.params().depth)
        self.layer.setValue(1)
        self.layer.valueChanged.connect(self._on_layer)
        self.extra_bar.addWidget(self.layer_label)
        self.extra_bar.addWidget(self.layer)
        self._frame: BatchNormFrame | None = None

    # --- user actions -----------------------------------------------------------------
    @Slot(int)
    def _on_layer(self, _: int) -> None:
        self._retitle_bands()
        if self._frame is not None:
            self._draw_bands(self._frame)

    def params_changed(self, params: BatchNormParams) -> None:
        if not self.runner.is_active():
            self.layer.setMaximum(params.depth)

    # --- drawing ----------------------------------------------------------------------
    def draw(self, batch: Snapshot[BatchNormFrame]) -> Iterator[None]:
        for name in ("plain", "bn"):
            self.loss_plot.set_series(name, self.store.get(f"{name}/loss"))
        yield
        for name in ("plain", "bn"):
            self.acc_plot.set_series(name, self.store.get(f"{name}/val_acc"))
        self._show_hints()
        f = batch.frame
        if f is None:
            self._show_head()
            return
        self._frame = f
        depth = f.depth
        self.layer.setMaximum(depth)
        yield
        self.gamma_plot.set_layers([self.store.get(f"bn/gamma/{k}") for k in range(1, depth + 1)])
        yield
        self.beta_plot.set_layers([self.store.get(f"bn/beta/{k}") for k in range(1, depth + 1)])
        yield
        yield from self._band_parts(f)
        acc = f.eval_vs_batch
        if acc:
            keys = ["eval", *[str(g) for g in sorted(EVAL_GROUPS, reverse=True)]]
            labels = [translate("BatchNormTab", "eval")] + keys[1:]
            colors = [PALETTE[2]] + [PALETTE[0]] * (len(keys) - 1)
            self.eval_bars.set_bars([acc[k] for k in keys], labels, colors)
        self._show_hints()
        self._show_head()

    def _show_hints(self) -> None:
        """Each hint shows while its plot has nothing to draw."""
        loss, acc = self.store.get("plain/loss"), self.store.get("plain/val_acc")
        gamma = self.store.get("bn/gamma/1")
        f = self._frame
        q = f.quantiles if f is not None else {}
        empty = [loss is None or not loss.n, acc is None or not acc.n,
                 gamma is None or not gamma.n, gamma is None or not gamma.n,
                 *(len(q.get(name, ())) == 0 for name in ("plain", "bn")),
                 f is None or not f.eval_vs_batch]
        for hint, e in zip(self.hints, empty, strict=True):
            hint.set_empty(e)

    def _draw_bands(self, f: BatchNormFrame) -> None:
        draw_all(self._band_parts(f))

    def _band_parts(self, f: BatchNormFrame) -> Iterator[None]:
        k = self.layer.value()
        steps = f.steps
        for name, plot in self.bands.items():
            q = f.quantiles[name]
            if len(q) == 0 or k > q.shape[1]:
                plot.clear_data()
            else:
                plot.set_bands(steps[:len(q)], q[:, k - 1, :])
            yield

    def _show_head(self) -> None:
        diverged = self._frame.diverged if self._frame is not None else {}
        parts = []
        for name in ("plain", "bn"):
            label = f"<span style='color:{COLORS[name]}'>{HEADS[name].text()}</span>"
            if name in diverged:
                parts.append(translate("BatchNormTab", "{0}: diverged at step {1}").format(
                    label, diverged[name]))
                continue
            losses, acc = self.store.get(f"{name}/loss"), self.store.last(f"{name}/val_acc")
            if losses is None or not losses.n or acc is None:
                continue
            loss = float(losses.y[-SMOOTH:].mean())
            parts.append(translate("BatchNormTab",
                                   "{0}: loss {1:.3f}, validation accuracy {2:.0%}").format(
                label, loss, acc))
        self.head.setText("   ·   ".join(parts) or translate(
            "BatchNormTab", "Two copies of one network, same seed and same first weights: "
               "press Run to train them side by side."))

    def _retitle_bands(self) -> None:
        for name, plot in self.bands.items():
            plot.set_title(translate("BatchNormTab", "Activation input, layer {0}, {1}").format(
                self.layer.value(), NAMES[name].text()))

    def clear_view(self) -> None:
        super().clear_view()
        self._frame = None
        self._show_head()

    def retranslate_view(self) -> None:
        self._retitle_bands()
        self.layers_key.setText(self.gamma_plot.key_html())
        self.layer_label.setText(translate("BatchNormTab", "Layer shown"))
        self.layer.setToolTip(translate(
            "BatchNormTab", "Which hidden layer's activation inputs are drawn below"))
        self.bands_note.setText(translate(
            "BatchNormTab", "Line: median; dark band: middle 50 %; light band: middle 90 % of the "
                            "values of one mini-batch. With BN they stay put; without, they "
                            "drift."))
        self.eval_note.setText(translate(
            "BatchNormTab", "BN net. Running averages give one answer per example. Statistics of a "
                            "small batch depend on the other examples in it: with 1, every "
                            "value becomes 0."))
        self._show_head()
        if self._frame is not None:
            self.draw_now(Snapshot(frame=self._frame))
