"""Topic 10: CycleGAN. Two generators and two discriminators trained live on two unpaired
point clouds: where G sends each x, where F brings it back, what each discriminator
believes about the plane, and the eight losses of the original method."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dlab.core.snapshot import Snapshot
from dlab.engines.cyclegan import frame as names
from dlab.engines.cyclegan.frame import IMAGES, CycleFrame
from dlab.engines.cyclegan.params import IMAGE_DOMAINS, CycleGANParams
from dlab.engines.cyclegan.points import (
    EXTENT,
    MIN_DRAWN,
    domain_sets,
    format_drawn,
    point_domains,
)
from dlab.ui import first_paint
from dlab.ui.i18n import QT_TRANSLATE_NOOP, translate
from dlab.ui.image_grid import ImageGrid
from dlab.ui.labels import key_html, text_label
from dlab.ui.layouts import by_stretch
from dlab.ui.plots import MIN_PLOT_H, PALETTE, CurvePlot, PlotBase, pen
from dlab.ui.stat_plots import EmptyHint
from dlab.ui.topic_tab import TopicTab

BLUE, ORANGE, GREEN, PURPLE = PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[3]
LINK_GREY, ARROW_BLACK = "#5a5a5a", "#000000"
LINKS = 32  # held-out points whose mapping x -> G(x) is drawn as a line
ARROW_LEN = 0.45  # the longest push arrow, in plane units
SPRAY_STEP, SPRAY_SPREAD = 0.06, 0.06  # a stroke leaves a point every 0.06, jittered
DOMAIN_COLORS = {"x": BLUE, "y": ORANGE}
SHOWN_IMAGES = 8  # held-out digits of each domain in the grids (the engine's SHOWN)
IMAGE_BATCH = 16  # the batch size switching to digits brings

ITERATION = QT_TRANSLATE_NOOP("CycleGANTab", "iteration")
# Each plot's curves: series, colour, name; identity losses dashed.
ADVERSARIAL = ((names.LOSS_D_X, BLUE, QT_TRANSLATE_NOOP("CycleGANTab", "D_X")),
               (names.LOSS_D_Y, ORANGE, QT_TRANSLATE_NOOP("CycleGANTab", "D_Y")),
               (names.LOSS_G, GREEN, QT_TRANSLATE_NOOP("CycleGANTab", "G")),
               (names.LOSS_F, PURPLE, QT_TRANSLATE_NOOP("CycleGANTab", "F")))
RECONSTRUCTION = ((names.LOSS_CYCLE_X, BLUE, QT_TRANSLATE_NOOP("CycleGANTab", "cycle X")),
                  (names.LOSS_CYCLE_Y, ORANGE, QT_TRANSLATE_NOOP("CycleGANTab", "cycle Y")),
                  (names.LOSS_IDT_X, GREEN, QT_TRANSLATE_NOOP("CycleGANTab", "identity X")),
                  (names.LOSS_IDT_Y, PURPLE, QT_TRANSLATE_NOOP("CycleGANTab", "identity Y")))
MEASURES = ((names.EVAL_CYCLE_X, BLUE, QT_TRANSLATE_NOOP("CycleGANTab", "|F(G(x)) − x|")),
            (names.EVAL_CYCLE_Y, ORANGE, QT_TRANSLATE_NOOP("CycleGANTab", "|G(F(y)) − y|")),
            (names.EVAL_FAKE_TO_Y, GREEN,
             QT_TRANSLATE_NOOP("CycleGANTab", "G(x) to nearest y")),
            (names.EVAL_FAKE_TO_X, PURPLE,
             QT_TRANSLATE_NOOP("CycleGANTab", "F(y) to nearest x")))
# On digits the measures are drawn on a linear axis: "toward" goes from 0 (as X) to 1.
DIGIT_MEASURES = (
    MEASURES[0], MEASURES[1],
    (names.EVAL_TOWARD_Y, GREEN, QT_TRANSLATE_NOOP("CycleGANTab", "G(x) toward Y")),
    (names.EVAL_TOWARD_X, PURPLE, QT_TRANSLATE_NOOP("CycleGANTab", "F(y) toward X")))
DASHED = (names.LOSS_IDT_X, names.LOSS_IDT_Y)
# The engine's Params.code_refused (NO_FOLDER_SCRIPT), marked here for the Korean file.
QT_TRANSLATE_NOOP("errors", "No code is shown for domains folders: a script with only torch "
                            "and NumPy cannot read your own folders of images (dlab reads them "
                            "with Pillow). Choose point or digit domains to see the code.")


def arrow_segments(base: np.ndarray, push: np.ndarray, longest: float) -> np.ndarray:
    """Arrows from each base point along its push, the longest ``longest`` long, as line
    segments (shaft and two barbs) for pyqtgraph's connect="pairs"."""
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
    c = pg.mkColor(real_color)
    tint = pg.mkColor(*(int(255 - 0.3 * (255 - v)) for v in (c.red(), c.green(), c.blue())))
    cmap = pg.ColorMap([0.0, 0.5, 1.0], [pg.mkColor("#d2d2d2"), pg.mkColor("#ffffff"), tint])
    return cmap.getLookupTable(nPts=256)


class _DrawBox(pg.ViewBox):
    """Hands mouse drags to its view while the view draws; no panning or zooming."""

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self.view: MapView | None = None
        self.setMouseEnabled(False, False)

    def mouseDragEvent(self, ev, axis=None) -> None:  # noqa: N802, ANN001 (pyqtgraph's)
        if self.view is None or not self.view.drawing:
            ev.ignore()
            return
        ev.accept()
        p = self.mapSceneToView(ev.scenePos())
        self.view.stroked.emit(QPointF(p), ev.isFinish())


class MapView(PlotBase):
    """One direction of the cycle on the plane: the source and target domains, the
    generator's image of the source, its way back, lines from a few points to their
    images, the target's discriminator as the background, and arrows showing where the
    generator's adversarial loss pushes its fakes."""

    stroked = Signal(QPointF, bool)  # while drawing: a point of the plane, stroke done

    def __init__(self, source_color: str, target_color: str) -> None:
        box = _DrawBox()
        super().__init__(box)
        box.view = self
        self.drawing = False
        self.image = pg.ImageItem()
        self.image.setLookupTable(heat_lut(target_color))
        self.image.setLevels((0.0, 1.0))
        self.addItem(self.image)
        self.links = pg.PlotDataItem(connect="pairs", pen=pg.mkPen((90, 90, 90, 150), width=1))
        self.source = pg.ScatterPlotItem(size=5, brush=source_color, pen=None)
        self.target = pg.ScatterPlotItem(size=5, brush=target_color, pen=None)
        self.fake = pg.ScatterPlotItem(size=6, brush=GREEN, pen=pen("#FFFFFF", 0.6))
        self.back = pg.ScatterPlotItem(size=7, symbol="x", brush=PURPLE, pen=None)
        self.arrows = pg.PlotDataItem(connect="pairs", pen=pen(ARROW_BLACK, 1.2))
        self.sketch = pg.ScatterPlotItem(size=7, pen=pen("#000000", 0.8))  # being drawn
        for item in (self.links, self.target, self.source, self.back, self.fake, self.arrows,
                     self.sketch):
            self.addItem(item)
        self.plotItem.setAspectLocked(True)
        self.plotItem.setMenuEnabled(False)
        self.plotItem.hideButtons()
        self.setMinimumSize(MIN_PLOT_H, MIN_PLOT_H)
        self._extent: tuple[float, float, float, float] | None = None  # of the heat map
        x0, x1, y0, y1 = EXTENT  # the plane shows before the first frame (to draw on)
        self.plotItem.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def set_sketch(self, points: np.ndarray, color: str) -> None:
        """The points of a domain being drawn, over everything else."""
        self.sketch.setData(points[:, 0], points[:, 1], brush=color)

    def set_frame(self, heat: np.ndarray, extent: tuple[float, float, float, float],
                  source: np.ndarray, target: np.ndarray, fake: np.ndarray,
                  back: np.ndarray, push: np.ndarray) -> None:
        self.image.setImage(heat, autoLevels=False)
        if extent != self._extent:  # (setRect scales by the image's size: after setImage)
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

    def show_domains(self, source: np.ndarray, target: np.ndarray) -> None:
        """The two domains alone, before a run has drawn its generator's images."""
        self.source.setData(source[:, 0], source[:, 1])
        self.target.setData(target[:, 0], target[:, 1])

    def clear_data(self) -> None:
        self.image.clear()
        self._extent = None
        for item in (self.links, self.source, self.target, self.fake, self.back, self.arrows):
            item.setData([], [])


class CycleGANTab(TopicTab):
    def build_view(self, parent: QWidget) -> None:
        self._frame: CycleFrame | None = None
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
        points_page = QWidget()
        points_page.setLayout(maps)
        maps.setContentsMargins(0, 0, 0, 0)

        # Image domains: the same held-out digits every frame, and where each cycle takes
        # them (rows: the real image, its translation, and back again).
        self.grids = {
            "G": ImageGrid(QT_TRANSLATE_NOOP("CycleGANTab", "x → G(x) → F(G(x))"),
                           columns=SHOWN_IMAGES, caption_left=True),
            "F": ImageGrid(QT_TRANSLATE_NOOP("CycleGANTab", "y → F(y) → G(F(y))"),
                           columns=SHOWN_IMAGES, caption_left=True)}
        images_page = QWidget()
        il = QHBoxLayout(images_page)
        il.setContentsMargins(0, 0, 0, 0)
        for grid in self.grids.values():
            il.addWidget(grid, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(points_page)
        self.pages.addWidget(images_page)

        self.curve_plots = (
            (CurvePlot(QT_TRANSLATE_NOOP("CycleGANTab", "Adversarial losses"), ITERATION,
                       QT_TRANSLATE_NOOP("CycleGANTab", "least squares")), ADVERSARIAL),
            (CurvePlot(QT_TRANSLATE_NOOP("CycleGANTab", "Cycle and identity losses"),
                       ITERATION, QT_TRANSLATE_NOOP("CycleGANTab", "mean |error|"),
                       log_y=True), RECONSTRUCTION),
            (CurvePlot(QT_TRANSLATE_NOOP("CycleGANTab", "Held-out measures"), ITERATION,
                       QT_TRANSLATE_NOOP("CycleGANTab", "distance"), log_y=True), MEASURES),
            (CurvePlot(QT_TRANSLATE_NOOP("CycleGANTab", "Measured on held-out digits"),
                       ITERATION,
                       QT_TRANSLATE_NOOP("CycleGANTab", "mean |error|, share of the way")),
             DIGIT_MEASURES),
        )
        for plot, _ in self.curve_plots:
            EmptyHint(plot, QT_TRANSLATE_NOOP("CycleGANTab", "Press Run or Step."))
        self.curve_keys: list[QLabel] = []
        curves = QHBoxLayout()
        # The last two plots share a place: the point measures or the digit measures.
        self.measure_pages = QStackedWidget()
        for plot, series in self.curve_plots:
            for name, color, label in series:
                plot.curve(name, label, color,
                           dense=series not in (MEASURES, DIGIT_MEASURES),
                           dashed=name in DASHED)
            # Per-iteration losses fill the plot, so the key goes under it, not over it.
            # (Emptied, not hidden: a hidden legend raised on deletion after a change of
            # language.)
            plot.legend.clear()
            key = QLabel()
            key.setWordWrap(True)
            key.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.curve_keys.append(key)
            column = QVBoxLayout()
            column.addWidget(plot, 1)
            column.addWidget(key)
            if series in (MEASURES, DIGIT_MEASURES):
                page = QWidget()
                page.setLayout(column)
                column.setContentsMargins(0, 0, 0, 0)
                self.measure_pages.addWidget(page)
            else:
                curves.addLayout(column, 1)
        curves.addWidget(self.measure_pages, 1)

        lay = QVBoxLayout(parent)
        lay.setContentsMargins(0, 0, 0, 0)
        self.tools_row = QHBoxLayout()  # Step D/G only, and the buttons to draw a domain
        lay.addLayout(self.tools_row)
        lay.addWidget(self.head)
        lay.addWidget(self.pages, 1)
        lay.addLayout(curves, 1)
        # Shared by stretch alone (a plot's size hint is the size it had; presenting, the
        # curves kept theirs and the digits shrank to 20 px).
        by_stretch(self.pages, self.measure_pages, *self.maps.values(), *self.grids.values(),
                   *(plot for plot, _ in self.curve_plots))

        self.step_d_btn, self.step_g_btn = QPushButton(), QPushButton()
        self.step_d_btn.clicked.connect(self.step_discriminators)
        self.step_g_btn.clicked.connect(self.step_generators)
        # One row of this tab's own buttons under the headline: the transport bar above is
        # full at 1280 pixels.
        self.tools_row.addWidget(self.step_d_btn)
        self.tools_row.addWidget(self.step_g_btn)
        self.tools_row.addStretch(1)

        # Drawing a domain: while a Draw button is down, drags on either map spray points.
        self.draw_btns = {"x": QPushButton(), "y": QPushButton()}
        for side, btn in self.draw_btns.items():
            btn.setCheckable(True)
            btn.toggled.connect(lambda on, side=side: self.set_drawing(side if on else None))
            self.tools_row.addWidget(btn)
        self.clear_draw_btn = QPushButton()
        self.clear_draw_btn.clicked.connect(self.clear_drawings)
        self.tools_row.addWidget(self.clear_draw_btn)
        for view in self.maps.values():
            view.stroked.connect(self._on_stroke)
        self.drawing: str | None = None  # "x" or "y" while drawing that domain
        self.sketch = np.zeros((0, 2), np.float32)
        self._last: np.ndarray | None = None  # where the current stroke is
        self.seed.valueChanged.connect(self._preview_domains)
        self.params_changed(self.params())

    # --- user actions -----------------------------------------------------------------
    @Slot()
    def step_discriminators(self) -> None:
        self._step_only("discriminators")

    @Slot()
    def step_generators(self) -> None:
        self._step_only("generators")

    def _step_only(self, part: str) -> None:
        """One step that trains only ``part``. The form shows the choice, so Step and Run
        go on that way until it is changed back."""
        self._set_live(update=part)
        self.step()

    def params_changed(self, params: CycleGANParams) -> None:
        if not self.runner.is_active():
            self._show_page(params.domains in IMAGE_DOMAINS)
            self._preview_domains()

    @Slot()
    def _preview_domains(self) -> None:
        """Before a run is drawn, show the X and Y it will translate between (the engine
        makes the same points from the same parameters and seed)."""
        p = self.params()
        if self._frame is not None or self.runner.is_active() or p.domains in IMAGE_DOMAINS:
            return
        if first_paint.later(self._preview_domains):  # numpy.random: after the window shows
            return
        x, y = (held_out for _, held_out in domain_sets(
            point_domains(p.domains, self.seed.value()), p.drawn_x, p.drawn_y))
        self.maps["G"].show_domains(x, y)
        self.maps["F"].show_domains(y, x)

    def adjust_edit(self, old: CycleGANParams, new: CycleGANParams) -> CycleGANParams:
        """Digits are slower than points: switching to them brings a smaller batch."""
        if new.domains in IMAGE_DOMAINS and old.domains not in IMAGE_DOMAINS:
            return new.replace(batch_size=min(new.batch_size, IMAGE_BATCH))
        return new

    def _show_page(self, images: bool) -> None:
        self.pages.setCurrentIndex(1 if images else 0)
        self.measure_pages.setCurrentIndex(1 if images else 0)
        if images:
            self.set_drawing(None)
        for btn in (*self.draw_btns.values(), self.clear_draw_btn):
            btn.setEnabled(not images)

    # --- drawing a domain with the mouse ------------------------------------------------
    def set_drawing(self, side: str | None) -> None:
        """Start drawing domain ``side`` afresh ("x" or "y"), or stop drawing (None)."""
        self.drawing = side
        for key, btn in self.draw_btns.items():
            if btn.isChecked() != (key == side):
                btn.blockSignals(True)
                btn.setChecked(key == side)
                btn.blockSignals(False)
        for view in self.maps.values():
            view.drawing = side is not None
        self.sketch = np.zeros((0, 2), np.float32)
        self._last = None
        self._show_sketch()

    @Slot(QPointF, bool)
    def _on_stroke(self, pos: QPointF, done: bool) -> None:
        """A drag over a map: spray points along it; at its end the drawing so far becomes
        the domain (live, when a run is going)."""
        if self.drawing is None:
            return
        x0, x1, y0, y1 = EXTENT
        here = np.array([min(max(pos.x(), x0), x1), min(max(pos.y(), y0), y1)], np.float32)
        start = here if self._last is None else self._last
        n = max(1, int(np.linalg.norm(here - start) / SPRAY_STEP))
        along = start + (here - start) * (np.arange(1, n + 1)[:, None] / n)
        rng = np.random.default_rng(len(self.sketch))  # the same drag draws the same points
        new = along + rng.normal(0, SPRAY_SPREAD, along.shape)
        new = np.clip(new, [x0, y0], [x1, y1]).astype(np.float32)
        self.sketch = np.concatenate([self.sketch, new])
        self._last = None if done else here
        self._show_sketch()
        if done and len(self.sketch) >= MIN_DRAWN:
            field = "drawn_x" if self.drawing == "x" else "drawn_y"
            self._set_live(**{field: format_drawn(self.sketch)})

    @Slot()
    def clear_drawings(self) -> None:
        """Back to the chosen domains' own X and Y."""
        self.set_drawing(None)
        self._set_live(drawn_x="", drawn_y="")

    def _set_live(self, **changes: str) -> None:
        params = self.params().replace(**changes)
        if params != self.params():
            self.set_params(params)
            if self.runner.is_active():
                self.runner.update(params)

    def _show_sketch(self) -> None:
        color = DOMAIN_COLORS.get(self.drawing or "x")
        for view in self.maps.values():
            view.set_sketch(self.sketch, color)

    # --- drawing ----------------------------------------------------------------------
    def draw(self, batch: Snapshot[CycleFrame]) -> Iterator[None]:
        for plot, series in self.curve_plots:
            bufs = [self.store.get(name) for name, _, _ in series]
            for (name, _, _), buf in zip(series, bufs, strict=True):
                plot.set_series(name, buf)
            plot.hints[0].set_empty(all(buf is None or not buf.n for buf in bufs))
            yield
        f = batch.frame
        if f is not None and f.kind == IMAGES:
            self._frame = f
            self._show_page(True)
            rows = {"G": (("x", f.img_x), ("G(x)", f.img_fake_y), ("F(G(x))", f.img_rec_x)),
                    "F": (("y", f.img_y), ("F(y)", f.img_fake_x), ("G(F(y))", f.img_rec_y))}
            for key, grid in self.grids.items():
                cells = [img for _, row in rows[key] for img in row]
                captions = [name if k == 0 else "" for name, row in rows[key]
                            for k in range(len(row))]
                grid.set_images(cells, captions)
                yield
        elif f is not None:
            self._frame = f
            self._show_page(False)
            self.maps["G"].set_frame(f.d_y, f.extent, f.x, f.y, f.fake_y, f.rec_x, f.push_y)
            yield
            self.maps["F"].set_frame(f.d_x, f.extent, f.y, f.x, f.fake_x, f.rec_y, f.push_x)
        self._show_head()

    def _show_head(self) -> None:
        cycle = self.store.last(names.EVAL_CYCLE_X)
        near = self.store.last(names.EVAL_FAKE_TO_Y)
        toward = self.store.last(names.EVAL_TOWARD_Y)
        if cycle is not None and toward is not None:  # digits
            self.head.setText(translate(
                "CycleGANTab", "Iteration {0}: G(x) has gone {1:.0f} % of the way from X's "
                               "look to Y's; F(G(x)) differs from x by {2:.3f} per pixel "
                               "on average").format(self.last_step, 100 * toward, cycle))
            return
        if cycle is not None and near is None:  # a user's folders
            self.head.setText(translate(
                "CycleGANTab", "Iteration {0}: F(G(x)) differs from x by {1:.3f} per pixel on "
                               "average (pixels from −1 to 1)").format(self.last_step, cycle))
            return
        if cycle is None or near is None:
            self.head.setText(translate(
                "CycleGANTab", "X and Y are two unpaired point clouds. Press Run: G learns to "
                               "carry X onto Y, F to carry Y back."))
            return
        self.head.setText(translate(
            "CycleGANTab", "Iteration {0}: F(G(x)) is {1:.2f} from x on average; G(x) is "
                           "{2:.2f} from the nearest y").format(self.last_step, cycle, near))

    def clear_view(self) -> None:
        super().clear_view()
        self._frame = None
        self._show_sketch()
        self._show_head()
        self._preview_domains()

    def retranslate_view(self) -> None:
        self.map_titles["G"].setText(translate(
            "CycleGANTab", "G: X → Y, judged by D_Y (background)"))
        self.map_titles["F"].setText(translate(
            "CycleGANTab", "F: Y → X, judged by D_X (background)"))
        self.map_keys["G"].setText(key_html([
            ("●", BLUE, "x"), ("●", ORANGE, "y"), ("●", GREEN, "G(x)"),
            ("✕", PURPLE, "F(G(x))"),
            ("—", LINK_GREY, translate("CycleGANTab", "x to G(x)")),
            ("→", ARROW_BLACK, translate("CycleGANTab", "push on G(x)"))]))
        self.map_keys["F"].setText(key_html([
            ("●", ORANGE, "y"), ("●", BLUE, "x"), ("●", GREEN, "F(y)"),
            ("✕", PURPLE, "G(F(y))"),
            ("—", LINK_GREY, translate("CycleGANTab", "y to F(y)")),
            ("→", ARROW_BLACK, translate("CycleGANTab", "push on F(y)"))]))
        for key, (_, series) in zip(self.curve_keys, self.curve_plots, strict=True):
            key.setText(key_html([("╍╍" if name in DASHED else "━━", color, label.text())
                                  for name, color, label in series]))
        self.step_d_btn.setText(translate("CycleGANTab", "Step D only"))
        self.step_d_btn.setToolTip(translate(
            "CycleGANTab", "One step that trains only the discriminators D_X and D_Y (sets "
                           "'Each step trains')"))
        self.step_g_btn.setText(translate("CycleGANTab", "Step G only"))
        self.step_g_btn.setToolTip(translate(
            "CycleGANTab", "One step that trains only the generators G and F (sets 'Each "
                           "step trains')"))
        self.draw_btns["x"].setText(translate("CycleGANTab", "Draw X"))
        self.draw_btns["x"].setToolTip(translate(
            "CycleGANTab", "Drag over a map to draw domain X; it replaces X at the end of "
                           "each stroke, also while a run goes on"))
        self.draw_btns["y"].setText(translate("CycleGANTab", "Draw Y"))
        self.draw_btns["y"].setToolTip(translate(
            "CycleGANTab", "Drag over a map to draw domain Y; it replaces Y at the end of "
                           "each stroke, also while a run goes on"))
        self.clear_draw_btn.setText(translate("CycleGANTab", "Undraw"))
        self.clear_draw_btn.setToolTip(translate(
            "CycleGANTab", "Forget the drawn domains: back to X and Y of the chosen domains"))
        self._show_head()
