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
from PySide6.QtWidgets import QApplication

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

        for index, name in enumerate(TAB_NAMES):
            window.tabs.setCurrentIndex(index)
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


if __name__ == "__main__":
    main()
