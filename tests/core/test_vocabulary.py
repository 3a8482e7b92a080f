"""Every stored key reads as a word in both languages, and no two enumerations collide."""

from __future__ import annotations

from enum import StrEnum

import pytest

from pmdesk import models, vocabulary
from pmdesk.models import ActionStatus, CooperationType, Language, ProjectStatus, RequestStatus

ENUMS = [
    v
    for v in vars(models).values()
    if isinstance(v, type) and issubclass(v, StrEnum) and v is not StrEnum
]


def test_every_value_has_words() -> None:
    assert vocabulary.missing_labels() == []


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_labels_are_distinct_within_an_enumeration(enum: type[StrEnum]) -> None:
    for language in Language:
        words = [vocabulary.label(member, language) for member in enum]
        assert len(set(words)) == len(words), (enum, language, words)
        assert all(words)


def test_equal_keys_of_different_enumerations_keep_their_own_words() -> None:
    """'open' is an action status and a request status; each reads its own way."""
    assert vocabulary.label(ActionStatus.OPEN, Language.ZH_CN) == "未开始"
    assert vocabulary.label(RequestStatus.OPEN, Language.ZH_CN) == "待解决"
    assert vocabulary.label(CooperationType.ACTIVE, Language.ZH_CN) == "积极配合者"
    assert vocabulary.label(ProjectStatus.ACTIVE, Language.ZH_CN) == "进行中"


def test_label_of_a_stored_key_and_of_nothing() -> None:
    assert vocabulary.label_of(CooperationType, "passive", "zh_CN") == "消极配合者"
    assert vocabulary.label_of(CooperationType, None) == ""
    assert vocabulary.label(None) == ""
