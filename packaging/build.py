"""Build the one-folder pmdesk bundle, trim it, check it, and report its size.

    .venv/bin/python packaging/build.py          # → dist/pmdesk/ (run from the repo root)

Needs the `package` extra (`pip install -e '.[package]'`). After building it runs the
bundle's own `--smoke-test` and exports a .docx and an .xlsx with it, so a bundle that
misses a data file or module fails here, not on a user's machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "pmdesk"
#: Qt's own translations to keep (standard buttons and dialogs in Chinese).
KEEP_QT_TRANSLATIONS = ("qtbase_zh_CN.qm", "qt_zh_CN.qm")
#: Qt plugin folders the app does not use.
DROP_PLUGINS = (
    "designer",
    "qmltooling",
    "sqldrivers",
    "multimedia",
    "position",
    "sensors",
    "canbus",
    "webview",
    "renderers",
    "sceneparsers",
    "geometryloaders",
    "assetimporters",
    "texttospeech",
)


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def trim(bundle: Path) -> None:
    """Remove what PyInstaller's PySide6 hook brings in that pmdesk never loads."""
    qt = next(bundle.rglob("PySide6/Qt"), None)
    if qt is None:
        return
    translations = qt / "translations"
    if translations.is_dir():
        for file in translations.iterdir():
            if file.name not in KEEP_QT_TRANSLATIONS:
                file.unlink()
    for name in DROP_PLUGINS:
        shutil.rmtree(qt / "plugins" / name, ignore_errors=True)
    for library in (qt / "lib").glob("libQt6*"):
        if any(part in library.name for part in ("Quick", "Qml", "Pdf", "3D", "WebEngine")):
            library.unlink()


def check(bundle: Path) -> None:
    """The frozen app starts, shows every tab, and writes a .docx and an .xlsx."""
    executable = bundle / ("pmdesk.exe" if sys.platform == "win32" else "pmdesk")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "check.db"

        def run(*args: str) -> str:
            result = subprocess.run(
                [str(executable), *args], env=env, capture_output=True, text=True, timeout=180
            )
            if result.returncode != 0:
                raise SystemExit(f"bundle check failed: pmdesk {' '.join(args)}\n{result.stderr}")
            return result.stdout

        run("demo", "--db", str(database), "--lang", "zh_CN")
        print(run("--db", str(database), "--smoke-test").strip())
        meeting = _kickoff_id(run("list", "meetings", "--json", "--db", str(database)))
        for kind, scope, record, suffix in (
            ("kickoff-pack", "--meeting", meeting, ".docx"),
            ("tracker", "--project", "1", ".xlsx"),
        ):
            target = Path(folder) / f"{kind}{suffix}"
            run("export", kind, scope, record, "-o", str(target), "--db", str(database))
            print(f"exported {target.name}: {target.stat().st_size:,} bytes")


def _kickoff_id(listing: str) -> str:
    import json

    meetings = json.loads(listing)
    return str(next(m["id"] for m in meetings if m["kind"] == "kickoff"))


def main() -> None:
    os.chdir(ROOT)
    subprocess.run(
        [sys.executable, "tools/translations.py", "build"], check=True
    )  # .qm files are built, never committed
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(DIST),
            "--workpath",
            str(HERE / "build"),
            str(HERE / "pmdesk.spec"),
        ],
        check=True,
    )
    trim(BUNDLE)
    size = folder_size(BUNDLE)
    print(f"bundle: {BUNDLE} — {size / 2**20:.1f} MiB unpacked")
    check(BUNDLE)
    print("bundle OK")


if __name__ == "__main__":
    main()
