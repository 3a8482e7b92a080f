"""Screenshots of every tab over the demo project, in English and Chinese.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [OUT_DIR]

Writes OUT_DIR/<lang>-<W>x<H>-<n>-<tab>.png and <lang>-<W>x<H>-dialog-<name>.png (every
dialog, opened by its button over the window) at 1280×800 and 1920×1080 (default
docs/screenshots). Used for the README and to look at the app as a user would.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from pmdesk import db
from pmdesk.demo import create_demo_project
from pmdesk.exports import ExportOptions
from pmdesk.exports.tracker_xlsx import export_tracker
from pmdesk.models import Language
from pmdesk.ui.dialogs import tour
from pmdesk.ui.i18n import install_translators
from pmdesk.ui.main_window import MainWindow

TAB_NAMES = ("kickoff", "live-meeting", "stakeholders", "progress")


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


#: The window sizes shot: a 1280×800 laptop and a 1920×1080 screen.
SIZES = ((1280, 800), (1920, 1080))


def _returned_tracker(project_id: int, path: Path) -> Path:
    """The project's tracker as a client sends it back: two steps changed."""
    import openpyxl

    export_tracker(project_id, path, ExportOptions())
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    sheet.cell(3, 6).value = "Done"
    sheet.cell(4, 9).value = "Waiting for the plant managers' names"
    workbook.save(path)
    return path


def _over_window(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window as the user sees it with `dialog` open over its middle."""
    picture = window.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))
    shot = dialog.grab()
    x = max(0, (picture.width() - shot.width()) // 2)
    y = max(0, (picture.height() - shot.height()) // 2)
    painter.drawPixmap(x, y, shot)
    painter.setPen(QColor(90, 90, 90))
    painter.drawRect(x, y, shot.width() - 1, shot.height() - 1)
    painter.end()
    return picture


def shoot(
    language: Language, out: Path, app: QApplication, size: tuple[int, int] = (1400, 860)
) -> list[Path]:
    """Every tab, the stakeholder detail of one person, every live meeting page and every
    progress section, at `size`."""
    written = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.db"
        db.open_database(path)
        project_id = create_demo_project(language)
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
        # Every dialog of Live meeting, Stakeholders, Progress and the window, opened by
        # its own button (the tour the dialog tests walk too), over the window.
        tracker = _returned_tracker(project_id, Path(folder) / "returned.xlsx")

        def shoot_dialog(name: str, dialog: QDialog) -> None:
            _settle(app)
            target = out / f"{prefix}-dialog-{name}.png"
            _over_window(window, dialog).save(str(target))
            written.append(target)

        tour.walk(window, shoot_dialog, tracker)
        window.close()
        window.deleteLater()
        app.processEvents()
        for translator in translators:
            app.removeTranslator(translator)
        db.close_database()
    return written


def shoot_kickoff(language: Language, out: Path, app: QApplication) -> list[Path]:
    """Each Kickoff section and each dialog of the Kickoff tab, over the window, at
    1280×800 and 1920×1080: <lang>-kickoff-<W>x<H>-<section>.png,
    <lang>-<W>x<H>-dialog-<name>.png."""
    import datetime as dt

    from pmdesk.services import meetings, people
    from pmdesk.ui.dialogs import kickoff_forms, kickoff_pickers

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
        }
        for width, height in SIZES:
            window.resize(width, height)
            for name, make in dialogs.items():
                dialog = make()
                dialog.show()
                _settle(app)
                target = out / f"{language.value}-{width}x{height}-dialog-{name}.png"
                _over_window(window, dialog).save(str(target))
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
