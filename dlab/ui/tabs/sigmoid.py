"""Topic 2: sigmoid's drawbacks — vanishing gradients, outputs that are not zero-centred
(the zig-zag), and the cost of exp — measured while a deep network trains."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dlab.core.snapshot import Snapshot
from dlab.engines.sigmoid.frame import ExpCostFrame, SigmoidFrame
from dlab.engines.sigmoid.params import INPUTS
from dlab.engines.sigmoid.zigzag import W_START, surface
from dlab.ui.i18n import QT_TRANSLATE_NOOP, translate
from dlab.ui.labels import text_label
from dlab.ui.layouts import FixedBox, by_stretch
from dlab.ui.plots import (
    CROSS_ENTROPY,
    PALETTE,
    STEP,
    TRAINING_LOSS,
    CurvePlot,
    LabelledPlot,
    SurfaceView,
)
from dlab.ui.stat_plots import BarChart, EmptyHint, HeatStrip, LayerCurves, layer_colors
from dlab.ui.topic_tab import TopicTab

MAX_DEPTH = 20  # the depth parameter's upper bound: one curve each, made once
COST_NAMES = ("sigmoid", "tanh", "relu")
ZIGZAG_COLORS = {"positive": PALETTE[1], "centered": PALETTE[5]}  # Okabe-Ito
ZIGZAG_TITLES = {"positive": QT_TRANSLATE_NOOP("SigmoidTab", "All-positive inputs"),
                 "centered": QT_TRANSLATE_NOOP("SigmoidTab", "Zero-centred inputs")}


def _box(*widgets: QWidget, stretch: tuple[int, ...] = ()) -> QWidget:
    w = QWidget()
    lay = QVBoxLayout(w)
    lay.setContentsMargins(0, 0, 0, 0)
    for i, child in enumerate(widgets):
        lay.addWidget(child, stretch[i] if i < len(stretch) else 0)
    return w


class SigmoidTab(TopicTab):
    action_titles = {"exp_cost": QT_TRANSLATE_NOOP("SigmoidTab", "Measuring the cost of exp")}
    full_speed_actions = ("exp_cost",)  # a timing, not a run to watch

    def build_view(self, parent: QWidget) -> None:
        self.ratio_label = text_label(14, bold=True, wrap=True)

        grad = QT_TRANSLATE_NOOP("SigmoidTab", "‖∂L/∂W‖")
        self.grad_bars = BarChart(QT_TRANSLATE_NOOP("SigmoidTab", "Gradient norm per layer"),
                                  QT_TRANSLATE_NOOP("SigmoidTab", "layer (1 = nearest the input)"),
                                  grad, log_y=True)
        self.grad_curves = LayerCurves(
            QT_TRANSLATE_NOOP("SigmoidTab", "Gradient norm over training"), STEP, grad,
            MAX_DEPTH, log_y=True)

        self.grad_curves.legend.hide()  # the key is a line under the plot
        self.curves_key = QLabel()
        self.act_strip = HeatStrip(QT_TRANSLATE_NOOP("SigmoidTab", "Activations of each layer"),
                                   QT_TRANSLATE_NOOP("SigmoidTab", "activation value"),
                                   QT_TRANSLATE_NOOP("SigmoidTab", "layer"))
        self.sat_label = QLabel()
        self.sat_label.setWordWrap(True)
        self.loss_plot = CurvePlot(TRAINING_LOSS, STEP, CROSS_ENTROPY)
        self.loss_plot.curve("loss", QT_TRANSLATE_NOOP("SigmoidTab", "loss of each mini-batch"),
                             PALETTE[0], width=1.5)
        self.loss_plot.legend.hide()  # one curve, named by the title: no legend on it

        self.zigzag: dict[str, SurfaceView] = {}
        for kind in INPUTS:
            view = SurfaceView(ZIGZAG_TITLES[kind])
            view.set_surface(surface(kind))
            view.set_start(*W_START)
            view.path("w", ZIGZAG_COLORS[kind])
            view.setMinimumSize(200, 200)
            self.zigzag[kind] = view
        # One line, not wrapped: a wrapped label's second line was not in the layout's
        # least height, and at 1024×700 it lay over the surfaces' axes.
        self.zigzag_label = text_label(12)

        # A short title: this plot gets a quarter of the width at 1400 pixels.
        self.cost_bars = BarChart(QT_TRANSLATE_NOOP("SigmoidTab", "Cost of exp"),
                                  QT_TRANSLATE_NOOP("SigmoidTab", "activation"),
                                  QT_TRANSLATE_NOOP("SigmoidTab", "milliseconds"),
                                  value_fmt="{:.1f}")
        self.hints = {
            "bars": EmptyHint(self.grad_bars, QT_TRANSLATE_NOOP(
                "SigmoidTab", "One bar per layer: the size of its gradient. Press Run or Step.")),
            "curves": EmptyHint(self.grad_curves, QT_TRANSLATE_NOOP(
                "SigmoidTab", "Each layer's gradient, step after step.")),
            "strip": EmptyHint(self.act_strip, QT_TRANSLATE_NOOP(
                "SigmoidTab", "Where each layer's outputs fall.")),
            "loss": EmptyHint(self.loss_plot, QT_TRANSLATE_NOOP(
                "SigmoidTab", "The loss of each mini-batch.")),
            "cost": EmptyHint(self.cost_bars, QT_TRANSLATE_NOOP(
                "SigmoidTab", "Press “Measure exp cost” to time the activations on this "
                              "machine.")),
        }
        self.cost_label = QLabel()
        self.cost_label.setWordWrap(True)

        zz_title = self.zigzag_title = text_label(12, bold=True, wrap=True)
        zz = FixedBox()
        zl = QGridLayout(zz)
        zl.setContentsMargins(0, 0, 0, 0)
        zl.addWidget(zz_title, 0, 0, 1, 2)
        zl.addWidget(self.zigzag["positive"], 1, 0)
        zl.addWidget(self.zigzag["centered"], 1, 1)
        zl.addWidget(self.zigzag_label, 2, 0, 1, 2)
        zl.setRowStretch(1, 1)

        top, bottom = QHBoxLayout(), QHBoxLayout()
        top.addWidget(self.grad_bars, 1)
        top.addWidget(_box(self.grad_curves, self.curves_key, stretch=(1,)), 1)
        top.addWidget(_box(self.act_strip, self.sat_label, stretch=(1,)), 1)
        bottom.addWidget(self.loss_plot, 2)
        bottom.addWidget(zz, 4)
        bottom.addWidget(_box(self.cost_bars, self.cost_label, stretch=(1,)), 2)
        lay = QVBoxLayout(parent)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.ratio_label)
        lay.addLayout(top, 1)
        lay.addLayout(bottom, 1)
        by_stretch(self.grad_bars, self.grad_curves, self.act_strip, self.loss_plot,
                   *self.zigzag.values(), self.cost_bars)

        self.cost_btn = QPushButton()
        self.cost_btn.clicked.connect(self.measure_cost)
        self.extra_bar.addWidget(self.cost_btn)
        self._depth = 0
        self._ratio: float | None = None
        self._share: dict[str, float] | None = None
        self._saturated: tuple[float, ...] | None = None
        self._cost: tuple[int, int] | None = None  # (values, rounds) of the last measurement

    # --- user actions -----------------------------------------------------------------
    @Slot()
    def measure_cost(self) -> None:
        self.start_action("exp_cost")

    @Slot()
    def reset(self) -> None:
        super().reset()
        self.clear_plots()  # the measurement too
        self._cost = None
        self.cost_label.setText("")

    def x_span(self, plot: LabelledPlot, planned: int) -> float | None:
        """The measurement's rounds leave the training views as they are."""
        return super().x_span(plot, planned) if self.action != "exp_cost" else None

    # --- drawing ----------------------------------------------------------------------
    def draw(self, batch: Snapshot[SigmoidFrame]) -> Iterator[None]:
        if self.action == "exp_cost":
            self._draw_exp_cost(batch)
            return
        f = batch.frame
        if f is not None:
            g = f.grad_norms
            self._depth = len(f.act_hist)
            if len(g):
                self.grad_bars.set_bars(g, [str(k) for k in range(1, len(g) + 1)],
                                        self._colors())
                self._ratio = float(g[0] / g[-1]) if g[-1] > 0 else None
                self._show_zigzag(f.same_share)
                self.hints["bars"].set_empty(False)
            yield
            lo, hi = f.act_range
            self.act_strip.set_rows(f.act_hist, lo, hi)
            self.hints["strip"].set_empty(False)
            self._show_saturation(f.saturated)
            self._show_ratio()
            yield
        self._draw_curves()
        yield
        loss = self.store.get("loss")
        self.loss_plot.set_series("loss", loss)
        self.hints["loss"].set_empty(loss is None or not loss.n)
        for kind, view in self.zigzag.items():
            yield
            w1, w2 = (self.store.get(f"zigzag/{kind}/w{i}") for i in (1, 2))
            if w1 is not None and w1.n:
                view.set_path("w", np.concatenate([[W_START[0]], w1.y]),
                              np.concatenate([[W_START[1]], w2.y]))

    def _colors(self) -> tuple[str, ...]:
        return layer_colors(self._depth)

    def _draw_curves(self) -> None:
        if self._depth:
            bufs = [self.store.get(f"grad_norm/{k}") for k in range(1, self._depth + 1)]
            self.grad_curves.set_layers(bufs)
            self.hints["curves"].set_empty(bufs[0] is None or not bufs[0].n)

    def _show_ratio(self) -> None:
        if self._ratio is None:
            self.ratio_label.setText(translate("SigmoidTab", "Press Run or Step: each layer's "
                                                             "gradient is measured at every step."))
            return
        self.ratio_label.setText(translate(
            "SigmoidTab", "Gradient of layer 1 ÷ gradient of layer {0} = {1:.1e}").format(
            self._depth, self._ratio))

    def _show_saturation(self, saturated: tuple[float, ...]) -> None:
        self._saturated = saturated
        if not saturated or self.params().activation not in ("sigmoid", "tanh"):
            self.sat_label.setText(translate("SigmoidTab",
                                             "Bright = many values. Each row is one layer."))
            return
        self.sat_label.setText(translate("SigmoidTab", "Saturated (within 5 % of either end, "
                                                       "slope ≈ 0): layer 1 {0:.0%}, layer {1} "
                                                       "{2:.0%}").format(
            saturated[0], len(saturated), saturated[-1]))

    def _show_zigzag(self, share: dict[str, float]) -> None:
        self._share = share
        self.zigzag_label.setText(translate(
            "SigmoidTab", "Same-sign steps: all-positive {0:.0%}, zero-centred {1:.0%}").format(
                share.get("positive", 0.0), share.get("centered", 0.0)))
        self.zigzag_label.setToolTip(translate(
            "SigmoidTab", "Steps whose two weight gradients share a sign"))

    def _draw_exp_cost(self, batch: Snapshot[ExpCostFrame]) -> None:
        f = batch.frame
        if f is None or not f.exp_cost:
            return
        ms = f.exp_cost
        names = [n for n in COST_NAMES if n in ms]
        self.cost_bars.set_bars([ms[n] for n in names], names,
                                [PALETTE[i] for i in range(len(names))])
        self.hints["cost"].set_empty(not names)
        self._show_cost(f.elements, f.rounds)

    def _show_cost(self, elements: int, rounds: int) -> None:
        self._cost = (elements, rounds)
        self.cost_label.setText(translate("SigmoidTab", "Forward + backward on {0:,} values, "
                                                        "median of {1} rounds on this machine.")
                                .format(elements, rounds))

    def clear_view(self) -> None:
        if self.action == "exp_cost":  # a measurement leaves the training views alone
            self.clear_plots(keep=[p for p in self.plots() if p is not self.cost_bars])
            self._cost = None
            self.cost_label.setText(translate("SigmoidTab", "Measuring…"))
            return
        self.clear_plots(keep=(self.cost_bars,))  # and a training run leaves the measurement
        self._ratio = None
        self._depth = 0
        self._share = self._saturated = None
        self._show_ratio()
        self.sat_label.setText("")
        self.zigzag_label.setText("")

    def retranslate_view(self) -> None:
        self.zigzag_title.setText(translate(
            "SigmoidTab", "Zig-zag: one neuron, two weights, one example a step"))
        self.cost_btn.setText(translate("SigmoidTab", "Measure exp cost"))
        self.cost_btn.setToolTip(translate("SigmoidTab", "Time sigmoid, tanh and ReLU (forward and "
                                                         "backward) on a large tensor, on this "
                                                         "machine"))
        self.curves_key.setText(self.grad_curves.key_html())
        self._show_ratio()
        if self._share is not None:
            self._show_zigzag(self._share)
        if self._saturated is not None:
            self._show_saturation(self._saturated)
        if self._cost is None:
            self.cost_label.setText("")  # the hint inside the empty chart says what to do
        else:
            self._show_cost(*self._cost)
