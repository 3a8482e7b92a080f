"""The command line at the file's edges: every problem is one line on stderr, exit
non-zero, and no target replaces the database, its companions, its backups or a file
the user did not ask to replace."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmdesk import backups, db
from pmdesk.__main__ import main
from pmdesk.models import Meeting, Note, Project


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pmdesk: error: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "t.db"
    assert main(["demo", "--db", str(path)]) == 0
    capsys.readouterr()
    return path


def test_an_export_never_replaces_the_database_under_any_name(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(demo.parent)
    (demo.parent / "x").mkdir()
    before = demo.read_bytes()
    for target in ("t.db", "x/../t.db", str(demo.absolute()), "t.db-wal"):
        for force in ([], ["--force"]):
            code, out, err = run_cli(
                capsys, "export", "minutes", "--meeting", "1", "-o", target, "--db", "t.db", *force
            )
            assert code == 1 and out == "", (target, out)
            one_line_error(err)
    assert demo.read_bytes() == before
    assert not (demo.parent / "t.db-wal").exists()
    code, out, _ = run_cli(capsys, "list", "projects", "--db", "t.db")
    assert code == 0 and "Procure-to-Pay" in out


def test_an_export_into_the_backup_folder_is_refused(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.open_database(demo)
    made = backups.make_backup("start")
    db.close_database()
    kept = made.read_bytes()
    code, _, err = run_cli(
        capsys, "export", "minutes", "--meeting", "1", "-o", made, "--db", demo, "--force"
    )
    assert code == 1 and "backup folder" in one_line_error(err)
    assert made.read_bytes() == kept


def test_an_existing_file_is_replaced_only_with_force(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = demo.with_name("minutes.docx")
    edited.write_bytes(b"the client's edits")
    code, _, err = run_cli(
        capsys, "export", "minutes", "--meeting", "1", "-o", edited, "--db", demo
    )
    assert code == 1 and "--force" in one_line_error(err)
    assert edited.read_bytes() == b"the client's edits"
    code, out, _ = run_cli(
        capsys, "export", "minutes", "--meeting", "1", "-o", edited, "--db", demo, "--force"
    )
    assert code == 0 and "Wrote" in out
    assert edited.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(
    ("kind", "scope", "wrong", "right"),
    [
        ("decisions", "--project", "log.docx", ".xlsx"),
        ("minutes", "--meeting", "minutes.xlsx", ".docx"),
        ("tracker", "--project", "tracker", ".xlsx"),
        ("invite", "--meeting", "invite.ICS.txt", ".ics"),
    ],
)
def test_an_export_named_for_another_kind_of_file_is_refused(
    demo: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    scope: str,
    wrong: str,
    right: str,
) -> None:
    """A workbook saved as log.docx opens in no program the client has: refused, in one
    line naming the file and the ending it needs, and nothing is written."""
    target = demo.with_name(wrong)
    before = sorted(demo.parent.iterdir())
    code, _, err = run_cli(capsys, "export", kind, scope, "1", "-o", target, "--db", demo)
    line = one_line_error(err)
    assert code == 1 and str(target) in line and f"writes a {right} file" in line
    assert sorted(demo.parent.iterdir()) == before, "no file, no temporary left"
    upper = demo.with_name(f"export{right.upper()}")  # the ending's case does not matter
    code, out, _ = run_cli(capsys, "export", kind, scope, "1", "-o", upper, "--db", demo)
    assert "Wrote" in out
    assert code == 0 and upper.exists()
    code, _, err = run_cli(
        capsys, "--lang", "zh_CN", "export", kind, scope, "1", "-o", target, "--db", demo
    )
    assert code == 1 and f"的扩展名不是 {right}" in one_line_error_zh(err)


def test_backup_targets_are_checked(
    demo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    code, _, err = run_cli(capsys, "backup", "-o", folder, "--db", demo)
    line = one_line_error(err)
    assert code == 1 and "is a folder" in line and ".tmp" not in line
    assert list(folder.iterdir()) == []
    for target in (demo, demo.with_name("t.db-wal")):
        code, _, err = run_cli(capsys, "backup", "-o", target, "--db", demo, "--force")
        assert code == 1
        one_line_error(err)
    copy = tmp_path / "copy.db"
    assert run_cli(capsys, "backup", "-o", copy, "--db", demo)[0] == 0
    code, _, err = run_cli(capsys, "backup", "-o", copy, "--db", demo)
    assert code == 1 and "--force" in one_line_error(err)
    assert run_cli(capsys, "backup", "-o", copy, "--db", demo, "--force")[0] == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "minutes", "--meeting", str(2**63), "-o", "m.docx"],
        ["export", "minutes", "--meeting", str(2**64 + 5), "-o", "m.docx"],
        ["list", "people", "--project", "99999999999999999999"],
        ["export", "report", "--project", "1", "--from", "0001-01-01", "--to", "9999-12-31",
         "-o", "r.docx"],
        ["export", "tracker", "--project", "1", "--from", "0001-01-01", "--to", "9999-12-31",
         "-o", "t.xlsx"],
    ],
)  # fmt: skip
def test_out_of_range_values_are_one_line(
    demo: Path, capsys: pytest.CaptureFixture[str], argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(demo.parent)
    with contextlib.suppress(SystemExit):
        code, _, err = run_cli(capsys, *argv, "--db", demo)
        if code == 0:
            return  # computed and written: fine too
        one_line_error(err)
        return
    one_line_error(capsys.readouterr().err)


def test_a_fifo_as_the_database_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "pmdesk", "list", "projects", "--db", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,  # a bound, not a measurement: the old code blocked here for ever
    )
    assert result.returncode == 1
    assert "not a regular file" in one_line_error(result.stderr)


def test_a_byte_order_mark_alone_is_no_note(demo: Path) -> None:
    from pmdesk.services import ValidationProblem, capture

    db.open_database(demo)
    try:
        meeting = Meeting.select().first()
        with pytest.raises(ValidationProblem):
            capture.commit_note(meeting.id, "\ufeff")
        with pytest.raises(ValidationProblem):
            capture.commit_note(meeting.id, " \ufeff\u3000\ufeff ")
    finally:
        db.close_database()


# -- a full disk (a small tmpfs, where root may mount one) -----------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small"
    mount.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"mount is not allowed here: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _big_file(path: Path) -> None:
    db.open_database(path)
    meeting = Meeting.create(project=Project.create(name="P"), title="Kickoff")
    with db.transaction():
        for n in range(800):
            Note.create(meeting=meeting, offset_seconds=n, text="z" * 2000)
    db.close_database()


def test_a_backup_onto_a_full_disk_is_one_line_and_leaves_nothing(
    tmp_path: Path, small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live = tmp_path / "big.db"
    _big_file(live)
    code, _, err = run_cli(capsys, "backup", "-o", small_disk / "copy.db", "--db", live)
    assert code == 1 and "disk is full" in one_line_error(err)
    assert list(small_disk.iterdir()) == []


def test_a_write_on_a_full_disk_says_so_and_the_file_stays_sound(
    small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live = small_disk / "full.db"
    assert main(["demo", "--db", str(live)]) == 0
    capsys.readouterr()
    filler = small_disk / "filler"
    with contextlib.suppress(OSError), open(filler, "wb") as file:
        while True:
            file.write(b"\0" * 4096)
            file.flush()
    code, _, err = run_cli(capsys, "demo", "--db", live)
    line = one_line_error(err)
    assert code == 1 and "cannot rollback" not in line and "disk is full" in line
    filler.unlink()
    db.open_database(live, health_check=True)
    try:
        assert Project.select().count() == 1
    finally:
        db.close_database()


# -- killed right after checkpointing commits ------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys
    from pmdesk import db
    from pmdesk.models import Meeting, Note

    db.open_database(sys.argv[1])
    db.database.obj.execute_sql("PRAGMA wal_autocheckpoint = 1")  # every commit checkpoints
    meeting = Meeting.get()
    n = 0
    while True:
        n += 1
        Note.create(meeting=meeting, offset_seconds=n, text=f"note {n} " + "w" * 900)
        print(n, flush=True)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_sigkill_right_after_checkpointing_commits_never_looks_damaged(tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    db.open_database(live)
    Meeting.create(project=Project.create(name="P"), title="Kickoff")
    db.close_database()
    committed = 0
    for round_ in range(12):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(live)], stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout is not None
        for _ in range(3 + round_ * 2):
            committed_now = writer.stdout.readline()
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        committed += int(committed_now)
        db.open_database(live, health_check=True)  # no CorruptDatabase: it is sound
        try:
            assert Note.select().count() >= committed
        finally:
            db.close_database()
        with contextlib.closing(sqlite3.connect(live)) as con:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- errors in the user's language -----------------------------------------------------


def test_errors_follow_lang_then_the_chosen_language_then_the_system(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ("export", "minutes", "--meeting", "1", "-o", demo, "--db", demo)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    _, _, err = run_cli(capsys, *argv, "--lang", "zh_CN")
    assert one_line_error_zh(err).endswith("已存在；请换一个名字，或加 --force 替换它")

    settings = Path(os.environ["XDG_CONFIG_HOME"]) / "pmdesk" / "pmdesk.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[view]\nlanguage=zh_CN\n", encoding="utf-8")  # View → Language
    _, _, err = run_cli(capsys, *argv)
    one_line_error_zh(err)
    _, _, err = run_cli(capsys, *argv, "--lang", "en")
    assert "already exists" in one_line_error(err)

    settings.unlink()
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    _, _, err = run_cli(capsys, *argv)
    one_line_error_zh(err)
    with pytest.raises(SystemExit):  # a usage error too
        main(["list", "people", "--project", str(2**63), "--db", str(demo)])
    assert "无效的 id" in one_line_error_zh(capsys.readouterr().err)


def one_line_error_zh(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pmdesk：错误："), err
    return lines[0]


def test_restore_onto_a_damaged_file_moves_it_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.core.test_file_safety import _notes_file

    live = tmp_path / "live.db"
    _notes_file(live)
    copy = tmp_path / "copy.db"
    assert run_cli(capsys, "backup", "-o", copy, "--db", live)[0] == 0
    data = bytearray(live.read_bytes())
    data[:100] = bytes(100)  # a zeroed header: unreadable, and had a backup
    live.write_bytes(bytes(data))
    code, out, err = run_cli(capsys, "restore", copy, "--db", live)
    assert code == 0, err
    assert "damaged file is kept" in out
    assert list(tmp_path.glob("live-damaged-*.db"))
    db.open_database(live, health_check=True)
    try:
        assert Note.select().count() == 400
    finally:
        db.close_database()


# -- damaged, zeroed and empty files: every command says so, naming the backup ---------


def _pmdesk(*argv: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pmdesk", *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _spoil(kind: str, path: Path, sound: Path) -> None:
    from tests.core.test_file_safety import _bad_backup, _damage_a_leaf_page

    if kind == "damaged page":
        _damage_a_leaf_page(path)
    else:
        _bad_backup(kind, path, sound)


@pytest.mark.parametrize("kind", ["0-byte", "zeroed header", "damaged page"])
def test_every_command_refuses_a_spoiled_file_and_names_its_latest_sound_backup(
    tmp_path: Path, kind: str
) -> None:
    from tests.core.test_file_safety import _notes_file

    live = tmp_path / "live.db"
    _notes_file(live)
    db.open_database(live)
    sound = backups.make_backup("start")
    db.close_database()
    _spoil(kind, live, sound)
    spoiled = live.read_bytes()
    for command in (
        ["list", "projects"],
        ["demo"],  # a write
        ["backup", "-o", tmp_path / "out.db"],
        ["export", "minutes", "--meeting", "1", "-o", tmp_path / "m.docx"],
    ):
        result = _pmdesk(*command, "--db", live)
        assert result.returncode == 1, (command, result.stdout)
        line = one_line_error(result.stderr)
        assert "is damaged" in line and f"its latest sound backup is {sound}" in line, line
        assert live.read_bytes() == spoiled
    assert [b.path for b in backups.list_backups(live)] == [sound]  # none of the spoiled file
    assert not (tmp_path / "out.db").exists() and not (tmp_path / "m.docx").exists()
    result = _pmdesk("restore", sound, "--db", live)
    assert result.returncode == 0, result.stderr
    assert "damaged file is kept" in result.stdout
    assert _pmdesk("list", "projects", "--db", live).returncode == 0


def test_a_spoiled_file_with_no_backup_is_refused_in_one_line(tmp_path: Path) -> None:
    from tests.core.test_file_safety import _notes_file

    live = tmp_path / "live.db"
    _notes_file(live)
    _spoil("damaged page", live, live)
    result = _pmdesk("demo", "--db", live, "--lang", "zh_CN")
    assert result.returncode == 1
    assert "且没有完好的备份" in one_line_error_zh(result.stderr)
    result = _pmdesk("demo", "--db", live)
    assert "has no sound backup. It was not changed" in one_line_error(result.stderr)


def test_the_check_runs_once_per_change_of_the_file(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """quick_check costs a second on a large file: a command on a file unchanged since
    it passed does not run it again; any write (by pmdesk or another program, even one
    that puts the modification time back) makes the next command check."""
    checks: list[int] = []
    real = db.health_problem
    monkeypatch.setattr(db, "health_problem", lambda con: checks.append(1) or real(con))
    for _ in range(3):
        assert run_cli(capsys, "list", "projects", "--db", demo)[0] == 0
    assert len(checks) == 1
    assert run_cli(capsys, "demo", "--db", demo)[0] == 0  # unchanged since: not again
    assert len(checks) == 1
    assert run_cli(capsys, "list", "projects", "--db", demo)[0] == 0  # demo wrote: checked
    assert len(checks) == 2
    before = demo.stat()
    _spoil("damaged page", demo, demo)
    os.utime(demo, ns=(before.st_atime_ns, before.st_mtime_ns))  # the change time still moves
    code, _, err = run_cli(capsys, "list", "projects", "--db", demo)
    assert code == 1 and "is damaged" in one_line_error(err)


KILLED_WRITER = textwrap.dedent(
    """
    import os, signal, sys
    from pmdesk import db
    from pmdesk.models import Meeting, Note

    db.open_database(sys.argv[1])
    db.database.obj.execute_sql("PRAGMA wal_autocheckpoint = 0")  # all of it in the -wal
    meeting = Meeting.get()
    for n in range(21):
        Note.create(meeting=meeting, offset_seconds=n, text=f"committed {n}")
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_a_read_only_file_system_with_a_wal_and_no_shm_shows_every_commit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real read-only mount (where root may make one) of a folder a crash left with
    its -wal and no -shm: not "damaged", and every committed note is read."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root")
    source, mount = tmp_path / "src", tmp_path / "ro"
    source.mkdir()
    mount.mkdir()
    live = source / "c.db"
    db.open_database(live)
    Meeting.create(project=Project.create(name="P"), title="Kickoff")
    db.close_database()
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(live)], check=False)
    (source / "c.db-shm").unlink()
    made = subprocess.run(["mount", "--bind", str(source), str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"mount is not allowed here: {made.stderr.decode().strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(mount)], check=True)
        code, out, err = run_cli(capsys, "search", "committed", "--db", mount / "c.db", "--json")
        assert code == 0, err
        assert out.count('"kind"') == 21
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
    assert sorted(p.name for p in source.iterdir()) == ["c.db", "c.db-wal"]  # untouched
