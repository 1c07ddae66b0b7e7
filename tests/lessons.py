"""Lesson exercises and the tests that back them: the marker convention and its checks.

The convention, for every topic's lesson and for the guided scenes' narration:

* An exercise is text that tells a student to do something in the tab and says what they
  will see ("Set the initialisation to *zeros*: the loss stays at ln 2"). In the lesson
  Markdown it ends with a marker naming it, an HTML comment that the lesson panel does
  not show::

      2. Choose *zeros* as initialisation: ... stays at ln 2. <!-- exercise: zeros-init -->

  Put the marker at the end of the list item or paragraph it closes (on its own line it
  would split a numbered list in two). The name is lower-case words joined by '-'; the
  exercise's id is ``<topic-id>/<name>``. The Korean lesson carries the same markers.
* Its test lives in ``tests/core``, is decorated with ``@exercise("<topic-id>/<name>")``
  (which runs it on the seeds 0, 1 and 2; see ``seedless`` for the rare exception),
  starts from the tab's default Params (``defaults(topic_id)``), applies exactly the
  change the text names, runs the steps a student would, asserts the promised outcome,
  and quotes the English text of the exercise in its docstring (Markdown emphasis and
  line breaks do not matter).
* ``tests/core/test_lessons.py`` fails on a marker without such a test, on a test whose
  docstring no longer quotes its exercise, on markers that differ between the languages,
  and on an unmarked item of a "Try this" section.
* Scene narration (or any other text a student acts on): call
  ``problems(text, exercise_id)``; an empty list means the text is backed.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from dlab import registry
from dlab.core.params import Params

MARKER = re.compile(r"<!--\s*exercise:\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*-->")
SEEDS = (0, 1, 2)
LESSONS = Path(__file__).resolve().parents[1] / "resources" / "lessons"
# A section whose heading says "try" holds exercises only: each of its items is marked.
TRY_HEADING = re.compile(r"^#{1,6}\s.*(try|해\s?보|해\s?볼)", re.IGNORECASE)
_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*+])\s+")
_BACKED: dict[str, list[Callable]] = {}


@dataclass(frozen=True)
class Exercise:
    id: str  # "<topic-id>/<name>"
    text: str  # the item or paragraph the marker closes, as plain text


def plain(text: str) -> str:
    """Text as a docstring quotes it: no markers, emphasis or code marks, single spaces."""
    text = MARKER.sub("", text)
    text = re.sub(r"[*`]", "", text)
    return " ".join(text.split())


def _blocks(markdown: str) -> list[tuple[str, str]]:
    """(heading above, text) of every paragraph and list item."""
    blocks: list[tuple[str, str]] = []
    heading, lines = "", []

    def close() -> None:
        if lines:
            blocks.append((heading, " ".join(lines)))
            lines.clear()

    for line in markdown.splitlines():
        if not line.strip():
            close()
        elif line.lstrip().startswith("#"):
            close()
            heading = line.strip()
        elif _ITEM.match(line):
            close()
            lines.append(_ITEM.sub("", line, count=1))
        else:
            lines.append(line.strip())
    close()
    return blocks


def exercises(markdown: str, topic_id: str) -> list[Exercise]:
    """The marked exercises of a lesson (or any Markdown text), in order."""
    found = []
    for _, text in _blocks(markdown):
        for name in MARKER.findall(text):
            found.append(Exercise(f"{topic_id}/{name}", plain(text)))
    return found


def unmarked(markdown: str) -> list[str]:
    """Items of "Try this" sections that carry no marker: exercises nobody tests."""
    return [plain(text) for heading, text in _blocks(markdown)
            if TRY_HEADING.match(heading) and not MARKER.search(text)]


def exercise(exercise_id: str, seeds: tuple[int, ...] = SEEDS, seedless: str = "") -> Callable:
    """Marks a test as the one backing ``exercise_id`` and runs it on each seed.

    The test takes a ``seed`` argument; three seeds at least, so that an outcome that
    holds for one lucky seed does not pass for a lesson's promise. Only where no random
    number enters what the exercise shows (a walk on a fixed 2-D function) does
    ``seedless`` say so, and the test then runs once, without a seed; a test of its own
    must show that the seed changes nothing there.
    """
    if seedless:
        seeds = ()
    elif len(seeds) < 3:
        raise ValueError(f"{exercise_id}: an exercise is checked on three seeds at least")

    def mark(test: Callable) -> Callable:
        test.exercise_id = exercise_id
        _BACKED.setdefault(exercise_id, []).append(test)
        return pytest.mark.parametrize("seed", seeds)(test) if seeds else test

    return mark


def backing_tests(exercise_id: str) -> list[Callable]:
    """The tests in tests/core decorated with ``@exercise(exercise_id)``."""
    import tests.core

    for info in pkgutil.iter_modules(tests.core.__path__):
        if info.name.startswith("test_"):
            importlib.import_module(f"tests.core.{info.name}")
    return _BACKED.get(exercise_id, [])


def problems(text: str, exercise_id: str, quote: bool = True) -> list[str]:
    """What is wrong with ``text`` as the exercise ``exercise_id``: no test backs it, or
    (when ``quote``, for the English text) no backing test's docstring quotes it.
    Usable for lesson items and scene narration alike; an empty list means all is well."""
    tests = backing_tests(exercise_id)
    if not tests:
        return [f"exercise {exercise_id} has no test: decorate one in tests/core with "
                f'@exercise("{exercise_id}") ("{plain(text)}")']
    wanted = plain(text)
    if quote and not any(wanted in plain(t.__doc__ or "") for t in tests):
        names = ", ".join(t.__name__ for t in tests)
        return [f"the docstring of {names} does not quote exercise {exercise_id}: "
                f'"{wanted}"']
    return []


def lesson(topic_id: str, lang: str) -> str:
    return (LESSONS / f"{topic_id}.{lang}.md").read_text(encoding="utf-8")


def lesson_topics() -> list[str]:
    """Every topic with a lesson file, registered or not yet."""
    return sorted({p.name.split(".")[0] for p in LESSONS.glob("*.md")})


def defaults(topic_id: str) -> Params:
    """The parameters a student finds when the tab opens."""
    return registry.get(topic_id).params_class()()
