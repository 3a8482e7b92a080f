"""One set of rules for text and dates a PM gives, used by every write path.

The UI, the command line and imports all save through services, and services check
through here, so a title refused in one place is refused everywhere with the same words.
Text in any script is welcome (emoji, CJK, Arabic, Hebrew, combining marks); what is
refused is what cannot be seen or printed: control characters and the bidi controls
that make text display as something other than what it is ("Trojan Source" spoofing).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from peewee import CharField, Model, TextField

from pmdesk.models import REQUIRED_TEXT


class ValidationProblem(ValueError):
    """Input a PM gave that cannot be saved; `field` names where it is wrong."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


#: Longest text a multi-line field takes: several pages, far beyond any real note, but a
#: bound so a stray paste of a whole file does not end up in every export.
TEXT_LIMIT = 20_000

#: Start/end fields stored on the same record; the end may not be before the start.
ORDERED_PAIRS: tuple[tuple[str, str], ...] = (
    ("start_date", "due_date"),
    ("start_date", "end_date"),
    ("period_start", "period_end"),
    ("starts_at", "ends_at"),
)

# Embeddings, overrides and isolates reorder what is displayed without showing
# themselves: "invoice\u202etxt.exe" reads as "invoiceexe.txt". The marks U+200E/U+200F
# and U+061C stay allowed: they are what right-to-left writers actually need.
_BIDI_CONTROLS = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
_LINE_BREAKS = ("\r\n", "\r", "\u2028", "\u2029")


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


#: Whitespace and byte-order marks around a value (str.strip keeps U+FEFF).
_SURROUNDING_BLANKS = re.compile(r"^[\s\ufeff]+|[\s\ufeff]+$")


def clean_text(
    field: str,
    value: object,
    *,
    max_length: int | None,
    required: bool = False,
    multiline: bool = False,
) -> str:
    """The value as it will be stored, or ValidationProblem naming `field` and the reason.

    Surrounding whitespace (including the ideographic space U+3000) is dropped, line
    breaks become "\\n", and the text is NFC-normalised so "é" typed as one code point or
    as e + combining accent is the same name. Length counts characters (code points).
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationProblem(field, f"must be text, not {type(value).__name__}")
    text = str(value)
    for brk in _LINE_BREAKS:
        text = text.replace(brk, "\n")
    # A byte-order mark (U+FEFF) pasted from a file is invisible: it is not text either.
    text = unicodedata.normalize("NFC", _SURROUNDING_BLANKS.sub("", text))
    for char in text:
        problem = _char_problem(char, multiline)
        if problem:
            raise ValidationProblem(field, problem)
    if required and not text:
        raise ValidationProblem(field, "cannot be empty")
    if max_length is not None and len(text) > max_length:
        raise ValidationProblem(field, f"at most {max_length} characters (this has {len(text)})")
    return text


def _char_problem(char: str, multiline: bool) -> str | None:
    code = ord(char)
    if char == "\t" or (char == "\n" and multiline):
        return None
    if char == "\n":
        return "must be a single line (it contains a line break)"
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"contains a control character ({_code(char)})"
    if code in _BIDI_CONTROLS:
        return (
            f"contains an invisible text-direction control ({_code(char)}) "
            "that can make text display as something else"
        )
    if 0xD800 <= code <= 0xDFFF:
        return (
            f"contains a broken character ({_code(char)}); was the text read in the wrong encoding?"
        )
    return None


def _comparable(value: Any) -> dt.date | dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return None  # not a date at all: the field's own check says so
    return None


def _after(start: Any, end: Any) -> bool:
    try:
        check_order("", start, end)
    except ValidationProblem:
        return True
    return False


def check_order(field: str, start: Any, end: Any, *, start_field: str = "the start") -> None:
    """Refuse an end (`field`) before its start; either may be missing (None)."""
    first, last = _comparable(start), _comparable(end)
    if first is None or last is None:
        return
    if isinstance(first, dt.datetime) != isinstance(last, dt.datetime):
        # A date against a date-time: compare the days.
        first = first.date() if isinstance(first, dt.datetime) else first
        last = last.date() if isinstance(last, dt.datetime) else last
    if last < first:
        raise ValidationProblem(
            field, f"cannot be before {start_field.replace('_', ' ')} ({last} is before {first})"
        )


def text_rules(model: type[Model], name: str) -> dict[str, Any] | None:
    """How `clean_text` treats one field of a model, or None for a field that is not text.

    Fields with choices (enums) are checked by their own CHECK constraint instead.
    """
    field = model._meta.fields.get(name)
    if isinstance(field, TextField):
        limit = TEXT_LIMIT
        multiline = True
    elif isinstance(field, CharField) and not field.choices:
        limit = field.max_length
        multiline = False
    else:
        return None
    return {
        "max_length": limit,
        "multiline": multiline,
        "required": name in REQUIRED_TEXT.get(model, ()),
    }


def clean_values(
    model: type[Model], values: dict[str, Any], *, required: Iterable[str] = ()
) -> dict[str, Any]:
    """`values` with every text field cleaned by the model's rules; for creates and edits.

    `required` adds fields that must not be blank here beyond models.REQUIRED_TEXT. A
    None for a nullable text field is kept as None.
    """
    must = set(required)
    cleaned = dict(values)
    fields = model._meta.fields
    for name, value in values.items():
        rules = text_rules(model, name)
        if rules is None or (value is None and fields[name].null):
            continue
        rules["required"] = rules["required"] or name in must
        cleaned[name] = clean_text(name, value, **rules)
    return cleaned


def check_pairs(model: type[Model], merged: dict[str, Any], changed: Iterable[str]) -> None:
    """Refuse an end before its start among the model's ORDERED_PAIRS that `changed` touches.

    `merged` holds the record's values after the edit (stored values plus the new ones),
    so moving the start past a stored end is caught as well as the reverse. The message
    names the field that was changed (the end when both were).
    """
    fields = model._meta.fields
    touched = set(changed)
    for start, end in ORDERED_PAIRS:
        if start not in fields or end not in fields or not touched & {start, end}:
            continue
        if end in touched:
            check_order(end, merged.get(start), merged.get(end), start_field=start)
        elif _after(merged.get(start), merged.get(end)):
            raise ValidationProblem(
                start,
                f"cannot be after {end.replace('_', ' ')} ({merged[start]} is after {merged[end]})",
            )
