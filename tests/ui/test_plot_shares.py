"""Every plot of a tab gets a readable share of the window: on a 1024×700 projector with the
parameter panel, and in presentation mode at 1920×1080, in both languages. (The
autoencoder's loss plot had 88 px of data area in 1080, the CNN's three curves 54 px: the
plots kept the height they were first given, whatever their stretch.)"""

from __future__ import annotations

import itertools
import re

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel

from dlab import registry
from dlab.ui import look
from dlab.ui.main_window import MainWindow

# The data area's least height (px): room for a few labelled ticks, at 24 px text when
# presenting.
LEAST_VIEW_H = {"1024x700": 75, "presenting": 150}


def short_views(tab, least: int) -> list[str]:
    """The plots with axes (curves, bars, maps) whose data area is lower than ``least``;
    pictures without axes (digits, filters) read at any size of a few pixels a pixel."""
    out = []
    for plot in tab.plots():
        axes = [plot.plotItem.getAxis(side) for side in ("left", "bottom")]
        if not plot.isVisible() or not any(axis.isVisible() for axis in axes):
            continue
        view = plot.plotItem.getViewBox().sceneBoundingRect()
        if view.height() < least:
            name = plot.plotItem.titleLabel.item.toPlainText() or type(plot).__name__
            out.append(f"{name!r}: {view.height():.0f} px high")
    return out


def broken_words(tab) -> list[str]:
    """Plot titles wrapped inside a word ("Class probabiliti / es"): a line of the title's
    layout that starts right after a letter."""
    out = []
    for plot in tab.plots():
        if not plot.isVisible():
            continue
        block = plot.plotItem.titleLabel.item.document().begin()
        while block.isValid():
            text, layout = block.text(), block.layout()
            for i in range(1, layout.lineCount()):
                start = layout.lineAt(i).textStart()
                if not text[start - 1].isspace():
                    out.append(f"{text[:start]!r} / {text[start:]!r}")
            block = block.next()
    return out


def overlapping(tab) -> list[str]:
    """Visible plots and texts that lie over each other: a layout given less room than
    its parts' least sizes overlaps them (a note over a plot's axis)."""
    parts = [w for w in (*tab.plots(), *tab.view.findChildren(QLabel))
             if w.isVisibleTo(tab) and w.width() > 0 and w.height() > 0
             and not (isinstance(w, QLabel) and not w.text())]
    rects = [seen_rect(w, tab) for w in parts]
    out = []
    for i, j in itertools.combinations(range(len(parts)), 2):
        if parts[i].isAncestorOf(parts[j]) or parts[j].isAncestorOf(parts[i]):
            continue
        both = rects[i].intersected(rects[j])
        if both.width() > 1 and both.height() > 1:
            out.append(f"{name_of(parts[i])} and {name_of(parts[j])} share {both.width()}"
                       f"x{both.height()} px")
    return out


def seen_rect(widget, tab) -> QRect:
    """The part of ``widget`` that can be seen, in the tab's coordinates: clipped by each
    parent (a list in a scroll area is larger than what shows of it)."""
    rect = QRect(widget.mapTo(tab, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not tab:
        rect = rect.intersected(QRect(parent.mapTo(tab, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect


def small_rich_text(tab) -> list[str]:
    """Visible labels whose rich text sets a size of its own below look.TEXT_PX (in
    presentation mode every text is at least that large; an inline size escapes it)."""
    out = []
    for label in tab.view.findChildren(QLabel):
        if not label.isVisibleTo(tab):
            continue
        for value, unit in re.findall(r"font-size:\s*([\d.]+)(pt|px)", label.text()):
            px = float(value) * (96 / 72 if unit == "pt" else 1.0)
            if px < look.TEXT_PX:
                out.append(f"{label.text()[:40]!r}: {value}{unit}")
                break
    return out


def name_of(widget) -> str:
    if isinstance(widget, QLabel):
        return repr(widget.text()[:30])
    return repr(widget.plotItem.titleLabel.item.toPlainText()[:30] or type(widget).__name__)


@pytest.mark.parametrize("present", [False, True], ids=["1024x700", "presenting"])
@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("topic_id", registry.ids())
def test_every_plot_gets_a_readable_share(qtbot, topic_id, lang, present):
    w = MainWindow(topic=topic_id, lang=lang)
    qtbot.addWidget(w)
    w.resize(*((1920, 1080) if present else (1024, 700)))
    w.show()
    qtbot.waitUntil(lambda: w.width() in (1024, 1920), timeout=5000)
    if present:
        w.set_presentation(True, full_screen=False)
    tab = w.current_tab()
    tab.run_inline("run", 1)
    QApplication.processEvents()
    least = LEAST_VIEW_H["presenting" if present else "1024x700"]
    assert not short_views(tab, least), f"{topic_id} ({lang}): {short_views(tab, least)}"
    assert not broken_words(tab), f"{topic_id} ({lang}): {broken_words(tab)}"
    assert not overlapping(tab), f"{topic_id} ({lang}): {overlapping(tab)}"
    if present:
        assert not small_rich_text(tab), f"{topic_id} ({lang}): {small_rich_text(tab)}"
        if topic_id == "cnn":  # the convolution in slow motion, on its own page
            tab.pages.setCurrentIndex(2)
            tab._advance_window()
            assert not small_rich_text(tab), f"cnn ({lang}): {small_rich_text(tab)}"
    if present:
        w.set_presentation(False, full_screen=False)
    w.close()
