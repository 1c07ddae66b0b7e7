"""`dlab bench`'s command line and JSON shape (issue 18), on one small topic. The figures
themselves are printed for the README, never asserted: timings vary with the machine."""

from __future__ import annotations

import json
import math

import pytest

from dlab.core.runtime import cuda_available
from tests.e2e.test_cli import dlab

ISSUE_KEYS = {"gui_over_headless", "fps", "steps_per_s", "p99_ms"}


def test_json_has_the_issue_shape_for_a_topic_and_the_worst_case():
    out = dlab("bench", "--json", "--topics", "sigmoid,worst-case", "--seconds", "0.2",
               "--no-startup")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)  # stdout is the JSON alone; progress goes to stderr
    assert set(doc) == {"topics", "worst_case", "first_paint_s", "bare_first_paint_s"}
    assert list(doc["topics"]) == ["sigmoid"]
    for figures in (doc["topics"]["sigmoid"], doc["worst_case"]):
        assert set(figures) == ISSUE_KEYS
        assert figures["steps_per_s"] > 0, "the headless run took steps"
        # Timings, not asserted: numbers, or null for a p99 when the window's timer never
        # fired during the run (a machine too busy to schedule it).
        p99 = figures.pop("p99_ms")
        assert p99 is None or (math.isfinite(p99) and p99 >= 0), p99
        assert all(math.isfinite(v) and v >= 0 for v in figures.values()), figures
    assert doc["first_paint_s"] is None and doc["bare_first_paint_s"] is None  # skipped
    assert "sigmoid" in out.stderr and "load average" in out.stderr


@pytest.mark.parametrize("args, named", [
    (["--topics", "no-such-topic"], "no-such-topic"),
    (["--soak", "0"], "--soak"),
    (["--seconds", "-1"], "--seconds"),
])
def test_bad_options_are_one_line_and_exit_2(args, named):
    out = dlab("bench", *args)
    assert out.returncode == 2 and out.stdout == ""
    assert named in out.stderr and len(out.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(cuda_available(), reason="the refusal is for machines without CUDA")
def test_device_cuda_without_cuda_is_refused_clearly():
    out = dlab("bench", "--device", "cuda", "--topics", "sigmoid")
    assert out.returncode == 2 and out.stdout == ""
    assert "no CUDA device" in out.stderr
