"""Training, validation and test sets on a noisy 1-D regression.

The models are polynomials in Legendre form, c0 + c1·P1(x) + … + cd·Pd(x), trained by
full-batch gradient descent on the mean squared error of the training points. One
natural step is one epoch. A run trains one degree and keeps the weights of the epoch
with the lowest validation loss; the test set is measured once, for them, at the end.
The sweep trains every degree from 1 to the capacity side by side and chooses the degree
by validation loss; only then is the chosen model's test loss measured.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import torch

from dlab.core.experiment import Diverged, Experiment
from dlab.core.runtime import configure_torch
from dlab.core.selection import BestEpochs, LockedTest, choose
from dlab.core.snapshot import Record
from dlab.core.splits import SPLITS, TEST, TRAIN, VAL
from dlab.engines.validation.data import fresh_points, make_points, source
from dlab.engines.validation.frame import (
    SWEEP_TEST,
    SWEEP_TRAIN,
    SWEEP_VAL,
    TEST_LOSS,
    TRAIN_LOSS,
    VAL_LOSS,
    SweepFrame,
    ValidationFrame,
)
from dlab.engines.validation.params import X_RANGE, ValidationParams

GRID_N = 241
FRESH = "fresh"  # the part of the data holding new points from the same source
Weights = tuple[torch.Tensor, torch.Tensor]  # (coefficients (models, degree), constants)


def legendre_features(x: np.ndarray, degree: int) -> np.ndarray:
    """P1(x) … P_degree(x), one column each (the constant is the model's own)."""
    return np.polynomial.legendre.legvander(x, degree)[:, 1:]


class PolyData:
    """Every part of the data as tensors of features up to ``degree``: train, val, test,
    the fresh points, and the grid the curves are drawn on."""

    def __init__(self, params: ValidationParams, seed: int, device: str) -> None:
        degree = params.capacity
        self.x, self.y, self.split = make_points(params, seed)
        self.grid = np.linspace(*X_RANGE, GRID_N)

        def features(xs: np.ndarray) -> torch.Tensor:
            return torch.tensor(legendre_features(xs, degree), dtype=torch.float32).to(device)

        def targets(ys: np.ndarray) -> torch.Tensor:
            return torch.tensor(ys, dtype=torch.float32).to(device)

        self.parts: dict[str, tuple[torch.Tensor, torch.Tensor]] = {}
        for name in SPLITS:
            idx = getattr(self.split, name)
            self.parts[name] = features(self.x[idx]), targets(self.y[idx])
        fx, fy = fresh_points(params.noise, seed)
        self.parts[FRESH] = features(fx), targets(fy)
        self.grid_features = features(self.grid)


class PolyBatch:
    """Polynomials of the given degrees, trained side by side on the same training points.
    Row c holds model c's coefficients (those above its degree stay 0) and each row gets
    only its own model's gradient: the models share nothing but the data. Every model
    starts at 0, a flat line; a stopped model (``active`` False) no longer moves."""

    def __init__(self, degrees: Sequence[int], data: PolyData, device: str) -> None:
        self.degrees = np.asarray(degrees)
        self.data = data
        top, n = int(self.degrees.max()), len(self.degrees)
        cols = torch.arange(top)[None, :]
        self.mask = (cols < torch.tensor(self.degrees)[:, None]).float().to(device)
        self.w = torch.zeros(n, top, device=device, requires_grad=True)
        self.b = torch.zeros(n, device=device, requires_grad=True)
        self.active = torch.ones(n, dtype=torch.bool, device=device)

    def _predict(self, feats: torch.Tensor, weights: Weights | None = None) -> torch.Tensor:
        w, b = weights if weights is not None else (self.w, self.b)
        return feats[:, :w.shape[1]] @ (w * self.mask).T + b  # (points, models)

    def _losses(self, part: str) -> torch.Tensor:
        x, y = self.data.parts[part]
        return ((self._predict(x) - y[:, None]) ** 2).mean(0)

    def update(self, lr: float, weight_decay: float) -> None:
        """One gradient-descent step of every active model. The summed loss gives each
        row exactly its own model's gradient. Weight decay pulls the coefficients, not
        the constant, towards 0."""
        gw, gb = torch.autograd.grad(self._losses(SPLITS[TRAIN]).sum(), (self.w, self.b))
        with torch.no_grad():
            on = self.active.float()
            self.w -= lr * (gw + weight_decay * self.w) * on[:, None]
            self.b -= lr * gb * on

    def losses(self, part: str) -> np.ndarray:
        with torch.no_grad():
            return self._losses(part).cpu().numpy().astype(np.float64)

    def curves(self, weights: Weights | None = None) -> np.ndarray:
        """(models, grid points): each model on the drawing grid, now or with ``weights``."""
        with torch.no_grad():
            y = self._predict(self.data.grid_features, weights)
        return y.T.cpu().numpy().astype(np.float64)

    def weights(self) -> Weights:
        return self.w.detach().clone(), self.b.detach().clone()

    def load(self, weights: Weights) -> None:
        with torch.no_grad():
            self.w.copy_(weights[0])
            self.b.copy_(weights[1])


def loss_on_test(batch: PolyBatch) -> np.ndarray:
    return batch.losses(SPLITS[TEST])


def check_all_finite(values: np.ndarray, what: str) -> None:
    if not np.all(np.isfinite(values)):
        raise Diverged(f"{what} became {values[~np.isfinite(values)][0]}")


class Training:
    """The models of a PolyBatch trained epoch by epoch. With ``keep_best`` each model's
    weights of its epoch with the lowest validation loss (when peeking: the lowest test
    loss) are kept for the end, else its last ones. A patience stops each model that many
    epochs after its last new lowest (and then its best weights are kept)."""

    def __init__(self, batch: PolyBatch, params: ValidationParams, test: LockedTest,
                 keep_best: bool = True) -> None:
        self.batch, self.params, self.test = batch, params, test
        self.keep_best = keep_best or params.patience > 0
        self.epoch = 0
        self.stopped = 0
        self._reset_choice()

    def _reset_choice(self) -> None:
        n = len(self.batch.degrees)
        self.best_val = BestEpochs(n)  # what the validation set says, peeking or not
        self.chosen = BestEpochs(n, self.params.patience)  # what decides the kept weights
        self.kept = self.batch.weights()

    def set_params(self, params: ValidationParams, data_changed: bool) -> None:
        self.params = params
        self.chosen.patience = params.patience
        if data_changed:  # losses before and after are not comparable: choose afresh
            self._reset_choice()

    def step(self) -> dict[str, np.ndarray]:
        """One epoch; the losses of every model after it ("test" only when peeking)."""
        self.epoch = e = self.epoch + 1
        batch = self.batch
        batch.update(self.params.lr, self.params.weight_decay)
        out = {"train": batch.losses(SPLITS[TRAIN]), "val": batch.losses(SPLITS[VAL])}
        check_all_finite(out["train"], "training loss")
        check_all_finite(out["val"], "validation loss")
        self.best_val.observe(e, out["val"])
        if self.keep_best:
            active = batch.active.cpu().numpy()
            if self.params.peek_test:
                out["test"] = self.test.peek(batch, looks=int(active.sum()))
                check_all_finite(out["test"], "test loss")
            score = out["test"] if self.params.peek_test else out["val"]
            better = self.chosen.observe(e, np.where(active, score, np.inf))
            if better.any():
                rows = torch.from_numpy(better).to(batch.w.device)
                now = batch.weights()
                self.kept[0][rows], self.kept[1][rows] = now[0][rows], now[1][rows]
            batch.active &= ~torch.from_numpy(self.chosen.should_stop()).to(batch.w.device)
        return out

    def finished(self) -> bool:
        return (self.stopped > 0 or self.epoch >= self.params.epochs
                or not bool(self.batch.active.any()))

    def finish(self) -> None:
        """Stop here; each model goes back to its kept weights."""
        self.stopped = self.epoch
        if self.keep_best:
            self.batch.load(self.kept)


def _points_frame(data: PolyData, params: ValidationParams, test: LockedTest,
                  test_loss: float, fresh_loss: float) -> dict[str, Any]:
    return dict(x=data.x.copy(), y=data.y.copy(), split=data.split.labels(),
                split_sizes=data.split.sizes(), grid=data.grid.copy(),
                truth=source(data.grid), peek=params.peek_test, test_loss=test_loss,
                test_evaluations=test.evaluations, fresh_loss=fresh_loss)


def _number(value: float) -> float | None:
    """For result.json: nan (not measured) becomes null."""
    return None if math.isnan(value) else float(value)


class ValidationRun(Experiment):
    """One model of degree ``capacity``; one natural step = one epoch."""

    frame_type = ValidationFrame

    def __init__(self, params: ValidationParams, seed: int, device: str = "cpu") -> None:
        super().__init__(params, seed, device)
        configure_torch()
        self.data = PolyData(params, seed, device)
        self.batch = PolyBatch([params.capacity], self.data, device)
        self.test = LockedTest(loss_on_test)
        self.training = Training(self.batch, params, self.test)
        self.test_loss = math.nan
        self.fresh_loss = math.nan
        self.chosen_losses: dict[str, float] = {}
        self.last_curve: np.ndarray | None = None  # the last epoch's model, once stopped

    def done(self) -> bool:
        return self.training.stopped > 0

    def planned_steps(self) -> int:
        return self.params.epochs  # early stopping may end it sooner

    def step(self) -> list[Record]:
        e, tr = self.t + 1, self.training
        losses = tr.step()
        records: list[Record] = [(TRAIN_LOSS, e, float(losses["train"][0])),
                                 (VAL_LOSS, e, float(losses["val"][0]))]
        if "test" in losses:
            records.append((TEST_LOSS, e, float(losses["test"][0])))
        if tr.finished():
            self.last_curve = self.batch.curves()[0]
            tr.finish()
            # Peeking, the number the test set chose the epoch by is what gets reported:
            # no new look is needed, and that is exactly what flatters it.
            self.test_loss = float(tr.chosen.score[0] if self.params.peek_test
                                   else self.test.reveal(self.batch)[0])
            self.fresh_loss = float(self.batch.losses(FRESH)[0])
            self.chosen_losses = {part: float(self.batch.losses(SPLITS[k])[0])
                                  for part, k in (("train", TRAIN), ("val", VAL))}
        return records

    def update(self, params: ValidationParams) -> None:
        old, self.params = self.params, params
        changed = params.points != old.points
        if changed:  # points moved with the mouse: the same weights on new data
            self.data = PolyData(params, self.seed, self.device)
            self.batch.data = self.data
        self.training.set_params(params, changed)

    def frame(self) -> ValidationFrame:
        tr = self.training
        started = tr.chosen.epoch[0] > 0
        return ValidationFrame(
            **_points_frame(self.data, self.params, self.test, self.test_loss,
                            self.fresh_loss),
            fit=self.batch.curves()[0] if self.last_curve is None else self.last_curve,
            chosen_fit=self.batch.curves(tr.kept)[0] if started else np.zeros(0),
            epoch=tr.epoch, best_epoch=int(tr.best_val.epoch[0]),
            chosen_epoch=int(tr.chosen.epoch[0]), stopped_epoch=tr.stopped,
            chosen_losses=dict(self.chosen_losses))

    def summary(self) -> dict[str, Any]:
        tr = self.training
        return {
            "best_epoch": int(tr.best_val.epoch[0]),
            "chosen_epoch": int(tr.chosen.epoch[0]),
            "stopped_epoch": tr.stopped,
            "test_loss": _number(self.test_loss),
            "test_evaluations": self.test.evaluations,
            "fresh_loss": _number(self.fresh_loss),
            "split_sizes": self.data.split.sizes(),
            "peek_test": self.params.peek_test,
        }


class Sweep(Experiment):
    """One model per degree from 1 to ``capacity``, on the same data from the same start,
    trained side by side for ``epochs`` epochs (with a patience, each stops early and goes
    back to its best epoch). One natural step = one epoch of every degree. At the end the
    degree with the lowest validation loss is chosen, and only then is its test loss
    measured, once. Peeking, every degree's test loss is measured and decides."""

    frame_type = SweepFrame

    def __init__(self, params: ValidationParams, seed: int, device: str = "cpu") -> None:
        super().__init__(params, seed, device)
        configure_torch()
        self.data = PolyData(params, seed, device)
        self.capacities = list(range(1, params.capacity + 1))
        self.batch = PolyBatch(self.capacities, self.data, device)
        self.test = LockedTest(loss_on_test)
        self.training = Training(self.batch, params, self.test, keep_best=False)
        self.losses: dict[str, np.ndarray] = {}
        self.peek_loss = np.zeros(0)
        self.chosen = 0  # the chosen degree, at the end
        self.test_loss = math.nan
        self.fresh_loss = math.nan

    def done(self) -> bool:
        return self.training.stopped > 0

    def update(self, params: ValidationParams) -> None:
        """Every degree is trained with the settings the sweep started with, so that they
        are compared like with like: live edits wait for the next run."""

    def step(self) -> list[Record]:
        tr = self.training
        self.losses = tr.step()
        if not tr.finished():
            return []
        tr.finish()
        train, val = self.batch.losses(SPLITS[TRAIN]), self.batch.losses(SPLITS[VAL])
        self.losses = {"train": train, "val": val}
        records: list[Record] = []
        for k, degree in enumerate(self.capacities):
            records += [(SWEEP_TRAIN, degree, float(train[k])), (SWEEP_VAL, degree, float(val[k]))]
        scores = val
        if self.params.peek_test:  # the wrong way: every degree's test loss, and it decides
            self.peek_loss = (tr.chosen.score.copy() if tr.keep_best
                              else self.test.peek(self.batch, looks=len(self.capacities)))
            records += [(SWEEP_TEST, d, float(v)) for d, v in zip(self.capacities,
                                                                  self.peek_loss, strict=True)]
            scores = self.peek_loss
        k = choose(self.capacities, list(scores))
        self.chosen = self.capacities[k]
        self.test_loss = float(scores[k] if self.params.peek_test
                               else self.test.reveal(self.batch)[k])
        self.fresh_loss = float(self.batch.losses(FRESH)[k])
        return records

    def frame(self) -> SweepFrame:
        val = self.losses.get("val")
        favourite = self.chosen or (int(np.argmin(val)) + 1 if val is not None else 0)
        curves = self.batch.curves()
        return SweepFrame(
            **_points_frame(self.data, self.params, self.test, self.test_loss,
                            self.fresh_loss),
            capacities=np.array(self.capacities, dtype=np.float64),
            train_loss=self.losses.get("train", np.zeros(0)).copy(),
            val_loss=val.copy() if val is not None else np.zeros(0),
            peek_loss=np.array(self.peek_loss, dtype=np.float64), epoch=self.training.epoch,
            fit=curves[-1], favourite=favourite,
            favourite_fit=curves[favourite - 1] if favourite else np.zeros(0),
            chosen_capacity=self.chosen)

    def summary(self) -> dict[str, Any]:
        return {
            "chosen_capacity": self.chosen or None,
            "test_loss": _number(self.test_loss),
            "test_evaluations": self.test.evaluations,
            "fresh_loss": _number(self.fresh_loss),
            "split_sizes": self.data.split.sizes(),
            "peek_test": self.params.peek_test,
        }
