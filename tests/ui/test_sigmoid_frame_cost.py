"""What a Sigmoid frame redraws (issue 18: its frame is the costliest of the fast topics,
and the window's painting beside the engine slows training): only what changed."""

from __future__ import annotations

import numpy as np

from dlab.ui.i18n import Msg


def test_new_heights_under_the_same_names_leave_the_name_axis_as_drawn(qtbot):
    """Sigmoid's gradient bars change at every frame, their names (1 to 10) never: the
    names were given to the bottom axis again each time, and pyqtgraph drew the axis anew
    (the one axis of the tab drawn at every frame)."""
    from dlab.ui.stat_plots import BarChart

    chart = BarChart(Msg("t", "bars"), Msg("t", "layer"), Msg("t", "norm"), log_y=True)
    qtbot.addWidget(chart)
    chart.resize(300, 250)
    chart.show()
    qtbot.waitExposed(chart)
    bottom = chart.plotItem.getAxis("bottom")
    names = [str(k) for k in range(1, 11)]
    chart.set_bars(np.geomspace(1e-6, 1e-2, 10), names)
    chart.settle()
    drawn = bottom.picture
    assert drawn is not None
    chart.set_bars(np.geomspace(2e-6, 1.1e-2, 10), names)
    chart.settle()
    assert bottom.picture is drawn
    chart.set_bars(np.geomspace(2e-6, 1.1e-2, 6), names[:6])
    chart.settle()
    assert bottom.picture is not drawn


def test_the_activation_image_is_made_again_only_when_the_histograms_change(qtbot,
                                                                             monkeypatch):
    """The engine measures the histograms a few times a second (within 2 % of the run's
    time) and sends the last ones with every frame: each frame gave the image the same
    rows again, and pyqtgraph mapped and uploaded it anew."""
    from dlab.ui.stat_plots import HeatStrip

    strip = HeatStrip(Msg("t", "acts"), Msg("t", "value"), Msg("t", "layer"))
    qtbot.addWidget(strip)
    made = []
    original = type(strip.image).setImage
    monkeypatch.setattr(type(strip.image), "setImage",
                        lambda item, *a, **k: (made.append(1), original(item, *a, **k)))
    rows = np.random.default_rng(0).random((10, 40))
    strip.set_rows(rows, 0.0, 1.0)
    strip.set_rows(rows.copy(), 0.0, 1.0)  # as unpickled: equal, not the same array
    assert len(made) == 1
    strip.set_rows(rows[::-1].copy(), 0.0, 1.0)
    strip.set_rows(rows[::-1].copy(), -1.0, 1.0)
    assert len(made) == 3
    strip.clear_data()
    strip.set_rows(rows, 0.0, 1.0)
    assert len(made) == 4


def test_a_frame_of_bars_looks_its_layer_colours_up_once(monkeypatch):
    """Sigmoid coloured its gradient bars at every frame by looking each layer's colour up
    in the colormap again (ten look-ups a frame); the colours of a depth are kept."""
    import pyqtgraph as pg

    from dlab.ui.stat_plots import layer_colors

    looked = []
    original = pg.ColorMap.map
    monkeypatch.setattr(pg.ColorMap, "map",
                        lambda cmap, *a, **k: (looked.append(1), original(cmap, *a, **k))[1])
    first = layer_colors(13)
    assert len(looked) == 13
    assert layer_colors(13) == first
    assert len(looked) == 13
    assert len(layer_colors(7)) == 7
