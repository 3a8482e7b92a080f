"""Export files are written whole or not at all, with ordinary permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from pmdesk.exports.files import ExportProblem, alternative_name, write_atomically


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        written = write_atomically(tmp_path / "minutes.docx", lambda p: p.write_bytes(b"doc"))
    finally:
        os.umask(umask)
    assert stat.S_IMODE(written.stat().st_mode) == 0o644
    assert written.read_bytes() == b"doc"


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "tracker.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomically(target, lambda p: p.write_bytes(b"new"))
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() == b"new"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    target.write_bytes(b"sent last week")

    def broken(path: Path) -> None:
        path.write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(ExportProblem, match="disk full"):
        write_atomically(target, broken)
    assert target.read_bytes() == b"sent last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"]


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(ExportProblem, match="does not exist"):
        write_atomically(tmp_path / "nowhere" / "x.docx", lambda p: p.write_bytes(b""))


def test_another_name_is_free(tmp_path: Path) -> None:
    (tmp_path / "minutes.docx").touch()
    (tmp_path / "minutes (2).docx").touch()
    assert alternative_name(tmp_path / "minutes.docx") == tmp_path / "minutes (3).docx"


def test_a_read_only_folder_is_named_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root the folder's mode is not enforced, so the refusal is simulated at its source."""
    import tempfile

    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportProblem, match=r"Cannot write in .*choose another folder"):
        write_atomically(tmp_path / "pack.docx", lambda p: p.write_bytes(b"doc"))
    assert list(tmp_path.iterdir()) == []


def test_a_file_open_in_word_is_left_alone_and_another_name_offered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows, replacing a file Word holds open fails with PermissionError."""
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"open in Word")

    def locked(_source: object, _target: object) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportProblem, match=r"open in another program.*minutes \(2\)\.docx"):
        write_atomically(target, lambda p: p.write_bytes(b"new minutes"))
    assert target.read_bytes() == b"open in Word"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.docx"], "no temporary left"
