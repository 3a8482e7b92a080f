"""The project dialog (new or edited), and the first run's choice of the demo or empty."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk import vocabulary
from pmdesk.models import Language, Project, ProjectStatus
from pmdesk.services import ValidationProblem, projects
from pmdesk.services.today.gatekeeper import WEEKDAYS
from pmdesk.ui.widgets.dates import DateEdit
from pmdesk.ui.widgets.forms import focus_first_field, ok_cancel, plain_label, problem_text


class ProjectDialog(QDialog):
    """A project's name, client, code, document language, description, scope in and out,
    outcomes / deliverables, dates, status and reporting day: new (`project` None) or
    edited."""

    def __init__(
        self, language: Language, project: Project | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("New project") if project is None else self.tr("Project"))
        self.created_project_id: int | None = None
        self.saved_project_id: int | None = None
        self.name = QLineEdit(project.name if project else "", self)
        self.name.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 36))
        self.client = QLineEdit(project.client_org if project else "", self)
        self.code = QLineEdit(project.code if project else "", self)
        self.document_language = QComboBox(self)
        for value in Language:
            self.document_language.addItem(vocabulary.label(value, language), value.value)
        current = project.document_language if project else language.value
        self.document_language.setCurrentIndex(self.document_language.findData(current))
        self.status = QComboBox(self)
        for status in ProjectStatus:
            self.status.addItem(vocabulary.label(status, language), status.value)
        self.status.setCurrentIndex(
            self.status.findData(project.status if project else ProjectStatus.ACTIVE.value)
        )
        # The weekday the status report is due (Today's gatekeeper item), or none.
        self.report_weekday = QComboBox(self)
        self.report_weekday.addItem(self.tr("No fixed day (a week after the last report)"), None)
        for number, day_name in enumerate(WEEKDAYS[language]):
            self.report_weekday.addItem(day_name, number)
        weekday = project.report_weekday if project else None
        self.report_weekday.setCurrentIndex(0 if weekday is None else weekday + 1)
        self.start_date = DateEdit(project.start_date if project else None, self, optional=True)
        self.end_date = DateEdit(project.end_date if project else None, self, optional=True)
        self.description = self._text_box(project.description if project else "", 3)
        scope = projects.scope_items(project.id) if project else []
        self.scope_in = self._text_box("\n".join(s.text for s in scope if s.in_scope), 4)
        self.scope_out = self._text_box("\n".join(s.text for s in scope if not s.in_scope), 3)
        self.outcomes = self._text_box(
            "\n".join(o.title for o in projects.outcomes(project.id)) if project else "", 4
        )
        for box, hint in (
            (self.scope_in, self.tr("One item per line: what the project will do")),
            (self.scope_out, self.tr("One item per line: what it will not do")),
            (self.outcomes, self.tr("One outcome or deliverable per line")),
        ):
            box.setPlaceholderText(hint)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels: dict[str, str] = {}
        for name, label, widget in (
            ("name", self.tr("&Name:"), self.name),
            ("client_org", self.tr("&Client:"), self.client),
            ("code", self.tr("C&ode:"), self.code),
            ("document_language", self.tr("&Documents in:"), self.document_language),
            ("status", self.tr("&Status:"), self.status),
            ("report_weekday", self.tr("Re&porting day:"), self.report_weekday),
            ("start_date", self.tr("S&tart date:"), self.start_date),
            ("end_date", self.tr("&End date:"), self.end_date),
            ("description", self.tr("Desc&ription:"), self.description),
            ("scope_in", self.tr("&In scope:"), self.scope_in),
            ("scope_out", self.tr("Out o&f scope:"), self.scope_out),
            ("outcomes", self.tr("O&utcomes / deliverables:"), self.outcomes),
        ):
            widget.setAccessibleName(plain_label(label))
            self._labels[name] = plain_label(label)
            self.form.addRow(label, widget)
        self._widgets = {
            "name": self.name,
            "client_org": self.client,
            "code": self.code,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "description": self.description,
            "title": self.outcomes,
        }
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self.name.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        focus_first_field(self)

    def _text_box(self, text: str, lines: int) -> QPlainTextEdit:
        box = QPlainTextEdit(text, self)
        box.setTabChangesFocus(True)  # Tab leaves the box, as everywhere else in the form
        box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
        return box

    def plan(self) -> projects.ProjectPlan:
        """What the form holds, as the projects service takes it."""
        return projects.ProjectPlan(
            values={
                "name": self.name.text(),
                "client_org": self.client.text(),
                "code": self.code.text(),
                "document_language": self.document_language.currentData(),
                "status": self.status.currentData(),
                "report_weekday": self.report_weekday.currentData(),
                "start_date": self.start_date.value(),
                "end_date": self.end_date.value(),
                "description": self.description.toPlainText(),
            },
            scope_in=self.scope_in.toPlainText().splitlines(),
            scope_out=self.scope_out.toPlainText().splitlines(),
            outcomes=self.outcomes.toPlainText().splitlines(),
        )

    def accept(self) -> None:
        try:
            project, _changes = projects.save_project(
                self.project.id if self.project else None, self.plan()
            )
        except ValidationProblem as problem:
            QMessageBox.warning(self, self.windowTitle(), self._message(problem))
            self._widgets.get(problem.field, self.name).setFocus()
            return
        if self.project is None:
            self.created_project_id = project.id
        self.saved_project_id = project.id
        super().accept()

    def _message(self, problem: ValidationProblem) -> str:
        if problem.field == "name":
            return self.tr("Please give the project a name.")
        label = self._labels.get(problem.field)
        if problem.field == "title":
            label = self._labels["outcomes"]
        return problem_text(problem, label)


#: The old name: a new project is the project dialog without a project.
NewProjectDialog = ProjectDialog


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
