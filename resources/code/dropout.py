# The same over-sized network trained twice, without and with dropout, written out in plain
# PyTorch and NumPy. It trains exactly what dlab's "Dropout" tab trains and prints the same
# numbers as `dlab run dropout` (step,series,value): each network's training and validation
# loss and validation accuracy after every epoch, measured in eval mode (no unit dropped).
# At the end many thinned networks vote on the validation set (Monte-Carlo dropout).
import math
import sys

import numpy as np
import torch

# @dlab-settings: PARAMS, SEED and STEPS are written here

torch.set_num_threads(1)
VAL_SIZE = 500  # validation examples, drawn with the training ones and split off


def make_moons(n, seed, noise):
    """Two interleaved half-moons, classes 0 and 1, with Gaussian noise on every point."""
    rng = np.random.default_rng(seed)
    y = (np.arange(n) % 2).astype(np.float32)
    rng.shuffle(y)
    t = rng.uniform(0, np.pi, n)
    a = np.where(y == 0, np.cos(t), 1 - np.cos(t))
    b = np.where(y == 0, np.sin(t), 0.5 - np.sin(t))
    pts = np.stack([a - 0.5, b - 0.25], 1) * 1.6
    pts = pts + rng.normal(0, noise, pts.shape)
    return torch.from_numpy(pts.astype(np.float32)), torch.from_numpy(y)


class Dropout(torch.nn.Module):
    """Inverted dropout: while training, keep each value with probability 1 − p and scale
    it by 1/(1 − p), so its expected value is unchanged; in eval mode, do nothing."""

    def __init__(self, p, gen):
        super().__init__()
        self.p, self.gen = p, gen

    def forward(self, x):
        if not self.training or self.p <= 0.0:
            return x
        keep = torch.rand(x.shape, generator=self.gen) >= self.p
        return x * keep / (1.0 - self.p)


class Net(torch.nn.Module):
    """`layers` hidden layers (Linear → ReLU → Dropout), then one output: the logit of
    class 1. He initialisation: weights from N(0, 2/fan_in), biases zero."""

    def __init__(self, p, init_gen, mask_gen):
        super().__init__()
        sizes = [2] + [PARAMS["hidden"]] * PARAMS["layers"]
        self.hidden = torch.nn.ModuleList(
            torch.nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        self.out = torch.nn.Linear(PARAMS["hidden"], 1)
        with torch.no_grad():
            for layer in [*self.hidden, self.out]:
                fan_in = layer.weight.shape[1]
                layer.weight.copy_(torch.randn(layer.weight.shape, generator=init_gen)
                                   * math.sqrt(2.0 / fan_in))
                layer.bias.zero_()
        self.drops = torch.nn.ModuleList(Dropout(p, mask_gen) for _ in self.hidden)

    def forward(self, x):
        for layer, drop in zip(self.hidden, self.drops):
            x = drop(torch.relu(layer(x)))
        return self.out(x).squeeze(-1)


bce = torch.nn.functional.binary_cross_entropy_with_logits
n = PARAMS["dataset_size"]
x_all, y_all = make_moons(n + VAL_SIZE, SEED, PARAMS["noise"])
order = np.random.default_rng(SEED + 1).permutation(n + VAL_SIZE)  # a random split
train, val = np.sort(order[:n]), np.sort(order[n:])
x, y, xv, yv = x_all[train], y_all[train], x_all[val], y_all[val]

# The twins: the same first weights (the same seed); only p differs.
nets = {name: Net(p, torch.Generator().manual_seed(SEED),
                  torch.Generator().manual_seed(SEED + 2))
        for name, p in (("plain", 0.0), ("dropout", PARAMS["p"]))}
opts = {name: torch.optim.Adam(net.parameters(), lr=PARAMS["lr"]) for name, net in nets.items()}

print("step,series,value")
for epoch in range(1, min(STEPS, PARAMS["epochs"]) + 1):
    for name, net in nets.items():
        net.train()  # dropout on: a new random thinned network at every step
        loss = bce(net(x), y)  # full batch: every training example
        opts[name].zero_grad(set_to_none=True)
        loss.backward()
        opts[name].step()
    for name, net in nets.items():
        net.eval()  # dropout off: every unit kept, nothing scaled
        with torch.no_grad():
            logits = net(xv)
            print(f"{epoch},{name}/train_loss,{float(bce(net(x), y))!r}")
            print(f"{epoch},{name}/val_loss,{float(bce(logits, yv))!r}")
            acc = float(((logits > 0).float() == yv).float().mean())
            print(f"{epoch},{name}/val_acc,{acc!r}")

# Monte-Carlo dropout: dropout left on at test time, each pass a different thinned network;
# their mean P(class 1) is the vote (on stderr, so that the lines above stay a clean CSV).
net = nets["dropout"]
net.train()
for drop in net.drops:
    drop.gen = torch.Generator().manual_seed(SEED * 7919 + epoch)
with torch.no_grad():
    votes = torch.stack([torch.sigmoid(net(xv)) for _ in range(PARAMS["mc_samples"])])
    net.eval()
    single = torch.sigmoid(net(xv))
for what, prob in (("the vote of the thinned networks", votes.mean(0)),
                   ("the scaled network alone", single)):
    acc = float(((prob > 0.5).float() == yv).float().mean())
    print(f"{what}: {acc:.1%} of the validation set right", file=sys.stderr)
