"""Pieces every form dialog shares."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QDialog, QDialogButtonBox


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel wired to the dialog's accept() and reject()."""
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
