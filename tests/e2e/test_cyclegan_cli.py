"""`dlab run cyclegan`: a folder that cannot be used is refused in one line with exit 2,
nothing written; two good folders train."""

from __future__ import annotations

import json

from tests.core.test_cyclegan_folders import squares
from tests.e2e.test_cli import dlab


def test_bad_folders_exit_2_with_one_line(tmp_path):
    good = squares(tmp_path / "good", 4, (255, 255, 255), 0)
    empty = tmp_path / "empty"
    empty.mkdir()
    for x, y, says in ((good, tmp_path / "nowhere", "folder_y: "),
                       (empty, good, "folder_x: "), ("", good, "no folder chosen")):
        out = dlab("run", "cyclegan", "--set", "domains=folders", "--set", f"folder_x={x}",
                   "--set", f"folder_y={y}", "--out", str(tmp_path / "o"))
        assert out.returncode == 2, out.stderr
        assert says in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr
        assert not (tmp_path / "o").exists()  # nothing written


def test_two_folders_train(tmp_path):
    x = squares(tmp_path / "x", 8, (255, 0, 0), 0)
    y = squares(tmp_path / "y", 8, (0, 0, 255), 1)
    out = dlab("run", "cyclegan", "--set", "domains=folders", "--set", f"folder_x={x}",
               "--set", f"folder_y={y}", "--set", "batch_size=8", "--steps", "3",
               "--out", str(tmp_path / "o"))
    assert out.returncode == 0, out.stderr
    result = json.loads((tmp_path / "o" / "result.json").read_text(encoding="utf-8"))
    assert result["status"] == "finished" and result["steps"] == 3
    assert result["params"]["folder_x"] == str(x)
