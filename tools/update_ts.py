"""Bring the Korean .ts files up to date with the sources, using Qt's own pyside6-lupdate.

    python tools/update_ts.py          # update resources/i18n/*.ko.ts in place
    python tools/update_ts.py --check  # say what is untranslated, change nothing

lupdate reads the marked texts (``translate("Ctx", "...")``, ``QT_TRANSLATE_NOOP(...)``)
of each file's sources, keeps every translation it already has, adds new texts as
unfinished and drops texts no source marks any more. Then translate the unfinished ones
in Qt Linguist (``pyside6-linguist resources/i18n/adam.ko.ts``) or in a text editor.

Which sources feed which file: a topic's engine package and its tab module feed
``<topic-id>.ko.ts``; every other module of dlab feeds ``dlab.ko.ts``. Parameter
labels, help and choices live in the engines' Params metadata (no Qt there), so this
script writes them, with the topic's title, as QT_TRANSLATE_NOOP lines into a
temporary module that lupdate reads beside the topic's sources. A label or choice stays
where it is translated now: in the topic's own context, or once in the shared
``params``/``choices`` context of dlab.ko.ts that every topic falls back to; a new one
goes to the topic's file.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dlab import registry  # noqa: E402 (after the path)
from dlab.ui.i18n import contexts, read_ts  # noqa: E402

I18N = ROOT / "resources" / "i18n"
SHARED = "dlab"  # dlab.ko.ts: the shell and the words every topic shares


@dataclass
class Target:
    """One .ts file and what lupdate reads for it."""

    path: Path
    sources: list[Path]
    marks: list[tuple[str, str]] = field(default_factory=list)  # (context, source) of data


def lupdate() -> str:
    """pyside6-lupdate of this environment (PySide6-Essentials ships it)."""
    here = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(here) if here.exists() else shutil.which("pyside6-lupdate")
    if not found:
        raise RuntimeError("pyside6-lupdate not found: install PySide6 (make .venv/.installed)")
    return found


def module_path(dotted: str) -> Path:
    return ROOT / (dotted.partition(":")[0].replace(".", "/") + ".py")


def topic_sources(topic: registry.Topic) -> list[Path]:
    engine_dir = module_path(topic.params).parent
    return sorted(engine_dir.rglob("*.py")) + [module_path(topic.tab)]


def targets(lang: str = "ko") -> list[Target]:
    """Every .ts file of ``lang`` with its sources and the parameter texts it holds."""
    def present(path: Path) -> set[tuple[str, str]]:
        return {(c, s) for c, s, _ in read_ts(path)} if path.exists() else set()

    shared = Target(I18N / f"{SHARED}.{lang}.ts", [])
    shared_has = present(shared.path)
    out, owned = [], set()
    for topic in registry.TOPICS:
        t = Target(I18N / f"{topic.id}.{lang}.ts", topic_sources(topic))
        owned.update(t.sources)
        own_has = present(t.path)
        t.marks.append(("topics", topic.title))
        ctx = contexts(topic.id)
        for info in topic.params_class().fields():
            spec = info.spec
            words = [(ctx.params, "params", spec.label)]
            words += [(ctx.params, "params", spec.help)] if spec.help else []
            words += [(ctx.choices, "choices", c) for c in spec.choices]
            for own, common, text in words:
                if (own, text) not in own_has and (common, text) in shared_has:
                    shared.marks.append((common, text))
                else:
                    t.marks.append((own, text))
        out.append(t)
    shared.sources = sorted(p for p in (ROOT / "dlab").rglob("*.py") if p not in owned)
    shared.marks = list(dict.fromkeys(shared.marks))
    return [shared, *out]


def run_lupdate(target: Target, ts: Path) -> None:
    """Merge ``target``'s marked texts into the .ts file ``ts`` (made if missing)."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "params_and_titles.py"
        data.write_text("".join(
            f"QT_TRANSLATE_NOOP({json.dumps(c, ensure_ascii=False)}, "
            f"{json.dumps(s, ensure_ascii=False)})\n" for c, s in target.marks),
            encoding="utf-8")
        subprocess.run(
            [lupdate(), *map(str, target.sources), str(data), "-ts", str(ts), "-no-obsolete",
             "-locations", "none", "-source-language", "en", "-target-language", "ko_KR",
             "-silent"], check=True, capture_output=True)


def marked(lang: str = "ko") -> dict[Path, list[tuple[str, str]]]:
    """Every (context, source) the sources mark, by the .ts file it belongs in."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for target in targets(lang):
            ts = Path(tmp) / target.path.name
            run_lupdate(target, ts)
            out[target.path] = [(c, s) for c, s, _ in read_ts(ts)]
    return out


def main(argv: list[str]) -> int:
    check = "--check" in argv
    unfinished = 0
    for target in targets():
        if check:
            with tempfile.TemporaryDirectory() as tmp:
                ts = Path(tmp) / target.path.name
                if target.path.exists():
                    shutil.copy(target.path, ts)
                run_lupdate(target, ts)
                messages = read_ts(ts)
        else:
            run_lupdate(target, target.path)
            messages = read_ts(target.path)
        todo = [(c, s) for c, s, tr in messages if tr is None]
        unfinished += len(todo)
        print(f"{target.path.relative_to(ROOT)}: {len(messages)} texts, {len(todo)} unfinished")
        for c, s in todo:
            print(f"    [{c}] {s}")
    return 1 if check and unfinished else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
