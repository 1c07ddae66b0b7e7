"""Topic 8: SGD, Momentum, RMSProp and Adam raced on a surface and on a small network,
with Adam's running averages shown step by step."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from dlab.core.snapshot import Snapshot
from dlab.engines.adam.frame import AdamFrame
from dlab.engines.adam.params import AdamParams
from dlab.engines.adam.surfaces import OPTIMIZERS, SETUPS
from dlab.ui.i18n import QT_TRANSLATE_NOOP, translate
from dlab.ui.labels import key_html, text_label
from dlab.ui.layouts import by_stretch
from dlab.ui.plots import LOSS, STEP, CurvePlot, SurfaceView, pen
from dlab.ui.stat_plots import EmptyHint
from dlab.ui.topic_tab import TopicTab

# Okabe-Ito colours that stand out on the viridis contours (with a white halo) and on white.
COLORS = {"sgd": "#D55E00", "momentum": "#0072B2", "rmsprop": "#CC79A7", "adam": "#000000"}
NAMES = {"sgd": QT_TRANSLATE_NOOP("AdamTab", "SGD"),
         "momentum": QT_TRANSLATE_NOOP("AdamTab", "Momentum"),
         "rmsprop": QT_TRANSLATE_NOOP("AdamTab", "RMSProp"),
         "adam": QT_TRANSLATE_NOOP("AdamTab", "Adam")}
LEARNING_RATE = QT_TRANSLATE_NOOP("AdamTab", "learning rate")
FIRST = 100  # the step-size plot shows Adam's first steps, where bias correction matters
STEPS_PLOT_MIN_H = 110


def _num(v: float) -> str:
    """Four significant digits in at most eight characters, so the Inside Adam table keeps
    its width (and the window its size) whatever the numbers grow to."""
    if not v:
        return "0"
    if abs(v) >= 1e4 or abs(v) < 1e-2:
        mantissa, exponent = f"{v:+.2e}".split("e")
        return f"{mantissa}e{int(exponent)}"
    return f"{v:+.{max(0, 3 - int(np.floor(np.log10(abs(v)))))}f}"


class AdamTab(TopicTab):
    def build_view(self, parent: QWidget) -> None:
        self._start: tuple[float, float] | None = None
        self._status: dict[str, str] = {}

        self.surface = SurfaceView(QT_TRANSLATE_NOOP(
            "AdamTab", "Race on the surface (click to choose the start)"))
        self.surface.clicked.connect(self._on_surface_click)
        for opt in OPTIMIZERS:
            self.surface.path(opt, COLORS[opt])
            self.surface.paths[opt][0].setShadowPen(pen("#FFFFFF", 5.0))  # readable on any band
        # One colour key for every view, above them, so no legend covers a path or a curve.
        self.key = text_label(13, wrap=True)

        # Loss against steps: log axis where the loss has a floor of 0, linear on the saddle.
        surface_loss = QT_TRANSLATE_NOOP("AdamTab", "Loss on the surface")
        self.loss_log = CurvePlot(surface_loss, STEP, LOSS, log_y=True)
        self.loss_lin = CurvePlot(surface_loss, STEP, LOSS)
        for plot in (self.loss_log, self.loss_lin):
            for opt in OPTIMIZERS:
                plot.curve(opt, NAMES[opt], COLORS[opt])
            plot.legend.hide()
        self.loss_stack = QStackedWidget()
        self.loss_stack.addWidget(self.loss_log)
        self.loss_stack.addWidget(self.loss_lin)

        # Inside Adam: this step's numbers per coordinate, and the first steps' sizes.
        self.inside_title = text_label(13, bold=True)
        self.inside = QLabel()
        self.inside.setTextFormat(Qt.TextFormat.RichText)
        self.inside.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.inside.setWordWrap(True)
        self.steps_plot = CurvePlot(
            QT_TRANSLATE_NOOP("AdamTab", "Adam's step size |Δ|, first 100 steps"), STEP,
            QT_TRANSLATE_NOOP("AdamTab", "|Δ|"), log_y=True, run_x=False)  # its own 100
        self.steps_plot.curve("dx", QT_TRANSLATE_NOOP("AdamTab", "|Δx|"), "#0072B2")
        self.steps_plot.curve("dy", QT_TRANSLATE_NOOP("AdamTab", "|Δy|"), "#D55E00")
        self.steps_plot.curve("lr", LEARNING_RATE, "#555555", width=1.5, dashed=True)
        self.steps_plot.legend.hide()
        # Shorter than other plots may be: the Inside Adam table above it takes five lines
        # and the column must still fit a 700-pixel-high window.
        self.steps_plot.setMinimumHeight(STEPS_PLOT_MIN_H)
        # Its key is a line of its own: inside the title it was cut off on narrow windows.
        self.steps_key = text_label(11)
        self.steps_key.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.net_plot = CurvePlot(
            QT_TRANSLATE_NOOP("AdamTab",
                              "Race on a small network (same data, same initial weights)"),
            STEP, QT_TRANSLATE_NOOP("AdamTab", "training loss"), log_y=True)
        for opt in OPTIMIZERS:
            self.net_plot.curve(opt, NAMES[opt], COLORS[opt])
        self.net_plot.legend.hide()

        self.race_label = QLabel()
        self.race_label.setWordWrap(True)
        loss_hint = QT_TRANSLATE_NOOP("AdamTab",
                                      "Each optimiser's loss, step by step. Press Run or Step.")
        self.hints = {
            "loss_log": EmptyHint(self.loss_log, loss_hint),
            "loss_lin": EmptyHint(self.loss_lin, loss_hint),
            "net": EmptyHint(self.net_plot, QT_TRANSLATE_NOOP(
                "AdamTab", "The same optimisers training a small network.")),
            "steps": EmptyHint(self.steps_plot, QT_TRANSLATE_NOOP(
                "AdamTab", "How far Adam moves in x and in y at each of its first steps.")),
        }

        # Two columns, each sharing its height by stretch: on the left the surface over
        # its loss; on the right the table, Adam's step sizes and the network's race (in
        # rows across both columns the table left the step sizes 38 px at 1024×700; the
        # key over the left column only leaves the right one its line).
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.key)  # the optimisers' colours, in every plot but the steps
        left.addWidget(self.surface, 3)
        left.addWidget(self.loss_stack, 2)
        right.addWidget(self.inside_title)
        right.addWidget(self.inside)
        right.addWidget(self.steps_plot, 1)
        right.addWidget(self.steps_key)
        right.addWidget(self.net_plot, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        lay = QVBoxLayout(parent)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(columns, 1)
        lay.addWidget(self.race_label)
        by_stretch(self.surface, self.loss_log, self.loss_lin, self.loss_stack, self.net_plot,
                   self.steps_plot)
        self.params_changed(self.params())

    # --- user actions -----------------------------------------------------------------
    def adjust_edit(self, old: AdamParams, new: AdamParams) -> AdamParams:
        if new.function != old.function:
            # A newly chosen function brings its own start and learning rates.
            s = SETUPS[new.function]
            return new.replace(start_x=s.start[0], start_y=s.start[1], lr=s.lr,
                               **{f"lr_{o}": s.lrs[o] for o in OPTIMIZERS})
        return new

    def params_changed(self, params: AdamParams) -> None:
        setup = SETUPS[params.function]
        self.surface.set_surface(setup.surface)
        self.surface.set_start(params.start_x, params.start_y)
        self.loss_stack.setCurrentIndex(0 if setup.log_loss else 1)
        self._show_visibility(params)
        if not self.runner.is_active():
            self._draw_inside(None)

    def _draw_key(self) -> None:
        chosen = self.params().chosen()
        self.key.setText(key_html([("━━", COLORS[o], NAMES[o].text())
                                   for o in OPTIMIZERS if o in chosen]))
        # The step plot's key, under it: its curves start where a legend would be.
        self.steps_key.setText(
            "<span style='color:#0072B2; font-weight:bold'>━━</span>&nbsp;|Δx|&nbsp;&nbsp;"
            "&nbsp;<span style='color:#D55E00; font-weight:bold'>━━</span>&nbsp;|Δy|"
            "&nbsp;&nbsp;&nbsp;<span style='color:#555555; font-weight:bold'>╌╌</span>"
            f"&nbsp;{LEARNING_RATE.text()}")

    def _show_visibility(self, params: AdamParams) -> None:
        self._draw_key()
        chosen = params.chosen()
        for opt in OPTIMIZERS:
            on = opt in chosen
            for item in self.surface.paths[opt]:
                item.setVisible(on)
            for plot in (self.loss_log, self.loss_lin, self.net_plot):
                plot.curves[opt].setVisible(on)

    @Slot(float, float)
    def _on_surface_click(self, x: float, y: float) -> None:
        p = self.params()
        self.set_params(p.replace(start_x=round(x, 3), start_y=round(y, 3)))
        if self.runner.is_active():  # the race starts again from the new point
            self.start(self.action)

    # --- drawing ----------------------------------------------------------------------
    def draw(self, batch: Snapshot[AdamFrame]) -> Iterator[None]:
        f = batch.frame
        if f is not None:
            self._start = f.start
            self._status = f.status
            self._draw_inside(f)
            yield
        for opt in OPTIMIZERS:
            xs, ys = self.store.get(f"{opt}/x"), self.store.get(f"{opt}/y")
            if self._start is not None and xs is not None:
                self.surface.set_path(opt, np.concatenate([[self._start[0]], xs.y]),
                                      np.concatenate([[self._start[1]], ys.y]))
        yield
        plot = self.loss_log if SETUPS[self.params().function].log_loss else self.loss_lin
        for opt in OPTIMIZERS:
            plot.set_series(opt, self.store.get(f"{opt}/loss"))
        yield
        for opt in OPTIMIZERS:
            self.net_plot.set_series(opt, self.store.get(f"net/{opt}/loss"))
        self._show_hints()
        yield
        self._draw_steps()
        self._draw_race_label()

    def _show_hints(self) -> None:
        """Each hint shows while its plot has no curve."""
        def empty(series: str) -> bool:
            return not any((b := self.store.get(series.format(o))) is not None and b.n
                           for o in OPTIMIZERS)

        surface = empty("{0}/loss")
        self.hints["loss_log"].set_empty(surface)
        self.hints["loss_lin"].set_empty(surface)
        self.hints["net"].set_empty(empty("net/{0}/loss"))
        self.hints["steps"].set_empty(empty("adam/x"))

    def _draw_steps(self) -> None:
        xs, ys = self.store.get("adam/x"), self.store.get("adam/y")
        if xs is None or self._start is None:
            return
        n = min(xs.n, FIRST)
        px = np.concatenate([[self._start[0]], xs.y[:n]])
        py = np.concatenate([[self._start[1]], ys.y[:n]])
        k = xs.x[:n]
        self.steps_plot.set_xy("dx", k, np.abs(np.diff(px)))
        self.steps_plot.set_xy("dy", k, np.abs(np.diff(py)))
        lr = self.params().lr_of("adam")
        self.steps_plot.set_xy("lr", np.array([1.0, max(float(FIRST), 2.0)]),
                               np.array([lr, lr]))

    def _draw_inside(self, f: AdamFrame | None) -> None:
        p = self.params()
        ins = f.inside if f else None
        self.inside_title.setText(translate("AdamTab", "Inside Adam"))
        self.inside.setToolTip(translate("AdamTab", "gradient g") + "\n"
                               + translate("AdamTab", "step Δ = −lr·V̂ / (√Ŝ + ε)"))
        if "adam" not in p.chosen():
            self.inside.setText(translate("AdamTab", "Switch Adam on to look inside it."))
            return
        if not ins:
            self.inside.setText(translate("AdamTab",
                                          "Press Step to watch V, S, V̂ and Ŝ after each step."))
            return
        t = ins["t"]
        self.inside_title.setText(f"{translate('AdamTab', 'Inside Adam')} · t = {t}")
        if p.bias_correction:
            c1, c2 = 1 - p.beta1**t, 1 - p.beta2**t
            corr = translate("AdamTab", "bias correction on: 1 − β1ᵗ = {0:.4f}, "
                                        "1 − β2ᵗ = {1:.4f}").format(c1, c2)
        else:
            corr = translate("AdamTab", "bias correction off: V̂ = V, Ŝ = S")
        # Two groups of three rows side by side, a fixed number of lines: the table never
        # makes the window taller as the run goes on (it fits 1024×700).
        pad = "style='padding-left:8px'"
        cells = "".join(
            f"<tr><td>{a}</td><td align='right' {pad}>{_num(ins[ka][0])}</td>"
            f"<td align='right' {pad}>{_num(ins[ka][1])}</td>"
            f"<td style='padding-left:16px'>{b}</td>"
            f"<td align='right' {pad}>{_num(ins[kb][0])}</td>"
            f"<td align='right' {pad}>{_num(ins[kb][1])}</td></tr>"
            for (ka, a), (kb, b) in ((("g", "g"), ("m_hat", "V̂")), (("m", "V"), ("v_hat", "Ŝ")),
                                     (("v", "S"), ("delta", "Δ"))))
        head = "<th align='right'>x</th><th align='right'>y</th>"
        self.inside.setText(
            f"<table cellspacing='0'><tr><th></th>{head}<th></th>{head}</tr>{cells}</table>"
            f"<div>{corr}</div>")

    def _draw_race_label(self) -> None:
        parts = []
        chosen = self.params().chosen()
        for opt in OPTIMIZERS:
            loss = self.store.last(f"{opt}/loss")
            if opt not in chosen or loss is None:
                continue
            text = translate("AdamTab", "{0}: loss {1:.3g}").format(NAMES[opt].text(), loss)
            status = self._status.get(opt)
            if status == "diverged":
                text += " " + translate("AdamTab", "(diverged, stopped)")
            elif status == "escaped":
                text += " " + translate("AdamTab", "(left the window)")
            parts.append(text)
        self.race_label.setText("   ·   ".join(parts))

    def clear_view(self) -> None:
        super().clear_view()
        self._start = None
        self._status = {}
        self.race_label.setText("")
        self._draw_inside(None)

    def retranslate_view(self) -> None:
        self._draw_key()
        self._draw_inside(None)
        self._draw_race_label()
