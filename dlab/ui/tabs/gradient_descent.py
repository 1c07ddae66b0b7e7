"""Topic 1: full batch, mini-batch and SGD on a real network, and walks on loss surfaces."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dlab.core.datasets2d import make_2d_classification
from dlab.core.snapshot import Snapshot
from dlab.engines.gradient_descent.frame import EXTENT, CompareFrame, GDFrame
from dlab.engines.gradient_descent.params import MODES, GDParams
from dlab.engines.gradient_descent.surfaces import GD_SURFACES
from dlab.ui import first_paint, look
from dlab.ui.i18n import QT_TRANSLATE_NOOP, translate
from dlab.ui.labels import text_label
from dlab.ui.plots import (
    LOSS,
    MIN_PLOT_H,
    PALETTE,
    STEP,
    TRAINING_LOSS,
    CurvePlot,
    LabelledPlot,
    PlotBase,
    SurfaceView,
    pen,
)
from dlab.ui.stat_plots import EmptyHint
from dlab.ui.topic_tab import TopicTab, draw_all

LOSS_ALL = QT_TRANSLATE_NOOP("GradientDescentTab", "loss on all data")
MODE_COLORS = dict(zip(MODES, PALETTE, strict=False))
MODE_NAMES = {"batch": QT_TRANSLATE_NOOP("GradientDescentTab", "batch"),
              "minibatch": QT_TRANSLATE_NOOP("GradientDescentTab", "minibatch"),
              "sgd": QT_TRANSLATE_NOOP("GradientDescentTab", "sgd")}


class BoundaryView(PlotBase):
    """The network's P(class 1) over the plane, the 0.5 line, and the data."""

    def __init__(self) -> None:
        super().__init__()
        self.image = pg.ImageItem()
        cmap = pg.ColorMap([0.0, 0.5, 1.0], ["#4d8fcc", "#f7f7f7", "#e8894a"])
        self.image.setLookupTable(cmap.getLookupTable(nPts=256))
        self.image.setLevels((0.0, 1.0))
        self.addItem(self.image)
        self.line = pg.PlotDataItem(connect="pairs", pen=pen("#000000", 2))
        self.addItem(self.line)
        self.dots = [pg.ScatterPlotItem(size=7, brush=c, pen=pen("#FFFFFF", 0.8))
                     for c in ("#0b4f8a", "#a63d00")]
        for d in self.dots:
            # The data stay put while the boundary moves under them: painted once into a
            # pixmap, then the pixmap is shown at every frame.
            d.setCacheMode(pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self.addItem(d)
        self.plotItem.setAspectLocked(True)
        self.plotItem.setMenuEnabled(False)
        self.setMinimumSize(MIN_PLOT_H, MIN_PLOT_H)

    def set_points(self, pts: np.ndarray, labels: np.ndarray) -> None:
        for cls, dots in enumerate(self.dots):
            sel = labels == cls
            dots.setData(pts[sel, 0], pts[sel, 1])

    def set_boundary(self, prob: np.ndarray, line: np.ndarray,
                     extent: tuple[float, float, float, float]) -> None:
        first = self.image.image is None
        self.image.setImage(prob, autoLevels=False)
        self.line.setData(line[:, 0], line[:, 1])
        if first:
            x0, x1, y0, y1 = extent
            self.image.setRect(pg.QtCore.QRectF(x0, y0, x1 - x0, y1 - y0))
            self.plotItem.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def show_data(self, pts: np.ndarray, labels: np.ndarray) -> None:
        """The data alone, before a run has coloured the plane."""
        self.set_points(pts, labels)
        x0, x1, y0, y1 = EXTENT
        self.plotItem.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def clear_data(self) -> None:
        self.image.clear()
        self.line.setData([], [])
        for d in self.dots:
            d.setData([], [])


class GradientDescentTab(TopicTab):
    def build_view(self, parent: QWidget) -> None:
        self._diverged: tuple[str, ...] = ()
        self.ipe_label = text_label(13, bold=True, wrap=True)
        self.boundary = BoundaryView()
        # The batch losses fill the plot's width: the key goes under the title.
        self.loss_plot = CurvePlot(
            TRAINING_LOSS, QT_TRANSLATE_NOOP("GradientDescentTab", "iteration"), LOSS,
            key_in_title=True)
        self.loss_plot.curve(
            "loss", QT_TRANSLATE_NOOP("GradientDescentTab", "loss of each update's batch"),
            "#8fb0d6", dense=True)
        self.loss_plot.curve(
            "epoch_loss",
            QT_TRANSLATE_NOOP("GradientDescentTab", "loss on all data, end of epoch"),
            PALETTE[1], symbol="o")

        EmptyHint(self.loss_plot, QT_TRANSLATE_NOOP(
            "GradientDescentTab", "Press Run or Step: the loss of each update, and of all the "
                                  "data at the end of each epoch."))

        train = QWidget()
        tl = QVBoxLayout(train)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.ipe_label)
        tl.addWidget(self.boundary, 5)
        tl.addWidget(self.loss_plot, 4)  # its title has the key under it

        self.surface = SurfaceView(QT_TRANSLATE_NOOP("GradientDescentTab",
                                                     "Loss surface (click to choose the start)"))
        self.surface.path("walk", PALETTE[1])  # a few hundred points: stays wide
        self.surface.clicked.connect(self._on_surface_click)
        gradient = QT_TRANSLATE_NOOP("GradientDescentTab", "|gradient|")
        self.gnorm_plot = CurvePlot(
            QT_TRANSLATE_NOOP("GradientDescentTab", "Surface: gradient norm"), STEP, gradient,
            log_y=True)
        self.gnorm_plot.curve("g", gradient, PALETTE[0], dense=True)
        EmptyHint(self.gnorm_plot, QT_TRANSLATE_NOOP(
            "GradientDescentTab", "The size of the gradient at each step of the walk."))
        self.surface_label = QLabel()
        land = QWidget()
        ll = QVBoxLayout(land)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.surface, 3)
        ll.addWidget(self.surface_label)
        ll.addWidget(self.gnorm_plot, 2)

        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        self.train_title, self.land_title = text_label(14, bold=True), text_label(14, bold=True)
        grid.addWidget(self.train_title, 0, 0)
        grid.addWidget(self.land_title, 0, 1)
        grid.addWidget(train, 1, 0)
        grid.addWidget(land, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        # The compare page is made when Compare first runs (after the window's first paint).
        self.cmp_title: QLabel | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(page)
        outer = QVBoxLayout(parent)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        self.compare_btn = QPushButton()
        self.compare_btn.clicked.connect(self.run_compare)
        self.extra_bar.addWidget(self.compare_btn)
        self._points_set = False
        self.seed.valueChanged.connect(self._preview_data)
        self.params_changed(self.params())

    def _build_compare(self) -> None:
        """Compare modes: same seed, same initial weights, three update schedules."""
        if self.cmp_title is not None:
            return
        self.cmp_title = text_label(14, bold=True)
        self.cmp_epoch = CurvePlot(QT_TRANSLATE_NOOP("GradientDescentTab", "Loss per epoch"),
                                   QT_TRANSLATE_NOOP("GradientDescentTab", "epoch"), LOSS_ALL)
        self.cmp_seen = CurvePlot(
            QT_TRANSLATE_NOOP("GradientDescentTab", "Loss against examples seen"),
            QT_TRANSLATE_NOOP("GradientDescentTab", "examples seen"), LOSS_ALL)
        for mode in MODES:
            self.cmp_epoch.curve(mode, MODE_NAMES[mode], MODE_COLORS[mode], symbol="o")
            self.cmp_seen.curve(mode, MODE_NAMES[mode], MODE_COLORS[mode], symbol="o")
        self.cmp_label = text_label(12, wrap=True)
        cmp = QWidget()
        cl = QGridLayout(cmp)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.cmp_title, 0, 0, 1, 2)
        cl.addWidget(self.cmp_label, 1, 0, 1, 2)
        cl.addWidget(self.cmp_epoch, 2, 0)
        cl.addWidget(self.cmp_seen, 2, 1)
        cl.setRowStretch(2, 1)
        self.pages.addWidget(cmp)
        if not look.is_default():  # made after a zoom or in presentation mode
            look.apply(cmp)
        self.retranslate_view()

    # --- user actions -----------------------------------------------------------------
    @Slot()
    def run_compare(self) -> None:
        self.start_action("compare")

    @Slot(float, float)
    def _on_surface_click(self, x: float, y: float) -> None:
        p = self.params()
        self.set_params(p.replace(start_x=round(x, 2), start_y=round(y, 2)))
        if self.runner.is_active():
            self.runner.update(self.params())

    def adjust_edit(self, old: GDParams, new: GDParams) -> GDParams:
        if new.landscape != old.landscape:  # a new surface starts where its lesson shows
            x, y = GD_SURFACES[new.landscape].start
            return new.replace(start_x=x, start_y=y)
        return new

    def params_changed(self, params: GDParams) -> None:
        self.surface.set_surface(GD_SURFACES[params.landscape])
        self.surface.set_start(params.start_x, params.start_y)
        if not self.runner.is_active():
            self._show_ipe(params)
            self._preview_data()

    @Slot()
    def _preview_data(self) -> None:
        """Before a run is drawn, show the data set it will train on (the engine makes
        the same points from the same parameters and seed)."""
        if self._points_set or self.runner.is_active():
            return
        # Launched, the points come right after the window's first paint: making them
        # imports numpy.random (and OpenSSL, for its seeds), 11 ms of CPU before it.
        if first_paint.later(self._preview_data):
            return
        p = self.params()
        self.boundary.show_data(*make_2d_classification(p.data, p.dataset_size,
                                                         self.seed.value()))

    def begin(self, action: str) -> None:
        super().begin(action)
        if action == "compare":
            self._build_compare()
        self.pages.setCurrentIndex(1 if action == "compare" else 0)

    def x_span(self, plot: LabelledPlot, planned: int) -> float | None:
        """Training's iterations and the walk's steps, one of each a step, end apart (the
        run goes on to the later); Compare's plots count epochs and examples seen."""
        p = self.params()
        if self.action == "compare":
            return {id(self.cmp_epoch): planned,
                    id(self.cmp_seen): planned * p.dataset_size}.get(id(plot))
        return {id(self.loss_plot): min(planned, p.epochs * p.iterations_per_epoch()),
                id(self.gnorm_plot): min(planned, p.landscape_steps)}.get(id(plot))

    # --- drawing ----------------------------------------------------------------------
    def _show_ipe(self, p: GDParams, iteration: int = 0, epoch: int = 0) -> None:
        n, b = p.dataset_size, p.effective_batch()
        text = translate("GradientDescentTab",
                         "Iterations per epoch = ⌈N / B⌉ = ⌈{0} / {1}⌉ = {2}").format(
            n, b, p.iterations_per_epoch())
        if iteration:
            text += "   ·   " + translate("GradientDescentTab",
                                          "iteration {0}, epoch {1}").format(iteration, epoch)
        self.ipe_label.setText(text)

    def draw(self, batch: Snapshot[GDFrame]) -> Iterator[None]:
        if self.action == "compare":
            yield from self._draw_compare(batch)
            return
        f = batch.frame
        if f is not None:
            if not self._points_set:
                self.boundary.set_points(f.points, f.labels)
                self._points_set = True
            self.boundary.set_boundary(f.boundary, f.boundary_line, f.extent)
            self._show_ipe(self.params(), f.iteration, f.epoch)
            self._walk_from, self._walk_start = f.walk_from, f.walk_start
            yield
        loss = self.store.get("loss")
        self.loss_plot.set_series("loss", loss)
        self.loss_plot.hints[0].set_empty(loss is None or not loss.n)
        ep = self.store.get("epoch_loss")
        if ep is not None and ep.n:
            self.loss_plot.set_xy("epoch_loss", ep.x, ep.y)
        yield
        yield from self._draw_walk()

    def _draw_walk(self) -> Iterator[None]:
        xs, ys = self.store.get("landscape/x"), self.store.get("landscape/y")
        start = getattr(self, "_walk_start", None)
        if xs is None or start is None:
            return
        k = getattr(self, "_walk_from", 0)
        x = np.concatenate([[start[0]], xs.y[k:]])
        y = np.concatenate([[start[1]], ys.y[k:]])
        self.surface.set_path("walk", x, y)
        yield
        g = self.store.get("landscape/grad_norm")
        if g is not None:
            self.gnorm_plot.set_xy("g", g.x[k:] - k, g.y[k:])
            self.gnorm_plot.hints[0].set_empty(g.n <= k)
        loss = self.store.last("landscape/loss")
        if loss is not None:
            self.surface_label.setText(
                translate("GradientDescentTab", "step {0}: loss {1:.4g}, |gradient| {2:.3g}")
                .format(len(x) - 1, loss, g.y[-1] if g else 0.0))

    def _draw_compare(self, batch: Snapshot[CompareFrame]) -> Iterator[None]:
        if self.cmp_title is None:  # Compare has not run: nothing to draw
            return
        if batch.frame is not None:
            self._diverged = batch.frame.diverged
        for mode in MODES:
            self.cmp_epoch.set_series(mode, self.store.get(f"compare/{mode}/epoch_loss"))
        yield
        for mode in MODES:
            self.cmp_seen.set_series(mode, self.store.get(f"compare/{mode}/seen_loss"))
        parts = []
        for mode in MODES:
            upd = self.store.get(f"compare/{mode}/updates")
            ep = self.store.get(f"compare/{mode}/epoch_loss")
            if upd is not None and upd.n and ep is not None:
                parts.append(translate("GradientDescentTab", "{0}: {1} updates, loss {2:.3f}")
                             .format(MODE_NAMES[mode].text(), int(upd.y[-1]), ep.y[-1]))
                if mode in self._diverged:
                    parts[-1] += " " + translate("GradientDescentTab", "(diverged)")
        self.cmp_label.setText("   ·   ".join(parts) or translate(
            "GradientDescentTab", "Press Compare modes to train all three."))

    def clear_view(self) -> None:
        super().clear_view()
        self._points_set = False
        self.surface_label.setText("")
        self._walk_start = None
        self._diverged = ()
        self._show_ipe(self.params())
        self._preview_data()

    def retranslate_view(self) -> None:
        self.train_title.setText(translate("GradientDescentTab", "Real training"))
        self.land_title.setText(translate("GradientDescentTab", "Loss landscape"))
        if self.cmp_title is not None:
            self.cmp_title.setText(translate(
                "GradientDescentTab", "Full batch, mini-batch and SGD from the same weights"))
        self.compare_btn.setText(translate("GradientDescentTab", "Compare modes"))
        self.compare_btn.setToolTip(translate(
            "GradientDescentTab", "Train full batch, mini-batch and SGD from the same seed and "
                                  "initial weights, and overlay their curves"))
        self._show_ipe(self.params())
        draw_all(self._draw_compare(Snapshot()))
