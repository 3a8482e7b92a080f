"""Preparing the kickoff (METHOD.md §3): plan it, then edit what hangs off it, with undo.

Every function here is one user action in one transaction. Functions that change
records return what undo needs (a FieldEdit, a Snapshot, old and new positions…); the
matching "apply" function puts either side back.

The meeting invite's SEQUENCE: once an invite was exported (the meeting has an
`ical_uid`), every change here that the invite shows — title, time, time zone, venue,
attendees, agenda — adds one to `ical_sequence` in the same transaction. An undo is a
change too and adds one more: a calendar ignores an update whose SEQUENCE is not higher
than the one it has, so the number only ever goes up. Replies (RSVP) are the attendees'
own and change nothing in the organiser's invite.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peewee import Model

from pmdesk.db import transaction
from pmdesk.models import (
    AgendaItem,
    Attachment,
    Attendee,
    ChangeField,
    ChangeRecord,
    ChecklistItem,
    KickoffPurpose,
    Language,
    Material,
    MaterialKind,
    MaterialStatus,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Note,
    Person,
    Phase,
    Project,
    Purpose,
    PurposeNote,
    Role,
    Rsvp,
    Side,
)
from pmdesk.services import meetings, people
from pmdesk.services.common import (
    Changes,
    FieldEdit,
    ValidationProblem,
    edit_fields,
    get_or_fail,
)
from pmdesk.services.snapshots import Snapshot, delete_with_snapshot, restore
from pmdesk.services.validation import clean_values

_DAY = 24 * 60
#: A file bigger than this would make the database (and its backups) unwieldy.
MAX_FILE_BYTES = 100 * 1024 * 1024
DEFAULT_MINUTES = 120
CLIENT_ROLES = (Role.CLIENT_LEAD, Role.CLIENT_LEADER, Role.COOPERATING_STAFF)
CONSULTANT_ROLES = (Role.CONSULTANT_PM, Role.CONSULTANT_MEMBER)
#: Records kept in an order of their own within their meeting.
Ordered = type[AgendaItem] | type[ChecklistItem] | type[Attendee]
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class StepSeed:
    """A checklist step of the method; `offset` is minutes from the meeting start
    (None: the meeting's end, whatever its length)."""

    phase: Phase
    offset: int | None
    en: str
    zh: str


#: The method's before / during / after steps (METHOD.md §3), seeded into a new kickoff.
METHOD_CHECKLIST: tuple[StepSeed, ...] = (
    StepSeed(
        Phase.BEFORE,
        -10 * _DAY,
        "Agree the attendees, time and division of labour between both sides with the "
        "client's project lead",
        "与客户方项目负责人确定参会人员、时间及双方的分工配合",
    ),
    StepSeed(
        Phase.BEFORE,
        -7 * _DAY,
        "Prepare the materials: the presentation and related documents (earlier work, if any)",
        "准备会议材料：汇报PPT及相关文档（如有前期工作成果，一并准备）",
    ),
    StepSeed(
        Phase.BEFORE,
        -5 * _DAY,
        "Send the electronic copies to the client and ask whether they want to add anything",
        "将材料电子版发给客户，确认客户是否有补充",
    ),
    StepSeed(
        Phase.BEFORE,
        -5 * _DAY,
        "Send the meeting invitation with the agenda to every attendee",
        "向全体参会人员发送会议邀请及议程",
    ),
    StepSeed(
        Phase.BEFORE,
        -1 * _DAY,
        "Arrive on site a day or half a day early; re-confirm everything agreed in person "
        "and record what changed",
        "提前一天或半天到达现场，当面再次确认已商定的各项安排，记录是否有变更",
    ),
    StepSeed(
        Phase.DURING,
        -60,
        "Arrive one hour early, lay out the materials at each seat and get to know the room",
        "提前一小时到场，按座位摆放材料，熟悉会场",
    ),
    StepSeed(
        Phase.DURING,
        0,
        "Have a team member record every leader's remarks, opinions and ideas",
        "安排顾问组成员记录各位领导的发言、意见和想法",
    ),
    StepSeed(
        Phase.DURING,
        None,
        "Watch the client lead's reactions; respond to the leaders' views with the next-step "
        "plan and judge which outcome each leader values most",
        "观察客户负责人的反应，现场回应领导意见并说明下一步工作计划，判断每位领导最看重的成果",
    ),
    StepSeed(
        Phase.AFTER,
        1 * _DAY,
        "Send the minutes to the client and discuss them where needed",
        "向客户发送会议纪要，必要时进行沟通讨论",
    ),
    StepSeed(
        Phase.AFTER,
        3 * _DAY,
        "Confirm whether what the project will implement must be revised",
        "确认项目实施相关内容是否需要修正",
    ),
)

_TITLE = {Language.EN: "Project kickoff: {name}", Language.ZH_CN: "{name}项目启动会"}

#: Fields the invite shows; changing one after the invite went out is a new revision.
_INVITE_FIELDS: dict[type[Model], frozenset[str]] = {
    Meeting: frozenset({"title", "starts_at", "ends_at", "venue", "time_zone"}),
    AgendaItem: frozenset({"title", "presenter", "minutes_allotted", "position"}),
    Attendee: frozenset({"person"}),
}
#: Text that must not be blank, per model (beyond models.REQUIRED_TEXT).
_REQUIRED: dict[type[Model], tuple[str, ...]] = {
    Meeting: ("title",),
    AgendaItem: ("title",),
    ChecklistItem: ("text",),
    Material: ("title",),
    ChangeRecord: ("description",),
    Person: ("name",),
}


# -- time zones -----------------------------------------------------------------------


def system_time_zone() -> str:
    """The computer's IANA time zone name, or "" when it cannot be told (e.g. Windows
    without Qt's help: the UI passes Qt's answer instead)."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    try:
        link = os.readlink("/etc/localtime")
    except OSError:
        link = ""
    if "zoneinfo/" in link:
        candidates.append(link.split("zoneinfo/", 1)[1])
    for name in candidates:
        if name and valid_time_zone(name):
            return name
    return ""


def valid_time_zone(name: str) -> bool:
    if not name or name.startswith(("/", ".")) or ".." in name:
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def check_time_zone(name: str) -> str:
    """The name, stripped, if it is an IANA zone ("" = the PM's local zone)."""
    name = name.strip()
    if name and not valid_time_zone(name):
        raise ValidationProblem(
            "time_zone", f"{name!r} is not a time zone name such as Asia/Shanghai"
        )
    return name


# -- planning the kickoff ---------------------------------------------------------------


def default_title(project: Project, language: Language) -> str:
    """ "Project kickoff: <name>"; in Chinese "<name>项目启动会", without doubling a name
    that already ends in 项目 ("仓储项目" gives 仓储项目启动会, not …项目项目启动会)."""
    name = project.name.strip()
    if language == Language.ZH_CN and name.endswith("项目"):
        name = name[: -len("项目")]
    return _TITLE[language].format(name=name)


def plan_kickoff(
    project_id: int,
    starts_at: dt.datetime,
    *,
    ends_at: dt.datetime | None = None,
    title: str | None = None,
    venue: str = "",
    time_zone: str | None = None,
    language: Language | None = None,
) -> tuple[Meeting, Changes]:
    """Create the project's kickoff: the meeting, its four purposes and the method's
    checklist (in `language`, default the project's document language)."""
    project = get_or_fail(Project, project_id)
    if meetings.kickoff_meeting(project_id) is not None:
        raise ValidationProblem("kind", "this project already has a kickoff meeting")
    language = language or Language(project.document_language)
    starts_at = starts_at.replace(second=0, microsecond=0)
    ends_at = ends_at or starts_at + dt.timedelta(minutes=DEFAULT_MINUTES)
    _check_times(starts_at, ends_at)
    title = (title or default_title(project, language)).strip()
    values = {
        "title": title,
        "venue": venue.strip(),
        "time_zone": check_time_zone(system_time_zone() if time_zone is None else time_zone),
    }
    _check_values(Meeting, values)
    length = int((ends_at - starts_at).total_seconds() // 60)
    with transaction():
        meeting = Meeting.create(
            project=project,
            kind=MeetingKind.KICKOFF,
            starts_at=starts_at,
            ends_at=ends_at,
            status=MeetingStatus.PLANNED,
            **values,
        )
        for purpose in KickoffPurpose:
            Purpose.create(meeting=meeting, purpose=purpose)
        for position, seed in enumerate(METHOD_CHECKLIST):
            ChecklistItem.create(
                meeting=meeting,
                phase=seed.phase,
                position=position,
                text=seed.zh if language == Language.ZH_CN else seed.en,
                due_offset_minutes=length if seed.offset is None else seed.offset,
            )
    return meeting, Changes.of(Meeting, Purpose, ChecklistItem, project_id=project_id)


# -- editing ------------------------------------------------------------------------------


def edit(
    model: type[Model],
    record_id: int,
    values: dict[str, Any],
    *,
    version: int | None = None,
    expect: dict[str, Any] | None = None,
) -> FieldEdit:
    """Change fields of one kickoff record, checked first; undo with `edit(…, before)`.

    `version`: the record's row_version as the user saw it; `expect`: values the fields
    must still hold (undo and redo); see common.edit_fields."""
    values = _check_values(model, dict(values))
    record: Any = get_or_fail(model, record_id)
    if model is Meeting:
        starts = values.get("starts_at", record.starts_at)
        ends = values.get("ends_at", record.ends_at)
        if starts is not None and ends is not None:
            _check_times(starts, ends)
    if model is ChecklistItem:
        offset = values.get("due_offset_minutes", record.due_offset_minutes)
        due_at = values.get("due_at", record.due_at)
        if offset is not None and due_at is not None:
            raise ValidationProblem(
                "due", "a step is due either relative to the start or at a time"
            )
    with transaction():
        change = edit_fields(model, record_id, values, version=version, expect=expect)
        shown = _INVITE_FIELDS.get(model, frozenset()) & values.keys()
        if any(change.before[k] != change.after[k] for k in shown):
            _revise_invite(_meeting_id_of(model, record_id))
    return change


def _check_values(model: type[Model], values: dict[str, Any]) -> dict[str, Any]:
    for name in _REQUIRED.get(model, ()):
        if name in values:
            text = str(values[name] or "").strip()
            if not text:
                raise ValidationProblem(name, "cannot be empty")
            values[name] = text
    if "time_zone" in values:
        values["time_zone"] = check_time_zone(str(values["time_zone"] or ""))
    if "minutes_allotted" in values:
        minutes = values["minutes_allotted"]
        if not isinstance(minutes, int) or not 0 <= minutes <= _DAY:
            raise ValidationProblem("minutes_allotted", "must be a number of minutes (0 to 1440)")
    if model is Person and "email" in values:
        values["email"] = check_email(str(values["email"] or ""))
    return clean_values(model, values, required=_REQUIRED.get(model, ()))


def _check_times(starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    if ends_at < starts_at:
        raise ValidationProblem("ends_at", "the meeting cannot end before it starts")
    if ends_at - starts_at > dt.timedelta(days=1):
        raise ValidationProblem("ends_at", "a meeting is at most one day long")


def check_email(email: str) -> str:
    email = email.strip()
    if email and not _EMAIL.match(email):
        raise ValidationProblem("email", f"{email!r} is not an email address")
    return email


def _meeting_id_of(model: type[Model], record_id: int) -> int:
    if model is Meeting:
        return record_id
    return int(get_or_fail(model, record_id).__data__["meeting"])


def _revise_invite(meeting_id: int) -> None:
    """A change the invite shows: the next invite must carry a higher SEQUENCE."""
    Meeting.update(ical_sequence=Meeting.ical_sequence + 1).where(
        (Meeting.id == meeting_id) & (Meeting.ical_uid != "")
    ).execute()


def _next_position(model: Ordered, **where: Any) -> int:
    query = model.select(model.position)
    for name, value in where.items():
        query = query.where(getattr(model, name) == value)
    positions = [row.position for row in query]
    return max(positions, default=-1) + 1


# -- removing (and putting back) ---------------------------------------------------------


def remove(model: type[Model], record_id: int) -> Snapshot:
    """Delete a kickoff record with what hangs off it; `put_back` undoes it."""
    revises = model in (Attendee, AgendaItem)
    meeting_id = _meeting_id_of(model, record_id) if revises else None
    with transaction():
        snapshot = delete_with_snapshot(model, record_id)
        if meeting_id is not None:
            _revise_invite(meeting_id)
    return snapshot


def put_back(snapshot: Snapshot) -> None:
    """Restore what `remove` deleted, with the same ids."""
    with transaction():
        restore(snapshot)
        if snapshot.model in (Attendee, AgendaItem):
            _revise_invite(_meeting_id_of(snapshot.model, snapshot.record_id))


# -- attendees ----------------------------------------------------------------------------


def add_attendees(
    meeting_id: int, person_ids: Sequence[int], *, rsvp: Rsvp = Rsvp.INVITED
) -> list[int]:
    """Invite people of the project's register; returns the new attendees' ids."""
    meeting = get_or_fail(Meeting, meeting_id)
    created = []
    with transaction():
        for person_id in person_ids:
            person = get_or_fail(Person, person_id)
            if person.__data__["project"] != meeting.project_id:
                raise ValidationProblem("person", f"{person.name} is not on this project")
            if Attendee.get_or_none(meeting=meeting_id, person=person_id) is not None:
                raise ValidationProblem("person", f"{person.name} is already an attendee")
            attendee = Attendee.create(
                meeting=meeting_id,
                person=person_id,
                rsvp=rsvp,
                position=_next_position(Attendee, meeting=meeting_id),
            )
            created.append(attendee.id)
        if created:
            _revise_invite(meeting_id)
    return created


def add_person(
    project_id: int,
    name: str,
    *,
    side: Side,
    role: Role,
    email: str = "",
    org_unit: str = "",
    title: str = "",
) -> Person:
    """A new person in the register (added on the spot while inviting)."""
    get_or_fail(Project, project_id)
    name = name.strip()
    if not name:
        raise ValidationProblem("name", "a person needs a name")
    allowed = CLIENT_ROLES if side == Side.CLIENT else CONSULTANT_ROLES
    if role not in allowed:
        raise ValidationProblem("role", f"{role.value} is not a role on the {side.value} side")
    values = _check_values(
        Person, {"name": name, "email": email, "org_unit": org_unit, "title": title}
    )
    with transaction():
        return Person.create(
            project=project_id,
            side=side,
            role=role,
            seniority=people.next_seniority(project_id),
            **values,
        )


# -- ordering -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Reorder:
    """Positions of some records before and after a move."""

    model: Ordered
    before: dict[int, int]
    after: dict[int, int]


def move(model: Ordered, record_id: int, step: int) -> Reorder | None:
    """Move an agenda item, checklist step or attendee up (-1) or down (+1) among its
    siblings (checklist steps within their phase); None if it is already at the edge."""
    record: Any = get_or_fail(model, record_id)
    siblings = model.select().where(model.meeting == record.__data__["meeting"])
    if model is ChecklistItem:
        siblings = siblings.where(ChecklistItem.phase == record.phase)
    ordered: list[Any] = sorted(siblings, key=lambda r: (r.position, r.id))
    index = [r.id for r in ordered].index(record_id)
    target = index + step
    if not 0 <= target < len(ordered):
        return None
    before = {r.id: r.position for r in ordered}
    ordered.insert(target, ordered.pop(index))
    after = {r.id: position for position, r in enumerate(ordered)}
    reorder = Reorder(model, before, after)
    apply_positions(reorder.model, reorder.after)
    return reorder


def apply_positions(model: Ordered, positions: dict[int, int]) -> None:
    with transaction():
        for record_id, position in positions.items():
            model.update(position=position).where(model.id == record_id).execute()
        if model is AgendaItem and positions:
            _revise_invite(_meeting_id_of(model, next(iter(positions))))


# -- agenda, checklist, change log --------------------------------------------------------


def add_agenda_item(
    meeting_id: int, title: str, *, presenter_id: int | None = None, minutes: int = 0
) -> AgendaItem:
    get_or_fail(Meeting, meeting_id)
    values = _check_values(AgendaItem, {"title": title, "minutes_allotted": minutes})
    with transaction():
        item = AgendaItem.create(
            meeting=meeting_id,
            presenter=presenter_id,
            position=_next_position(AgendaItem, meeting=meeting_id),
            **values,
        )
        _revise_invite(meeting_id)
    return item


def add_checklist_item(
    meeting_id: int,
    phase: Phase,
    text: str,
    *,
    due_offset_minutes: int | None = None,
    due_at: dt.datetime | None = None,
) -> ChecklistItem:
    """A step of the PM's own, due relative to the start, at a fixed time, or open."""
    get_or_fail(Meeting, meeting_id)
    values = _check_values(ChecklistItem, {"text": text})
    if due_offset_minutes is not None and due_at is not None:
        raise ValidationProblem("due", "a step is due either relative to the start or at a time")
    with transaction():
        return ChecklistItem.create(
            meeting=meeting_id,
            phase=phase,
            position=_next_position(ChecklistItem, meeting=meeting_id, phase=phase.value),
            due_offset_minutes=due_offset_minutes,
            due_at=due_at,
            **values,
        )


def log_venue_change(
    meeting_id: int,
    venue: str,
    description: str,
    *,
    confirmed_by_id: int | None = None,
    changed_at: dt.datetime | None = None,
) -> tuple[ChangeRecord, FieldEdit | None]:
    """Record a change of venue and move the meeting there, in one transaction; the
    venue's edit is None when the meeting is already there."""
    meeting = get_or_fail(Meeting, meeting_id)
    with transaction():
        record = add_change(
            meeting_id,
            ChangeField.VENUE,
            description,
            confirmed_by_id=confirmed_by_id,
            changed_at=changed_at,
        )
        moved = None
        if venue.strip() != meeting.venue:
            moved = edit(Meeting, meeting_id, {"venue": venue.strip()})
    return record, moved


def add_change(
    meeting_id: int,
    field: ChangeField,
    description: str,
    *,
    confirmed_by_id: int | None = None,
    changed_at: dt.datetime | None = None,
) -> ChangeRecord:
    """Record what changed at the re-confirmation, when, and who on the client's side
    confirmed it."""
    meeting = get_or_fail(Meeting, meeting_id)
    values = _check_values(ChangeRecord, {"description": description})
    if confirmed_by_id is not None:
        person = get_or_fail(Person, confirmed_by_id)
        if person.__data__["project"] != meeting.project_id:
            raise ValidationProblem("confirmed_by", f"{person.name} is not on this project")
    with transaction():
        return ChangeRecord.create(
            meeting=meeting_id,
            field=field,
            confirmed_by=confirmed_by_id,
            changed_at=(changed_at or dt.datetime.now()).replace(microsecond=0),
            **values,
        )


# -- purposes' evidence -------------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceChange:
    purpose_id: int
    before: tuple[int, ...]
    after: tuple[int, ...]


def set_evidence(purpose_id: int, note_ids: Sequence[int]) -> EvidenceChange:
    """Make exactly these notes (of the project's meetings) the purpose's evidence."""
    purpose = get_or_fail(Purpose, purpose_id)
    project_id = purpose.meeting.project_id
    wanted = tuple(dict.fromkeys(note_ids))
    for note_id in wanted:
        note = get_or_fail(Note, note_id)
        if note.meeting.project_id != project_id:
            raise ValidationProblem("note", f"note {note_id} is from another project")
    before = tuple(
        row.__data__["note"]
        for row in PurposeNote.select(PurposeNote.note).where(PurposeNote.purpose == purpose_id)
    )
    with transaction():
        PurposeNote.delete().where(PurposeNote.purpose == purpose_id).execute()
        for note_id in wanted:
            PurposeNote.create(purpose=purpose_id, note=note_id)
    return EvidenceChange(purpose_id, before, wanted)


# -- materials and their files ------------------------------------------------------------


def add_material(
    meeting_id: int,
    title: str,
    *,
    kind: MaterialKind = MaterialKind.DOCUMENT,
    version: str = "",
    status: MaterialStatus = MaterialStatus.DRAFT,
    sent_on: dt.date | None = None,
    client_feedback: str = "",
) -> Material:
    meeting = get_or_fail(Meeting, meeting_id)
    values = _check_values(
        Material, {"title": title, "version": version, "client_feedback": client_feedback}
    )
    with transaction():
        return Material.create(
            project=meeting.project_id,
            meeting=meeting_id,
            kind=kind,
            status=status,
            sent_on=sent_on,
            **values,
        )


@dataclass(frozen=True)
class FileSwap:
    """A material's file before and after a change, as whole rows (bytes included), so
    undo can put a removed file back with its id."""

    material_id: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def inverse(self) -> FileSwap:
        return FileSwap(self.material_id, self.after, self.before)


def read_file(path: Path) -> tuple[str, bytes]:
    """The file's name and bytes, or a ValidationProblem saying why it cannot be kept."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ValidationProblem(
                "file", f"{path.name} is {size // (1024 * 1024)} MB; at most 100 MB can be kept"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationProblem("file", f"cannot read {path.name}: {exc.strerror or exc}") from exc
    return path.name[:255], data


def attach_file(material_id: int, file_name: str, data: bytes) -> FileSwap:
    """Keep the file's bytes with the project as the material's file (replacing any)."""
    material = get_or_fail(Material, material_id)
    with transaction():
        new = Attachment.create(
            file_name=file_name,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            data=data,
        )
        swap = FileSwap(material_id, _attachment_row(material), dict(new.__data__))
        apply_file_swap(swap)
    return swap


def remove_file(material_id: int) -> FileSwap:
    swap = FileSwap(material_id, _attachment_row(get_or_fail(Material, material_id)), None)
    apply_file_swap(swap)
    return swap


def apply_file_swap(swap: FileSwap) -> None:
    """Give the material the `after` file; a `before` file no material uses goes."""
    with transaction():
        if swap.after is not None:
            Attachment.insert(**swap.after).on_conflict_ignore().execute()
        new_id = swap.after["id"] if swap.after else None
        Material.update(attachment=new_id).where(Material.id == swap.material_id).execute()
        if swap.before is not None and swap.before["id"] != new_id:
            old_id = swap.before["id"]
            if not Material.select().where(Material.attachment == old_id).exists():
                Attachment.delete().where(Attachment.id == old_id).execute()


def _attachment_row(material: Material) -> dict[str, Any] | None:
    attachment_id = material.__data__.get("attachment")
    if attachment_id is None:
        return None
    return dict(Attachment.get_by_id(attachment_id).__data__)


def material_file(material_id: int) -> tuple[str, bytes] | None:
    """The material's file name and bytes, checked against the stored hash."""
    material = get_or_fail(Material, material_id)
    attachment_id = material.__data__.get("attachment")
    if attachment_id is None:
        return None
    attachment = meetings.attachment(attachment_id)
    data = bytes(attachment.data)
    if hashlib.sha256(data).hexdigest() != attachment.sha256:
        raise ValidationProblem("file", f"the stored copy of {attachment.file_name} is damaged")
    return attachment.file_name, data
