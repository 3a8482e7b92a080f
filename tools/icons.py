"""Render the app icon from its SVG source to the PNG sizes, .ico and .icns.

    QT_QPA_PLATFORM=offscreen python tools/icons.py

Writes src/pmdesk/resources/icons/ (PNGs the app loads) and packaging/icons/ (.ico for
Windows, .icns for macOS, PNGs for the Linux desktop file).
"""

from __future__ import annotations

import struct
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "pmdesk.svg"
APP_ICONS = ROOT / "src" / "pmdesk" / "resources" / "icons"
PACKAGING_ICONS = ROOT / "packaging" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def write_ico(target: Path, pngs: list[Path]) -> None:
    """A Windows .ico holding every size as PNG (Vista and later read PNG entries)."""
    blobs = [png.read_bytes() for png in pngs]
    sizes = [int(png.stem.rsplit("-", 1)[1]) for png in pngs]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = len(header) + 16 * len(blobs)
    entries = b""
    for size, blob in zip(sizes, blobs, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    target.write_bytes(header + entries + b"".join(blobs))


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SOURCE))
    assert renderer.isValid(), SOURCE
    APP_ICONS.mkdir(parents=True, exist_ok=True)
    PACKAGING_ICONS.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        image = render(renderer, size)
        image.save(str(APP_ICONS / f"pmdesk-{size}.png"))
        image.save(str(PACKAGING_ICONS / f"pmdesk-{size}.png"))
    write_ico(
        PACKAGING_ICONS / "pmdesk.ico",
        [PACKAGING_ICONS / f"pmdesk-{s}.png" for s in (16, 24, 32, 48, 64, 128, 256)],
    )
    render(renderer, 512).save(str(PACKAGING_ICONS / "pmdesk.icns"))
    print(f"icons written to {APP_ICONS} and {PACKAGING_ICONS}")
    del app


if __name__ == "__main__":
    main()
