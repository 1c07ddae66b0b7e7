# Training, validation and test sets on a noisy curve, written out in plain PyTorch and
# NumPy. It trains exactly what dlab's "Validation vs test" tab trains (its Run button)
# and prints the same numbers as `dlab run validation` (step,series,value): the training
# and validation loss after every epoch. At the end it keeps the weights of the epoch with
# the lowest validation loss and measures the test set once, for them.
import sys

import numpy as np
import torch

# @dlab-settings: PARAMS, SEED and STEPS are written here

torch.set_num_threads(1)
SPLITS = ("train", "val", "test")


def source(x):
    """The noise-free curve every data set is drawn from."""
    return np.sin(2.5 * x) + 0.4 * x


def make_points(p, seed):
    """x, y and each point's part (0 train, 1 val, 2 test)."""
    if p["points"]:  # points edited with the mouse: "x,y,part;x,y,part;..."
        items = [item.split(",") for item in p["points"].split(";") if item.strip()]
        x = np.array([float(a) for a, _, _ in items])
        y = np.array([float(b) for _, b, _ in items])
        return x, y, np.array([SPLITS.index(s.strip()) for _, _, s in items])
    rng = np.random.default_rng(seed)
    n = p["dataset_size"]
    x = rng.uniform(-1.0, 1.0, n)
    y = source(x) + rng.normal(0.0, p["noise"], n)
    # A random split: the validation and test fractions rounded, the rest for training.
    n_val, n_test = max(1, round(n * p["val_fraction"])), max(1, round(n * p["test_fraction"]))
    order = np.random.default_rng(seed + 1).permutation(n)
    part = np.zeros(n, dtype=int)
    part[order[n - n_val - n_test:n - n_test]] = 1
    part[order[n - n_test:]] = 2
    return x, y, part


def features(x, degree):
    """Legendre polynomials P1(x) ... P_degree(x), one column each: the same curves as
    x, x², ... but far better conditioned on [-1, 1], so gradient descent can fit them."""
    legendre = np.polynomial.legendre.legvander(x, degree)[:, 1:]  # P0 = 1 is b's job
    return torch.tensor(legendre, dtype=torch.float32)


x, y, part = make_points(PARAMS, SEED)
data = {name: (features(x[part == k], PARAMS["capacity"]),
               torch.tensor(y[part == k], dtype=torch.float32))
        for k, name in enumerate(SPLITS)}

# The model: y = b + w1·P1(x) + ... + wd·Pd(x), starting as a flat line at 0.
w = torch.zeros(PARAMS["capacity"], requires_grad=True)
b = torch.zeros((), requires_grad=True)


def loss_on(name):
    feats, target = data[name]
    return ((feats @ w + b - target) ** 2).mean()  # mean squared error


# The kept weights: those of the epoch with the lowest validation loss (when peeking, the
# lowest test loss: the wrong way).
chosen_by = "test" if PARAMS["peek_test"] else "val"
# The parts measured after every epoch: the test set only when peeking.
measured = ("train", "val", "test") if PARAMS["peek_test"] else ("train", "val")
best, best_epoch, kept = float("inf"), 0, (w.detach().clone(), b.detach().clone())

print("step,series,value")
for epoch in range(1, min(STEPS, PARAMS["epochs"]) + 1):
    gw, gb = torch.autograd.grad(loss_on("train"), (w, b))  # full batch: every point
    with torch.no_grad():  # gradient descent; weight decay pulls w (not b) towards 0
        w -= PARAMS["lr"] * (gw + PARAMS["weight_decay"] * w)
        b -= PARAMS["lr"] * gb
        losses = {name: float(loss_on(name)) for name in measured}
    for name in measured:
        print(f"{epoch},{name}_loss,{losses[name]!r}")
    if losses[chosen_by] < best:
        best, best_epoch = losses[chosen_by], epoch
        kept = (w.detach().clone(), b.detach().clone())
    if PARAMS["patience"] and epoch - best_epoch >= PARAMS["patience"]:
        break  # early stopping: no new lowest for `patience` epochs

# Back to the kept weights; only now is the test set measured, once (stderr, so that the
# lines above stay a clean CSV).
with torch.no_grad():
    w.copy_(kept[0])
    b.copy_(kept[1])
    print(f"kept the weights of epoch {best_epoch}: test loss {float(loss_on('test')):.4f}",
          file=sys.stderr)
