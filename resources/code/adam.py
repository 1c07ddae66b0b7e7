# SGD, Momentum, RMSProp and Adam, written out in plain NumPy and PyTorch (no torch.optim).
# It races what dlab's "Adam" tab races and prints the same numbers as `dlab run adam`
# (step,series,value): each optimiser's loss on the 2-D surface ("adam/loss") and on a small
# network ("net/adam/loss").
import math

import numpy as np
import torch

# @dlab-settings: PARAMS, SEED and STEPS are written here

torch.set_num_threads(1)

# The 2-D functions: value f(x, y) and gradient (df/dx, df/dy).
SURFACES = {
    "rosenbrock": (lambda x, y: (1 - x) ** 2 + 100 * (y - x**2) ** 2,
                   lambda x, y: (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x))),
    "beale": (lambda x, y: ((1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2
                            + (2.625 - x + x * y**3) ** 2),
              lambda x, y: (
                  2 * (1.5 - x + x * y) * (y - 1) + 2 * (2.25 - x + x * y * y) * (y * y - 1)
                  + 2 * (2.625 - x + x * y**3) * (y**3 - 1),
                  2 * (1.5 - x + x * y) * x + 4 * (2.25 - x + x * y * y) * x * y
                  + 6 * (2.625 - x + x * y**3) * x * y * y)),
    "quadratic": (lambda x, y: 0.5 * (x**2 + 25 * y**2), lambda x, y: (x, 25.0 * y)),
    "saddle": (lambda x, y: x**2 - y**2, lambda x, y: (2.0 * x, -2.0 * y)),
}
SADDLE_WINDOW = 3.0  # on the saddle (no minimum) a racer stops once it leaves [-3, 3]²
FAR = 1e6  # a point this far out only gets farther: call it diverged


class Optimiser:
    """One update rule. It keeps its running averages per parameter and turns gradients
    into steps (the caller does p <- p + step). The same code runs on numpy arrays (the
    surface) and on torch tensors (the network)."""

    def __init__(self, name, lr):
        self.name, self.lr, self.t, self.state = name, lr, 0, None

    def steps(self, grads):
        self.t += 1
        if self.state is None:
            self.state = [{} for _ in grads]
        return [self.rule(s, g) for s, g in zip(self.state, grads)]

    def rule(self, s, g):
        lr, eps = self.lr, PARAMS["eps"]
        b1, b2 = PARAMS["beta1"], PARAMS["beta2"]
        if self.name == "sgd":  # p <- p - lr * g
            return -lr * g
        if self.name == "momentum":  # b <- mu * b + g;  p <- p - lr * b
            s["b"] = PARAMS["momentum"] * s["b"] + g if "b" in s else g * 1.0
            return -lr * s["b"]
        if self.name == "rmsprop":  # S <- b2 * S + (1 - b2) * g²;  p <- p - lr * g / (√S + ε)
            s["S"] = b2 * s.get("S", g * 0.0) + (1 - b2) * g * g
            return -lr * g / (s["S"] ** 0.5 + eps)
        # Adam = momentum (V, an average of g) + RMSProp (S, an average of g²).
        s["V"] = b1 * s.get("V", g * 0.0) + (1 - b1) * g
        s["S"] = b2 * s.get("S", g * 0.0) + (1 - b2) * g * g
        if PARAMS["bias_correction"]:  # V and S start at 0: undo that in the first steps
            v_hat, s_hat = s["V"] / (1 - b1**self.t), s["S"] / (1 - b2**self.t)
        else:
            v_hat, s_hat = s["V"], s["S"]
        return -lr * v_hat / (s_hat**0.5 + eps)


def own_lr(opt):
    return PARAMS[f"lr_{opt}"] if PARAMS["own_lr"] else PARAMS["lr"]


def make_moons(n, seed, noise=0.15):
    """Two interleaved half-moons, labels 0/1 (float32)."""
    rng = np.random.default_rng(seed)
    y = (np.arange(n) % 2).astype(np.float32)
    rng.shuffle(y)
    t = rng.uniform(0, np.pi, n)
    px = np.where(y == 0, np.cos(t), 1 - np.cos(t))
    pz = np.where(y == 0, np.sin(t), 0.5 - np.sin(t))
    pts = np.stack([px - 0.5, pz - 0.25], 1) * 1.6
    pts = pts + rng.normal(0, noise, pts.shape)
    return torch.from_numpy(pts.astype(np.float32)), torch.from_numpy(y)


class SmallNet(torch.nn.Module):
    """2 inputs -> 8 tanh units -> 1 logit; Xavier-normal weights, zero biases."""

    def __init__(self, gen):
        super().__init__()
        self.l1, self.out = torch.nn.Linear(2, 8), torch.nn.Linear(8, 1)
        with torch.no_grad():
            for layer in (self.l1, self.out):
                fan_out, fan_in = layer.weight.shape
                std = math.sqrt(2.0 / (fan_in + fan_out))
                layer.weight.copy_(torch.randn(layer.weight.shape, generator=gen) * std)
                layer.bias.zero_()

    def forward(self, x):
        return self.out(torch.tanh(self.l1(x))).squeeze(-1)


f, grad = SURFACES[PARAMS["function"]]
x, y = make_moons(256, SEED)
first = SmallNet(torch.Generator().manual_seed(SEED))
chosen = PARAMS["optimizers"].split(",")
racers = {}
for opt in chosen:
    net = SmallNet(torch.Generator().manual_seed(SEED))
    net.load_state_dict(first.state_dict())  # every optimiser starts from the same weights
    racers[opt] = {"p": np.array([PARAMS["start_x"], PARAMS["start_y"]]), "surface": True,
                   "surface_opt": Optimiser(opt, own_lr(opt)),
                   "net": net, "net_opt": Optimiser(opt, PARAMS["net_lr"]), "net_ok": True}

print("step,series,value")
for step in range(1, STEPS + 1):
    for opt, r in racers.items():
        if r["surface"]:  # one step on the surface (float64)
            with np.errstate(all="ignore"):
                g = np.array(grad(*r["p"]), dtype=np.float64)
                p = r["p"] + r["surface_opt"].steps([g])[0]
                loss = float(f(*p))
            if not (np.isfinite(p).all() and math.isfinite(loss)) or np.abs(p).max() > FAR:
                r["surface"] = False  # diverged: it stops here
            else:
                r["p"] = p
                print(f"{step},{opt}/loss,{loss!r}")
                if PARAMS["function"] == "saddle" and np.abs(p).max() > SADDLE_WINDOW:
                    r["surface"] = False  # escaped the saddle
        if r["net_ok"]:  # one full-batch step on the network (float32)
            weights = list(r["net"].parameters())
            loss = torch.nn.functional.binary_cross_entropy_with_logits(r["net"](x), y)
            grads = torch.autograd.grad(loss, weights)
            if not math.isfinite(loss.item()):
                r["net_ok"] = False
                continue
            print(f"{step},net/{opt}/loss,{loss.item()!r}")
            with torch.no_grad():
                for w, d in zip(weights, r["net_opt"].steps(list(grads))):
                    w += d
    if not any(r["surface"] or r["net_ok"] for r in racers.values()):
        break  # every racer has stopped
