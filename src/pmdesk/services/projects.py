"""Projects: the switcher's list, creating, editing, archiving and deleting one, and its
scope boundary (守住项目边界) and outcomes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from pmdesk.db import transaction
from pmdesk.models import Language, LeaderPriority, Outcome, Project, ProjectStatus, ScopeItem
from pmdesk.services.common import Changes, FieldEdit, edit_fields, get_or_fail
from pmdesk.services.snapshots import Snapshot, delete_with_snapshot, restore
from pmdesk.services.validation import ValidationProblem, clean_values

#: The project's own fields the project dialog edits.
PROJECT_FIELDS = (
    "name",
    "client_org",
    "code",
    "document_language",
    "description",
    "start_date",
    "end_date",
    "status",
    "report_weekday",
)


def list_projects(*, archived: bool = True) -> list[Project]:
    """Projects by name; `archived=False` leaves out the archived ones."""
    query = Project.select()
    if not archived:
        query = query.where(Project.archived == False)  # noqa: E712 (SQL, not Python)
    return list(query.order_by(Project.name, Project.id))


def get_project(project_id: int) -> Project:
    return get_or_fail(Project, project_id)


def create_project(
    name: str,
    *,
    client_org: str = "",
    code: str = "",
    document_language: Language = Language.EN,
) -> tuple[Project, Changes]:
    """A new project; ValidationProblem names the field that is wrong (name, client_org, code)."""
    values = clean_values(Project, {"name": name, "client_org": client_org, "code": code})
    with transaction():
        project = Project.create(**values, document_language=Language(document_language).value)
    return project, Changes.of(Project, project_id=project.id)


def delete_project(project_id: int) -> Changes:
    with transaction():
        get_or_fail(Project, project_id).delete_instance()
    return Changes.of(Project, project_id=project_id)


def delete_project_keeping_snapshot(project_id: int) -> Snapshot:
    """Delete the project and all it owns; `restore_project(snapshot)` puts it all back.

    On a team server only the project's creator may (the server refuses others)."""
    return delete_with_snapshot(Project, project_id)


def restore_project(snapshot: Snapshot) -> None:
    restore(snapshot)


def set_archived(project_id: int, archived: bool) -> FieldEdit:
    """Archive a project (hidden from the switcher) or bring it back."""
    with transaction():
        return edit_fields(Project, project_id, {"archived": archived})


class ProjectPlan(NamedTuple):
    """What the project dialog saves: the fields, the scope lines and the outcomes."""

    values: dict[str, Any]
    scope_in: Sequence[str]
    scope_out: Sequence[str]
    outcomes: Sequence[str]


def _lines(lines: Sequence[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip()]


def _check_plan(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(PROJECT_FIELDS)
    if unknown:
        raise ValidationProblem(sorted(unknown)[0], "no such field")
    if "status" in values:
        try:
            values["status"] = ProjectStatus(values["status"]).value
        except ValueError:
            raise ValidationProblem("status", "not one of the allowed values") from None
    if "document_language" in values:
        values["document_language"] = Language(values["document_language"]).value
    weekday = values.get("report_weekday")
    if weekday is not None and (
        isinstance(weekday, bool) or not isinstance(weekday, int) or not 0 <= weekday <= 6
    ):
        raise ValidationProblem("report_weekday", "not a weekday")
    start, end = values.get("start_date"), values.get("end_date")
    for name in ("start_date", "end_date"):
        if values.get(name) is not None and not isinstance(values[name], dt.date):
            raise ValidationProblem(name, "not a date")
    if start is not None and end is not None and end < start:
        raise ValidationProblem("end_date", "the end cannot be before the start")
    return clean_values(Project, values, required=("name",))


def _save_scope(project_id: int, scope_in: Sequence[str], scope_out: Sequence[str]) -> None:
    old = {(item.in_scope, item.text): item for item in scope_items(project_id)}
    kept: set[int] = set()
    for in_scope, lines in ((True, _lines(scope_in)), (False, _lines(scope_out))):
        for position, text in enumerate(lines):
            item = old.get((in_scope, text))
            if item is not None and item.id not in kept:
                kept.add(item.id)
                if item.position != position:
                    ScopeItem.update(position=position).where(ScopeItem.id == item.id).execute()
            else:
                created = ScopeItem.create(
                    project=project_id, text=text, in_scope=in_scope, position=position
                )
                kept.add(created.id)
    stale = [item.id for item in old.values() if item.id not in kept]
    if stale:
        ScopeItem.delete().where(ScopeItem.id.in_(stale)).execute()


def _save_outcomes(project_id: int, titles: Sequence[str]) -> list[Snapshot]:
    """Outcomes in the order given. An outcome keeps its id (and the leaders' priorities
    on it) when its title stays, or when it is renamed in place; one no longer listed is
    deleted, and its snapshot (with the priorities) returned."""
    old = outcomes(project_id)
    wanted = _lines(titles)
    by_title = {o.title: o for o in old}
    matched: dict[int, Outcome] = {}
    for position, title in enumerate(wanted):
        if title in by_title and by_title[title] not in matched.values():
            matched[position] = by_title[title]
    spare = [o for o in old if o not in matched.values()]
    for position, title in enumerate(wanted):
        outcome = matched.get(position) or (spare.pop(0) if spare else None)
        if outcome is None:
            Outcome.create(project=project_id, title=title, position=position)
            continue
        matched[position] = outcome
        if (outcome.title, outcome.position) != (title, position):
            Outcome.update(title=title, position=position).where(Outcome.id == outcome.id).execute()
    return [delete_with_snapshot(Outcome, outcome.id) for outcome in spare]


def save_project(project_id: int | None, plan: ProjectPlan) -> tuple[Project, Changes]:
    """Create (`project_id` None) or change a project with its scope and outcomes, in one
    transaction. ValidationProblem names the field that is wrong."""
    values = _check_plan(dict(plan.values))
    for title in _lines(plan.outcomes):
        clean_values(Outcome, {"title": title})
    with transaction():
        if project_id is None:
            project = Project.create(**values)
            project_id = project.id
        else:
            edit_fields(Project, project_id, values)
        _save_scope(project_id, plan.scope_in, plan.scope_out)
        _save_outcomes(project_id, plan.outcomes)
    return get_project(project_id), Changes.of(Project, ScopeItem, Outcome, project_id=project_id)


class ProjectEdit(NamedTuple):
    """One OK of the project dialog on an existing project: the project as it was and as
    it is now, and the outcomes the edit deleted (with the leaders' priorities on them)."""

    project_id: int
    before: ProjectPlan
    after: ProjectPlan
    removed: tuple[Snapshot, ...]


def project_plan(project_id: int) -> ProjectPlan:
    """The project as the project dialog shows it: fields, scope lines, outcomes."""
    project = get_project(project_id)
    scope = scope_items(project_id)
    return ProjectPlan(
        values={name: getattr(project, name) for name in PROJECT_FIELDS},
        scope_in=[s.text for s in scope if s.in_scope],
        scope_out=[s.text for s in scope if not s.in_scope],
        outcomes=[o.title for o in outcomes(project_id)],
    )


def edit_project(project_id: int, plan: ProjectPlan) -> tuple[ProjectEdit, Changes]:
    """Change a project with its scope and outcomes, in one transaction, keeping what
    `undo_project_edit` needs. ValidationProblem names the field that is wrong."""
    values = _check_plan(dict(plan.values))
    for title in _lines(plan.outcomes):
        clean_values(Outcome, {"title": title})
    with transaction():
        before = project_plan(project_id)
        edit_fields(Project, project_id, values)
        _save_scope(project_id, plan.scope_in, plan.scope_out)
        removed = _save_outcomes(project_id, plan.outcomes)
        after = project_plan(project_id)
    edit = ProjectEdit(project_id, before, after, tuple(removed))
    return edit, _edit_changes(project_id)


def undo_project_edit(edit: ProjectEdit) -> None:
    """Put the project back as it was before `edit`: the deleted outcomes come back with
    their ids and priorities, renamed ones take their old titles again."""
    with transaction():
        for snapshot in edit.removed:
            restore(snapshot)
        edit_fields(Project, edit.project_id, _check_plan(dict(edit.before.values)))
        _save_scope(edit.project_id, edit.before.scope_in, edit.before.scope_out)
        _save_outcomes(edit.project_id, edit.before.outcomes)


def redo_project_edit(edit: ProjectEdit) -> ProjectEdit:
    """Make `edit` again after its undo; returns the edit to undo next time."""
    again, _changes = edit_project(edit.project_id, edit.after)
    return ProjectEdit(edit.project_id, edit.before, edit.after, again.removed)


def _edit_changes(project_id: int) -> Changes:
    return Changes.of(Project, ScopeItem, Outcome, LeaderPriority, project_id=project_id)


def scope_items(project_id: int) -> list[ScopeItem]:
    return list(
        ScopeItem.select()
        .where(ScopeItem.project == project_id)
        .order_by(ScopeItem.in_scope.desc(), ScopeItem.position, ScopeItem.id)
    )


def outcomes(project_id: int) -> list[Outcome]:
    return list(
        Outcome.select().where(Outcome.project == project_id).order_by(Outcome.position, Outcome.id)
    )
