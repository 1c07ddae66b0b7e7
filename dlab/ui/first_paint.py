"""Work a launched window does right after its first paint instead of before it.

`dlab` (app.run_app) starts holding such work before it builds the window and runs it from
the event loop once the window has painted; windows made elsewhere (tests, `dlab shot`)
never hold anything, so for them the work is done at once, as it always was."""

from __future__ import annotations

from collections.abc import Callable

_held: list[Callable[[], object]] | None = None


def hold() -> None:
    """From now until ``release``, ``later`` keeps work instead of letting it run."""
    global _held
    _held = []


def later(work: Callable[[], object]) -> bool:
    """True when ``work`` was kept for after the first paint (once, however often it is
    asked); False when it should run now."""
    if _held is None:
        return False
    if work not in _held:
        _held.append(work)
    return True


def release() -> None:
    """The window has painted: run what was kept, in order."""
    global _held
    held, _held = _held or [], None
    for work in held:
        work()
