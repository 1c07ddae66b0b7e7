# A small CNN and a fully connected network (MLP) trained side by side on the same
# handwritten digits, written out in plain PyTorch and NumPy. It trains exactly what dlab's
# "Convolutional networks" tab trains and prints the same numbers as `dlab run cnn`
# (step,series,value): each network's loss at every step and, after every epoch, its
# accuracy on the 500 validation digits.
import math

import numpy as np
import torch

# @dlab-settings: PARAMS, SEED, STEPS and DIGITS_FILE are written here

torch.set_num_threads(1)
SIDE, CLASSES = 28, 10


def load_digits():
    """5,000 MNIST digits shipped with dlab: uint8 images, labels, and a fixed split
    (0 = 4,000 for training, 1 = 500 for validation, 2 = 500 for testing)."""
    with np.load(DIGITS_FILE) as f:
        images, labels, split = f["images"], f["labels"], f["split"]

    def part(code):
        x = images[split == code].astype(np.float32) / 255.0  # pixels in [0, 1]
        y = labels[split == code].astype(np.int64)
        return torch.from_numpy(x[:, None]), torch.from_numpy(y)

    return part(0), part(1)


class ConvNet(torch.nn.Module):
    """Blocks of k×k convolution ("same" padding) → ReLU → 2×2 max-pooling, so the side
    goes 28 → 14 → 7 → 3; then one linear layer from the last maps to the 10 classes."""

    def __init__(self, p):
        super().__init__()
        grow = 2 if p["channel_growth"] == "double" else 1
        channels = [1] + [p["channels"] * grow ** i for i in range(p["conv_layers"])]
        k = p["kernel_size"]
        self.convs = torch.nn.ModuleList(
            torch.nn.Conv2d(a, b, k, padding="same") for a, b in zip(channels, channels[1:]))
        side = SIDE
        for _ in range(p["conv_layers"]):
            side //= 2
        self.head = torch.nn.Linear(channels[-1] * side * side, CLASSES)

    def forward(self, x):
        for conv in self.convs:
            x = torch.nn.functional.max_pool2d(torch.relu(conv(x)), 2)
        return self.head(x.flatten(1))


def make_mlp(hidden):
    return torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(SIDE * SIDE, hidden),
                               torch.nn.ReLU(), torch.nn.Linear(hidden, CLASSES))


def init_he_uniform(net, gen):
    """Weights uniform in ±√(6 / fan_in), biases zero, drawn from our own generator."""
    for layer in net.modules():
        if isinstance(layer, (torch.nn.Linear, torch.nn.Conv2d)):
            bound = math.sqrt(6.0 / layer.weight[0].numel())
            with torch.no_grad():
                layer.weight.uniform_(-bound, bound, generator=gen)
                layer.bias.zero_()


def accuracy(net, x, y):
    net.eval()
    with torch.no_grad():
        out = float((net(x).argmax(1) == y).float().mean())
    net.train()
    return out


(x, y), (x_val, y_val) = load_digits()
gen = torch.Generator().manual_seed(SEED)
nets = {"cnn": ConvNet(PARAMS), "mlp": make_mlp(PARAMS["mlp_hidden"])}
for net in nets.values():
    init_he_uniform(net, gen)
opts = {name: torch.optim.Adam(net.parameters(), lr=PARAMS["lr"]) for name, net in nets.items()}

batch = PARAMS["batch_size"]
steps_per_epoch = math.ceil(len(x) / batch)  # the last batch of an epoch may be smaller
shuffle = torch.Generator().manual_seed(SEED + 1)  # the order of the digits
steps = min(STEPS, PARAMS["epochs"] * steps_per_epoch)

print("step,series,value")
for step in range(1, steps + 1):
    within = (step - 1) % steps_per_epoch
    if within == 0:  # a new epoch: a new order
        order = torch.randperm(len(x), generator=shuffle)
    idx = order[within * batch:(within + 1) * batch]
    for name, net in nets.items():  # both networks learn from the same mini-batch
        loss = torch.nn.functional.cross_entropy(net(x[idx]), y[idx])
        opts[name].zero_grad(set_to_none=True)
        loss.backward()
        opts[name].step()
        print(f"{step},{name}/loss,{loss.item()!r}")
    if step % steps_per_epoch == 0:
        for name, net in nets.items():
            print(f"{step},{name}/val_acc,{accuracy(net, x_val, y_val)!r}")
