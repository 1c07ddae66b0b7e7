# Word2Vec (skip-gram or CBOW, negative sampling or a full softmax) in plain PyTorch + NumPy.
# It trains exactly what dlab's "Word2Vec" tab trains, on the same text file, and prints the
# same numbers as `dlab run word2vec` (step,series,value): the loss of every update.
import re
from collections import Counter

import numpy as np
import torch
from torch.nn import functional

# @dlab-settings: PARAMS, SEED, STEPS and CORPUS_FILE are written here

torch.set_num_threads(1)
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")  # letters/digits (Hangul too), with inner '

# --- The corpus: word ids of every token and the sentence (line) each belongs to. ---------
sentences = []
with open(CORPUS_FILE, encoding="utf-8") as fh:
    for line in fh:
        words = WORD.findall(line.lower())
        if words:
            sentences.append(words)
counts = Counter(w for s in sentences for w in s)
vocab = [w for w, c in counts.most_common() if c >= PARAMS["min_count"]]  # frequent first
index = {w: i for i, w in enumerate(vocab)}
rows = [[index[w] for w in s if w in index] for s in sentences]
rows = [r for r in rows if r]
tokens = np.array([i for r in rows for i in r], dtype=np.int64)
sentence_of = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
freq = np.array([counts[w] for w in vocab], dtype=np.int64)


def examples(tokens, sentence_of, w):
    """Slide a window of w words each side; a centre counts only when its whole window lies
    in its sentence. CBOW: (context (M, 2w), centre (M,)); skip-gram: (centre, context)."""
    pos = np.arange(len(tokens))
    starts = np.searchsorted(sentence_of, sentence_of)  # where each token's sentence starts
    ends = np.searchsorted(sentence_of, sentence_of, side="right")
    centre = pos[(pos - starts >= w) & (pos + w < ends)]
    offsets = np.r_[np.arange(-w, 0), np.arange(1, w + 1)]
    context = tokens[centre[:, None] + offsets[None, :]]
    if PARAMS["architecture"] == "cbow":
        return context, tokens[centre]
    return np.repeat(tokens[centre], 2 * w), context.reshape(-1)


def new_epoch(rng):
    """This epoch's examples in a random order. Subsampling (if on) drops frequent words at
    random: a word of frequency f is kept with probability √(t/f) + t/f."""
    keep = np.ones(len(tokens), dtype=bool)
    t = PARAMS["subsample"]
    if t > 0:
        f = freq / freq.sum()
        keep = rng.random(len(tokens)) < np.minimum(1.0, np.sqrt(t / f) + t / f)[tokens]
    inputs, targets = examples(tokens[keep], sentence_of[keep], PARAMS["window"])
    return inputs, targets, rng.permutation(len(targets))


# --- The model: two lookup tables, one row per word. ---------------------------------------
gen = torch.Generator().manual_seed(SEED)  # the tables' start and the negative samples
rng = np.random.default_rng(SEED)  # subsampling and the order of the examples
V, D, K = len(vocab), PARAMS["dim"], PARAMS["negative"]
w_in = torch.nn.Embedding(V, D, sparse=True)  # the word vectors (what the map shows)
w_out = torch.nn.Embedding(V, D, sparse=K > 0)  # the vectors of the predicted words
with torch.no_grad():  # small random numbers, as in word2vec
    w_in.weight.uniform_(-0.5 / D, 0.5 / D, generator=gen)
    w_out.weight.uniform_(-0.5 / D, 0.5 / D, generator=gen)
# Only the rows an update touches change: SparseAdam (a full softmax touches all of w_out).
optimisers = [torch.optim.SparseAdam([w_in.weight] + ([w_out.weight] if K else []),
                                     lr=PARAMS["lr"])]
if K == 0:
    optimisers.append(torch.optim.Adam([w_out.weight], lr=PARAMS["lr"]))
noise = torch.tensor(freq, dtype=torch.float64) ** 0.75  # negatives: counts to the power 3/4
noise = (noise / noise.sum()).float()

print("step,series,value")
inputs, targets, order = new_epoch(rng)
pos, epoch, step = 0, 0, 0
while step < STEPS and epoch < PARAMS["epochs"]:
    if pos >= len(order):
        inputs, targets, order = new_epoch(rng)
        pos = 0
    batch = order[pos:pos + PARAMS["batch_size"]]
    pos += len(batch)
    x, y = torch.from_numpy(inputs[batch]), torch.from_numpy(targets[batch])
    h = w_in(x)  # skip-gram: the centre's vector
    if h.dim() == 3:
        h = h.mean(1)  # CBOW: the mean of the context vectors
    if K > 0:  # negative sampling: the true word (label 1) against K random ones (label 0)
        neg = torch.multinomial(noise, len(batch) * K, replacement=True,
                                generator=gen).view(len(batch), K)
        pos_score = (h * w_out(y)).sum(1)
        neg_score = torch.bmm(w_out(neg), h.unsqueeze(2)).squeeze(2)
        loss = -(functional.logsigmoid(pos_score)
                 + functional.logsigmoid(-neg_score).sum(1)).mean()
    else:  # full softmax: the true word among all V
        loss = functional.cross_entropy(h @ w_out.weight.T, y)
    for opt in optimisers:
        opt.zero_grad(set_to_none=True)
    loss.backward()
    for opt in optimisers:
        opt.step()
    if pos >= len(order):
        epoch += 1
    step += 1
    print(f"{step},loss,{loss.item()!r}")
