"""Every character a user reads can be drawn by the fonts dlab ships (issue 17, finding 19:
x₁ showed as a dot, 0.25¹⁰ as "0.25'°", ∂ tiny: NanumGothic lacks or misdraws them)."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QFont, QFontMetricsF, QRawFont

from dlab.core.resources import resource
from dlab.ui import fonts


def is_plain(ch: str) -> bool:
    """ASCII and Hangul: drawn by NanumGothic, the font the layouts were made with."""
    return (ch < "\x7f" or "\uac00" <= ch <= "\ud7a3" or "\u3130" <= ch <= "\u318f"
            or "\u3000" <= ch <= "\u303f")  # CJK punctuation (。)


def shown_texts() -> dict[str, str]:
    """Every lesson, every translation (source and Korean) and every scene, by file."""
    texts = {}
    for path in sorted(resource("lessons").glob("*.md")) + \
            sorted(resource("scenes").glob("*.json")):
        texts[path.name] = path.read_text(encoding="utf-8")
    for path in sorted(resource("i18n").glob("*.ts")):
        root = ET.parse(path).getroot()
        texts[path.name] = "\n".join(e.text or "" for e in root.iter()
                                     if e.tag in ("source", "translation"))
    return texts


DIGITS = str.maketrans("", "", "0123456789.-")  # ASCII: NanumGothic's


def code_strings() -> str:
    """Every string literal of dlab's code: legends, table headers, symbols drawn as is."""
    root = Path(__file__).resolve().parents[2] / "dlab"
    return "".join(node.value for path in sorted(root.rglob("*.py"))
                   for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                   if isinstance(node, ast.Constant) and isinstance(node.value, str))


def raw(file: str) -> QRawFont:
    font = QRawFont(str(resource("fonts", file)), 12)
    assert font.isValid(), file
    return font


def missing(font: QRawFont, text: str) -> str:
    return "".join(sorted({ch for ch in text if ch.isprintable() and ch != " "
                           and not font.supportsCharacter(ord(ch))}))


@pytest.mark.parametrize("name", [*sorted(shown_texts()), "code"])
def test_every_character_has_a_good_glyph(qapp, name):
    """ASCII and Hangul from NanumGothic; everything else (Greek, sub- and superscripts,
    math) from the DejaVu subset, which comes first."""
    text = code_strings() if name == "code" else shown_texts()[name]
    plain = "".join(ch for ch in text if is_plain(ch))
    other = "".join(ch for ch in text if not is_plain(ch))
    assert missing(raw(fonts.HANGUL_FILE), plain) == ""
    lacking = missing(raw(fonts.SYMBOL_FILE), other)
    assert lacking == "", f"{name}: no glyph for {lacking!r} ({[hex(ord(c)) for c in lacking]})"


def test_log_axis_labels_have_glyphs(qapp):
    """pyqtgraph writes log ticks as 10⁻⁶ … 10³ (the CNN tab showed "10'")."""
    labels = pg.AxisItem("left").logTickStrings(list(range(-9, 10)) + [0.3, 1.7], 1.0, 1.0)
    assert "10⁻⁶" in labels
    assert missing(raw(fonts.SYMBOL_FILE), "".join(labels).translate(DIGITS)) == ""


def test_the_symbol_font_comes_before_the_hangul_one(qapp):
    families = qapp.font().families()
    assert fonts.registered_families == ["DejaVu Sans dlab", "NanumGothic"]
    symbols, hangul = (families.index(f) for f in fonts.registered_families)
    assert symbols < hangul
    # A subscript is as wide as a digit's glyph in a real font, not a dot.
    metrics = QFontMetricsF(QFont(qapp.font()))
    assert metrics.horizontalAdvance("x₁") > 1.3 * metrics.horizontalAdvance("x")
