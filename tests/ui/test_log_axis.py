"""A log axis labels its ticks in plain characters: pyqtgraph's superscripts (10⁴) are drawn
wrongly by the bundled font (10⁴ came out as 10')."""

from __future__ import annotations

import math

from dlab.ui.plots import STEP, TRAINING_LOSS, CurvePlot


def test_log_ticks_are_plain_numbers(qtbot):
    plot = CurvePlot(TRAINING_LOSS, STEP, TRAINING_LOSS, log_y=True)
    qtbot.addWidget(plot)
    axis = plot.plotItem.getAxis("left")
    decades = [-6, -4, -3, -1, 0, 1, 3, 4, 6]
    assert axis.tickStrings(decades, 1.0, 1.0) == [
        "1e-6", "1e-4", "0.001", "0.1", "1", "10", "1000", "1e4", "1e6"]
    minor = [math.log10(v) for v in (2e-5, 5e-3, 0.2, 5, 2000, 5e4)]
    assert axis.tickStrings(minor, 1.0, 0.3) == ["2e-5", "0.005", "0.2", "5", "2000", "5e4"]
    assert all(label.isascii() for label in axis.tickStrings(decades + minor, 1.0, 1.0))
