"""Korean is complete and cannot clash: every text the window shows is marked for Qt's
pyside6-lupdate and translated, one (context, source) has one translation in one file,
every topic has its lesson in both languages, and Hangul renders with the shipped font."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QDialogButtonBox

from dlab import registry
from dlab.core.resources import lesson_text, resource_root
from dlab.ui import fonts, i18n
from dlab.ui.main_window import MainWindow
from dlab.ui.topic_tab import STATE_TEXT
from tools import update_ts


@functools.cache
def marked() -> dict[Path, list[tuple[str, str]]]:
    """What pyside6-lupdate finds in the sources, by the .ts file each text belongs in."""
    return update_ts.marked("ko")


def test_every_text_the_window_shows_is_marked_and_translated(qtbot):
    """Every text asked for in Korean, on every tab and in every state, is one lupdate
    extracts (a literal context and source) and has a finished translation."""
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
    asked, missing = i18n.translator().asked, i18n.translator().missing()
    w.close()
    known = {m for marks in marked().values() for m in marks}
    assert asked, "the window asked for no translation"
    unmarked = asked - known
    assert not unmarked, (
        "texts shown that lupdate cannot extract (write translate(\"Context\", \"text\") or "
        "QT_TRANSLATE_NOOP with literal strings):\n" + listing(unmarked))
    assert not missing, "texts shown without a Korean translation:\n" + listing(missing)


def test_every_marked_text_has_a_finished_korean_translation():
    """In the file it belongs in: run tools/update_ts.py, then translate what it adds."""
    untranslated = {}
    for path, marks in marked().items():
        table = i18n.load_ts(path) if path.exists() else {}
        todo = [m for m in marks if m not in table]
        if todo:
            untranslated[path.name] = todo
    assert not untranslated, "\n".join(f"{name}:\n{listing(todo)}"
                                       for name, todo in untranslated.items())


def test_every_translation_is_of_a_text_the_sources_mark():
    """No stale or misplaced entries: each file holds exactly what its sources mark."""
    stale = {}
    for path in i18n.ts_files("ko"):
        marks = set(marked().get(path, ()))
        extra = [(c, s) for c, s, _ in i18n.read_ts(path) if (c, s) not in marks]
        if extra:
            stale[path.name] = extra
    assert not stale, "run tools/update_ts.py; entries no source marks here:\n" + "\n".join(
        f"{name}:\n{listing(extra)}" for name, extra in stale.items())


def test_no_text_is_translated_twice():
    """One (context, source) has one translation in one file, so the order in which the
    files load cannot matter; a topic repeats a shared word only to translate it
    differently."""
    seen: dict[tuple[str, str], list[str]] = {}
    table = {}
    for path in i18n.ts_files("ko"):
        for context, source, translation in i18n.read_ts(path):
            seen.setdefault((context, source), []).append(path.name)
            table[(context, source)] = translation
    twice = {key: files for key, files in seen.items() if len(files) > 1}
    assert not twice, "\n".join(f"  [{c}] {s}: in {', '.join(f)}" for (c, s), f in twice.items())
    redundant = [(c, s) for (c, s), t in table.items() if "/" in c and t is not None
                 and table.get((c.split("/")[1], s)) == t]
    assert not redundant, ("translated as in dlab.ko.ts's shared context; remove from the "
                           "topic's file:\n" + listing(redundant))


def listing(keys) -> str:  # noqa: ANN001
    return "\n".join(f"  [{c}] {s}" for c, s in sorted(keys))


@pytest.mark.parametrize("topic", registry.TOPICS, ids=registry.ids())
def test_lessons_exist_in_both_languages(topic):
    en, ko = lesson_text(topic.id, "en"), lesson_text(topic.id, "ko")
    assert len(en) > 500 and len(ko) > 300
    assert sum("\uac00" <= ch <= "\ud7a3" for ch in ko) > 100, "the Korean lesson is Korean"


# One Korean word per term across translations, lessons and scenes: the one the
# translations mostly used (variant -> the word kept).
KO_TERMS = {"에폭": "에포크", "갱신": "업데이트"}


def test_korean_texts_use_one_word_per_term():
    root = resource_root()
    files = [*root.glob("i18n/*.ko.ts"), *root.glob("lessons/*.ko.md"),
             *root.glob("scenes/*.ko.json")]
    assert len(files) > 20
    found = [f"{path.name}: {variant} (use {word})" for path in files
             for variant, word in KO_TERMS.items()
             if variant in path.read_text(encoding="utf-8")]
    assert not found, found


def test_shipped_font_covers_hangul(qapp):
    family = fonts.registered_family
    assert family == "NanumGothic", "the shipped Korean font was not registered"
    assert family in QFontDatabase.families()
    raw = QRawFont.fromFont(QFont(family))
    assert all(raw.supportsCharacter(ord(ch)) for ch in "경사하강법학습률한국어")
    assert family in qapp.font().families(), "Hangul falls back to the shipped font"


def test_qt_own_buttons_follow_the_language(qtbot):
    """Qt's own texts, such as the Close button of Help, read in Korean too (they stayed
    English: only dlab's tables were installed), and go back to English with the language."""
    from dlab.ui.help_dialog import HelpDialog

    def close_text() -> str:
        dialog = HelpDialog("t", [], "")
        qtbot.addWidget(dialog)
        (button,) = dialog.findChildren(QDialogButtonBox)[0].buttons()
        return button.text().replace("&", "")

    try:
        i18n.set_language("ko")
        assert close_text() == "닫기"
        i18n.set_language("en")
        assert close_text() == "Close"
    finally:
        i18n.set_language("en")
