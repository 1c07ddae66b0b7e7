"""Keyboard and help (issue 15): every control of every tab has a tooltip and is reached
with the Tab key; Help (F1) shows the topic's lesson and every shortcut in the current
language."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QWidget,
)

from dlab.core.resources import lesson_text
from dlab.ui.form import ParamForm
from dlab.ui.main_window import MainWindow

CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractSlider, QLineEdit)


def controls(tab) -> list[QWidget]:
    """The controls a user sees on the tab: buttons, lists, fields, sliders (a field's own
    line edit and a scroll area's bars are parts of another control)."""
    found = []
    for w in tab.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or isinstance(w, QScrollBar):
            continue
        if isinstance(w, QLineEdit) and isinstance(w.parent(), (QAbstractSpinBox, QComboBox)):
            continue
        if w.isVisibleTo(tab):
            found.append(w)
    return found


def tooltip(w: QWidget) -> str:
    """What hovering shows: the control's tooltip, or (for the slider and field of one
    parameter) that of the editor around them, which Qt shows for its parts."""
    own = w.toolTip()
    parent = w.parentWidget()
    if own or parent is None or not isinstance(parent.parentWidget(), ParamForm):
        return own
    return parent.toolTip()


def name(w: QWidget) -> str:
    text = w.text() if isinstance(w, QAbstractButton) else ""
    return f"{type(w).__name__} {text!r} in {type(w.parentWidget()).__name__}"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_control_has_a_tooltip_and_takes_the_tab_key(qtbot, lang):
    w = MainWindow(lang=lang)
    qtbot.addWidget(w)
    w.show()
    for tab in w.tabs:
        w.tabs_widget.setCurrentIndex(w.topics.index(tab.topic))
        found = controls(tab)
        assert len(found) >= 8, tab.topic.id  # transport bar and form at least
        untipped = [name(c) for c in found if not tooltip(c).strip()]
        assert not untipped, f"{tab.topic.id} ({lang}): no tooltip on {untipped}"
        no_tab = [name(c) for c in found
                  if not c.focusPolicy() & Qt.FocusPolicy.TabFocus]
        assert not no_tab, f"{tab.topic.id}: the Tab key never reaches {no_tab}"
    w.close()


@pytest.mark.parametrize("topic_id", ["sigmoid", "adam"])
def test_the_tab_key_walks_through_every_enabled_control(qtbot, topic_id):
    w = MainWindow(topic=topic_id, lang="en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    tab = w.current_tab()
    wanted = {c for c in controls(tab) if c.isEnabled()}
    w.activateWindow()
    tab.run_btn.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.run_btn, timeout=5000)
    seen = set()
    for _ in range(3 * len(wanted) + 20):
        focused = QApplication.focusWidget()
        assert focused is not None, "the focus left the window"
        seen.add(focused)
        if isinstance(focused, QLineEdit) and focused.parentWidget() is not None:
            seen.add(focused.parentWidget())  # a spin box's editor has the focus
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    missed = [name(c) for c in wanted - seen]
    assert not missed, f"Tab never reached {missed}"
    w.close()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_f1_shows_the_lesson_and_every_shortcut_in_the_current_language(qtbot, lang):
    w = MainWindow(topic="adam", lang=lang)
    qtbot.addWidget(w)
    w.show()
    w.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5000)
    qtbot.keyClick(w, Qt.Key.Key_F1)
    dialogs = [d for d in w.findChildren(QWidget, "dlab-help") if d.isVisible()]
    text = dialogs[0].browser.toPlainText() if dialogs else ""
    for d in dialogs:
        d.close()
    w.close()
    assert len(dialogs) == 1, "F1 opens the help"
    lesson = lesson_text("adam", lang)
    first_heading = lesson.splitlines()[0].lstrip("# ").strip()
    assert first_heading in text
    last = re.sub(r"<!--.*?-->", "", lesson.strip().splitlines()[-1]).strip().lstrip("-* ")
    assert last in text, "the whole lesson"
    for action in w.shortcut_actions():
        for key in action.shortcuts():
            assert key.toString(QKeySequence.SequenceFormat.NativeText) in text
        if action is not w.a_end_present:
            assert action.text().replace("&", "") in text
    assert "Ctrl+Shift+E" in text and "Ctrl+=" in text and "F1" in text
    if lang == "ko":
        assert "단축키" in text and "다음 장면" in text


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_alt_and_a_digit_go_to_that_topic_and_help_lists_the_keys(qtbot, lang):
    """Ctrl+Tab belongs to a topic's inner pages (the CNN tab's) when one has the focus, so
    Alt+1 … Alt+0 are the keyboard's way between the ten topics, from anywhere."""
    from PySide6.QtTest import QTest

    from dlab import registry

    w = MainWindow(topic="gradient-descent", lang=lang)
    qtbot.addWidget(w)
    w.show()
    w.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5000)
    for digit, index in (("6", 5), ("0", 9), ("1", 0)):
        QTest.keyClick(QApplication.focusWidget() or w, getattr(Qt.Key, f"Key_{digit}"),
                       Qt.KeyboardModifier.AltModifier)
        assert w.tabs_widget.currentIndex() == index, f"Alt+{digit}"
    keys = {key for key, _ in w.shortcut_rows()}
    assert {QKeySequence(f"Alt+{d}").toString(QKeySequence.SequenceFormat.NativeText)
            for d in "1234567890"} <= keys
    assert len(registry.TOPICS) == 10
    w.close()
