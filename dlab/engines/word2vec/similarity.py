"""Cosine similarity, nearest neighbours, analogies and a 2-D projection (numpy only: the
tab queries the latest frame with these, and the tests check the engine with them)."""

from __future__ import annotations

import numpy as np


def unit_rows(table: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(table, axis=1, keepdims=True)
    return table / np.maximum(norms, 1e-12)


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / max(np.linalg.norm(a) * np.linalg.norm(b), 1e-12))


def nearest(table: np.ndarray, query: np.ndarray, k: int,
            exclude: tuple[int, ...] = ()) -> list[tuple[int, float]]:
    """The k rows most similar to ``query`` by cosine similarity, best first, as
    (row, similarity), leaving out the rows in ``exclude``."""
    sims = unit_rows(table) @ (query / max(np.linalg.norm(query), 1e-12))
    sims[list(exclude)] = -np.inf
    order = np.argsort(-sims, kind="stable")[:k]
    return [(int(i), float(sims[i])) for i in order if np.isfinite(sims[i])]


def neighbours(table: np.ndarray, row: int, k: int) -> list[tuple[int, float]]:
    return nearest(table, table[row], k, exclude=(row,))


def analogy(table: np.ndarray, a: int, b: int, c: int, k: int = 3) -> list[tuple[int, float]]:
    """a − b + c (on unit vectors, as in Mikolov et al.): "paris − france + korea"."""
    u = unit_rows(table)
    return nearest(table, u[a] - u[b] + u[c], k, exclude=(a, b, c))


def pca_2d(vectors: np.ndarray) -> np.ndarray:
    """Rows projected on their first two principal axes; signs fixed so the picture does
    not flip between frames (each axis points towards its largest loading's sign)."""
    n, d = vectors.shape
    if n == 0:
        return np.zeros((0, 2))
    x = vectors - vectors.mean(0)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    axes = vt[:2]
    if axes.shape[0] < 2:
        axes = np.vstack([axes, np.zeros((2 - axes.shape[0], d))])
    signs = np.sign(axes[np.arange(2), np.abs(axes).argmax(1)])
    return x @ (axes * np.where(signs == 0, 1, signs)[:, None]).T


def category_margin(table: np.ndarray, cats: list[str]) -> tuple[float, float]:
    """Mean cosine similarity of pairs of words of the same category, and of different
    categories (only words that have a category)."""
    idx = [i for i, c in enumerate(cats) if c]
    u = unit_rows(table[idx])
    sims = u @ u.T
    labels = np.array([cats[i] for i in idx])
    same = labels[:, None] == labels[None, :]
    off = ~np.eye(len(idx), dtype=bool)
    return float(sims[same & off].mean()), float(sims[~same].mean())


def neighbour_purity(table: np.ndarray, cats: list[str], k: int = 1) -> float:
    """Share of category words whose k nearest neighbours (among all words) are all of
    the same category."""
    hits, total = 0, 0
    for i, c in enumerate(cats):
        if not c:
            continue
        total += 1
        near = neighbours(table, i, k)
        hits += all(cats[j] == c for j, _ in near)
    return hits / max(total, 1)
