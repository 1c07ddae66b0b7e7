"""Builds resources/fonts/DejaVuSansDlab.ttf: the Greek and math part of DejaVu Sans.

NanumGothic (the shipped Hangul font) lacks or badly draws the math the lessons write
(x₁, ∂, 0.25¹⁰, ŷ, √, ⌈ ⌉, the minus sign): where the system's own font does not resolve,
that text fell to it. This subset comes before NanumGothic in the application font, so
those characters are drawn by DejaVu, and Hangul still by NanumGothic.

Run once by hand (fonttools is a tool for this script only, never a dependency of dlab):

    pip install fonttools
    python tools/make_symbol_font.py /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

The licence (Bitstream Vera and Arev, DejaVu changes public domain) is copied from the
font's own name table into resources/fonts/DejaVu-LICENSE.txt. Both licences allow a
modified font (a subset is one) when its name holds none of "Bitstream", "Vera", "Arev",
"Tavmjong Bah": hence the family name FAMILY.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"
OUT = FONTS / "DejaVuSansDlab.ttf"
LICENCE = FONTS / "DejaVu-LICENSE.txt"
FAMILY = "DejaVu Sans dlab"

# Whole Unicode blocks, so a new lesson's formula finds its glyphs too. No ASCII: plain
# text keeps the font the layouts were made with (NanumGothic, or the system's).
BLOCKS = (
    (0x00A0, 0x017F),  # Latin-1 supplement (¹ ² ½ ×), Latin extended-A (Ŝ)
    (0x0300, 0x036F),  # combining marks (the hat of V̂)
    (0x0370, 0x03FF),  # Greek
    (0x1D00, 0x1DBF),  # phonetic extensions: modifier letters (βᵗ, xᵢ)
    (0x2000, 0x206F),  # punctuation: dashes, quotes, ‖, ′
    (0x2070, 0x209F),  # superscripts and subscripts
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators
    (0x2300, 0x23FF),  # miscellaneous technical (⌈ ⌉)
    (0x2500, 0x257F),  # box drawing (legend samples: ━ ╌)
    (0x25A0, 0x25FF),  # geometric shapes (▶)
    (0x2600, 0x26FF),  # miscellaneous symbols (★)
    (0x2700, 0x27BF),  # dingbats (✕)
)


def main(source: str) -> None:
    font = TTFont(source)
    licence = font["name"].getDebugName(13)
    options = subset.Options()
    options.layout_features = ["*"]  # keep mark positioning (combining hats) and kerning
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14, 16, 17]
    options.name_languages = [0x409]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=[u for lo, hi in BLOCKS for u in range(lo, hi + 1)])
    sub.subset(font)
    name = font["name"]
    postscript = FAMILY.replace(" ", "")
    for record in list(name.names):
        if record.nameID in (1, 16):
            name.setName(FAMILY, record.nameID, record.platformID, record.platEncID,
                         record.langID)
        elif record.nameID == 4:
            name.setName(FAMILY, 4, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (3, 6):
            name.setName(postscript, record.nameID, record.platformID, record.platEncID,
                         record.langID)
    font.save(OUT)
    LICENCE.write_text(
        f"{OUT.name} is a subset of DejaVu Sans {font['name'].getDebugName(5)} "
        f"(https://dejavu-fonts.github.io/), renamed \"{FAMILY}\" as its licence asks of a\n"
        f"modified font. Made by tools/make_symbol_font.py. Its licence, from the font:\n\n"
        f"{licence}\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB) and {LICENCE}")


if __name__ == "__main__":
    main(sys.argv[1])
