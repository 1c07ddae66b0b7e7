"""Every exercise a lesson marks is backed by a test that quotes it (see tests/lessons.py)."""

from __future__ import annotations

import pytest

from tests.lessons import (
    MARKER,
    exercises,
    lesson,
    lesson_topics,
    plain,
    problems,
    unmarked,
)

LANGS = ("en", "ko")


@pytest.mark.parametrize("topic_id", lesson_topics())
def test_every_marked_exercise_has_a_test_that_quotes_it(topic_id):
    found = []
    for lang in LANGS:
        for ex in exercises(lesson(topic_id, lang), topic_id):
            found += problems(ex.text, ex.id, quote=lang == "en")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("topic_id", lesson_topics())
def test_both_languages_mark_the_same_exercises(topic_id):
    ids = {lang: [ex.id for ex in exercises(lesson(topic_id, lang), topic_id)]
           for lang in LANGS}
    assert ids["en"] == ids["ko"], ids
    assert len(set(ids["en"])) == len(ids["en"]), f"a marker name is used twice: {ids['en']}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("topic_id", lesson_topics())
def test_try_this_sections_hold_only_marked_exercises(topic_id, lang):
    missing = unmarked(lesson(topic_id, lang))
    assert not missing, f"{topic_id}.{lang}.md: unmarked exercises {missing}"


@pytest.mark.parametrize("topic_id", lesson_topics())
def test_every_marker_is_well_formed(topic_id):
    """A misspelt marker would silently back nothing."""
    for lang in LANGS:
        text = lesson(topic_id, lang)
        assert text.count("exercise:") == len(MARKER.findall(text)), f"{topic_id}.{lang}.md"


SAMPLE = """# A topic

Some theory, with a suggestion: set *lr* to 1 and the loss jumps. <!-- exercise: lr-one -->

## Try this

1. Set the mode to *sgd*:
   the curve shakes. <!-- exercise: sgd-shakes -->
2. Press `Run` and watch.
"""


def test_the_parser_finds_markers_and_unmarked_items():
    found = exercises(SAMPLE, "demo")
    assert [e.id for e in found] == ["demo/lr-one", "demo/sgd-shakes"]
    assert found[0].text == "Some theory, with a suggestion: set lr to 1 and the loss jumps."
    assert found[1].text == "Set the mode to sgd: the curve shakes."
    assert unmarked(SAMPLE) == ["Press Run and watch."]
    assert plain("a  *b*\n `c` <!-- exercise: x -->") == "a b c"


def test_problems_names_a_missing_test_and_a_missing_quote():
    assert "has no test" in problems("Do this.", "demo/nobody-backs-this")[0]
    # gradient-descent/zeros-init is backed, but its docstring does not quote this text.
    wrong = problems("A sentence no docstring holds.", "gradient-descent/zeros-init")
    assert "does not quote" in wrong[0]
    assert problems("A sentence no docstring holds.", "gradient-descent/zeros-init",
                    quote=False) == []
