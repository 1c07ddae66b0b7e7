"""CycleGAN (Zhu et al. 2017) on two unpaired point clouds, or on two unpaired sets of
digit images.

Two GANs in a cycle: G maps X to Y and is judged by D_Y, F maps Y to X and is judged by
D_X, and the cycle losses ask F(G(x)) = x and G(F(y)) = y. One natural step = one
training iteration: the generators G and F take one Adam step on
    L_G + L_F + λ_cycle (cycle_X + cycle_Y) + λ_cycle λ_identity (idt_X + idt_Y),
then the discriminators take one on their least-squares losses, on fakes drawn half of the
time from a pool of earlier ones (the ``update`` parameter may leave either player out).
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import torch

from dlab.core.experiment import Experiment, check_finite
from dlab.core.nets import grid_points
from dlab.core.pacing import Budget
from dlab.core.runtime import generator
from dlab.core.snapshot import Record
from dlab.engines.cyclegan import frame as names
from dlab.engines.cyclegan.frame import IMAGES, POINTS, CycleFrame
from dlab.engines.cyclegan.images import SHOWN, folder_domains, image_domains, trait
from dlab.engines.cyclegan.models import (
    MLP,
    ConvGenerator,
    DigitGenerator,
    FakePool,
    PatchDiscriminator,
)
from dlab.engines.cyclegan.params import FOLDERS, IMAGE_DOMAINS, CycleGANParams
from dlab.engines.cyclegan.points import EXTENT, domain_sets, point_domains
from dlab.engines.cyclegan.samples import samples_png

GRID = 64  # the discriminators' heat maps
ARROWS = 48  # fake points whose push is shown
BETAS = (0.5, 0.999)  # Adam's, as in the original method
# The generators start by sending every point near the origin, away from both domains, so
# what they learn is seen as a move. With full-size last layers they start as random maps
# that fold the plane, and some seeds stayed stuck with a mode split in two.
GEN_OUT_SCALE = 0.1
# The digit generators' hidden units per unit of ``hidden`` (512 at the default 64): with
# 256 G(x) took about twice as many iterations to slant.
DIGIT_HIDDEN = 8


def lsgan(scores: torch.Tensor, target: float) -> torch.Tensor:
    """The least-squares GAN loss: mean (D(·) − target)²."""
    return ((scores - target) ** 2).mean()


def disc_loss(disc: torch.nn.Module, real: torch.Tensor, fake: torch.Tensor) -> torch.Tensor:
    """½ [(D(real) − 1)² + D(fake)²], real and fake in one pass through D."""
    scores = disc(torch.cat([real, fake]))
    return 0.5 * (lsgan(scores[: len(real)], 1.0) + lsgan(scores[len(real):], 0.0))


def l1(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    return (a - b).abs().mean()


def nearest_distance(a: torch.Tensor, b: torch.Tensor) -> float:
    """Mean over the rows of ``a`` of the distance to the nearest row of ``b``."""
    return float(torch.cdist(a, b).min(1).values.mean())


class CycleGAN(Experiment):
    frame_type = CycleFrame

    def __init__(self, params: CycleGANParams, seed: int, device: str = "cpu") -> None:
        super().__init__(params, seed, device)
        self.gen = generator(seed)
        self.kind = IMAGES if params.domains in IMAGE_DOMAINS else POINTS
        h = params.hidden
        if self.kind == IMAGES:
            if params.domains == FOLDERS:
                dom = folder_domains(params.folder_x, params.folder_y, params.image_size, seed)
            else:
                dom = image_domains(params.domains, params.image_size, seed)
            self.x, self.y = dom.x_train.to(device), dom.y_train.to(device)
            self.x_eval, self.y_eval = dom.x_eval.to(device), dom.y_eval.to(device)
            self.x_eval_labels, self.y_eval_labels = dom.x_eval_labels, dom.y_eval_labels
            self.traits = (None if params.domains == FOLDERS else
                           (trait(self.x_eval, params.domains), trait(self.y_eval, params.domains)))
            c = max(4, h // 4)
            k = dom.channels
            if params.domains == FOLDERS:
                self.G, self.F = (ConvGenerator(c, self.gen, k).to(device) for _ in range(2))
            else:
                pixels = k * params.image_size ** 2
                self.G, self.F = (DigitGenerator(pixels, DIGIT_HIDDEN * h, self.gen).to(device)
                                  for _ in range(2))
            self.D_X, self.D_Y = (PatchDiscriminator(c, self.gen, k).to(device)
                                  for _ in range(2))
        else:
            self.generated = point_domains(params.domains, seed)
            self._drawn = ("", "")
            self._use_domains(params)
            self.G = MLP(2, h, 2, self.gen, GEN_OUT_SCALE).to(device)
            self.F = MLP(2, h, 2, self.gen, GEN_OUT_SCALE).to(device)
            self.D_X = MLP(2, h, 1, self.gen).to(device)
            self.D_Y = MLP(2, h, 1, self.gen).to(device)
            self.grid = grid_points(EXTENT, GRID).to(device)
        self.maps: tuple[np.ndarray, np.ndarray] | None = None  # the latest D maps (points)
        self.map_budget = Budget(first_after_s=0.0)
        self.opt_gen = torch.optim.Adam(
            itertools.chain(self.G.parameters(), self.F.parameters()), params.lr, betas=BETAS)
        self.opt_disc = torch.optim.Adam(
            itertools.chain(self.D_X.parameters(), self.D_Y.parameters()), params.lr,
            betas=BETAS)
        self.pool_x = FakePool(params.pool_size, self.gen)  # fakes of X, for D_X
        self.pool_y = FakePool(params.pool_size, self.gen)

    def update(self, params: CycleGANParams) -> None:
        super().update(params)
        for opt in (self.opt_gen, self.opt_disc):
            for group in opt.param_groups:
                group["lr"] = params.lr
        if self.kind == POINTS:
            self._use_domains(params)

    def _use_domains(self, params: CycleGANParams) -> None:
        """The training and held-out sets: the generated domains, or a domain drawn with
        the mouse in their place (a new drawing takes effect at the next step)."""
        drawn = (params.drawn_x, params.drawn_y)
        if drawn == self._drawn and hasattr(self, "x"):
            return
        self._drawn = drawn
        (self.x, self.x_eval), (self.y, self.y_eval) = (
            (torch.from_numpy(train).to(self.device), torch.from_numpy(held_out).to(self.device))
            for train, held_out in domain_sets(self.generated, *drawn))

    def _batch(self, data: torch.Tensor) -> torch.Tensor:
        idx = torch.randint(0, len(data), (self.params.batch_size,), generator=self.gen)
        return data[idx.to(data.device)]

    def step(self) -> list[Record]:
        p = self.params
        train_gen = p.update in ("both", "generators")
        train_disc = p.update in ("both", "discriminators")
        x, y = self._batch(self.x), self._batch(self.y)
        with torch.set_grad_enabled(train_gen):
            fake_y, fake_x = self.G(x), self.F(y)
            rec_x, rec_y = self.F(fake_y), self.G(fake_x)
            gen_losses = {
                names.LOSS_G: lsgan(self.D_Y(fake_y), 1.0),
                names.LOSS_F: lsgan(self.D_X(fake_x), 1.0),
                names.LOSS_CYCLE_X: l1(rec_x, x),
                names.LOSS_CYCLE_Y: l1(rec_y, y),
            }
        lc, li = p.lambda_cycle, p.lambda_cycle * p.lambda_identity
        with torch.set_grad_enabled(train_gen and li > 0):  # shown even when not trained
            gen_losses[names.LOSS_IDT_X] = l1(self.F(x), x)
            gen_losses[names.LOSS_IDT_Y] = l1(self.G(y), y)
        if train_gen:
            total = (gen_losses[names.LOSS_G] + gen_losses[names.LOSS_F]
                     + lc * (gen_losses[names.LOSS_CYCLE_X] + gen_losses[names.LOSS_CYCLE_Y]))
            if li > 0:
                total = total + li * (gen_losses[names.LOSS_IDT_X] + gen_losses[names.LOSS_IDT_Y])
            self.opt_gen.zero_grad(set_to_none=True)
            total.backward()
            self.opt_gen.step()
        # The discriminators judge the fakes made before the generators' step, as in the
        # original method; only a step that trains them draws on (and feeds) the pools.
        fake_x, fake_y = fake_x.detach(), fake_y.detach()
        if train_disc:
            fake_x, fake_y = self.pool_x.query(fake_x), self.pool_y.query(fake_y)
        with torch.set_grad_enabled(train_disc):
            disc_losses = {
                names.LOSS_D_X: disc_loss(self.D_X, x, fake_x),
                names.LOSS_D_Y: disc_loss(self.D_Y, y, fake_y),
            }
        if train_disc:
            self.opt_disc.zero_grad(set_to_none=True)
            (disc_losses[names.LOSS_D_X] + disc_losses[names.LOSS_D_Y]).backward()
            self.opt_disc.step()
        t = self.t + 1
        losses = {**disc_losses, **gen_losses}
        records = [(name, t, check_finite(losses[name].item(), name)) for name in names.LOSSES]
        if t == 1 or t % names.EVAL_EVERY == 0:
            records += [(name, t, value) for name, value in self.evaluate().items()]
        return records

    @torch.no_grad()
    def evaluate(self) -> dict[str, float]:
        """The held-out measures: how well each cycle closes and, on points, how near Y
        G(x) lands (and how near X F(y) lands); on digits, how far G(x) has taken on Y's
        trait (and F(y) X's)."""
        fake_y, fake_x = self.G(self.x_eval), self.F(self.y_eval)
        out = {
            names.EVAL_CYCLE_X: float(l1(self.F(fake_y), self.x_eval)),
            names.EVAL_CYCLE_Y: float(l1(self.G(fake_x), self.y_eval)),
        }
        if self.kind == POINTS:
            out[names.EVAL_FAKE_TO_Y] = nearest_distance(fake_y, self.y_eval)
            out[names.EVAL_FAKE_TO_X] = nearest_distance(fake_x, self.x_eval)
        elif self.traits is not None:
            of_x, of_y = self.traits
            domains = self.params.domains
            out[names.EVAL_TOWARD_Y] = (trait(fake_y, domains) - of_x) / (of_y - of_x)
            out[names.EVAL_TOWARD_X] = (trait(fake_x, domains) - of_y) / (of_x - of_y)
        return out

    def _push(self, disc: torch.nn.Module, fakes: torch.Tensor) -> np.ndarray:
        """Minus the gradient of the generator's loss (D(g) − 1)² at each fake point g."""
        g = fakes[:ARROWS].detach().clone().requires_grad_(True)
        (grad,) = torch.autograd.grad(lsgan(disc(g), 1.0) * len(g), g)
        return _np(-grad)

    def _maps(self) -> tuple[np.ndarray, np.ndarray]:
        """Both discriminators over a GRID×GRID grid: most of a points frame's cost."""
        with torch.no_grad():
            return (_np(self.D_X(self.grid).reshape(GRID, GRID)),
                    _np(self.D_Y(self.grid).reshape(GRID, GRID)))

    def frame(self) -> CycleFrame:
        return self._frame(fresh_maps=True)

    def paced_frame(self) -> CycleFrame:
        """The maps are evaluated again only within a small share of the run's time
        (several times a second); the points move with every frame."""
        if self.kind == POINTS and self.map_budget.due():
            with self.map_budget.spending():
                self.maps = self._maps()
        return self._frame(fresh_maps=False)

    def _frame(self, fresh_maps: bool) -> CycleFrame:
        no_points, no_map, no_images = (np.zeros((0, 2), np.float32), np.zeros((0, 0)),
                                        np.zeros((0, 1, 1), np.float32))
        if self.kind == IMAGES:
            with torch.no_grad():
                x, y = self.x_eval[:SHOWN], self.y_eval[:SHOWN]
                fake_y, fake_x = self.G(x), self.F(y)
                rec_x, rec_y = self.F(fake_y), self.G(fake_x)
            return CycleFrame(
                kind=IMAGES, iteration=self.t, extent=EXTENT,
                x=no_points, y=no_points, fake_y=no_points, rec_x=no_points,
                fake_x=no_points, rec_y=no_points, push_y=no_points, push_x=no_points,
                d_x=no_map, d_y=no_map,
                img_x=_ink(x), img_fake_y=_ink(fake_y), img_rec_x=_ink(rec_x),
                img_y=_ink(y), img_fake_x=_ink(fake_x), img_rec_y=_ink(rec_y),
            )
        if fresh_maps or self.maps is None:
            self.maps = self._maps()
        d_x, d_y = self.maps
        with torch.no_grad():
            fake_y, fake_x = self.G(self.x_eval), self.F(self.y_eval)
            rec_x, rec_y = self.F(fake_y), self.G(fake_x)
        return CycleFrame(
            kind=POINTS, iteration=self.t, extent=EXTENT,
            x=_np(self.x_eval), y=_np(self.y_eval),
            fake_y=_np(fake_y), rec_x=_np(rec_x), fake_x=_np(fake_x), rec_y=_np(rec_y),
            push_y=self._push(self.D_Y, fake_y), push_x=self._push(self.D_X, fake_x),
            d_x=d_x, d_y=d_y,
            img_x=no_images, img_fake_y=no_images, img_rec_x=no_images,
            img_y=no_images, img_fake_x=no_images, img_rec_y=no_images,
        )

    def summary(self) -> dict[str, Any]:
        return {"domains": self.params.domains, "iterations": self.t}

    def files(self) -> dict[str, str | bytes]:
        """samples.png for `dlab run --out`: the image grids, or the two maps."""
        return {"samples.png": samples_png(self.frame())}


def _np(t: torch.Tensor) -> np.ndarray:
    return t.detach().cpu().numpy().copy()


def _ink(images: torch.Tensor) -> np.ndarray:
    """(k, 1, s, s) in [-1, 1] → (k, s, s) in [0, 1], as the grids draw them; colour
    images (k, 3, s, s) → (k, s, s, 3)."""
    shown = images[:, 0] if images.shape[1] == 1 else images.permute(0, 2, 3, 1)
    return _np((shown + 1) / 2).clip(0, 1)
