"""Topic parameters: frozen dataclasses whose fields carry their own metadata.

A field is declared as
``lr: Annotated[float, Spec("Learning rate", lo=1e-4, hi=10, log=True)] = 0.1``.
The same metadata builds the form, validates a config file and the command line, and
names the field and the allowed values when something is wrong.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import typing
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from dlab.core.io import JSONRefused, parse_json
from dlab.core.seed import SEED_MAX
from dlab.core.text import Text, shown

SCHEMA_VERSION = 1

P = TypeVar("P", bound="Params")


class ParamError(ValueError):
    """A value that a field does not allow; the message names the field and what is allowed."""

    def __init__(self, field: str, message: str | Text) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.text = message if isinstance(message, Text) else Text(message)


@dataclass(frozen=True)
class Spec:
    """Metadata of one parameter.

    ``live`` fields may change while a run goes on; the others are fixed at Run.
    ``multi`` makes a string field a comma-separated subset of ``choices``.
    ``tab_only`` keeps a field out of the form: the tab sets it itself (points edited with
    the mouse); it is still saved, loaded and set from the command line.
    """

    label: str
    help: str = ""
    lo: float | None = None
    hi: float | None = None
    step: float | None = None
    log: bool = False
    choices: tuple[str, ...] = ()
    multi: bool = False
    live: bool = False
    decimals: int = 3
    pow2: bool = False  # an integer that must be a power of two (batch sizes)
    tab_only: bool = False
    other: str = ""  # a field with choices that also takes other text, described here
    path: str = ""  # "folder": a text field holding a folder's path (the form can browse)


@dataclass(frozen=True)
class FieldInfo:
    name: str
    type: type
    spec: Spec
    default: Any

    def allowed(self) -> str:
        """Human-readable description of the allowed values."""
        return str(self.allowed_text())

    def allowed_text(self) -> Text:
        s = self.spec
        if s.choices:
            joined = ", ".join(s.choices)
            if s.other:
                return Text("one of {choices}, {other}", choices=joined, other=s.other)
            return Text("a comma-separated subset of {choices}" if s.multi
                        else "one of {choices}", choices=joined)
        if self.type is bool:
            return Text("true or false")
        if s.path:
            return Text("the path of a folder")
        kind = "a power of two" if s.pow2 else "an integer" if self.type is int else "a number"
        if s.lo is not None and s.hi is not None:
            return Text(kind + " from {lo} to {hi}", lo=_fmt(s.lo), hi=_fmt(s.hi))
        return Text(kind)


def _not_allowed(value: Any, info: FieldInfo) -> Text:
    return Text("{value} is not allowed; expected {allowed}", value=shown(value),
                allowed=info.allowed_text())


def _fmt(x: float) -> str:
    return f"{x:g}"


_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


@dataclass(frozen=True)
class Params:
    """Base of every topic's parameters. Subclasses are frozen dataclasses."""

    topic: ClassVar[str] = ""

    @classmethod
    def fields(cls) -> list[FieldInfo]:
        return list(_fields(cls))

    @classmethod
    def field(cls, name: str) -> FieldInfo:
        for info in _fields(cls):
            if info.name == name:
                return info
        names = ", ".join(i.name for i in cls.fields())
        raise ParamError(name, Text("unknown parameter; known parameters are {names}",
                                    names=names))

    @classmethod
    def coerce(cls, name: str, value: Any) -> Any:
        """Convert ``value`` (a string from the command line, or a JSON value) and check it."""
        info = cls.field(name)
        s, typ = info.spec, info.type
        try:
            if typ is bool:
                if isinstance(value, bool):
                    out: Any = value
                elif str(value).strip().lower() in _TRUE:
                    out = True
                elif str(value).strip().lower() in _FALSE:
                    out = False
                else:
                    raise ValueError
            elif typ is int:
                if isinstance(value, bool):
                    raise ValueError
                f = float(value)
                if not f.is_integer():
                    raise ValueError
                out = int(f)
            elif typ is float:
                if isinstance(value, bool):
                    raise ValueError
                out = float(value)
                if not math.isfinite(out):
                    raise ValueError
            else:
                if s.path and not isinstance(value, str):  # a path is text, never null
                    raise ValueError
                out = str(value).strip()
        except (TypeError, ValueError, OverflowError):  # overflow: an int beyond a float
            raise ParamError(name, _not_allowed(value, info)) from None
        if s.choices and s.other:
            if not out:
                raise ParamError(name, _not_allowed(value, info))
        elif s.choices:
            items = [p.strip() for p in out.split(",")] if s.multi else [out]
            if s.multi and (not out or any(not p for p in items)):
                raise ParamError(name, _not_allowed(value, info))
            bad = [p for p in items if p not in s.choices]
            if bad:
                raise ParamError(name, _not_allowed(bad[0], info))
            if s.multi:  # canonical order, no repeats
                out = ",".join(c for c in s.choices if c in items)
        if typ in (int, float) and (
            (s.lo is not None and out < s.lo) or (s.hi is not None and out > s.hi)
        ):
            raise ParamError(name, Text("{value} is out of range; expected {allowed}",
                                        value=shown(value), allowed=info.allowed_text()))
        if s.pow2 and out & (out - 1):
            raise ParamError(name, _not_allowed(value, info))
        return out

    @classmethod
    def from_dict(cls: type[P], data: dict[str, Any], *, base: P | None = None) -> P:
        """Build from a (partial) mapping; missing fields keep ``base``'s or the default."""
        if not isinstance(data, dict):
            raise ParamError("params", "expected a mapping of parameter names to values")
        values = dataclasses.asdict(base) if base is not None else {}
        for key, value in data.items():
            values[key] = cls.coerce(key, value)
        obj = cls(**values)
        obj.validate()
        return obj

    def validate(self) -> None:
        """Cross-field checks; subclasses raise ParamError naming the field."""

    def unused(self) -> frozenset[str]:
        """Fields these values make irrelevant (the form greys them out); none by default."""
        return frozenset()

    def code_files(self) -> dict[str, str]:
        """Shipped or user files a "show me the code" script of these values reads, as
        ``NAME -> path`` (written into the script's settings block); none by default."""
        return {}

    def code_refused(self) -> Text | None:
        """Why these values get no "show me the code" script (shown translated), or None:
        every value has one by default."""
        return None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def replace(self: P, **changes: Any) -> P:
        return type(self).from_dict(changes, base=self)

    def to_json(self, seed: int | None = None) -> str:
        """The saved form; with ``seed``, a file that reproduces the run exactly."""
        doc: dict[str, Any] = {"schema": SCHEMA_VERSION, "topic": self.topic,
                               "params": self.to_dict()}
        if seed is not None:
            doc["seed"] = seed
        return json.dumps(doc, indent=2, ensure_ascii=False)

    @classmethod
    def seed_from_json(cls, text: str) -> int | None:
        """The seed a saved file carries (None if it has none); ParamError if it is bad.
        Call after ``from_json`` has accepted the file."""
        seed = parse_json(text).get("seed")
        if seed is None:
            return None
        if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= SEED_MAX:
            raise ParamError("seed", Text("{value} is not allowed; expected {allowed}",
                                          value=shown(seed), allowed=Text(
                                              "an integer from {lo} to {hi}", lo=0,
                                              hi=SEED_MAX)))
        return seed

    @classmethod
    def from_json(cls: type[P], text: str) -> P:
        """Read a saved parameter file; refuses another topic's file or a newer schema."""
        try:
            doc = parse_json(text)
        except json.JSONDecodeError as exc:
            raise ParamError("file", Text("not valid JSON (line {line})",
                                          line=exc.lineno)) from None
        except JSONRefused as exc:
            raise ParamError("file", exc.text) from None
        if not isinstance(doc, dict) or not isinstance(doc.get("params"), dict):
            raise ParamError("file", "expected an object with 'schema', 'topic' and 'params'")
        if doc.get("schema") != SCHEMA_VERSION:
            raise ParamError("schema", Text("{value} is not supported; expected 1",
                                            value=shown(doc.get("schema"))))
        if doc.get("topic") != cls.topic:
            raise ParamError("topic", Text("the file is for {file}, this tab is {tab}",
                                           file=shown(doc.get("topic")), tab=repr(cls.topic)))
        return cls.from_dict(doc["params"])


def describe(cls: type[Params]) -> list[dict[str, Any]]:
    """Every parameter as plain data, for ``dlab params``."""
    out = []
    for info in cls.fields():
        s = info.spec
        entry: dict[str, Any] = {
            "name": info.name,
            "type": "choice" if s.choices else info.type.__name__,
            "default": info.default,
            "label": s.label,
            "help": s.help,
            "allowed": info.allowed(),
            "live": s.live,
        }
        if s.choices:
            entry["choices"] = list(s.choices)
            entry["multi"] = s.multi
        if s.lo is not None:
            entry["min"], entry["max"], entry["log"] = s.lo, s.hi, s.log
        out.append(entry)
    return out


@functools.cache
def _fields(cls: type[Params]) -> tuple[FieldInfo, ...]:
    """A Params class's fields with their Specs, read once per class: get_type_hints is
    slow, and forms, scene scripts and from_dict ask for them field by field (at start-up
    it was a sixth of the time to the first paint)."""
    hints = typing.get_type_hints(cls, include_extras=True)
    out = []
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        base, spec = typing.get_args(hint)[0], None
        for extra in getattr(hint, "__metadata__", ()):
            if isinstance(extra, Spec):
                spec = extra
        if spec is None:
            raise TypeError(f"{cls.__name__}.{f.name} has no Spec metadata")
        out.append(FieldInfo(f.name, base, spec, f.default))
    return tuple(out)
