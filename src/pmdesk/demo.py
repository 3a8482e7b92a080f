"""The demo project: a complete, realistic consulting project to explore pmdesk with.

`create_demo_project` adds one project, in English or Chinese, with data in every part of
the method: a prepared kickoff (purposes, attendees, agenda, materials, a half-done
checklist, re-confirmation changes), an earlier leadership meeting with the leaders'
notes and priorities, classified stakeholders with their assessment history, and the
day-to-day progress records (actions, reviews, lead requests, follow-ups, a status report).

Dates are relative to `today`, so the demo always looks live. Both languages share one
structure (the `_*` spec tables below: who, when, which state); only the words differ
(`_EN`, `_ZH`), and one builder turns structure plus words into rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, NamedTuple

from pmdesk import db
from pmdesk.models import (
    ActionItem,
    ActionSource,
    ActionStatus,
    AgendaItem,
    Assessment,
    Attendee,
    CarryKind,
    CarryOutcome,
    ChangeField,
    ChangeRecord,
    ChecklistItem,
    CoachingSession,
    CooperationType,
    Engagement,
    EscalationMemo,
    EscalationOption,
    FollowUp,
    KickoffPurpose,
    Language,
    LeadDecision,
    LeaderPriority,
    LeaderPriorityNote,
    LeadRequest,
    Material,
    MaterialKind,
    MaterialStatus,
    Meeting,
    MeetingKind,
    MeetingStatus,
    MilestoneReview,
    MinutesDistribution,
    Note,
    NoteKind,
    Outcome,
    Person,
    Phase,
    Priority,
    Project,
    ProjectStatus,
    Purpose,
    PurposeNote,
    PurposeState,
    RequestKind,
    RequestStatus,
    ReviewKind,
    ReviewState,
    Role,
    Rsvp,
    ScopeItem,
    Side,
    StatusReport,
)
from pmdesk.services import stakeholders


def create_demo_project(language: Language = Language.EN, *, today: dt.date | None = None) -> int:
    """Create the demo project in `language`, dated around `today`; return its id.

    Everything is written in one transaction: on any error nothing is left behind.
    """
    with db.transaction():
        return _Builder(Language(language), today or dt.date.today()).build()


# --- Structure shared by both languages -------------------------------------------------
# Days are relative to today (negative = past) unless a field says otherwise.

# One-letter aliases keep the spec tables readable.
E = Engagement
C = CooperationType


class _PersonSpec(NamedTuple):
    key: str
    role: Role
    influence: int = 3
    interest: int = 3
    engagement: Engagement | None = None
    desired: Engagement | None = None
    cooperation: CooperationType = C.UNCLASSIFIED


_PEOPLE = (
    _PersonSpec("lead", Role.CLIENT_LEAD, 4, 5, E.SUPPORTIVE, E.LEADING),
    _PersonSpec("sponsor", Role.CLIENT_LEADER, 5, 4, E.LEADING, E.LEADING),
    _PersonSpec("cfo", Role.CLIENT_LEADER, 5, 2, E.NEUTRAL, E.SUPPORTIVE),
    _PersonSpec("cio", Role.CLIENT_LEADER, 4, 4, E.SUPPORTIVE, E.SUPPORTIVE),
    _PersonSpec("category_mgr", Role.COOPERATING_STAFF, 2, 5, E.SUPPORTIVE, E.LEADING, C.ACTIVE),
    _PersonSpec("it_analyst", Role.COOPERATING_STAFF, 3, 4, E.SUPPORTIVE, E.SUPPORTIVE, C.ACTIVE),
    _PersonSpec("master_data", Role.COOPERATING_STAFF, 2, 2, E.RESISTANT, E.SUPPORTIVE, C.PASSIVE),
    _PersonSpec("plant_buyer", Role.COOPERATING_STAFF, 4, 1, E.NEUTRAL, E.SUPPORTIVE, C.PASSIVE),
    _PersonSpec("ap_lead", Role.COOPERATING_STAFF, 2, 3, E.NEUTRAL, E.SUPPORTIVE, C.ROUTINE),
    _PersonSpec("warehouse", Role.COOPERATING_STAFF, 1, 2, E.UNAWARE, E.NEUTRAL, C.ROUTINE),
    _PersonSpec("pm", Role.CONSULTANT_PM),
    _PersonSpec("process_consultant", Role.CONSULTANT_MEMBER),
    _PersonSpec("architect", Role.CONSULTANT_MEMBER),
    _PersonSpec("data_consultant", Role.CONSULTANT_MEMBER),
)
_CONSULTANT_ROLES = (Role.CONSULTANT_PM, Role.CONSULTANT_MEMBER)

#: The status report goes to the client lead every Friday (Today's gatekeeper item).
_REPORT_WEEKDAY = 4
#: The project started four weeks ago and runs five months.
_PROJECT_START_DAY = -28
_PROJECT_DAYS = 152

# The leadership alignment meeting (held two weeks ago) and the kickoff (a few days ahead).
_ALIGNMENT_ATTENDEES = ("lead", "sponsor", "cfo", "cio", "pm", "data_consultant")
_ALIGNMENT_AGENDA = (  # key, presenter, minutes
    ("objectives", "pm", 20),
    ("expectations", "lead", 40),
    ("kickoff_plan", "lead", 20),
    ("aob", "sponsor", 10),
)
_KICKOFF_ATTENDEES = (
    ("lead", Rsvp.CONFIRMED),
    ("sponsor", Rsvp.CONFIRMED),
    ("cfo", Rsvp.CONFIRMED),
    ("cio", Rsvp.APOLOGIES),
    ("category_mgr", Rsvp.CONFIRMED),
    ("it_analyst", Rsvp.CONFIRMED),
    ("master_data", Rsvp.INVITED),
    ("plant_buyer", Rsvp.INVITED),
    ("ap_lead", Rsvp.CONFIRMED),
    ("warehouse", Rsvp.CONFIRMED),
    ("pm", Rsvp.CONFIRMED),
    ("process_consultant", Rsvp.CONFIRMED),
    ("architect", Rsvp.CONFIRMED),
    ("data_consultant", Rsvp.CONFIRMED),
)
_KICKOFF_AGENDA = (  # key, presenter, minutes: 120 in all, 09:30-11:30
    ("opening", "sponsor", 10),
    ("introductions", "pm", 15),
    ("plan", "pm", 25),
    ("approach", "architect", 25),
    ("division", "lead", 15),
    ("leaders", "sponsor", 20),
    ("next_steps", "pm", 10),
)


class _NoteSpec(NamedTuple):
    key: str
    speaker: str
    offset_seconds: int
    kind: NoteKind
    internal: bool = False
    agenda: str | None = None


N = NoteKind
_NOTES = (  # at the alignment meeting
    _NoteSpec("sponsor_roadmap", "sponsor", 150, N.REMARK, agenda="objectives"),
    _NoteSpec("sponsor_cycle", "sponsor", 420, N.VALUED_OUTCOME, agenda="expectations"),
    _NoteSpec("cfo_baseline", "cfo", 610, N.CONCERN, agenda="expectations"),
    _NoteSpec("cfo_visibility", "cfo", 790, N.VALUED_OUTCOME, agenda="expectations"),
    _NoteSpec("pm_cfo_sceptical", "pm", 880, N.OPINION, internal=True),
    _NoteSpec("cio_sap", "cio", 1090, N.QUESTION, agenda="expectations"),
    _NoteSpec("cio_middleware", "cio", 1270, N.IDEA, agenda="expectations"),
    _NoteSpec("cio_data", "cio", 1480, N.VALUED_OUTCOME, agenda="expectations"),
    _NoteSpec("lead_onboarding", "lead", 1700, N.OPINION, agenda="expectations"),
    _NoteSpec("cfo_signoff", "cfo", 1960, N.QUESTION, agenda="expectations"),
    _NoteSpec("sponsor_kickoff", "sponsor", 2350, N.DECISION, agenda="kickoff_plan"),
    _NoteSpec("lead_weekly", "lead", 2580, N.DECISION, agenda="kickoff_plan"),
    _NoteSpec("cfo_resource", "cfo", 2790, N.REMARK, agenda="kickoff_plan"),
    _NoteSpec("pm_lead_ally", "pm", 3020, N.OPINION, internal=True),
    _NoteSpec("sponsor_scope", "sponsor", 3300, N.OPINION, agenda="aob"),
    _NoteSpec("sponsor_pilot", "sponsor", 3480, N.IDEA, agenda="aob"),
)
_PURPOSES = (  # purpose, state, evidence notes
    (KickoffPurpose.KNOW_PROJECT, PurposeState.PARTLY, ()),
    (KickoffPurpose.KNOW_TEAM, PurposeState.NOT_YET, ()),
    (KickoffPurpose.ATTITUDES, PurposeState.PARTLY, ("pm_cfo_sceptical", "pm_lead_ally")),
    (
        KickoffPurpose.VALUED_OUTCOMES,
        PurposeState.MET,
        ("sponsor_cycle", "cfo_visibility", "cio_data"),
    ),
)
_MATERIALS = (  # key, kind, version, sent (day), status
    ("deck", MaterialKind.PRESENTATION, "0.9", -5, MaterialStatus.FEEDBACK_RECEIVED),
    ("charter", MaterialKind.DOCUMENT, "1.2", -5, MaterialStatus.SENT),
    ("raci", MaterialKind.DOCUMENT, "0.3", None, MaterialStatus.DRAFT),
)
_DAY = 24 * 60
_CHECKLIST = (  # key, phase, due (minutes from the kickoff start), done (day) or None
    ("agree", Phase.BEFORE, -14 * _DAY, -12),
    ("earlier_work", Phase.BEFORE, -10 * _DAY, -8),
    ("prepare", Phase.BEFORE, -9 * _DAY, -6),
    ("send_copies", Phase.BEFORE, -8 * _DAY, -5),
    ("room", Phase.BEFORE, -7 * _DAY, None),  # overdue
    ("finalise", Phase.BEFORE, -6 * _DAY, None),  # overdue
    ("invite", Phase.BEFORE, -5 * _DAY, -4),
    ("reconfirm", Phase.BEFORE, -1 * _DAY, None),
    ("arrive_early", Phase.DURING, -60, None),
    ("note_taker", Phase.DURING, 0, -4),
    ("respond", Phase.DURING, 90, None),
    ("minutes", Phase.AFTER, 1 * _DAY, None),
    ("revise", Phase.AFTER, 3 * _DAY, None),
)
_CHANGES = (  # key, field, day, hour, minute
    ("venue", ChangeField.VENUE, -2, 11, 5),
    ("attendee", ChangeField.ATTENDEE, -1, 16, 20),
)


class _AssessmentSpec(NamedTuple):
    key: str
    person: str
    day: int | None  # None: at the alignment meeting, from `note`
    engagement: Engagement | None
    cooperation: CooperationType | None = None
    note: str | None = None


_ASSESSMENTS = (  # oldest first; each person's last one matches their current analysis
    _AssessmentSpec("lead_first", "lead", -26, E.SUPPORTIVE),
    _AssessmentSpec("sponsor_alignment", "sponsor", None, E.LEADING, note="sponsor_roadmap"),
    _AssessmentSpec("cfo_alignment", "cfo", None, E.NEUTRAL, note="cfo_baseline"),
    _AssessmentSpec("cio_alignment", "cio", None, E.SUPPORTIVE, note="cio_middleware"),
    _AssessmentSpec("category_mgr_first", "category_mgr", -19, E.SUPPORTIVE, C.ACTIVE),
    _AssessmentSpec("it_analyst_first", "it_analyst", -20, E.NEUTRAL, C.ROUTINE),
    _AssessmentSpec("it_analyst_active", "it_analyst", -9, E.SUPPORTIVE, C.ACTIVE),
    _AssessmentSpec("master_data_first", "master_data", -18, E.NEUTRAL, C.UNCLASSIFIED),
    _AssessmentSpec("master_data_passive", "master_data", -11, E.RESISTANT, C.PASSIVE),
    _AssessmentSpec("plant_buyer_first", "plant_buyer", -15, E.NEUTRAL, C.PASSIVE),
    _AssessmentSpec("ap_lead_first", "ap_lead", -16, E.NEUTRAL, C.ROUTINE),
    _AssessmentSpec("warehouse_first", "warehouse", -10, E.UNAWARE, C.ROUTINE),
)
_PRIORITIES = (  # key, leader, outcome, rank, evidence notes
    ("sponsor_cycle", "sponsor", "cycle", 1, ("sponsor_cycle",)),
    ("sponsor_process", "sponsor", "process", 2, ("sponsor_pilot",)),
    ("cfo_spend", "cfo", "spend", 1, ("cfo_visibility", "cfo_baseline")),
    ("cio_master", "cio", "master", 1, ("cio_data", "cio_middleware")),
)
_REQUESTS = (  # key, raised (day), kind, owner, resolved (day) or None
    ("onboarding_request", -13, RequestKind.OPINION, "process_consultant", -6),
    ("plant_split_request", -10, RequestKind.QUESTION, "pm", -8),
    ("sandbox_request", -3, RequestKind.QUESTION, "architect", None),
    ("slides_request", -2, RequestKind.OPINION, "pm", None),
)


class _ActionSpec(NamedTuple):
    key: str
    owner: str
    start: int
    due: int
    status: ActionStatus
    done: int | None = None
    source: ActionSource = ActionSource.MANUAL
    note: str | None = None  # from the alignment meeting
    request: str | None = None
    priority: Priority = Priority.NORMAL
    assist: bool = False  # needs the client's assistance
    carried: int = 0


A = ActionStatus
S = ActionSource
_ACTIONS = (
    # Done on time.
    _ActionSpec("approval_matrix", "category_mgr", -24, -17, A.DONE, -18, assist=True),
    _ActionSpec("po_data", "it_analyst", -22, -12, A.DONE, -14, priority=Priority.HIGH),
    _ActionSpec("ap_exceptions", "ap_lead", -13, -6, A.DONE, -6, S.MEETING),
    _ActionSpec("asis_maps", "process_consultant", -24, -10, A.DONE, -11),
    _ActionSpec("integration_paper", "architect", -13, -5, A.DONE, -6, S.NOTE, "cio_sap"),
    _ActionSpec("finance_resource", "cfo", -13, -7, A.DONE, -9, S.NOTE, "cfo_resource"),
    _ActionSpec("team_onepager", "data_consultant", -8, -4, A.DONE, -4),
    _ActionSpec(
        "plant_split", "pm", -9, -7, A.DONE, -8, S.LEAD_REQUEST, request="plant_split_request"
    ),
    # Done late.
    _ActionSpec("workshop_slots", "plant_buyer", -13, -8, A.DONE, -5, S.MEETING),
    _ActionSpec("cleansing_rules", "architect", -12, -7, A.DONE, -3),
    # Overdue and still open.
    _ActionSpec(
        "supplier_extract",
        "master_data",
        -22,
        -12,
        A.OPEN,
        priority=Priority.HIGH,
        assist=True,
        carried=3,
    ),
    _ActionSpec(
        "sandbox_access", "cio", -10, -4, A.BLOCKED, priority=Priority.HIGH, assist=True, carried=1
    ),
    _ActionSpec("gr_walkthrough", "warehouse", -10, -3, A.IN_PROGRESS, carried=1),
    _ActionSpec(
        "finalise_pack",
        "pm",
        -6,
        -1,
        A.IN_PROGRESS,
        source=S.LEAD_REQUEST,
        request="slides_request",
        priority=Priority.HIGH,
    ),
    # Still to come.
    _ActionSpec(
        "baseline_workshop",
        "pm",
        -13,
        6,
        A.OPEN,
        None,
        S.NOTE,
        "cfo_baseline",
        priority=Priority.HIGH,
    ),
    _ActionSpec(
        "onboarding_assessment",
        "process_consultant",
        -11,
        9,
        A.IN_PROGRESS,
        source=S.LEAD_REQUEST,
        request="onboarding_request",
    ),
    _ActionSpec("key_users", "sponsor", -12, 7, A.OPEN, source=S.MEETING, assist=True),
    _ActionSpec("approval_workflow", "process_consultant", 4, 20, A.OPEN),
    _ActionSpec(
        "dashboard_mockup", "data_consultant", 3, 17, A.OPEN, None, S.NOTE, "cfo_visibility"
    ),
    # Dropped.
    _ActionSpec("site_visit", "process_consultant", -12, -2, A.CANCELLED, priority=Priority.LOW),
    # The cooperating staff's smaller requests, all done. With the items above, each staff
    # member's on-time record suggests the type they are classified as (see
    # stakeholders.suggest_cooperation_type): active, 3 of 3 on time; routine, 3 of 4
    # (ap_lead: one carry-over) and 3 of 5 (warehouse: the walkthrough, overdue and moved
    # once); passive, 1 of 3 (plant_buyer) and 0 of 4 (master_data: the supplier extract).
    # Listed last so that the earlier actions keep their ids.
    _ActionSpec("category_list", "category_mgr", -16, -11, A.DONE, -12),
    _ActionSpec("threshold_review", "category_mgr", -8, -3, A.DONE, -4),
    _ActionSpec("interface_contacts", "it_analyst", -15, -11, A.DONE, -11),
    # Finished today, ahead of its date, since the last report: Today's praise item.
    _ActionSpec("user_list", "it_analyst", -8, 2, A.DONE, 0),
    _ActionSpec("invoice_approvers", "ap_lead", -16, -11, A.DONE, -11),
    _ActionSpec("invoice_volumes", "ap_lead", -14, -9, A.DONE, -9, carried=1),
    _ActionSpec("gr_volumes", "warehouse", -10, -7, A.DONE, -7),
    _ActionSpec("receiving_staff", "warehouse", -9, -5, A.DONE, -5),
    _ActionSpec("gr_instruction", "warehouse", -8, -2, A.DONE, -2),
    _ActionSpec("workshop_buyers", "plant_buyer", -18, -12, A.DONE, -12, carried=1),
)
_REVIEWS = (  # key, kind, due, state, submitted, reviewed (days)
    ("charter", ReviewKind.DELIVERABLE, -7, ReviewState.APPROVED, -10, -6),
    ("asis_report", ReviewKind.DELIVERABLE, -2, ReviewState.SUBMITTED, -3, None),
    ("kickoff_pack", ReviewKind.DELIVERABLE, 2, ReviewState.REVISION_REQUESTED, -5, -3),
    ("integration_paper", ReviewKind.DELIVERABLE, -3, ReviewState.SUBMITTED, -6, None),
    ("design_signoff", ReviewKind.MILESTONE, 30, ReviewState.NOT_SUBMITTED, None, None),
)
_FOLLOW_UPS = (  # action (its owner is the person), day, new commitment (day)
    ("supplier_extract", -3, 2),
    ("workshop_slots", -7, -5),
)

# The method's playbook per cooperation type (METHOD.md §4).
_CAUSE_FACTORS = {  # the common causes ticked for each staff member
    "category_mgr": ("sees_benefit", "personal_recognition", "leader_backing"),
    "it_analyst": ("sees_benefit", "good_rapport", "clear_instructions"),
    "master_data": ("skills_gap", "change_resistance"),
    "plant_buyer": ("timing_conflict", "leader_priority", "no_incentive"),
    "ap_lead": ("clear_instructions", "workload"),
    "warehouse": ("unclear_role",),
}
_MEMOS = (  # key, person, proposal, written and sent (day), decision, decided (day) or None
    ("plant_buyer", "plant_buyer", EscalationOption.INCENTIVE, -6, LeadDecision.INCENTIVE, -4),
    ("master_data", "master_data", EscalationOption.SEND_HELP, -2, LeadDecision.PENDING, None),
)
_COACHING = (  # key, person, planned (day), held (day) or None
    ("ap_lead_intro", "ap_lead", -9, -9),
    ("ap_lead_exceptions", "ap_lead", 5, None),
    ("warehouse_floor", "warehouse", 6, None),
)


# --- Words ---------------------------------------------------------------------------


class _PersonText(NamedTuple):
    name: str
    org_unit: str
    title: str
    email: str
    phone: str
    causes: str = ""
    strategy: str = ""
    next_action: str = ""


@dataclass(frozen=True)
class _Texts:
    """Everything the demo says, keyed like the spec tables; one instance per language."""

    name: str
    client_org: str
    code: str
    description: str
    scope_in: tuple[str, ...]
    scope_out: tuple[str, ...]
    outcomes: dict[str, tuple[str, str]]  # title, description
    people: dict[str, _PersonText]
    kickoff: tuple[str, str, str]  # title, venue, time zone
    alignment: tuple[str, str]  # title, venue
    kickoff_roles: dict[str, str]
    alignment_roles: dict[str, str]
    kickoff_agenda: dict[str, str]
    alignment_agenda: dict[str, str]
    purposes: dict[KickoffPurpose, str]
    materials: dict[str, tuple[str, str]]  # title, client feedback
    checklist: dict[str, str]
    changes: dict[str, str]
    notes: dict[str, str]
    assessments: dict[str, tuple[str, str]]  # source, comment
    priorities: dict[str, str]
    requests: dict[str, tuple[str, str]]  # text, resolution
    actions: dict[str, tuple[str, str]]  # title, notes
    next_steps: dict[str, str]  # late steps: the arrangement the status report states
    reviews: dict[str, tuple[str, str]]  # title, comment
    follow_ups: dict[str, tuple[str, str]]  # reason, outcome
    minutes_reply: tuple[str, str]  # client feedback, implementation items to revise
    report: tuple[str, str, str]  # status, problems, help needed
    success_factors: dict[str, str]  # active staff: why so willing
    coaching_plans: dict[str, str]  # routine staff: the one-on-one plan
    memo_decisions: dict[str, str]  # the client lead's answer to each escalation memo
    coaching: dict[str, tuple[str, str]]  # topic, notes


_NB = "@northbridge.example.com"
_MA = "@meridian-advisory.example.com"
_EN = _Texts(
    name="Procure-to-Pay Transformation (Phase 1)",
    client_org="Northbridge Manufacturing Group plc",
    code="NMG-P2P-01",
    description=(
        "Replace paper and email approvals with one digital procure-to-pay process across "
        "the Sheffield, Leeds and Derby plants, integrated with SAP ECC: online requisitions "
        "and approvals, clean supplier master data and monthly spend visibility. Phase 1 "
        "runs for five months from contract signature."
    ),
    scope_in=(
        "Digital requisition, purchase order, goods receipt and invoice matching for direct "
        "and indirect materials",
        "Approval workflow and delegation-of-authority matrix",
        "SAP ECC interfaces for purchase orders, goods receipts and invoices",
        "Cleansing of active supplier master data (suppliers used in the last 24 months)",
        "Spend analytics dashboard by category, supplier and plant",
        "Key-user training and handover to Northbridge Group IT",
    ),
    scope_out=(
        "Supplier self-service onboarding portal (phase 2 list)",
        "Accounts payable automation and e-invoicing",
        "The Wrocław plant in Poland",
    ),
    outcomes={
        "cycle": (
            "Requisition-to-PO cycle time cut from 9 days to 3",
            "Measured monthly across the three plants once online approvals are live.",
        ),
        "spend": (
            "Monthly spend visibility by category, supplier and plant",
            "One dashboard reconciled to the Finance ledger, used at the monthly business review.",
        ),
        "master": (
            "Clean supplier master data integrated with SAP",
            "Active suppliers cleansed once; every new supplier or change goes through one "
            "online workflow.",
        ),
        "process": (
            "One standard purchasing process and approval matrix for all three plants",
            "Same steps, thresholds and approvers in Sheffield, Leeds and Derby.",
        ),
        "handover": (
            "Key users able to run and support the platform",
            "Key users trained in every plant; support handover pack accepted by Group IT.",
        ),
    },
    people={
        "lead": _PersonText(
            "Sarah Mitchell",
            "Group Procurement",
            "Head of Procurement Transformation",
            "sarah.mitchell" + _NB,
            "+44 7700 900101",
            "Championed the business case; the roll-out is in her annual objectives.",
            "Brief her before every leader touchpoint; report status, problems and help "
            "needed every Friday.",
            "Walk her through the final kickoff deck the day before.",
        ),
        "sponsor": _PersonText(
            "David Harrington",
            "Executive Board",
            "Chief Operating Officer (project sponsor)",
            "david.harrington" + _NB,
            "+44 7700 900102",
            "Committed the programme to the board; wants results this financial year.",
            "Show cycle-time progress early; use him to settle cross-plant decisions.",
            "Send him three talking points for his opening address.",
        ),
        "cfo": _PersonText(
            "Helen Brooks",
            "Finance",
            "Chief Financial Officer",
            "helen.brooks" + _NB,
            "+44 7700 900103",
            "Two earlier system projects overran and never proved their savings.",
            "Agree the savings baseline with Finance before any benefit is claimed; show her "
            "the spend dashboard first.",
            "One-on-one before the kickoff to walk through the baseline method.",
        ),
        "cio": _PersonText(
            "Rajesh Patel",
            "Group IT",
            "Chief Information Officer",
            "rajesh.patel" + _NB,
            "+44 7700 900104",
            "Wants no more spreadsheets outside SAP; S/4HANA migration planned in two years.",
            "Involve his architects in the integration design; reuse the HR middleware.",
            "Brief him after the kickoff, which he cannot attend.",
        ),
        "category_mgr": _PersonText(
            "Tom Wilson",
            "Group Procurement",
            "Category Manager, Direct Materials",
            "tom.wilson" + _NB,
            "+44 7700 900111",
            "Chases manual approvals every week and sees the project as the end of it; "
            "recognised by Sarah for his input.",
            "Praise him by name in the weekly report; ask him to show the plants the new "
            "approval matrix.",
            "Invite him to co-present the future-state workflow.",
        ),
        "it_analyst": _PersonText(
            "Priya Shah",
            "Group IT",
            "SAP Business Analyst",
            "priya.shah" + _NB,
            "+44 7700 900112",
            "Worked by the book at first; became active once the team helped with her PO "
            "extract and she saw her data in the dashboard mock-up.",
            "Keep showing her the impact of her work; carry these factors over to the data owners.",
            "Pair her with Mark Davies on the supplier extract on Thursday.",
        ),
        "master_data": _PersonText(
            "Mark Davies",
            "Group Procurement",
            "Supplier Master Data Coordinator",
            "mark.davies" + _NB,
            "+44 7700 900113",
            "Worried the cleansing will expose years of duplicate suppliers; has no SAP "
            "extraction rights and did not say so.",
            "Feed the access issue back to Sarah; send Priya to help at key steps instead of "
            "chasing him in public.",
            "Confirm his SAP access request with IT.",
        ),
        "plant_buyer": _PersonText(
            "Gary Thompson",
            "Sheffield Plant, Purchasing",
            "Plant Purchasing Supervisor",
            "gary.thompson" + _NB,
            "+44 7700 900114",
            "Plant month-end clashes with the workshops; sees the project as head office's.",
            "Ask Sarah whether plant objectives can include the roll-out; keep workshops "
            "away from month-end.",
            "Send him the workshop calendar a week ahead.",
        ),
        "ap_lead": _PersonText(
            "Emma Clarke",
            "Finance Shared Services",
            "Accounts Payable Supervisor",
            "emma.clarke" + _NB,
            "+44 7700 900115",
            "Does exactly what is asked, on time, and waits for the next instruction.",
            "One-on-one coaching: show how invoice matching cuts her team's exceptions; "
            "give her ownership of the AP test cases.",
            "30-minute one-on-one on invoice exceptions after the kickoff.",
        ),
        "warehouse": _PersonText(
            "Lucy Evans",
            "Logistics and Warehousing",
            "Warehouse Supervisor",
            "lucy.evans" + _NB,
            "+44 7700 900116",
            "New to the project; has not yet seen what changes for the warehouse.",
            "Walk her through the goods-receipt changes on the shop floor; build rapport.",
            "Visit the Sheffield warehouse with Chloe next week.",
        ),
        "pm": _PersonText(
            "Alex Morgan",
            "Meridian Advisory",
            "Engagement Manager (project manager)",
            "alex.morgan" + _MA,
            "+44 7700 900201",
        ),
        "process_consultant": _PersonText(
            "Chloe Bennett",
            "Meridian Advisory",
            "Senior Consultant, Procurement Processes",
            "chloe.bennett" + _MA,
            "+44 7700 900202",
        ),
        "architect": _PersonText(
            "Daniel Green",
            "Meridian Advisory",
            "Solution Architect, SAP Integration",
            "daniel.green" + _MA,
            "+44 7700 900203",
        ),
        "data_consultant": _PersonText(
            "Sophie Turner",
            "Meridian Advisory",
            "Consultant, Data and Analytics",
            "sophie.turner" + _MA,
            "+44 7700 900204",
        ),
    },
    kickoff=(
        "Project kickoff: Procure-to-Pay Transformation",
        "Northbridge House, Training Centre Room A, Sheffield",
        "Europe/London",
    ),
    alignment=(
        "Pre-kickoff alignment with the leadership team",
        "Northbridge House, Executive Meeting Room, Sheffield",
    ),
    kickoff_roles={
        "lead": "Co-chair; confirms the division of labour and the client's resources",
        "sponsor": "Opening address; sets the project's priority for the plants",
        "cfo": "Benefits and the savings baseline",
        "cio": "IT resources and integration decisions (Priya Shah attends for Group IT)",
        "category_mgr": "Process owner, direct materials",
        "it_analyst": "Represents Group IT; SAP data and access",
        "master_data": "Supplier master data",
        "plant_buyer": "Sheffield plant purchasing",
        "ap_lead": "Invoice matching and AP exceptions",
        "warehouse": "Goods receipt in the warehouses",
        "pm": "Presents the plan, milestones and resources needed; leads the next steps",
        "process_consultant": "Future-state process; plant workshops",
        "architect": "Presents the solution approach and SAP integration",
        "data_consultant": "Note-taker: records every leader's remarks, opinions and ideas",
    },
    alignment_roles={
        "lead": "Chair",
        "sponsor": "Project sponsor",
        "cfo": "Finance",
        "cio": "Group IT",
        "pm": "Presents objectives and scope",
        "data_consultant": "Note-taker",
    },
    kickoff_agenda={
        "opening": "Opening: why this project, why now",
        "introductions": "Project structure and introductions of both teams",
        "plan": "Plan, milestones and the coordination resources we need",
        "approach": "Solution approach: the future procure-to-pay process and SAP integration",
        "division": "Division of labour and ways of working",
        "leaders": "Leaders' views and expectations",
        "next_steps": "Next steps and close",
    },
    alignment_agenda={
        "objectives": "Project objectives and scope boundary",
        "expectations": "Leaders' expectations and concerns",
        "kickoff_plan": "Kickoff arrangements: attendees, date and division of labour",
        "aob": "Any other business",
    },
    purposes={
        KickoffPurpose.KNOW_PROJECT: "Plan and resource list agreed with Sarah Mitchell at "
        "the alignment meeting; the full plan goes to all leaders at the kickoff.",
        KickoffPurpose.KNOW_TEAM: "Team one-pager sent with the pre-read; introductions are "
        "agenda item 2.",
        KickoffPurpose.ATTITUDES: "COO leading, CIO supportive, CFO sceptical about benefits. "
        "Staff classified after first contacts: two active, two passive, two routine.",
        KickoffPurpose.VALUED_OUTCOMES: "COO: requisition-to-PO cycle time. CFO: spend "
        "visibility. CIO: clean supplier data in SAP. Re-check at the kickoff.",
    },
    materials={
        "deck": (
            "Kickoff presentation",
            "Sarah Mitchell: add a slide on the supplier onboarding timeline and move the "
            "budget slide to the appendix.",
        ),
        "charter": ("Project charter and plan", ""),
        "raci": ("Division of labour and coordination resources (RACI)", ""),
    },
    checklist={
        "agree": "Agree attendees, time and division of labour with the client project lead",
        "earlier_work": "Collect earlier work (as-is process maps, audit findings) for the "
        "pre-read",
        "prepare": "Prepare the kickoff presentation and related documents",
        "send_copies": "Send electronic copies to the client and ask whether they want to add "
        "anything",
        "room": "Book the room, projector and video link with the client's office",
        "finalise": "Work in the client's additions and finalise the materials",
        "invite": "Send the formal invitation with the agenda to all attendees",
        "reconfirm": "Arrive on site a day early; re-confirm attendees, time, venue and agenda "
        "in person and record any change",
        "arrive_early": "Arrive one hour early, lay out the materials at each seat and get to "
        "know the room",
        "note_taker": "Assign a note-taker to record every leader's remarks, opinions and ideas",
        "respond": "Respond to the leaders' views on the spot with the next-step plan; judge "
        "which outcome each leader values most",
        "minutes": "Send the minutes to the client and discuss them where needed",
        "revise": "Confirm whether what the project will implement must be revised",
    },
    changes={
        "venue": "Venue moved from the Executive Meeting Room to Training Centre Room A: "
        "14 attendees need a larger room.",
        "attendee": "Rajesh Patel (CIO) sends apologies because of the audit committee; Priya "
        "Shah represents Group IT and will brief him afterwards.",
    },
    notes={
        "sponsor_roadmap": "The board sees this as the first step of our operations digital "
        "roadmap. It has to show results within this financial year.",
        "sponsor_cycle": "What matters most to me is the time from requisition to PO. Nine "
        "days is not acceptable; the plants are buying around the system.",
        "cfo_baseline": "The last two system projects overran and never proved their savings. "
        "I want a baseline agreed with Finance before anyone claims a benefit.",
        "cfo_visibility": "I need one report of spend by category and supplier that I can "
        "trust every month. Today it takes my team a week to build.",
        "pm_cfo_sceptical": "CFO seemed sceptical: arms folded during the benefits slide, "
        "asked twice who owns the baseline. Book a one-on-one with her before the kickoff.",
        "cio_sap": "Will the platform integrate with SAP ECC now, or do we wait for the "
        "S/4HANA migration?",
        "cio_middleware": "Reuse the integration middleware from the HR project; my "
        "interfaces team already knows it.",
        "cio_data": "For me success is clean supplier data in SAP and no more spreadsheets "
        "living outside the system.",
        "lead_onboarding": "Supplier onboarding is the plants' biggest pain. We should at "
        "least assess it in phase 1, even if the portal comes later.",
        "cfo_signoff": "Who signs off the benefits: Finance or the programme?",
        "sponsor_kickoff": "Kickoff at head office with all cooperating staff present. Sarah "
        "owns the invitation list.",
        "lead_weekly": "Weekly status report to me every Friday, copied to the COO's office.",
        "cfo_resource": "Finance can give you two days a week of Emma's time, no more.",
        "pm_lead_ally": "Sarah was visibly relieved when the COO backed the weekly report. "
        "She is our strongest ally; brief her before every leader touchpoint.",
        "sponsor_scope": "Keep the scope tight. Anything not in the charter goes on a phase 2 "
        "list.",
        "sponsor_pilot": "Use Sheffield as the pilot plant and show the other two that it works.",
    },
    assessments={
        "lead_first": ("Proposal presentation", "Sponsored the project internally."),
        "sponsor_alignment": (
            "Pre-kickoff alignment meeting",
            "Framed the project as the first step of the digital roadmap.",
        ),
        "cfo_alignment": (
            "Pre-kickoff alignment meeting",
            "Sceptical about benefits after earlier overruns; not against the project.",
        ),
        "cio_alignment": (
            "Pre-kickoff alignment meeting",
            "Constructive; offered the HR project's middleware.",
        ),
        "category_mgr_first": (
            "First contact: approval matrix request",
            "Delivered early and offered to review the plants' matrices.",
        ),
        "it_analyst_first": (
            "First contact: PO data request",
            "Did exactly what was asked, no more.",
        ),
        "it_analyst_active": (
            "PO data extract delivered two days early",
            "Offered to help the team with SAP access; now active.",
        ),
        "master_data_first": (
            "First contact: supplier data request",
            "Polite but non-committal.",
        ),
        "master_data_passive": (
            "Supplier extract missed twice",
            "Avoids the topic; seems worried about what the cleansing will show.",
        ),
        "plant_buyer_first": (
            "Workshop planning call",
            "Sees the project as head office's; plant month-end always comes first.",
        ),
        "ap_lead_first": (
            "First contact: AP exception report request",
            "Delivered on the day, exactly as asked.",
        ),
        "warehouse_first": (
            "Introduction by email",
            "Has not yet seen what changes for the warehouse.",
        ),
    },
    priorities={
        "sponsor_cycle": "Said cycle time matters most; the plants buy around the system today.",
        "sponsor_process": "Wants Sheffield as the pilot to prove one standard process to the "
        "other plants.",
        "cfo_spend": "Wants one trusted monthly spend report; insists on a baseline agreed "
        "with Finance.",
        "cio_master": "Defines success as clean supplier data in SAP and no shadow spreadsheets.",
    },
    requests={
        "onboarding_request": (
            "Supplier onboarding should be assessed in phase 1, even if the portal is built later.",
            "Agreed: the assessment is added to phase 1; the portal stays on the phase 2 list.",
        ),
        "plant_split_request": (
            "Can the weekly report show progress plant by plant?",
            "Yes: the weekly report template shows each plant from this week.",
        ),
        "sandbox_request": (
            "What exactly do you need from IT for SAP sandbox access, and by when?",
            "",
        ),
        "slides_request": (
            "Keep the kickoff presentation under 20 slides; the leaders will not read more.",
            "",
        ),
    },
    actions={
        "approval_matrix": (
            "Provide the current approval matrix and delegation of authority",
            "",
        ),
        "po_data": ("Extract 12 months of PO and invoice data from SAP", "Two days early."),
        "ap_exceptions": ("Share last quarter's AP exception report", ""),
        "asis_maps": ("Draft the as-is procure-to-pay process maps", ""),
        "integration_paper": (
            "Write the integration options paper: SAP ECC now or after S/4HANA",
            "",
        ),
        "finance_resource": ("Confirm the Finance resource (two days a week) in writing", ""),
        "team_onepager": ("Prepare the team one-pager: structure, roles, contacts", ""),
        "plant_split": ("Add the plant-by-plant view to the weekly report", ""),
        "workshop_slots": ("Confirm plant buyers' availability for the process workshops", ""),
        "cleansing_rules": ("Define the supplier data cleansing rules", ""),
        "supplier_extract": (
            "Provide the active supplier master data extract",
            "Moved three times. Needs SAP extraction rights; Priya Shah will pair with the "
            "data owner.",
        ),
        "sandbox_access": (
            "Approve SAP sandbox access for the consultant team",
            "Blocked: waiting for the IT security review.",
        ),
        "gr_walkthrough": (
            "Walk the team through goods receipt in the Sheffield warehouse",
            "Visit rescheduled once.",
        ),
        "finalise_pack": (
            "Finalise the kickoff presentation with the client's additions",
            "Under 20 slides; onboarding timeline added; budget slide to the appendix.",
        ),
        "baseline_workshop": (
            "Run the savings-baseline workshop with Finance",
            "Answers the CFO's concern at the alignment meeting.",
        ),
        "onboarding_assessment": ("Assess supplier onboarding pain points in the plants", ""),
        "key_users": ("Nominate one key user per plant", ""),
        "approval_workflow": ("Draft the future-state approval workflow", ""),
        "dashboard_mockup": ("Design the spend dashboard mock-up", ""),
        "site_visit": (
            "Site visit to the Wrocław plant",
            "Cancelled: Wrocław is out of scope for phase 1.",
        ),
        "category_list": ("List the direct-material categories and their approvers", ""),
        "threshold_review": (
            "Review the draft approval thresholds for the three plants",
            "A day early, with comments for each plant.",
        ),
        "interface_contacts": ("Name the Group IT contact for each SAP interface", ""),
        "user_list": (
            "Send the list of SAP purchasing users in the three plants",
            "Two days early.",
        ),
        "invoice_approvers": ("Send the invoice approvers for each plant", ""),
        "invoice_volumes": (
            "Provide monthly invoice volumes per plant",
            "Moved once for the Finance month-end close; delivered on the new date.",
        ),
        "gr_volumes": ("Provide daily goods-receipt volumes for the Sheffield warehouse", ""),
        "receiving_staff": ("List the warehouse staff who post goods receipts in SAP", ""),
        "gr_instruction": ("Send the current goods-receipt work instruction", ""),
        "workshop_buyers": (
            "Name the Sheffield buyers for the process workshops",
            "Moved once because of the plant month-end.",
        ),
    },
    next_steps={
        "sandbox_access": "IT security review booked for Monday; access the same day.",
        "gr_walkthrough": "Walkthrough moved to next week; the date is agreed with the warehouse.",
        "finalise_pack": "Final version to the client lead the day before the kickoff.",
    },
    reviews={
        "charter": ("Project charter and plan v1.2", "Approved; phase 2 list attached."),
        "asis_report": ("As-is process assessment report", ""),
        "kickoff_pack": (
            "Kickoff pack (presentation and pre-read)",
            "Add the supplier onboarding timeline; move the budget slide to the appendix.",
        ),
        "integration_paper": ("Integration options paper", ""),
        "design_signoff": ("Future-state process design sign-off", ""),
    },
    follow_ups={
        "supplier_extract": (
            "Supplier extract missed for the third time.",
            "He has no SAP extraction rights and did not want to raise it. Agreed: Priya "
            "pairs with him on Thursday; the access request went to IT today.",
        ),
        "workshop_slots": (
            "Workshop availability confirmed three days late.",
            "Plant month-end clashed. Agreed: we send the workshop calendar a week ahead and "
            "avoid the last three working days of the month.",
        ),
    },
    minutes_reply=(
        "Confirmed, with one correction: the CFO's baseline is last year's actual spend, "
        "not the budget.",
        "Add a supplier onboarding assessment to phase 1; hold a savings-baseline workshop "
        "with Finance in the first month.",
    ),
    report=(
        "Discovery is on plan: the as-is process maps, the integration options paper and 12 "
        "months of PO data are done, and the kickoff is confirmed. Thanks to Priya Shah, Tom "
        "Wilson and Emma Clarke, who delivered their inputs on or ahead of time.",
        "The supplier master data extract is late. Next step: an IT analyst works with the "
        "data owner this week, and a new date has been agreed. SAP sandbox access is waiting "
        "for the IT security review.",
        "Please ask IT security to complete the sandbox access review this week, and confirm "
        "one key user per plant before the kickoff.",
    ),
    success_factors={
        "category_mgr": "The project ends the weekly chasing of manual approvals he hates; "
        "Sarah recognises his input in front of the team.",
        "it_analyst": "Hands-on help at the first hard step (the PO extract) and seeing her "
        "own data in the dashboard mock-up.",
    },
    coaching_plans={
        "ap_lead": "Show how invoice matching cuts her team's exceptions; give her ownership "
        "of the AP test cases; ask for one improvement idea each week.",
        "warehouse": "Walk the goods-receipt changes on the shop floor; agree one small task "
        "with a date; praise it by name when done.",
    },
    memo_decisions={
        "plant_buyer": "Sarah will add the roll-out to the plant purchasing objectives and "
        "asks us to keep workshops away from month-end.",
        "master_data": "",
    },
    coaching={
        "ap_lead_intro": (
            "Getting to know each other; what the project changes for AP",
            "She prefers written instructions with dates. Interested in fewer exceptions.",
        ),
        "ap_lead_exceptions": ("Invoice exceptions and the AP test cases", ""),
        "warehouse_floor": ("Goods receipt on the shop floor (with Chloe)", ""),
    },
)

_HY = "@hengyuan-group.example.cn"
_ZY = "@zhiyuan-consulting.example.cn"
_ZH = _Texts(
    name="数字化采购平台建设项目（一期）",
    client_org="华东恒远制造集团有限公司",
    code="HY-SCM-01",
    description=(
        "以“采购申请—订单—收货—付款”全流程为主线，建设集团统一的数字化采购平台并与"
        "SAP ECC集成，实现审批线上化、供应商主数据标准化和支出可视化。一期覆盖苏州、无锡、"
        "南通三个工厂，合同签订后五个月内完成。"
    ),
    scope_in=(
        "直接物料与间接物料的采购申请、订单、收货及发票校验全流程线上化",
        "采购审批流程及授权矩阵设计",
        "与SAP ECC的订单、收货、发票接口",
        "在用供应商主数据清洗（近24个月有交易的供应商）",
        "支出分析看板（按品类、供应商、工厂）",
        "关键用户培训及向集团信息中心的运维交接",
    ),
    scope_out=(
        "供应商自助注册门户（列入二期需求清单）",
        "应付账款自动化及电子发票",
        "越南工厂",
    ),
    outcomes={
        "cycle": (
            "采购申请到下单周期由9天缩短至3天",
            "线上审批上线后，按月统计三个工厂的平均周期。",
        ),
        "spend": (
            "按品类、供应商、工厂的月度支出可视化",
            "看板数据与财务口径一致，可直接用于月度经营分析会。",
        ),
        "master": (
            "供应商主数据标准化并与SAP集成",
            "在用供应商一次清洗到位，新增和变更全部走线上流程。",
        ),
        "process": (
            "三个工厂统一的采购流程和审批矩阵",
            "苏州、无锡、南通执行同样的流程步骤、审批额度和审批人。",
        ),
        "handover": (
            "关键用户具备独立运维能力",
            "各工厂关键用户完成培训，运维交接手册通过信息中心验收。",
        ),
    },
    people={
        "lead": _PersonText(
            "王海峰",
            "采购管理部",
            "采购管理部副总经理",
            "wang.haifeng" + _HY,
            "+86 139 0000 1101",
            "项目由他推动立项，年度绩效目标包含数字化采购上线。",
            "每次见领导前先和他通气；每周五主动汇报现状、问题和需要的协助。",
            "启动会前一天陪他过一遍最终版汇报PPT。",
        ),
        "sponsor": _PersonText(
            "陈建国",
            "集团领导班子",
            "集团副总裁（项目发起人）",
            "chen.jianguo" + _HY,
            "+86 139 0000 1102",
            "已向董事会承诺本财年见成效。",
            "尽早展示周期缩短的数据；跨工厂的决策请他拍板。",
            "为他的开场致辞准备三条要点。",
        ),
        "cfo": _PersonText(
            "刘敏",
            "财务部",
            "财务总监",
            "liu.min" + _HY,
            "+86 139 0000 1103",
            "前两个系统项目都超期，节省金额也没有算清楚。",
            "先和财务共同确定节约基线，再谈收益；支出看板优先给她看。",
            "启动会前单独拜访，讲清基线测算方法。",
        ),
        "cio": _PersonText(
            "赵志强",
            "信息中心",
            "信息中心主任",
            "zhao.zhiqiang" + _HY,
            "+86 139 0000 1104",
            "不希望系统外再出现各种Excel台账；两年后计划升级S/4HANA。",
            "接口设计请信息中心架构师参与；采用他建议的HR项目中间件。",
            "他无法参加启动会，会后单独汇报。",
        ),
        "category_mgr": _PersonText(
            "李明",
            "采购管理部",
            "直接物料品类经理",
            "li.ming" + _HY,
            "+86 139 0000 1111",
            "每周都要手工催审批，希望借项目彻底解决；他的工作得到王总认可。",
            "在周报中点名表扬；请他向各工厂演示新的审批矩阵。",
            "邀请他共同讲解未来审批流程。",
        ),
        "it_analyst": _PersonText(
            "周婷",
            "信息中心",
            "SAP业务分析师",
            "zhou.ting" + _HY,
            "+86 139 0000 1112",
            "起初按部就班；顾问组帮她完成订单数据提取、她看到自己的数据用在看板原型里之后，"
            "变得很主动。",
            "持续让她看到工作成果；把这些因素复制到其他数据负责人身上。",
            "周四安排她和孙伟一起导出供应商数据。",
        ),
        "master_data": _PersonText(
            "孙伟",
            "采购管理部",
            "供应商主数据专员",
            "sun.wei" + _HY,
            "+86 139 0000 1113",
            "担心清洗会暴露多年积累的重复供应商；没有SAP数据提取权限，也没有主动提出。",
            "把权限问题反馈给王总；关键节点派周婷协助，不在公开场合催。",
            "跟进信息中心的权限申请。",
        ),
        "plant_buyer": _PersonText(
            "吴刚",
            "苏州工厂采购科",
            "工厂采购主管",
            "wu.gang" + _HY,
            "+86 139 0000 1114",
            "工厂月结与项目研讨会冲突；认为这是总部的项目。",
            "请王总考虑把上线纳入工厂考核；研讨会避开月结。",
            "提前一周把研讨会日程发给他。",
        ),
        "ap_lead": _PersonText(
            "郑丽",
            "财务共享中心",
            "应付会计主管",
            "zheng.li" + _HY,
            "+86 139 0000 1115",
            "安排什么做什么，按时完成，但不会多走一步。",
            "一对一沟通：说明发票自动校验能减少她团队的异常处理；请她负责应付测试用例。",
            "启动会后约30分钟一对一，聊发票异常。",
        ),
        "warehouse": _PersonText(
            "黄磊",
            "仓储物流部",
            "仓库主管",
            "huang.lei" + _HY,
            "+86 139 0000 1116",
            "刚接触项目，还没看到项目对仓库有什么变化。",
            "到现场讲解收货流程的变化，在一线建立信任。",
            "下周和林芳一起去苏州仓库走访。",
        ),
        "pm": _PersonText(
            "张晓东",
            "致远管理咨询",
            "项目经理",
            "zhang.xiaodong" + _ZY,
            "+86 138 0000 2201",
        ),
        "process_consultant": _PersonText(
            "林芳",
            "致远管理咨询",
            "高级顾问（采购流程）",
            "lin.fang" + _ZY,
            "+86 138 0000 2202",
        ),
        "architect": _PersonText(
            "许浩",
            "致远管理咨询",
            "解决方案架构师（SAP集成）",
            "xu.hao" + _ZY,
            "+86 138 0000 2203",
        ),
        "data_consultant": _PersonText(
            "何佳",
            "致远管理咨询",
            "顾问（数据分析）",
            "he.jia" + _ZY,
            "+86 138 0000 2204",
        ),
    },
    kickoff=(
        "数字化采购平台建设项目启动会",
        "集团总部培训中心A厅（苏州工业园区）",
        "Asia/Shanghai",
    ),
    alignment=("启动会前高层沟通会", "集团总部12楼第一会议室"),
    kickoff_roles={
        "lead": "联合主持；确认双方分工及客户方资源",
        "sponsor": "开场致辞，明确项目在各工厂的优先级",
        "cfo": "收益及节约基线",
        "cio": "信息中心资源与接口决策（由周婷代表信息中心参会）",
        "category_mgr": "直接物料采购流程负责人",
        "it_analyst": "代表信息中心；SAP数据与权限",
        "master_data": "供应商主数据",
        "plant_buyer": "苏州工厂采购",
        "ap_lead": "发票校验与应付异常",
        "warehouse": "仓库收货",
        "pm": "汇报项目计划、里程碑及所需协调资源；主持下一步安排",
        "process_consultant": "未来流程设计；组织工厂研讨会",
        "architect": "讲解解决方案与SAP集成",
        "data_consultant": "会议记录：记录各位领导的发言、意见和想法",
    },
    alignment_roles={
        "lead": "主持",
        "sponsor": "项目发起人",
        "cfo": "财务",
        "cio": "信息中心",
        "pm": "汇报项目目标与范围",
        "data_consultant": "会议记录",
    },
    kickoff_agenda={
        "opening": "开场致辞：为什么做这个项目、为什么是现在",
        "introductions": "项目组织架构及双方成员介绍",
        "plan": "项目推进计划、里程碑及需要的协调资源",
        "approach": "解决方案：未来采购到付款流程及SAP集成",
        "division": "双方分工与工作机制",
        "leaders": "领导发言：意见与期望",
        "next_steps": "下一步工作安排及总结",
    },
    alignment_agenda={
        "objectives": "项目目标与范围边界",
        "expectations": "领导的期望与关注点",
        "kickoff_plan": "启动会安排：参会人员、时间与分工",
        "aob": "其他事项",
    },
    purposes={
        KickoffPurpose.KNOW_PROJECT: "高层沟通会上已与王海峰确认推进计划和资源清单；"
        "启动会上向全体领导完整汇报。",
        KickoffPurpose.KNOW_TEAM: "顾问组成员介绍已随会前材料发送；启动会议程第2项为双方成员介绍。",
        KickoffPurpose.ATTITUDES: "陈总积极推动，赵主任支持，刘总监对收益存疑。配合人员首次"
        "接触后已分类：积极2人、消极2人、按部就班2人。",
        KickoffPurpose.VALUED_OUTCOMES: "陈总：采购申请到下单周期；刘总监：支出可视化；"
        "赵主任：SAP中供应商数据干净。启动会上再确认。",
    },
    materials={
        "deck": (
            "项目启动会汇报PPT",
            "王海峰：增加一页供应商准入时间安排，预算页移到附录。",
        ),
        "charter": ("项目章程及实施计划", ""),
        "raci": ("双方分工及协调资源清单（RACI）", ""),
    },
    checklist={
        "agree": "与客户方项目负责人确定参会人员、时间及双方分工配合",
        "earlier_work": "收集前期工作成果（现状流程图、审计发现）作为会前材料",
        "prepare": "准备启动会汇报PPT及相关文档",
        "send_copies": "将电子版材料发给客户，确认客户是否有补充",
        "room": "与客户行政确认会议室、投影及视频会议",
        "finalise": "吸收客户补充意见，定稿会议材料",
        "invite": "向全体参会人员发送正式会议通知及议程",
        "reconfirm": "提前一天到达现场，当面再次确认参会人员、时间、地点和议程，记录变更",
        "arrive_early": "提前一小时到场，按座位摆放材料，熟悉会场",
        "note_taker": "安排专人记录各位领导的发言、意见和想法",
        "respond": "现场回应领导意见并说明下一步工作计划；判断每位领导最看重的成果",
        "minutes": "向客户发送会议纪要，必要时沟通讨论",
        "revise": "确认项目实施相关内容是否需要修正",
    },
    changes={
        "venue": "会议地点由12楼第一会议室改为培训中心A厅：参会14人，需要更大的会场。",
        "attendee": "赵志强主任因审计委员会会议请假，由周婷代表信息中心参会，会后向赵主任汇报。",
    },
    notes={
        "sponsor_roadmap": "董事会把这个项目看作集团运营数字化规划的第一步，本财年内必须见到成效。",
        "sponsor_cycle": "我最关心的是从采购申请到下单的时间。现在要9天，太长了，工厂都在"
        "绕开系统采购。",
        "cfo_baseline": "前两个系统项目都超期，到底节省了多少也没说清楚。先和财务把基线定"
        "下来，再谈收益。",
        "cfo_visibility": "我要的是一张每个月都信得过的支出报表，按品类、按供应商。现在财务"
        "要花一周时间手工汇总。",
        "pm_cfo_sceptical": "刘总监讲到收益那页时一直抱着手臂，两次追问基线由谁负责，明显"
        "有疑虑。启动会前安排一次单独拜访。",
        "cio_sap": "平台现在就和SAP ECC对接，还是等S/4HANA升级以后再做？",
        "cio_middleware": "可以复用HR项目的接口中间件，我们接口组已经很熟悉了。",
        "cio_data": "对我来说，成功就是SAP里的供应商数据是干净的，系统外不再有各种Excel台账。",
        "lead_onboarding": "供应商准入是工厂最头疼的事，一期至少要做个评估，门户可以放到后面。",
        "cfo_signoff": "收益最后由谁签字确认？财务还是项目组？",
        "sponsor_kickoff": "启动会在集团总部开，所有配合人员都要参加，参会名单由海峰负责。",
        "lead_weekly": "每周五给我发周报，同时抄送陈总办公室。",
        "cfo_resource": "财务每周最多能安排郑丽两天时间配合项目。",
        "pm_lead_ally": "陈总同意周报机制时，王总明显松了口气。他是我们最有力的支持者，"
        "每次见领导前先和他沟通。",
        "sponsor_scope": "范围要守住，章程之外的需求一律进二期清单。",
        "sponsor_pilot": "先拿苏州工厂做试点，做出样板给另外两个工厂看。",
    },
    assessments={
        "lead_first": ("方案汇报", "在内部推动立项，希望项目成功。"),
        "sponsor_alignment": ("启动会前高层沟通会", "把项目定位为集团数字化规划的第一步。"),
        "cfo_alignment": ("启动会前高层沟通会", "因以往项目超期对收益存疑，但并不反对项目。"),
        "cio_alignment": ("启动会前高层沟通会", "态度积极，主动提出复用HR项目中间件。"),
        "category_mgr_first": (
            "首次接触：索取审批矩阵",
            "提前交付，并主动提出帮忙梳理各工厂的审批矩阵。",
        ),
        "it_analyst_first": ("首次接触：索取订单数据", "按要求完成，不多做一步。"),
        "it_analyst_active": (
            "提前两天交付订单数据",
            "主动提出协助顾问组开通SAP权限，已转为积极配合。",
        ),
        "master_data_first": ("首次接触：索取供应商数据", "态度客气，但不作承诺。"),
        "master_data_passive": (
            "供应商数据两次未按期提交",
            "回避这个话题，似乎担心清洗会暴露历史问题。",
        ),
        "plant_buyer_first": ("研讨会计划电话沟通", "认为是总部的项目，工厂月结永远优先。"),
        "ap_lead_first": ("首次接触：索取应付异常报表", "当天按要求提交，不多不少。"),
        "warehouse_first": ("邮件介绍项目", "还没看到项目对仓库的影响。"),
    },
    priorities={
        "sponsor_cycle": "明确表示最关心下单周期；目前工厂在绕开系统采购。",
        "sponsor_process": "希望以苏州工厂试点，向另外两个工厂证明统一流程可行。",
        "cfo_spend": "要一张可信的月度支出报表；坚持先与财务确定节约基线。",
        "cio_master": "把成功定义为SAP中供应商数据干净、系统外没有台账。",
    },
    requests={
        "onboarding_request": (
            "一期应对供应商准入做评估，门户可以以后再建。",
            "已同意：评估纳入一期，门户保留在二期清单。",
        ),
        "plant_split_request": (
            "周报能否按工厂分别反映进度？",
            "可以：本周起周报模板按工厂分别列示进度。",
        ),
        "sandbox_request": ("开通SAP测试环境权限，具体需要信息中心做什么、什么时候要？", ""),
        "slides_request": ("启动会PPT控制在20页以内，领导不会看太多。", ""),
    },
    actions={
        "approval_matrix": ("提供现行审批矩阵及授权体系", ""),
        "po_data": ("从SAP导出近12个月的订单和发票数据", "提前两天完成。"),
        "ap_exceptions": ("提供上季度应付异常报表", ""),
        "asis_maps": ("绘制采购到付款现状流程图", ""),
        "integration_paper": ("编写接口方案：现在对接SAP ECC还是等S/4HANA", ""),
        "finance_resource": ("书面确认财务配合资源（每周两天）", ""),
        "team_onepager": ("准备项目组架构及成员联系表", ""),
        "plant_split": ("周报增加分工厂进度", ""),
        "workshop_slots": ("确认各工厂采购员参加流程研讨会的时间", ""),
        "cleansing_rules": ("制定供应商数据清洗规则", ""),
        "supplier_extract": (
            "提供在用供应商主数据导出",
            "已三次延期。需要SAP数据提取权限；安排周婷协助数据负责人。",
        ),
        "sandbox_access": ("审批顾问组的SAP测试环境权限", "受阻：等待信息安全审核。"),
        "gr_walkthrough": ("现场讲解苏州仓库收货流程", "已改期一次。"),
        "finalise_pack": (
            "吸收客户意见，定稿启动会PPT",
            "控制在20页以内；增加供应商准入时间安排，预算页移到附录。",
        ),
        "baseline_workshop": ("与财务召开节约基线研讨会", "回应刘总监在高层沟通会上的顾虑。"),
        "onboarding_assessment": ("评估各工厂供应商准入的痛点", ""),
        "key_users": ("每个工厂指定一名关键用户", ""),
        "approval_workflow": ("设计未来审批流程", ""),
        "dashboard_mockup": ("设计支出看板原型", ""),
        "site_visit": ("越南工厂现场调研", "已取消：越南工厂不在一期范围内。"),
        "category_list": ("提供直接物料品类清单及各品类审批人", ""),
        "threshold_review": ("审阅三个工厂的审批额度草案", "提前一天完成，并按工厂逐一给出意见。"),
        "interface_contacts": ("提供每个SAP接口的信息中心对接人", ""),
        "user_list": ("提供三个工厂的SAP采购用户清单", "提前两天完成。"),
        "invoice_approvers": ("提供各工厂发票审批人名单", ""),
        "invoice_volumes": ("提供各工厂月度发票量", "因财务月结顺延一次，按新日期交付。"),
        "gr_volumes": ("提供苏州仓库每日收货量", ""),
        "receiving_staff": ("提供在SAP中做收货过账的仓库人员名单", ""),
        "gr_instruction": ("提供现行收货作业指导书", ""),
        "workshop_buyers": ("确定苏州工厂参加流程研讨会的采购员", "因工厂月结顺延一次。"),
    },
    next_steps={
        "sandbox_access": "信息安全审核已约在周一，当天开通权限。",
        "gr_walkthrough": "现场讲解改至下周，时间已与仓库确认。",
        "finalise_pack": "启动会前一天将定稿发给客户负责人。",
    },
    reviews={
        "charter": ("项目章程及实施计划 v1.2", "已批准，附二期需求清单。"),
        "asis_report": ("现状流程评估报告", ""),
        "kickoff_pack": (
            "启动会材料（汇报PPT及会前资料）",
            "增加供应商准入时间安排；预算页移到附录。",
        ),
        "integration_paper": ("接口方案", ""),
        "design_signoff": ("未来流程设计确认", ""),
    },
    follow_ups={
        "supplier_extract": (
            "供应商数据第三次未按期提交。",
            "他没有SAP数据提取权限，也不好意思提。约定：周四由周婷协助他一起导出；今天已"
            "向信息中心提交权限申请。",
        ),
        "workshop_slots": (
            "研讨会时间晚了三天才确认。",
            "与工厂月结冲突。约定：研讨会日程提前一周发出，避开每月最后三个工作日。",
        ),
    },
    minutes_reply=(
        "纪要确认，更正一处：刘总监所说的节约基线以去年实际支出为准，不是预算。",
        "一期增加供应商准入评估；项目首月与财务召开节约基线研讨会。",
    ),
    report=(
        "调研阶段按计划推进：现状流程图、接口方案和近12个月订单数据均已完成，启动会已确认。"
        "感谢周婷、李明、郑丽按时甚至提前提交了所需资料。",
        "供应商主数据导出延期。下一步：本周安排信息中心分析师与数据负责人一起导出，新的"
        "完成日期已约定。SAP测试环境权限正在等待信息安全审核。",
        "请协调信息中心本周内完成测试环境权限审核；启动会前确认每个工厂的关键用户。",
    ),
    success_factors={
        "category_mgr": "项目能彻底解决他每周手工催审批的烦恼；王总在团队面前肯定他的投入。",
        "it_analyst": "第一个难点（订单数据提取）有顾问手把手协助；在看板原型里看到了自己的数据。",
    },
    coaching_plans={
        "ap_lead": "讲清发票自动校验如何减少她团队的异常处理；请她负责应付测试用例；"
        "每周请她提一条改进建议。",
        "warehouse": "到现场讲解收货流程的变化；约定一项小任务和完成日期；完成后点名表扬。",
    },
    memo_decisions={
        "plant_buyer": "王总同意把系统上线纳入工厂采购考核，并请我们把研讨会避开月结。",
        "master_data": "",
    },
    coaching={
        "ap_lead_intro": (
            "互相认识；项目给应付工作带来的变化",
            "她喜欢书面任务和明确日期；关心如何减少异常处理。",
        ),
        "ap_lead_exceptions": ("发票异常处理与应付测试用例", ""),
        "warehouse_floor": ("现场讲解收货流程（与林芳同去）", ""),
    },
)

_TEXTS: dict[Language, _Texts] = {Language.EN: _EN, Language.ZH_CN: _ZH}


# --- The builder ---------------------------------------------------------------------


def _weekday(day: dt.date, step: int) -> dt.date:
    """`day`, or the nearest working day from it in the direction of `step` (+1 / -1)."""
    while day.weekday() >= 5:
        day += dt.timedelta(days=step)
    return day


class _Builder:
    """Writes one demo project from the spec tables and one language's texts."""

    def __init__(self, language: Language, today: dt.date) -> None:
        self.language = language
        self.t = _TEXTS[language]
        self.today = today
        self.people: dict[str, Person] = {}
        self.outcomes: dict[str, Outcome] = {}
        self.notes: dict[str, Note] = {}
        self.requests: dict[str, LeadRequest] = {}
        self.actions: dict[str, ActionItem] = {}
        self.alignment_day = _weekday(self.day(-14), -1)
        self.kickoff_day = _weekday(self.day(3), +1)

    def day(self, offset: int) -> dt.date:
        return self.today + dt.timedelta(days=offset)

    def at(self, offset: int, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(self.day(offset), dt.time(hour, minute))

    def build(self) -> int:
        project = self._project()
        self._people(project)
        alignment = self._alignment(project)
        self._kickoff(project)
        self._assessments()
        self._progress(project, alignment)
        self._playbook(project)
        _weekly_series(self, project)
        self._report(project)
        return int(project.id)

    def _project(self) -> Project:
        t = self.t
        start = self.day(_PROJECT_START_DAY)
        project = Project.create(
            name=t.name,
            client_org=t.client_org,
            code=t.code,
            start_date=start,
            end_date=start + dt.timedelta(days=_PROJECT_DAYS),
            status=ProjectStatus.ACTIVE,
            description=t.description,
            document_language=self.language,
            report_weekday=_REPORT_WEEKDAY,
        )
        scope = [(text, True) for text in t.scope_in] + [(text, False) for text in t.scope_out]
        for position, (text, in_scope) in enumerate(scope):
            ScopeItem.create(project=project, text=text, in_scope=in_scope, position=position)
        for position, (key, (title, description)) in enumerate(t.outcomes.items()):
            self.outcomes[key] = Outcome.create(
                project=project, title=title, description=description, position=position
            )
        return project

    def _people(self, project: Project) -> None:
        # Seniority as the PM set it: the sponsor first among the leaders.
        for seniority, spec in enumerate(_PEOPLE):
            text = self.t.people[spec.key]
            consultant = spec.role in _CONSULTANT_ROLES
            self.people[spec.key] = Person.create(
                project=project,
                seniority=seniority,
                name=text.name,
                side=Side.CONSULTANT if consultant else Side.CLIENT,
                role=spec.role,
                org_unit=text.org_unit,
                title=text.title,
                email=text.email,
                phone=text.phone,
                engagement_current=spec.engagement,
                engagement_desired=spec.desired,
                influence=spec.influence,
                interest=spec.interest,
                cooperation_type=spec.cooperation,
                causes=text.causes,
                strategy=text.strategy,
                next_action=text.next_action,
                cause_factors=stakeholders.dump_cause_factors(_CAUSE_FACTORS.get(spec.key, ())),
                success_factors=self.t.success_factors.get(spec.key, ""),
                coaching_plan=self.t.coaching_plans.get(spec.key, ""),
            )

    def _agenda(
        self, meeting: Meeting, specs: tuple[tuple[str, str, int], ...], titles: dict[str, str]
    ) -> dict[str, AgendaItem]:
        return {
            key: AgendaItem.create(
                meeting=meeting,
                position=position,
                title=titles[key],
                presenter=self.people[presenter],
                minutes_allotted=minutes,
            )
            for position, (key, presenter, minutes) in enumerate(specs)
        }

    def _alignment(self, project: Project) -> Meeting:
        """The leadership meeting held two weeks ago: notes, priorities, minutes sent."""
        title, venue = self.t.alignment
        starts = dt.datetime.combine(self.alignment_day, dt.time(14, 0))
        minutes = sum(m for _, _, m in _ALIGNMENT_AGENDA)
        meeting = Meeting.create(
            project=project,
            kind=MeetingKind.OTHER,
            title=title,
            starts_at=starts,
            ends_at=starts + dt.timedelta(minutes=minutes),
            venue=venue,
            status=MeetingStatus.MINUTES_CONFIRMED,
            time_zone=self.t.kickoff[2],
        )
        for position, key in enumerate(_ALIGNMENT_ATTENDEES):
            Attendee.create(
                meeting=meeting,
                person=self.people[key],
                responsibility=self.t.alignment_roles[key],
                rsvp=Rsvp.ATTENDED,
                position=position,
            )
        agenda = self._agenda(meeting, _ALIGNMENT_AGENDA, self.t.alignment_agenda)
        for spec in _NOTES:
            self.notes[spec.key] = Note.create(
                meeting=meeting,
                offset_seconds=spec.offset_seconds,
                speaker=self.people[spec.speaker],
                kind=spec.kind,
                text=self.t.notes[spec.key],
                internal=spec.internal,
                agenda_item=agenda[spec.agenda] if spec.agenda else None,
                created_at=starts + dt.timedelta(seconds=spec.offset_seconds),
            )
        for key, leader, outcome, rank, note_keys in _PRIORITIES:
            priority = LeaderPriority.create(
                person=self.people[leader],
                outcome=self.outcomes[outcome],
                rank=rank,
                evidence=self.t.priorities[key],
            )
            for note_key in note_keys:
                LeaderPriorityNote.create(priority=priority, note=self.notes[note_key])
        feedback, revision_items = self.t.minutes_reply
        recipients = [self.people[k] for k in _ALIGNMENT_ATTENDEES]
        MinutesDistribution.create(
            meeting=meeting,
            version="1",
            sent_at=dt.datetime.combine(
                _weekday(self.alignment_day + dt.timedelta(days=1), +1), dt.time(10, 0)
            ),
            recipients="; ".join(
                f"{p.name} <{p.email}>" for p in recipients if p.side == Side.CLIENT
            ),
            client_feedback=feedback,
            revision_needed=True,
            revision_items=revision_items,
        )
        return meeting

    def _kickoff(self, project: Project) -> Meeting:
        """The kickoff a few days ahead, half prepared."""
        title, venue, time_zone = self.t.kickoff
        starts = dt.datetime.combine(self.kickoff_day, dt.time(9, 30))
        minutes = sum(m for _, _, m in _KICKOFF_AGENDA)
        meeting = Meeting.create(
            project=project,
            kind=MeetingKind.KICKOFF,
            title=title,
            starts_at=starts,
            ends_at=starts + dt.timedelta(minutes=minutes),
            venue=venue,
            status=MeetingStatus.CONFIRMED,
            time_zone=time_zone,
        )
        for purpose_kind, state, note_keys in _PURPOSES:
            purpose = Purpose.create(
                meeting=meeting,
                purpose=purpose_kind,
                state=state,
                evidence=self.t.purposes[purpose_kind],
            )
            for note_key in note_keys:
                PurposeNote.create(purpose=purpose, note=self.notes[note_key])
        for position, (key, rsvp) in enumerate(_KICKOFF_ATTENDEES):
            Attendee.create(
                meeting=meeting,
                person=self.people[key],
                responsibility=self.t.kickoff_roles[key],
                rsvp=rsvp,
                position=position,
            )
        self._agenda(meeting, _KICKOFF_AGENDA, self.t.kickoff_agenda)
        for key, kind, version, sent, status in _MATERIALS:
            title, feedback = self.t.materials[key]
            Material.create(
                project=project,
                meeting=meeting,
                title=title,
                kind=kind,
                version=version,
                sent_on=None if sent is None else self.day(sent),
                client_feedback=feedback,
                status=status,
            )
        for position, (key, phase, due, done) in enumerate(_CHECKLIST):
            ChecklistItem.create(
                meeting=meeting,
                phase=phase,
                position=position,
                text=self.t.checklist[key],
                due_offset_minutes=due,
                done_at=None if done is None else self.at(done, 17, 30),
            )
        for key, field, day, hour, minute in _CHANGES:
            ChangeRecord.create(
                meeting=meeting,
                changed_at=self.at(day, hour, minute),
                field=field,
                description=self.t.changes[key],
                confirmed_by=self.people["lead"],
            )
        return meeting

    def _assessments(self) -> None:
        """Each person's dated history; those from the alignment meeting cite its note."""
        after_alignment = dt.datetime.combine(self.alignment_day, dt.time(16, 0))
        for spec in _ASSESSMENTS:
            source, comment = self.t.assessments[spec.key]
            Assessment.create(
                person=self.people[spec.person],
                assessed_at=after_alignment if spec.day is None else self.at(spec.day, 18),
                engagement=spec.engagement,
                cooperation_type=spec.cooperation,
                source=source,
                note=self.notes[spec.note] if spec.note else None,
                comment=comment,
            )

    def _progress(self, project: Project, alignment: Meeting) -> None:
        """Day-to-day push: lead requests, actions, reviews, follow-ups, last week's report."""
        lead = self.people["lead"]
        for key, raised, kind, owner, resolved in _REQUESTS:
            text, resolution = self.t.requests[key]
            self.requests[key] = LeadRequest.create(
                project=project,
                raised_on=self.day(raised),
                raised_by=lead,
                kind=kind,
                text=text,
                owner=self.people[owner],
                status=RequestStatus.OPEN if resolved is None else RequestStatus.RESOLVED,
                resolution=resolution,
                resolved_on=None if resolved is None else self.day(resolved),
            )
        for spec in _ACTIONS:
            title, notes = self.t.actions[spec.key]
            from_alignment = spec.source in (ActionSource.MEETING, ActionSource.NOTE)
            self.actions[spec.key] = ActionItem.create(
                project=project,
                title=title,
                owner=self.people[spec.owner],
                start_date=self.day(spec.start),
                due_date=self.day(spec.due),
                status=spec.status,
                completed_on=None if spec.done is None else self.day(spec.done),
                source=spec.source,
                meeting=alignment if from_alignment else None,
                note=self.notes[spec.note] if spec.note else None,
                lead_request=self.requests[spec.request] if spec.request else None,
                priority=spec.priority,
                needs_client_assistance=spec.assist,
                carry_over_count=spec.carried,
                notes=notes,
                next_step=self.t.next_steps.get(spec.key, ""),
                created_at=self.at(spec.start, 9),
            )
        for key, review_kind, due, state, submitted, reviewed in _REVIEWS:
            title, comment = self.t.reviews[key]
            MilestoneReview.create(
                project=project,
                title=title,
                kind=review_kind,
                due_date=self.day(due),
                reviewer=lead,
                state=state,
                submitted_on=None if submitted is None else self.day(submitted),
                reviewed_on=None if reviewed is None else self.day(reviewed),
                comment=comment,
            )
        for key, day, new_date in _FOLLOW_UPS:
            reason, outcome = self.t.follow_ups[key]
            action = self.actions[key]
            FollowUp.create(
                project=project,
                person=action.owner,
                action_item=action,
                follow_up_on=self.day(day),
                reason=reason,
                outcome=outcome,
                new_commitment_date=self.day(new_date),
            )

    def _playbook(self, project: Project) -> None:
        """Escalation memos for the passive (one decided), coaching for the routine."""
        lead = self.people["lead"]
        for key, person_key, proposal, written, decision, decided in _MEMOS:
            person = self.people[person_key]
            record = stakeholders.on_time_record(person.id, self.today)
            EscalationMemo.create(
                person=person,
                written_on=self.day(written),
                cause=stakeholders.memo_cause(person, self.language),
                proposal=proposal,
                text=stakeholders.draft_memo_text(
                    person, proposal, record, self.language, lead.name
                ),
                sent_on=self.day(written),
                decision=decision,
                decided_on=None if decided is None else self.day(decided),
                decision_note=self.t.memo_decisions[key],
            )
        for key, person_key, planned, held in _COACHING:
            topic, notes = self.t.coaching[key]
            CoachingSession.create(
                person=self.people[person_key],
                planned_on=self.day(planned),
                held_on=None if held is None else self.day(held),
                topic=topic,
                notes=notes,
            )

    def _report(self, project: Project) -> None:
        """Last week's status report (written last: a test fails here to check rollback)."""
        monday = self.today - dt.timedelta(days=self.today.weekday() + 7)
        friday = monday + dt.timedelta(days=4)
        status, problems, help_needed = self.t.report
        StatusReport.create(
            project=project,
            period_start=monday,
            period_end=friday,
            status_text=status,
            problems_text=problems,
            help_needed_text=help_needed,
            file_name="",
            created_at=dt.datetime.combine(friday, dt.time(17, 30)),
        )


# --- The weekly progress-review series (#18) --------------------------------------------

_SERIES_TEXTS: dict[Language, dict[str, Any]] = {
    Language.EN: {
        "title": "Weekly progress review",
        "venue": "Project room, 3rd floor",
        "agenda": (("Progress against plan", 20), ("Open issues and risks", 15), ("Next week", 10)),
        "notes": (
            # (meeting 0-2, kind, speaker, text, internal)
            (0, "decision", "lead", "Go-live of the supplier portal is set for 1 June.", False),
            (
                0,
                "question",
                "cfo",
                "Who approves the new payment terms for strategic suppliers?",
                False,
            ),
            (
                0,
                "concern",
                "master_data",
                "The vendor master clean-up budget looks too small.",
                False,
            ),
            (
                1,
                "remark",
                "lead",
                "Category managers finished the spend cube review on time.",
                False,
            ),
            (
                1,
                "decision",
                "sponsor",
                "Pilot with the packaging category before rolling out.",
                False,
            ),
            (1, "remark", "pm", "Master data team is behind again; follow up in private.", True),
            (
                2,
                "decision",
                "lead",
                "Go-live moves to 1 July: data migration needs a month more.",
                False,
            ),
            (
                2,
                "decision",
                "pm",
                "Keep a 10% budget reserve for change requests (internal).",
                True,
            ),
            (2, "question", "cio", "Can the portal single sign-on use the existing AD?", False),
            (2, "remark", "lead", "Supplier onboarding wave 1 is 80% complete.", False),
            (
                2,
                "remark",
                "category_mgr",
                "Packaging suppliers agreed to the pilot timetable.",
                False,
            ),
            (2, "opinion", "cfo", "Payment terms should follow the group treasury policy.", False),
            (2, "remark", "it_analyst", "Interface tests with the ERP start next Tuesday.", False),
            (
                2,
                "idea",
                "master_data",
                "Run the duplicate check weekly rather than monthly.",
                False,
            ),
            (2, "remark", "pm", "Training material for key users is in review.", False),
            (2, "opinion", "cio", "Keep the portal on the group's cloud tenant.", False),
        ),
        "approver": "Client PMO",
        "approval": "Approved without changes.",
        "returned": "Please correct the go-live date in item 2.",
    },
    Language.ZH_CN: {
        "title": "项目周例会",
        "venue": "三楼项目室",
        "agenda": (("计划执行情况", 20), ("问题与风险", 15), ("下周工作安排", 10)),
        "notes": (
            (0, "decision", "lead", "供应商门户上线日期定为6月1日。", False),
            (0, "question", "cfo", "战略供应商的新付款条件由谁审批？", False),
            (0, "concern", "master_data", "供应商主数据清理的预算偏少。", False),
            (1, "remark", "lead", "品类经理按时完成了支出分析复核。", False),
            (1, "decision", "sponsor", "先在包装品类试点，每个工厂指定一名关键用户。", False),
            (1, "remark", "pm", "主数据组再次滞后，私下跟进。", True),
            (2, "decision", "lead", "上线日期改为7月1日：数据迁移还需一个月。", False),
            (2, "decision", "pm", "预留10%预算应对变更（内部）。", True),
            (2, "question", "cio", "门户单点登录能否使用现有的AD域？", False),
            (2, "remark", "lead", "第一批供应商上线已完成80%。", False),
            (2, "remark", "category_mgr", "包装品类供应商已同意试点时间表。", False),
            (2, "opinion", "cfo", "付款条件应符合集团资金管理制度。", False),
            (2, "remark", "it_analyst", "与ERP的接口测试下周二开始。", False),
            (2, "idea", "master_data", "重复数据检查改为每周一次。", False),
            (2, "remark", "pm", "关键用户培训材料正在审核。", False),
            (2, "opinion", "cio", "门户部署在集团云租户上。", False),
        ),
        "approver": "客户项目管理办公室",
        "approval": "同意，无修改。",
        "returned": "请更正第2项中的上线日期。",
    },
}

_SERIES_ACTIONS = ("approval_workflow", "key_users")
_SERIES_PEOPLE = ("lead", "cfo", "cio", "master_data", "category_mgr", "it_analyst", "pm")


def _weekly_series(builder: _Builder, project: Project) -> None:
    """Three held weekly reviews: items carried and settled, decisions (one superseded),
    minutes approved (one version returned first), and next week's review planned."""
    from pmdesk.services import approval, capture, decisions, series

    t = _SERIES_TEXTS[builder.language]
    # The latest Monday before today held the third review; the next one is ahead.
    monday = builder.today - dt.timedelta(days=builder.today.weekday() or 7)
    meetings: list[Meeting] = []
    starts_list: list[dt.datetime] = []
    for week in (-2, -1, 0):
        starts = dt.datetime.combine(monday + dt.timedelta(weeks=week), dt.time(9, 30))
        meeting = Meeting.create(
            project=project,
            kind=MeetingKind.PROGRESS_REVIEW,
            title=t["title"],
            starts_at=starts,
            ends_at=starts + dt.timedelta(minutes=45),
            venue=t["venue"],
            status=MeetingStatus.HELD,
        )
        starts_list.append(starts)
        for position, key in enumerate(_SERIES_PEOPLE):
            Attendee.create(
                meeting=meeting, person=builder.people[key], rsvp=Rsvp.ATTENDED, position=position
            )
        meetings.append(meeting)
    first = meetings[0]
    template = [series.TemplateItem(title, minutes) for title, minutes in t["agenda"]]
    weekly, _ = series.start_series(first.id, agenda_template=template)
    for meeting in meetings:
        if meeting.id != first.id:
            series.join_series(meeting.id, weekly.id)
        for position, item in enumerate(template):
            AgendaItem.create(
                meeting=meeting,
                position=position,
                title=item.title,
                minutes_allotted=item.minutes,
                seconds_used=item.minutes * 60 + (position - 1) * 90,
            )
    notes: list[Note] = []
    for index, (n, kind, speaker, text, internal) in enumerate(t["notes"]):
        notes.append(
            Note.create(
                meeting=meetings[n],
                offset_seconds=300 + index * 240,
                speaker=builder.people[speaker],
                kind=kind,
                text=text,
                internal=internal,
                created_at=meetings[n].starts_at + dt.timedelta(minutes=5 + index * 4),
            )
        )
    # Open steps of the plan agreed in the second review (the demo's plan has them);
    # carried twice since, below the "carried over 3+ times" flag.
    for key in _SERIES_ACTIONS:
        action = builder.actions[key]
        decided = notes[4] if key == "key_users" else None  # the pilot decision's follow-up
        source = ActionSource.NOTE if decided else ActionSource.MEETING
        ActionItem.update(meeting=meetings[1], source=source, note=decided).where(
            ActionItem.id == action.id
        ).execute()
    # The open items carried into weeks two and three, settled there.
    for n in (1, 2):
        series.open_review(meetings[n].id)
        for carried in series.carried_items(meetings[n].id):
            outcome = CarryOutcome.KEPT
            if carried.kind == CarryKind.NOTE and carried.note_kind == NoteKind.QUESTION and n == 2:
                outcome = CarryOutcome.RESOLVED
            series.settle(carried.id, outcome)
    decisions.supersede(notes[0].id, notes[6].id, comment=notes[6].text)
    # Minutes: week one approved; week two returned, re-issued and approved; week three
    # sent and waiting for the client.
    for n, meeting in enumerate(meetings):
        sent = starts_list[n] + dt.timedelta(hours=4)
        first_sending, _ = capture.record_distribution(
            meeting.id, version="1", sent_at=sent, recipients=builder.people["lead"].email
        )
        if n == 0:
            approval.record_approval(
                first_sending.id,
                approved_by=t["approver"],
                approved_at=sent + dt.timedelta(days=1),
                comments=t["approval"],
            )
        elif n == 1:
            approval.return_with_changes(
                first_sending.id,
                returned_by=t["approver"],
                comments=t["returned"],
                returned_at=sent + dt.timedelta(hours=20),
            )
            second, _ = capture.record_distribution(
                meeting.id,
                version="2",
                sent_at=sent + dt.timedelta(days=1),
                recipients=builder.people["lead"].email,
            )
            approval.record_approval(
                second.id,
                approved_by=t["approver"],
                approved_at=sent + dt.timedelta(days=2),
                comments=t["approval"],
            )
    series.plan_next_meeting(weekly.id)
