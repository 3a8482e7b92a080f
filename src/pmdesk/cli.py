"""The command line: the same data as the app, without a window, for scripts and checks.

No Qt here: `pmdesk <command>` must start without loading PySide6 (a lint contract checks
it). Without a command, `__main__` opens the app with the parsed global options.
"""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import io
import json
import sqlite3
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import peewee

from pmdesk.db import (
    CorruptDatabase,
    DatabaseProblem,
    Location,
    PasswordNeeded,
    close_database,
    default_database_path,
    open_database,
)
from pmdesk.exports import EXPORTS, ExportOptions, Scope
from pmdesk.exports.files import ExportProblem, refuse_protected
from pmdesk.messages import say
from pmdesk.models import ActionItem, Language, Meeting, Person, Project
from pmdesk.options import OptionParser, global_options
from pmdesk.paths import display_url, is_server_url
from pmdesk.services import (
    NotFound,
    ValidationProblem,
    decisions,
    people,
    progress,
    projects,
    series,
)
from pmdesk.transfer import TransferProblem

if TYPE_CHECKING:
    from pmdesk.services.today import TodayItem

#: Problems with the user's data or files: one line on stderr, exit 1, nothing changed.
DATA_ERRORS = (
    DatabaseProblem,
    TransferProblem,
    NotFound,
    ValidationProblem,
    ExportProblem,
    peewee.DatabaseError,
    sqlite3.Error,
    OSError,
)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {value!r} (use YYYY-MM-DD)") from None


#: SQLite stores integers of 64 bits: an id beyond them names no record.
MAX_ID = 2**63 - 1


def _record_id(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid id {value!r} (a whole number)") from None
    if not 1 <= number <= MAX_ID:
        raise argparse.ArgumentTypeError(f"invalid id {value!r} (from 1 to {MAX_ID})")
    return number


def _build_parser() -> OptionParser:
    parser = OptionParser(
        prog="pmdesk",
        description="Client communication desk for consulting project managers. "
        "Without a command, opens the app.",
        parents=[global_options(suppress_defaults=False)],
    )
    sub_options = global_options(suppress_defaults=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    commands.add_parser(
        "demo",
        parents=[sub_options],
        help="create the demo project (in --lang, default en)",
        description="Create the demo project in the database, creating the file if needed.",
    )
    listing = commands.add_parser(
        "list",
        parents=[sub_options],
        help="print projects, people, meetings, actions or decisions",
        description="Print records as a table, or as a JSON array with --json.",
    )
    listing.add_argument("kind", choices=LISTINGS, help="what to list")
    listing.add_argument(
        "--project", type=_record_id, metavar="ID", help="only this project's records"
    )
    listing.add_argument("--json", action="store_true", help="print a JSON array of objects")
    today = commands.add_parser(
        "today",
        parents=[sub_options],
        help="print what the method says to do today (overdue, today, this week)",
        description="Print today's items of every open project, or of --project, as a "
        "table or as a JSON array with --json; the reasons are in --lang (default en).",
    )
    today.add_argument(
        "mark",
        nargs="?",
        choices=TODAY_MARKS,
        metavar="done|snooze|dismiss|reopen",
        help="mark the item KEY (see --json) instead of listing",
    )
    today.add_argument("key", nargs="?", metavar="KEY", help="the item's key, from --json")
    today.add_argument("--project", type=_record_id, metavar="ID", help="only this project")
    today.add_argument("--json", action="store_true", help="print a JSON array of objects")
    today.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help="snooze until this day")
    today.add_argument("--reason", metavar="TEXT", help="why it is dismissed")
    exporting = commands.add_parser(
        "export",
        parents=[sub_options],
        help="write a client or team file (minutes, report, tracker…)",
        description="Write an export file. Meeting exports take --meeting, project exports "
        "--project. Client files are in the project's document language unless --lang.",
    )
    exporting.add_argument(
        "kind",
        choices=EXPORTS,
        help="; ".join(f"{k.name}: {k.scope.value}, {k.audience.value}" for k in EXPORTS.values()),
    )
    which = exporting.add_mutually_exclusive_group(required=True)
    which.add_argument("--meeting", type=_record_id, metavar="ID", help="the meeting to export")
    which.add_argument("--project", type=_record_id, metavar="ID", help="the project to export")
    exporting.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    exporting.add_argument("--force", action="store_true", help="replace FILE if it exists")
    exporting.add_argument("--from", dest="period_start", type=_date, metavar="YYYY-MM-DD")
    exporting.add_argument("--to", dest="period_end", type=_date, metavar="YYYY-MM-DD")
    exporting.add_argument(
        "--cc-team", action="store_true", help="email: copy the consultant team (Cc)"
    )
    importing = commands.add_parser(
        "import",
        parents=[sub_options],
        help="read back a tracker the client edited",
        description="Show every change an edited tracker holds (status, completion date, "
        "client comment, new steps) and apply all of them, or none if any value is invalid.",
    )
    importing.add_argument("kind", choices=("tracker",), help="what to import")
    importing.add_argument("--project", type=_record_id, metavar="ID", required=True)
    importing.add_argument("file", type=Path, metavar="FILE.xlsx", help="the edited tracker")
    importing.add_argument(
        "--dry-run", action="store_true", help="only show the changes; change nothing"
    )
    importing.add_argument(
        "--conflicts",
        choices=("keep", "client"),
        default="keep",
        help="cells both the client and pmdesk changed since the export: keep pmdesk's "
        "value (the default) or take the client's; a cell decided at an earlier import of "
        "the same export keeps that choice",
    )
    backing_up = commands.add_parser(
        "backup",
        parents=[sub_options],
        help="copy the database to a file (consistent even while the app is open)",
        description="Write a complete copy of the database with SQLite's online backup.",
    )
    backing_up.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    backing_up.add_argument("--force", action="store_true", help="replace FILE if it exists")
    restoring = commands.add_parser(
        "restore",
        parents=[sub_options],
        help="replace the database with a backup (what it replaces is backed up first)",
        description="Replace the database's content with a backup file. The current content "
        "is kept as a backup in the database's backup folder first.",
    )
    restoring.add_argument("file", type=Path, metavar="BACKUP.db", help="the backup to restore")
    membership = commands.add_parser(
        "members",
        parents=[sub_options],
        help="who may see and change a project on a team server",
        description="List, add or remove the database roles that are members of a project "
        "on a team server (--db postgresql://…). The server enforces it: a role sees only "
        "its projects.",
    )
    actions = membership.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action, text in (
        ("list", "who is on the project"),
        ("add", "put a role on the project"),
        ("remove", "take a role off the project"),
    ):
        sub = actions.add_parser(action, parents=[sub_options], help=text, description=text)
        sub.add_argument("--project", type=_record_id, metavar="ID", required=True)
        if action != "list":
            sub.add_argument("role", metavar="ROLE", help="a database login role")
    searching = commands.add_parser(
        "search",
        parents=[sub_options],
        help="find notes, decisions, meetings, actions, people… by their words",
        description="Search every project (or --project ID) for records holding every word "
        "of QUERY, in English or Chinese. Internal records are marked.",
    )
    searching.add_argument("query", metavar="QUERY")
    searching.add_argument("--project", type=int, metavar="ID", help="only this project")
    searching.add_argument("--json", action="store_true", help="print a JSON array of objects")
    moving = commands.add_parser(
        "migrate-to",
        parents=[sub_options],
        help="copy projects from a database file to a team server",
        description="Copy every project of --db FILE (or those given with --project) to the "
        "team server at URL, in one transaction, and check the counts. The file's content "
        "is not changed (a file from an older pmdesk is upgraded first, after a backup, as "
        "opening it would).",
    )
    moving.add_argument("url", metavar="URL", help="postgresql://user@host/dbname")
    moving.add_argument(
        "--project", type=_record_id, metavar="ID", action="append", help="copy only this project"
    )
    return parser


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line; `command` is None when the app should open."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is not None and (args.smoke_test or args.demo):
        option = "--smoke-test" if args.smoke_test else "--demo"
        parser.error(f"{option} opens the app; it takes no command")
    if args.command == "migrate-to" and not is_server_url(args.url):
        from pmdesk.paths import hide_passwords

        parser.error(f"{hide_passwords(args.url)!r} is not a postgresql:// address")
    if args.command == "today":
        _check_today_args(parser, args)
    if args.command == "export":
        scope = EXPORTS[args.kind].scope
        given = Scope.MEETING if args.meeting is not None else Scope.PROJECT
        if given != scope:
            parser.error(f"export {args.kind} takes --{scope.value} ID, not --{given.value}")
        if args.period_start and args.period_end and args.period_end < args.period_start:
            parser.error("--to is before --from")
    return args


#: `pmdesk today MARK KEY`: what can be done with an item.
TODAY_MARKS = ("done", "snooze", "dismiss", "reopen")


def _check_today_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.mark is None:
        if args.key is not None or args.until is not None or args.reason is not None:
            parser.error("today takes --until and --reason only with snooze or dismiss KEY")
        return
    if args.key is None:
        parser.error(f"today {args.mark} takes the item's KEY (see pmdesk today --json)")
    if args.project is not None or args.json:
        parser.error(f"today {args.mark} takes no --project or --json")
    if (args.until is not None) != (args.mark == "snooze"):
        parser.error("snooze takes --until YYYY-MM-DD (and only snooze does)")
    if (args.reason is not None) != (args.mark == "dismiss"):
        parser.error("dismiss takes --reason TEXT (and only dismiss does)")


def demo_database(path: Path | None, language: Language | None) -> Path:
    """The database `pmdesk --demo` opens: made with the demo project if it has none."""
    from pmdesk.demo import create_demo_project

    language = language or Language.EN
    if path is None:
        path = default_database_path().with_name(f"demo-{language.value}.db")
    try:
        open_database(path, health_check=True)
        if not projects.list_projects():
            create_demo_project(language)
    finally:
        close_database()
    return path


def run(args: argparse.Namespace) -> int:
    """Run the parsed command; returns the exit code. The database is closed afterwards.

    Every problem is one line on stderr and exit code 1: nothing was changed."""
    from pmdesk import messages, temporaries

    messages.use(args.lang)
    temporaries.remove_stale()  # what a killed export or backup left behind
    try:
        return COMMANDS[args.command](args)
    except CorruptDatabase as exc:  # named with its latest sound backup, or none
        from pmdesk import backups

        _error(backups.damage_report(exc))
        return 1
    except DATA_ERRORS as exc:
        _error(_plain_error(exc))
        return 1
    except OverflowError as exc:  # a date or number beyond what can be computed or stored
        _error(f"a date or number is out of range ({exc}); nothing was changed")
        return 1
    finally:
        close_database()


def _plain_error(exc: BaseException) -> str:
    """The message of `exc` on one line; SQLite's misleading ones said plainly."""
    message = " ".join(str(exc).split())
    if isinstance(exc, peewee.DatabaseError | sqlite3.Error) and (
        "full" in message or "cannot rollback" in message or "disk I/O" in message
    ):
        # "cannot rollback - no transaction is active" is what a full disk reads as.
        return "the disk is full or cannot be written; nothing was saved"
    return message


def _error(message: str) -> None:
    """One line on stderr, in the user's language (see `messages`)."""
    from pmdesk.messages import say

    print(say(f"pmdesk: error: {message}"), file=sys.stderr)


# -- commands -------------------------------------------------------------------------


def _database_path(args: argparse.Namespace) -> Location:
    return args.db if args.db is not None else default_database_path()


def _open(args: argparse.Namespace, *, create: bool) -> None:
    """Open --db; a team server's password is asked for at a terminal if needed."""
    from pmdesk.credentials import open_location

    def ask(problem: PasswordNeeded) -> str | None:
        if not sys.stdin.isatty():
            return None
        import getpass

        return getpass.getpass(f"{problem}. Password: ")

    # Checked (quick_check, once per change of the file): no command reads or writes a
    # damaged file.
    open_location(_database_path(args), create=create, ask=ask, health_check=True)


def _file_only(args: argparse.Namespace, command: str) -> Path:
    location = _database_path(args)
    if not isinstance(location, Path):
        raise DatabaseProblem(
            f"{command} works on a database file; a team server is backed up and restored "
            f"on the server (pg_dump, pg_restore)"
        )
    return location


def run_demo(args: argparse.Namespace) -> int:
    """`pmdesk demo`: add the demo project to the database (created if missing)."""
    from pmdesk.demo import create_demo_project  # only this command needs the demo data

    _open(args, create=True)
    project = projects.get_project(create_demo_project(args.lang or Language.EN))
    _print(f"Created demo project {project.id}: {project.name}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """`pmdesk list KIND`: print records as a table or JSON; never creates a database."""
    _open(args, create=False)
    listing = LISTINGS[args.kind]
    rows = [listing.to_dict(record) for record in listing.records(args.project)]
    if args.json:
        _print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        _print(text_table(rows, listing.columns))
    return 0


def run_today(args: argparse.Namespace) -> int:
    """`pmdesk today`: the Today items, overdue first; never creates a database."""
    from pmdesk.services import today

    _open(args, create=False)
    day = dt.date.today()
    if args.mark is not None:
        return _mark_today(args, day)
    language = args.lang or Language.EN
    rows = [today_dict(item, day, language) for item in today.items(args.project, day)]
    if args.json:
        _print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        _print(text_table(rows, ("when", "due", "hat", "project_id", "person", "action", "why")))
    return 0


def _mark_today(args: argparse.Namespace, day: dt.date) -> int:
    """`pmdesk today done|snooze|dismiss|reopen KEY`: one mark, one transaction."""
    from pmdesk.services import today

    if args.mark == "reopen":
        today.reopen(args.key)
        _print(say(f"Reopened {args.key}"))
        return 0
    item = today.find(args.key, day)
    if args.mark == "done":
        today.done(item)
        _print(say(f"Done: {args.key}"))
    elif args.mark == "snooze":
        today.snooze(item, args.until)
        _print(say(f"Snoozed until {args.until.isoformat()}: {args.key}"))
    else:
        today.dismiss(item, args.reason)
        _print(say(f"Dismissed: {args.key}"))
    return 0


def run_export(args: argparse.Namespace) -> int:
    """`pmdesk export KIND`: write one file; an existing file is replaced only when done."""
    kind = EXPORTS[args.kind]
    _open(args, create=False)
    record_id = args.meeting if kind.scope == Scope.MEETING else args.project
    options = ExportOptions(args.lang, args.period_start, args.period_end)
    try:
        function = kind.load()
    except (ImportError, AttributeError):
        raise ExportProblem(f"export {kind.name} is not available in this version") from None
    target = Path(args.output)
    if target.is_dir():
        raise ExportProblem(f"{target} is a folder: give the file a name")
    if target.exists() and not args.force:
        raise ExportProblem(f"{target} already exists; give another name, or --force to replace it")
    refuse_protected(target)  # before the name's ending: the database's own files first
    if target.suffix.lower() != kind.suffix:
        # A workbook named .docx opens in no program the client has.
        raise ExportProblem(
            f"{target} does not end in {kind.suffix}: the {kind.name} export writes a "
            f"{kind.suffix} file"
        )
    extra: dict[str, Any] = {}
    if kind.name == "email":
        extra["cc_team"] = args.cc_team
        _warn_left_out(record_id, cc_team=args.cc_team)
    written = function(record_id, target, options, **extra)
    _print(say(f"Wrote {written}"))
    return 0


def _warn_left_out(meeting_id: int, *, cc_team: bool) -> None:
    """Before the draft is written: name everyone it will miss (one line per field)."""
    from pmdesk.services import capture

    missing = capture.left_out_of_email(meeting_id, cc_team=cc_team)
    for names, field in ((missing.clients, "To"), (missing.team, "Cc")):
        if names:
            listed = ", ".join(p.name for p in names)
            print(
                say(f"pmdesk: warning: not in {field} (no email address): {listed}"),
                file=sys.stderr,
            )


def run_import(args: argparse.Namespace) -> int:
    """`pmdesk import tracker`: print the preview; without --dry-run apply all of it."""
    # openpyxl is big: only this command needs it
    from pmdesk.imports import tracker_text, tracker_xlsx

    _open(args, create=False)
    project = projects.get_project(args.project)
    language = args.lang or Language(project.document_language)
    preview = tracker_xlsx.read_tracker(project.id, args.file, dt.date.today())
    for conflict in preview.conflicts:
        if conflict.chosen_on is None:  # else: as the PM chose at an earlier import
            conflict.take_client = args.conflicts == "client"
    for line in tracker_text.preview_lines(preview, language):
        _print(line)
    count = len(preview.changes) + len(preview.new_steps)
    count += sum(c.take_client for c in preview.conflicts)
    if preview.is_empty:
        pass  # preview_lines said so
    elif args.dry_run:
        _print(f"Dry run: {count} changes found; nothing was changed.")
    else:
        tracker_xlsx.apply_tracker(preview)
        _print(f"Imported {count} changes into project {project.id}.")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    """`pmdesk backup -o FILE`: a consistent copy, written whole or not at all."""
    from pmdesk.db import backup_to_file

    target = Path(args.output)
    source = _file_only(args, "backup")
    open_database(source, create=False, health_check=True)
    written = backup_to_file(target, replace=args.force)
    _print(say(f"Backed up to {written}"))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """`pmdesk restore FILE`: replace the database with a backup, keeping a copy first."""
    from pmdesk import backups

    path = _file_only(args, "restore")
    try:
        open_database(path, create=False, health_check=True)
    except CorruptDatabase:
        # A damaged file is never written into: it is moved aside and the backup put back.
        aside = backups.recover(path, args.file)
        _print(say(f"Restored {args.file} into {path}; the damaged file is kept as {aside}"))
        return 0
    saved = backups.restore(args.file, path)
    _print(say(f"Restored {args.file} into {path}; the replaced data is in {saved}"))
    return 0


def run_members(args: argparse.Namespace) -> int:
    """`pmdesk members list|add|remove --project ID [ROLE]` on a team server."""
    from pmdesk import db, db_server

    location = _database_path(args)
    if not is_server_url(location):
        raise DatabaseProblem("members are kept on a team server: give --db postgresql://…")
    _open(args, create=False)
    server = db.database.obj
    project = projects.get_project(args.project)
    if args.action == "list":
        owner = project.row_created_by
        rows = [{"role": owner, "added by": "", "since": "", "as": "creator"}] if owner else []
        rows += [
            {
                "role": m.role_name,
                "added by": m.added_by,
                "since": f"{m.added_at:%Y-%m-%d %H:%M} UTC",
                "as": "member",
            }
            for m in db_server.members(server, project.id)
        ]
        _print(text_table(rows, ("role", "as", "added by", "since")))
        return 0
    if args.action != "list" and not db_server.may_change_members(server, project.id):
        raise DatabaseProblem(
            f"only the creator of project {project.id} ({project.row_created_by}) or the "
            f"server's administrator may change its members"
        )
    if args.action == "add":
        if not db_server.role_exists(server, args.role):
            raise DatabaseProblem(
                f"the server has no role {args.role!r}; its administrator creates it first "
                f"(CREATE ROLE {args.role} LOGIN PASSWORD '…' IN ROLE {db_server.MEMBER_GROUP})"
            )
        with db.transaction():
            added = db_server.add_member(server, project.id, args.role)
        _print(
            f"{args.role} is {'now' if added else 'already'} a member of project "
            f"{project.id} ({project.name})"
        )
        return 0
    with db.transaction():
        removed = db_server.remove_member(server, project.id, args.role)
    if not removed:
        raise NotFound(f"{args.role} is not a member of project {project.id}")
    _print(f"{args.role} is no longer a member of project {project.id} ({project.name})")
    return 0


def run_migrate_to(args: argparse.Namespace) -> int:
    """`pmdesk migrate-to --db FILE URL`: copy projects to a team server, counts checked."""
    from pmdesk import transfer
    from pmdesk.credentials import stored_password

    source = _file_only(args, "migrate-to")
    rows = transfer.read_projects(source, args.project)
    projects_read = len(rows[Project])
    password = stored_password(args.url)
    try:
        report = transfer.write_to_server(args.url, rows, password=password)
    except DatabaseProblem as problem:
        if not isinstance(problem, PasswordNeeded) or not sys.stdin.isatty():
            raise
        import getpass

        password = getpass.getpass(f"{problem}. Password: ")
        report = transfer.write_to_server(args.url, rows, password=password)
    table = [{"table": c.table, "in the file": c.read, "on the server": c.written} for c in report]
    _print(text_table(table, ("table", "in the file", "on the server")))
    _print(f"Copied {projects_read} projects to {display_url(args.url)}; every count matches.")
    return 0


def run_search(args: argparse.Namespace) -> int:
    """`pmdesk search QUERY`: kind, id, project, text and the internal flag of each hit."""
    from pmdesk.services import search

    _open(args, create=False)
    if args.project is not None:
        projects.get_project(args.project)
    hits = search.search(args.query, project_id=args.project)
    rows = [
        {
            "kind": hit.kind.value,
            "id": hit.record_id,
            "project_id": hit.project_id,
            "text": hit.text.strip(),
            "internal": hit.internal,
        }
        for hit in hits
    ]
    if args.json:
        _print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        _print(text_table(rows, ("kind", "id", "project_id", "internal", "text")))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": run_demo,
    "list": run_list,
    "today": run_today,
    "export": run_export,
    "import": run_import,
    "backup": run_backup,
    "members": run_members,
    "migrate-to": run_migrate_to,
    "restore": run_restore,
    "search": run_search,
}


# -- list kinds -----------------------------------------------------------------------


@dataclass(frozen=True)
class Listing:
    """One kind `list` prints: how to query it, its JSON object, its table columns."""

    records: Callable[[int | None], list[Any]]
    to_dict: Callable[[Any], dict[str, Any]]
    columns: tuple[str, ...]


def _per_project(query: Callable[[int], list[Any]]) -> Callable[[int | None], list[Any]]:
    """Rows of one project (NotFound if there is none), or of every project in turn."""

    def records(project_id: int | None) -> list[Any]:
        if project_id is not None:
            projects.get_project(project_id)
            return query(project_id)
        return [row for project in projects.list_projects() for row in query(project.id)]

    return records


def _pick(record: Any, *names: str) -> dict[str, Any]:
    """The named attributes of a record as JSON values."""
    return {name: _json_value(getattr(record, name)) for name in names}


def _json_value(value: Any) -> Any:
    """Dates and times as ISO 8601 strings; strings, numbers, booleans and None as is."""
    return value.isoformat() if isinstance(value, dt.date) else value


def today_dict(item: TodayItem, day: dt.date, language: Language) -> dict[str, Any]:
    return {
        "key": item.key,
        "when": item.when(day).value,
        "due": item.due.isoformat(),
        "hat": item.hat.value,
        "kind": item.kind,
        "project_id": item.project_id,
        "record_id": item.record_id,
        "person_id": item.person_id,
        "person": item.person,
        "action": item.action,
        "why": item.reason(language),
    }


def project_dict(project: Project) -> dict[str, Any]:
    return _pick(
        project,
        *("id", "name", "client_org", "code", "status", "document_language"),
        *("start_date", "end_date"),
    )


def person_dict(person: Person) -> dict[str, Any]:
    # The analysis fields are included: this is the PM's own tool, not a client file.
    return _pick(
        person,
        *("id", "project_id", "name", "side", "role", "org_unit", "title", "email", "phone"),
        *("engagement_current", "engagement_desired", "influence", "interest"),
        *("cooperation_type", "causes", "strategy", "next_action"),
    )


def meeting_dict(meeting: Meeting) -> dict[str, Any]:
    group = meeting.series if meeting.series_id is not None else None
    return {
        **_pick(
            meeting,
            *("id", "project_id", "title", "kind", "status", "starts_at", "ends_at", "venue"),
        ),
        # Joined by series.list_meetings: no query per row.
        "series": group.title if group is not None else None,
        "series_id": meeting.series_id,
    }


def decision_dict(entry: Any) -> dict[str, Any]:
    return {
        "id": entry.note_id,
        "project_id": entry.project_id,
        "date": _json_value(entry.decided_on),
        "meeting_id": entry.meeting_id,
        "meeting": entry.meeting_title,
        "decided_by": entry.decided_by,
        "status": entry.status.value,
        "superseded_by": entry.superseded_by,
        "internal": entry.internal,
        "actions": [a.id for a in entry.actions],
        "text": entry.text,
    }


def action_dict(action: ActionItem) -> dict[str, Any]:
    owner = action.owner  # joined by list_actions: no query per row
    return {
        **_pick(action, "id", "project_id", "title"),
        "owner": owner.name if owner is not None else None,
        **_pick(action, "owner_id"),
        "due": _json_value(action.due_date),
        **_pick(action, "status", "start_date", "completed_on", "priority"),
        **_pick(action, "needs_client_assistance", "carry_over_count"),
    }


#: What `pmdesk list KIND` can print. Free-text titles come last in the table columns,
#: so a long one does not push the other columns out of line.
LISTINGS: dict[str, Listing] = {
    "projects": Listing(
        lambda _project_id: projects.list_projects(),
        project_dict,
        ("id", "name", "client_org", "status", "start_date", "end_date"),
    ),
    "people": Listing(
        _per_project(people.list_people),
        person_dict,
        ("id", "project_id", "name", "side", "role", "org_unit", "title"),
    ),
    "meetings": Listing(
        _per_project(series.list_meetings),
        meeting_dict,
        ("id", "project_id", "starts_at", "kind", "status", "series", "title"),
    ),
    "decisions": Listing(
        _per_project(decisions.list_decisions),
        decision_dict,
        ("id", "project_id", "date", "status", "decided_by", "internal", "text"),
    ),
    "actions": Listing(
        _per_project(progress.list_actions),
        action_dict,
        ("id", "project_id", "due", "status", "owner", "title"),
    ),
}


# -- output ---------------------------------------------------------------------------


def text_table(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    """Rows as aligned text columns under a header; wide (CJK) characters count double."""
    lines = [list(columns), *([_cell(row[column]) for column in columns] for row in rows)]
    widths = [max(display_width(line[i]) for line in lines) for i in range(len(columns))]
    return "\n".join(
        "  ".join(
            cell + " " * (width - display_width(cell))
            for cell, width in zip(line, widths, strict=True)
        ).rstrip()
        for line in lines
    )


def display_width(text: str) -> int:
    """Terminal columns `text` takes: 2 for wide and full-width characters, 0 for marks."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return " ".join(str(value).split())


def _print(text: str) -> None:
    """Print as UTF-8 even where the console or pipe would use a legacy code page."""
    stream = sys.stdout
    if isinstance(stream, io.TextIOWrapper) and codecs.lookup(stream.encoding).name != "utf-8":
        stream.reconfigure(encoding="utf-8")
    print(text, file=stream)
