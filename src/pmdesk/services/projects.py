"""Projects: the switcher's list, creating one, and its scope boundary and outcomes."""

from __future__ import annotations

from pmdesk.db import transaction
from pmdesk.models import Language, Outcome, Project, ScopeItem
from pmdesk.services.common import Changes, get_or_fail
from pmdesk.services.validation import clean_values


def list_projects() -> list[Project]:
    return list(Project.select().order_by(Project.name, Project.id))


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
