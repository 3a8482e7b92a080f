"""Pieces every form dialog shares."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget

from pmdesk.messages import say

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

# The dialogs' classes are imported where they are used: PySide6 builds a class's Python
# type (and its enums) when it is first imported, a millisecond or two each, and the
# window imports this module before its first paint, when no dialog is open.


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel wired to the dialog's accept() and reject()."""
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


_MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")


def plain_label(text: str) -> str:
    """A label as a screen reader should say it: no mnemonic ("&Name", "姓名(&N)"),
    no trailing colon (":" or "：") or ellipsis."""
    return _MNEMONIC.sub("", text).replace("&&", "&").strip().rstrip(":：…").strip()


def field_labels() -> dict[str, str]:
    """The words a user sees for the services' field names, in the UI's language."""
    return {
        "action_item": QCoreApplication.translate("fields", "Action item"),
        "agenda_item": QCoreApplication.translate("fields", "Agenda item"),
        "client": QCoreApplication.translate("fields", "Client"),
        "code": QCoreApplication.translate("fields", "Code"),
        "completed_on": QCoreApplication.translate("fields", "Completed on"),
        "confirmed_by": QCoreApplication.translate("fields", "Confirmed by"),
        "decided_on": QCoreApplication.translate("fields", "Decided on"),
        "decision": QCoreApplication.translate("fields", "Decision"),
        "description": QCoreApplication.translate("fields", "Description"),
        "due": QCoreApplication.translate("fields", "Due"),
        "due_at": QCoreApplication.translate("fields", "Due"),
        "due_date": QCoreApplication.translate("fields", "Due date"),
        "email": QCoreApplication.translate("fields", "Email"),
        "end_date": QCoreApplication.translate("fields", "End date"),
        "ends_at": QCoreApplication.translate("fields", "End"),
        "evidence": QCoreApplication.translate("fields", "Evidence"),
        "file": QCoreApplication.translate("fields", "File"),
        "follow_up_on": QCoreApplication.translate("fields", "Follow-up date"),
        "kind": QCoreApplication.translate("fields", "Kind"),
        "meeting": QCoreApplication.translate("fields", "Meeting"),
        "minutes_allotted": QCoreApplication.translate("fields", "Minutes"),
        "name": QCoreApplication.translate("fields", "Name"),
        "note": QCoreApplication.translate("fields", "Note"),
        "outcome": QCoreApplication.translate("fields", "Outcome"),
        "owner": QCoreApplication.translate("fields", "Owner"),
        "period_end": QCoreApplication.translate("fields", "Period end"),
        "period_start": QCoreApplication.translate("fields", "Period start"),
        "person": QCoreApplication.translate("fields", "Person"),
        "phase": QCoreApplication.translate("fields", "Phase"),
        "planned_on": QCoreApplication.translate("fields", "Planned on"),
        "presenter": QCoreApplication.translate("fields", "Presenter"),
        "rank": QCoreApplication.translate("fields", "Rank"),
        "reason": QCoreApplication.translate("fields", "Reason"),
        "role": QCoreApplication.translate("fields", "Role"),
        "sent_on": QCoreApplication.translate("fields", "Sent on"),
        "side": QCoreApplication.translate("fields", "Side"),
        "speaker": QCoreApplication.translate("fields", "Speaker"),
        "start_date": QCoreApplication.translate("fields", "Start date"),
        "starts_at": QCoreApplication.translate("fields", "Start"),
        "status": QCoreApplication.translate("fields", "Status"),
        "text": QCoreApplication.translate("fields", "Text"),
        "time_zone": QCoreApplication.translate("fields", "Time zone"),
        "title": QCoreApplication.translate("fields", "Title"),
        "topic": QCoreApplication.translate("fields", "Topic"),
        "venue": QCoreApplication.translate("fields", "Venue"),
        "version": QCoreApplication.translate("fields", "Version"),
    }


def _messages() -> dict[str, str]:
    return {
        "cannot be empty": QCoreApplication.translate("problems", "cannot be empty"),
        "not one of the allowed values": QCoreApplication.translate(
            "problems", "not one of the allowed values"
        ),
        "not in this project": QCoreApplication.translate("problems", "not in this project"),
        "not a person of this project": QCoreApplication.translate(
            "problems", "not a person of this project"
        ),
        "not an email address": QCoreApplication.translate("problems", "not an email address"),
        "must be between 1 and 5": QCoreApplication.translate(
            "problems", "must be between 1 and 5"
        ),
        "the meeting cannot end before it starts": QCoreApplication.translate(
            "problems", "the meeting cannot end before it starts"
        ),
        "a meeting is at most one day long": QCoreApplication.translate(
            "problems", "a meeting is at most one day long"
        ),
        "the due date cannot be before the start": QCoreApplication.translate(
            "problems", "the due date cannot be before the start"
        ),
        "the period cannot end before it starts": QCoreApplication.translate(
            "problems", "the period cannot end before it starts"
        ),
        "this project already has a kickoff meeting": QCoreApplication.translate(
            "problems", "this project already has a kickoff meeting"
        ),
        "a person needs a name": QCoreApplication.translate("problems", "a person needs a name"),
        "an action item needs a title": QCoreApplication.translate(
            "problems", "an action item needs a title"
        ),
        "choose at least one person": QCoreApplication.translate(
            "problems", "choose at least one person"
        ),
        "a step is due either relative to the start or at a time": QCoreApplication.translate(
            "problems", "a step is due either relative to the start or at a time"
        ),
    }


def problem_text(problem: Exception, label: str | None = None) -> str:
    """A problem as the user should read it: the field's label, not "due_date: …"."""
    field = getattr(problem, "field", None)
    message = getattr(problem, "message", None)
    if field is None or message is None:
        return str(problem)
    shown = label or field_labels().get(field) or field.replace("_", " ").capitalize()
    # The core's catalogue (messages.py, shared with the CLI) says every other reason,
    # those built from data ("Wang Fang is already an attendee") too.
    reason = _messages().get(message) or say(message)
    return QCoreApplication.translate("problems", "{field}: {problem}").format(
        field=shown, problem=reason
    )


@functools.cache
def _inputs() -> tuple[type[QWidget], ...]:
    """What counts as a field to type or choose in (not a button)."""
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    return (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


@functools.cache
def _dialogs() -> tuple[type[QDialog], tuple[type[QDialog], ...]]:
    """pmdesk's dialogs, and those that keep Qt's own focus (message boxes, files)."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    return QDialog, (QMessageBox, QFileDialog)


def focus_first_field(dialog: QWidget) -> None:
    """Put the cursor in the dialog's first field unless it is in one already: a dialog
    opens ready to type, not on OK (the first keystrokes are not lost). Call from
    showEvent."""
    from PySide6.QtCore import Qt  # not at import: the shell paints before Qt's enums exist
    from PySide6.QtWidgets import QAbstractButton

    current = dialog.focusWidget()
    if current is not None and not isinstance(current, QAbstractButton):
        return
    widget = dialog.nextInFocusChain()
    while widget is not None and widget is not dialog:
        if (
            isinstance(widget, _inputs())
            and widget.isVisibleTo(dialog)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()


class DialogFocus(QObject):
    """Every pmdesk dialog opens with the cursor in its first field (see
    `focus_first_field`), whoever wrote it: installed once on the application by the
    main window. Message boxes and file dialogs keep Qt's own choice.

    It is the app's one filter of every event: what else a dialog's show needs (its
    drafts, `autosave.DialogDrafts`) is added to `on_show` rather than filtered again.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: Called with each pmdesk dialog as it is shown, before its focus is placed.
        self.on_show: list[Callable[[QDialog], None]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Show:
            return False
        dialog, own_focus = _dialogs()
        if isinstance(watched, dialog) and not isinstance(watched, own_focus):
            for then in self.on_show:  # first, as when each was a filter of its own
                then(watched)
            focus_first_field(watched)
        return False


_DIALOG_FOCUS = "pmdeskDialogFocus"


def install_dialog_focus(app: QCoreApplication | None) -> DialogFocus | None:
    """Install `DialogFocus` on `app`, once; returns it (None without an app)."""
    if app is None:
        return None
    installed = app.property(_DIALOG_FOCUS)  # not findChild: a walk of the app's children
    if isinstance(installed, DialogFocus):
        return installed
    focus = DialogFocus(app)
    app.setProperty(_DIALOG_FOCUS, focus)
    app.installEventFilter(focus)
    return focus


def in_tab_order(*widgets: QWidget) -> None:
    """Tab walks `widgets` in this order: reading order, where the widgets were made in
    another (a table made before the buttons above it)."""
    for before, after in itertools.pairwise(widgets):
        QWidget.setTabOrder(before, after)
