"""The Word2Vec tab trains, draws, pauses, answers a neighbour query and opens files."""

from __future__ import annotations

from dlab import registry
from tests.ui.conftest import pause_and_settle, set_speed, step_once, wait_step


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
