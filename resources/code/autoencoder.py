# An autoencoder on handwritten digits, written out in plain PyTorch and NumPy: 784 pixels
# → hidden → a few latent numbers → hidden → 784 pixels, trained without labels to give
# back its input. It trains exactly what dlab's "Autoencoders" tab trains and prints the
# same numbers as `dlab run autoencoder` (step,series,value; one step is one epoch): the
# training and validation reconstruction error, and once the error of PCA with as many
# components as the latent layer has numbers.
import math

import numpy as np
import torch

# @dlab-settings: PARAMS, SEED, STEPS and DIGITS_FILE are written here

torch.set_num_threads(1)
PIXELS = 28 * 28


def load_digits():
    """5,000 MNIST digits shipped with dlab, flattened to rows of 784 pixels in [0, 1]:
    the 4,000 training digits (split 0) and the 500 validation digits (split 1)."""
    with np.load(DIGITS_FILE) as f:
        images, split = f["images"], f["split"]
    rows = images.reshape(len(images), PIXELS).astype(np.float32) / 255.0
    return rows[split == 0], rows[split == 1]


def pca_loss(train, val, k):
    """Mean squared error per pixel of rebuilding ``val`` from its first k principal
    components fitted on ``train``: the best a linear code of k numbers can do."""
    mean = train.mean(0)
    values, vectors = np.linalg.eigh(np.cov(train - mean, rowvar=False))
    axes = vectors[:, np.argsort(values)[::-1][:k]].T.astype(np.float32)
    codes = (val - mean) @ axes.T
    return float(((codes @ axes + mean - val) ** 2).mean())


class Autoencoder(torch.nn.Module):
    def __init__(self, hidden, latent):
        super().__init__()
        self.encoder = torch.nn.Sequential(torch.nn.Linear(PIXELS, hidden), torch.nn.ReLU(),
                                           torch.nn.Linear(hidden, latent))
        self.decoder = torch.nn.Sequential(torch.nn.Linear(latent, hidden), torch.nn.ReLU(),
                                           torch.nn.Linear(hidden, PIXELS))

    def forward(self, x):
        z = self.encoder(x)
        return torch.sigmoid(self.decoder(z)), z  # pixels back in [0, 1]


def init_he_uniform(net, gen):
    """Weights uniform in ±√(6 / fan_in), biases zero, drawn from our own generator."""
    for layer in net.modules():
        if isinstance(layer, torch.nn.Linear):
            bound = math.sqrt(6.0 / layer.weight.shape[1])
            with torch.no_grad():
                layer.weight.uniform_(-bound, bound, generator=gen)
                layer.bias.zero_()


train, val = load_digits()
x, x_val = torch.from_numpy(train), torch.from_numpy(val)
gen = torch.Generator().manual_seed(SEED)  # the first weights, the order, the noise
net = Autoencoder(PARAMS["hidden"], PARAMS["latent_dim"])
init_he_uniform(net, gen)
opt = torch.optim.Adam(net.parameters(), lr=PARAMS["lr"])
baseline = pca_loss(train, val, PARAMS["latent_dim"])


def noisy(xb):
    """Denoising: the input with Gaussian noise of std ``denoise``, kept in [0, 1]."""
    std = PARAMS["denoise"]
    if std == 0:
        return xb
    return (xb + std * torch.randn(xb.shape, generator=gen)).clamp(0.0, 1.0)


print("step,series,value")
for epoch in range(1, min(STEPS, PARAMS["epochs"]) + 1):
    order = torch.randperm(len(x), generator=gen)
    total = 0.0
    for start in range(0, len(x), PARAMS["batch_size"]):
        xb = x[order[start:start + PARAMS["batch_size"]]]
        out, _ = net(noisy(xb))
        loss = torch.nn.functional.mse_loss(out, xb)  # against the clean digit
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    with torch.no_grad():
        val_loss = float(torch.nn.functional.mse_loss(net(x_val)[0], x_val))
    print(f"{epoch},train_loss,{total / len(x)!r}")
    print(f"{epoch},val_loss,{val_loss!r}")
    if epoch == 1:
        print(f"{epoch},pca_loss,{baseline!r}")
