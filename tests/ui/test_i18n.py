"""Korean is complete: every dlab text asked for in Korean has a translation, every topic
has its lesson in both languages, and Hangul renders with the shipped font."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from dlab import registry
from dlab.core.resources import lesson_text
from dlab.ui import fonts, i18n
from dlab.ui.main_window import MainWindow
from dlab.ui.topic_tab import STATE_TEXT


def test_every_requested_text_has_a_korean_translation(qtbot):
    w = MainWindow(lang="ko")
    qtbot.addWidget(w)
    for tab in w.tabs:
        w.tabs_widget.setCurrentWidget(tab)
        for action in tab.topic.actions():
            tab.run_inline(action, steps=3)
        for state in STATE_TEXT:
            tab._on_state(state)
        tab._on_failed("x", "")
        tab.reset()
    w.shortcuts_text()
    w.set_language("en")
    w.set_language("ko")
    missing = i18n.translator().missing
    w.close()
    assert not missing, "texts without a Korean translation:\n" + "\n".join(
        f"  [{c}] {s}" for c, s in sorted(missing))


@pytest.mark.parametrize("topic", registry.TOPICS, ids=registry.ids())
def test_parameters_and_choices_are_translated(topic):
    table = i18n.load_language("ko")
    ctx = i18n.contexts(topic.id)
    for info in topic.params_class().fields():
        assert (ctx.params, info.spec.label) in table, info.spec.label
        if info.spec.help:
            assert (ctx.params, info.spec.help) in table, info.spec.help
        for choice in info.spec.choices:
            assert (ctx.choices, choice) in table, choice
    assert ("topics", topic.title) in table


@pytest.mark.parametrize("topic", registry.TOPICS, ids=registry.ids())
def test_lessons_exist_in_both_languages(topic):
    en, ko = lesson_text(topic.id, "en"), lesson_text(topic.id, "ko")
    assert len(en) > 500 and len(ko) > 300
    assert sum("\uac00" <= ch <= "\ud7a3" for ch in ko) > 100, "the Korean lesson is Korean"


def test_shipped_font_covers_hangul(qapp):
    family = fonts.registered_family
    assert family == "NanumGothic", "the shipped Korean font was not registered"
    assert family in QFontDatabase.families()
    raw = QRawFont.fromFont(QFont(family))
    assert all(raw.supportsCharacter(ord(ch)) for ch in "경사하강법학습률한국어")
    assert family in qapp.font().families(), "Hangul falls back to the shipped font"
