"""Topic 6: convolutional networks. A CNN and an MLP trained side by side on handwritten
digits; parameter counts against the dense layers they stand in for; the first layer's
filters and every layer's feature maps for a test digit or a digit drawn with the mouse;
receptive fields on click; one convolution in slow motion."""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dlab.core.digits import centre_like_mnist
from dlab.core.snapshot import Snapshot
from dlab.engines.cnn import forward
from dlab.engines.cnn.arch import layer_table, mlp_params, receptive_field, total_params
from dlab.engines.cnn.frame import NETS, CNNFrame, loss_series, val_acc_series
from dlab.engines.cnn.params import CNNParams
from dlab.ui import look
from dlab.ui.draw_pad import DrawPad
from dlab.ui.i18n import QT_TRANSLATE_NOOP, translate
from dlab.ui.image_grid import ImageGrid
from dlab.ui.labels import key_html, text_label
from dlab.ui.layer_diagram import FACE, Block, LayerDiagram, Line
from dlab.ui.layouts import StretchTabs, by_stretch
from dlab.ui.plots import CROSS_ENTROPY, PALETTE, STEP, TRAINING_LOSS, CurvePlot
from dlab.ui.stat_plots import BarChart, EmptyHint
from dlab.ui.topic_tab import TopicTab, draw_all

COLORS = {"cnn": PALETTE[0], "mlp": PALETTE[1]}
DENSE_TEXT = "#A86F00"  # PALETTE[4] darkened: readable as text on white
NAMES = {"cnn": QT_TRANSLATE_NOOP("CNNTab", "CNN"), "mlp": QT_TRANSLATE_NOOP("CNNTab", "MLP")}
PAGES = (QT_TRANSLATE_NOOP("CNNTab", "Filters and feature maps"),
         QT_TRANSLATE_NOOP("CNNTab", "Layers and parameters"),
         QT_TRANSLATE_NOOP("CNNTab", "Convolution in slow motion"))
MAPS_SHOWN = 8  # feature maps drawn per layer
SLOW_CROP = 14  # the slow-motion input: the middle 14×14 of the digit
SLOW_MS = 250  # one window position every quarter of a second
SUMS_MIN_W = 120  # the slow convolution's sums, before a table is measured
SLOW_GRID_MIN_W = 100  # each of its three pictures at 1024×700
CELL_CSS = "padding:1px 5px; white-space:nowrap"  # a product's cell: its numbers whole


def _count(n: int) -> str:
    return f"{n:,}"


def _shape(shape: list[int]) -> str:
    return "×".join(str(s) for s in shape)


def _compact(n: int) -> str:
    """A count short enough for a narrow column: 9,098, 79.5k, 4.92M."""
    if n < 10_000:
        return f"{n:,}"
    return f"{n / 1e3:.1f}k" if n < 1_000_000 else f"{n / 1e6:.2f}M"


class CNNTab(TopicTab):
    def build_view(self, parent: QWidget) -> None:
        self._frame: CNNFrame | None = None
        self._pass: forward.Pass | None = None
        self._input = np.zeros((28, 28), np.float32)
        self._picked: tuple[int, int, int] | None = None  # (cell, row, col) clicked
        self._filter = 0  # which first-layer filter the slow motion slides
        self._pos = 0  # the slow-motion window's position (raster order)
        self._layers_shown: tuple = ()  # (layers, MLP width) in the table and the picture

        self.head = text_label(14, bold=True, wrap=True)
        self.loss_plot = CurvePlot(TRAINING_LOSS, STEP, CROSS_ENTROPY, log_y=True)
        self.acc_plot = CurvePlot(QT_TRANSLATE_NOOP("CNNTab", "Validation accuracy"), STEP,
                                  QT_TRANSLATE_NOOP("CNNTab", "accuracy"))
        for net in NETS:
            self.loss_plot.curve(net, NAMES[net], COLORS[net], dense=True)
            self.acc_plot.curve(net, NAMES[net], COLORS[net], symbol="o")
        self.loss_plot.legend.hide()  # the accuracy plot's legend names both
        self.counts = BarChart(QT_TRANSLATE_NOOP("CNNTab", "Parameters"),
                               QT_TRANSLATE_NOOP("CNNTab", "network"),
                               QT_TRANSLATE_NOOP("CNNTab", "parameters"), value_fmt="{:,.0f}")

        self.pages = StretchTabs()
        self.pages.addTab(self._features_page(), "")
        self.pages.addTab(self._layers_page(), "")
        self.pages.addTab(self._slow_page(), "")

        self.hints = [
            EmptyHint(self.loss_plot, QT_TRANSLATE_NOOP(
                "CNNTab", "The loss of each mini-batch, CNN and MLP.")),
            EmptyHint(self.acc_plot, QT_TRANSLATE_NOOP(
                "CNNTab", "Accuracy on the 500 validation digits after each epoch.")),
        ]
        top = QHBoxLayout()
        top.addWidget(self.loss_plot, 1)
        top.addWidget(self.acc_plot, 1)
        top.addWidget(self.counts, 1)
        lay = QVBoxLayout(parent)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.head)
        lay.addLayout(top, 3)
        lay.addWidget(self.pages, 5)
        by_stretch(self.loss_plot, self.acc_plot, self.counts)

        self.timer = QTimer(self)
        self.timer.setInterval(SLOW_MS)
        self.timer.timeout.connect(self._advance_window)
        self.timer.start()

    # --- pages -------------------------------------------------------------------------
    def _features_page(self) -> QWidget:
        page = QWidget()
        self.filters = ImageGrid(QT_TRANSLATE_NOOP("CNNTab", "Layer-1 filters"), columns=4,
                                 lut="diverging", captions=False)
        # Four small kernels a row read at 25 px each: the room goes to the bar chart, whose
        # title wrapped inside a word at 1024 px ("Class probabilit / ies").
        self.filters.setMinimumWidth(110)
        self.input_grid = ImageGrid(None, columns=1, captions=False)  # titled when drawn
        self.pad = DrawPad()
        self.pad.changed.connect(self._on_drawing)
        self.clear_btn = QPushButton()
        self.clear_btn.clicked.connect(self.pad.clear)
        self.pad_label = QLabel()
        self.pad_label.setWordWrap(True)
        self.maps = ImageGrid(QT_TRANSLATE_NOOP("CNNTab", "Feature maps (click a pixel)"),
                              columns=MAPS_SHOWN, caption_left=True)
        self.maps.clicked.connect(self._on_map_click)
        self.filters.clicked.connect(self._on_filter_click)
        self.rf_note = QLabel()
        self.rf_note.setWordWrap(True)
        self.probs = BarChart(QT_TRANSLATE_NOOP("CNNTab", "Class probabilities"),
                              QT_TRANSLATE_NOOP("CNNTab", "digit"),
                              QT_TRANSLATE_NOOP("CNNTab", "probability"))
        self.probs.setMinimumWidth(180)

        inputs = QVBoxLayout()
        inputs.addWidget(self.input_grid, 4)
        inputs.addWidget(self.pad_label)
        inputs.addWidget(self.pad, 3)
        inputs.addWidget(self.clear_btn)
        maps = QVBoxLayout()
        maps.addWidget(self.maps, 1)
        maps.addWidget(self.rf_note)
        row = QHBoxLayout(page)
        row.setContentsMargins(2, 2, 2, 2)
        row.addWidget(self.filters, 2)
        row.addLayout(inputs, 2)
        row.addLayout(maps, 6)
        row.addWidget(self.probs, 3)
        return page

    def _layers_page(self) -> QWidget:
        page = QWidget()
        self.diagram_key = text_label(10, wrap=True)
        self.diagram = LayerDiagram()
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Rows as tall as their text: compact here, taller in presentation mode.
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.layers_note = QLabel()
        self.layers_note.setWordWrap(True)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.diagram_key)
        lay.addWidget(self.diagram, 1)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.layers_note)
        return page

    def _slow_page(self) -> QWidget:
        page = QWidget()
        self.slow_in = ImageGrid(None, columns=1, captions=False)  # titled when drawn
        self.slow_w = ImageGrid(None, columns=1, lut="diverging", captions=False)
        self.slow_out = ImageGrid(QT_TRANSLATE_NOOP("CNNTab", "Output (after ReLU)"),
                                  columns=1, lut="grey", captions=False)
        self.sums = QLabel()
        self.sums.setTextFormat(Qt.TextFormat.RichText)
        self.sums.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sums.setWordWrap(True)
        self.sums.setMinimumWidth(SUMS_MIN_W)
        self._sums_for: tuple[int, int] | None = None  # (k, text px) it was fitted to
        for grid in (self.slow_in, self.slow_w, self.slow_out):
            grid.setMinimumWidth(SLOW_GRID_MIN_W)  # room for the table beside them
        self.sum_line = QLabel()
        self.sum_line.setTextFormat(Qt.TextFormat.RichText)
        self.sum_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sum_line.setWordWrap(True)
        self.slow_note = QLabel()
        self.slow_note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.slow_in, 3)
        row.addWidget(self.slow_w, 2)
        row.addWidget(self.sums, 4)
        row.addWidget(self.slow_out, 3)
        lay = QVBoxLayout(page)
        lay.addLayout(row, 1)
        lay.addWidget(self.sum_line)
        lay.addWidget(self.slow_note)
        return page

    # --- user actions ------------------------------------------------------------------
    @Slot()
    def _on_drawing(self) -> None:
        self._refresh_input()

    @Slot(int, int, int)
    def _on_map_click(self, cell: int, row: int, col: int) -> None:
        self._picked = (cell, row, col)
        self._show_receptive_field()

    @Slot(int, int, int)
    def _on_filter_click(self, cell: int, _row: int, _col: int) -> None:
        self._filter = cell
        self._pos = 0
        self._draw_slow()

    @Slot()
    def _advance_window(self) -> None:
        if self._frame is None or not self.slow_out.isVisible():
            return
        self._pos += 1
        self._draw_slow()

    def params_changed(self, params: CNNParams) -> None:
        if self.runner.is_active():
            return  # the architecture cannot change during a run
        self._show_layers(layer_table(params))
        if self._frame is not None:
            self._refresh_input()

    # --- drawing -----------------------------------------------------------------------
    def draw(self, batch: Snapshot[CNNFrame]) -> Iterator[None]:
        for net in NETS:
            self.loss_plot.set_series(net, self.store.get(loss_series(net)))
        loss = self.store.get(loss_series("cnn"))
        self.hints[0].set_empty(loss is None or not loss.n)
        yield
        for net in NETS:
            self.acc_plot.set_series(net, self.store.get(val_acc_series(net)))
        acc = self.store.get(val_acc_series("cnn"))
        self.hints[1].set_empty(acc is None or not acc.n)
        self.acc_plot.legend.setVisible(not self.hints[1].empty)  # not over the hint
        f = batch.frame
        if f is not None:
            self._frame = f
            yield
            self._show_layers(list(f.layers))
            w1 = f.conv_weights[0][0][:, 0]  # (channels, k, k)
            if self._filter >= len(w1):
                self._filter = 0
            m = float(np.abs(w1).max()) or 1.0
            self.filters.set_images(w1, levels=(-m, m))
            yield
            yield from self._input_parts()
        self._show_head()

    def _refresh_input(self) -> None:
        draw_all(self._input_parts())

    def _input_parts(self) -> Iterator[None]:
        """The input is the drawing while the pad has ink, else the chosen test digit."""
        f = self._frame
        if f is None:
            return
        drawing = self.pad.has_ink()
        self._input = centre_like_mnist(self.pad.canvas) if drawing else f.digit
        self._pass = forward.run(f.conv_weights, f.linear_weights, self._input)
        self.input_grid.set_images([self._input])
        title = (translate("CNNTab", "Your drawing, centred") if drawing else
                 translate("CNNTab", "Test digit {0}: a {1}").format(self.params().shown_digit,
                                                       f.digit_label))
        self.input_grid.set_title(title, pt=11)
        yield
        cells, captions = [], []
        for k, maps in enumerate(self._pass.maps, 1):
            shown = list(maps[:MAPS_SHOWN] / max(float(maps.max()), 1e-6))
            cells += shown + [None] * (MAPS_SHOWN - len(shown))
            side = maps.shape[-1]
            row_label = translate("CNNTab", "layer {0}, {1}×{1}").format(k, side)
            captions += [row_label] + [""] * (MAPS_SHOWN - 1)
        self.maps.set_images(cells, captions)
        yield
        best = int(np.argmax(self._pass.probs))
        colors = [PALETTE[2] if d == best else PALETTE[0] for d in range(10)]
        self.probs.set_bars(self._pass.probs, [str(d) for d in range(10)], colors)
        self.probs.plotItem.setYRange(0, 1.05, padding=0)
        self._show_receptive_field()  # (its outlines move only when a pixel is picked)
        yield
        self._draw_slow()

    def _show_receptive_field(self) -> None:
        f, picked = self._frame, self._picked
        if f is None or picked is None or picked[0] // MAPS_SHOWN >= len(f.conv_weights):
            self.rf_note.setText(translate(
                "CNNTab", "Click a pixel of a feature map: the input pixels it sees are "
                          "outlined on the input."))
            self.input_grid.unmark()
            self.maps.unmark()
            return
        cell, row, col = picked
        layer = cell // MAPS_SHOWN
        kernels = [w.shape[-1] for w, _ in f.conv_weights]
        r0, c0, rows, cols = receptive_field(kernels, layer, row, col)
        self.input_grid.mark(0, r0, c0, rows, cols)
        self.maps.mark(cell, row, col, 1, 1)
        self.rf_note.setText(translate(
            "CNNTab", "Layer {0}, pixel ({1}, {2}) sees {3}×{4} input pixels (outlined on the "
               "input): each layer's window covers more of the digit.").format(
            layer + 1, row, col, rows, cols))

    def _show_layers(self, layers: list[dict]) -> None:
        """The architecture as a table and a picture: drawn again only when it changes."""
        hidden = self.params().mlp_hidden
        if (layers, hidden) == self._layers_shown:
            return
        self._layers_shown = (layers, hidden)
        cnn, mlp = total_params(layers), mlp_params(hidden)
        rows = [(layer["name"], _shape(layer["out_shape"]), layer["params"],
                 layer.get("dense_equivalent_params")) for layer in layers]
        rows += [(translate("CNNTab", "CNN total"), "10", cnn, None),
                 (translate("CNNTab", "MLP 784 → {0} → 10").format(hidden), "10", mlp, None)]
        self.table.setRowCount(len(rows))
        for i, (name, shape, params, dense) in enumerate(rows):
            texts = (name, shape, _count(params), _count(dense) if dense else "")
            for j, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if j >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight |
                                          Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        self.diagram.set_blocks(self._blocks(layers))
        self.counts.set_bars([cnn, mlp], [NAMES["cnn"].text(), NAMES["mlp"].text()],
                             [COLORS["cnn"], COLORS["mlp"]])
        self.counts.plotItem.setYRange(0, 1.7 * max(cnn, mlp), padding=0)  # room for labels

    @staticmethod
    def _blocks(layers: list[dict]) -> list[Block]:
        """The picture: the input, then each layer's output with its shape, its parameters
        and, for a convolution, the fully connected layer's count in the other colour."""
        blocks = [Block("input", tuple(layers[0]["in_shape"]), (
            Line(translate("CNNTab", "input"), bold=True),
            Line(_shape(layers[0]["in_shape"]))))]
        for layer in layers:
            lines = [Line(layer["name"], bold=True), Line(_shape(layer["out_shape"])),
                     Line(_compact(layer["params"]), COLORS["cnn"], bold=True)]
            if "dense_equivalent_params" in layer:
                lines.append(Line(_compact(layer["dense_equivalent_params"]), DENSE_TEXT,
                                  bold=True))
            blocks.append(Block(layer["type"], tuple(layer["out_shape"]), tuple(lines),
                                layer.get("kernel", 0) if layer["type"] == "conv" else 0))
        return blocks

    def _draw_slow(self) -> None:
        f = self._frame
        if f is None:
            return
        weight, bias = f.conv_weights[0]
        w, b = weight[self._filter, 0], float(bias[self._filter])
        k = w.shape[0]
        start = (28 - SLOW_CROP) // 2
        x = self._input[start:start + SLOW_CROP, start:start + SLOW_CROP]
        out = np.maximum(forward.conv2d_valid(x, w, b), 0.0)
        side = out.shape[0]
        self._pos %= side * side
        r, c = divmod(self._pos, side)
        shown = out.copy().reshape(-1)
        shown[self._pos + 1:] = np.nan  # not reached yet
        self.slow_in.set_images([x])
        self.slow_in.mark(0, r, c, k, k)
        m = float(np.abs(w).max()) or 1.0
        self.slow_w.set_images([w], levels=(-m, m))
        self.slow_out.set_images([shown.reshape(side, side)],
                                 levels=(0.0, max(float(out.max()), 1e-6)))
        self.slow_out.mark(0, r, c, 1, 1)
        self.slow_in.set_title(translate("CNNTab", "Input, middle {0}×{0}").format(SLOW_CROP),
                               pt=11)
        self.slow_w.set_title(translate("CNNTab", "Filter {0} of layer 1").format(
            self._filter + 1), pt=11)
        table, line = self._sums_html(forward.window_at(x, w, b, r, c), r, c)
        self.sums.setText(table)
        self.sum_line.setText(line)
        self._fit_sums(k)

    def _fit_sums(self, k: int) -> None:
        """Make the products' table as wide as it needs (its numbers do not wrap): it was
        cut off on the right at 1024×700. Measured again when k or the text size changes."""
        key = (k, look.px_for_pt(10))
        if key == self._sums_for:
            return
        self._sums_for = key
        doc = QTextDocument()
        doc.setDefaultFont(self.sums.font())
        doc.setHtml(self.sums.text())
        doc.setTextWidth(1)  # as narrow as it goes: the table at its least width
        table = doc.rootFrame().childFrames()[0]
        width = doc.documentLayout().frameBoundingRect(table).width()
        self.sums.setMinimumWidth(max(SUMS_MIN_W, math.ceil(width) + 4))

    @staticmethod
    def _sums_html(step: forward.WindowStep, r: int, c: int) -> tuple[str, str]:
        """The k×k products as a table, and the line that sums them (under the pictures:
        beside the table it took four lines and was cut off at 1024×700)."""
        k = step.patch.shape[0]
        cells = []
        for i in range(k):
            tds = []
            for j in range(k):
                p = step.products[i, j]
                color = "#C03C00" if p > 0 else "#005AB4" if p < 0 else "#777777"
                product = f"<b style='color:{color}'>{p:+.2f}</b>"
                body = (f"{step.patch[i, j]:.2f}×{step.weight[i, j]:+.2f}<br>{product}"
                        if k <= 3 else product)  # 25 or 49 cells: the products only
                tds.append(f"<td align='center' style='{CELL_CSS}'>{body}</td>")
            cells.append("<tr>" + "".join(tds) + "</tr>")
        total = step.products.sum()
        line = translate("CNNTab", "position ({0}, {1}): sum of the {2} products {3:+.2f} + "
                                   "bias {4:+.2f} = {5:+.2f}; after ReLU {6:.2f}").format(
            r, c, k * k, total, step.bias, step.total, max(step.total, 0.0))
        # Sizes of the current look: at least look.TEXT_PX when presenting.
        return (f"<table border='1' cellspacing='0' style='font-size:{look.px_for_pt(10)}px'>"
                f"{''.join(cells)}</table>",
                f"<span style='font-size:{look.px_for_pt(11)}px'>{line}</span>")

    def _show_head(self) -> None:
        f = self._frame
        if f is None:
            self.head.setText(translate("CNNTab", "A CNN and an MLP ({0} parameters) learn "
                                                  "the same digits: press Run.").format(
                _count(mlp_params(self.params().mlp_hidden))))
            return
        parts = []
        for net, params in (("cnn", f.cnn_params), ("mlp", f.mlp_params)):
            label = f"<span style='color:{COLORS[net]}'>{net.upper()}</span>"
            acc = self.store.last(val_acc_series(net))
            parts.append(translate("CNNTab", "{0}: {1} parameters").format(label, _count(params)) +
                         ("" if acc is None else f" → {acc:.1%}"))
        accuracy = self.store.last(val_acc_series("cnn")) is not None
        self.head.setText("   ·   ".join(parts) + (
            "   " + translate("CNNTab", "(validation accuracy)") if accuracy else ""))

    def clear_view(self) -> None:
        self._frame = None
        self._pass = None
        self._picked = None
        self._layers_shown = ()
        self.clear_plots()
        self.acc_plot.legend.hide()  # its hint is back
        self._show_layers(layer_table(self.params()))  # the settings' network, untrained
        self.sums.setText("")
        self.sum_line.setText("")
        self._show_head()

    def retranslate_view(self) -> None:
        for i, name in enumerate(PAGES):
            self.pages.setTabText(i, name.text())
        self.table.setHorizontalHeaderLabels([
            translate("CNNTab", "Layer"), translate("CNNTab", "Output shape"),
            translate("CNNTab", "Parameters"), translate("CNNTab", "Fully connected equivalent")])
        self.layers_note.setText(translate(
            "CNNTab", "Drawn to scale: a block's face is one feature map, its depth grows with "
                      "the channels. A convolution uses its k×k weights (the outlined window) at "
                      "every position; a fully connected layer needs a weight for every "
                      "input–output pair."))
        self.diagram_key.setText(key_html([
            ("■", FACE["conv"], translate("CNNTab", "convolution + ReLU")),
            ("■", FACE["pool"], translate("CNNTab", "2×2 max-pooling")),
            ("■", FACE["linear"], translate("CNNTab", "linear")),
            ("123", COLORS["cnn"], translate("CNNTab", "parameters")),
            ("123", DENSE_TEXT, translate("CNNTab", "fully connected equivalent"))]))
        self.slow_note.setText(translate(
            "CNNTab", "The window slides over the input; at each position the k×k products of "
                      "pixel and weight are added up with the bias, and the ReLU of the sum "
                      "fills one output pixel. Click a filter on the first page to slide another "
                      "one."))
        self.pad_label.setText(translate("CNNTab", "Draw a digit here:"))
        self.clear_btn.setText(translate("CNNTab", "Clear drawing"))
        self.clear_btn.setToolTip(translate("CNNTab", "Erase the pad to draw another digit"))
        self._show_head()
        self._layers_shown = ()  # names in the new language
        self._show_layers(list(self._frame.layers) if self._frame is not None and
                          self.runner.is_active() else layer_table(self.params()))
        if self._frame is not None:
            self._refresh_input()
        else:
            self._show_receptive_field()
