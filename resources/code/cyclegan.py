# CycleGAN (Zhu et al. 2017) written out in plain PyTorch and NumPy. Two unpaired
# collections X and Y (no x comes with its y); a generator G: X → Y judged by a
# discriminator D_Y, a generator F: Y → X judged by D_X, and the cycle losses asking
# F(G(x)) = x and G(F(y)) = y: two GANs in a cycle. It trains exactly what dlab's "CycleGAN"
# tab trains and prints the same numbers as `dlab run cyclegan` (step,series,value): the
# eight losses of every iteration (one update of G and F, then of D_X and D_Y).
import itertools
import math
import os

import numpy as np
import torch
from torch import nn

# @dlab-settings: PARAMS, SEED, STEPS (and DIGITS_FILE for the digits) are written here

# As many threads as dlab takes (all cores but one, or DLAB_THREADS): sums split over
# another number of threads round differently, and two GANs soon magnify that.
torch.set_num_threads(int(os.environ.get("DLAB_THREADS", 0))
                      or max(1, (os.cpu_count() or 2) - 1))
N_TRAIN = 1024  # points of each 2-D domain to draw batches from
SLANT = 0.4  # digits-slant: Y's x moves by 0.4 of the height
GEN_OUT_SCALE = 0.1  # the point generators start by sending every point near the origin
BETAS = (0.5, 0.999)  # Adam's β1 = 0.5, as in the original method

# --- the data: two unpaired domains ---------------------------------------------------------
PLUS = np.array([[1.8, 0.0], [0.0, 1.8], [-1.8, 0.0], [0.0, -1.8]])  # X's centres: axes
CROSS = np.array([[1.5, 1.5], [-1.5, 1.5], [-1.5, -1.5], [1.5, -1.5]])  # Y's: diagonals


def moons(rng, n, noise=0.08):
    """Two interleaved half circles, centred on the origin."""
    upper = rng.random(n) < 0.5
    t = rng.uniform(0, np.pi, n)
    px = np.where(upper, np.cos(t), 1 - np.cos(t)) - 0.5
    py = np.where(upper, np.sin(t), 0.5 - np.sin(t)) - 0.25
    return np.stack([px, py], 1) * 1.3 + rng.normal(0, noise, (n, 2))


def ring(rng, n, radius=1.9, noise=0.1):
    t = rng.uniform(0, 2 * np.pi, n)
    r = radius + rng.normal(0, noise, n)
    return np.stack([r * np.cos(t), r * np.sin(t)], 1)


def gaussians(rng, n, centres, std=0.2):
    return centres[rng.integers(0, len(centres), n)] + rng.normal(0, std, (n, 2))


def points(side, rng):
    if PARAMS["domains"] == "points-moons-ring":
        pts = moons(rng, N_TRAIN) if side == "x" else ring(rng, N_TRAIN)
    else:
        pts = gaussians(rng, N_TRAIN, PLUS if side == "x" else CROSS)
    return pts.astype(np.float32)


def drawn(text):
    """A domain drawn with the mouse in the tab: "x,y;x,y;…"."""
    pairs = [p.split(",") for p in text.split(";") if p.strip()]
    return np.array([[float(a), float(b)] for a, b in pairs], dtype=np.float32)


def point_domains():
    rng = np.random.default_rng(SEED)
    x, y = points("x", rng), points("y", rng)  # (dlab then draws held-out sets to measure)
    x = drawn(PARAMS["drawn_x"]) if PARAMS["drawn_x"] else x
    y = drawn(PARAMS["drawn_y"]) if PARAMS["drawn_y"] else y
    return torch.from_numpy(x), torch.from_numpy(y)


def changed(digits):
    """Domain Y's version of the digits: thicker strokes (the maximum over each 3×3
    neighbourhood) or slanted (a shear)."""
    if PARAMS["domains"] == "digits-thickness":
        return nn.functional.max_pool2d(digits, 3, stride=1, padding=1)
    theta = torch.tensor([[1.0, SLANT, 0.0], [0.0, 1.0, 0.0]]).expand(len(digits), 2, 3)
    grid = nn.functional.affine_grid(theta, list(digits.shape), align_corners=False)
    return nn.functional.grid_sample(digits, grid, align_corners=False)


def digit_domains():
    """The 4,000 training digits shipped with dlab (split 0), shuffled and cut in two: one
    half as it is makes X, the other half, changed, makes Y. So no x has its y."""
    with np.load(DIGITS_FILE) as f:
        train = f["images"][f["split"] == 0]
    rng = np.random.default_rng(SEED)
    order = rng.permutation(len(train))
    half = len(train) // 2

    def prepare(images, change):  # uint8 28×28 → (n, 1, size, size) in [-1, 1]
        t = torch.from_numpy(images.astype(np.float32) / 255.0)[:, None]
        t = changed(t) if change else t
        return nn.functional.adaptive_avg_pool2d(t, PARAMS["image_size"]) * 2 - 1

    return prepare(train[order[:half]], False), prepare(train[order[half:]], True)


# --- the four networks -----------------------------------------------------------------------
@torch.no_grad()
def he_normal(layer, gen):
    """Weights N(0, 2 / fan_in) drawn from our own generator, biases zero."""
    layer.weight.copy_(torch.randn(layer.weight.shape, generator=gen)
                       * math.sqrt(2.0 / layer.weight.shape[1]))
    layer.bias.zero_()


def mlp(n_out, gen, out_scale=1.0):
    """2 → hidden → hidden → n_out with LeakyReLU(0.2)."""
    h = PARAMS["hidden"]
    net = nn.Sequential(nn.Linear(2, h), nn.LeakyReLU(0.2), nn.Linear(h, h),
                        nn.LeakyReLU(0.2), nn.Linear(h, n_out))
    for layer in net[::2]:
        he_normal(layer, gen)
    with torch.no_grad():
        net[-1].weight *= out_scale
    return net


class DigitGenerator(nn.Module):
    """A digit to a digit: G(x) = tanh(2x + net(x)), net a fully connected layer of ReLU
    units and back to every pixel (a shear moves a pixel by a distance that depends on
    its row: each output pixel must see far). The skip 2x, with net's last layer started
    ten times smaller, makes G start near the identity: the digits stay readable."""

    def __init__(self, pixels, hidden, gen):
        super().__init__()
        self.inner, self.outer = nn.Linear(pixels, hidden), nn.Linear(hidden, pixels)
        he_normal(self.inner, gen)
        he_normal(self.outer, gen)
        with torch.no_grad():
            self.outer.weight *= 0.1

    def forward(self, x):
        change = self.outer(torch.relu(self.inner(x.flatten(1))))
        return torch.tanh(2 * x + change.view_as(x))


def conv_init(net, gen):
    """Every convolution as torch initialises it (uniform in ±1/√fan_in, weights and
    biases), drawn from our own generator."""
    with torch.no_grad():
        for conv in (m for m in net if isinstance(m, nn.Conv2d)):
            bound = 1.0 / math.sqrt(conv.weight[0].numel())
            for p in (conv.weight, conv.bias):
                p.copy_((torch.rand(p.shape, generator=gen) * 2 - 1) * bound)
    return net


def patch_discriminator(c, gen):
    """A small PatchGAN: one realness score per patch of the image, not one per image."""
    return conv_init(nn.Sequential(
        nn.Conv2d(1, c, 4, 2, 1), nn.LeakyReLU(0.2), nn.Conv2d(c, 2 * c, 4, 2, 1),
        nn.LeakyReLU(0.2), nn.Conv2d(2 * c, 1, 3, padding=1)), gen)


class FakePool:
    """Earlier fakes for the discriminators: until the pool is full each new fake is stored
    and passed on; then each is, with probability 1/2, swapped for a random stored one,
    which is passed on instead (so D does not chase only the latest generator)."""

    def __init__(self, size, gen):
        self.size, self.gen, self.items = size, gen, None

    def query(self, fakes):
        if self.size == 0:
            return fakes
        if self.items is None:
            self.items = fakes[:0].clone()
        free = self.size - len(self.items)
        new, rest = fakes[:free], fakes[free:]
        self.items = torch.cat([self.items, new])
        if len(rest) == 0:
            return fakes
        swap = torch.rand(len(rest), generator=self.gen) < 0.5
        slots = torch.randint(0, self.size, (len(rest),), generator=self.gen)
        out = rest.clone()
        out[swap] = self.items[slots[swap]]  # each output reads the old item
        # A slot drawn twice keeps the later fake (said explicitly: a plain write with
        # repeated indices leaves the winner to the threads).
        order = torch.arange(len(rest))
        last = torch.full((self.size,), -1).scatter_reduce(0, slots[swap], order[swap], "amax")
        self.items[last >= 0] = rest[last[last >= 0]]
        return torch.cat([new, out])


# --- the losses ------------------------------------------------------------------------------
def lsgan(scores, target):
    """Least-squares GAN loss: mean (D(·) − target)²; real → 1, fake → 0."""
    return ((scores - target) ** 2).mean()


def disc_loss(disc, real, fake):
    """½ [(D(real) − 1)² + D(fake)²], real and fake in one pass through D."""
    scores = disc(torch.cat([real, fake]))
    return 0.5 * (lsgan(scores[: len(real)], 1.0) + lsgan(scores[len(real):], 0.0))


def l1(a, b):
    return (a - b).abs().mean()


# --- training --------------------------------------------------------------------------------
if PARAMS["domains"] == "folders":
    raise SystemExit("dlab shows no script for your own folders of images: reading them "
                     "needs an image library; choose point or digit domains")
gen = torch.Generator().manual_seed(SEED)  # the first weights, the batches, the pool
if PARAMS["domains"].startswith("points"):
    X, Y = point_domains()
    G, F = mlp(2, gen, GEN_OUT_SCALE), mlp(2, gen, GEN_OUT_SCALE)
    D_X, D_Y = mlp(1, gen), mlp(1, gen)
else:
    X, Y = digit_domains()
    pixels, wide = PARAMS["image_size"] ** 2, 8 * PARAMS["hidden"]  # 8 × as wide as on points
    G, F = DigitGenerator(pixels, wide, gen), DigitGenerator(pixels, wide, gen)
    c = max(4, PARAMS["hidden"] // 4)  # the discriminators' channels: a quarter of hidden
    D_X, D_Y = patch_discriminator(c, gen), patch_discriminator(c, gen)
opt_gen = torch.optim.Adam(itertools.chain(G.parameters(), F.parameters()), PARAMS["lr"],
                           betas=BETAS)
opt_disc = torch.optim.Adam(itertools.chain(D_X.parameters(), D_Y.parameters()),
                            PARAMS["lr"], betas=BETAS)
pool_x, pool_y = FakePool(PARAMS["pool_size"], gen), FakePool(PARAMS["pool_size"], gen)
lc = PARAMS["lambda_cycle"]
li = lc * PARAMS["lambda_identity"]  # relative to λ cycle, as in the original method
train_gen = PARAMS["update"] in ("both", "generators")
train_disc = PARAMS["update"] in ("both", "discriminators")


def batch(data):
    return data[torch.randint(0, len(data), (PARAMS["batch_size"],), generator=gen)]


print("step,series,value")
for t in range(1, STEPS + 1):
    x, y = batch(X), batch(Y)
    # The generators: fool the discriminators, and come back round the cycle.
    # (In dlab's order: the gradients then add up in the same order, to the last bit.)
    with torch.set_grad_enabled(train_gen):
        fake_y, fake_x = G(x), F(y)
        rec_x, rec_y = F(fake_y), G(fake_x)  # round the cycle and back
        loss = {"G": lsgan(D_Y(fake_y), 1.0), "F": lsgan(D_X(fake_x), 1.0),
                "cycle_X": l1(rec_x, x), "cycle_Y": l1(rec_y, y)}
    # Identity: given what is already of its own domain, each generator should leave it be
    # (trained only when λ identity > 0, printed always).
    with torch.set_grad_enabled(train_gen and li > 0):
        loss["idt_X"], loss["idt_Y"] = l1(F(x), x), l1(G(y), y)
    if train_gen:
        total = loss["G"] + loss["F"] + lc * (loss["cycle_X"] + loss["cycle_Y"])
        if li > 0:
            total = total + li * (loss["idt_X"] + loss["idt_Y"])
        opt_gen.zero_grad(set_to_none=True)
        total.backward()
        opt_gen.step()
    # The discriminators: real → 1, fake → 0, on the fakes made before the generators'
    # step, half of them from the pool once it is full.
    fake_x, fake_y = fake_x.detach(), fake_y.detach()
    if train_disc:
        fake_x, fake_y = pool_x.query(fake_x), pool_y.query(fake_y)
    with torch.set_grad_enabled(train_disc):
        loss["D_X"], loss["D_Y"] = disc_loss(D_X, x, fake_x), disc_loss(D_Y, y, fake_y)
    if train_disc:
        opt_disc.zero_grad(set_to_none=True)
        (loss["D_X"] + loss["D_Y"]).backward()
        opt_disc.step()
    for name in ("D_X", "D_Y", "G", "F", "cycle_X", "cycle_Y", "idt_X", "idt_Y"):
        print(f"{t},loss/{name},{loss[name].item()!r}")
