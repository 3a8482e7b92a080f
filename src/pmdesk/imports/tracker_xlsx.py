"""Reading back a tracker the client edited (Excel, WPS, LibreOffice): preview, then apply.

`read_tracker` opens the file read-only (never writing to it), matches columns by their
header text in either language and statuses by either language's label, and merges three
ways, like a colleague's edit: the file against the export's baseline (what the client
changed) and pmdesk against the baseline (what the team changed since). The preview
groups the client's changes (imported), the team's newer values (they stay) and true
conflicts, where the PM chooses per cell; new rows (no ID) become new steps, and are
recognised on a later import of the same file (`ActionItem.tracker_origin`). The PM's
choice on a conflict is kept with the step (`ActionItem.tracker_choices`), per export: a
later import of that export (the same file again, or the client's next return of it)
proposes the same choice for the same cell, values and all, and the preview says so. Rows the
client deleted and cell comments are listed with what happens to them. A tracker without
a baseline (from an older pmdesk) is compared with pmdesk directly, with a notice.

Anything invalid — an unknown status, a bad date, a completion before the start, an ID
that is not a step of this project, a duplicate ID — refuses the whole file with the
sheet, row and column named; a step moved back from Done with its date still filled in
only loses the date (a notice says so). `apply_tracker` writes all of the preview in one
transaction, or nothing, after a backup.

Only what the instructions sheet says the client may change is imported; other edits
(a step's title, owner, dates) are listed as notices, old → new, and left as planned. A
formula is read as its text, never evaluated. The file is checked (xlsx_files) before
openpyxl reads it, and at most `MAX_ROWS` rows with values are read, so a huge or
malicious file is refused instead of filling memory. tracker_text words the preview.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel

from pmdesk import backups, db
from pmdesk.db import transaction
from pmdesk.imports.xlsx_files import CONTROL, WorkbookProblem, check_file, has_comments, shown
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
from pmdesk.services.common import FieldEdit, edit_fields, get_or_fail
from pmdesk.services.progress import (
    BASELINE_MARK,
    BASELINE_SHEET,
    TRACKER_HEADER_ALIASES,
    TRACKER_HEADERS,
    TRACKER_MARK,
    TRACKER_NAME,
    tracker_id,
)
from pmdesk.services.snapshots import Snapshot, delete_with_snapshot, restore
from pmdesk.vocabulary import label

MAX_ROWS = 100_000
MAX_COMMENT = 5_000
MAX_TITLE: int = ActionItem.title.max_length
#: Problems listed before giving up on a file (the first is enough to refuse it).
MAX_PROBLEMS = 50
_HEADER_SEARCH_ROWS = 10
_REQUIRED = ("id", "title", "status")
#: No cell the tracker reads holds more (a comment is at most MAX_COMMENT).
_MAX_CELL = 32_767  # Excel's own limit


class TrackerProblem(WorkbookProblem):
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
    """One field of one existing step the client changed: `old` is pmdesk's value now."""

    action_id: int
    number: int
    title: str
    row: int
    field: str  # "status", "completed_on" or "client_comment"
    old: Any
    new: Any


@dataclass
class Conflict:
    """A cell both the client and the team changed since the export, to different values.

    pmdesk's value stays unless the PM takes the client's (`take_client`)."""

    action_id: int
    number: int
    title: str
    row: int
    field: str
    sent: Any  # what the exported file showed
    ours: Any  # pmdesk's value now
    theirs: Any  # the client's value in the file
    take_client: bool = False
    #: When the PM made this choice at an earlier import of the same export (proposed
    #: again as `take_client`); None if it is asked for the first time.
    chosen_on: dt.date | None = None


@dataclass(frozen=True)
class TeamChange:
    """A value changed in pmdesk since the export that the client left alone: it stays."""

    number: int
    title: str
    field: str  # an imported field, or "title", "owner", "start_date", "due_date"
    sent: Any
    now: Any


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
    origin: str = ""  # models.ActionItem.tracker_origin: how a later import knows the row


@dataclass(frozen=True)
class DeletedRow:
    """A step the exported file had and the returned one does not: it stays in pmdesk."""

    number: int
    title: str


@dataclass(frozen=True)
class CellNote:
    """A comment the client attached to a cell: listed for the PM, not imported."""

    row: int
    step: str  # the row's ID, or "" for a new row
    column: str
    author: str
    text: str


@dataclass(frozen=True)
class Notice:
    """Something the PM should know about a row; `describe_notice` words it."""

    kind: str
    row: int = 0
    step: str = ""
    column: str = ""
    title: str = ""
    old: Any = None
    new: Any = None


@dataclass
class TrackerPreview:
    """What importing the file would change; nothing is written until `apply_tracker`.

    `changes`: the client's changes (applied); `kept`: the team's changes since the
    export (they stay); `conflicts`: cells both changed (the PM chooses per cell).
    Without a baseline (a tracker from an older pmdesk) every difference is a change.
    """

    project_id: int
    file_name: str
    sheet: str
    today: dt.date = dt.date.min
    has_baseline: bool = False
    changes: list[FieldChange] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    kept: list[TeamChange] = field(default_factory=list)
    new_steps: list[NewStep] = field(default_factory=list)
    deleted: list[DeletedRow] = field(default_factory=list)
    cell_notes: list[CellNote] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    #: Cells and rows of the file already in pmdesk as the file has them (imported before).
    already: int = 0
    #: The row version of every step the import would write, as read for this preview.
    versions: dict[int, int] = field(default_factory=dict)
    #: The export the file came from (its baseline's token; "" without a baseline).
    export_token: str = ""
    #: The PM's earlier choices, by step id, as stored (kept on apply).
    choices: dict[int, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        """Nothing would change: no change, no new step, and every conflict is one the PM
        decided before to keep pmdesk's value (and still does)."""
        open_conflicts = [c for c in self.conflicts if c.take_client or c.chosen_on is None]
        return not self.changes and not self.new_steps and not open_conflicts

    @property
    def imported_before(self) -> bool:
        """Nothing to change, and the file's changes are in pmdesk already (or were
        decided at an earlier import)."""
        return self.is_empty and (self.already > 0 or bool(self.conflicts))


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
    try:
        check_file(path)
    except WorkbookProblem as problem:
        raise TrackerProblem(problem.field, problem.message) from problem
    try:
        # Formulas as formulas, not cached values: a client's formula is refused, not guessed.
        workbook = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # zip, XML and openpyxl errors: all mean "cannot read it"
        raise TrackerProblem(
            path.name,
            "cannot be read as an Excel workbook (damaged, incomplete or not .xlsx): "
            + shown(str(exc) or type(exc).__name__),
        ) from exc
    reader = _Reader(project_id, path.name, today)
    try:
        marked = _check_mark(workbook, project_id, path.name)
        preview = reader.read(workbook, marked)
        if has_comments(path):
            # Streaming reads skip comments: read the sheet whole, only when it has some.
            full = load_workbook(path, data_only=False)
            reader.read_cell_notes(full[reader.sheet], preview)
        return preview
    except TrackerProblem:
        raise
    except Exception as exc:  # a worksheet is parsed only while its rows are read
        raise TrackerProblem(
            path.name,
            "cannot be read as an Excel workbook (damaged, incomplete or not .xlsx): "
            + shown(str(exc) or type(exc).__name__),
        ) from exc
    finally:
        workbook.close()


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
    raise ValueError(f"“{shown(text)}” is not a date (write it as 2026-11-30)")


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


@dataclass(frozen=True)
class _Sent:
    """One row of the export's baseline: what the file showed of a step."""

    version: int
    values: dict[str, Any]  # the _FIELDS keys and the plan's keys, as _values() gives them


#: Imported fields (the step's field names) and the plan's fields only noticed.
_FIELDS = ("status", "completed_on", "client_comment")
_PLAN = ("title", "owner", "start_date", "due_date")
_PLAN_COLUMNS = {"title": "title", "owner": "owner", "start_date": "start", "due_date": "due"}


def _iso(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def _clean(text: Any) -> str:
    return " ".join(_text(text).split())


def _sent_values(data: dict[str, Any]) -> dict[str, Any]:
    """A baseline's JSON (exports.tracker_xlsx) in the form _step_values gives."""
    return {
        "status": str(data.get("status") or ""),
        "completed_on": _iso(data.get("completed")),
        "client_comment": _text(data.get("comment")),
        "title": _clean(data.get("title")),
        "owner": _clean(data.get("owner")),
        "start_date": _iso(data.get("start")),
        "due_date": _iso(data.get("due")),
    }


def _step_values(action: ActionItem) -> dict[str, Any]:
    return {
        "status": action.status,
        "completed_on": action.completed_on,
        "client_comment": _text(action.client_comment),
        "title": _clean(action.title),
        "owner": _clean(action.owner.name) if action.owner is not None else "",
        "start_date": action.start_date,
        "due_date": action.due_date,
    }


def read_baseline(workbook: Any) -> tuple[str, dict[int, _Sent]] | None:
    """The export's token and its rows by step number; None for a file without one.

    Format 3 (exports.tracker_xlsx): one JSON object cut into cells down column A, the
    columns' keys and a list per step. From earlier pmdesk: format 2, the same cells
    holding a list of [ID, row version, values by key]; format 1, a row per step (ID,
    row version, the values as JSON)."""
    if BASELINE_SHEET not in workbook.sheetnames:
        return None
    rows = workbook[BASELINE_SHEET].iter_rows(values_only=True, max_col=3)
    first = next(rows, None)
    if not first or first[0] != BASELINE_MARK:
        return None
    token = _text(first[1])[:64]
    if len(first) >= 3 and first[2] in (2, 3):
        steps = _joined_baseline(rows, first[2])
    else:
        steps = list(itertools.islice(rows, MAX_ROWS + 1))
    if steps is None or len(steps) > MAX_ROWS:
        return None
    sent: dict[int, _Sent] = {}
    for step in steps:
        if len(step) < 3:
            return None
        step_id, version, data = step[0], step[1], step[2]
        match = _ID.match(_text(step_id))
        try:
            if isinstance(data, str):  # format 1: each row's values as JSON
                data = json.loads(data)
            if match is None or not isinstance(data, dict):
                return None
            sent[int(match.group(1))] = _Sent(int(version), _sent_values(data))
        except (ValueError, TypeError):
            return None  # not what pmdesk wrote: read the file as an old one
    return token, sent


def _joined_baseline(rows: Iterator[tuple[Any, ...]], version: int) -> list[Any] | None:
    """Format 3's or 2's JSON, from its cells, as format 2's list of [ID, row version,
    values by key] (None if it is not one)."""
    pieces = []
    for count, values in enumerate(rows):
        if count > MAX_ROWS:
            return None
        if values and values[0] is not None:
            pieces.append(str(values[0]))
    try:
        joined = json.loads("".join(pieces))
    except ValueError:
        return None
    if version == 3:
        if not isinstance(joined, dict):
            return None
        columns, listed = joined.get("columns"), joined.get("steps")
        if not isinstance(columns, list) or not isinstance(listed, list):
            return None
        if not all(isinstance(s, list) and len(s) == len(columns) + 2 for s in listed):
            return None
        joined = [[s[0], s[1], dict(zip(columns, s[2:], strict=True))] for s in listed]
    if not isinstance(joined, list) or not all(isinstance(s, list) for s in joined):
        return None
    return joined


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
        self.token = ""
        self.sent: dict[int, _Sent] | None = None
        self.row_ids: dict[int, str] = {}
        self.header_row = 1

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
        self.header_row = header_row
        preview = TrackerPreview(self.project_id, self.file_name, self.sheet, self.today)
        if not marked:
            preview.notices.append(Notice("no_mark"))
        baseline = read_baseline(workbook) if marked else None
        if baseline is None:
            preview.notices.append(Notice("no_baseline"))
        else:
            self.token, self.sent = baseline
            preview.has_baseline = True
            preview.export_token = self.token
        actions = {a.number or 0: a for a in progress.list_actions(self.project_id)}
        origins = _origins(actions.values())
        people = {
            _normal(p.name): p for p in Person.select().where(Person.project == self.project_id)
        }
        seen: dict[int, int] = {}
        occurrences: dict[str, int] = {}
        rows = sheet.iter_rows(min_row=header_row + 1)
        filled = 0
        for number, row_cells in enumerate(rows, start=header_row + 1):
            # Calc may save an empty last row (row 1,048,576) after a row was deleted: only
            # rows with values count, and empty ones are passed over quickly.
            if not any(cell.value is not None for cell in row_cells):
                continue
            filled += 1
            if filled > MAX_ROWS:
                raise TrackerProblem(
                    f"sheet '{self.sheet}'",
                    f"has more than {MAX_ROWS:,} rows; a tracker this large cannot be imported",
                )
            present = {key: row_cells[i] for key, i in self.columns.items() if i < len(row_cells)}
            # A formula is read as the text the client typed (openpyxl gives "=…"): it is
            # never evaluated, and is written back as text (exports.cells).
            cells = {key: present[key].value if key in present else None for key in self.columns}
            if all(_text(v) == "" for v in cells.values()):
                continue
            try:
                self._check_text(number, cells)
            except _Invalid:
                continue
            self._row(number, cells, actions, origins, people, seen, occurrences, preview)
        if self.problems:
            raise TrackerRefused(self.problems)
        if self.sent is not None:
            for step_number in self.sent:
                action = actions.get(step_number)
                if step_number not in seen and action is not None:
                    preview.deleted.append(DeletedRow(step_number, action.title))
        return preview

    def read_cell_notes(self, sheet: Any, preview: TrackerPreview) -> None:
        """Comments the client put on cells of the step rows (a full, not streamed, sheet)."""
        names = {index: self.headers.get(key, key) for key, index in self.columns.items()}
        for row in sheet.iter_rows(min_row=self.header_row):
            for cell in row:
                comment = cell.comment
                if comment is None or not str(comment.text or "").strip():
                    continue
                column = names.get(cell.column - 1, get_column_letter(cell.column))
                preview.cell_notes.append(
                    CellNote(
                        cell.row,
                        self.row_ids.get(cell.row, ""),
                        column,
                        shown(str(comment.author or ""), 40),
                        shown(str(comment.text), 300),
                    )
                )

    def _find_sheet(self, workbook: Any) -> tuple[Any, int] | None:
        for sheet in workbook.worksheets:
            if sheet.title == BASELINE_SHEET:
                continue
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
        origins: dict[str, tuple[ActionItem, _Sent]],
        people: dict[str, Person],
        seen: dict[int, int],
        occurrences: dict[str, int],
        preview: TrackerPreview,
    ) -> None:
        try:
            step_number = self._id(row, cells["id"])
            status: ActionStatus | None = self._choice(row, "status", cells, _STATUSES)
            completed = self._date(row, "completed", cells)
            comment = _text(cells.get("comment"))
            if len(comment) > MAX_COMMENT:
                self._refuse(row, "comment", f"is longer than {MAX_COMMENT:,} characters")
            if step_number is None:
                title = _clean(cells.get("title"))
                key = _normal(title)
                occurrences[key] = occurrences.get(key, 0) + 1
                origin = f"{self.token}|{key}|{occurrences[key]}"
                if origin in origins and title:
                    action, sent = origins[origin]
                    self.row_ids[row] = tracker_id(action.number)
                    preview.notices.append(
                        Notice("imported_before", row, tracker_id(action.number), title=title)
                    )
                    preview.already += 1
                    if status is None:
                        self._refuse(row, "status", "is empty: choose a status from the list")
                    self._existing(row, action, cells, status, completed, comment, sent, preview)
                    return
                self._new_step(row, cells, people, status, completed, comment, origin, preview)
                return
            self.row_ids[row] = tracker_id(step_number)
            if step_number in seen:
                first = seen[step_number]
                self._refuse(row, "id", f"{tracker_id(step_number)} is also in row {first}")
            seen[step_number] = row
            found = actions.get(step_number)
            sent_row = self.sent.get(step_number) if self.sent is not None else None
            if found is None and sent_row is not None:
                # Sent to the client, deleted in pmdesk since: nothing to import it into.
                title = _clean(cells.get("title"))
                step = tracker_id(step_number)
                preview.notices.append(Notice("deleted_in_pmdesk", row, step, title=title))
                return
            if found is None:
                self._refuse(row, "id", f"{tracker_id(step_number)} is not a step of this project")
            if status is None:
                self._refuse(row, "status", "is empty: choose a status from the list")
            self._existing(row, found, cells, status, completed, comment, sent_row, preview)
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
            control = CONTROL.search(value)
            if control is not None:
                code = f"U+{ord(control.group()):04X}"
                self._refuse(row, key, f"contains a control character ({code}); remove it")

    def _refuse(self, row: int, key: str | None, message: str) -> NoReturn:
        """Record a problem with this row and stop reading the row."""
        self.problem(row, key, message)
        raise _Invalid

    def _id(self, row: int, value: Any) -> int | None:
        """The step's number in its project; None for a new row."""
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if number and value > 0 and float(value).is_integer() and value < 10**9:
            return int(value)
        text = _text(value)
        if text == "":
            return None
        match = _ID.match(text)
        if match:
            return int(match.group(1))
        self._refuse(row, "id", f"“{shown(text)}” is not a tracker ID (like A-0012)")

    def _choice(self, row: int, key: str, cells: dict[str, Any], choices: dict[str, Any]) -> Any:
        text = _text(cells.get(key))
        if text == "":
            return None
        found = choices.get(_normal(text))
        if found is None:
            allowed = "、".join(dict.fromkeys(label(c, Language.ZH_CN) for c in choices.values()))
            english = ", ".join(dict.fromkeys(label(c) for c in choices.values()))
            self._refuse(
                row, key, f"unknown value “{shown(text)}” (use one of: {english} / {allowed})"
            )
        return found

    def _date(self, row: int, key: str, cells: dict[str, Any]) -> dt.date | None:
        if key not in self.columns:
            return None
        try:
            return parse_date(cells.get(key))
        except ValueError as exc:
            self._refuse(row, key, str(exc))

    def _completion(
        self,
        row: int,
        step: str,
        status: ActionStatus,
        completed: dt.date | None,
        start: dt.date | None,
        preview: TrackerPreview,
    ) -> dt.date | None:
        """The completion date the row means; a date beside another status is cleared."""
        if completed is None:
            return None
        if status != ActionStatus.DONE:
            # A step moved back from Done with its date still filled in: the status wins.
            preview.notices.append(
                Notice("completion_cleared", row, step, old=completed, new=status.value)
            )
            return None
        if start is not None and completed < start:
            self._refuse(
                row, "completed", f"the completion date {completed} is before the start {start}"
            )
        if completed > self.today:
            self._refuse(row, "completed", f"the completion date {completed} is in the future")
        return completed

    def _existing(
        self,
        row: int,
        action: ActionItem,
        cells: dict[str, Any],
        status: ActionStatus,
        completed: dt.date | None,
        comment: str,
        sent: _Sent | None,
        preview: TrackerPreview,
    ) -> None:
        step = tracker_id(action.number)
        if status == ActionStatus.DONE and completed is None:
            was_done = sent is not None and sent.values["completed_on"] is not None
            completed = action.completed_on or (
                sent.values["completed_on"] if sent is not None and was_done else self.today
            )
        completed = self._completion(row, step, status, completed, action.start_date, preview)
        given: dict[str, Any] = {"status": status.value, "completed_on": completed}
        if "comment" in self.columns:
            given["client_comment"] = comment
        given.update(self._plan_values(row, cells))
        now = _step_values(action)
        base = sent.values if sent is not None else None
        number = action.number or 0
        for name in (*_FIELDS, *_PLAN):
            if name not in given:
                continue
            theirs, ours = given[name], now[name]
            sent_value = base[name] if base is not None else ours
            client, team = theirs != sent_value, ours != sent_value
            if client and team and theirs == ours:
                preview.already += 1  # the same change on both sides (imported before)
                continue
            if team and not client:
                preview.kept.append(TeamChange(number, action.title, name, sent_value, ours))
            elif name in _PLAN:
                if client:
                    column = self.headers[_PLAN_COLUMNS[name]]
                    preview.notices.append(
                        Notice("plan_edit", row, step, column, old=ours, new=theirs)
                    )
            elif client and not team:
                preview.changes.append(
                    FieldChange(action.id, number, action.title, row, name, ours, theirs)
                )
                preview.versions[action.id] = action.row_version
            elif client and team:
                conflict = Conflict(
                    action.id, number, action.title, row, name, sent_value, ours, theirs
                )
                stored = stored_choices(action)
                preview.choices[action.id] = stored
                earlier = _earlier_choice(stored, self.token, conflict)
                if earlier is not None:
                    conflict.take_client, conflict.chosen_on = earlier
                preview.conflicts.append(conflict)
                preview.versions[action.id] = action.row_version

    def _plan_values(self, row: int, cells: dict[str, Any]) -> dict[str, Any]:
        """The planned fields as the file has them (for notices; never imported)."""
        values: dict[str, Any] = {}
        for name, key in _PLAN_COLUMNS.items():
            if key not in self.columns:
                continue
            given: Any = cells.get(key)
            if key in ("start", "due"):
                try:
                    given = parse_date(given)
                except ValueError:
                    given = _text(given)
            else:
                given = _clean(given)
            values[name] = given
        return values

    def _new_step(
        self,
        row: int,
        cells: dict[str, Any],
        people: dict[str, Person],
        status: ActionStatus | None,
        completed: dt.date | None,
        comment: str,
        origin: str,
        preview: TrackerPreview,
    ) -> None:
        title = _clean(cells.get("title"))
        if not title:
            self._refuse(row, "title", "a new row (no ID) needs the step's title")
        if len(title) > MAX_TITLE:
            self._refuse(row, "title", f"is longer than {MAX_TITLE:,} characters")
        owner_name = _text(cells.get("owner"))
        owner = people.get(_normal(owner_name)) if owner_name else None
        if owner_name and owner is None:
            self._refuse(row, "owner", f"no one called “{shown(owner_name)}” in this project")
        start = self._date(row, "start", cells)
        due = self._date(row, "due", cells)
        priority = self._choice(row, "priority", cells, _PRIORITIES)
        if start is not None and due is not None and due < start:
            self._refuse(row, "due", f"the due date {due} is before the start {start}")
        status = status or ActionStatus.OPEN
        if status == ActionStatus.DONE and completed is None:
            completed = self.today
        completed = self._completion(row, "", status, completed, start, preview)
        step = NewStep(
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
        values = {
            "status": status.value,
            "completed": completed.isoformat() if completed else None,
            "comment": comment,
            "title": title,
            "owner": step.owner_name,
            "start": start.isoformat() if start else None,
            "due": due.isoformat() if due else None,
        }
        record = {"key": origin, "values": values}
        preview.new_steps.append(
            dataclasses.replace(step, origin=json.dumps(record, ensure_ascii=False))
        )


def _origins(actions: Iterable[ActionItem]) -> dict[str, tuple[ActionItem, _Sent]]:
    """Steps made from a client's new rows, by the row they came from (see NewStep)."""
    found = {}
    for action in actions:
        if not action.tracker_origin:
            continue
        try:
            record = json.loads(action.tracker_origin)
            found[str(record["key"])] = (action, _Sent(0, _sent_values(record["values"])))
        except (ValueError, KeyError, TypeError):
            continue
    return found


# -- the PM's choices ---------------------------------------------------------------------

#: Choices kept per step (the latest; older exports' choices are dropped first).
MAX_CHOICES = 20


def _stored(value: Any) -> Any:
    """A cell value as the choices' JSON keeps it."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value if value is None or isinstance(value, str) else str(value)


def stored_choices(action: ActionItem) -> list[dict[str, Any]]:
    """The step's remembered conflict choices ([] if none or unreadable)."""
    try:
        choices = json.loads(action.tracker_choices or "[]")
    except ValueError:
        return []
    return [c for c in choices if isinstance(c, dict)] if isinstance(choices, list) else []


def _earlier_choice(
    stored: list[dict[str, Any]], token: str, conflict: Conflict
) -> tuple[bool, dt.date] | None:
    """(take_client, when) if the PM decided this very conflict at an earlier import of
    the same export: the same cell with the same client value against the same pmdesk
    value. A changed value on either side is a new question."""
    for choice in stored:
        same = (
            token
            and choice.get("export") == token
            and choice.get("field") == conflict.field
            and choice.get("theirs") == _stored(conflict.theirs)
            and choice.get("ours") == _stored(conflict.ours)
        )
        if same:
            try:
                return bool(choice.get("take")), dt.date.fromisoformat(str(choice.get("on")))
            except ValueError:
                return None
    return None


def _with_choices(preview: TrackerPreview, action_id: int) -> str | None:
    """The step's choices after this import (None if it has no conflict in it)."""
    decided = [c for c in preview.conflicts if c.action_id == action_id]
    if not decided or not preview.export_token:
        return None
    fields = {c.field for c in decided}
    kept = [
        c
        for c in preview.choices.get(action_id, [])
        if not (c.get("export") == preview.export_token and c.get("field") in fields)
    ]
    for conflict in decided:
        earlier = _earlier_choice(
            preview.choices.get(action_id, []), preview.export_token, conflict
        )
        same = earlier is not None and earlier[0] == conflict.take_client
        kept.append(
            {
                "export": preview.export_token,
                "field": conflict.field,
                "theirs": _stored(conflict.theirs),
                "ours": _stored(conflict.ours),
                "take": conflict.take_client,
                "on": (earlier[1] if same and earlier else preview.today).isoformat(),
            }
        )
    return json.dumps(kept[-MAX_CHOICES:], ensure_ascii=False)


# -- applying ----------------------------------------------------------------------------


def apply_tracker(preview: TrackerPreview) -> AppliedImport:
    """Write the client's changes, the conflicts the PM gave to the client, and the new
    steps in one transaction, or none of them.

    Refuses (TrackerProblem) if a step changed in pmdesk since the preview was read.
    The database is backed up first (see backups): an import is never a one-way door.
    """
    if db.state is not None and db.state.path is not None and not db.state.read_only:
        backups.make_backup("before-import", keep=backups.DEFAULT_KEEP)
    by_action: dict[int, dict[str, Any]] = {}
    numbers: dict[int, int] = {}
    for change in preview.changes:
        by_action.setdefault(change.action_id, {})[change.field] = change.new
        numbers[change.action_id] = change.number
    for conflict in preview.conflicts:
        numbers[conflict.action_id] = conflict.number
        if conflict.take_client:
            by_action.setdefault(conflict.action_id, {})[conflict.field] = conflict.theirs
        # The choice goes with the step (undone with the import): asked once per export.
        choices = _with_choices(preview, conflict.action_id)
        if choices is not None:
            by_action.setdefault(conflict.action_id, {})["tracker_choices"] = choices
    edits: list[FieldEdit] = []
    created: list[int] = []
    with transaction():
        for action_id, values in by_action.items():
            action = ActionItem.get_or_none(ActionItem.id == action_id)
            if action is None or action.row_version != preview.versions.get(action_id):
                raise TrackerProblem(
                    tracker_id(numbers[action_id]),
                    "changed in pmdesk since the preview; read the file again",
                )
            status = values.get("status", action.status)
            completed = values.get("completed_on", action.completed_on)
            # Each side's choice may leave a status without its date, or the reverse.
            if "status" not in values and "completed_on" not in values:
                pass  # only the choices are written
            elif status != ActionStatus.DONE and completed is not None:
                values["completed_on"] = None
            elif status == ActionStatus.DONE and completed is None:
                values["completed_on"] = preview.today
            values = {k: v for k, v in values.items() if getattr(action, k) != v}
            if values:
                edits.append(edit_fields(ActionItem, action_id, values))
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
                    tracker_origin=step.origin,
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
