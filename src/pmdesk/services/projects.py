"""Projects: the switcher's list, creating one, and its scope boundary and outcomes."""

from __future__ import annotations

from pmdesk.db import transaction
from pmdesk.models import Language, Outcome, Project, ScopeItem
from pmdesk.services.common import Changes, ValidationProblem, get_or_fail


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
    name = name.strip()
    if not name:
        raise ValidationProblem("name", "a project needs a name")
    with transaction():
        project = Project.create(
            name=name,
            client_org=client_org.strip(),
            code=code.strip(),
            document_language=document_language.value,
        )
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
