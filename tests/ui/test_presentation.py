"""Presentation mode: F5 on, Esc off; every text of the plots, headlines and narration at
least 24 px, thick lines, the side panel folded away (F6 brings it back); the look
survives a language switch and reaches a tab built later; Esc gives the normal look
back."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontInfo
from PySide6.QtWidgets import QApplication, QLabel

from dlab import registry
from dlab.ui import look
from dlab.ui.plots import PlotBase


def px(font) -> int:  # noqa: ANN001
    """A font's pixel size as drawn (None: pyqtgraph's default, the application font)."""
    return QFontInfo(font if font is not None else QApplication.font()).pixelSize()


def size_px(css: str) -> int:
    """pyqtgraph's "12pt" or "28px" in pixels (96 dots an inch offscreen)."""
    value = float(css[:-2])
    return round(value * 96 / 72) if css.endswith("pt") else round(value)


def smallest_texts(tab) -> dict[str, int]:
    """The smallest pixel size of each kind of text in the tab."""
    sizes: dict[str, list[int]] = {"tick": [], "axis": [], "title": [], "label": [],
                                   "legend": [], "plot text": []}
    for plot in tab.findChildren(PlotBase):
        item = plot.plotItem
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            sizes["tick"].append(px(axis.style["tickFont"]))
            sizes["axis"].append(px(axis.label.font()))
        if item.titleLabel.text:
            sizes["title"].append(size_px(item.titleLabel.opts["size"]))
        if item.legend is not None:
            sizes["legend"] += [size_px(label.opts["size"]) for _, label in item.legend.items]
        sizes["plot text"] += [px(t.textItem.font()) for t in plot.scene().items()
                               if isinstance(t, pg.TextItem)]
    for label in tab.findChildren(QLabel):
        if label.property("dlab_pt") is not None and label.text():
            label.ensurePolished()
            sizes["label"].append(label.fontInfo().pixelSize())
    return {kind: min(values) for kind, values in sizes.items() if values}


def test_f5_presents_and_esc_returns(window, qtbot):
    window.tabs_widget.setCurrentIndex(registry.ids().index("sigmoid"))
    tab = window.current_tab()
    tab.run_inline(steps=5)
    tab.next_scene()  # the narration is shown
    qtbot.waitUntil(lambda: tab.runner.state in ("finished", "diverged"), timeout=30000)
    normal_font = QApplication.font().pixelSize(), QApplication.font().pointSizeF()
    before = smallest_texts(tab)
    assert min(before.values()) < look.TEXT_PX  # the normal look is smaller

    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert look.presenting() and window.isFullScreen()
    assert not tab.side.isVisibleTo(tab), "the parameter panel is folded away"
    sizes = smallest_texts(tab)
    assert set(sizes) == set(before)
    assert all(px >= look.TEXT_PX for px in sizes.values()), sizes
    assert tab.scene_panel.narration.fontInfo().pixelSize() >= look.TEXT_PX
    assert QApplication.font().pixelSize() >= look.TEXT_PX
    widths = [c.opts["pen"].widthF() for p in tab.findChildren(PlotBase)
              for c in p.plotItem.listDataItems() if isinstance(c, pg.PlotDataItem)]
    assert min(widths) >= look.MIN_LINE_PX, "lines read from the back of the room"

    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert tab.side.isVisibleTo(tab), "F6 brings the parameters back"
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert not tab.side.isVisibleTo(tab)

    window.set_language("ko")  # retitled plots keep the large look
    assert all(px >= look.TEXT_PX for px in smallest_texts(tab).values())
    window.tabs_widget.setCurrentIndex(registry.ids().index("batchnorm"))
    later = window.current_tab()  # built while presenting
    assert not later.side.isVisibleTo(later)
    assert all(px >= look.TEXT_PX for px in smallest_texts(later).values())

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not look.presenting() and not window.isFullScreen()
    assert tab.side.isVisibleTo(tab)
    window.set_language("en")
    assert smallest_texts(tab) == before
    assert (QApplication.font().pixelSize(), QApplication.font().pointSizeF()) == normal_font


def test_closing_while_presenting_gives_the_normal_look_back(window, qtbot):
    window.set_presentation(True, full_screen=False)
    assert look.presenting()
    window.close()
    assert not look.presenting()
    assert QApplication.font().pixelSize() < look.TEXT_PX


def test_help_lists_every_shortcut_in_the_current_language(window):
    keys = [a.shortcut().toString() for a in window.findChildren(QAction)
            if not a.shortcut().isEmpty()]
    assert {"F5", "F6", "Esc", "PgDown", "PgUp", "Space"} <= set(keys)
    window.set_language("ko")
    text = window.shortcuts_text()
    for action in window.findChildren(QAction):
        if not action.shortcut().isEmpty():
            assert action.shortcut().toString() in text, action.text()
    assert "발표 모드" in text and "다음 장면" in text
