"""Screen readers hear a control's name without mnemonics or punctuation, in both languages."""

from __future__ import annotations

import pytest

from pmdesk.ui.widgets.forms import plain_label


@pytest.mark.parametrize(
    ("label", "spoken"),
    [
        ("&Name:", "Name"),
        ("姓名(&N)：", "姓名"),
        ("Save grid as PN&G…", "Save grid as PNG"),
        ("导出报告(&X)…", "导出报告"),
        ("Q&&A", "Q&A"),
    ],
)
def test_plain_label(label: str, spoken: str) -> None:
    assert plain_label(label) == spoken
