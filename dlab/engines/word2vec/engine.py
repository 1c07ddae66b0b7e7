"""Word2Vec trained live: CBOW or skip-gram, with negative sampling or a full softmax.

One natural step = one Adam update on a mini-batch of examples. While a large corpus file
is read, a step reads one chunk of it instead (the frame's ``progress`` says how far), so
the window shows a progress bar and stays responsive. Examples are remade every epoch
(subsampling is random per epoch) and shuffled; the sliding-window view walks the corpus
in order, one centre word per step, from the lesson's sentence on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch.nn import functional

from dlab.core.experiment import Experiment, check_finite
from dlab.core.runtime import configure_torch
from dlab.core.snapshot import Record
from dlab.engines.word2vec.frame import LOSS, Word2VecFrame
from dlab.engines.word2vec.params import Word2VecParams
from dlab.engines.word2vec.similarity import (
    category_margin,
    neighbour_purity,
    neighbours,
    pca_2d,
    unit_rows,
)
from dlab.engines.word2vec.text import (
    BUILTIN,
    CHUNK_BYTES,
    Corpus,
    CorpusReader,
    build_corpus,
    builtin_path,
    categories,
    cbow_examples,
    centres,
    check_text_file,
    keep_mask,
    read_chunks,
    skipgram_examples,
)

MAX_WORDS = 2000  # the most frequent words the views search and show
MAX_PLOTTED = 48  # words in the 2-D map of a user's corpus (the most frequent)
MAX_PAIRS_FILE = 10_000  # lines of pairs.tsv
NOISE_POWER = 0.75  # negatives are drawn from unigram counts to this power


class Word2Vec(Experiment):
    frame_type = Word2VecFrame

    def __init__(self, params: Word2VecParams, seed: int, device: str = "cpu") -> None:
        super().__init__(params, seed, device)
        configure_torch()
        self.gen = torch.Generator().manual_seed(seed)
        self.rng = np.random.default_rng(seed)
        self.reader = CorpusReader()
        self.progress = 0.0
        self.corpus: Corpus | None = None
        self.categories = categories(params.corpus)
        if params.corpus in BUILTIN:
            path = builtin_path(params.corpus)
        else:
            check_text_file(params.corpus)
            path = Path(params.corpus)
        self.chunks: Iterator[tuple[list[str], float]] | None = read_chunks(path, CHUNK_BYTES)
        if path.stat().st_size <= CHUNK_BYTES:  # small: ready before the first frame
            while self.chunks is not None:
                self._read_chunk()
        self.updates = 0
        self.epoch = 0
        self.last_loss = float("nan")

    # --- reading ----------------------------------------------------------------------
    def _read_chunk(self) -> None:
        assert self.chunks is not None
        chunk = next(self.chunks, None)
        if chunk is not None:
            lines, self.progress = chunk
            self.reader.add(lines)
            return
        self.chunks = None
        self.progress = 1.0
        self._prepare(build_corpus(self.reader, self.params.min_count))
        self.reader = CorpusReader()  # the words now live in the corpus arrays

    def _prepare(self, corpus: Corpus) -> None:
        p = self.params
        self.corpus = corpus
        v, d = len(corpus.vocab), p.dim
        # Both tables start small and random (as in word2vec, scaled by 1/d).
        self.w_in = torch.nn.Embedding(v, d, sparse=True)
        self.w_out = torch.nn.Embedding(v, d, sparse=p.negative > 0)
        with torch.no_grad():
            self.w_in.weight.uniform_(-0.5 / d, 0.5 / d, generator=self.gen)
            self.w_out.weight.uniform_(-0.5 / d, 0.5 / d, generator=self.gen)
        self.w_in.to(self.device)
        self.w_out.to(self.device)
        self.sparse_opt = torch.optim.SparseAdam(
            [self.w_in.weight] + ([self.w_out.weight] if p.negative > 0 else []), lr=p.lr)
        self.dense_opt = (torch.optim.Adam([self.w_out.weight], lr=p.lr)
                          if p.negative == 0 else None)
        noise = torch.tensor(corpus.counts, dtype=torch.float64) ** NOISE_POWER
        self.noise = (noise / noise.sum()).float().to(self.device)
        # Negatives are drawn where the tables are: on the CPU from the run's generator, on
        # CUDA from a CUDA generator of the same seed (no copy to the device every step;
        # CUDA's runs differ from the CPU's, as its arithmetic does anyway).
        self.noise_gen = (self.gen if self.noise.device.type == "cpu"
                          else torch.Generator(device=self.noise.device).manual_seed(self.seed))
        self.shown = self._shown_words()
        self.cursor = self._cursor_positions()
        self._new_epoch()
        self.pairs_per_epoch = len(self.targets)
        per_centre = 1 if p.architecture == "cbow" else 2 * p.window
        self.centres_per_epoch = self.pairs_per_epoch // per_centre
        self.first_epoch = (self.inputs.copy(), self.targets.copy())

    def _shown_words(self) -> np.ndarray:
        """Ids of the words the views show: the most frequent; for a built-in corpus the
        category words come first (they are the lesson)."""
        assert self.corpus is not None
        index = self.corpus.index
        cat_ids = [index[w] for w in self.categories if w in index]
        rest = [i for i in range(len(self.corpus.vocab)) if i not in set(cat_ids)]
        return np.array((cat_ids + rest)[:MAX_WORDS], dtype=np.int64)

    def _cursor_positions(self) -> np.ndarray:
        """Token positions the sliding-window view visits, in corpus order."""
        assert self.corpus is not None
        return centres(self.corpus.sentence_of, self.params.window)

    # --- examples ---------------------------------------------------------------------
    def _examples(self, tokens: np.ndarray, sent: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Inputs (CBOW: (M, 2w) context ids; skip-gram: (M,) centres) and targets (M,)."""
        if self.params.architecture == "cbow":
            return cbow_examples(tokens, sent, self.params.window)
        return skipgram_examples(tokens, sent, self.params.window)

    def _new_epoch(self) -> None:
        assert self.corpus is not None
        c = self.corpus
        keep = keep_mask(c.counts, c.tokens, self.params.subsample, self.rng)
        self.inputs, self.targets = self._examples(c.tokens[keep], c.sentence_of[keep])
        self.order = self.rng.permutation(len(self.targets))
        self.pos = 0

    # --- training ---------------------------------------------------------------------
    def done(self) -> bool:
        return self.corpus is not None and self.epoch >= self.params.epochs

    def planned_steps(self) -> int | None:
        """Known once the corpus is read: the updates of every epoch as many as the
        first's (subsampling draws a few more or fewer examples each epoch)."""
        if self.corpus is None:
            return None
        per_epoch = -(-self.pairs_per_epoch // self.params.batch_size)
        return self.t - self.updates + self.params.epochs * per_epoch

    def step(self) -> list[Record]:
        if self.corpus is None:
            self._read_chunk()
            return []
        if self.pos >= len(self.order):
            self._new_epoch()
        batch = self.order[self.pos:self.pos + self.params.batch_size]
        self.pos += len(batch)
        loss = self._update(batch) if len(batch) else 0.0
        if self.pos >= len(self.order):
            self.epoch += 1
        self.updates += 1
        self.last_loss = check_finite(loss, "the loss")
        return [(LOSS, self.updates, loss)]

    def _update(self, batch: np.ndarray) -> float:
        dev = self.device
        x = torch.from_numpy(self.inputs[batch]).to(dev)
        y = torch.from_numpy(self.targets[batch]).to(dev)
        h = self.w_in(x)
        if h.dim() == 3:  # CBOW: the mean of the context words' vectors
            h = h.mean(1)
        if self.params.negative > 0:
            k = self.params.negative
            neg = torch.multinomial(self.noise, len(batch) * k, replacement=True,
                                    generator=self.noise_gen).view(len(batch), k)
            pos_score = (h * self.w_out(y)).sum(1)
            neg_score = torch.bmm(self.w_out(neg), h.unsqueeze(2)).squeeze(2)
            loss = -(functional.logsigmoid(pos_score)
                     + functional.logsigmoid(-neg_score).sum(1)).mean()
        else:
            loss = functional.cross_entropy(h @ self.w_out.weight.T, y)
        self.sparse_opt.zero_grad(set_to_none=True)
        if self.dense_opt is not None:
            self.dense_opt.zero_grad(set_to_none=True)
        loss.backward()
        self.sparse_opt.step()
        if self.dense_opt is not None:
            self.dense_opt.step()
        return float(loss.item())

    def update(self, params: Word2VecParams) -> None:
        super().update(params)
        for opt in (self.__dict__.get("sparse_opt"), self.__dict__.get("dense_opt")):
            if opt is not None:
                for group in opt.param_groups:
                    group["lr"] = params.lr

    # --- what the views draw ----------------------------------------------------------
    def vectors(self) -> np.ndarray:
        """The lookup table (the input embeddings), every vocabulary word."""
        return self.w_in.weight.detach().cpu().numpy().copy()

    def frame(self) -> Word2VecFrame:
        p = self.params
        if self.corpus is None:
            return Word2VecFrame(self.progress, 0, p.epochs, p.architecture, 0, 0, (), (),
                                 np.zeros((0, p.dim)), np.zeros(0, dtype=np.int64),
                                 np.zeros((0, 2)), (), -1, p.window, ())
        vocab = self.corpus.vocab
        table = self.vectors()[self.shown]
        words = tuple(vocab[i] for i in self.shown)
        cats = tuple(self.categories.get(w, "") for w in words)
        n_cat = sum(1 for c in cats if c)
        plotted = np.arange(n_cat if n_cat else min(MAX_PLOTTED, len(words)))
        sentence, centre, examples = self._window_view()
        return Word2VecFrame(
            progress=1.0, epoch=self.epoch, epochs=p.epochs, architecture=p.architecture,
            vocab_size=len(vocab), pairs_per_epoch=self.pairs_per_epoch, words=words,
            categories=cats, table=table, plotted=plotted,
            points=pca_2d(unit_rows(table[plotted])), sentence=sentence, centre=centre,
            window=p.window, examples=examples)

    def _window_view(self) -> tuple[tuple[str, ...], int, tuple]:
        """The sentence under the sliding window at this step, its centre, and the
        (context, centre) example it makes. The first step shows the first centre."""
        assert self.corpus is not None
        c = self.corpus
        if not len(self.cursor):
            return (), -1, ()
        at = int(self.cursor[max(0, self.updates - 1) % len(self.cursor)])
        k = int(c.sentence_of[at])
        lo = int(np.searchsorted(c.sentence_of, k))
        sentence = tuple(c.vocab[i] for i in c.sentence(k))
        centre, w = at - lo, self.params.window
        context = sentence[centre - w:centre] + sentence[centre + 1:centre + 1 + w]
        return sentence, centre, ((context, sentence[centre]),)

    def summary(self) -> dict[str, Any]:
        if self.corpus is None:
            return {"vocab_size": 0, "pairs_per_epoch": 0, "centres_per_epoch": 0,
                    "epochs_done": 0}
        return {"vocab_size": len(self.corpus.vocab), "pairs_per_epoch": self.pairs_per_epoch,
                "centres_per_epoch": self.centres_per_epoch, "epochs_done": self.epoch,
                **self._kinds()}

    def _kinds(self) -> dict[str, float]:
        """How the built-in corpus's kinds (animals, foods, ...) sit in the table: mean
        cosine similarity of two words of one kind and of two different kinds, the share
        of category words whose nearest word is of their kind, and the mean similarity to
        that nearest word. Nothing for a user's corpus (its words have no kinds)."""
        assert self.corpus is not None
        words = [self.corpus.vocab[i] for i in self.shown]
        cats = [self.categories.get(w, "") for w in words]
        if sum(1 for c in cats if c) < 2:
            return {}
        table = self.vectors()[self.shown]
        same, other = category_margin(table, cats)
        nearest = [neighbours(table, i, 1)[0][1] for i, c in enumerate(cats) if c]
        return {"similarity_same_kind": same, "similarity_other_kind": other,
                "nearest_same_kind": neighbour_purity(table, cats),
                "nearest_similarity": float(np.mean(nearest))}

    def files(self) -> dict[str, str]:
        """vectors.tsv and metadata.tsv (the Embedding Projector's format, one word a line
        in the same order) and pairs.tsv (the first epoch's examples, in the order made)."""
        if self.corpus is None:
            return {}
        vocab = self.corpus.vocab
        vec = "\n".join("\t".join(f"{x:.6g}" for x in row) for row in self.vectors())
        inputs, targets = self.first_epoch
        n = min(MAX_PAIRS_FILE, len(targets))
        if self.params.architecture == "cbow":
            pairs = [" ".join(vocab[i] for i in inputs[j]) + "\t" + vocab[targets[j]]
                     for j in range(n)]
        else:
            pairs = [f"{vocab[inputs[j]]}\t{vocab[targets[j]]}" for j in range(n)]
        return {"vectors.tsv": vec + "\n", "metadata.tsv": "\n".join(vocab) + "\n",
                "pairs.tsv": "\n".join(pairs) + ("\n" if pairs else "")}
