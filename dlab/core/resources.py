"""Finds shipped files the same way from source, from an install and from the bundle."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_root() -> Path:
    try:
        root = Path(str(resources.files("dlab.resources")))
        if root.is_dir():
            return root
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parents[2] / "resources"  # a plain source checkout


def resource(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def lesson_text(topic: str, lang: str) -> str:
    path = resource("lessons", f"{topic}.{lang}.md")
    return path.read_text(encoding="utf-8") if path.exists() else ""
