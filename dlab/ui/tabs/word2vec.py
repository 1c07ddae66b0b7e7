"""Topic 7: Word2Vec. Words become vectors, learned from the contexts they appear in: the
sliding window making examples, the lookup table, the words' map moving as training goes,
and each word's nearest neighbours by cosine similarity."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dlab.core.snapshot import Snapshot
from dlab.engines.word2vec.frame import LOSS, Word2VecFrame
from dlab.engines.word2vec.params import Word2VecParams
from dlab.engines.word2vec.similarity import analogy, cosine, neighbours
from dlab.engines.word2vec.text import BUILTIN, CorpusError, check_text_file
from dlab.ui.i18n import QT_TRANSLATE_NOOP, translate
from dlab.ui.labels import FittedLine, text_label
from dlab.ui.layouts import by_stretch
from dlab.ui.plots import LOSS as LOSS_WORD
from dlab.ui.plots import (
    PALETTE,
    STEP,
    TRAINING_LOSS,
    LabelledPlot,
    pen,
    set_line,
    thin_to_pixels,
)
from dlab.ui.stat_plots import EmptyHint
from dlab.ui.topic_tab import TopicTab, draw_all
from dlab.ui.word2vec_views import LookupView, WordMap, examples_html, window_html

CATEGORY_NAMES = {"animal": QT_TRANSLATE_NOOP("Word2VecTab", "animals"),
                  "food": QT_TRANSLATE_NOOP("Word2VecTab", "foods"),
                  "city": QT_TRANSLATE_NOOP("Word2VecTab", "cities"),
                  "colour": QT_TRANSLATE_NOOP("Word2VecTab", "colours"),
                  "job": QT_TRANSLATE_NOOP("Word2VecTab", "jobs")}
CATEGORY_COLORS = dict(zip(CATEGORY_NAMES, PALETTE[:5], strict=True))
NO_CATEGORY = "#555555"
N_NEIGHBOURS = 8
TABLE_ROWS = 6  # rows of the lookup table drawn (readable at 1280x800), the picked among them

LABELS_A_TURN = 10  # the map's labels made in a turn (the first 40 took 12 ms)


def word_box() -> QComboBox:
    """An editable word chooser that completes what is typed from the vocabulary."""
    box = QComboBox()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    box.completer().setFilterMode(Qt.MatchFlag.MatchStartsWith)
    box.setMinimumContentsLength(8)
    return box


class Word2VecTab(TopicTab):
    def build_view(self, parent: QWidget) -> None:
        self.head = text_label(13, bold=True, wrap=True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.window_label = text_label(14)
        self.window_label.setTextFormat(Qt.TextFormat.RichText)
        self.examples_label = FittedLine(12)  # as many examples as the width holds

        self.map = WordMap(
            QT_TRANSLATE_NOOP("Word2VecTab", "Word vectors on 2 axes (PCA)"),
            QT_TRANSLATE_NOOP("Word2VecTab", "principal axis 1"),
            QT_TRANSLATE_NOOP("Word2VecTab", "principal axis 2"))
        self.map_key = QLabel()
        self.map_key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lookup = LookupView(
            QT_TRANSLATE_NOOP("Word2VecTab", "One-hot × lookup table = its row"),
            QT_TRANSLATE_NOOP("Word2VecTab", "dimension"),
            QT_TRANSLATE_NOOP("Word2VecTab", "word"),
            (QT_TRANSLATE_NOOP("Word2VecTab", "one-hot"),
             QT_TRANSLATE_NOOP("Word2VecTab", "lookup table")))
        # One curve, so no legend (a hidden legend's anchor outlived its plot on close).
        self.loss_plot = LabelledPlot(TRAINING_LOSS, STEP, LOSS_WORD, run_x=True)
        self.loss_curve = self.loss_plot.plotItem.plot([], [], pen=pen(PALETTE[0], 1.0))
        thin_to_pixels(self.loss_curve)
        self.loss_plot.retranslate()

        # Nearest neighbours, and the similarity of two words.
        self.query_box = QGroupBox()
        self.word = word_box()
        self.word_label = QLabel()
        self.near = QLabel()
        self.near.setTextFormat(Qt.TextFormat.RichText)
        self.near.setAlignment(Qt.AlignmentFlag.AlignTop)
        # The list scrolls where the window is short (a 1024x700 projector) rather than
        # making the window taller once it is filled.
        near_scroll = QScrollArea()
        near_scroll.setWidget(self.near)
        near_scroll.setWidgetResizable(True)
        near_scroll.setFrameShape(QFrame.Shape.NoFrame)
        near_scroll.setMinimumHeight(2 * self.near.fontMetrics().height())
        self.other = word_box()
        self.sim_label = QLabel()
        self.sim = QLabel()
        ql = QGridLayout(self.query_box)
        ql.setVerticalSpacing(3)  # seven rows: room for the map at 1024x700
        ql.addWidget(self.word_label, 0, 0)
        ql.addWidget(self.word, 0, 1)
        ql.addWidget(near_scroll, 1, 0, 1, 2)
        ql.setRowStretch(1, 1)
        ql.addWidget(self.sim_label, 2, 0)
        ql.addWidget(self.other, 2, 1)
        ql.addWidget(self.sim, 3, 0, 1, 2)
        # An analogy a − b + c: the word nearest to that sum.
        self.analogy_label = QLabel()
        self.terms = [word_box() for _ in range(3)]
        row = QHBoxLayout()
        for k, box in enumerate(self.terms):
            box.setMinimumContentsLength(4)
            # Never narrower than its word: the answers below wrap, so nothing else holds
            # the column as wide as the three terms need.
            box.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            row.addWidget(box, 1)
            if k < 2:
                row.addWidget(QLabel("−" if k == 0 else "+"))
        self.analogy = QLabel()
        # The answers wrap rather than widen the box: a line as wide as its text widened the
        # box's column whenever an answer was longer (at 1280 x 800), and the grid moved and
        # resized every plot, each painted again, at a frame in three.
        for answer in (self.sim, self.analogy):
            answer.setWordWrap(True)
        ql.addWidget(self.analogy_label, 4, 0, 1, 2)
        ql.addLayout(row, 5, 0, 1, 2)
        ql.addWidget(self.analogy, 6, 0, 1, 2)

        self.hints = [
            EmptyHint(self.map, QT_TRANSLATE_NOOP(
                "Word2VecTab", "Press Run: each word's vector, projected on the two "
                               "directions in which the vectors differ most.")),
            EmptyHint(self.lookup, QT_TRANSLATE_NOOP(
                "Word2VecTab", "The lookup table: one row of numbers per word.")),
            EmptyHint(self.loss_plot, QT_TRANSLATE_NOOP(
                "Word2VecTab", "The loss of each mini-batch.")),
        ]

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        map_box = QWidget()
        ml = QVBoxLayout(map_box)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(self.map, 1)
        ml.addWidget(self.map_key)
        grid.addWidget(map_box, 0, 0)
        grid.addWidget(self.query_box, 0, 1)
        grid.addWidget(self.lookup, 1, 0)
        grid.addWidget(self.loss_plot, 1, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 1)
        # The map gets five eighths: its 40 labels need the room; the lookup table shows
        # as many rows as fit.
        grid.setRowStretch(0, 5)
        grid.setRowStretch(1, 3)
        by_stretch(self.map, self.lookup, self.loss_plot)
        lay = QVBoxLayout(parent)
        lay.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.head, 1)
        top.addWidget(self.progress)
        lay.addLayout(top)
        lay.addWidget(self.window_label)
        lay.addWidget(self.examples_label)
        lay.addLayout(grid, 1)

        self.open_btn = QPushButton()
        self.open_btn.clicked.connect(self.open_file)
        self.extra_bar.addWidget(self.open_btn)

        self._frame: Word2VecFrame | None = None
        self._words: tuple[str, ...] = ()
        for box in (self.word, self.other, *self.terms):
            box.currentTextChanged.connect(self._on_query)
        self.map.picked.connect(self.pick)

    # --- user actions -----------------------------------------------------------------
    @Slot()
    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("Word2VecTab", "Open a UTF-8 text file"), "",
            translate("Word2VecTab", "Text files (*.txt *.md *.csv);;All files (*)"))
        if path:
            self.use_file(path)

    def use_file(self, path: str) -> bool:
        """Train on ``path`` from the next Run. A file that cannot be used leaves
        everything as it was and says why."""
        try:
            check_text_file(path)
        except CorpusError as exc:
            self.banner.show_error(
                translate("Word2VecTab", "Cannot use this file: {0}").format(exc), severe=False)
            return False
        if self.runner.is_active():
            self.reset()
        self.banner.hide()
        self.set_params(self.params().replace(corpus=path))
        return True

    @Slot(str)
    def pick(self, word: str) -> None:
        self.word.setCurrentText(word)

    @Slot(str)
    def _on_query(self, _: str) -> None:
        if self._frame is not None:
            self._draw_queries(self._frame)

    # --- drawing ----------------------------------------------------------------------
    def draw(self, batch: Snapshot[Word2VecFrame]) -> Iterator[None]:
        losses = self.store.get(LOSS)
        if losses is not None and losses.n:
            set_line(self.loss_curve, losses.x, losses.y)
            self.loss_plot.reach_x(float(losses.x[-1]))
        f = batch.frame
        if f is not None:
            self._frame = f
            yield
            yield from self._frame_parts(f)
        self._show_head()
        self._show_hints()

    def _draw_frame(self, f: Word2VecFrame) -> None:
        draw_all(self._frame_parts(f))

    def _frame_parts(self, f: Word2VecFrame) -> Iterator[None]:
        reading = f.progress < 1.0
        self.progress.setVisible(reading)
        self.progress.setValue(int(f.progress * 1000))
        if reading or not f.words:
            return
        if f.words != self._words:  # a new vocabulary: refill the word choosers
            self._words = f.words
            # A chooser's word left as it is, or its first word, set with its signal off:
            # each would draw the answers and the map again (five times, 56 ms in one turn);
            # this frame draws them once, below.
            starts = [f.words[0], f.words[min(1, len(f.words) - 1)], *self._analogy_start(f)]
            for box, start in zip((self.word, self.other, *self.terms), starts, strict=True):
                keep = box.currentText()
                box.blockSignals(True)
                box.clear()
                box.addItems(list(f.words))
                box.setCurrentText(keep if keep in f.words else start)
                box.blockSignals(False)
                yield  # (a box of the whole vocabulary takes a while)
        self.window_label.setText(window_html(f.sentence, f.centre, f.window))
        self.examples_label.set_items(translate("Word2VecTab", "Examples from this window:"),
                                      examples_html(f.examples, f.architecture))
        yield
        yield from self._query_parts(f)

    def _draw_queries(self, f: Word2VecFrame) -> None:
        draw_all(self._query_parts(f))

    def _query_parts(self, f: Word2VecFrame) -> Iterator[None]:
        index = {w: i for i, w in enumerate(f.words)}
        word = self.word.currentText().strip().lower()
        picked = index.get(word, -1)
        plotted = [int(i) for i in f.plotted]
        colors = [CATEGORY_COLORS.get(f.categories[i], NO_CATEGORY) for i in plotted]
        while self.map.add_labels(len(plotted), LABELS_A_TURN):  # the first vocabulary's
            yield
        self.map.set_points(f.points, [f.words[i] for i in plotted], colors,
                            highlight=word)
        yield
        self._draw_lookup(f, picked)
        if picked < 0:
            self.near.setText(translate(
                "Word2VecTab", "“{0}” is not in the vocabulary ({1} words).").format(
                escape(word), f.vocab_size) if word else "")
        else:
            rows = [f"<tr><td>{escape(f.words[j])}&nbsp;&nbsp;</td>"
                    f"<td align='right'>{s:.2f}</td></tr>"
                    for j, s in neighbours(f.table, picked, N_NEIGHBOURS)]
            self.near.setText(translate("Word2VecTab", "Nearest by cosine similarity:")
                              + "<table>" + "".join(rows) + "</table>")
        other = index.get(self.other.currentText().strip().lower(), -1)
        if picked >= 0 and other >= 0:
            self.sim.setText(translate("Word2VecTab", "cos({0}, {1}) = {2:.2f}").format(
                f.words[picked], f.words[other], cosine(f.table[picked], f.table[other])))
        else:
            self.sim.setText("")
        terms = [index.get(b.currentText().strip().lower(), -1) for b in self.terms]
        if min(terms) >= 0:
            found = analogy(f.table, *terms, k=3)
            self.analogy.setText("≈ " + ", ".join(f"{f.words[j]} ({s:.2f})" for j, s in found))
        else:
            self.analogy.setText("")

    @staticmethod
    def _analogy_start(f: Word2VecFrame) -> list[str]:
        """Two words of one kind and one of another (cat − dog + bread), or the three most
        frequent words of a user's file."""
        cats = f.categories
        if cats and cats[0]:
            same = next((w for w, c in zip(f.words[1:], cats[1:], strict=True) if c == cats[0]),
                        f.words[1])
            other = next((w for w, c in zip(f.words, cats, strict=True) if c and c != cats[0]),
                         f.words[2])
            return [f.words[0], same, other]
        return [f.words[min(i, len(f.words) - 1)] for i in range(3)]

    def _draw_lookup(self, f: Word2VecFrame, picked: int) -> None:
        """A few rows of the table (or those of the most frequent words), the picked word
        among them."""
        by_kind: dict[str, list[int]] = {}
        for i, c in enumerate(f.categories):
            if c:
                by_kind.setdefault(c, []).append(i)
        # Two words of the first kind (alike rows) and one of each other kind.
        kinds = list(by_kind.values())
        rows = ([*kinds[0][:2], *(ids[0] for ids in kinds[1:])][:TABLE_ROWS] if kinds
                else list(range(min(TABLE_ROWS, len(f.words)))))
        if picked >= 0 and picked not in rows:
            rows[-1] = picked
        at = rows.index(picked) if picked >= 0 else 0
        self.lookup.set_rows(np.asarray(f.table[rows]), [f.words[i] for i in rows], at)

    def _show_head(self) -> None:
        f = self._frame
        params: Word2VecParams = self.params()
        if f is not None and f.progress < 1.0:
            self.head.setText(translate("Word2VecTab", "Reading {0}: {1:.0%}").format(
                Path(params.corpus).name, f.progress))
            return
        if f is None or not f.words:
            self.head.setText(translate(
                "Word2VecTab", "Word2Vec learns a vector for each word from the words around "
                               "it. Press Run."))
            return
        if f.architecture == "skipgram":
            arch = translate("Word2VecTab", "skip-gram pairs")
        else:
            arch = translate("Word2VecTab", "CBOW examples")
        loss = self.store.last(LOSS)
        text = translate("Word2VecTab", "Epoch {0} of {1} · {2} words · {3} {4} an epoch").format(
            f.epoch, f.epochs, f.vocab_size, f.pairs_per_epoch, arch)
        if loss is not None:
            text += " · " + translate("Word2VecTab", "loss {0:.3f}").format(loss)
        self.head.setText(text)

    def _show_hints(self) -> None:
        f = self._frame
        empty = f is None or not f.words
        loss = self.store.get(LOSS)
        for hint, e in zip(self.hints, [empty, empty, loss is None or not loss.n],
                           strict=True):
            hint.set_empty(e)

    def clear_view(self) -> None:
        super().clear_view()  # the plots and their hints
        self._frame = None
        self.loss_curve.setData([], [])
        self.progress.hide()
        self.window_label.setText("")
        self.examples_label.set_items("", ())
        self.near.setText("")
        self.sim.setText("")
        self.analogy.setText("")
        self._show_hints()
        self._show_head()

    def retranslate_view(self) -> None:
        self.open_btn.setText(translate("Word2VecTab", "Open file…"))
        self.open_btn.setToolTip(translate(
            "Word2VecTab", "Train on a UTF-8 text file of your own (one or more sentences a "
                           "line) from the next Run"))
        self.query_box.setTitle(translate("Word2VecTab", "Nearest neighbours"))
        self.word_label.setText(translate("Word2VecTab", "Word"))
        self.word.setToolTip(translate("Word2VecTab",
                                       "Type or pick a word, or click a point on the map"))
        self.sim_label.setText(translate("Word2VecTab", "Compare with"))
        self.other.setToolTip(translate(
            "Word2VecTab", "A second word: the cosine similarity of the two is shown"))
        self.analogy_label.setText(translate("Word2VecTab", "Analogy a − b + c:"))
        for box in self.terms:
            box.setToolTip(translate("Word2VecTab",
                                     "The words nearest to a − b + c (unit vectors)"))
        self.map_key.setText("   ".join(
            f"<span style='color:{CATEGORY_COLORS[c]}'>■ {name.text()}</span>"
            for c, name in CATEGORY_NAMES.items()))
        self.map_key.setVisible(self.params().corpus in BUILTIN)
        self._show_head()
        if self._frame is not None:
            self._draw_frame(self._frame)

    def params_changed(self, params: Word2VecParams) -> None:
        self.map_key.setVisible(params.corpus in BUILTIN)
