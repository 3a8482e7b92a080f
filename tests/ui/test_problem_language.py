"""The command line and the window say a service's problem in the same Chinese words:
the CLI's Qt-free catalogue (messages.py) agrees with the window's translations."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from pmdesk import messages
from pmdesk.models import Language
from pmdesk.ui.i18n import install_translators
from pmdesk.ui.widgets import forms


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, Language.ZH_CN)
    messages.use(Language.ZH_CN)
    yield
    messages.use(Language.EN)
    for translator in translators:
        qapp.removeTranslator(translator)


def test_every_field_and_problem_the_window_translates_reads_the_same_on_the_cli(
    chinese: None,
) -> None:
    labels = forms.field_labels()
    problems = forms._messages()
    for field, label in labels.items():
        for english, translated in problems.items():
            window = forms.problem_text(_Problem(field, english))
            assert messages.say(f"{field}: {english}") == window, (field, english)
            assert window == f"{label}：{translated}"


class _Problem(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def test_a_reason_built_from_data_is_said_in_chinese_in_the_window(chinese: None) -> None:
    from pmdesk.services.validation import ValidationProblem

    shown = forms.problem_text(ValidationProblem("person", "王芳 is already an attendee"))
    assert shown == "人员：王芳 已是参会人"
    shown = forms.problem_text(ValidationProblem("reason", "give a reason for dismissing it"))
    assert shown == "原因：请填写忽略的原因"
