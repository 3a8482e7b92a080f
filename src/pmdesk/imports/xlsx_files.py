"""A workbook file someone sent: checked before any XML parser reads it.

A returned tracker comes from outside the team: a zip bomb, a billion-laughs DTD, a
macro-enabled workbook, a password-protected or truncated file, or another kind of
Office file renamed .xlsx is refused here with a message naming the file, before
openpyxl opens it. Sizes are bounded: at most `MAX_BYTES` on disk, `MAX_UNPACKED`
unpacked, `MAX_PARTS` parts.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from pmdesk.services.common import ValidationProblem

MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024
MAX_PARTS = 10_000
_SCAN_CHUNK = 1024 * 1024
_CONTENT_TYPES_LIMIT = 1024 * 1024
_NO_WORKBOOK = "cannot be read as an Excel workbook: it is a zip file without a workbook part"
_WORKBOOK_TYPE = b"spreadsheetml.sheet.main+xml"
_WORKBOOK_PART = re.compile(
    rb'PartName="/([^"]+)"\s+ContentType="[^"]*spreadsheetml\.sheet\.main\+xml"'
    rb'|ContentType="[^"]*spreadsheetml\.sheet\.main\+xml"\s+PartName="/([^"]+)"'
)
_OTHER_KINDS = {
    b"ms-excel.sheet.macroEnabled": "a macro-enabled workbook (.xlsm)",
    b"wordprocessingml.document": "a Word document",
    b"presentationml.presentation": "a PowerPoint presentation",
}
#: Characters a cell may not hold: C0/C1 controls other than tab and line breaks.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class WorkbookProblem(ValidationProblem):
    """A file that cannot be read as a workbook; `field` is its name."""


def shown(text: str, limit: int = 80) -> str:
    """Text quoted in a message: one line, control characters visible, long text cut."""
    text = CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", " ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def has_comments(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        return any(
            name.lower().startswith("xl/comments") or "/comments" in name.lower()
            for name in archive.namelist()
        )


def check_file(path: Path) -> None:
    name = path.name
    if not path.is_file():
        raise WorkbookProblem(name, "no such file" if not path.exists() else "is not a file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise WorkbookProblem(
            name, f"is {size / 1024 / 1024:.0f} MB; a tracker may be at most 20 MB"
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise WorkbookProblem(
            name,
            "is password-protected or an old .xls file: save it as .xlsx without a password",
        )
    if not head.startswith(b"PK"):
        raise WorkbookProblem(name, "is not an Excel .xlsx workbook")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_parts(archive, name)
    except WorkbookProblem:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, ValueError) as exc:
        # RuntimeError: an encrypted zip entry; ValueError: an unknown compression method
        raise WorkbookProblem(
            name, f"is damaged or incomplete (not a readable .xlsx): {shown(str(exc))}"
        ) from exc


def _check_parts(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse what must never reach the XML parser: bombs, DTDs, other kinds of Office file.

    Sizes are the ones the zip declares; reading never goes past them (zipfile stops at the
    declared size and checks the CRC), so a lying size only makes the file unreadable.
    """
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise WorkbookProblem(name, f"has {len(infos):,} parts; too many for a tracker")
    if sum(info.file_size for info in infos) > MAX_UNPACKED:
        raise WorkbookProblem(name, "unpacks to more than 200 MB; too large for a tracker")
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names:
        raise WorkbookProblem(name, _NO_WORKBOOK)
    for info in infos:
        xml = info.filename.lower().endswith((".xml", ".rels", ".vml"))
        if xml and _declares_entities(archive, info):
            raise WorkbookProblem(
                name,
                f"has a document type or entity declaration in {info.filename} "
                "(Excel never writes one); refused as unsafe",
            )
    with archive.open("[Content_Types].xml") as part:
        types = part.read(_CONTENT_TYPES_LIMIT).replace(b"\0", b"")
    for marker, kind in _OTHER_KINDS.items():
        if marker in types:
            raise WorkbookProblem(name, f"is {kind}; save the tracker as an Excel .xlsx workbook")
    if _WORKBOOK_TYPE not in types:
        raise WorkbookProblem(name, _NO_WORKBOOK)
    for match in _WORKBOOK_PART.finditer(types):
        part_name = (match.group(1) or match.group(2)).decode("utf-8", "replace")
        if part_name not in names:
            raise WorkbookProblem(name, f"is incomplete: its workbook part {part_name} is missing")


def _declares_entities(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """True if an XML part has a DTD or entities (billion laughs, external entities)."""
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(_SCAN_CHUNK):
            # NULs removed: the markers are found in UTF-16 parts too.
            text = tail + chunk.replace(b"\0", b"")
            if b"<!DOCTYPE" in text or b"<!ENTITY" in text:
                return True
            tail = text[-16:]
    return False
