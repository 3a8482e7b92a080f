"""The last gate before a client file is moved into place: nothing internal rides along.

Every client export writes its file to a temporary path; `write_client_file` then reads
back the file's full text — every XML part of a .docx or .xlsx (body, headers, footers,
comments, sheets, shared strings, core, app and custom properties), the decoded parts of
an .eml (attachments included, recursively) and the unfolded, unescaped text of an .ics
— and compares it with the internal texts of its project (services.audience). A hit
refuses the export (nothing is written) and names the record, so the PM can fix it.
"""

from __future__ import annotations

import email
import email.policy
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from pmdesk.exports.files import ExportProblem, write_atomically
from pmdesk.services import audience

#: Parts of an Office file that are not text (images, fonts…) are skipped by suffix.
_XML_SUFFIXES = (".xml", ".rels", ".vml")
#: Bigger parts than this are not read (no legitimate client file has them).
_MAX_PART = 64 * 1024 * 1024


class InternalTextProblem(ExportProblem):
    """A client file would contain internal text; `record` says where it comes from."""

    def __init__(self, record: str, text: str) -> None:
        shown = text if len(text) <= 60 else text[:57] + "…"
        super().__init__(
            f"Not exported: the file would contain internal text from the {record} "
            f"(“{shown}”). Reword or remove it in the client's text, then export again."
        )
        self.record = record
        self.text = text


def _xml_text(data: bytes) -> str:
    """Every text node and attribute value of an XML part, in document order."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return data.decode("utf-8", "replace")
    pieces: list[str] = []
    for element in root.iter():
        pieces.extend(str(value) for value in element.attrib.values())
        if isinstance(element.tag, str) and element.text:
            pieces.append(element.text)
        if element.tail:
            pieces.append(element.tail)
    # Runs of one paragraph are joined without a gap, so "Manu" + "facturing" is found.
    return "".join(pieces)


#: A worksheet's cells: `<row>` and `<c>` carry only references, style numbers and types
#: as attributes; every text a cell holds (inline string, value, formula) is a text node.
_CELLS_START, _CELLS_END = b"<sheetData>", b"</sheetData>"
_TEXT_NODE = re.compile(rb">([^<]+)<")


def _sheet_data_text(cells: bytes) -> str:
    """The text nodes of a worksheet's `<sheetData>`, unescaped, in document order.

    A scan instead of a tree: 10,000 tracker rows are 120,000 elements, and building
    them took as long as writing the file (issue #20)."""
    escaped = b"".join(_TEXT_NODE.findall(cells))
    # Character data with its entities and character references: lxml resolves them.
    return _xml_text(b"<t>" + escaped + b"</t>") if escaped else ""


def _part_text(data: bytes) -> str:
    start = data.find(_CELLS_START)
    end = data.find(_CELLS_END, start)
    if start < 0 or end < 0 or b"<![CDATA[" in data:  # CDATA holds text outside nodes
        return _xml_text(data)
    start += len(_CELLS_START)
    rest = data[:start] + data[end:]  # the sheet without its cells
    return _xml_text(rest) + _sheet_data_text(data[start:end])


def _office_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        texts = []
        for info in archive.infolist():
            if not info.filename.lower().endswith(_XML_SUFFIXES) or info.file_size > _MAX_PART:
                continue
            texts.append(_part_text(archive.read(info)))
    return "\n".join(texts)


def _ics_text(data: bytes) -> str:
    text = data.decode("utf-8", "replace").replace("\r\n", "\n")
    text = text.replace("\n ", "").replace("\n\t", "")  # unfold (RFC 5545 §3.1)
    for escaped, plain in (("\\n", "\n"), ("\\N", "\n"), ("\\,", ","), ("\\;", ";")):
        text = text.replace(escaped, plain)
    return text.replace("\\\\", "\\")


def _eml_text(data: bytes) -> str:
    message = email.message_from_bytes(data, policy=email.policy.default)
    texts = [f"{name}: {value}" for name, value in message.items()]
    for part in message.walk():
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        name = part.get_filename() or ""
        texts.append(name)
        texts.append(file_text(payload, name or part.get_content_type()))
    return "\n".join(texts)


def file_text(data: bytes, name: str) -> str:
    """All the text a client can see (or find) in a file, by its name's suffix."""
    lowered = name.lower()
    if data[:2] == b"PK" and lowered.endswith((".docx", ".xlsx", ".pptx", "document", "sheet")):
        return _office_text(data)
    if data[:2] == b"PK":
        try:
            return _office_text(data)
        except zipfile.BadZipFile:
            pass
    if lowered.endswith(".eml"):
        return _eml_text(data)
    if lowered.endswith((".ics", "calendar")):
        return _ics_text(data)
    return data.decode("utf-8", "replace")


def leaks(text: str, project_id: int) -> list[audience.InternalText]:
    """The project's internal texts of which a fragment occurs in `text`."""
    haystack = audience.squeeze(text)
    allowed = [audience.squeeze(t) for t in audience.client_texts(project_id)]
    found = []
    for internal in audience.internal_texts(project_id):
        for fragment in audience.fragments(internal.text):
            if fragment in haystack and not any(fragment in ok for ok in allowed):
                found.append(internal)
                break
    return found


def check_client_file(path: Path, project_id: int) -> None:
    """Refuse (InternalTextProblem) a client file that holds a project's internal text."""
    data = Path(path).read_bytes()
    found = leaks(file_text(data, Path(path).name), project_id)
    if found:
        raise InternalTextProblem(found[0].record, found[0].text)


def write_client_file(target: Path, write: Callable[[Path], object], project_id: int) -> Path:
    """`files.write_atomically`, with the gate run on the finished temporary file."""

    def write_and_check(temporary: Path) -> None:
        write(temporary)
        check_client_file(temporary, project_id)

    return write_atomically(Path(target), write_and_check)
