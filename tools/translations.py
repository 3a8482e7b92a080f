"""Translation sources: `update` re-scans the code into resources/translations/*.ts,
`build` compiles them to .qm files inside the package (the build hook runs this too).

    python tools/translations.py update
    python tools/translations.py build
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources" / "translations"
TARGET = ROOT / "src" / "pmdesk" / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def qt_tool(name: str) -> str:
    """Path of Qt's lupdate/lrelease as shipped inside the PySide6 wheel."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        raise SystemExit("PySide6 is not installed; cannot run " + name)
    folder = Path(spec.origin).parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "bin" / name):
        if candidate.exists():
            return str(candidate)
    raise SystemExit(f"{name} not found in {folder}")


def code_files() -> list[str]:
    package = ROOT / "src" / "pmdesk"
    files = [package / "app.py", *sorted((package / "ui").rglob("*.py"))]
    return [str(f) for f in files]


def update() -> None:
    for language in LANGUAGES:
        ts = SOURCES / f"pmdesk_{language}.ts"
        subprocess.run(
            [
                qt_tool("lupdate"),
                "-locations",
                "none",
                "-no-obsolete",
                *code_files(),
                "-ts",
                str(ts),
            ],
            check=True,
        )


def build(target: Path = TARGET) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(SOURCES.glob("pmdesk_*.ts")):
        qm = target / (ts.stem + ".qm")
        subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "build"
    {"update": update, "build": build}[command]()
