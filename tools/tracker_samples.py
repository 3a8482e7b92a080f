"""PNG pages of the client tracker as LibreOffice prints it, in English and Chinese.

    python tools/tracker_samples.py [OUT_DIR]

Writes OUT_DIR/tracker-<lang>-<page>.png (default docs/samples) from the demo project:
export, `soffice --convert-to pdf`, `pdftoppm`. Needs LibreOffice and poppler-utils.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from pmdesk import db
from pmdesk.demo import create_demo_project
from pmdesk.exports import ExportOptions
from pmdesk.exports.tracker_xlsx import export_tracker
from pmdesk.models import Language

TODAY = dt.date(2026, 11, 27)


def pages(language: Language, out: Path) -> list[Path]:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db.open_database(work / "demo.db")
        try:
            project = create_demo_project(language, today=TODAY)
            tracker = export_tracker(project, work / "tracker.xlsx", ExportOptions())
        finally:
            db.close_database()
        subprocess.run(
            ["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(work), str(tracker)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        for old in out.glob(f"tracker-{language.value}-*.png"):
            old.unlink()
        prefix = out / f"tracker-{language.value}"
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", str(work / "tracker.pdf"), str(prefix)], check=True
        )
    return sorted(out.glob(f"tracker-{language.value}-*.png"))


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/samples")
    out.mkdir(parents=True, exist_ok=True)
    for language in Language:
        for path in pages(language, out):
            print(path)


if __name__ == "__main__":
    main()
