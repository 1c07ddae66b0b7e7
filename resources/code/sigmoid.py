# A deep network of sigmoids (or tanh, relu), written out in plain PyTorch and NumPy.
# It trains exactly what dlab's "Sigmoid" tab trains and prints the same numbers as
# `dlab run sigmoid` (step,series,value): the loss and each hidden layer's gradient norm.
import math

import numpy as np
import torch

# @dlab-settings: PARAMS, SEED and STEPS are written here

torch.set_num_threads(1)
FEATURES, CLASSES, BATCH = 8, 4, 64


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
    """Weights from N(0, std²) by scheme; biases start at zero."""
    fan_out, fan_in = layer.weight.shape
    std = {"normal": 1.0, "xavier": math.sqrt(2.0 / (fan_in + fan_out)),
           "he": math.sqrt(2.0 / fan_in)}[scheme]
    with torch.no_grad():
        layer.weight.copy_(torch.randn(layer.weight.shape, generator=gen) * std)
        layer.bias.zero_()


ACTIVATION = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
              "leaky_relu": lambda z: torch.nn.functional.leaky_relu(z, 0.01)}


class DeepNet(torch.nn.Module):
    """`depth` hidden layers (Linear, then the activation) and a linear output layer."""

    def __init__(self, depth, width, activation, init, gen):
        super().__init__()
        sizes = [FEATURES] + [width] * depth
        self.hidden = torch.nn.ModuleList(
            torch.nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        self.out = torch.nn.Linear(width, CLASSES)
        for layer in [*self.hidden, self.out]:
            init_weights(layer, init, gen)
        self.act = ACTIVATION[activation]

    def forward(self, x):
        for layer in self.hidden:
            x = self.act(layer(x))
        return self.out(x)


x_all, y_all = make_data(1024 + 512, SEED)  # dlab keeps the last 512 for validation
x, y = x_all[:1024], y_all[:1024]
net = DeepNet(PARAMS["depth"], PARAMS["width"], PARAMS["activation"], PARAMS["init"],
              torch.Generator().manual_seed(SEED))
shuffle = torch.Generator().manual_seed(SEED + 1)  # the order of the examples
order, pos = torch.randperm(len(x), generator=shuffle), 0

print("step,series,value")
for step in range(1, STEPS + 1):
    if pos + BATCH > len(x):  # a new epoch: a new order (the ragged end is dropped)
        order, pos = torch.randperm(len(x), generator=shuffle), 0
    idx = order[pos:pos + BATCH]
    pos += BATCH
    loss = torch.nn.functional.cross_entropy(net(x[idx]), y[idx])
    net.zero_grad(set_to_none=True)
    loss.backward()
    print(f"{step},loss,{loss.item()!r}")
    for k, layer in enumerate(net.hidden, 1):  # layer 1 is nearest the input
        print(f"{step},grad_norm/{k},{float(layer.weight.grad.norm())!r}")
    with torch.no_grad():  # the update, written out: w <- w - lr * dL/dw
        for p in net.parameters():
            p -= PARAMS["lr"] * p.grad
