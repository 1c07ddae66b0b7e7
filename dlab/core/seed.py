"""The seeds a run accepts: one range for the command line, files and the window."""

from __future__ import annotations

# Every engine (numpy and torch) takes it, and so does the window's seed box (a Qt int).
SEED_MAX = 2**31 - 1


def check_seed(seed: int) -> int:
    """A seed every engine accepts, or ValueError naming the allowed range."""
    if not 0 <= seed <= SEED_MAX:
        raise ValueError(f"{seed} is not allowed; expected an integer from 0 to {SEED_MAX}")
    return seed
