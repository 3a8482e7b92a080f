"""Screenshots of every tab over the demo project, in English and Chinese.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [OUT_DIR]

Writes OUT_DIR/<lang>-<n>-<tab>.png (default docs/screenshots). Used for the README and
to look at the app as a user would.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from pmdesk import db
from pmdesk.demo import create_demo_project
from pmdesk.models import Language
from pmdesk.ui.i18n import install_translators
from pmdesk.ui.main_window import MainWindow

TAB_NAMES = ("kickoff", "live-meeting", "stakeholders", "progress")


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


#: The window sizes shot: a 1280×800 laptop and a 1920×1080 screen.
SIZES = ((1280, 800), (1920, 1080))


def _dialogs(window: MainWindow) -> list[tuple[str, QWidget]]:
    """The dialogs of Live meeting, Stakeholders and Progress, filled from the demo."""
    from pmdesk.ui.dialogs.capture_dialogs import ActionItemDialog, ObservationDialog
    from pmdesk.ui.dialogs.playbook_dialogs import FollowUpDialog
    from pmdesk.ui.dialogs.progress_forms import ActionDialog

    context = window.progress_tab.context
    steps = window.progress_tab.steps
    today = context.now().date()
    people = [(p.id, p.name) for p in steps.people]
    step = steps.plan.row(0)
    return [
        ("step", ActionDialog(context, steps.people, step, window)),
        ("action-item", ActionItemDialog(step.title, people, today, lambda _v: True, window)),
        (
            "attitude",
            ObservationDialog(people, context.language, lambda _v: True, window, comment="…"),
        ),
        (
            "follow-up",
            FollowUpDialog(
                title=window.tr("Private follow-up"),
                people=people,
                person_id=people[0][0],
                follow_up_on=today,
                today=today,
                save=lambda _v: None,
                parent=window,
            ),
        ),
    ]


def shoot(
    language: Language, out: Path, app: QApplication, size: tuple[int, int] = (1400, 860)
) -> list[Path]:
    """Every tab, the stakeholder detail of one person, every live meeting page and every
    progress section, at `size`."""
    written = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.db"
        db.open_database(path)
        create_demo_project(language)
        translators = install_translators(app, language)
        settings = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(path, language, settings)
        window.resize(*size)
        prefix = f"{language.value}-{size[0]}x{size[1]}"
        window.show()

        def grab(name: str) -> None:
            _settle(app)
            target = out / f"{prefix}-{len(written) + 1:02d}-{name}.png"
            window.grab().save(str(target))
            written.append(target)

        first = window.tabs.indexOf(window.kickoff_tab)  # after Today
        for index, name in enumerate(TAB_NAMES):
            window.tabs.setCurrentIndex(first + index)
            grab(name)
        live = window.live_tab
        window.tabs.setCurrentWidget(live)
        for page in range(1, live.pages.count()):
            live.pages.setCurrentIndex(page)
            grab(f"live-meeting-page-{page + 1}")
        stakeholders = window.stakeholders_tab
        window.tabs.setCurrentWidget(stakeholders)
        for row, person in enumerate(stakeholders.register_section.register.rows()):
            if person.cooperation_type == "active" and person.assessments.count() > 1:
                stakeholders.register_section.register_view.selectRow(row)
                break
        for page in range(stakeholders.detail.count()):
            stakeholders.detail.setCurrentIndex(page)
            grab(f"stakeholders-detail-{page + 1}")
        progress = window.progress_tab
        window.tabs.setCurrentWidget(progress)
        for section in range(1, progress.sections.count()):
            progress.sections.setCurrentIndex(section)
            grab(f"progress-section-{section + 1}")
        for name, dialog in _dialogs(window):
            dialog.show()
            _settle(app)
            target = out / f"{prefix}-{len(written) + 1:02d}-dialog-{name}.png"
            dialog.grab().save(str(target))
            written.append(target)
            dialog.close()
        window.close()
        window.deleteLater()
        app.processEvents()
        for translator in translators:
            app.removeTranslator(translator)
        db.close_database()
    return written


def shoot_kickoff(language: Language, out: Path, app: QApplication) -> list[Path]:
    """Each Kickoff section at 1280×800 and 1920×1080, and each dialog of the Kickoff tab,
    the project dialog and Help: <lang>-kickoff-<W>x<H>-<section>.png, <lang>-dialog-<name>.png."""
    import datetime as dt

    from pmdesk.services import meetings, people, projects
    from pmdesk.ui.dialogs import help_dialogs, kickoff_forms, kickoff_pickers, project_dialog

    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.db"
        db.open_database(path)
        project_id = create_demo_project(language)
        translators = install_translators(app, language)
        settings = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(path, language, settings)
        window.show()
        kickoff = window.kickoff_tab
        window.tabs.setCurrentWidget(kickoff)
        for width, height in SIZES:
            window.resize(width, height)
            for section, name in zip(
                kickoff.section_widgets(),
                ("purposes", "attendees", "agenda", "materials", "checklist", "changes"),
                strict=True,
            ):
                kickoff.sections.setCurrentWidget(section)
                _settle(app)
                target = out / f"{language.value}-kickoff-{width}x{height}-{name}.png"
                window.grab().save(str(target))
                written.append(target)
        meeting = meetings.kickoff_meeting(project_id)
        assert meeting is not None
        today = dt.date.today()
        now = dt.datetime.combine(today, dt.time(10, 0))
        label = kickoff.context.label
        choices = kickoff.context.choices
        from pmdesk.models import ChangeField, MaterialKind, MaterialStatus, Phase, Role, Side

        presenters = [(None, "")] + [(p.id, p.name) for p in people.list_people(project_id)]
        step = meetings.checklist(meeting.id)[0]
        dialogs = {
            "project-new": lambda: project_dialog.ProjectDialog(language),
            "project-edit": lambda: project_dialog.ProjectDialog(
                language, projects.get_project(project_id)
            ),
            "plan-kickoff": lambda: kickoff_forms.PlanKickoffDialog(
                title=meeting.title, day=today, zones=kickoff.details.zones, zone="Asia/Shanghai"
            ),
            "agenda-item": lambda: kickoff_forms.AgendaItemDialog(presenters, title="Q&A"),
            "checklist-step": lambda: kickoff_forms.ChecklistStepDialog(
                choices(Phase),
                phase=step.phase,
                text=step.text,
                offset=step.due_offset_minutes,
                default_due=now,
            ),
            "material": lambda: kickoff_forms.MaterialDialog(
                choices(MaterialKind),
                choices(MaterialStatus),
                values={"title": "Kickoff deck", "version": "v0.9", "sent_on": today},
                today=today,
            ),
            "change-venue": lambda: kickoff_forms.ChangeDialog(
                choices(ChangeField),
                presenters,
                field=ChangeField.VENUE.value,
                description=f"{meeting.venue} → HQ 12F",
                when=now,
                venue="HQ 12F",
            ),
            "attendees": lambda: kickoff_pickers.AttendeesDialog(
                [
                    (p.id, f"{p.name} · {label(Side(p.side))} · {label(Role(p.role))}")
                    for p in people.list_people(project_id)
                ],
                choices(Side),
                choices(Role),
            ),
            "evidence": lambda: kickoff_pickers.EvidenceDialog(
                kickoff.purposes.model.data(kickoff.purposes.model.index(0, 0)),
                [(n.id, n.text, "") for n in meetings.project_notes(project_id)[:12]],
                [],
            ),
            "shortcuts": lambda: help_dialogs.ShortcutsDialog(language),
            "method": lambda: help_dialogs.MethodGuideDialog(),
        }
        for name, make in dialogs.items():
            dialog = make()
            dialog.show()
            _settle(app)
            target = out / f"{language.value}-dialog-{name}.png"
            dialog.grab().save(str(target))
            written.append(target)
            dialog.close()
            dialog.deleteLater()
        window.close()
        window.deleteLater()
        app.processEvents()
        for translator in translators:
            app.removeTranslator(translator)
        db.close_database()
    return written


def shoot_today(language: Language, out: Path, app: QApplication) -> list[Path]:
    """The Today tab at 1280×800 and 1920×1080, and its snooze, dismiss and done-and-
    snoozed dialogs: <lang>-today-<W>x<H>.png, <lang>-today-<W>x<H>-<dialog>.png."""
    from pmdesk.ui.today.actions import DismissDialog, SnoozeDialog
    from pmdesk.ui.today.closed import ClosedDialog

    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.db"
        db.open_database(path)
        create_demo_project(language)
        translators = install_translators(app, language)
        settings = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(path, language, settings)
        window.show()
        today = window.today_tab
        window.tabs.setCurrentWidget(today)
        for width, height in SIZES:
            window.resize(width, height)
            _settle(app)
            target = out / f"{language.value}-today-{width}x{height}.png"
            window.grab().save(str(target))
            written.append(target)
        item = today.selected_item()
        if item is not None:  # one item done, to show in the done-and-snoozed list
            today.item_actions.mark_done(item)
        day = today.context.now().date()
        dialogs = {
            "snooze": lambda: SnoozeDialog(day, window),
            "dismiss": lambda: DismissDialog(window),
            "done-and-snoozed": lambda: ClosedDialog(
                today.context, None, today.project_names, window
            ),
        }
        for name, make in dialogs.items():
            dialog = make()
            dialog.show()
            _settle(app)
            target = out / f"{language.value}-today-dialog-{name}.png"
            dialog.grab().save(str(target))
            written.append(target)
            dialog.close()
            dialog.deleteLater()
        window.close()
        window.deleteLater()
        app.processEvents()
        for translator in translators:
            app.removeTranslator(translator)
        db.close_database()
    return written


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    for language in Language:
        for size in SIZES:
            for path in shoot(language, out, app, size):
                print(path)
        for path in shoot_kickoff(language, out, app):
            print(path)
        for path in shoot_today(language, out, app):
            print(path)


if __name__ == "__main__":
    main()
