"""The typed engine → tab contract: every experiment of every topic returns its own frozen
Frame, with every field set, holding no torch tensor (numpy copies and plain numbers)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import torch

from dlab import registry

CASES = [(t.id, action) for t in registry.TOPICS for action in t.actions()]


def _plain(value: object) -> bool:
    if isinstance(value, torch.Tensor):
        return False
    if isinstance(value, dict):
        return all(_plain(v) for v in value.values())
    if isinstance(value, list | tuple):
        return all(_plain(v) for v in value)
    return isinstance(value, np.ndarray | np.generic | int | float | str | bool)


@pytest.mark.parametrize(("topic_id", "action"), CASES)
def test_first_frame_sets_every_field_of_its_frame_type(topic_id, action):
    topic = registry.get(topic_id)
    cls = topic.experiment_class(action)
    frame = cls(topic.params_class()(), 0).frame()
    assert type(frame) is cls.frame_type
    assert dataclasses.is_dataclass(frame) and cls.frame_type.__dataclass_params__.frozen
    for f in dataclasses.fields(frame):
        value = getattr(frame, f.name)
        assert value is not None, f"{topic_id}/{action}: {f.name} is not set"
        assert _plain(value), f"{topic_id}/{action}: {f.name} holds more than numpy/numbers"


@pytest.mark.parametrize("topic_id", registry.ids())
def test_frame_modules_import_no_torch(topic_id):
    """Like params.py, frame.py is read by the window before torch loads."""
    import subprocess
    import sys

    module = registry.get(topic_id).experiments["run"].split(":")[0].rsplit(".", 1)[0]
    code = (f"import sys, {module}.frame, {module}.params; "
            "assert 'torch' not in sys.modules, 'torch imported'")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
