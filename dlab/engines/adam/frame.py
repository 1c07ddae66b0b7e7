"""What the Adam tab draws (no torch here)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AdamFrame:
    start: tuple[float, float]  # where every racer started on the surface
    status: dict[str, str]  # optimiser -> running / diverged / escaped / finished
    # Adam's numbers at its latest step, per coordinate: "g", "m", "v", "m_hat", "v_hat",
    # "delta" -> (x, y), and "t"; empty before its first step or when Adam is off.
    inside: dict[str, object]
