"""How text and lines look: normal, or presentation (read from the back of a room).

Presentation mode makes every text at least TEXT_PX pixels (plots, headlines, narration,
menus and controls), lines thicker, and the palette high-contrast. Widgets made before
the switch are restyled by ``apply``; those made later ask ``font``/``title_size``/
``label_css`` here, so a tab built later or retitled after a language switch looks the
same. Colours stay the colour-blind-safe Okabe-Ito palette (plots.PALETTE) in both looks.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

TEXT_PX = 24  # the smallest text in presentation mode (at 1920×1080)
TITLE_PX = 28
LINE_FACTOR = 2.0  # plot lines and markers
MIN_LINE_PX = 3.0

_presenting = False
_normal_font: QFont | None = None


def presenting() -> bool:
    return _presenting


def px_for_pt(pt: float) -> int:
    """The pixel size a text of ``pt`` points gets: as designed, or at least TEXT_PX."""
    normal = round(pt * 96 / 72)
    return max(TEXT_PX, round(normal * 1.6)) if _presenting else normal


def font(pt: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(px_for_pt(pt))
    f.setBold(bold)
    return f


def set_font(item: pg.TextItem, pt: float, bold: bool = False) -> None:
    """A plot text of ``pt`` design points; restyled when the look changes."""
    item._dlab_pt, item._dlab_bold = pt, bold
    item.setFont(font(pt, bold))


def title_size() -> str:
    """For pyqtgraph titles (``setTitle(text, size=...)``)."""
    return f"{TITLE_PX}px" if _presenting else "12pt"


def label_css(pt: float, bold: bool = False) -> str:
    weight = " font-weight: bold;" if bold else ""
    return f"font-size: {px_for_pt(pt)}px;{weight}"


def _palette(high_contrast: bool) -> QPalette:
    if not high_contrast:
        return QApplication.style().standardPalette()
    p = QPalette()
    black, white = QColor("#000000"), QColor("#FFFFFF")
    for role, colour in ((QPalette.ColorRole.Window, white),
                         (QPalette.ColorRole.WindowText, black),
                         (QPalette.ColorRole.Base, white),
                         (QPalette.ColorRole.AlternateBase, QColor("#F2F2F2")),
                         (QPalette.ColorRole.Text, black),
                         (QPalette.ColorRole.Button, QColor("#E8E8E8")),
                         (QPalette.ColorRole.ButtonText, black),
                         (QPalette.ColorRole.ToolTipBase, white),
                         (QPalette.ColorRole.ToolTipText, black),
                         (QPalette.ColorRole.Highlight, QColor("#0072B2")),
                         (QPalette.ColorRole.HighlightedText, white)):
        p.setColor(role, colour)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#555555"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#555555"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#555555"))
    return p


def set_presenting(on: bool) -> None:
    """Switch the application-wide part: font, palette. Then ``apply`` each window."""
    global _presenting, _normal_font
    app = QApplication.instance()
    if on and not _presenting:
        _normal_font = QFont(app.font())
    _presenting = on
    if on:
        f = QFont(_normal_font)
        f.setPixelSize(TEXT_PX)
        app.setFont(f)
    elif _normal_font is not None:
        app.setFont(_normal_font)
    app.setPalette(_palette(on))


def style_plot(plot: pg.PlotWidget) -> None:
    """Fonts, title, legend, axis and line widths of one plot in the current look."""
    item = plot.plotItem
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        if _presenting:
            axis.setStyle(tickFont=font(9))
            axis.label.setFont(font(10))
            axis.setPen(pg.mkPen("#000000", width=2))
            axis.setTextPen("#000000")
        else:  # pyqtgraph's own defaults, as every plot is made
            axis.setStyle(tickFont=None)
            axis.label.setFont(QFont())
            axis.setPen()
            axis.setTextPen()
    title = item.titleLabel
    if title.text:
        title.setText(title.text, size=title_size())
    legend = item.legend
    if legend is not None:
        size = f"{px_for_pt(10)}px"
        legend.opts["labelTextSize"] = size
        for _, label in legend.items:
            label.setText(label.text, size=size)
    for data in item.listDataItems():
        if isinstance(data, pg.PlotDataItem):
            base = getattr(data, "_dlab_width", None)
            pen = pg.mkPen(data.opts["pen"])
            if base is None:
                base = data._dlab_width = pen.widthF()
            if base > 0:
                pen.setWidthF(max(base * LINE_FACTOR, MIN_LINE_PX) if _presenting else base)
                pen.setCosmetic(True)
                data.setPen(pen)
            size = getattr(data, "_dlab_symbol", None)
            if size is None:
                size = data._dlab_symbol = data.opts.get("symbolSize", 6)
            data.setSymbolSize(size * LINE_FACTOR if _presenting else size)
    for child in plot.scene().items():  # texts anywhere in the plot (hints, bar values)
        if isinstance(child, pg.TextItem):
            if not hasattr(child, "_dlab_pt"):  # a text made without set_font
                pt = child.textItem.font().pointSizeF()
                child._dlab_pt = pt if pt > 0 else 10.0
                child._dlab_bold = child.textItem.font().bold()
            set_font(child, child._dlab_pt, child._dlab_bold)
    for child in item.getViewBox().addedItems:
        if isinstance(child, pg.ScatterPlotItem):
            size = getattr(child, "_dlab_size", None)
            if size is None:
                size = child._dlab_size = child.opts.get("size", 10)
            child.setSize(size * 1.6 if _presenting else size)


def style_labels(root: QWidget) -> None:
    """Headlines and narration made by labels.text_label (they carry their design size)."""
    for label in root.findChildren(QLabel):
        pt = label.property("dlab_pt")
        if pt is not None:
            label.setStyleSheet(label_css(float(pt), bool(label.property("dlab_bold"))))


def apply(root: QWidget) -> None:
    """Restyle every plot and headline under ``root`` in the current look."""
    from dlab.ui.plots import PlotBase

    for plot in root.findChildren(PlotBase):
        style_plot(plot)
    style_labels(root)
