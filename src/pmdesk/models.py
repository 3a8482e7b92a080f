"""Peewee models for everything a PM records: projects, people, meetings, notes, progress.

Enumerations are stored as short English keys (never translated); `vocabulary` turns them
into words for the user. CHECK constraints keep the file valid even if written by
another tool. Every record belongs to a project, directly or through its parent.
"""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from collections import OrderedDict
from enum import StrEnum
from typing import Any

from peewee import (
    SQL,
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    Check,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    NodeList,
    PostgresqlDatabase,
    TextField,
    fn,
)

from pmdesk.languages import Language

database = DatabaseProxy()


class ProjectStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    ON_HOLD = "on_hold"
    CLOSED = "closed"


class Side(StrEnum):
    CLIENT = "client"
    CONSULTANT = "consultant"


class Role(StrEnum):
    CLIENT_LEAD = "client_lead"
    CLIENT_LEADER = "client_leader"
    COOPERATING_STAFF = "cooperating_staff"
    CONSULTANT_PM = "consultant_pm"
    CONSULTANT_MEMBER = "consultant_member"


class Engagement(StrEnum):
    UNAWARE = "unaware"
    RESISTANT = "resistant"
    NEUTRAL = "neutral"
    SUPPORTIVE = "supportive"
    LEADING = "leading"


class CooperationType(StrEnum):
    ACTIVE = "active"
    PASSIVE = "passive"
    ROUTINE = "routine"
    UNCLASSIFIED = "unclassified"


class MeetingKind(StrEnum):
    KICKOFF = "kickoff"
    PROGRESS_REVIEW = "progress_review"
    DELIVERABLE_REVIEW = "deliverable_review"
    ONE_ON_ONE = "one_on_one"
    OTHER = "other"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    HELD = "held"
    MINUTES_SENT = "minutes_sent"
    MINUTES_CONFIRMED = "minutes_confirmed"


class Rsvp(StrEnum):
    INVITED = "invited"
    CONFIRMED = "confirmed"
    ATTENDED = "attended"
    APOLOGIES = "apologies"


class KickoffPurpose(StrEnum):
    """The kickoff's four purposes (METHOD.md §3), in the method's order."""

    KNOW_PROJECT = "know_project"
    KNOW_TEAM = "know_team"
    ATTITUDES = "attitudes"
    VALUED_OUTCOMES = "valued_outcomes"


class PurposeState(StrEnum):
    NOT_YET = "not_yet"
    PARTLY = "partly"
    MET = "met"


class MaterialKind(StrEnum):
    PRESENTATION = "presentation"
    DOCUMENT = "document"
    OTHER = "other"


class MaterialStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    FEEDBACK_RECEIVED = "feedback_received"
    FINAL = "final"


class Phase(StrEnum):
    BEFORE = "before"
    DURING = "during"
    AFTER = "after"


class ChangeField(StrEnum):
    ATTENDEE = "attendee"
    TIME = "time"
    VENUE = "venue"
    AGENDA = "agenda"
    OTHER = "other"


class NoteKind(StrEnum):
    REMARK = "remark"
    OPINION = "opinion"
    IDEA = "idea"
    CONCERN = "concern"
    QUESTION = "question"
    DECISION = "decision"
    VALUED_OUTCOME = "valued_outcome"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"
    CANCELLED = "cancelled"


class ActionSource(StrEnum):
    MANUAL = "manual"
    MEETING = "meeting"
    NOTE = "note"
    LEAD_REQUEST = "lead_request"
    TRACKER = "tracker"


class Priority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


class ReviewKind(StrEnum):
    MILESTONE = "milestone"
    DELIVERABLE = "deliverable"


class ReviewState(StrEnum):
    NOT_SUBMITTED = "not_submitted"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REVISION_REQUESTED = "revision_requested"


class RequestKind(StrEnum):
    OPINION = "opinion"
    QUESTION = "question"


class RequestStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


class EscalationOption(StrEnum):
    """What the method asks the client lead about a passive staff member."""

    INCENTIVE = "incentive"
    REPLACE = "replace"
    SEND_HELP = "send_help"


class LeadDecision(StrEnum):
    PENDING = "pending"
    INCENTIVE = "incentive"
    REPLACE = "replace"
    SEND_HELP = "send_help"
    NO_ACTION = "no_action"


class Cadence(StrEnum):
    """How often a meeting series meets; `manual` is planned by hand each time."""

    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    MANUAL = "manual"


class CarryKind(StrEnum):
    """What a carried-over item is: an open action, an unanswered note, an agenda item."""

    ACTION = "action"
    NOTE = "note"
    AGENDA_ITEM = "agenda_item"


class CarryOutcome(StrEnum):
    """What the PM did with a carried item in the meeting that reviewed it."""

    PENDING = "pending"
    RESOLVED = "resolved"
    KEPT = "kept"
    DROPPED = "dropped"


class DecisionStatus(StrEnum):
    ACTIVE = "active"
    SUPERSEDED = "superseded"
    REVOKED = "revoked"


class TodayMark(StrEnum):
    """What a person did with a Today item (services.today.state)."""

    DONE = "done"
    SNOOZED = "snoozed"
    DISMISSED = "dismissed"


class Approval(StrEnum):
    """The client's answer to one sending of the minutes."""

    PENDING = "pending"
    APPROVED = "approved"
    RETURNED = "returned"


OPEN_ACTION_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED)


def new_row_uid() -> str:
    """A row identity: 128 random bits, as hex."""
    return uuid.uuid4().hex


#: The identity of rows this process created, restored or took snapshots of, by database,
#: table and id: what undo and redo expect to find there (see services.snapshots).
#: Bounded: only the newest rows can still be reached by undo.
_KNOWN_ROWS: OrderedDict[tuple[int, str, Any], str] = OrderedDict()
_KNOWN_ROWS_MAX = 200_000


def remember_row(model: type[Model], record_id: Any, uid: str) -> None:
    key = (id(database.obj), model._meta.table_name, record_id)
    _KNOWN_ROWS[key] = uid
    _KNOWN_ROWS.move_to_end(key)
    if len(_KNOWN_ROWS) > _KNOWN_ROWS_MAX:
        _KNOWN_ROWS.popitem(last=False)


def known_row_uid(model: type[Model], record_id: Any) -> str | None:
    """The identity this process last knew the row by, or None if it never saw it."""
    return _KNOWN_ROWS.get((id(database.obj), model._meta.table_name, record_id))


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def enum_field(enum: type[StrEnum], default: StrEnum | None = None, **kw: Any) -> CharField:
    """A CharField limited to the enum's values; the table gets a CHECK for them too."""
    kw.setdefault("max_length", 32)
    if default is not None:
        kw["default"] = default.value
    return CharField(choices=[(m.value, m.value) for m in enum], **kw)


def _checks(**columns: type[StrEnum]) -> list[SQL | NodeList]:
    """CHECK constraints restricting each named column to its enum's values."""
    out = []
    for column, enum in columns.items():
        values = ", ".join(f"'{m.value}'" for m in enum)
        out.append(Check(f'"{column}" IS NULL OR "{column}" IN ({values})'))
    return out


#: What `not_blank` trims: space, tab, line breaks and the ideographic space, written into
#: the literal itself so the same CHECK reads the same in SQLite and PostgreSQL.
BLANKS = " \t\n\r\u3000"


def not_blank(column: str) -> SQL | NodeList:
    """CHECK that a text column has more than blanks (tabs, line breaks, 　 included)."""
    return Check(f"length(trim(\"{column}\", '{BLANKS}')) > 0")


class _CopiedIntoEachModel:
    """A field of BaseModel's: Peewee deep-copies it into every model class at import.
    A shallow copy is all it needs (nothing in it differs per model until `bind` sets
    the copy's model and name), and a third of this module's import time goes."""

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        return copy.copy(self)


class _RowInteger(_CopiedIntoEachModel, IntegerField):
    pass


class _RowText(_CopiedIntoEachModel, CharField):
    pass


class _RowTime(_CopiedIntoEachModel, DateTimeField):
    pass


class _RowId(_CopiedIntoEachModel, AutoField):
    pass


class BaseModel(Model):
    """Every table carries its row's bookkeeping, kept by the database's triggers.

    `row_version` goes up with every update, so a save based on an older read is caught
    (services.common.EditConflict) instead of silently overwriting a colleague's change;
    `row_changed_by`/`row_changed_at` say who and when. On a team server the triggers fill
    in the database role; in a local file the names stay empty (one user).
    """

    id = _RowId()  # Peewee's own key, declared to be copied cheaply
    # Defaults in the schema too, for rows written by other tools.
    row_version = _RowInteger(default=1, constraints=[SQL("DEFAULT 1")])
    #: Which row this is, never reused (an id is: after a restore or another program's
    #: write, id 5 may be another note). Undo and redo act only on the rows they know.
    row_uid = _RowText(max_length=32, default=new_row_uid, constraints=[SQL("DEFAULT ''")])
    row_created_by = _RowText(max_length=120, default="", constraints=[SQL("DEFAULT ''")])
    row_changed_by = _RowText(max_length=120, default="", constraints=[SQL("DEFAULT ''")])
    row_changed_at = _RowTime(null=True)

    class Meta:
        database = database
        legacy_table_names = False

    def save(self, force_insert: bool = False, only: Any = None) -> Any:
        inserting = force_insert or self.get_id() is None
        saved = super().save(force_insert=force_insert, only=only)
        if inserting and self._meta.primary_key is not False:
            remember_row(type(self), self.get_id(), self.row_uid)
        return saved


class Project(BaseModel):
    id = AutoField()
    name = CharField(max_length=200)
    client_org = CharField(max_length=200, default="")
    code = CharField(max_length=40, default="")
    start_date = DateField(null=True)
    end_date = DateField(null=True)
    status = enum_field(ProjectStatus, ProjectStatus.ACTIVE)
    description = TextField(default="")
    document_language = enum_field(Language, Language.EN, max_length=8)
    created_at = DateTimeField(default=_now)
    #: Archived: kept, but hidden from the project switcher unless asked for.
    archived = BooleanField(default=False, constraints=[SQL("DEFAULT FALSE")])
    #: The weekday the status report goes to the client lead (0 Monday … 6 Sunday);
    #: None: weekly, seven days after the last report (services.today.gatekeeper).
    report_weekday = IntegerField(
        null=True, constraints=[Check("report_weekday IS NULL OR report_weekday BETWEEN 0 AND 6")]
    )

    class Meta:
        constraints = [
            not_blank("name"),
            Check("end_date IS NULL OR start_date IS NULL OR end_date >= start_date"),
            *_checks(status=ProjectStatus, document_language=Language),
        ]


class ScopeItem(BaseModel):
    """One line of the project boundary (守住项目边界): in scope or explicitly out."""

    id = AutoField()
    project = ForeignKeyField(Project, backref="scope_items", on_delete="CASCADE")
    text = TextField()
    in_scope = BooleanField(default=True)
    position = IntegerField(default=0)


class Outcome(BaseModel):
    """An outcome or deliverable the project promises; leaders value some above others."""

    id = AutoField()
    project = ForeignKeyField(Project, backref="outcomes", on_delete="CASCADE")
    title = CharField(max_length=300)
    description = TextField(default="")
    position = IntegerField(default=0)


class Person(BaseModel):
    """Someone on either side. The analysis fields are internal and never leave the team."""

    id = AutoField()
    project = ForeignKeyField(Project, backref="people", on_delete="CASCADE")
    name = CharField(max_length=120)
    side = enum_field(Side, Side.CLIENT)
    role = enum_field(Role, Role.COOPERATING_STAFF)
    org_unit = CharField(max_length=200, default="")
    title = CharField(max_length=200, default="")
    email = CharField(max_length=254, default="")
    phone = CharField(max_length=60, default="")
    #: The order the PM sets within the person's role (0 first: the sponsor before the
    #: other leaders); client documents and the window list people by it. Not analysis:
    #: the order may reach the client, never why.
    seniority = IntegerField(default=0)
    # Internal analysis (client people only).
    engagement_current = enum_field(Engagement, null=True)
    engagement_desired = enum_field(Engagement, null=True)
    influence = IntegerField(default=3)
    interest = IntegerField(default=3)
    cooperation_type = enum_field(CooperationType, CooperationType.UNCLASSIFIED)
    causes = TextField(default="")
    strategy = TextField(default="")
    next_action = TextField(default="")
    # The method's playbook per cooperation type (schema 4).
    cause_factors = TextField(default="")  # JSON list of common-factor keys
    success_factors = TextField(default="")  # active: why so willing, where to carry it over
    coaching_plan = TextField(default="")  # routine: the one-on-one plan
    project_id: int

    class Meta:
        constraints = [
            not_blank("name"),
            Check("influence BETWEEN 1 AND 5"),
            Check("interest BETWEEN 1 AND 5"),
            *_checks(
                side=Side,
                role=Role,
                engagement_current=Engagement,
                engagement_desired=Engagement,
                cooperation_type=CooperationType,
            ),
        ]


class MeetingSeries(BaseModel):
    """Meetings that recur (weekly progress reviews…): cadence, agenda template, invite UID.

    `agenda_template` is a JSON list of {"title": …, "minutes": …}.
    """

    id = AutoField()
    project = ForeignKeyField(Project, backref="series", on_delete="CASCADE")
    title = CharField(max_length=300)
    kind = enum_field(MeetingKind, MeetingKind.PROGRESS_REVIEW)
    cadence = enum_field(Cadence, Cadence.WEEKLY)
    agenda_template = TextField(default="[]")
    ical_uid = CharField(max_length=120, default="")
    created_at = DateTimeField(default=_now)
    project_id: int

    class Meta:
        table_name = "meeting_series"
        constraints = [not_blank("title"), *_checks(kind=MeetingKind, cadence=Cadence)]


class Meeting(BaseModel):
    id = AutoField()
    project = ForeignKeyField(Project, backref="meetings", on_delete="CASCADE")
    kind = enum_field(MeetingKind, MeetingKind.OTHER)
    title = CharField(max_length=300)
    starts_at = DateTimeField(null=True)
    ends_at = DateTimeField(null=True)
    venue = CharField(max_length=300, default="")
    status = enum_field(MeetingStatus, MeetingStatus.PLANNED)
    project_id: int
    time_zone = CharField(max_length=64, default="")  # IANA name; "" = the PM's local zone
    ical_uid = CharField(max_length=120, default="")  # stable, so a new invite updates
    ical_sequence = IntegerField(default=0)
    series = ForeignKeyField(MeetingSeries, null=True, backref="meetings", on_delete="SET NULL")
    series_id: int | None

    class Meta:
        constraints = [
            not_blank("title"),
            Check("ends_at IS NULL OR starts_at IS NULL OR ends_at >= starts_at"),
            *_checks(kind=MeetingKind, status=MeetingStatus),
        ]


class AgendaItem(BaseModel):
    id = AutoField()
    meeting = ForeignKeyField(Meeting, backref="agenda_items", on_delete="CASCADE")
    position = IntegerField(default=0)
    title = CharField(max_length=300)
    presenter = ForeignKeyField(Person, null=True, on_delete="SET NULL")
    minutes_allotted = IntegerField(default=0)
    continue_next_time = BooleanField(default=False)  # carried to the series' next meeting
    seconds_used = IntegerField(default=0)  # the agenda timer's measure (internal)
    meeting_id: int

    class Meta:
        constraints = [Check("minutes_allotted >= 0"), Check("seconds_used >= 0")]


class Attendee(BaseModel):
    """A person's place in a meeting: their responsibility and RSVP."""

    id = AutoField()
    meeting = ForeignKeyField(Meeting, backref="attendees", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="attendances", on_delete="CASCADE")
    responsibility = CharField(max_length=300, default="")
    rsvp = enum_field(Rsvp, Rsvp.INVITED)
    position = IntegerField(default=0)
    person_id: int

    class Meta:
        indexes = ((("meeting", "person"), True),)
        constraints = [*_checks(rsvp=Rsvp)]


class Purpose(BaseModel):
    """One of a kickoff's four purposes with its state and the evidence for it."""

    id = AutoField()
    meeting = ForeignKeyField(Meeting, backref="purposes", on_delete="CASCADE")
    purpose = enum_field(KickoffPurpose)
    state = enum_field(PurposeState, PurposeState.NOT_YET)
    evidence = TextField(default="")

    class Meta:
        indexes = ((("meeting", "purpose"), True),)
        constraints = [*_checks(purpose=KickoffPurpose, state=PurposeState)]


class Attachment(BaseModel):
    """A file kept inside the database, so a material never points at a broken path."""

    id = AutoField()
    file_name = CharField(max_length=255)
    size = IntegerField()
    sha256 = CharField(max_length=64)
    data = BlobField()


class Material(BaseModel):
    id = AutoField()
    project = ForeignKeyField(Project, backref="materials", on_delete="CASCADE")
    meeting = ForeignKeyField(Meeting, null=True, backref="materials", on_delete="SET NULL")
    title = CharField(max_length=300)
    kind = enum_field(MaterialKind, MaterialKind.DOCUMENT)
    attachment = ForeignKeyField(Attachment, null=True, on_delete="SET NULL")
    version = CharField(max_length=40, default="")
    sent_on = DateField(null=True)
    client_feedback = TextField(default="")
    status = enum_field(MaterialStatus, MaterialStatus.DRAFT)

    class Meta:
        constraints = [*_checks(kind=MaterialKind, status=MaterialStatus)]


class ChecklistItem(BaseModel):
    """A preparation step; due either relative to the meeting start or at a fixed time."""

    id = AutoField()
    meeting = ForeignKeyField(Meeting, backref="checklist_items", on_delete="CASCADE")
    phase = enum_field(Phase, Phase.BEFORE)
    position = IntegerField(default=0)
    text = TextField()
    due_offset_minutes = IntegerField(null=True)
    due_at = DateTimeField(null=True)
    done_at = DateTimeField(null=True)

    class Meta:
        constraints = [*_checks(phase=Phase)]


class ChangeRecord(BaseModel):
    """What changed when the arrangements were re-confirmed on site (看是否有变更)."""

    id = AutoField()
    meeting = ForeignKeyField(Meeting, backref="change_records", on_delete="CASCADE")
    changed_at = DateTimeField(default=_now)
    field = enum_field(ChangeField, ChangeField.OTHER)
    description = TextField()
    confirmed_by = ForeignKeyField(Person, null=True, on_delete="SET NULL")

    class Meta:
        constraints = [*_checks(field=ChangeField)]


class Note(BaseModel):
    """One captured remark; `internal` notes never reach a client-facing file."""

    id = AutoField()
    meeting = ForeignKeyField(Meeting, backref="notes", on_delete="CASCADE")
    offset_seconds = IntegerField(default=0)
    speaker = ForeignKeyField(Person, null=True, backref="notes", on_delete="SET NULL")
    kind = enum_field(NoteKind, NoteKind.REMARK)
    text = TextField()
    internal = BooleanField(default=False)
    agenda_item = ForeignKeyField(AgendaItem, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=_now)
    speaker_id: int | None
    meeting_id: int

    class Meta:
        constraints = [Check("offset_seconds >= 0"), *_checks(kind=NoteKind)]


class PurposeNote(BaseModel):
    """A note that is evidence for a kickoff purpose."""

    purpose = ForeignKeyField(Purpose, on_delete="CASCADE")
    note = ForeignKeyField(Note, on_delete="CASCADE")

    class Meta:
        primary_key = False
        indexes = ((("purpose", "note"), True),)


class Assessment(BaseModel):
    """A dated judgement of a person's engagement and cooperation type: the history."""

    id = AutoField()
    person = ForeignKeyField(Person, backref="assessments", on_delete="CASCADE")
    assessed_at = DateTimeField(default=_now)
    engagement = enum_field(Engagement, null=True)
    cooperation_type = enum_field(CooperationType, null=True)
    source = CharField(max_length=300, default="")
    note = ForeignKeyField(Note, null=True, on_delete="SET NULL")
    comment = TextField(default="")
    person_id: int
    note_id: int | None

    class Meta:
        constraints = [*_checks(engagement=Engagement, cooperation_type=CooperationType)]


class LeaderPriority(BaseModel):
    """Which outcome a leader values most (领导最看重的成果), ranked."""

    id = AutoField()
    person = ForeignKeyField(Person, backref="priorities", on_delete="CASCADE")
    outcome = ForeignKeyField(Outcome, backref="priorities", on_delete="CASCADE")
    rank = IntegerField(default=1)
    evidence = TextField(default="")

    class Meta:
        indexes = ((("person", "outcome"), True),)
        constraints = [Check("rank >= 1")]


class LeaderPriorityNote(BaseModel):
    priority = ForeignKeyField(LeaderPriority, on_delete="CASCADE")
    note = ForeignKeyField(Note, on_delete="CASCADE")

    class Meta:
        primary_key = False
        indexes = ((("priority", "note"), True),)


class LeadRequest(BaseModel):
    """An opinion or question the client lead raised (the team-member hat)."""

    id = AutoField()
    project = ForeignKeyField(Project, backref="lead_requests", on_delete="CASCADE")
    raised_on = DateField(default=dt.date.today)
    raised_by = ForeignKeyField(Person, null=True, on_delete="SET NULL")
    kind = enum_field(RequestKind, RequestKind.QUESTION)
    text = TextField()
    owner = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="owned_requests")
    status = enum_field(RequestStatus, RequestStatus.OPEN)
    resolution = TextField(default="")
    resolved_on = DateField(null=True)

    class Meta:
        constraints = [*_checks(kind=RequestKind, status=RequestStatus)]


class ActionItem(BaseModel):
    """A step in the plan with one owner and one deadline (每一个人的时间节点)."""

    id = AutoField()
    project = ForeignKeyField(Project, backref="action_items", on_delete="CASCADE")
    title = CharField(max_length=500)
    owner = ForeignKeyField(Person, null=True, backref="action_items", on_delete="SET NULL")
    start_date = DateField(null=True)
    due_date = DateField(null=True)
    status = enum_field(ActionStatus, ActionStatus.OPEN)
    completed_on = DateField(null=True)
    source = enum_field(ActionSource, ActionSource.MANUAL)
    meeting = ForeignKeyField(Meeting, null=True, on_delete="SET NULL")
    note = ForeignKeyField(Note, null=True, on_delete="SET NULL")
    lead_request = ForeignKeyField(LeadRequest, null=True, on_delete="SET NULL")
    priority = enum_field(Priority, Priority.NORMAL)
    needs_client_assistance = BooleanField(default=False)
    carry_over_count = IntegerField(default=0)
    reminders_sent = IntegerField(default=0)
    notes = TextField(default="")
    client_comment = TextField(default="")
    created_at = DateTimeField(default=_now)
    next_step = TextField(default="")  # the arrangement a report states instead of a name
    #: The step's number in its project, shown as its tracker ID (A-0001 is a project's
    #: first step). Given on insert and never changed: IDs sent to clients stay valid.
    number = IntegerField(null=True)
    #: For a step a client added in a returned tracker: which file row it came from and the
    #: values imported, so a second import of that file recognises the row (JSON; "" if none).
    tracker_origin = TextField(default="")
    #: The PM's choices on cells of this step that the client and pmdesk both changed, per
    #: export of the tracker, so a later import of that export proposes them again (JSON
    #: list, see imports.tracker_xlsx; "" if none).
    tracker_choices = TextField(default="")
    owner_id: int | None
    project_id: int
    meeting_id: int | None
    note_id: int | None

    def save(self, force_insert: bool = False, only: Any = None) -> Any:
        if self.number is None and (force_insert or self.get_id() is None):
            project = self.__data__.get("project")
            if isinstance(database.obj, PostgresqlDatabase):
                # Colleagues adding steps to one project at once take turns (until
                # commit), so each reads the number the other one took. The project's
                # row, not an advisory lock: anyone may hold any of those.
                database.execute_sql(
                    "SELECT 1 FROM public.project WHERE id = %s FOR NO KEY UPDATE", (project,)
                )
            latest = (
                ActionItem.select(fn.MAX(ActionItem.number))
                .where(ActionItem.project == project)
                .scalar()
            )
            self.number = (latest or 0) + 1
        return super().save(force_insert=force_insert, only=only)

    class Meta:
        indexes = ((("project", "number"), True),)
        constraints = [
            not_blank("title"),
            Check("due_date IS NULL OR start_date IS NULL OR due_date >= start_date"),
            Check("carry_over_count >= 0"),
            Check("reminders_sent >= 0"),
            *_checks(status=ActionStatus, source=ActionSource, priority=Priority),
        ]


#: Indexes Today's rules (services.today) read the steps from without their rows, which
#: titles, notes and comments make wide: open steps by date, and each owner's record.
TODAY_STEP_INDEXES: dict[str, tuple[str, ...]] = {
    "action_item_today_by_date": (
        "status",
        "project_id",
        "due_date",
        "owner_id",
        "completed_on",
        "needs_client_assistance",
        "carry_over_count",
    ),
    "action_item_today_by_owner": (
        "owner_id",
        "status",
        "due_date",
        "completed_on",
        "carry_over_count",
        "project_id",
    ),
}
for _name, _columns in TODAY_STEP_INDEXES.items():
    ActionItem.add_index(*(ActionItem._meta.columns[c] for c in _columns), name=_name)


class MilestoneReview(BaseModel):
    """A milestone or deliverable waiting for the client lead's review (the gatekeeper)."""

    id = AutoField()
    project = ForeignKeyField(Project, backref="milestone_reviews", on_delete="CASCADE")
    title = CharField(max_length=300)
    kind = enum_field(ReviewKind, ReviewKind.MILESTONE)
    due_date = DateField(null=True)
    reviewer = ForeignKeyField(Person, null=True, on_delete="SET NULL")
    state = enum_field(ReviewState, ReviewState.NOT_SUBMITTED)
    submitted_on = DateField(null=True)
    reviewed_on = DateField(null=True)
    comment = TextField(default="")

    class Meta:
        constraints = [*_checks(kind=ReviewKind, state=ReviewState)]


class FollowUp(BaseModel):
    """A private follow-up with someone who is late: why, and the new date they agreed."""

    id = AutoField()
    project = ForeignKeyField(Project, backref="follow_ups", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="follow_ups", on_delete="CASCADE")
    action_item = ForeignKeyField(ActionItem, null=True, on_delete="SET NULL")
    follow_up_on = DateField(default=dt.date.today)
    reason = TextField(default="")
    outcome = TextField(default="")
    new_commitment_date = DateField(null=True)
    project_id: int
    person_id: int
    action_item_id: int | None


class MinutesDistribution(BaseModel):
    """One sending of the minutes, the client's reply and the revision decision."""

    id = AutoField()
    meeting = ForeignKeyField(Meeting, backref="distributions", on_delete="CASCADE")
    version = CharField(max_length=40, default="1")
    sent_at = DateTimeField(null=True)
    recipients = TextField(default="")
    client_feedback = TextField(default="")
    revision_needed = BooleanField(null=True)
    revision_items = TextField(default="")
    approval = enum_field(Approval, Approval.PENDING)
    approved_by = CharField(max_length=200, default="")  # may be outside the team
    approved_at = DateTimeField(null=True)
    approval_comments = TextField(default="")
    meeting_id: int

    class Meta:
        constraints = [*_checks(approval=Approval)]


class Decision(BaseModel):
    """The decision log's bookkeeping for a note of kind "decision".

    The entry itself is the note (text, meeting, speaker = who decided); a decision note
    without a row here is active. Linked actions are those created from the note.
    """

    id = AutoField()
    project = ForeignKeyField(Project, on_delete="CASCADE")
    note = ForeignKeyField(Note, unique=True, backref="decision_entries", on_delete="CASCADE")
    status = enum_field(DecisionStatus, DecisionStatus.ACTIVE)
    superseded_by = ForeignKeyField(Note, null=True, backref="supersedes", on_delete="SET NULL")
    decided_by = ForeignKeyField(Person, null=True, on_delete="SET NULL")
    changed_on = DateField(null=True)
    comment = TextField(default="")
    note_id: int
    project_id: int
    superseded_by_id: int | None
    decided_by_id: int | None

    class Meta:
        constraints = [*_checks(status=DecisionStatus)]


class CarryOver(BaseModel):
    """One item in a meeting's "Review of open items", carried from an earlier meeting of
    its series, and what the PM did with it there."""

    id = AutoField()
    project = ForeignKeyField(Project, on_delete="CASCADE")
    meeting = ForeignKeyField(Meeting, backref="carry_overs", on_delete="CASCADE")
    kind = enum_field(CarryKind)
    action_item = ForeignKeyField(ActionItem, null=True, on_delete="CASCADE")
    note = ForeignKeyField(Note, null=True, on_delete="CASCADE")
    agenda_item = ForeignKeyField(AgendaItem, null=True, on_delete="CASCADE")
    from_meeting = ForeignKeyField(Meeting, null=True, on_delete="SET NULL")
    outcome = enum_field(CarryOutcome, CarryOutcome.PENDING)
    position = IntegerField(default=0)
    meeting_id: int
    action_item_id: int | None
    project_id: int
    note_id: int | None
    agenda_item_id: int | None
    from_meeting_id: int | None

    class Meta:
        table_name = "carry_over"
        constraints = [*_checks(kind=CarryKind, outcome=CarryOutcome)]


class StatusReport(BaseModel):
    """A status report for a period: status, problems, help needed (现状、问题、协助)."""

    id = AutoField()
    project = ForeignKeyField(Project, backref="status_reports", on_delete="CASCADE")
    period_start = DateField()
    period_end = DateField()
    status_text = TextField(default="")
    problems_text = TextField(default="")
    help_needed_text = TextField(default="")
    file_name = CharField(max_length=255, default="")
    created_at = DateTimeField(default=_now)
    praise_text = TextField(default="")

    class Meta:
        constraints = [Check("period_end >= period_start")]


class EscalationMemo(BaseModel):
    """Passive staff: a memo to the client lead (incentive? replace? send help?) and the
    lead's decision. Internal: never part of a client-facing file."""

    id = AutoField()
    person = ForeignKeyField(Person, backref="escalations", on_delete="CASCADE")
    written_on = DateField(default=dt.date.today)
    cause = TextField(default="")
    proposal = enum_field(EscalationOption, EscalationOption.SEND_HELP)
    text = TextField(default="")
    sent_on = DateField(null=True)
    decision = enum_field(LeadDecision, LeadDecision.PENDING)
    decided_on = DateField(null=True)
    decision_note = TextField(default="")
    help_action = ForeignKeyField(ActionItem, null=True, on_delete="SET NULL")
    person_id: int
    help_action_id: int | None

    class Meta:
        constraints = [*_checks(proposal=EscalationOption, decision=LeadDecision)]


class CoachingSession(BaseModel):
    """Routine staff: one planned or held one-on-one talk toward active cooperation."""

    id = AutoField()
    person = ForeignKeyField(Person, backref="coaching_sessions", on_delete="CASCADE")
    planned_on = DateField(null=True)
    held_on = DateField(null=True)
    topic = TextField(default="")
    notes = TextField(default="")
    person_id: int


class Draft(BaseModel):
    """Text being typed, saved within a second so a crash loses at most that second.

    `key` names the place ("capture:<meeting id>", "report:<project id>:status"…); a
    draft is deleted once its text is committed.
    """

    id = AutoField()
    key = CharField(max_length=200)
    project = ForeignKeyField(Project, null=True, on_delete="CASCADE")
    text = TextField(default="")
    saved_at = DateTimeField(default=_now)

    class Meta:
        # Each person's own drafts: on a team server `row_created_by` is their role.
        indexes = ((("key", "row_created_by"), True),)


class TodayState(BaseModel):
    """One person's mark on one Today item: done, snoozed until a day, or dismissed.

    `key` is the item's identity (services.today.TodayItem.key). Each person's own, as
    drafts are: on a team server `row_created_by` is their role (in a file it is "").
    """

    id = AutoField()
    key = CharField(max_length=300)
    project = ForeignKeyField(Project, on_delete="CASCADE")
    mark = enum_field(TodayMark)
    until = DateField(null=True)
    reason = TextField(default="")
    marked_at = DateTimeField(default=_now)
    project_id: int

    class Meta:
        indexes = ((("key", "row_created_by"), True),)
        constraints = [*_checks(mark=TodayMark)]


#: Text fields that must not be blank; services trim them and say which one is empty.
REQUIRED_TEXT: dict[type[Model], tuple[str, ...]] = {
    Project: ("name",),
    Person: ("name",),
    Meeting: ("title",),
    ActionItem: ("title",),
}

ALL_MODELS: tuple[type[BaseModel], ...] = (
    Project,
    ScopeItem,
    Outcome,
    Person,
    MeetingSeries,
    Meeting,
    AgendaItem,
    Attendee,
    Purpose,
    Attachment,
    Material,
    ChecklistItem,
    ChangeRecord,
    Note,
    PurposeNote,
    Assessment,
    LeaderPriority,
    LeaderPriorityNote,
    LeadRequest,
    ActionItem,
    MilestoneReview,
    FollowUp,
    MinutesDistribution,
    Decision,
    CarryOver,
    StatusReport,
    EscalationMemo,
    CoachingSession,
    Draft,
    TodayState,
)
