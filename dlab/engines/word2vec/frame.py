"""What the Word2Vec tab draws (no torch here)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

LOSS = "loss"  # the training loss of each optimisation step


@dataclass(frozen=True)
class Word2VecFrame:
    progress: float  # fraction of the corpus file read; 1.0 once training can start
    epoch: int  # epochs completed
    epochs: int
    architecture: str  # "skipgram" or "cbow"
    vocab_size: int
    pairs_per_epoch: int  # training examples of the first epoch
    words: tuple[str, ...]  # the words the views show and search: the most frequent first
    categories: tuple[str, ...]  # each word's category in the built-in corpus, else ""
    table: np.ndarray  # (len(words), dim): their rows of the lookup table (the embeddings)
    plotted: np.ndarray  # indices into words of those in the 2-D map
    points: np.ndarray  # (len(plotted), 2): their unit vectors projected on 2 principal axes
    sentence: tuple[str, ...]  # the sentence under the sliding window
    centre: int  # the window's centre position in it (-1: none yet)
    window: int
    examples: tuple[tuple[tuple[str, ...], str], ...]  # this centre's (context, target) pairs
