"""Every plot of a tab gets a readable share of the window: on a 1024×700 projector with the
parameter panel, and in presentation mode at 1920×1080, in both languages. (The
autoencoder's loss plot had 88 px of data area in 1080, the CNN's three curves 54 px: the
plots kept the height they were first given, whatever their stretch.)"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from dlab import registry
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
    if present:
        w.set_presentation(False, full_screen=False)
    w.close()
