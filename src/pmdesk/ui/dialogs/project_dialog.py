"""Dialogs that create a project: an empty one, or the demo on first run."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk import vocabulary
from pmdesk.models import Language
from pmdesk.services import ValidationProblem, projects
from pmdesk.ui.widgets.forms import ok_cancel


class NewProjectDialog(QDialog):
    """Name, client and document language of a new project."""

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New project"))
        self.created_project_id: int | None = None
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Project name"))
        self.client = QLineEdit(self)
        self.client.setAccessibleName(self.tr("Client organisation"))
        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("Project code"))
        self.document_language = QComboBox(self)
        self.document_language.setAccessibleName(self.tr("Language of client documents"))
        for value in Language:
            self.document_language.addItem(vocabulary.label(value, language), value.value)
        self.document_language.setCurrentIndex(self.document_language.findData(language.value))
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Client:"), self.client)
        form.addRow(self.tr("C&ode:"), self.code)
        form.addRow(self.tr("&Documents in:"), self.document_language)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            project, _changes = projects.create_project(
                self.name.text(),
                client_org=self.client.text(),
                code=self.code.text(),
                document_language=Language(self.document_language.currentData()),
            )
        except ValidationProblem as problem:
            QMessageBox.warning(self, self.tr("New project"), self._message(problem))
            self.name.setFocus()
            return
        self.created_project_id = project.id
        super().accept()

    def _message(self, problem: ValidationProblem) -> str:
        if problem.field == "name":
            return self.tr("Please give the project a name.")
        return str(problem)


class FirstRunDialog(QDialog):
    """Offered when the database has no project: start with the demo, or empty."""

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to pmdesk"))
        intro = QLabel(
            self.tr(
                "This database has no projects yet. A demo project shows every part of "
                "pmdesk with data in it: a prepared kickoff, leaders' notes, the "
                "stakeholder analysis and a step plan with overdue items."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.demo_english = QRadioButton(self.tr("Open the demo project in &English"), self)
        self.demo_chinese = QRadioButton(self.tr("Open the demo project in &Chinese"), self)
        self.empty = QRadioButton(self.tr("Start with an em&pty database"), self)
        (self.demo_chinese if language == Language.ZH_CN else self.demo_english).setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for button in (self.demo_english, self.demo_chinese, self.empty):
            layout.addWidget(button)
        layout.addWidget(buttons)

    def demo_language(self) -> Language | None:
        """The demo's language, or None for an empty start."""
        if self.demo_english.isChecked():
            return Language.EN
        if self.demo_chinese.isChecked():
            return Language.ZH_CN
        return None
