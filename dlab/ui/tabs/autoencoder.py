"""Topic 4: autoencoders. Digits squeezed through a few latent numbers and rebuilt:
originals beside reconstructions, the latent map of every test digit coloured by its
label, the decoder's digit for any point clicked on the map, and the reconstruction error
against PCA's."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dlab.core.digits import load_digits, one_of_each, to_float
from dlab.core.snapshot import Snapshot
from dlab.engines.autoencoder.frame import PCA_LOSS, TRAIN_LOSS, VAL_LOSS, AutoencoderFrame
from dlab.engines.autoencoder.maps import decode_map_point
from dlab.engines.autoencoder.params import AutoencoderParams
from dlab.ui import first_paint
from dlab.ui.i18n import QT_TRANSLATE_NOOP, translate
from dlab.ui.image_grid import ImageGrid
from dlab.ui.labels import text_label
from dlab.ui.layouts import by_stretch
from dlab.ui.plots import PALETTE, CurvePlot, LabelledPlot, pen
from dlab.ui.stat_plots import EmptyHint
from dlab.ui.topic_tab import TopicTab

# Ten colours that stay apart on a projector (Okabe-Ito and four more).
DIGIT_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
                "#000000", "#BCBD22", "#8C564B", "#999999"]
CURVES = {
    TRAIN_LOSS: (QT_TRANSLATE_NOOP("AutoencoderTab", "training"), PALETTE[0], False),
    VAL_LOSS: (QT_TRANSLATE_NOOP("AutoencoderTab", "validation"), PALETTE[1], False),
    PCA_LOSS: (QT_TRANSLATE_NOOP("AutoencoderTab", "PCA, same size"), PALETTE[2], True),
}
EPOCH = QT_TRANSLATE_NOOP("AutoencoderTab", "epoch")


class LatentMap(LabelledPlot):
    """Every test digit as a dot at its latent code, coloured by its label; a click
    anywhere emits the point, which is marked with a cross."""

    clicked = Signal(float, float)

    def __init__(self) -> None:
        super().__init__(None, QT_TRANSLATE_NOOP("AutoencoderTab", "latent 1"),
                         QT_TRANSLATE_NOOP("AutoencoderTab", "latent 2"))
        self.dots = pg.ScatterPlotItem(size=6, pen=None)
        self.cross = pg.ScatterPlotItem(size=18, symbol="x", pen=pen("#000000", 3),
                                        brush="#FFFFFF")
        self.addItem(self.dots)
        self.addItem(self.cross)
        self.brushes = [pg.mkBrush(c) for c in DIGIT_COLORS]
        self._labels: np.ndarray | None = None
        self._brush_list: list = []
        self.plotItem.setMenuEnabled(False)
        self.plotItem.getViewBox().setMouseEnabled(False, False)
        self.scene().sigMouseClicked.connect(self._on_click)

    def set_points(self, xy: np.ndarray, labels: np.ndarray) -> None:
        if self._labels is None or not np.array_equal(labels, self._labels):
            self._labels = labels.copy()
            self._brush_list = [self.brushes[int(k)] for k in labels]
        self.dots.setData(x=xy[:, 0], y=xy[:, 1], brush=self._brush_list)

    def set_cross(self, x: float, y: float) -> None:
        self.cross.setData([x], [y])

    def clear_data(self) -> None:
        self.dots.setData([], [])
        self.cross.setData([], [])
        self._labels = None

    @Slot(object)
    def _on_click(self, event) -> None:  # noqa: ANN001 (a pyqtgraph event)
        vb = self.plotItem.getViewBox()
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        p = vb.mapSceneToView(QPointF(event.scenePos()))
        self.clicked.emit(float(p.x()), float(p.y()))


class AutoencoderTab(TopicTab):
    def build_view(self, parent: QWidget) -> None:
        self._frame: AutoencoderFrame | None = None
        self._point: tuple[float, float] | None = None  # the last click on the map

        self.head = text_label(14, bold=True, wrap=True)
        self.loss_plot = CurvePlot(QT_TRANSLATE_NOOP("AutoencoderTab", "Reconstruction error"),
                                   EPOCH, QT_TRANSLATE_NOOP("AutoencoderTab", "MSE per pixel"))
        for key, (name, color, dashed) in CURVES.items():
            self.loss_plot.curve(key, name, color, dashed=dashed,
                                 symbol=None if dashed else "o")
        self.loss_plot.legend.hide()  # it would cover the curves: a key under the plot
        self.loss_key = QLabel()
        self.loss_key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recon = ImageGrid(QT_TRANSLATE_NOOP("AutoencoderTab",
                                                 "Test digits (top) and their reconstructions"),
                               columns=10, captions=False)
        self.map = LatentMap()
        self.map.clicked.connect(self._on_map_click)
        self.key = text_label(13, bold=True)  # its size follows the look (presenting)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setText("&nbsp;&nbsp;".join(f"<span style='color:{c}'>{d}</span>"
                                             for d, c in enumerate(DIGIT_COLORS)))
        self.decoded = ImageGrid(None, columns=1, captions=False)  # titled with the point
        self.decoded_note = QLabel()
        self.decoded_note.setWordWrap(True)
        EmptyHint(self.loss_plot, QT_TRANSLATE_NOOP(
            "AutoencoderTab", "Training and validation error per epoch; dashed: PCA."))
        EmptyHint(self.map, QT_TRANSLATE_NOOP(
            "AutoencoderTab", "Every test digit at its latent code, coloured by its label."))

        top = QHBoxLayout()
        losses = QVBoxLayout()
        losses.addWidget(self.loss_plot, 1)
        losses.addWidget(self.loss_key)
        top.addLayout(losses, 2)
        top.addWidget(self.recon, 3)
        left = QVBoxLayout()
        left.addWidget(self.map, 1)
        left.addWidget(self.key)
        right = QVBoxLayout()
        right.addWidget(self.decoded, 1)
        right.addWidget(self.decoded_note)
        bottom = QHBoxLayout()
        bottom.addLayout(left, 3)
        bottom.addLayout(right, 2)
        lay = QVBoxLayout(parent)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.head)
        lay.addLayout(top, 2)
        lay.addLayout(bottom, 3)
        by_stretch(self.loss_plot, self.recon, self.map, self.decoded)
        self._preview_digits()

    # --- user actions ------------------------------------------------------------------
    @Slot(float, float)
    def _on_map_click(self, x: float, y: float) -> None:
        self._point = (x, y)
        self._draw_decoded()

    # --- drawing -----------------------------------------------------------------------
    def draw(self, batch: Snapshot[AutoencoderFrame]) -> Iterator[None]:
        for key in (TRAIN_LOSS, VAL_LOSS):
            self.loss_plot.set_series(key, self.store.get(key))
        pca = self.store.last(PCA_LOSS)
        if pca is not None:
            # A reference line across the run's axis (its planned end, or the epochs set)
            last = max(self.loss_plot.x_end or self.params().epochs, self.last_step, 1)
            self.loss_plot.set_xy(PCA_LOSS, np.array([1.0, last]), np.array([pca, pca]))
        val = self.store.get(VAL_LOSS)
        self.loss_plot.hints[0].set_empty(val is None or not val.n)
        f = batch.frame
        if f is not None:
            self._frame = f
            yield
            self.recon.set_images([*f.originals, *f.reconstructions])
            yield
            self.map.set_points(f.map_xy(), f.labels)
            self.map.hints[0].set_empty(False)
            self._retitle_map()
            self._place_cross()
            yield
            self._decode()
        self._show_head()

    def _draw_decoded(self) -> None:
        self._place_cross()
        self._decode()

    def _place_cross(self) -> None:
        if self._frame is not None:
            self.map.set_cross(*self._chosen())

    def _chosen(self) -> tuple[float, float]:
        return self._point if self._point is not None else (0.0, 0.0)

    def _decode(self) -> None:
        f = self._frame
        if f is None:
            return
        x, y = self._chosen()
        self.decoded.set_images([decode_map_point(f.map_mean, f.map_axes, f.decoder, x, y)])
        self.decoded.set_title(
            translate("AutoencoderTab", "Decoded at ({0:.2f}, {1:.2f})").format(x, y))

    def _retitle_map(self) -> None:
        f = self._frame
        dim = f.latent_dim if f is not None else self.params().latent_dim
        title = (translate("AutoencoderTab", "Latent space of the test digits (click)")
                 if dim == 2 else
                 translate("AutoencoderTab", "Latent space ({0}-D), PCA projection "
                                             "(click)").format(dim))
        self.map.set_title(title)

    def _show_head(self) -> None:
        val = self.store.last(VAL_LOSS)
        pca = self.store.last(PCA_LOSS)
        if val is None or pca is None or self._frame is None:
            self.head.setText(translate(
                "AutoencoderTab", "Digits squeezed through {0} numbers and rebuilt, with no "
                                  "labels: press Run.").format(self.params().latent_dim))
            return
        self.head.setText(translate(
            "AutoencoderTab", "Epoch {0}: validation error {1:.4f} · PCA with {2} components "
                              "{3:.4f}").format(self._frame.epoch, val,
                                                self._frame.latent_dim, pca))

    def params_changed(self, params: AutoencoderParams) -> None:
        if self._frame is None:
            self._show_head()
            self._retitle_map()

    def _preview_digits(self) -> None:
        """Before a run, the ten test digits it will rebuild (the engine shows the same
        ten), over an empty row for their reconstructions."""
        if self._frame is not None or first_paint.later(self._preview_digits):
            return  # a drawn run shows them; a launch reads the file after its first paint
        images, labels = load_digits().test
        originals = to_float(images[one_of_each(labels)])
        self.recon.set_images([*originals, *[None] * len(originals)])

    def clear_view(self) -> None:
        self._frame = None
        self._point = None
        super().clear_view()
        self._preview_digits()
        self.decoded.set_title(translate("AutoencoderTab", "Click the map to decode a point"))
        self._retitle_map()
        self._show_head()

    def retranslate_view(self) -> None:
        self.loss_key.setText("   ".join(
            f"<span style='color:{color}'><b>{'- - -' if dashed else '—●—'}</b> "
            f"{name.text()}</span>" for name, color, dashed in CURVES.values()))
        self.decoded_note.setText(translate(
            "AutoencoderTab", "The decoder alone draws this digit from the point under the "
                              "cross, also where no test digit lies."))
        self._retitle_map()
        self._show_head()
        if self._frame is not None:
            self._draw_decoded()
        else:
            self.decoded.set_title(
                translate("AutoencoderTab", "Click the map to decode a point"))
