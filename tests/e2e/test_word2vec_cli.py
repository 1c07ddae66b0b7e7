"""`dlab run word2vec`: the Embedding Projector's files, the first epoch's pairs in the
order they are made, the summary fields, and bad corpus files refused with a message."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def dlab(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "dlab", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def test_run_writes_vectors_metadata_and_pairs(tmp_path):
    out = dlab("run", "word2vec", "--set", "epochs=1", "--set", "window=1",
               "--set", "dim=8", "--out", str(tmp_path))
    assert out.returncode == 0, out.stderr
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    assert result["status"] == "finished"
    assert result["vocab_size"] == 241
    words = (tmp_path / "metadata.tsv").read_text(encoding="utf-8").splitlines()
    vectors = (tmp_path / "vectors.tsv").read_text(encoding="utf-8").splitlines()
    assert len(words) == len(vectors) == 241 and words[0] == "the"
    assert all(len(v.split("\t")) == 8 for v in vectors)
    pairs = (tmp_path / "pairs.tsv").read_text(encoding="utf-8").splitlines()
    assert len(pairs) == result["pairs_per_epoch"]
    # The lesson's sentence comes first: (boy, the), (boy, went), (went, boy) ...
    assert pairs[:4] == ["boy\tthe", "boy\twent", "went\tboy", "went\tto"]


def test_cbow_pairs_list_the_context_then_the_target(tmp_path):
    out = dlab("run", "word2vec", "--set", "architecture=cbow", "--set", "epochs=1",
               "--set", "window=1", "--out", str(tmp_path))
    assert out.returncode == 0, out.stderr
    pairs = (tmp_path / "pairs.tsv").read_text(encoding="utf-8").splitlines()
    assert pairs[:4] == ["the went\tboy", "boy to\twent", "went the\tto", "to bank\tthe"]


def test_bad_corpus_files_exit_2_with_a_message(tmp_path):
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    one_word = tmp_path / "one.txt"
    one_word.write_text("hello\nhello hello\n", encoding="utf-8")
    for path, says in ((binary, "not UTF-8 text"), (one_word, "needs at least two"),
                       (tmp_path / "missing.txt", "no such file")):
        out = dlab("run", "word2vec", "--set", f"corpus={path}", "--out", str(tmp_path / "o"))
        assert out.returncode == 2, out.stderr
        assert says in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr
        assert not (tmp_path / "o").exists()  # nothing written
