"""Before a run, a tab shows the data the run will train on: never an empty plot with bare
axes, and the points the first frame draws are the ones already shown."""

from __future__ import annotations

import numpy as np

from dlab import registry
from tests.ui.conftest import step_once


def _tab(window, topic):
    tab = window.tabs[registry.ids().index(topic)]
    window.tabs_widget.setCurrentWidget(tab)
    return tab


def _per_class(view) -> list[np.ndarray]:
    """The drawn points of each class, (n, 2) each."""
    return [np.stack(d.getData(), 1) for d in view.dots]


def test_gradient_descent_shows_its_data_before_a_run(window, qtbot):
    tab = _tab(window, "gradient-descent")
    before = _per_class(tab.boundary)
    assert sum(map(len, before)) == tab.params().dataset_size
    # The curves have nothing yet: each says what will appear there.
    assert tab.loss_plot.hints[0].empty and tab.gnorm_plot.hints[0].empty

    # Another data set, size or seed shows the points that run will use.
    tab.set_params(tab.params().replace(data="circles", dataset_size=64))
    tab.seed.setValue(7)
    idle = _per_class(tab.boundary)
    assert sum(map(len, idle)) == 64

    step_once(qtbot, tab)  # the run's first frame draws the engine's own points
    for a, b in zip(idle, _per_class(tab.boundary), strict=True):
        np.testing.assert_array_equal(a, b)
    assert not tab.loss_plot.hints[0].empty and not tab.gnorm_plot.hints[0].empty

    tab.reset()  # a cleared tab shows the data again, not bare axes
    assert sum(map(len, _per_class(tab.boundary))) == 64


def _xy(item) -> np.ndarray:
    return np.stack(item.getData(), 1)


def test_cyclegan_shows_both_domains_before_a_run(window, qtbot):
    tab = _tab(window, "cyclegan")
    g, f = tab.maps["G"], tab.maps["F"]
    assert len(_xy(g.source)) > 0 and len(_xy(g.target)) > 0  # X and Y, not bare axes
    assert all(plot.hints[0].empty for plot, _ in tab.curve_plots)

    tab.set_params(tab.params().replace(domains="points-moons-ring"))
    tab.seed.setValue(3)
    x, y = _xy(g.source), _xy(g.target)
    np.testing.assert_array_equal(_xy(f.source), y)  # F carries Y back to X
    np.testing.assert_array_equal(_xy(f.target), x)

    step_once(qtbot, tab)  # the first frame draws the engine's own held-out points
    np.testing.assert_array_equal(_xy(g.source), x)
    np.testing.assert_array_equal(_xy(g.target), y)
    assert len(_xy(g.fake)) == len(x)  # and now G(x) too
    assert not any(plot.hints[0].empty for plot, _ in tab.curve_plots[:3])  # points' plots

    tab.reset()
    np.testing.assert_array_equal(_xy(g.source), x)


def test_autoencoder_shows_the_test_digits_before_a_run(window, qtbot):
    tab = _tab(window, "autoencoder")
    cells = tab.recon.cells
    shown = [c for c in cells if c.isVisible()]
    assert len(shown) == 10  # the ten test digits; their reconstructions' row is empty
    idle = [cells[i].image.copy() for i in range(10)]

    step_once(qtbot, tab)  # the first frame: the same ten digits over their rebuilt ones
    assert sum(c.isVisible() for c in cells) == 20
    for i, before in enumerate(idle):
        np.testing.assert_array_equal(cells[i].image, before)

    tab.reset()
    assert sum(c.isVisible() for c in cells) == 10
