""""Show me the code": a topic's plain PyTorch script for given parameters (no Qt, no torch).

A topic supplies a template, ``resources/code/<topic>.py``: a standalone script (torch and
numpy only) that reads three names, ``PARAMS`` (a dict of every parameter), ``SEED`` and
``STEPS`` (the natural steps to take), and prints ``step,series,value`` lines for its loss
series, equal to those of ``dlab run`` for the same parameters, seed and steps. The line
``# @dlab-settings`` marks where the settings are written. A topic whose data is a file
(``Params.code_files``) gets one more name per file, its path (e.g. ``CORPUS_FILE``).
Values a template cannot follow (``Params.code_refused``) get ``NoScript`` saying why.
"""

from __future__ import annotations

import pprint

from dlab.core.text import Text

MARK = "# @dlab-settings"


class TemplateError(ValueError):
    pass


class NoScript(ValueError):
    """These parameters have no script; ``text`` says why (the window translates it)."""

    def __init__(self, why: Text) -> None:
        super().__init__(str(why))
        self.text = why


def render(template: str, topic: str, params: dict, seed: int, steps: int,
           files: dict[str, str] | None = None) -> str:
    lines = template.splitlines()
    at = [i for i, line in enumerate(lines) if line.startswith(MARK)]
    if len(at) != 1:
        raise TemplateError(f"the {topic} code template needs exactly one '{MARK}' line")
    body = pprint.pformat(params, sort_dicts=False, width=90)
    settings = [
        f"# dlab code {topic}: the settings of this run (change them and run again).",
        f"PARAMS = {body}",
        f"SEED = {seed}",
        f"STEPS = {steps}  # natural steps to take",
        *(f"{name} = {path!r}  # the file dlab reads (copy it with the script)"
          for name, path in (files or {}).items()),
    ]
    return "\n".join(lines[: at[0]] + settings + lines[at[0] + 1:]) + "\n"
