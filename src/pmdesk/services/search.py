"""One search across notes, decisions, meetings, agenda items, actions, people, follow-ups.

In a file: the FTS5 trigram index (db_series), which finds any substring of three or
more characters in English or Chinese; shorter words (预算) are matched as
plain substrings, since a trigram index cannot hold them. On a team server: the same
substring match (ILIKE, helped by pg_trgm's trigram indexes) over the tables
themselves, so row-level security decides what a member finds, as everywhere else.
Every word of the query must occur; the closest (shortest) texts come first, among the
newest matches; internal records are marked as such.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pmdesk import db
from pmdesk.models import AgendaItem, Note, database


class HitKind(StrEnum):
    """What a result is, in the order results are grouped."""

    DECISION = "decision"
    NOTE = "note"
    MEETING = "meeting"
    AGENDA_ITEM = "agenda_item"
    ACTION_ITEM = "action_item"
    PERSON = "person"
    FOLLOW_UP = "follow_up"


KIND_ORDER = list(HitKind)
#: Words shorter than this are matched as substrings (the trigram index needs three).
TRIGRAM = 3
DEFAULT_LIMIT = 200
#: How many of the newest matches are ranked (enough for any page a person reads).
CANDIDATES = 2000


@dataclass(frozen=True)
class SearchHit:
    kind: HitKind
    record_id: int
    project_id: int
    text: str
    internal: bool
    #: The meeting a note, decision or agenda item belongs to (the meeting itself for a
    #: meeting), to open it in its tab.
    meeting_id: int | None = None


def words(query: str) -> list[str]:
    return [w for w in query.split() if w]


def search(
    query: str, *, project_id: int | None = None, limit: int = DEFAULT_LIMIT
) -> list[SearchHit]:
    """Records whose text holds every word of `query`, best first."""
    terms = words(query)
    if not terms:
        return []
    if db.is_server():
        return _search_server(terms, project_id, limit)
    return _search_file(terms, project_id, limit)


def grouped(hits: Iterable[SearchHit]) -> list[tuple[HitKind, list[SearchHit]]]:
    """Hits by kind in `KIND_ORDER`, each group keeping the ranking."""
    groups: dict[HitKind, list[SearchHit]] = {}
    for hit in hits:
        groups.setdefault(hit.kind, []).append(hit)
    return [(kind, groups[kind]) for kind in KIND_ORDER if kind in groups]


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _search_file(terms: list[str], project_id: int | None, limit: int) -> list[SearchHit]:
    long = [t for t in terms if len(t) >= TRIGRAM]
    short = [t for t in terms if len(t) < TRIGRAM]
    where: list[str] = []
    params: list[object] = []
    if long:
        where.append("search_index MATCH ?")
        params.append(" AND ".join(_phrase(t) for t in long))
    for term in short:
        where.append("instr(lower(body), lower(?)) > 0")
        params.append(term)
    if project_id is not None:
        where.append("project_id = ?")
        params.append(project_id)
    # Ranked among the newest matches (a trigram found in most of 100,000 notes would
    # otherwise be scored in full): shorter texts first, as on a server.
    sql = (
        "SELECT kind, record_id, project_id, body, internal FROM ("
        "SELECT rowid, kind, record_id, project_id, body, internal FROM search_index "
        f"WHERE {' AND '.join(where)} ORDER BY rowid DESC LIMIT {CANDIDATES}"
        ") ORDER BY length(body), rowid DESC LIMIT ?"
    )
    rows = database.execute_sql(sql, [*params, limit]).fetchall()
    return _with_meetings(
        [SearchHit(HitKind(k), int(r), int(p), str(b), bool(i)) for k, r, p, b, i in rows]
    )


def _with_meetings(hits: list[SearchHit]) -> list[SearchHit]:
    """Each hit with the meeting to open it in (two queries, not one per hit)."""
    note_ids = [h.record_id for h in hits if h.kind in (HitKind.NOTE, HitKind.DECISION)]
    item_ids = [h.record_id for h in hits if h.kind == HitKind.AGENDA_ITEM]
    note_rows: Any = Note.select(Note.id, Note.meeting).where(Note.id.in_(note_ids)).tuples()
    item_rows: Any = (
        AgendaItem.select(AgendaItem.id, AgendaItem.meeting)
        .where(AgendaItem.id.in_(item_ids))
        .tuples()
    )
    notes: dict[int, int] = dict(note_rows)
    items: dict[int, int] = dict(item_rows)
    out = []
    for hit in hits:
        meeting = {
            HitKind.NOTE: notes.get(hit.record_id),
            HitKind.DECISION: notes.get(hit.record_id),
            HitKind.AGENDA_ITEM: items.get(hit.record_id),
            HitKind.MEETING: hit.record_id,
        }.get(hit.kind)
        out.append(
            SearchHit(hit.kind, hit.record_id, hit.project_id, hit.text, hit.internal, meeting)
        )
    return out


#: The server's sources: kind, id, project, text, internal, meeting — the same texts the
#: file's index holds (db_series._SOURCES).
_SERVER_SOURCES = (
    "SELECT CASE n.kind WHEN 'decision' THEN 'decision' ELSE 'note' END AS kind, n.id, "
    "m.project_id, n.text AS body, n.internal, n.meeting_id FROM note n "
    "JOIN meeting m ON m.id = n.meeting_id",
    "SELECT 'meeting', id, project_id, title || ' ' || venue, false, id FROM meeting",
    "SELECT 'agenda_item', a.id, m.project_id, a.title, false, a.meeting_id "
    "FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id",
    "SELECT 'action_item', id, project_id, title || ' ' || next_step || ' ' || client_comment, "
    "false, NULL::integer FROM action_item",
    "SELECT 'person', id, project_id, name || ' ' || title || ' ' || org_unit || ' ' || email, "
    "false, NULL::integer FROM person",
    "SELECT 'follow_up', id, project_id, reason || ' ' || outcome, true, NULL::integer "
    "FROM follow_up",
)


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _search_server(terms: list[str], project_id: int | None, limit: int) -> list[SearchHit]:
    union = " UNION ALL ".join(_SERVER_SOURCES)
    where = " AND ".join("body ILIKE %s" for _ in terms)
    params: list[object] = [_like(t) for t in terms]
    if project_id is not None:
        where += " AND project_id = %s"
        params.append(project_id)
    # Shorter texts first: the closer a text is to the query, the better the hit (the
    # file ranks the same way).
    sql = (
        f"SELECT kind, id, project_id, body, internal, meeting_id FROM ({union}) AS hits "
        f"WHERE {where} ORDER BY length(body), id DESC LIMIT %s"
    )
    rows = database.execute_sql(sql, [*params, limit]).fetchall()
    return [SearchHit(HitKind(k), int(r), int(p), str(b), bool(i), m) for k, r, p, b, i, m in rows]
