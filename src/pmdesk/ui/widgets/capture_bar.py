"""The capture line: speaker, kind, agenda item and internal flag picked by keyboard, a
line to type in, Enter to save. Keeps no data itself: it says what the user chose
(`committed`) and what is being typed with its attribution (`draft_due`, within half a
second of each change, however steadily the typing goes on)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk import vocabulary
from pmdesk.models import Language, NoteKind
from pmdesk.services.capture import CaptureLine
from pmdesk.ui.widgets.autosave import AUTOSAVE_MS, Throttle

#: Speakers 1–9 and 0 get a key each: Ctrl+digit anywhere on the capture screen, or the
#: digit alone in the speaker list (digits typed into the note stay in the note).
SPEAKER_KEYS = "1234567890"
#: One function key per note kind, in the order the method lists them.
KIND_KEYS: dict[NoteKind, Qt.Key] = {
    NoteKind.REMARK: Qt.Key.Key_F2,
    NoteKind.OPINION: Qt.Key.Key_F3,
    NoteKind.IDEA: Qt.Key.Key_F4,
    NoteKind.CONCERN: Qt.Key.Key_F5,
    NoteKind.QUESTION: Qt.Key.Key_F6,
    NoteKind.DECISION: Qt.Key.Key_F7,
    NoteKind.VALUED_OUTCOME: Qt.Key.Key_F8,
}
INTERNAL_KEY = Qt.Key.Key_F9
#: The line is written to the database this long after the first change since the
#: last write (≤ 1 s promised, also while typing goes on without a pause).
DRAFT_DELAY_MS = AUTOSAVE_MS


class CaptureBar(QWidget):
    """Agenda item, kind buttons, internal toggle and the note line (+ the speaker list)."""

    #: Enter in the line with text in it.
    committed = Signal(str)
    #: The line (a CaptureLine: text, speaker, kind, agenda item, internal), within
    #: DRAFT_DELAY_MS of a change: save it as the draft.
    draft_due = Signal(object)

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._speaker_ids: list[int] = []
        self._restoring = False

        self.speakers = QListWidget(self)
        self.speakers.setObjectName("captureSpeakers")
        self.speakers.setAccessibleName(self.tr("Speaker (Ctrl+1…9, 0)"))
        self.speakers.installEventFilter(self)
        self.speakers.itemActivated.connect(self._on_speakers_item_activated)

        self.agenda = QComboBox(self)
        self.agenda.setAccessibleName(self.tr("Current agenda item"))
        self.agenda.setMinimumContentsLength(30)
        self.agenda.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        agenda_label = QLabel(self.tr("A&genda item:"), self)
        agenda_label.setBuddy(self.agenda)

        self.kinds = QButtonGroup(self)
        self.kinds.setExclusive(True)
        self.kind_buttons: dict[NoteKind, QToolButton] = {}
        kinds_row = QHBoxLayout()
        kinds_row.setSpacing(2)
        for kind, key in KIND_KEYS.items():
            button = QToolButton(self)
            key_name = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            button.setText(f"{key_name} {vocabulary.label(kind, language)}")
            button.setCheckable(True)
            button.setAccessibleName(vocabulary.label(kind, language))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys choose; Tab stays quick
            self.kinds.addButton(button)
            self.kind_buttons[kind] = button
            kinds_row.addWidget(button)
        self.kind_buttons[NoteKind.REMARK].setChecked(True)
        self.internal = QCheckBox(self.tr("Internal (F9)"), self)
        self.internal.setAccessibleName(self.tr("Internal note: never in client files"))
        self.internal.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        kinds_row.addSpacing(12)
        kinds_row.addWidget(self.internal)
        kinds_row.addStretch(1)

        self.speaker_label = QLabel(self)
        self.speaker_label.setObjectName("captureSpeaker")
        self.speaker_label.setMinimumWidth(140)
        self.line = QLineEdit(self)
        self.line.setObjectName("captureLine")
        self.line.setAccessibleName(self.tr("Note being typed"))
        self.line.setPlaceholderText(self.tr("Type what is said; Enter saves the note"))
        self.line.setClearButtonEnabled(True)
        self.line.returnPressed.connect(self._on_line_return_pressed)
        self.line.textEdited.connect(self._on_line_text_edited)
        self.save_button = QPushButton(self.tr("Save note"), self)
        self.save_button.setAccessibleName(self.tr("Save note"))
        self.save_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.save_button.clicked.connect(self._on_line_return_pressed)
        line_row = QHBoxLayout()
        line_row.addWidget(self.speaker_label)
        line_row.addWidget(self.line, 1)
        line_row.addWidget(self.save_button)

        self.notice = QLabel(self)
        self.notice.setObjectName("captureNotice")
        self.notice.setWordWrap(True)
        self.help = QLabel(
            self.tr(
                "Ctrl+1…9, 0 speaker · F2–F8 kind · F9 internal · Ctrl+↓/↑ next/previous "
                "agenda item · Enter saves. Kind and internal go back to Remark after each "
                "note; what you type is saved every second."
            ),
            self,
        )
        self.help.setWordWrap(True)
        self.help.setObjectName("captureHelp")

        agenda_row = QHBoxLayout()
        agenda_row.addWidget(agenda_label)
        agenda_row.addWidget(self.agenda, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(agenda_row)
        layout.addLayout(kinds_row)
        layout.addLayout(line_row)
        layout.addWidget(self.notice)

        self.draft_timer = Throttle(self._on_draft_timer_timeout, self, DRAFT_DELAY_MS)
        # A change of who, what kind, where or internal is part of the draft too.
        self.kinds.buttonToggled.connect(self._on_attribution_changed)
        self.internal.toggled.connect(self._on_attribution_changed)
        self.agenda.currentIndexChanged.connect(self._on_attribution_changed)
        self.speakers.currentRowChanged.connect(self._on_attribution_changed)
        self.setFocusProxy(self.line)
        self._show_speaker()

    # -- keys --------------------------------------------------------------------------
    def install_shortcuts(self, host: QWidget) -> None:
        """The capture keys, active while the focus is anywhere inside `host`."""

        def add(sequence: QKeySequence, slot: object) -> None:
            shortcut = QShortcut(sequence, host)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        ctrl = Qt.KeyboardModifier.ControlModifier
        for number, char in enumerate(SPEAKER_KEYS):
            key = Qt.Key(Qt.Key.Key_0.value + int(char))
            add(QKeySequence(ctrl | key), lambda n=number: self.choose_speaker(n))
        for kind, key in KIND_KEYS.items():
            add(QKeySequence(key), lambda k=kind: self.choose_kind(k))
        add(QKeySequence(INTERNAL_KEY), self.internal.toggle)
        add(QKeySequence(ctrl | Qt.Key.Key_Down), lambda: self.step_agenda(+1))
        add(QKeySequence(ctrl | Qt.Key.Key_Up), lambda: self.step_agenda(-1))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # In the speaker list a digit alone picks the speaker.
        if watched is self.speakers and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.text() and event.text() in SPEAKER_KEYS and not event.modifiers():
                self.choose_speaker(SPEAKER_KEYS.index(event.text()))
                return True
        return super().eventFilter(watched, event)

    # -- what the user chose -----------------------------------------------------------
    def set_speakers(self, rows: Sequence[tuple[int, str]]) -> None:
        """Attendees as (person id, "name — role"); numbered 1–9, 0 in this order."""
        chosen = self.speaker_id
        self._speaker_ids = [person_id for person_id, _ in rows]
        self.speakers.blockSignals(True)
        self.speakers.clear()
        for number, (person_id, text) in enumerate(rows):
            key = SPEAKER_KEYS[number] if number < len(SPEAKER_KEYS) else " "
            item = QListWidgetItem(f"{key}  {text}", self.speakers)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
        self.speakers.blockSignals(False)
        if chosen in self._speaker_ids:
            self.speakers.setCurrentRow(self._speaker_ids.index(chosen))
        else:
            self.speakers.setCurrentRow(-1)
            self.speakers.clearSelection()
        self._show_speaker()

    @property
    def speaker_id(self) -> int | None:
        item = self.speakers.currentItem()
        if item is None or not item.isSelected():
            return None
        return int(item.data(Qt.ItemDataRole.UserRole))

    def choose_speaker(self, number: int) -> None:
        """Speaker by number (0 = the first); the focus goes back to the line."""
        if 0 <= number < self.speakers.count():
            self.speakers.setCurrentRow(number)
            self.speakers.item(number).setSelected(True)
        self._show_speaker()
        self.line.setFocus()

    def _on_speakers_item_activated(self, _item: QListWidgetItem) -> None:
        self._show_speaker()
        self.line.setFocus()

    def _show_speaker(self) -> None:
        item = self.speakers.currentItem()
        if item is None or not item.isSelected():
            self.speaker_label.setText(self.tr("No speaker"))
        else:
            self.speaker_label.setText(f"<b>{html.escape(item.text().split(' — ')[0])}</b>")

    @property
    def kind(self) -> NoteKind:
        for kind, button in self.kind_buttons.items():
            if button.isChecked():
                return kind
        return NoteKind.REMARK

    def choose_kind(self, kind: NoteKind) -> None:
        self.kind_buttons[kind].setChecked(True)

    def set_agenda(self, rows: Sequence[tuple[int, str]]) -> None:
        """Agenda items as (id, title); keeps the current one if it is still there."""
        current = self.agenda.currentData()
        self.agenda.blockSignals(True)
        self.agenda.clear()
        self.agenda.addItem(self.tr("(no agenda item)"), None)
        for number, (item_id, title) in enumerate(rows, start=1):
            self.agenda.addItem(f"{number}. {title}", item_id)
        position = self.agenda.findData(current) if current is not None else -1
        self.agenda.setCurrentIndex(position if position >= 0 else min(1, len(rows)))
        self.agenda.blockSignals(False)

    @property
    def agenda_item_id(self) -> int | None:
        data = self.agenda.currentData()
        return int(data) if data is not None else None

    def step_agenda(self, step: int) -> None:
        index = self.agenda.currentIndex() + step
        if 0 <= index < self.agenda.count():
            self.agenda.setCurrentIndex(index)

    # -- the line ----------------------------------------------------------------------
    def _on_line_return_pressed(self) -> None:
        text = self.line.text().strip()
        if text:
            self.draft_timer.stop()
            self.committed.emit(text)
        self.line.setFocus()

    def after_commit(self) -> None:
        """The note is saved: empty the line, back to a remark, not internal."""
        self.line.clear()
        self.choose_kind(NoteKind.REMARK)
        self.internal.setChecked(False)

    def _on_line_text_edited(self, _text: str) -> None:
        self.draft_timer.changed()

    def _on_attribution_changed(self, *_args: object) -> None:
        if self.line.text().strip() and not self._restoring:
            self.draft_timer.changed()

    def _on_draft_timer_timeout(self) -> None:
        self.draft_due.emit(self.current_line())

    def current_line(self) -> CaptureLine:
        """What Enter would save now."""
        return CaptureLine(
            self.line.text(),
            kind=self.kind,
            speaker_id=self.speaker_id,
            agenda_item_id=self.agenda_item_id,
            internal=self.internal.isChecked(),
        )

    def restore_line(self, saved: CaptureLine) -> None:
        """Put back a line saved before a crash as it was being typed: its text, speaker,
        kind, agenda item and internal flag (a speaker or item gone since stays unset)."""
        self._restoring = True
        try:
            self.line.setText(saved.text)
            if saved.speaker_id in self._speaker_ids:
                self.choose_speaker(self._speaker_ids.index(saved.speaker_id))
            else:
                self.speakers.setCurrentRow(-1)
                self.speakers.clearSelection()
                self._show_speaker()
            position = self.agenda.findData(saved.agenda_item_id)
            if saved.agenda_item_id is not None and position >= 0:
                self.agenda.setCurrentIndex(position)
            self.choose_kind(saved.kind)
            self.internal.setChecked(saved.internal)
        finally:
            self._restoring = False

    def flush_draft(self) -> None:
        """Save what is typed now (before switching meetings or closing)."""
        self.draft_timer.flush()
