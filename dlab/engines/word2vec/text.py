"""Text to training examples, with numpy only (no torch, no Qt).

A corpus is read into one array of word ids and the sentence each token belongs to. A
centre word makes examples only when its whole window lies inside its sentence (as in the
lesson's example: in "the boy went to the bank" with a window of one, the first "the" and
"bank" are never centres), so a window never crosses a sentence end. Examples are listed by
centre position, and for each centre its context from left to right.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dlab.core.experiment import BadInput
from dlab.core.resources import resource

BUILTIN = ("builtin-en", "builtin-ko")
MAX_FILE_BYTES = 64 * 1024 * 1024  # larger files are refused: they would not fit a lesson
SNIFF_BYTES = 64 * 1024  # how much of a file is checked for being text before reading it
CHUNK_BYTES = 1024 * 1024  # a large file is read this much per step, so progress shows

# A word: a run of letters, digits or apostrophes (Unicode-aware, so Hangul counts).
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


class CorpusError(BadInput):
    """A corpus that cannot be trained on; the message says what is wrong and what is
    allowed."""


def tokenise(line: str) -> list[str]:
    """Lower-cased words of one line, split on whitespace and punctuation."""
    return _WORD.findall(line.lower())


def builtin_path(name: str) -> Path:
    return resource("data", f"word2vec-{name.split('-', 1)[1]}.txt")


def categories(name: str) -> dict[str, str]:
    """word -> category for a built-in corpus ({} for a user's file)."""
    if name not in BUILTIN:
        return {}
    lang = name.split("-", 1)[1]
    out = {}
    lines = resource("data", "word2vec-categories.tsv").read_text(encoding="utf-8").splitlines()
    for row in lines[1:]:
        row_lang, cat, word = row.split("\t")
        if row_lang == lang:
            out[word] = cat
    return out


def check_text_file(path: str) -> None:
    """Cheap checks before a file is read: it exists, is not empty or too large, and its
    first bytes are UTF-8 text. Raises CorpusError with a message for the user."""
    p = Path(path)
    allowed = "expected builtin-en, builtin-ko or a UTF-8 text file"
    if not p.is_file():
        raise CorpusError(f"{path}: no such file; {allowed}")
    size = p.stat().st_size
    if size == 0:
        raise CorpusError(f"{path} is empty; {allowed} with at least two different words")
    if size > MAX_FILE_BYTES:
        raise CorpusError(f"{path} is {size / 2**20:.0f} MB; files up to "
                          f"{MAX_FILE_BYTES // 2**20} MB are allowed")
    try:
        with p.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as exc:
        raise CorpusError(f"{path} cannot be read ({exc.strerror})") from None
    if b"\x00" in head or not _is_utf8(head, cut=size > SNIFF_BYTES):
        raise CorpusError(f"{path} is not UTF-8 text (it looks like a binary file); {allowed}")


def _is_utf8(data: bytes, cut: bool) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A character split by the end of the sniffed block is fine.
        return cut and exc.start >= len(data) - 3 and exc.reason == "unexpected end of data"
    return True


def read_chunks(path: Path, chunk_bytes: int = CHUNK_BYTES) -> Iterator[tuple[list[str], float]]:
    """Lines of a UTF-8 file, a chunk at a time, with the fraction of the file read."""
    size = max(1, path.stat().st_size)
    with path.open("r", encoding="utf-8", errors="strict", newline=None) as fh:
        while True:
            try:
                lines = fh.readlines(chunk_bytes)
            except UnicodeDecodeError as exc:
                raise CorpusError(f"{path} is not UTF-8 text past its start "
                                  f"(byte {exc.start} of a chunk); expected a UTF-8 "
                                  "text file") from None
            if not lines:
                return
            yield lines, min(1.0, fh.buffer.tell() / size)


class CorpusReader:
    """Tokenises lines as they come (a chunk per call), counting words."""

    def __init__(self) -> None:
        self.sentences: list[list[str]] = []
        self.counts: Counter[str] = Counter()

    def add(self, lines: Iterable[str]) -> None:
        for line in lines:
            words = tokenise(line)
            if words:
                self.sentences.append(words)
                self.counts.update(words)


@dataclass(frozen=True)
class Corpus:
    """Word ids of every kept token, and which sentence each belongs to."""

    vocab: tuple[str, ...]  # most frequent first
    counts: np.ndarray  # (V,) occurrences of each vocabulary word
    tokens: np.ndarray  # (N,) word ids, sentences one after another
    sentence_of: np.ndarray  # (N,) the sentence of each token (0, 0, 0, 1, 1, ...)

    @property
    def index(self) -> dict[str, int]:
        return {w: i for i, w in enumerate(self.vocab)}

    def sentence(self, k: int) -> np.ndarray:
        lo, hi = np.searchsorted(self.sentence_of, [k, k + 1])
        return self.tokens[lo:hi]


def build_corpus(reader: CorpusReader, min_count: int = 1) -> Corpus:
    """Keep words seen at least ``min_count`` times (the rest are dropped from their
    sentences), most frequent first; ties in the order first seen."""
    kept = [w for w, c in reader.counts.most_common() if c >= min_count]
    if len(kept) < 2:
        found = len(reader.counts)
        raise CorpusError(
            f"the corpus has {found} different word{'s' if found != 1 else ''}"
            + (f" seen at least {min_count} times" if min_count > 1 and found else "")
            + f" ({len(kept)} kept); Word2Vec needs at least two")
    index = {w: i for i, w in enumerate(kept)}
    ids, sent = [], []
    k = 0
    for words in reader.sentences:
        row = [index[w] for w in words if w in index]
        if row:
            ids.extend(row)
            sent.extend([k] * len(row))
            k += 1
    counts = np.array([reader.counts[w] for w in kept], dtype=np.int64)
    return Corpus(tuple(kept), counts, np.array(ids, dtype=np.int64),
                  np.array(sent, dtype=np.int64))


def centres(sentence_of: np.ndarray, window: int) -> np.ndarray:
    """Positions whose whole window (``window`` words each side) lies in their sentence."""
    n = len(sentence_of)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    starts = np.r_[0, np.flatnonzero(np.diff(sentence_of)) + 1]
    lengths = np.diff(np.r_[starts, n])
    start_of = np.repeat(starts, lengths)
    end_of = np.repeat(starts + lengths, lengths)
    pos = np.arange(n)
    return pos[(pos - start_of >= window) & (pos + window < end_of)]


def offsets(window: int) -> np.ndarray:
    """Context offsets from left to right: -w .. -1, 1 .. w."""
    return np.r_[np.arange(-window, 0), np.arange(1, window + 1)]


def cbow_examples(tokens: np.ndarray, sentence_of: np.ndarray,
                  window: int) -> tuple[np.ndarray, np.ndarray]:
    """(contexts (M, 2w), targets (M,)): predict the centre from its context."""
    c = centres(sentence_of, window)
    return tokens[c[:, None] + offsets(window)[None, :]], tokens[c]


def skipgram_examples(tokens: np.ndarray, sentence_of: np.ndarray,
                      window: int) -> tuple[np.ndarray, np.ndarray]:
    """(centres (M,), contexts (M,)): predict each context word from the centre."""
    ctx, target = cbow_examples(tokens, sentence_of, window)
    return np.repeat(target, ctx.shape[1]), ctx.reshape(-1)


def examples_of_words(words: list[str], window: int, architecture: str) -> list[tuple]:
    """The examples of one sentence, as words: CBOW ``(context tuple, target)``, skip-gram
    ``(centre, context)``. For the lesson's example and the window view."""
    vocab = sorted(set(words))
    idx = {w: i for i, w in enumerate(vocab)}
    tokens = np.array([idx[w] for w in words], dtype=np.int64)
    sent = np.zeros(len(words), dtype=np.int64)
    if architecture == "cbow":
        ctx, tgt = cbow_examples(tokens, sent, window)
        return [(tuple(vocab[i] for i in row), vocab[t]) for row, t in zip(ctx, tgt, strict=True)]
    a, b = skipgram_examples(tokens, sent, window)
    return [(vocab[i], vocab[j]) for i, j in zip(a, b, strict=True)]


def keep_mask(counts: np.ndarray, tokens: np.ndarray, threshold: float,
              rng: np.random.Generator) -> np.ndarray:
    """Subsampling of frequent words (Mikolov et al. 2013): a word of frequency f is kept
    with probability min(1, sqrt(t/f) + t/f). threshold 0 keeps everything."""
    if threshold <= 0:
        return np.ones(len(tokens), dtype=bool)
    f = counts / counts.sum()
    p_keep = np.minimum(1.0, np.sqrt(threshold / f) + threshold / f)
    return rng.random(len(tokens)) < p_keep[tokens]
