"""How text and lines look: normal, or presentation (read from the back of a room), at a
zoom the user chose (Ctrl+= / Ctrl+− / Ctrl+0, remembered by the window).

Presentation mode makes every text at least TEXT_PX pixels (plots, headlines, narration,
menus and controls), lines thicker, and the palette high-contrast. Widgets made before
the switch are restyled by ``apply``; those made later ask ``font``/``title_size``/
``label_css`` here, so a tab built later or retitled after a language switch looks the
same. The zoom scales every text, controls and lesson included, in both looks. Colours
stay the colour-blind-safe Okabe-Ito palette (plots.PALETTE) in both looks.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

TEXT_PX = 24  # the smallest text in presentation mode (at 1920×1080)
TITLE_PX = 28
LINE_FACTOR = 2.0  # plot lines and markers
MIN_LINE_PX = 3.0

ZOOMS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)  # the steps of Ctrl+= and Ctrl+−

_presenting = False
_zoom = 1.0
_normal_font: QFont | None = None  # the application font before any change of the look


def presenting() -> bool:
    return _presenting


def zoom() -> float:
    return _zoom


def is_default() -> bool:
    """The look every widget is made with (nothing to restyle)."""
    return not _presenting and _zoom == 1.0


def zoom_step(current: float, direction: int) -> float:
    """The next zoom in ``direction`` (+1 larger, -1 smaller), staying within ZOOMS."""
    if direction > 0:
        return next((z for z in ZOOMS if z > current + 1e-9), ZOOMS[-1])
    return next((z for z in reversed(ZOOMS) if z < current - 1e-9), ZOOMS[0])


def px_for_pt(pt: float) -> int:
    """The pixel size a text of ``pt`` points gets: as designed, or at least TEXT_PX,
    times the zoom."""
    normal = pt * 96 / 72
    return round((max(TEXT_PX, normal * 1.6) if _presenting else normal) * _zoom)


def font(pt: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(px_for_pt(pt))
    f.setBold(bold)
    return f


def set_font(item: pg.TextItem, pt: float, bold: bool = False) -> None:
    """A plot text of ``pt`` design points; restyled when the look changes."""
    item._dlab_pt, item._dlab_bold = pt, bold
    item.setFont(font(pt, bold))


def title_size(pt: float = 12) -> str:
    """For pyqtgraph titles (``setTitle(text, size=...)``) designed at ``pt`` points."""
    if _presenting:
        return f"{round(TITLE_PX * pt / 12 * _zoom)}px"
    return f"{pt * _zoom:g}pt"


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
    global _presenting
    _remember_normal_font()
    _presenting = on
    _set_app_font()
    QApplication.instance().setPalette(_palette(on))


def set_zoom(factor: float) -> None:
    """Scale every text by ``factor`` (clamped to ZOOMS' range). Then ``apply`` each
    window."""
    global _zoom
    _remember_normal_font()
    _zoom = min(ZOOMS[-1], max(ZOOMS[0], float(factor)))
    _set_app_font()


def _remember_normal_font() -> None:
    global _normal_font
    if is_default():
        _normal_font = QFont(QApplication.instance().font())


def _set_app_font() -> None:
    """The application font (controls, menus, lesson text) in the current look."""
    if _normal_font is None:
        return
    f = QFont(_normal_font)
    if _presenting:
        f.setPixelSize(round(TEXT_PX * _zoom))
    elif _zoom != 1.0:
        f.setPointSizeF(_normal_font.pointSizeF() * _zoom)
    app = QApplication.instance()
    app.setFont(f)
    # Qt tells the windows only once its event loop runs; a window restoring its zoom
    # while it is built (before app.exec) must hear it too.
    for window in app.topLevelWidgets():
        QApplication.sendEvent(window, QEvent(QEvent.Type.ApplicationFontChange))


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
        else:  # pyqtgraph's own defaults, as every plot is made (the application font)
            axis.setStyle(tickFont=None if _zoom == 1.0 else QFont())
            axis.label.setFont(QFont())
            axis.setPen()
            axis.setTextPen()
    title = item.titleLabel
    if title.text:
        title.setText(title.text, size=title_size(getattr(plot, "title_pt", 12)))
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
    look_changed = getattr(plot, "look_changed", None)
    if look_changed is not None:  # a plot that places texts by their size (the word map)
        look_changed()


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
