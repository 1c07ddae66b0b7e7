"""Draws dlab's application icon with Qt and writes it in every format the builds use.

    .venv/bin/python packaging/make_icon.py

writes resources/icons/dlab.png (256 px, the window icon and the Linux desktop icon),
dlab-<N>.png for the smaller sizes, dlab.ico (Windows) and dlab.icns (macOS). The
picture is the first lesson in one glance: contour rings of a loss surface and a
gradient-descent path zig-zagging down into the minimum.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QImageWriter,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)
CENTRE = QPointF(0.60, 0.62)  # the minimum, in units of the icon's side


def _path_points() -> list[QPointF]:
    """Gradient descent on an elongated bowl, x' = x - lr * grad: the zig-zag the lesson shows."""
    x, y = -0.46, 0.26
    points = []
    for _ in range(8):
        points.append(QPointF(CENTRE.x() + x, CENTRE.y() - y))
        x, y = x * 0.62, y * -0.6  # the steep axis overshoots, the shallow one creeps
    return points


def draw(side: int) -> QImage:
    img = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(side, side)  # draw in a unit square

    margin = 0.04
    bg = QLinearGradient(0, 0, 0, 1)
    bg.setColorAt(0.0, QColor("#1d3557"))
    bg.setColorAt(1.0, QColor("#0b1a2e"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(bg))
    p.drawRoundedRect(QRectF(margin, margin, 1 - 2 * margin, 1 - 2 * margin), 0.2, 0.2)

    clip = QPainterPath()
    clip.addRoundedRect(QRectF(margin, margin, 1 - 2 * margin, 1 - 2 * margin), 0.2, 0.2)
    p.setClipPath(clip)
    # Contour rings, light near the minimum; fewer rings at small sizes stay readable.
    rings = 6 if side >= 48 else 3
    for i in range(rings, 0, -1):
        r = 0.9 * i / rings
        shade = QColor.fromHsvF(0.55, 0.55, 0.35 + 0.5 * (1 - i / rings))
        p.setBrush(shade)
        p.drawEllipse(CENTRE, r * 0.62, r * 0.40)

    pts = _path_points()
    width = max(0.035, 2.2 / side)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(QColor("#ff9f1c"), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    path = QPainterPath(pts[0])
    for q in pts[1:]:
        path.lineTo(q)
    p.drawPath(path)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#ff9f1c"))
    p.drawEllipse(pts[0], width * 1.3, width * 1.3)
    p.setBrush(QColor("#ffffff"))
    p.drawEllipse(CENTRE, width * 1.5, width * 1.5)
    p.end()
    return img


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    images = {side: draw(side) for side in SIZES}
    images[256].save(str(ICONS / "dlab.png"))
    for side in (16, 32, 48, 64, 128):
        images[side].save(str(ICONS / f"dlab-{side}.png"))
    formats = {bytes(f).decode() for f in QImageWriter.supportedImageFormats()}
    # Qt's ico/icns writers store one image per file; the largest each system uses.
    if "ico" in formats:
        images[256].save(str(ICONS / "dlab.ico"))
    if "icns" in formats:
        images[512].save(str(ICONS / "dlab.icns"))
    for f in sorted(ICONS.iterdir()):
        print(f"{f.name}\t{f.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
