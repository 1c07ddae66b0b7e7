"""The Word2Vec tab trains, draws, pauses, answers a neighbour query and opens files."""

from __future__ import annotations

import itertools

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QFontInfo

from dlab import registry
from dlab.ui import look
from dlab.ui.main_window import MainWindow
from dlab.ui.word2vec_views import LABEL_GAP, LABEL_MARGIN, POINT_RADIUS, place_labels
from tests.ui.conftest import (
    pause_and_settle,
    projector_window,
    set_speed,
    step_once,
    wait_step,
)


def open_tab(window, **changes):
    tab = window.tabs[registry.ids().index("word2vec")]
    window.tabs_widget.setCurrentWidget(tab)
    tab.set_params(tab.params().replace(**changes))
    return tab


def test_train_pause_step_and_query_a_neighbour(window, qtbot):
    tab = open_tab(window)
    set_speed(tab, 50)  # the run lasts 28 s: still going when the test pauses it
    tab.run_pause()
    wait_step(qtbot, tab, 20)
    qtbot.waitUntil(lambda: tab._frame is not None and len(tab._frame.words) > 0,
                    timeout=10000)
    pause_and_settle(qtbot, tab)
    n = tab.store.get("loss").n
    step_once(qtbot, tab)
    assert tab.store.get("loss").n == n + 1
    assert len(tab.map.words) == 40  # the category words are on the map
    assert "boy" in tab.window_label.text() or tab._frame.centre >= 0
    tab.word.setCurrentText("paris")
    assert "Nearest by cosine similarity" in tab.near.text()
    assert tab.map.highlight == "paris"
    tab.word.setCurrentText("zebra")
    assert "not in the vocabulary" in tab.near.text()
    tab.runner.stop()
    tab.reset()
    assert tab.store.get("loss") is None


def test_reset_forgets_the_answers_of_the_query_box(window, qtbot):
    """After Reset the neighbours, the similarity and the analogy's answer are gone with the
    vectors they came from (the analogy's "≈ noodles (0.83), …" stayed on screen)."""
    tab = open_tab(window, epochs=1)
    tab.run_inline()
    answers = (tab.near, tab.sim, tab.analogy)
    assert all(label.text() for label in answers)
    tab.reset()
    assert [label.text() for label in answers] == ["", "", ""]


def test_after_training_cats_neighbours_are_shown(window, qtbot):
    tab = open_tab(window, epochs=20)
    tab.run_inline()
    tab.word.setCurrentText("cat")
    first = tab.near.text().split("<tr>")[1]
    assert any(a in first for a in ("sheep", "tiger", "fox", "lion", "rabbit", "horse", "dog"))
    assert "cos(cat, " in tab.sim.text()


def test_open_a_file_and_refuse_a_bad_one(window, qtbot, tmp_path):
    tab = open_tab(window)
    bad = tmp_path / "photo.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    assert not tab.use_file(str(bad))
    assert not tab.banner.isHidden() and "not UTF-8 text" in tab.banner.message.text()
    assert tab.params().corpus == "builtin-en"  # nothing changed
    good = tmp_path / "mine.txt"
    good.write_text("the cat sat on the mat\na dog sat on the rug\n" * 10, encoding="utf-8")
    assert tab.use_file(str(good))
    assert tab.params().corpus == str(good)
    assert tab.form.editors["corpus"].combo.currentText() == "mine.txt"
    tab.run_inline(steps=5)
    assert tab._frame.vocab_size == 8
    assert tab.map_key.isHidden()  # no categories in a user's file


def test_a_large_file_shows_a_progress_bar_while_it_is_read(window, qtbot, tmp_path,
                                                           monkeypatch):
    """Reading happens in the worker, a chunk per step: the bar moves, then training."""
    monkeypatch.setattr("dlab.engines.word2vec.engine.CHUNK_BYTES", 2048)
    big = tmp_path / "big.txt"
    big.write_text("one two three four five six seven\n" * 1500, encoding="utf-8")  # 51 kB
    tab = open_tab(window)
    assert tab.use_file(str(big))
    set_speed(tab, 5)  # slow enough to see the reading steps one by one
    tab.run_pause()
    qtbot.waitUntil(lambda: tab._frame is not None and 0 < tab._frame.progress < 1,
                    timeout=10000)
    assert not tab.progress.isHidden() and 0 < tab.progress.value() < 1000
    assert "Reading big.txt" in tab.head.text()
    assert tab.store.get("loss") is None  # nothing trained yet
    tab.runner.stop()


def _apart(a, b, margin: float) -> bool:
    """Two rectangles (left, top, right, bottom) with at least ``margin`` between them."""
    return (a[2] + margin <= b[0] or b[2] + margin <= a[0] or a[3] + margin <= b[1]
            or b[3] + margin <= a[1])


def _gap(point, rect) -> float:
    """Pixels from a point to a rectangle (left, top, right, bottom), across or down,
    whichever is more."""
    return float(np.abs(np.clip(point, rect[:2], rect[2:]) - point).max())


def test_placed_labels_sit_beside_their_points_apart_and_inside_in_a_crowd():
    """40 labels on 40 points packed in a 100×80 px patch of a 600×400 map: each label
    that is placed sits beside its point (at most one label height further than the gap),
    inside the map, on no other word's point, and no two come within LABEL_MARGIN of each
    other; a label with no such spot is left out (before, crowded labels went up to eight
    label heights away and lay over other points)."""
    rng = np.random.default_rng(0)
    xy = rng.uniform((250, 160), (350, 240), (40, 2))
    sizes = [(rng.uniform(25, 70), 16.0) for _ in range(40)]
    corners = place_labels(xy, sizes, (0, 0, 600, 400))
    placed = [i for i in range(40) if np.isfinite(corners[i]).all()]
    assert len(placed) >= 10
    rects = {i: np.array([*corners[i], *(corners[i] + sizes[i])]) for i in placed}
    for i, r in rects.items():
        assert min(r[0], r[1]) >= 0 and r[2] <= 600 and r[3] <= 400
        assert _gap(xy[i], r) <= LABEL_GAP + sizes[i][1] + 1e-9, (i, _gap(xy[i], r))
        others = np.delete(xy, i, axis=0)
        assert not np.any((others[:, 0] > r[0] - POINT_RADIUS) & (others[:, 0] < r[2]
                          + POINT_RADIUS) & (others[:, 1] > r[1] - POINT_RADIUS)
                          & (others[:, 1] < r[3] + POINT_RADIUS)), i
    for i, j in itertools.combinations(placed, 2):
        assert _apart(rects[i], rects[j], LABEL_MARGIN), (i, j)


def test_a_label_with_no_room_is_left_out_rather_than_laid_over_another():
    """Ten 80×20 px labels on one point of a 140×100 px map: the first takes the best
    spot, the few others that fit go around it, the rest are hidden (NaN); none overlap."""
    corners = place_labels(np.full((10, 2), 50.0), [(80.0, 20.0)] * 10, (0, 0, 140, 100))
    placed = [(x, y, x + 80, y + 20) for x, y in corners if np.isfinite(x)]
    assert np.isfinite(corners[0]).all() and 2 <= len(placed) <= 4
    assert np.isnan(corners[len(placed):]).all()
    for a, b in itertools.combinations(placed, 2):
        assert _apart(a, b, LABEL_MARGIN), (a, b)


# The least share of the 40 words named on the map (the others: a point, named on a click).
NAMED = {"1024x700": 0.3, "1280x800": 0.75, "F5 at 1920x1080": 0.75}


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("screen", list(NAMED))
def test_map_labels_sit_beside_their_points_inside_the_view(qtbot, lang, screen):
    """What the class sees after scene 4 (the kinds apart), on a 1024×700 or 1280×800
    projector, and after F5 at 1920×1080: each word's label beside its point (at most a
    label height further than the gap, with a line to it), inside the plot, at least a pixel
    clear of every other label and of every other word's point, as large as the look asks;
    most words named. Before, labels went up to eight label heights away and lay over
    points; and F5 made them grow where they were, over each other and past the plot's
    left edge ("lawyer" cut)."""
    size = {"1024x700": (1024, 700), "1280x800": (1280, 800)}.get(screen, (1920, 1080))
    w = MainWindow(topic="word2vec", lang=lang)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    tab = w.current_tab()
    tab.apply_scene(3)
    tab.run_inline(steps=tab.steps_limit)
    if screen.startswith("F5"):
        w.set_presentation(True, full_screen=False)
    qtbot.wait(50)
    words = tab.map.words
    shown = [i for i in range(len(words)) if tab.map.texts[i].isVisible()]
    assert len(shown) >= NAMED[screen] * len(words) == NAMED[screen] * 40, len(shown)
    vb = tab.map.plotItem.getViewBox()
    view = vb.sceneBoundingRect()
    points = np.array([(p.x(), p.y()) for p in (vb.mapViewToScene(pg.Point(*xy))
                                                 for xy in tab.map.xy)])
    boxes = {}
    for i in shown:
        r = tab.map.texts[i].sceneBoundingRect()
        boxes[i] = np.array([r.left(), r.top(), r.right(), r.bottom()])
        assert view.contains(r), (words[i], r, view)
        assert _gap(points[i], boxes[i]) <= LABEL_GAP + r.height() + 1, words[i]
        others = np.delete(points, i, axis=0)
        on = (others[:, 0] > r.left()) & (others[:, 0] < r.right()) & (
            others[:, 1] > r.top()) & (others[:, 1] < r.bottom())
        assert not on.any(), f"{words[i]!r} lies on another word's point"
        px = QFontInfo(tab.map.texts[i].textItem.font()).pixelSize()
        assert px >= (look.TEXT_PX if screen.startswith("F5") else 13), (words[i], px)
    for i, j in itertools.combinations(shown, 2):
        assert _apart(boxes[i], boxes[j], 1.0), (words[i], words[j])
    if screen.startswith("F5"):
        w.set_presentation(False, full_screen=False)
    w.close()


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)])
def test_the_lookup_rows_are_each_a_line_high_with_the_picked_word_shown(qtbot, size):
    """On a short window the lookup table shows fewer rows rather than word labels drawn on
    top of each other; the picked word's row is always among them."""
    from PySide6.QtGui import QFontMetricsF
    from PySide6.QtWidgets import QApplication

    w = MainWindow(topic="word2vec", lang="ko")
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitUntil(lambda: w.size().toTuple() == size, timeout=5000)
    tab = w.current_tab()
    tab.run_inline("run", 30)
    QApplication.processEvents()
    axis = tab.lookup.plotItem.getAxis("left")
    ticks = axis._tickLevels[0]
    words = [word for _, word in ticks]
    rows = len(ticks) - 1  # the last tick labels the picked row under the table
    line = QFontMetricsF(axis.style["tickFont"] or axis.font()).height()
    assert tab.lookup.plotItem.vb.height() / (rows + 3.4) >= line, f"{rows} rows at {size}"
    assert words[-1] in words[:-1], "the picked word's row is shown"
    assert rows >= 2
    w.close()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_examples_line_stays_inside_the_window_at_1024_by_700(qtbot, lang):
    """A centre word with a wide window makes ten (centre → context) pairs: at 1024×700 the
    line shows those that fit and ends with "…" instead of running off the right edge
    ("Examples from this window: (salad → ate) … (salad → ou"); wider, it shows more."""
    import dataclasses

    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    from dlab.core.snapshot import Snapshot

    w = projector_window(qtbot, "word2vec", lang)
    tab = w.current_tab()
    tab.run_inline("run", 10)
    context = ("restaurant", "breakfast", "vegetables", "everybody", "strawberry")
    pairs = tuple(((word,), "sandwiches") for word in context * 2)
    tab.draw_now(Snapshot(10, [], dataclasses.replace(tab._frame, examples=pairs)))
    QApplication.processEvents()
    line = tab.examples_label
    right = line.mapTo(w, QPoint(line.width(), 0)).x()
    assert right <= w.width(), f"the line ends at x = {right}"
    assert line.sizeHint().width() <= line.width(), "its text is wider than the line"
    narrow = line.shown()
    assert 0 < narrow < len(pairs) and line.text().endswith("…")
    w.resize(1900, 700)
    qtbot.waitUntil(lambda: w.width() == 1900, timeout=5000)
    QApplication.processEvents()
    assert line.shown() > narrow
    w.close()


def test_the_first_vocabulary_draws_the_query_answers_once(window, qtbot):
    """Filling the word choosers with a new vocabulary set each one's first word with its
    signal on, and each answered by drawing all the query box and the map again: five more
    times in one turn (56 ms, the 10 ms timer of dlab bench 80 ms late). Now the frame draws
    them once, with the choosers' words already set."""
    from tests.runs import deliveries

    tab = open_tab(window)
    batches = deliveries(registry.get("word2vec"), tab.params(), 40, 10)
    tab.begin("run")
    drawn = []
    set_points = tab.map.set_points
    tab.map.set_points = lambda *a, **k: (drawn.append(1), set_points(*a, **k))[1]
    tab.draw_now(batches[0])  # the first frame with words
    assert tab._frame is not None and tab._frame.words
    assert len(drawn) == 1
    assert tab.word.currentText() == tab._frame.words[0]
    assert tab.other.currentText() == tab._frame.words[1]
    assert all(box.currentText() for box in tab.terms)
    assert tab.analogy.text().startswith("≈")


def test_the_first_vocabulary_makes_the_map_labels_a_few_a_turn(window, qtbot):
    """The map made its 40 labels in the one turn that drew it first (12 ms of a 23 ms
    part); now a frame drawn in turns makes ten a turn before it places them."""
    from tests.runs import deliveries

    tab = open_tab(window)
    batches = deliveries(registry.get("word2vec"), tab.params(), 40, 10)
    tab.begin("run")
    made = []
    for part in itertools.chain([None], tab.draw(batches[0])):
        n = len(tab.map.texts)
        made.append(n - sum(made))
        del part
    assert sum(made) == len(tab.map.words) == 40
    assert max(made) <= 10, made
