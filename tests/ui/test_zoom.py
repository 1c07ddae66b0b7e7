"""Ctrl+= / Ctrl+− / Ctrl+0 zoom the lesson text, the plot labels and the controls together,
and the zoom is remembered across restarts (issue 17, finding 20)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QTextCursor
from PySide6.QtWidgets import QApplication

from dlab import registry
from dlab.ui import look
from dlab.ui.main_window import MainWindow
from tests.ui.test_presentation import smallest_texts


@pytest.fixture(autouse=True)
def normal_zoom():
    """The zoom is the application's: whatever a test leaves, the next gets 100 %."""
    yield
    look.set_zoom(1.0)


def text_sizes(tab) -> dict[str, int]:
    """Pixel sizes of the texts the zoom must reach: the plots' (ticks, axis labels,
    titles, legends, texts in plots), headlines, a control, the lesson's body and its
    first heading."""
    sizes = smallest_texts(tab)
    sizes["control"] = QFontInfo(tab.run_btn.font()).pixelSize()
    sizes["form"] = tab.form.fontInfo().pixelSize()
    doc = tab.theory.document()
    sizes["lesson"] = QFontInfo(doc.defaultFont()).pixelSize()
    cursor = QTextCursor(doc.begin())
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
    sizes["lesson heading"] = round(cursor.charFormat().fontPointSize() * 96 / 72)
    return sizes


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.ControlModifier) -> None:
    qtbot.keyClick(window, key, modifier)
    QApplication.processEvents()


def test_ctrl_plus_minus_zero_zoom_everything_together(window, qtbot):
    window.tabs_widget.setCurrentIndex(registry.ids().index("sigmoid"))
    tab = window.current_tab()
    tab.run_inline(steps=3)
    qtbot.waitUntil(lambda: tab.runner.state in ("finished", "diverged"), timeout=30000)
    before = text_sizes(tab)
    assert before["lesson heading"] > before["lesson"], "the lesson's first block is a heading"

    press(qtbot, window, Qt.Key.Key_Equal)
    press(qtbot, window, Qt.Key.Key_Equal)
    assert look.zoom() == 1.25
    larger = text_sizes(tab)
    assert larger.keys() == before.keys()
    grew = {kind: larger[kind] / before[kind] for kind in before}
    assert all(1.15 <= g <= 1.35 for g in grew.values()), grew

    press(qtbot, window, Qt.Key.Key_Minus)
    press(qtbot, window, Qt.Key.Key_Minus)
    press(qtbot, window, Qt.Key.Key_Minus)
    assert look.zoom() == 0.9
    smaller = text_sizes(tab)
    assert all(smaller[kind] < before[kind] for kind in before), (before, smaller)

    press(qtbot, window, Qt.Key.Key_0)
    assert look.zoom() == 1.0
    assert text_sizes(tab) == before


def test_the_zoom_is_remembered_and_reaches_tabs_built_later(qtbot):
    first = MainWindow(topic="sigmoid", lang="en")
    qtbot.addWidget(first)
    normal = text_sizes(first.current_tab())
    for _ in range(3):
        first.zoom_in()
    assert look.zoom() == 1.5
    first.close()
    assert look.zoom() == 1.0, "closing gives the application its own size back"
    assert QFontInfo(QApplication.font()).pixelSize() == normal["control"]

    again = MainWindow(topic="sigmoid", lang="ko")
    qtbot.addWidget(again)
    assert look.zoom() == 1.5
    tab = again.current_tab()
    again.set_language("en")
    sizes = text_sizes(tab)
    small = {kind: (normal[kind], sizes[kind]) for kind in normal
             if sizes[kind] < 1.4 * normal[kind]}
    assert not small, small
    again.tabs_widget.setCurrentIndex(registry.ids().index("adam"))  # built now
    later = again.current_tab()
    assert later.plots(), "the Adam tab has plots"
    assert min(smallest_texts(later).values()) >= 1.4 * min(normal.values())
    again.zoom_reset()
    again.close()
