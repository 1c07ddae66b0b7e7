"""Topic 10: CycleGAN. Two generators and two discriminators trained live on two unpaired
point clouds: where G sends each x, where F brings it back, what each discriminator
believes about the plane, and the eight losses of the original method."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dlab.core.snapshot import Snapshot
from dlab.engines.cyclegan import frame as names
from dlab.engines.cyclegan.frame import CycleFrame
from dlab.engines.cyclegan.params import CycleGANParams
from dlab.ui.i18n import tr
from dlab.ui.labels import text_label
from dlab.ui.plots import MIN_PLOT_H, PALETTE, CurvePlot, PlotBase, pen
from dlab.ui.topic_tab import TopicTab

C = "CycleGANTab"
BLUE, ORANGE, GREEN, PURPLE = PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[3]
LINKS = 32  # held-out points whose mapping x -> G(x) is drawn as a line
ARROW_LEN = 0.45  # the longest push arrow, in plane units
LOSS_COLORS = {names.LOSS_D_X: BLUE, names.LOSS_D_Y: ORANGE, names.LOSS_G: GREEN,
               names.LOSS_F: PURPLE, names.LOSS_CYCLE_X: BLUE, names.LOSS_CYCLE_Y: ORANGE,
               names.LOSS_IDT_X: GREEN, names.LOSS_IDT_Y: PURPLE,
               names.EVAL_CYCLE_X: BLUE, names.EVAL_CYCLE_Y: ORANGE,
               names.EVAL_FAKE_TO_Y: GREEN, names.EVAL_FAKE_TO_X: PURPLE}
DASHED = (names.LOSS_IDT_X, names.LOSS_IDT_Y)
LOSS_NAMES = {names.LOSS_D_X: "D_X", names.LOSS_D_Y: "D_Y", names.LOSS_G: "G",
              names.LOSS_F: "F", names.LOSS_CYCLE_X: "cycle X", names.LOSS_CYCLE_Y: "cycle Y",
              names.LOSS_IDT_X: "identity X", names.LOSS_IDT_Y: "identity Y",
              names.EVAL_CYCLE_X: "|F(G(x)) − x|", names.EVAL_CYCLE_Y: "|G(F(y)) − y|",
              names.EVAL_FAKE_TO_Y: "G(x) to nearest y", names.EVAL_FAKE_TO_X: "F(y) to nearest x"}


def arrow_segments(base: np.ndarray, push: np.ndarray, longest: float) -> np.ndarray:
    """Arrows from each base point along its push, the longest ``longest`` long, as line
    segments (shaft and two barbs, for pyqtgraph's connect="pairs")."""
    if len(base) == 0:
        return np.zeros((0, 2))
    norm = np.linalg.norm(push, axis=1, keepdims=True)
    vec = push * (longest / max(float(norm.max()), 1e-12))
    tip = base + vec
    back = -vec * 0.3
    c, s = np.cos(0.45), np.sin(0.45)
    barb1 = tip + back @ np.array([[c, s], [-s, c]])
    barb2 = tip + back @ np.array([[c, -s], [s, c]])
    return np.stack([base, tip, tip, barb1, tip, barb2], 1).reshape(-1, 2)


def heat_lut(real_color: str) -> np.ndarray:
    """0 (the discriminator says fake): grey; 0.5: white; 1 (real): a tint of the domain."""
    tint = pg.mkColor(real_color)
    tint = pg.mkColor(int(255 - 0.3 * (255 - tint.red())), int(255 - 0.3 * (255 - tint.green())),
                      int(255 - 0.3 * (255 - tint.blue())))
    cmap = pg.ColorMap([0.0, 0.5, 1.0], [pg.mkColor("#d2d2d2"), pg.mkColor("#ffffff"), tint])
    return cmap.getLookupTable(nPts=256)


class MapView(PlotBase):
    """One direction of the cycle on the plane: the source and target domains, the
    generator's image of the source, its way back, lines from a few points to their
    images, the discriminator of the target as the background, and arrows showing where
    the generator's adversarial loss pushes its fakes."""

    def __init__(self, source_color: str, target_color: str) -> None:
        super().__init__()
        self.image = pg.ImageItem()
        self.image.setLookupTable(heat_lut(target_color))
        self.image.setLevels((0.0, 1.0))
        self.addItem(self.image)
        self.links = pg.PlotDataItem(connect="pairs", pen=pg.mkPen((90, 90, 90, 150), width=1))
        self.source = pg.ScatterPlotItem(size=5, brush=source_color, pen=None)
        self.target = pg.ScatterPlotItem(size=5, brush=target_color, pen=None)
        self.fake = pg.ScatterPlotItem(size=6, brush=GREEN, pen=pen("#FFFFFF", 0.6))
        self.back = pg.ScatterPlotItem(size=7, symbol="x", brush=PURPLE, pen=None)
        self.arrows = pg.PlotDataItem(connect="pairs", pen=pen("#000000", 1.2))
        for item in (self.links, self.target, self.source, self.back, self.fake, self.arrows):
            self.addItem(item)
        self.plotItem.setAspectLocked(True)
        self.plotItem.setMenuEnabled(False)
        self.plotItem.getViewBox().setMouseEnabled(False, False)
        self.setMinimumSize(MIN_PLOT_H, MIN_PLOT_H)
        self._extent: tuple[float, float, float, float] | None = None

    def set_frame(self, heat: np.ndarray, extent: tuple[float, float, float, float],
                  source: np.ndarray, target: np.ndarray, fake: np.ndarray,
                  back: np.ndarray, push: np.ndarray) -> None:
        self.image.setImage(heat, autoLevels=False)
        if extent != self._extent:
            x0, x1, y0, y1 = extent
            self.image.setRect(pg.QtCore.QRectF(x0, y0, x1 - x0, y1 - y0))
            self.plotItem.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
            self._extent = extent
        self.source.setData(source[:, 0], source[:, 1])
        self.target.setData(target[:, 0], target[:, 1])
        self.fake.setData(fake[:, 0], fake[:, 1])
        self.back.setData(back[:, 0], back[:, 1])
        k = min(LINKS, len(source))
        links = np.stack([source[:k], fake[:k]], 1).reshape(-1, 2)
        self.links.setData(links[:, 0], links[:, 1])
        arrows = arrow_segments(fake[:len(push)], push, ARROW_LEN)
        self.arrows.setData(arrows[:, 0], arrows[:, 1])

    def clear_data(self) -> None:
        self.image.clear()
        for item in (self.links, self.source, self.target, self.fake, self.back, self.arrows):
            item.setData([], [])


def key_html(items: list[tuple[str, str, str]]) -> str:
    """A one-line key: (symbol, colour, text) each."""
    return "&nbsp;&nbsp; ".join(
        f"<span style='color:{color}; font-weight:bold'>{symbol}</span>&nbsp;{text}"
        for symbol, color, text in items)


class CycleGANTab(TopicTab):
    context = C

    def build_view(self, parent: QWidget) -> None:
        self.head = text_label(13, bold=True, wrap=True)
        self.maps = {"G": MapView(BLUE, ORANGE), "F": MapView(ORANGE, BLUE)}
        self.map_titles = {key: text_label(12, bold=True) for key in self.maps}
        self.map_keys = {key: QLabel() for key in self.maps}
        maps = QGridLayout()
        for col, key in enumerate(self.maps):
            self.map_keys[key].setWordWrap(True)
            self.map_keys[key].setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.map_titles[key].setAlignment(Qt.AlignmentFlag.AlignCenter)
            maps.addWidget(self.map_titles[key], 0, col)
            maps.addWidget(self.maps[key], 1, col)
            maps.addWidget(self.map_keys[key], 2, col)
        maps.setRowStretch(1, 1)

        self.adv_plot = CurvePlot("Adversarial losses", "iteration", "least squares", context=C)
        self.rec_plot = CurvePlot("Cycle and identity losses", "iteration", "mean |error|",
                                  log_y=True, context=C)
        self.eval_plot = CurvePlot("Held-out measures", "iteration", "distance", log_y=True,
                                   context=C)
        self.curve_keys: dict[str, QLabel] = {}
        curves = QHBoxLayout()
        for plot, series in self._curve_groups():
            for name in series:
                plot.curve(name, LOSS_NAMES[name], LOSS_COLORS[name],
                           dense=plot is not self.eval_plot, dashed=name in DASHED)
            # Per-iteration losses fill the plot: the key goes under it, not over it. (Emptied,
            # not hidden: a hidden legend raised on deletion after a language change.)
            plot.legend.clear()
            key = self.curve_keys[series[0]] = QLabel()
            key.setWordWrap(True)
            key.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column = QVBoxLayout()
            column.addWidget(plot, 1)
            column.addWidget(key)
            curves.addLayout(column, 1)

        lay = QVBoxLayout(parent)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.head)
        lay.addLayout(maps, 2)
        lay.addLayout(curves, 1)

        self.step_d_btn, self.step_g_btn = QPushButton(), QPushButton()
        self.step_d_btn.clicked.connect(self.step_discriminators)
        self.step_g_btn.clicked.connect(self.step_generators)
        self.extra_bar.addWidget(self.step_d_btn)
        self.extra_bar.addWidget(self.step_g_btn)
        self._frame: CycleFrame | None = None

    def _curve_groups(self) -> tuple[tuple[CurvePlot, tuple[str, ...]], ...]:
        return ((self.adv_plot, names.ADVERSARIAL), (self.rec_plot, names.RECONSTRUCTION),
                (self.eval_plot, names.EVALS))

    # --- user actions -----------------------------------------------------------------
    @Slot()
    def step_discriminators(self) -> None:
        self._step_only("discriminators")

    @Slot()
    def step_generators(self) -> None:
        self._step_only("generators")

    def _step_only(self, part: str) -> None:
        """One step that trains only ``part``; the form shows the choice, so Step and Run
        go on that way until it is changed back."""
        params: CycleGANParams = self.params()
        if params.update != part:
            self.set_params(params.replace(update=part))
            if self.runner.is_active():
                self.runner.update(self.params())
        self.step()

    # --- drawing ----------------------------------------------------------------------
    def draw(self, batch: Snapshot[CycleFrame]) -> None:
        for plot, series in self._curve_groups():
            for name in series:
                plot.set_series(name, self.store.get(name))
        f = batch.frame
        if f is not None:
            self._frame = f
            self.maps["G"].set_frame(f.d_y, f.extent, f.x, f.y, f.fake_y, f.rec_x, f.push_y)
            self.maps["F"].set_frame(f.d_x, f.extent, f.y, f.x, f.fake_x, f.rec_y, f.push_x)
        self._show_head()

    def _show_head(self) -> None:
        cycle = self.store.last(names.EVAL_CYCLE_X)
        near = self.store.last(names.EVAL_FAKE_TO_Y)
        if cycle is None or near is None:
            self.head.setText(tr(C, "X and Y are two unpaired point clouds. Press Run: G "
                                    "learns to carry X onto Y, F to carry Y back."))
            return
        self.head.setText(tr(C, "Iteration {0}: F(G(x)) is {1:.2f} from x on average; G(x) "
                                "is {2:.2f} from the nearest y").format(
            self.last_step, cycle, near))

    def clear_view(self) -> None:
        self._frame = None
        for view in self.maps.values():
            view.clear_data()
        for plot in (self.adv_plot, self.rec_plot, self.eval_plot):
            plot.clear_data()
        self._show_head()

    def retranslate_view(self) -> None:
        for plot in (self.adv_plot, self.rec_plot, self.eval_plot):
            plot.retranslate()
        self.map_titles["G"].setText(tr(C, "G: X → Y, judged by D_Y (background)"))
        self.map_titles["F"].setText(tr(C, "F: Y → X, judged by D_X (background)"))
        self.map_keys["G"].setText(key_html([
            ("●", BLUE, "x"), ("●", ORANGE, "y"), ("●", GREEN, "G(x)"),
            ("✕", PURPLE, "F(G(x))"), ("—", "#5a5a5a", tr(C, "x to G(x)")),
            ("→", "#000000", tr(C, "push on G(x)"))]))
        self.map_keys["F"].setText(key_html([
            ("●", ORANGE, "y"), ("●", BLUE, "x"), ("●", GREEN, "F(y)"),
            ("✕", PURPLE, "G(F(y))"), ("—", "#5a5a5a", tr(C, "y to F(y)")),
            ("→", "#000000", tr(C, "push on F(y)"))]))
        for _, series in self._curve_groups():
            self.curve_keys[series[0]].setText(key_html([
                ("╍╍" if name in DASHED else "━━", LOSS_COLORS[name],
                 tr(C, LOSS_NAMES[name])) for name in series]))
        self.step_d_btn.setText(tr(C, "Step D only"))
        self.step_d_btn.setToolTip(tr(C, "One step that trains only the discriminators D_X "
                                         "and D_Y (sets 'Each step trains')"))
        self.step_g_btn.setText(tr(C, "Step G only"))
        self.step_g_btn.setToolTip(tr(C, "One step that trains only the generators G and F "
                                         "(sets 'Each step trains')"))
        self._show_head()
