"""Hostile trackers: a corpus of malformed files, each refused with a message, nothing changed.

Every file is made here from a real exported tracker (the demo project's), so the corpus
follows the export as it changes. Each case checks the message names the file or the sheet,
row and column and says what is wrong; that the database content is the same before and
after; and that the client's file was not touched.
"""

from __future__ import annotations

import hashlib
import random
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from pmdesk.exports import ExportOptions
from pmdesk.exports.tracker_xlsx import export_tracker
from pmdesk.imports import tracker_xlsx as importer
from pmdesk.imports import xlsx_files
from pmdesk.imports.tracker_xlsx import TrackerProblem
from pmdesk.models import ActionStatus, Language, Project
from pmdesk.services import progress
from tests.demo_copy import demo_project

from .test_tracker import TODAY, dump

SHEET = "xl/worksheets/sheet1.xml"
CONTENT_TYPES = "[Content_Types].xml"


@dataclass(frozen=True)
class Source:
    """What a case builds its file from: the demo's tracker, the project, a folder."""

    tracker: Path
    project_id: int
    folder: Path

    def target(self, name: str = "client tracker.xlsx") -> Path:
        return self.folder / name


Make = Callable[[Source], Path]


# -- building bad files ------------------------------------------------------------------


def rezip(
    source: Path,
    target: Path,
    replace: dict[str, bytes] | None = None,
    drop: tuple[str, ...] = (),
) -> Path:
    """A copy of the zip with some parts replaced, added or dropped (no duplicate names)."""
    replace = replace or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename not in replace and info.filename not in drop:
                new.writestr(info, old.read(info))
        for name, data in replace.items():
            new.writestr(name, data)
    return target


def part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def patched(source: Path, target: Path, name: str, old: bytes, new: bytes) -> Path:
    data = part(source, name)
    assert data.count(old) >= 1, (name, old)
    return rezip(source, target, {name: data.replace(old, new, 1)})


def edited(source: Source, edit: Callable[[Worksheet], object]) -> Path:
    workbook = openpyxl.load_workbook(source.tracker)
    sheet = workbook["Tracker"]
    assert isinstance(sheet, Worksheet)
    edit(sheet)
    target = source.target()
    workbook.save(target)
    return target


def new_row(title: str) -> Callable[[Worksheet], object]:
    return lambda sheet: sheet.append([None, title, None, None, None, "Open"])


def with_new_row_text(source: Source, text: bytes) -> Path:
    """A new row whose title is `text` as written in the sheet's XML (Excel's escapes)."""
    path = edited(source, new_row("PLACEHOLDER-TITLE"))
    return patched(path, source.target("escaped.xlsx"), SHEET, b"PLACEHOLDER-TITLE", text)


def truncated(fraction: float) -> Make:
    def make(source: Source) -> Path:
        data = source.tracker.read_bytes()
        target = source.target()
        target.write_bytes(data[: int(len(data) * fraction)])
        return target

    return make


def written(content: bytes, name: str = "client tracker.xlsx") -> Make:
    def make(source: Source) -> Path:
        target = source.target(name)
        target.write_bytes(content)
        return target

    return make


def random_bytes(source: Source) -> Path:
    data = bytearray(random.Random(9).randbytes(64 * 1024))
    data[:2] = b"\x07\x07"  # neither a zip nor an OLE file by chance
    return written(bytes(data))(source)


def word_document(source: Source) -> Path:
    document = docx.Document()
    document.add_paragraph("Tracker: see the table below")
    target = source.target()
    document.save(str(target))
    return target


def encrypted_workbook(source: Source) -> Path:
    """What Excel writes for a password: an OLE compound file holding EncryptedPackage."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[24:34] = struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
    stream = "EncryptionInfo".encode("utf-16-le") + b"EncryptedPackage" * 64
    return written(bytes(header) + stream + bytes(4096))(source)


def only_content_types(source: Source) -> Path:
    target = source.target()
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr(CONTENT_TYPES, part(source.tracker, CONTENT_TYPES))
    return target


def opendocument(source: Source) -> Path:
    """A LibreOffice .ods renamed .xlsx: a zip, but not Office Open XML."""
    target = source.target()
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return target


def zip_bomb(source: Source) -> Path:
    """A worksheet that unpacks to 210 MB from well under 1 MB on disk."""
    target = rezip(source.tracker, source.target(), drop=(SHEET,))
    row = b'<row r="2"><c r="A2" t="inlineStr"><is><t>A-0001</t></is></c></row>'
    chunk = row * (1024 * 1024 // len(row))
    with (
        zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open(SHEET, "w", force_zip64=True) as sheet,
    ):
        for _ in range(210 * 1024 * 1024 // len(chunk)):
            sheet.write(chunk)
    assert target.stat().st_size < 2 * 1024 * 1024
    return target


def lying_sizes(source: Source) -> Path:
    """The zip's directory says the worksheet is small; its data unpacks to 50 MB."""
    target = rezip(source.tracker, source.target(), drop=(SHEET,))
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(SHEET, b" " * (50 * 1024 * 1024))
    data = bytearray(target.read_bytes())
    name = SHEET.encode()
    for signature, size_at in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        start = 0
        while True:
            start = data.index(signature, start)
            name_at = start + (46 if signature == b"PK\x01\x02" else 30)
            if data[name_at : name_at + len(name)] == name:
                data[start + size_at : start + size_at + 4] = struct.pack("<I", 17_000)
                break
            start += 4
    target.write_bytes(bytes(data))
    return target


def entity_bomb(root: bytes) -> bytes:
    """A "billion laughs" DTD, to go before the root element `root`."""
    entities = [b'<!ENTITY lol "lol">']
    for level in range(1, 10):
        previous = b"&lol;" if level == 1 else b"&lol%d;" % (level - 1)
        entities.append(b'<!ENTITY lol%d "%s">' % (level, previous * 10))
    return b"<!DOCTYPE " + root + b" [" + b"".join(entities) + b"]>"


def laughs_in_sheet(source: Source) -> Path:
    data = part(source.tracker, SHEET)
    data = data.replace(b"<worksheet", entity_bomb(b"worksheet") + b"<worksheet", 1)
    data = data.replace(b"<t>", b"<t>&lol9;", 1)
    return rezip(source.tracker, source.target(), {SHEET: data})


def laughs_in_shared_strings(source: Source) -> Path:
    strings = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        + entity_bomb(b"sst")
        + b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        b'uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    override = (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    types = part(source.tracker, CONTENT_TYPES).replace(b"</Types>", override)
    replace = {CONTENT_TYPES: types, "xl/sharedStrings.xml": strings}
    return rezip(source.tracker, source.target(), replace)


def external_entity(source: Source) -> Path:
    data = part(source.tracker, "xl/workbook.xml")
    xxe = b'<!DOCTYPE workbook [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    data = data.replace(b"<workbook", xxe + b"<workbook", 1)
    return rezip(source.tracker, source.target(), {"xl/workbook.xml": data})


def utf16_doctype(source: Source) -> Path:
    """The DTD hidden in a UTF-16 worksheet (an XML parser accepts that encoding)."""
    text = part(source.tracker, SHEET).decode()
    text = text.replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
    text = text.replace("<worksheet", entity_bomb(b"worksheet").decode() + "<worksheet", 1)
    return rezip(source.tracker, source.target(), {SHEET: text.encode("utf-16")})


def not_well_formed(source: Source) -> Path:
    data = part(source.tracker, SHEET)
    return rezip(source.tracker, source.target(), {SHEET: data[: len(data) // 2]})


def control_character_reference(source: Source) -> Path:
    """A raw control character in the XML (&#7;), which XML 1.0 does not allow."""
    return patched(source.tracker, source.target(), SHEET, b"<t>", b"<t>&#7;")


def renamed_headers(source: Source) -> Path:
    def edit(sheet: Worksheet) -> None:
        sheet["A2"].value = "Ref"
        sheet["F2"].value = "State"

    return edited(source, edit)


def instructions_only(source: Source) -> Path:
    workbook = openpyxl.load_workbook(source.tracker)
    del workbook["Tracker"]
    target = source.target()
    workbook.save(target)
    return target


def look_alike(source: Source) -> Path:
    """A new workbook with the tracker's columns but no pmdesk mark, and others' IDs."""
    tracker = openpyxl.load_workbook(source.tracker)["Tracker"]
    assert isinstance(tracker, Worksheet)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.append([c.value for c in tracker[2]])
    sheet.append(["A-4711", "Order the servers", None, None, None, "Open"])
    target = source.target()
    workbook.save(target)
    return target


def other_projects_tracker(source: Source) -> Path:
    other = Project.create(name="Harbour logistics")
    progress.create_action(other.id, "Agree the cut-over weekend")
    return export_tracker(other.id, source.target(), ExportOptions())


def macro_enabled(source: Source) -> Path:
    types = part(source.tracker, CONTENT_TYPES).replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    replace = {CONTENT_TYPES: types, "xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + bytes(508)}
    return rezip(source.tracker, source.target("client tracker.xlsm"), replace)


def too_many_parts(source: Source) -> Path:
    target = rezip(source.tracker, source.target())
    with zipfile.ZipFile(target, "a") as archive:
        for number in range(xlsx_files.MAX_PARTS):
            archive.writestr(f"xl/media/image{number}.png", b"")
    return target


def formula_status(source: Source) -> Path:
    return edited(source, lambda s: setattr(s["F3"], "value", '=IF(TRUE,"Done","Open")'))


def garbage_date(source: Source) -> Path:
    def edit(sheet: Worksheet) -> None:
        sheet["F3"].value = "Done"
        sheet["G3"].value = "next Tuesday-ish ###"

    return edited(source, edit)


def duplicate_ids(source: Source) -> Path:
    return edited(source, lambda s: setattr(s["A4"], "value", s["A3"].value))


def long_comment(source: Source) -> Path:
    return edited(source, lambda s: setattr(s["I3"], "value", "Noted. " * 1_000))


# -- the corpus ----------------------------------------------------------------------------

FILE = "client tracker.xlsx"
NEW_ROW = ", column B (Step)"

#: (case, how to make the file, where the message points, what it says is wrong)
CORPUS: list[tuple[str, Make, str, str]] = [
    ("random bytes", random_bytes, FILE, "is not an Excel .xlsx workbook"),
    ("empty file", written(b""), FILE, "is not an Excel .xlsx workbook"),
    (
        "CSV renamed .xlsx",
        written(b"ID,Step,Status\nA-0001,Kick-off,Done\n"),
        FILE,
        "is not an Excel .xlsx workbook",
    ),
    (
        "HTML renamed .xlsx",
        written(b"<html><body><table><tr><td>ID</td></tr></table></body></html>"),
        FILE,
        "is not an Excel .xlsx workbook",
    ),
    ("Word document renamed .xlsx", word_document, FILE, "is a Word document"),
    ("password-protected workbook", encrypted_workbook, FILE, "password-protected"),
    ("OpenDocument spreadsheet renamed", opendocument, FILE, "without a workbook part"),
    (
        "zip with only [Content_Types].xml",
        only_content_types,
        FILE,
        "its workbook part xl/workbook.xml is missing",
    ),
    (
        "zip missing xl/workbook.xml",
        lambda s: rezip(s.tracker, s.target(), drop=("xl/workbook.xml",)),
        FILE,
        "its workbook part xl/workbook.xml is missing",
    ),
    ("truncated at 10%", truncated(0.1), FILE, "damaged or incomplete"),
    ("truncated at 50%", truncated(0.5), FILE, "damaged or incomplete"),
    ("truncated at 90%", truncated(0.9), FILE, "damaged or incomplete"),
    ("zip bomb", zip_bomb, FILE, "unpacks to more than 200 MB"),
    ("zip directory lying about sizes", lying_sizes, FILE, "damaged or incomplete"),
    ("too many parts", too_many_parts, FILE, "too many for a tracker"),
    ("entity bomb in the worksheet", laughs_in_sheet, FILE, f"declaration in {SHEET}"),
    (
        "entity bomb in shared strings",
        laughs_in_shared_strings,
        FILE,
        "declaration in xl/sharedStrings.xml",
    ),
    ("entity bomb in a UTF-16 worksheet", utf16_doctype, FILE, f"declaration in {SHEET}"),
    ("external entity", external_entity, FILE, "declaration in xl/workbook.xml"),
    ("worksheet XML not well-formed", not_well_formed, FILE, "cannot be read"),
    ("control character reference in XML", control_character_reference, FILE, "cannot be read"),
    ("header row renamed", renamed_headers, FILE, "not a pmdesk tracker"),
    ("tracker sheet deleted", instructions_only, FILE, "not a pmdesk tracker"),
    (
        "look-alike workbook without the mark",
        look_alike,
        "sheet 'Sheet', row 2, column A (ID)",
        "A-4711 is not a step of this project",
    ),
    ("another project's tracker", other_projects_tracker, FILE, "tracker of another project"),
    ("macro-enabled workbook", macro_enabled, "client tracker.xlsm", "macro-enabled"),
    # A formula is read as the text typed, never evaluated: not a status.
    (
        "status is a formula",
        formula_status,
        "row 3, column F (Status)",
        'unknown value “=IF(TRUE,"Done","Open")”',
    ),
    ("date is text garbage", garbage_date, "row 3, column G (Completed on)", "is not a date"),
    (
        "control character in a new title",
        lambda s: with_new_row_text(s, b"Order_x0007_ servers"),
        NEW_ROW,
        "control character (U+0007)",
    ),
    (
        "NUL in a new title",
        lambda s: with_new_row_text(s, b"Order servers_x0000_"),
        NEW_ROW,
        "control character (U+0000)",
    ),
    (
        "10,000-character title",
        lambda s: edited(s, new_row("Plan " * 2_000)),
        NEW_ROW,
        "is longer than 500 characters",
    ),
    ("duplicate IDs", duplicate_ids, "row 4, column A (ID)", "is also in row 3"),
    (
        "7,000-character comment",
        long_comment,
        "row 3, column I (Client comment)",
        "is longer than 5,000 characters",
    ),
]


@pytest.fixture
def source(database: Path, tmp_path: Path) -> Source:
    project_id = demo_project(Language.EN, today=TODAY)
    tracker = export_tracker(project_id, tmp_path / "tracker.xlsx", ExportOptions())
    folder = tmp_path / "client"
    folder.mkdir()
    return Source(tracker, project_id, folder)


def test_the_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 20
    assert len({case for case, *_ in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize(
    ("make", "where", "what"), [c[1:] for c in CORPUS], ids=[c[0] for c in CORPUS]
)
def test_malformed_tracker_is_refused_and_nothing_changes(
    source: Source, make: Make, where: str, what: str
) -> None:
    path = make(source)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    before = dump()

    with pytest.raises(TrackerProblem) as refused:
        importer.read_tracker(source.project_id, path, TODAY)

    problem = refused.value
    message = str(problem)
    assert where in problem.field and what in problem.message, message
    if where.endswith((".xlsx", ".xlsm")):
        assert problem.field == path.name, "a file-level problem names the file"
    else:
        assert problem.field.startswith("sheet '"), "a cell problem names sheet, row, column"
    assert "\n" not in message and len(message) < 600, "one readable line"
    assert dump() == before
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, "the client's file untouched"


def test_excel_escapes_of_line_breaks_are_text_not_control_characters(source: Source) -> None:
    """Excel writes a Windows line break in a cell as _x000D_ + newline: that is fine."""
    path = with_new_row_text(source, b"Order servers_x000D_\nand racks")
    preview = importer.read_tracker(source.project_id, path, TODAY)
    [step] = preview.new_steps
    assert step.title == "Order servers and racks"
    assert step.status == ActionStatus.OPEN
