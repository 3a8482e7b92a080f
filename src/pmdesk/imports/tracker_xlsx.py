"""Reading back a tracker the client edited (Excel, WPS, LibreOffice): preview, then apply.

`read_tracker` opens the file read-only (never writing to it), matches columns by their
header text in either language and statuses by either language's label, and returns a
preview of every change: status, completion date, client comment, and new rows (no ID)
as new steps. Anything invalid — an unknown status, a bad date, a completion before the
start, an ID that is not a step of this project, a duplicate ID — refuses the whole file
with the sheet, row and column named. `apply_tracker` then writes all of the preview in
one transaction, or nothing.

Only what the instructions sheet says the client may change is imported; other edits
(a step's title, owner, dates) are listed as notices for the PM and left as planned.
Files are bounded: at most `MAX_BYTES` on disk, `MAX_UNPACKED` unpacked and `MAX_ROWS`
rows, so a huge or malicious file is refused instead of filling memory.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel

from pmdesk import backups, db
from pmdesk.db import transaction
from pmdesk.models import (
    ActionItem,
    ActionSource,
    ActionStatus,
    Language,
    Person,
    Priority,
    Project,
)
from pmdesk.services import progress
from pmdesk.services.common import FieldEdit, ValidationProblem, edit_fields, get_or_fail
from pmdesk.services.progress import (
    TRACKER_HEADER_ALIASES,
    TRACKER_HEADERS,
    TRACKER_MARK,
    TRACKER_NAME,
    tracker_id,
)
from pmdesk.services.snapshots import Snapshot, delete_with_snapshot, restore
from pmdesk.vocabulary import label

MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COMMENT = 5_000
MAX_TITLE: int = ActionItem.title.max_length
MAX_PARTS = 10_000
#: Problems listed before giving up on a file (the first is enough to refuse it).
MAX_PROBLEMS = 50
_HEADER_SEARCH_ROWS = 10
_REQUIRED = ("id", "title", "status")
_SCAN_CHUNK = 1024 * 1024
#: No cell the tracker reads holds more (a comment is at most MAX_COMMENT).
_MAX_CELL = 32_767  # Excel's own limit
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
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class TrackerProblem(ValidationProblem):
    """A tracker that cannot be imported; `field` says where (file, or sheet/row/column)."""


class _Invalid(Exception):
    """A row with a problem (already recorded): stop reading that row."""


class TrackerRefused(TrackerProblem):
    """Every problem found in a file; the message is the first, with a count of the rest."""

    def __init__(self, problems: list[TrackerProblem]) -> None:
        first = problems[0]
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(first.field, first.message + more + "; nothing was imported")
        self.problems = problems


@dataclass(frozen=True)
class FieldChange:
    """One field of one existing step the client changed."""

    action_id: int
    title: str
    row: int
    field: str  # "status", "completed_on" or "client_comment"
    old: Any
    new: Any


@dataclass(frozen=True)
class NewStep:
    """A row without an ID: a step the client added."""

    row: int
    title: str
    owner_id: int | None
    owner_name: str
    start_date: dt.date | None
    due_date: dt.date | None
    status: ActionStatus
    completed_on: dt.date | None
    priority: Priority
    client_comment: str


@dataclass
class TrackerPreview:
    """What importing the file would change; nothing is written until `apply_tracker`."""

    project_id: int
    file_name: str
    sheet: str
    changes: list[FieldChange] = field(default_factory=list)
    new_steps: list[NewStep] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.changes and not self.new_steps


@dataclass(frozen=True)
class AppliedImport:
    """What `apply_tracker` wrote: enough to undo it (and redo it)."""

    edits: tuple[FieldEdit, ...]
    created: tuple[int, ...]


# -- reading -----------------------------------------------------------------------------


def read_tracker(project_id: int, path: Path, today: dt.date) -> TrackerPreview:
    """The changes the tracker at `path` holds for project `project_id`.

    Raises TrackerProblem / TrackerRefused naming the file, or sheet, row and column.
    """
    get_or_fail(Project, project_id)
    path = Path(path)
    _check_file(path)
    try:
        # Formulas as formulas, not cached values: a client's formula is refused, not guessed.
        workbook = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # zip, XML and openpyxl errors: all mean "cannot read it"
        raise TrackerProblem(
            path.name,
            "cannot be read as an Excel workbook (damaged, incomplete or not .xlsx): "
            + _shown(str(exc) or type(exc).__name__),
        ) from exc
    try:
        marked = _check_mark(workbook, project_id, path.name)
        return _Reader(project_id, path.name, today).read(workbook, marked)
    except TrackerProblem:
        raise
    except Exception as exc:  # a worksheet is parsed only while its rows are read
        raise TrackerProblem(
            path.name,
            "cannot be read as an Excel workbook (damaged, incomplete or not .xlsx): "
            + _shown(str(exc) or type(exc).__name__),
        ) from exc
    finally:
        workbook.close()


def _check_file(path: Path) -> None:
    name = path.name
    if not path.is_file():
        raise TrackerProblem(name, "no such file" if not path.exists() else "is not a file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise TrackerProblem(
            name, f"is {size / 1024 / 1024:.0f} MB; a tracker may be at most 20 MB"
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise TrackerProblem(
            name,
            "is password-protected or an old .xls file: save it as .xlsx without a password",
        )
    if not head.startswith(b"PK"):
        raise TrackerProblem(name, "is not an Excel .xlsx workbook")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_parts(archive, name)
    except TrackerProblem:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, ValueError) as exc:
        # RuntimeError: an encrypted zip entry; ValueError: an unknown compression method
        raise TrackerProblem(
            name, f"is damaged or incomplete (not a readable .xlsx): {_shown(str(exc))}"
        ) from exc


def _check_parts(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse what must never reach the XML parser: bombs, DTDs, other kinds of Office file.

    Sizes are the ones the zip declares; reading never goes past them (zipfile stops at the
    declared size and checks the CRC), so a lying size only makes the file unreadable.
    """
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise TrackerProblem(name, f"has {len(infos):,} parts; too many for a tracker")
    if sum(info.file_size for info in infos) > MAX_UNPACKED:
        raise TrackerProblem(name, "unpacks to more than 200 MB; too large for a tracker")
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names:
        raise TrackerProblem(name, _NO_WORKBOOK)
    for info in infos:
        xml = info.filename.lower().endswith((".xml", ".rels", ".vml"))
        if xml and _declares_entities(archive, info):
            raise TrackerProblem(
                name,
                f"has a document type or entity declaration in {info.filename} "
                "(Excel never writes one); refused as unsafe",
            )
    with archive.open("[Content_Types].xml") as part:
        types = part.read(_CONTENT_TYPES_LIMIT).replace(b"\0", b"")
    for marker, kind in _OTHER_KINDS.items():
        if marker in types:
            raise TrackerProblem(name, f"is {kind}; save the tracker as an Excel .xlsx workbook")
    if _WORKBOOK_TYPE not in types:
        raise TrackerProblem(name, _NO_WORKBOOK)
    for match in _WORKBOOK_PART.finditer(types):
        part_name = (match.group(1) or match.group(2)).decode("utf-8", "replace")
        if part_name not in names:
            raise TrackerProblem(name, f"is incomplete: its workbook part {part_name} is missing")


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


def _check_mark(workbook: Any, project_id: int, name: str) -> bool:
    """True if the file carries pmdesk's mark; refuse one marked for another project."""
    values = [p.value for p in workbook.custom_doc_props if p.name == TRACKER_MARK]
    defined = workbook.defined_names.get(TRACKER_NAME)
    if defined is not None:
        values.append(defined.attr_text)
    for value in values:
        text = str(value).strip().strip('"=')
        if text != str(project_id):
            raise TrackerProblem(
                name,
                f"is the tracker of another project (id {text}), not of project {project_id}",
            )
    return bool(values)


def _normal(text: Any) -> str:
    return " ".join(str(text).split()).casefold()


_HEADER_KEYS: dict[str, str] = {
    **{_normal(h): key for headers in TRACKER_HEADERS.values() for key, h in headers.items()},
    **{_normal(h): key for h, key in TRACKER_HEADER_ALIASES.items()},
}
_STATUSES: dict[str, ActionStatus] = {
    _normal(text): status
    for status in ActionStatus
    for text in (status.value, *(label(status, lang) for lang in Language))
}
_PRIORITIES: dict[str, Priority] = {
    _normal(text): priority
    for priority in Priority
    for text in (priority.value, *(label(priority, lang) for lang in Language))
}
_ID = re.compile(r"^a-?0*(\d{1,9})$", re.IGNORECASE)
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y年%m月%d日",
    "%d %b %Y",
    "%d %B %Y",
    "%b %d %Y",
    "%B %d %Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%d-%b-%Y",
    "%Y-%m-%d %H:%M:%S",
)


def parse_date(value: Any) -> dt.date | None:
    """A date from a cell: a real date, an Excel serial number, or text in a clear format.

    Raises ValueError for text that is not a date or is ambiguous (11/12/2026).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel's serial numbers for 1900-01-01 to 9999-12-31
            converted = from_excel(value)
            return converted.date() if isinstance(converted, dt.datetime) else None
        raise ValueError(f"{value} is not a date")
    text = " ".join(str(value).replace("\u3000", " ").split())
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"“{_shown(text)}” is not a date (write it as 2026-11-30)")


def _shown(text: str, limit: int = 80) -> str:
    """Text quoted in a message: one line, control characters visible, long text cut."""
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", " ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescaped(text: str) -> str:
    """Excel's escapes of characters XML cannot hold (line1_x000D_, _x0007_) decoded.

    openpyxl leaves them as written; decoded, a control character is seen and refused.
    """
    decoded = _EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return decoded.replace("\r\n", "\n").replace("\r", "\n")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split()) if not isinstance(value, str) else value.strip()


class _Reader:
    """One pass over the tracker sheet, collecting changes and problems."""

    def __init__(self, project_id: int, file_name: str, today: dt.date) -> None:
        self.project_id = project_id
        self.file_name = file_name
        self.today = today
        self.problems: list[TrackerProblem] = []
        self.sheet = ""
        self.columns: dict[str, int] = {}
        self.headers: dict[str, str] = {}

    # -- problems
    def problem(self, row: int, key: str | None, message: str) -> None:
        where = f"sheet '{self.sheet}', row {row}"
        if key is not None:
            letter = get_column_letter(self.columns[key] + 1)
            where += f", column {letter} ({self.headers[key]})"
        self.problems.append(TrackerProblem(where, message))
        if len(self.problems) >= MAX_PROBLEMS:
            raise TrackerRefused(self.problems)

    # -- the sheet
    def read(self, workbook: Any, marked: bool) -> TrackerPreview:
        found = self._find_sheet(workbook)
        if found is None:
            raise TrackerProblem(
                self.file_name,
                "is not a pmdesk tracker: no sheet has the columns ID, Step and Status "
                "(编号、工作事项、状态)",
            )
        sheet, header_row = found
        preview = TrackerPreview(self.project_id, self.file_name, self.sheet)
        if not marked:
            preview.notices.append(
                "The file has no pmdesk mark (it may have been copied into a new workbook); "
                "it was recognised by its columns."
            )
        actions = {a.id: a for a in progress.list_actions(self.project_id)}
        people = {
            _normal(p.name): p for p in Person.select().where(Person.project == self.project_id)
        }
        seen: dict[int, int] = {}
        rows = sheet.iter_rows(min_row=header_row + 1)
        for number, row_cells in enumerate(rows, start=header_row + 1):
            if number - header_row > MAX_ROWS:
                raise TrackerProblem(
                    f"sheet '{self.sheet}'",
                    f"has more than {MAX_ROWS:,} rows; a tracker this large cannot be imported",
                )
            present = {key: row_cells[i] for key, i in self.columns.items() if i < len(row_cells)}
            cells = {key: present[key].value if key in present else None for key in self.columns}
            if all(_text(v) == "" for v in cells.values()):
                continue
            formulas = [key for key, cell in present.items() if cell.data_type == "f"]
            if formulas:
                self.problem(number, formulas[0], "holds a formula: type the value itself")
                continue
            try:
                self._check_text(number, cells)
            except _Invalid:
                continue
            self._row(number, cells, actions, people, seen, preview)
        if self.problems:
            raise TrackerRefused(self.problems)
        return preview

    def _find_sheet(self, workbook: Any) -> tuple[Any, int] | None:
        for sheet in workbook.worksheets:
            rows = sheet.iter_rows(max_row=_HEADER_SEARCH_ROWS, values_only=True)
            for number, values in enumerate(rows, start=1):
                columns: dict[str, int] = {}
                headers: dict[str, str] = {}
                for index, value in enumerate(values):
                    key = _HEADER_KEYS.get(_normal(value)) if value is not None else None
                    if key is not None and key not in columns:
                        columns[key] = index
                        headers[key] = _text(value)
                if all(key in columns for key in _REQUIRED):
                    self.sheet, self.columns, self.headers = sheet.title, columns, headers
                    return sheet, number
        return None

    # -- one row
    def _row(
        self,
        row: int,
        cells: dict[str, Any],
        actions: dict[int, ActionItem],
        people: dict[str, Person],
        seen: dict[int, int],
        preview: TrackerPreview,
    ) -> None:
        try:
            action_id = self._id(row, cells["id"])
            status: ActionStatus | None = self._choice(row, "status", cells, _STATUSES)
            completed = self._date(row, "completed", cells)
            comment = _text(cells.get("comment"))
            if len(comment) > MAX_COMMENT:
                self._refuse(row, "comment", f"is longer than {MAX_COMMENT:,} characters")
            if action_id is None:
                self._new_step(row, cells, people, status, completed, comment, preview)
                return
            if action_id in seen:
                first = seen[action_id]
                self._refuse(row, "id", f"{tracker_id(action_id)} is also in row {first}")
            seen[action_id] = row
            action = actions.get(action_id)
            if action is None:
                self._refuse(row, "id", f"{tracker_id(action_id)} is not a step of this project")
            if status is None:
                self._refuse(row, "status", "is empty: choose a status from the list")
            self._existing(row, action, cells, status, completed, comment, preview)
        except _Invalid:
            return

    def _check_text(self, row: int, cells: dict[str, Any]) -> None:
        """Decode Excel's escapes in place; refuse control characters and overlong text."""
        for key in sorted(cells, key=self.columns.__getitem__):
            value = cells[key]
            if not isinstance(value, str):
                continue
            value = cells[key] = _unescaped(value)
            if len(value) > _MAX_CELL:
                self._refuse(row, key, f"holds {len(value):,} characters; too long for a tracker")
            control = _CONTROL.search(value)
            if control is not None:
                code = f"U+{ord(control.group()):04X}"
                self._refuse(row, key, f"contains a control character ({code}); remove it")

    def _refuse(self, row: int, key: str | None, message: str) -> NoReturn:
        """Record a problem with this row and stop reading the row."""
        self.problem(row, key, message)
        raise _Invalid

    def _id(self, row: int, value: Any) -> int | None:
        """The step id; None for a new row."""
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if number and value > 0 and float(value).is_integer():
            return int(value)
        text = _text(value)
        if text == "":
            return None
        match = _ID.match(text)
        if match:
            return int(match.group(1))
        if text.isdigit():
            return int(text)
        self._refuse(row, "id", f"“{_shown(text)}” is not a tracker ID (like A-0012)")

    def _choice(self, row: int, key: str, cells: dict[str, Any], choices: dict[str, Any]) -> Any:
        text = _text(cells.get(key))
        if text == "":
            return None
        found = choices.get(_normal(text))
        if found is None:
            allowed = "、".join(dict.fromkeys(label(c, Language.ZH_CN) for c in choices.values()))
            english = ", ".join(dict.fromkeys(label(c) for c in choices.values()))
            self._refuse(
                row, key, f"unknown value “{_shown(text)}” (use one of: {english} / {allowed})"
            )
        return found

    def _date(self, row: int, key: str, cells: dict[str, Any]) -> dt.date | None:
        if key not in self.columns:
            return None
        try:
            return parse_date(cells.get(key))
        except ValueError as exc:
            self._refuse(row, key, str(exc))

    def _check_completion(
        self,
        row: int,
        status: ActionStatus,
        completed: dt.date | None,
        start: dt.date | None,
    ) -> None:
        if completed is None:
            return
        if status != ActionStatus.DONE:
            self._refuse(row, "completed", "a completion date needs the status Done")
        if start is not None and completed < start:
            self._refuse(
                row, "completed", f"the completion date {completed} is before the start {start}"
            )
        if completed > self.today:
            self._refuse(row, "completed", f"the completion date {completed} is in the future")

    def _existing(
        self,
        row: int,
        action: ActionItem,
        cells: dict[str, Any],
        status: ActionStatus,
        completed: dt.date | None,
        comment: str,
        preview: TrackerPreview,
    ) -> None:
        if status == ActionStatus.DONE and completed is None:
            completed = action.completed_on or self.today
        self._check_completion(row, status, completed, action.start_date)
        new: dict[str, Any] = {"status": status.value, "completed_on": completed}
        if "comment" in self.columns:
            new["client_comment"] = comment
        for name, value in new.items():
            old = getattr(action, name)
            if value != old:
                preview.changes.append(FieldChange(action.id, action.title, row, name, old, value))
        self._notice_ignored(row, action, cells, preview)

    def _notice_ignored(
        self, row: int, action: ActionItem, cells: dict[str, Any], preview: TrackerPreview
    ) -> None:
        """Edits the instructions say are not imported, listed so the PM can act on them."""
        planned = {
            "title": action.title,
            "owner": action.owner.name if action.owner is not None else "",
            "start": action.start_date,
            "due": action.due_date,
        }
        for key, value in planned.items():
            if key not in self.columns:
                continue
            given: Any = cells.get(key)
            if key in ("start", "due"):
                try:
                    given = parse_date(given)
                except ValueError:
                    given = _text(given)
            else:
                given = " ".join(_text(given).split())
                value = " ".join(str(value).split())
            if given != value:
                preview.notices.append(
                    f"Row {row} ({tracker_id(action.id)}): the {self.headers[key]} differs from "
                    "the plan; not imported (change it in pmdesk if agreed)."
                )

    def _new_step(
        self,
        row: int,
        cells: dict[str, Any],
        people: dict[str, Person],
        status: ActionStatus | None,
        completed: dt.date | None,
        comment: str,
        preview: TrackerPreview,
    ) -> None:
        title = " ".join(_text(cells.get("title")).split())
        if not title:
            self._refuse(row, "title", "a new row (no ID) needs the step's title")
        if len(title) > MAX_TITLE:
            self._refuse(row, "title", f"is longer than {MAX_TITLE:,} characters")
        owner_name = _text(cells.get("owner"))
        owner = people.get(_normal(owner_name)) if owner_name else None
        if owner_name and owner is None:
            self._refuse(row, "owner", f"no one called “{_shown(owner_name)}” in this project")
        start = self._date(row, "start", cells)
        due = self._date(row, "due", cells)
        priority = self._choice(row, "priority", cells, _PRIORITIES)
        if start is not None and due is not None and due < start:
            self._refuse(row, "due", f"the due date {due} is before the start {start}")
        status = status or ActionStatus.OPEN
        if status == ActionStatus.DONE and completed is None:
            completed = self.today
        self._check_completion(row, status, completed, start)
        preview.new_steps.append(
            NewStep(
                row=row,
                title=title,
                owner_id=owner.id if owner is not None else None,
                owner_name=owner.name if owner is not None else "",
                start_date=start,
                due_date=due,
                status=status,
                completed_on=completed,
                priority=Priority(priority or Priority.NORMAL),
                client_comment=comment,
            )
        )


# -- applying ----------------------------------------------------------------------------


def apply_tracker(preview: TrackerPreview) -> AppliedImport:
    """Write every change of the preview in one transaction, or none of them.

    Refuses (TrackerProblem) if a step changed in pmdesk since the preview was read.
    The database is backed up first (see backups): an import is never a one-way door.
    """
    if db.state is not None and db.state.path is not None and not db.state.read_only:
        backups.make_backup("before-import", keep=backups.DEFAULT_KEEP)
    by_action: dict[int, dict[str, Any]] = {}
    for change in preview.changes:
        by_action.setdefault(change.action_id, {})[change.field] = change
    edits: list[FieldEdit] = []
    created: list[int] = []
    with transaction():
        for action_id, fields in by_action.items():
            action = ActionItem.get_or_none(ActionItem.id == action_id)
            if action is None or any(getattr(action, f) != c.old for f, c in fields.items()):
                raise TrackerProblem(
                    tracker_id(action_id),
                    "changed in pmdesk since the preview; read the file again",
                )
            edits.append(edit_fields(ActionItem, action_id, {f: c.new for f, c in fields.items()}))
        for step in preview.new_steps:
            created.append(
                progress.create_action(
                    preview.project_id,
                    step.title,
                    owner_id=step.owner_id,
                    start_date=step.start_date,
                    due_date=step.due_date,
                    status=step.status,
                    completed_on=step.completed_on,
                    priority=step.priority,
                    source=ActionSource.TRACKER,
                    client_comment=step.client_comment,
                ).id
            )
    return AppliedImport(tuple(edits), tuple(created))


def undo_import(applied: AppliedImport) -> list[Snapshot]:
    """Take an applied import back in one transaction; returns what redo needs."""
    with transaction():
        snapshots = [delete_with_snapshot(ActionItem, i) for i in reversed(applied.created)]
        for edit in reversed(applied.edits):
            edit_fields(edit.model, edit.record_id, edit.before, expect_uid=edit.row_uid)
    return snapshots


def redo_import(applied: AppliedImport, snapshots: Iterable[Snapshot]) -> None:
    with transaction():
        for snapshot in snapshots:
            restore(snapshot)
        for edit in applied.edits:
            edit_fields(edit.model, edit.record_id, edit.after, expect_uid=edit.row_uid)


# -- describing --------------------------------------------------------------------------

_FIELD_NAMES = {
    Language.EN: {
        "status": "status",
        "completed_on": "completed on",
        "client_comment": "client comment",
        "new": "new step",
        "empty": "(empty)",
        "owner": "owner",
        "due": "due",
    },
    Language.ZH_CN: {
        "status": "状态",
        "completed_on": "实际完成日期",
        "client_comment": "客户意见",
        "new": "新增工作事项",
        "empty": "（空）",
        "owner": "负责人",
        "due": "计划完成日期",
    },
}


def describe_value(name: str, value: Any, language: Language) -> str:
    if value in (None, ""):
        return _FIELD_NAMES[language]["empty"]
    if name == "status":
        return label(ActionStatus(value), language)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def preview_lines(preview: TrackerPreview, language: Language = Language.EN) -> list[str]:
    """The preview as lines of text (the command line prints them)."""
    words = _FIELD_NAMES[language]
    lines = []
    for c in preview.changes:
        old = describe_value(c.field, c.old, language)
        new = describe_value(c.field, c.new, language)
        lines.append(f"{tracker_id(c.action_id)} {c.title}: {words[c.field]} {old} → {new}")
    for s in preview.new_steps:
        details = [label(s.status, language)]
        if s.owner_name:
            details.append(f"{words['owner']} {s.owner_name}")
        if s.due_date:
            details.append(f"{words['due']} {s.due_date.isoformat()}")
        lines.append(f"+ {words['new']} (row {s.row}): {s.title} ({', '.join(details)})")
    return lines
