# The same deep network trained twice, with and without batch normalisation, written out
# in plain PyTorch and NumPy. It trains exactly what dlab's "Batch normalisation" tab
# trains and prints the same numbers as `dlab run batchnorm` (step,series,value): each
# twin's loss and, at step 1 and every 5 steps, its validation accuracy.
import math

import numpy as np
import torch

# @dlab-settings: PARAMS, SEED and STEPS are written here

torch.set_num_threads(1)
FEATURES, CLASSES, VAL_EVERY = 8, 4, 5


def make_data(n, seed, noise=0.25):
    """Four interleaved spiral arms in a plane, seen through 8 linear 'measurements'."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % CLASSES
    rng.shuffle(y)
    r = rng.uniform(0.25, 1.0, n)
    angle = 2 * np.pi * y / CLASSES + 4.0 * r
    pts = np.stack([r * np.cos(angle), r * np.sin(angle)], 1) * 2.0
    pts = pts + rng.normal(0, noise * r[:, None], pts.shape)
    lift = np.random.default_rng(12345)  # the same measurement map for every seed
    mix = lift.normal(0, 1, (2, FEATURES)) * lift.uniform(0.5, 2.0, FEATURES)
    offset = lift.uniform(-1.0, 2.0, FEATURES)
    x = pts @ mix + offset + rng.normal(0, 0.05, (n, FEATURES))
    return torch.from_numpy(x.astype(np.float32)), torch.from_numpy(y.astype(np.int64))


def init_weights(layer, scheme, gen):
    """Weights from N(0, std²) (He for the ReLUs, Xavier otherwise); biases zero."""
    fan_out, fan_in = layer.weight.shape
    std = math.sqrt(2.0 / fan_in) if scheme == "he" else math.sqrt(2.0 / (fan_in + fan_out))
    with torch.no_grad():
        layer.weight.copy_(torch.randn(layer.weight.shape, generator=gen) * std)
        layer.bias.zero_()


class BatchNorm(torch.nn.Module):
    """x̂ = (x − μ_B) / √(σ²_B + ε), y = γ·x̂ + β; running averages for eval mode."""

    def __init__(self, features, momentum, eps=1e-5):
        super().__init__()
        self.gamma = torch.nn.Parameter(torch.ones(features))
        self.beta = torch.nn.Parameter(torch.zeros(features))
        self.register_buffer("running_mean", torch.zeros(features))
        self.register_buffer("running_var", torch.ones(features))
        self.momentum, self.eps = momentum, eps

    def forward(self, x):
        if self.training:
            mean, var = x.mean(0), x.var(0, unbiased=False)
            xhat = (x - mean) / torch.sqrt(var + self.eps)
            n, m = x.shape[0], self.momentum
            unbiased = var * n / (n - 1) if n > 1 else var
            with torch.no_grad():  # r <- (1 - m) r + m * batch value
                self.running_mean.mul_(1 - m).add_(m * mean)
                self.running_var.mul_(1 - m).add_(m * unbiased)
        else:
            xhat = (x - self.running_mean) / torch.sqrt(self.running_var + self.eps)
        return self.gamma * xhat + self.beta


ACTIVATION = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
              "leaky_relu": lambda z: torch.nn.functional.leaky_relu(z, 0.01)}


class DeepNet(torch.nn.Module):
    """Hidden layers Linear (→ BN) → activation (→ BN), then a linear output layer."""

    def __init__(self, p, gen, bn):
        super().__init__()
        sizes = [FEATURES] + [p["width"]] * p["depth"]
        self.hidden = torch.nn.ModuleList(
            torch.nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        self.out = torch.nn.Linear(p["width"], CLASSES)
        scheme = "he" if p["activation"] in ("relu", "leaky_relu") else "xavier"
        for layer in [*self.hidden, self.out]:
            init_weights(layer, scheme, gen)
        self.norms = torch.nn.ModuleList(
            BatchNorm(p["width"], p["momentum"]) for _ in range(p["depth"])) if bn else None
        self.act, self.position = ACTIVATION[p["activation"]], p["position"]

    def forward(self, x):
        for k, layer in enumerate(self.hidden):
            z = layer(x)
            if self.norms is not None and self.position == "before":
                z = self.norms[k](z)
            x = self.act(z)
            if self.norms is not None and self.position == "after":
                x = self.norms[k](x)
        return self.out(x)


x_all, y_all = make_data(1024 + 512, SEED)
x, y, xv, yv = x_all[:1024], y_all[:1024], x_all[1024:], y_all[1024:]
nets = {"plain": DeepNet(PARAMS, torch.Generator().manual_seed(SEED), bn=False),
        "bn": DeepNet(PARAMS, torch.Generator().manual_seed(SEED), bn=True)}
diverged = set()
size = min(PARAMS["batch_size"], len(x))
shuffle = torch.Generator().manual_seed(SEED + 1)  # the same mini-batches for both twins
order, pos = torch.randperm(len(x), generator=shuffle), 0

print("step,series,value")
for step in range(1, STEPS + 1):
    if pos + size > len(x):  # a new epoch: a new order (the ragged end is dropped)
        order, pos = torch.randperm(len(x), generator=shuffle), 0
    idx = order[pos:pos + size]
    pos += size
    for name, net in nets.items():
        if name in diverged:
            continue
        net.train()
        loss = torch.nn.functional.cross_entropy(net(x[idx]), y[idx])
        if not math.isfinite(loss.item()):
            diverged.add(name)  # the other twin goes on
            continue
        net.zero_grad(set_to_none=True)
        loss.backward()
        with torch.no_grad():  # w <- w - lr * dL/dw, for γ and β too
            for p in net.parameters():
                p -= PARAMS["lr"] * p.grad
        print(f"{step},{name}/loss,{loss.item()!r}")
    if len(diverged) == len(nets):
        break
    if step == 1 or step % VAL_EVERY == 0:
        for name, net in nets.items():
            if name not in diverged:
                net.eval()  # BN uses its running averages
                with torch.no_grad():
                    acc = float((net(xv).argmax(1) == yv).float().mean())
                print(f"{step},{name}/val_acc,{acc!r}")
