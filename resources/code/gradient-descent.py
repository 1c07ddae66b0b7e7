# Gradient descent on a small network, written out in plain PyTorch and NumPy.
# It trains exactly what dlab's "Gradient descent" tab trains and prints the same numbers
# as `dlab run gradient-descent` (step,series,value) for the loss series.
import math

import numpy as np
import torch

# @dlab-settings: PARAMS, SEED and STEPS are written here

torch.set_num_threads(1)


def make_data(kind, n, seed, noise=0.15):
    """A two-class set in about [-2, 2]^2: half the points are class 0, half class 1."""
    rng = np.random.default_rng(seed)
    y = (np.arange(n) % 2).astype(np.float32)
    rng.shuffle(y)
    if kind == "moons":
        t = rng.uniform(0, np.pi, n)
        x = np.where(y == 0, np.cos(t), 1 - np.cos(t))
        z = np.where(y == 0, np.sin(t), 0.5 - np.sin(t))
        pts = np.stack([x - 0.5, z - 0.25], 1) * 1.6
    elif kind == "circles":
        t = rng.uniform(0, 2 * np.pi, n)
        r = np.where(y == 0, 1.6, 0.7)
        pts = np.stack([r * np.cos(t), r * np.sin(t)], 1)
    else:  # blobs
        centre = np.where(y[:, None] == 0, [-0.9, -0.6], [0.9, 0.6])
        pts = centre + rng.normal(0, 0.6, (n, 2))
    pts = pts + rng.normal(0, noise, pts.shape)
    return torch.from_numpy(pts.astype(np.float32)), torch.from_numpy(y)


def init_weights(layer, scheme, gen):
    """Weights from N(0, std²) by scheme; biases start at zero."""
    fan_out, fan_in = layer.weight.shape
    std = {"normal": 1.0, "xavier": math.sqrt(2.0 / (fan_in + fan_out)),
           "he": math.sqrt(2.0 / fan_in), "zeros": 0.0}[scheme]
    with torch.no_grad():
        layer.weight.copy_(torch.randn(layer.weight.shape, generator=gen) * std)
        layer.bias.zero_()


class Net(torch.nn.Module):
    """Logistic regression (hidden = 0) or one tanh hidden layer."""

    def __init__(self, hidden, init, gen):
        super().__init__()
        self.l1 = torch.nn.Linear(2, hidden) if hidden else None
        self.out = torch.nn.Linear(hidden or 2, 1)
        if self.l1 is not None:
            init_weights(self.l1, init, gen)
        init_weights(self.out, init, gen)

    def forward(self, x):
        if self.l1 is not None:
            x = torch.tanh(self.l1(x))
        return self.out(x).squeeze(-1)


def bce(logits, y):
    """Cross-entropy: -[y log p + (1 - y) log(1 - p)], averaged."""
    p = torch.sigmoid(logits)
    return -torch.log(torch.where(y > 0.5, p, 1 - p)).mean()


x, y = make_data(PARAMS["data"], PARAMS["dataset_size"], SEED)
net = Net(PARAMS["hidden"], PARAMS["init"], torch.Generator().manual_seed(SEED))
n = len(x)
batch = {"batch": n, "sgd": 1}.get(PARAMS["mode"], PARAMS["batch_size"])
iterations = min(STEPS, PARAMS["epochs"] * math.ceil(n / batch))
shuffle = torch.Generator().manual_seed(SEED + 1)  # the order of the examples
order, pos = torch.arange(n), n

print("step,series,value")
for it in range(1, iterations + 1):
    if pos >= n:  # a new epoch: a new order (full batch needs none)
        pos = 0
        if batch < n:
            order = torch.randperm(n, generator=shuffle)
    idx = order[pos:pos + batch]
    pos += len(idx)
    loss = bce(net(x[idx]), y[idx])
    net.zero_grad(set_to_none=True)
    loss.backward()
    print(f"{it},loss,{loss.item()!r}")
    with torch.no_grad():  # the update, written out: w <- w - lr * dL/dw
        for p in net.parameters():
            p -= PARAMS["lr"] * p.grad
    if pos >= n:  # the end of an epoch: the loss on all the data, at this iteration
        with torch.no_grad():
            print(f"{it},epoch_loss,{float(bce(net(x), y))!r}")
