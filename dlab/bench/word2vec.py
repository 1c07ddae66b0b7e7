"""dlab's Word2Vec headless against gensim's on the same corpus (speed of the engine)."""

from __future__ import annotations

import time

W2V_EPOCHS = 5  # of the built-in English corpus, skip-gram, the tab's other defaults


def word2vec_rate(batch_size: int = 64) -> tuple[float, float, int]:
    """dlab's Word2Vec headless on one thread: (pairs/s, corpus words/s, pairs trained)."""
    from dlab.engines.word2vec.engine import Word2Vec
    from dlab.engines.word2vec.params import Word2VecParams

    # Reading the corpus and building the vocabulary are not timed.
    exp = Word2Vec(Word2VecParams(epochs=W2V_EPOCHS, batch_size=batch_size), 0)
    t0 = time.perf_counter()
    while not exp.done():
        exp.step()
    seconds = time.perf_counter() - t0
    pairs = exp.pairs_per_epoch * W2V_EPOCHS
    return pairs / seconds, len(exp.corpus.tokens) * W2V_EPOCHS / seconds, pairs


def gensim_rate() -> float | None:
    """gensim's Word2Vec on the same corpus and settings, one worker: corpus words/s, or
    None when gensim (a benchmark-only extra: pip install -e '.[bench]') is missing.
    gensim draws a random window of 1..w per centre and uses sentence edges too, so its
    pairs differ from ours: the words of the corpus processed per second compare."""
    try:
        from gensim.models import Word2Vec as GensimWord2Vec
    except ImportError:
        return None
    from dlab.engines.word2vec.text import CorpusReader, builtin_path

    reader = CorpusReader()
    reader.add(builtin_path("builtin-en").read_text(encoding="utf-8").splitlines())
    model = GensimWord2Vec(vector_size=16, window=2, sg=1, negative=5, hs=0, min_count=1,
                           sample=0, workers=1, seed=0)
    model.build_vocab(reader.sentences)
    words = sum(len(s) for s in reader.sentences) * W2V_EPOCHS
    t0 = time.perf_counter()
    model.train(reader.sentences, total_examples=len(reader.sentences), epochs=W2V_EPOCHS)
    return words / (time.perf_counter() - t0)


def print_word2vec() -> None:
    print(f"word2vec: skip-gram, built-in English corpus, {W2V_EPOCHS} epochs, one thread")
    theirs = gensim_rate()
    for batch in (64, 1024):  # the tab's default, and a batch for speed
        pairs_rate, words_rate, pairs = word2vec_rate(batch)
        ratio = f", {words_rate / theirs:.3f} of gensim" if theirs else ""
        print(f"  dlab, batch {batch:<5}                {pairs_rate:8.0f} pairs/s, "
              f"{words_rate:8.0f} corpus words/s{ratio}")
    if theirs is None:
        print("  gensim                           not installed (pip install -e '.[bench]')")
    else:
        print(f"  gensim (1 worker)                {theirs:8.0f} corpus words/s")
