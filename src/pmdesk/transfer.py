"""Moving projects from a local file to a team server (`pmdesk migrate-to`).

Rows are read from the file, then written to the server in one transaction with new
ids (taken from the server's own sequences, so projects can join a server that already
holds others), every reference rewritten, and the counts checked before committing:
all of it arrives, or nothing does. Drafts stay behind (they are one person's typing).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peewee import ForeignKeyField, Model

from pmdesk import db
from pmdesk.models import ALL_MODELS, Attachment, BaseModel, Draft, Material, Project

#: Copied in this order: every table after the tables it refers to.
COPIED = tuple(m for m in ALL_MODELS if m is not Draft)


#: Rows as read from the file, by model.
Rows = dict[type[BaseModel], list[dict[str, Any]]]


class TransferProblem(Exception):
    """The copy cannot be made; nothing was written to the server."""


@dataclass(frozen=True)
class Copied:
    """How many rows of one table were read from the file and written to the server."""

    table: str
    read: int
    written: int


def read_projects(path: Path, project_ids: Iterable[int] | None = None) -> Rows:
    """Rows of the chosen projects (all by default), by model, from the file at `path`."""
    db.open_database(path, create=False, health_check=True)  # no damaged rows go out
    try:
        chosen = set(project_ids) if project_ids is not None else None
        known = {p.id for p in Project.select(Project.id)}
        if chosen is not None and chosen - known:
            missing = ", ".join(str(i) for i in sorted(chosen - known))
            raise TransferProblem(f"{path} has no project with id {missing}")
        keep = chosen if chosen is not None else known
        rows: Rows = {}
        ids: dict[type[Model], set[int]] = {}
        used_files = {
            m.__data__["attachment"]
            for m in Material.select(Material.attachment).where(Material.project.in_(keep))
        }
        for model in COPIED:
            every: list[dict[str, Any]] = list(model.select().dicts())  # type: ignore[arg-type]
            if model is Project:
                selected = [r for r in every if r["id"] in keep]
            elif model is Attachment:
                selected = [r for r in every if r["id"] in used_files]
            else:
                parents = _required_parents(model)
                selected = [r for r in every if all(r[f.name] in ids[f.rel_model] for f in parents)]
            rows[model] = selected
            if model._meta.primary_key is not False:
                ids[model] = {r["id"] for r in selected}
        return rows
    finally:
        db.close_database()


def write_to_server(
    url: str,
    rows: Rows,
    *,
    password: str | None = None,
    progress: Callable[[str], None] = lambda _text: None,
) -> list[Copied]:
    """Write `rows` (from read_projects) to the server at `url` with new ids; verify."""
    db.open_database(url, password=password)
    server = db.database.obj
    try:
        new_ids: dict[type, dict[int, int]] = {}
        report: list[Copied] = []
        with db.transaction():
            for model, selected in rows.items():
                progress(model._meta.table_name)
                written = _write(server, model, selected, new_ids)
                report.append(Copied(model._meta.table_name, len(selected), written))
            short = [c for c in report if c.read != c.written]
            if short:
                detail = ", ".join(f"{c.table} {c.written} of {c.read}" for c in short)
                raise TransferProblem(f"the server did not take every row ({detail})")
        return report
    finally:
        db.close_database()


def _required_parents(model: type[Model]) -> list[ForeignKeyField]:
    """The references that place a row in a project (not the optional cross-links)."""
    return [f for f in model._meta.sorted_fields if isinstance(f, ForeignKeyField) and not f.null]


def _write(
    server: Any,
    model: type[Model],
    selected: list[dict[str, Any]],
    new_ids: dict[type[Model], dict[int, int]],
) -> int:
    has_id = model._meta.primary_key is not False
    table = model._meta.table_name
    if has_id and selected:
        cursor = server.execute_sql(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, %s)",
            (len(selected),),
        )
        fresh = [int(row[0]) for row in cursor.fetchall()]
        new_ids[model] = {r["id"]: fresh[i] for i, r in enumerate(selected)}
    foreign = [f for f in model._meta.sorted_fields if isinstance(f, ForeignKeyField)]
    out = []
    for row in selected:
        row = dict(row)
        if has_id:
            row["id"] = new_ids[model][row["id"]]
        for f in foreign:
            old = row.get(f.name)
            if old is not None:
                row[f.name] = new_ids.get(f.rel_model, {}).get(old)
        out.append(row)
    for start in range(0, len(out), 1000):
        model.insert_many(out[start : start + 1000]).as_rowcount().execute()
    # Count what the server now holds of this copy: rows with the new ids, or for link
    # rows (no id) those under the new ids of their first parent (fresh: only ours).
    key: Any = model._meta.primary_key
    ids = list(new_ids.get(model, {}).values())
    if not has_id:
        key = _required_parents(model)[0]
        ids = list(new_ids[key.rel_model].values())
    return sum(
        int(model.select().where(key.in_(ids[i : i + 10000])).count())
        for i in range(0, len(ids), 10000)
    )
