"""Parameters of the Word2Vec topic. No torch here: the window builds its form from this
module before torch is imported."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, ClassVar

from dlab.core.params import ParamError, Params, Spec
from dlab.engines.word2vec.text import BUILTIN, CorpusError, builtin_path, check_text_file

ARCHITECTURES = ("skipgram", "cbow")


@dataclass(frozen=True)
class Word2VecParams(Params):
    topic: ClassVar[str] = "word2vec"

    corpus: Annotated[str, Spec(
        "Corpus",
        "builtin-en / builtin-ko: short sentences written for this lesson, in which animals, "
        "foods, cities, colours and jobs each share their contexts; or a UTF-8 text file of "
        "your own (Open file…), one or more sentences a line.",
        choices=BUILTIN, other="or the path of a UTF-8 text file",
    )] = "builtin-en"
    architecture: Annotated[str, Spec(
        "Architecture",
        "skipgram: predict each context word from the centre word; cbow: predict the centre "
        "word from the mean of its context words.",
        choices=ARCHITECTURES,
    )] = "skipgram"
    window: Annotated[int, Spec(
        "Window", "Context words on each side of the centre word. A centre makes examples "
        "only when its whole window lies inside its sentence.", lo=1, hi=4,
    )] = 2
    dim: Annotated[int, Spec(
        "Vector size", "Length of each word's embedding: the lookup table's columns.",
        lo=2, hi=128,
    )] = 16
    negative: Annotated[int, Spec(
        "Negative samples",
        "Random wrong words each example is trained against (negative sampling); 0 = full "
        "softmax over the whole vocabulary.", lo=0, hi=20,
    )] = 5
    subsample: Annotated[float, Spec(
        "Subsampling threshold",
        "Frequent words are dropped at random before each epoch: a word of frequency f is "
        "kept with probability √(t/f) + t/f. 0 = off.", lo=0.0, hi=0.01, step=0.0005,
        decimals=4,
    )] = 0.0
    min_count: Annotated[int, Spec(
        "Minimum count", "Words seen fewer times than this are left out of the vocabulary.",
        lo=1, hi=50,
    )] = 1
    epochs: Annotated[int, Spec(
        "Epochs", "Passes over all the training examples.", lo=1, hi=200,
    )] = 20
    lr: Annotated[float, Spec(
        "Learning rate", "Step size of Adam on the lookup tables.",
        lo=1e-4, hi=0.5, log=True, live=True, decimals=4,
    )] = 0.01
    batch_size: Annotated[int, Spec(
        "Batch size", "Training examples per update (a power of two).",
        lo=1, hi=4096, pow2=True,
    )] = 64

    def code_files(self) -> dict[str, str]:
        path = builtin_path(self.corpus) if self.corpus in BUILTIN else Path(self.corpus)
        return {"CORPUS_FILE": str(path.resolve())}

    def validate(self) -> None:
        if self.corpus not in BUILTIN:
            try:
                check_text_file(self.corpus)
            except CorpusError as exc:
                raise ParamError("corpus", str(exc)) from None
