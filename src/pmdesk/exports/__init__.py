"""Files pmdesk writes for the client or the team: Word, Excel, calendar, email.

Every export is a function `export_<name>(record_id, target, options) -> Path` that
writes the whole file or nothing (see `files.write_atomically`). `EXPORTS` lists them
for the command line and the menus, with their audience: a client-facing file never
contains the team's internal analysis.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pmdesk.models import Language


class Audience(StrEnum):
    CLIENT = "client"
    INTERNAL = "internal"


class Scope(StrEnum):
    """What an export is of: one meeting, or one project."""

    MEETING = "meeting"
    PROJECT = "project"


@dataclass(frozen=True)
class ExportOptions:
    """Choices a user makes for an export; None means the project's own default."""

    language: Language | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None


ExportFunction = Callable[[int, Path, ExportOptions], Path]


@dataclass(frozen=True)
class ExportKind:
    name: str
    scope: Scope
    audience: Audience
    suffix: str
    module: str
    function: str

    def load(self) -> ExportFunction:
        """The export function (imported on first use: python-docx and openpyxl are big)."""
        module = importlib.import_module(f"pmdesk.exports.{self.module}")
        function: ExportFunction = getattr(module, self.function)
        return function


EXPORTS: dict[str, ExportKind] = {
    kind.name: kind
    for kind in (
        ExportKind(
            "kickoff-pack",
            Scope.MEETING,
            Audience.CLIENT,
            ".docx",
            "kickoff_pack",
            "export_kickoff_pack",
        ),
        ExportKind("invite", Scope.MEETING, Audience.CLIENT, ".ics", "invite_ics", "export_invite"),
        ExportKind(
            "minutes", Scope.MEETING, Audience.CLIENT, ".docx", "minutes_docx", "export_minutes"
        ),
        ExportKind(
            "email", Scope.MEETING, Audience.CLIENT, ".eml", "email_eml", "export_minutes_email"
        ),
        ExportKind(
            "report",
            Scope.PROJECT,
            Audience.CLIENT,
            ".docx",
            "status_report_docx",
            "export_status_report",
        ),
        ExportKind(
            "tracker", Scope.PROJECT, Audience.CLIENT, ".xlsx", "tracker_xlsx", "export_tracker"
        ),
        ExportKind(
            "decisions",
            Scope.PROJECT,
            Audience.CLIENT,
            ".xlsx",
            "decisions_xlsx",
            "export_decisions",
        ),
        ExportKind(
            "follow-ups",
            Scope.PROJECT,
            Audience.INTERNAL,
            ".docx",
            "follow_up_drafts",
            "export_follow_up_drafts",
        ),
        ExportKind(
            "stakeholders",
            Scope.PROJECT,
            Audience.INTERNAL,
            ".xlsx",
            "register_xlsx",
            "export_register",
        ),
    )
}


def document_language(project_language: str, options: ExportOptions) -> Language:
    """The language of a client file: --lang if given, else the project's setting."""
    return options.language or Language(project_language)


def export(name: str, record_id: int, target: Path, options: ExportOptions) -> Path:
    return EXPORTS[name].load()(record_id, Path(target), options)
