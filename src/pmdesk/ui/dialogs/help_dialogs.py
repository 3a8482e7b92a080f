"""Help → Keyboard shortcuts and Help → The method: short, in the UI's language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pmdesk import vocabulary
from pmdesk.models import Language
from pmdesk.ui.widgets.capture_bar import INTERNAL_KEY, KIND_KEYS


def _close_only(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _keys(key: QKeySequence | QKeySequence.StandardKey | Qt.Key | str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


class ShortcutsDialog(QDialog):
    """Every key pmdesk answers to, where it works and what it does."""

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        everywhere, kickoff, live = (
            self.tr("Everywhere"),
            self.tr("Kickoff"),
            self.tr("Live meeting"),
        )
        tables = self.tr("Tables")
        standard = QKeySequence.StandardKey
        rows: list[tuple[str, str, str]] = [
            (everywhere, _keys(standard.New), self.tr("New project")),
            (everywhere, _keys(standard.Open), self.tr("Open a database")),
            (everywhere, _keys(standard.Undo), self.tr("Undo (says what it undid)")),
            (everywhere, _keys(standard.Redo), self.tr("Redo")),
            (
                everywhere,
                self.tr("Alt+underlined letter"),
                self.tr("Go to that tab, menu or field"),
            ),
            (tables, _keys("Ins"), self.tr("Add a row (attendee, agenda item, step…)")),
            (tables, _keys(standard.Delete), self.tr("Remove the current row (undo puts it back)")),
            (tables, _keys("Ctrl+E"), self.tr("Edit the current row in its form")),
            (tables, _keys("Ctrl+Up") + " / " + _keys("Ctrl+Down"), self.tr("Move the row")),
            (tables, "F2", self.tr("Edit the current cell")),
            (kickoff, _keys("Ctrl+D") + " / " + self.tr("Space"), self.tr("Tick a checklist step")),
            (kickoff, _keys("Ctrl+Return"), self.tr("Save the evidence being typed")),
            (kickoff, "F4 / Alt+↓", self.tr("Open a date's calendar")),
            (live, _keys("Ctrl+1") + "…9, 0", self.tr("Choose the speaker")),
            (
                live,
                _keys("Ctrl+Up") + " / " + _keys("Ctrl+Down"),
                self.tr("Previous / next agenda item"),
            ),
            (live, _keys(INTERNAL_KEY), self.tr("Internal note: never in client files")),
            (live, _keys("Ctrl+Shift+A"), self.tr("Mark the person attended")),
            (live, _keys("Ctrl+Shift+T"), self.tr("Start / stop the meeting clock")),
        ]
        if _keys(standard.Quit):  # not every platform has one
            rows.insert(5, (everywhere, _keys(standard.Quit), self.tr("Quit")))
        for kind, key in KIND_KEYS.items():
            rows.append(
                (
                    live,
                    _keys(key),
                    self.tr("Note kind: {kind}").format(kind=vocabulary.label(kind, language)),
                )
            )
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Keys"), self.tr("What")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(_close_only(self))
        self.table.setFocus()


class MethodGuideDialog(QDialog):
    """The client-communication method pmdesk is built on, in a page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The method in brief"))
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(self.tr("The method in brief"))
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(
            self.tr(
                "<h3>Who the client is</h3>"
                "<p>The client's <b>project lead</b> and the client-side <b>cooperating "
                "staff</b> who do work for the project. Client <b>leaders</b> (sponsors, "
                "executives) are a third group whose attitude and priorities you must learn."
                "</p>"
                "<h3>Your three roles as PM</h3>"
                "<ul><li><b>Commander</b>: lead the work of both sides.</li>"
                "<li><b>Filter</b>: decide what goes to whom. Attitudes, classifications and "
                "private follow-ups are internal and never appear in a client file.</li>"
                "<li><b>Bridge</b>: make each side's duties explicit, guard the project "
                "boundary (scope) and get the client lead to push the project.</li></ul>"
                "<h3>Kickoff tab: the kickoff meeting</h3>"
                "<p>Its four purposes: the client knows the project, its plan and the "
                "resources it needs; knows the project structure and the consultant team; "
                "you find out the attitude of the client, its leaders and staff; and which "
                "outcomes the leaders value most. Before: agree attendees, time and the "
                "division of labour with the client lead; send the materials and ask what "
                "they would add; re-confirm on site and log what changed. After: send the "
                "minutes and confirm whether the plan must change.</p>"
                "<h3>Live meeting tab</h3>"
                "<p>Record every leader's remarks, opinions and ideas as they speak, and "
                "judge what outcome each leader values. What was said may be minuted; your "
                "judgement of what they value stays internal.</p>"
                "<h3>Stakeholders tab</h3>"
                "<p>After the first contact classify each cooperating person as active, "
                "passive or routine, find the causes, and plan what to do: carry over what "
                "works, feed causes back to the lead, send help at key moments.</p>"
                "<h3>Progress tab</h3>"
                "<p>Plan each step with one owner and one deadline. Report to the client "
                "lead in three parts: status, problems, help needed. Praise in public those "
                "who finished on time; follow up laggards in private and give the next "
                "steps in the report instead of names.</p>"
            )
        )
        self.resize(720, 620)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(_close_only(self))
        self.text.setFocus()
