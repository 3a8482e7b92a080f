"""The last gate: a planted marker in every internal field × every client export.

First every export is written with markers in all internal fields and must hold none
of them (the exports do not read those fields). Then, export by export, the markers are
copied into a text that export does print (as a careless PM would paste them): the
export must be refused, name a marker's record, and leave no file behind; and in the
file it refused the gate finds every marker, each naming its own record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from pmdesk.exports import EXPORTS, Audience, ExportOptions, export, leak_gate
from pmdesk.exports.leak_gate import InternalTextProblem, file_text
from pmdesk.exports.reminder_eml import export_reminder
from pmdesk.models import (
    ActionItem,
    ActionStatus,
    Assessment,
    CoachingSession,
    EscalationMemo,
    FollowUp,
    Language,
    LeaderPriority,
    Meeting,
    MeetingKind,
    Note,
    Person,
    Purpose,
)
from pmdesk.services import audience, capture
from tests.demo_copy import demo_project

TODAY = dt.date(2026, 11, 27)
MARK = "LEAKCHECK"
PERIOD = ExportOptions(period_start=dt.date(2026, 11, 1), period_end=TODAY)


@pytest.fixture
def backend() -> str:
    return "sqlite"  # the cross product is long; test_gate_on_both_backends runs both


def plant(project_id: int, meeting: Meeting) -> dict[str, str]:
    """A distinct marker in every internal field; returns marker → the record it names."""
    planted: dict[str, str] = {}

    def marker(field: str) -> str:
        return f"{MARK}-{field}-{len(planted):03d}"

    person = Person.get((Person.project == project_id) & (Person.name != ""))
    for field in ("causes", "strategy", "next_action", "success_factors", "coaching_plan"):
        value = marker(field)
        setattr(person, field, value)
        planted[value] = person.name
    person.save()
    rows: list[tuple[Callable[..., object], str, dict[str, object]]] = [
        (Assessment.create, "comment", {"person": person}),
        (FollowUp.create, "reason", {"person": person, "project": project_id}),
        (FollowUp.create, "outcome", {"person": person, "project": project_id}),
        (EscalationMemo.create, "text", {"person": person}),
        (EscalationMemo.create, "cause", {"person": person}),
        (EscalationMemo.create, "decision_note", {"person": person}),
        (CoachingSession.create, "topic", {"person": person}),
        (CoachingSession.create, "notes", {"person": person}),
    ]
    for create, field, values in rows:
        value = marker(field)
        create(**values, **{field: value})
        planted[value] = person.name
    priority = LeaderPriority.select().join(Person).where(Person.project == project_id).first()
    priority.evidence = marker("valued-outcome")
    priority.save()
    planted[priority.evidence] = "valued-outcome judgement"
    purpose = Purpose.select().join(Meeting).where(Meeting.project == project_id).first()
    purpose.evidence = marker("purpose-evidence")
    purpose.save()
    planted[purpose.evidence] = "evidence of a purpose"
    note, _ = capture.commit_note(meeting.id, marker("internal-note"), internal=True)
    planted[note.text] = f"internal note #{note.id}"
    step = ActionItem.select().where(ActionItem.project == project_id).first()
    step.notes = marker("step-notes")
    step.save()
    planted[step.notes] = "internal notes of step"
    return planted


def meeting_of(project_id: int, kind: MeetingKind) -> Meeting:
    return Meeting.get((Meeting.project == project_id) & (Meeting.kind == kind.value))


def overdue_step(project_id: int) -> ActionItem:
    """An open step with an owner, past its due date, asking for the client's help."""
    step = (
        ActionItem.select()
        .where((ActionItem.project == project_id) & ActionItem.owner.is_null(False))
        .first()
    )
    step.status = ActionStatus.OPEN.value
    step.completed_on = None
    step.start_date = None
    step.due_date = TODAY - dt.timedelta(days=3)
    step.needs_client_assistance = True
    step.next_step = step.next_step or "Workshop on Monday"
    step.save()
    return step


#: Each client export: how to write it, and where to copy a marker so that it prints it.
def _meeting_title(meeting: Meeting, text: str) -> None:
    Meeting.update(title=f"Review {text}").where(Meeting.id == meeting.id).execute()


def _step_title(step: ActionItem, text: str) -> None:
    ActionItem.update(title=f"Send {text}").where(ActionItem.id == step.id).execute()


def _next_step(step: ActionItem, text: str) -> None:
    ActionItem.update(next_step=text).where(ActionItem.id == step.id).execute()


CLIENT_EXPORTS = (
    *("kickoff-pack", "invite", "minutes", "email", "report", "tracker", "reminder"),
    "decisions",
)


def run_export(name: str, project_id: int, target: Path) -> Path:
    kickoff = meeting_of(project_id, MeetingKind.KICKOFF)
    if name == "reminder":
        return export_reminder(overdue_step(project_id).id, target, ExportOptions())
    if name in ("report", "tracker", "decisions"):
        overdue_step(project_id)
        return export(name, project_id, target, PERIOD)
    return export(name, kickoff.id, target, ExportOptions())


def carry(name: str, project_id: int, text: str) -> None:
    """Copy `text` into a field the export `name` prints."""
    if name == "decisions":  # the log prints each decision's meeting
        decision = Note.get((Note.kind == "decision") & (Note.internal == False))  # noqa: E712
        _meeting_title(Meeting.get_by_id(decision.meeting_id), text)
    elif name in ("report", "reminder", "tracker"):
        step = overdue_step(project_id)
        (_next_step if name == "report" else _step_title)(step, text)
    else:
        _meeting_title(meeting_of(project_id, MeetingKind.KICKOFF), text)


def test_every_client_export_is_listed() -> None:
    client = {n for n, kind in EXPORTS.items() if kind.audience == Audience.CLIENT}
    assert client <= set(CLIENT_EXPORTS)


@pytest.mark.parametrize("language", [Language.EN, Language.ZH_CN])
def test_no_marker_rides_along_in_any_client_export(
    database: Path, tmp_path: Path, language: Language
) -> None:
    project_id = demo_project(language, today=TODAY)
    planted = plant(project_id, meeting_of(project_id, MeetingKind.KICKOFF))
    for name in CLIENT_EXPORTS:
        suffix = ".eml" if name in ("email", "reminder") else EXPORTS[name].suffix
        path = run_export(name, project_id, tmp_path / f"{name}{suffix}")
        text = file_text(path.read_bytes(), path.name)
        assert len(text) > 200, name  # the file was read
        assert MARK not in text, (name, [m for m in planted if m in text])


@pytest.mark.parametrize("name", CLIENT_EXPORTS)
def test_each_planted_marker_is_caught_by_the_gate(
    database: Path, tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    project_id = demo_project(Language.EN, today=TODAY)
    planted = plant(project_id, meeting_of(project_id, MeetingKind.KICKOFF))
    suffix = ".eml" if name in ("email", "reminder") else EXPORTS[name].suffix
    target = tmp_path / f"{name}{suffix}"
    # The markers pasted a few at a time (a title's worth); the gate sees each finished
    # file before it is refused.
    checked: list[bytes] = []
    check = leak_gate.check_client_file

    def check_and_keep(path: Path, project: int) -> None:
        checked.append(path.read_bytes())
        check(path, project)

    monkeypatch.setattr(leak_gate, "check_client_file", check_and_keep)
    for batch in batches(list(planted)):
        carry(name, project_id, " ".join(batch))
        with pytest.raises(InternalTextProblem) as refused:
            run_export(name, project_id, target)
        assert any(planted[marker] in refused.value.record for marker in batch)
        assert str(refused.value.record) in str(refused.value)
        assert not target.exists()
        assert [p for p in tmp_path.iterdir() if p.name.startswith(".")] == []
        found = leak_gate.leaks(file_text(checked[-1], target.name), project_id)
        for marker in batch:
            named = [internal.record for internal in found if marker in internal.text]
            assert named and planted[marker] in named[0], (name, marker, named)


def batches(markers: list[str], width: int = 150) -> list[list[str]]:
    """The markers in groups that fit in `width` characters, spaces between."""
    groups: list[list[str]] = [[]]
    for marker in markers:
        if groups[-1] and len(" ".join([*groups[-1], marker])) > width:
            groups.append([])
        groups[-1].append(marker)
    return groups


def test_gate_on_both_backends(postgres_or_sqlite_database: int, tmp_path: Path) -> None:
    project_id = postgres_or_sqlite_database
    meeting = meeting_of(project_id, MeetingKind.KICKOFF)
    note, _ = capture.commit_note(meeting.id, "Wang is blocking the budget quietly", internal=True)
    _meeting_title(meeting, "wang is BLOCKING the budget quietly")
    with pytest.raises(InternalTextProblem, match=f"internal note #{note.id}"):
        export("minutes", meeting.id, tmp_path / "m.docx", ExportOptions())


@pytest.fixture(params=["sqlite", "postgresql"])
def postgres_or_sqlite_database(request: pytest.FixtureRequest, db_path: Path) -> object:
    from pmdesk import db

    if request.param == "sqlite":
        db.open_database(db_path)
    else:
        server = request.getfixturevalue("postgres")
        db.open_database(server.url)
        request.addfinalizer(server.empty)
    request.addfinalizer(db.close_database)
    return demo_project(Language.EN, today=TODAY)


def test_an_action_from_an_internal_note_is_internal_until_rewritten(database: Path) -> None:
    project_id = demo_project(Language.EN, today=TODAY)
    meeting = meeting_of(project_id, MeetingKind.KICKOFF)
    note, _ = capture.commit_note(
        meeting.id, "Ask Li privately why the data is late again", internal=True
    )
    action, _ = capture.quick_action(
        meeting.id, note.text, owner_id=None, due_date=TODAY, note_id=note.id
    )
    assert audience.is_internal_action(action, note)
    shown = {a.id for a in capture.meeting_actions(meeting.id, client_facing=True)}
    assert action.id not in shown
    ActionItem.update(title="Agree the data delivery date").where(
        ActionItem.id == action.id
    ).execute()
    action = ActionItem.get_by_id(action.id)
    assert not audience.is_internal_action(action, note)
    assert action.id in {a.id for a in capture.meeting_actions(meeting.id, client_facing=True)}


def test_a_leaders_own_words_quoted_as_evidence_are_not_a_leak(
    database: Path, tmp_path: Path
) -> None:
    project_id = demo_project(Language.EN, today=TODAY)
    said = Note.select().join(Meeting).where((Meeting.project == project_id) & ~Note.internal)
    quoted = max(said, key=lambda n: len(n.text))
    priority = LeaderPriority.select().join(Person).where(Person.project == project_id).first()
    priority.evidence = f"Said so at the meeting: {quoted.text}"
    priority.save()
    path = export("minutes", quoted.meeting_id, tmp_path / "m.docx", ExportOptions())
    assert audience.squeeze(quoted.text) in audience.squeeze(file_text(path.read_bytes(), "m.docx"))


def test_the_gate_reads_every_cell_and_what_lies_around_the_cells(tmp_path: Path) -> None:
    """Cells are scanned, not built as a tree: escaped text, text at the first and last
    cell, and what the sheet holds around its cells (footer, validation) are all read."""
    import openpyxl
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["first cell LEAKCHECK-a", 3, dt.date(2026, 11, 27)])
    sheet.append(['R&D <plan> A&amp;B "quoted" LEAKCHECK-b'])
    sheet.append(["多行\r\nLEAKCHECK-c", "=not a formula LEAKCHECK-d"])
    sheet.cell(3, 2).data_type = "s"
    sheet.oddFooter.center.text = "footer LEAKCHECK-e"
    rule = DataValidation(type="list", formula1='"a,b"', error="error LEAKCHECK-f")
    rule.add("A1:A9")
    sheet.add_data_validation(rule)
    sheet.cell(400, 9, "last cell LEAKCHECK-g")
    path = tmp_path / "book.xlsx"
    book.save(path)
    text = file_text(path.read_bytes(), path.name)
    for piece in (
        "first cell LEAKCHECK-a",
        'R&D <plan> A&amp;B "quoted" LEAKCHECK-b',
        "多行\r\nLEAKCHECK-c",
        "=not a formula LEAKCHECK-d",
        "footer LEAKCHECK-e",
        "error LEAKCHECK-f",
        "last cell LEAKCHECK-g",
    ):
        assert piece in text


def test_a_long_text_normalises_piece_by_piece_to_what_python_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`audience.nfkc` cuts before ASCII characters: whatever combines across a cut
    (marks after a letter, Hangul jamo, Oriya vowel signs, compatibility forms) comes
    out as Python's NFKC of the whole text."""
    import random
    import unicodedata

    monkeypatch.setattr(audience, "NFKC_PIECE", 3)
    tricky = [
        *"aeoKs ,.\n",
        "\u0301",  # combining acute: composes with the letter before
        "\u0308",
        "\u0323",  # dot below: reorders with the acute
        "\u1100",  # Hangul L, V, T: compose into a syllable
        "\u1161",
        "\u11a8",
        "\uac00",
        "\u0b47",  # Oriya vowel signs: two starters that compose
        "\u0b3e",
        "Ａ",  # full-width letter, comma: compatibility forms
        "，",
        "ﬁ",
        "\u00a8",  # diaeresis: a space and a mark
        "\u212a",  # Kelvin sign: K
        "中",
        "\u00a0",
    ]
    rng = random.Random(20)
    for _ in range(4000):
        text = "".join(rng.choice(tricky) for _ in range(rng.randint(0, 24)))
        assert audience.nfkc(text) == unicodedata.normalize("NFKC", text), ascii(text)
        squeezed = "".join(unicodedata.normalize("NFKC", text).casefold().split())
        assert audience.squeeze(text) == squeezed
