"""Render every client file of the demo project, in both languages, as the client sees it.

    python tools/samples.py [FOLDER]      (default: docs/samples)

Each file is exported from a fresh demo database, converted by LibreOffice
(`soffice --headless --convert-to pdf`) and cut into PNG pages by `pdftoppm`; the
e-mail drafts and the invite, which LibreOffice does not open, are rendered from their
decoded text. Needs LibreOffice (writer and calc) and poppler-utils.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 27)
PROFILE = Path(tempfile.gettempdir()) / "pmdesk-samples-libreoffice"


def _render(source: Path, out: Path, stem: str) -> list[Path]:
    work = source.parent
    subprocess.run(
        [
            "soffice",
            # A profile of its own: another LibreOffice running does not block this one.
            f"-env:UserInstallation=file://{PROFILE}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = source.with_suffix(".pdf")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(pdf), str(out / stem)], check=True, timeout=120
    )
    return sorted(out.glob(f"{stem}*.png"))


def main(folder: Path) -> int:
    from pmdesk import db
    from pmdesk.demo import create_demo_project
    from pmdesk.exports import ExportOptions, export
    from pmdesk.exports.leak_gate import file_text
    from pmdesk.exports.reminder_eml import export_reminder
    from pmdesk.models import ActionItem, Language, Meeting, MeetingKind

    if shutil.which("soffice") is None or shutil.which("pdftoppm") is None:
        print("needs soffice (LibreOffice) and pdftoppm (poppler-utils)", file=sys.stderr)
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    period = ExportOptions(period_start=dt.date(2026, 11, 21), period_end=TODAY)
    for language in (Language.EN, Language.ZH_CN):
        with tempfile.TemporaryDirectory() as scratch:
            work = Path(scratch)
            db.open_database(work / "demo.db")
            try:
                project = create_demo_project(language, today=TODAY)
                kickoff = Meeting.get(
                    (Meeting.project == project) & (Meeting.kind == MeetingKind.KICKOFF.value)
                ).id
                other = Meeting.get(
                    (Meeting.project == project) & (Meeting.kind == MeetingKind.OTHER.value)
                ).id
                step = (
                    ActionItem.select()
                    .where((ActionItem.project == project) & ActionItem.owner.is_null(False))
                    .first()
                    .id
                )
                files = {
                    "kickoff-pack": export(
                        "kickoff-pack", kickoff, work / "kickoff-pack.docx", ExportOptions()
                    ),
                    "meeting-pack": export(
                        "kickoff-pack", other, work / "meeting-pack.docx", ExportOptions()
                    ),
                    "minutes": export("minutes", other, work / "minutes.docx", ExportOptions()),
                    "report": export("report", project, work / "report.docx", period),
                    "tracker": export("tracker", project, work / "tracker.xlsx", ExportOptions()),
                    "email": export("email", other, work / "email.eml", ExportOptions()),
                    "invite": export("invite", kickoff, work / "invite.ics", ExportOptions()),
                    "reminder": export_reminder(step, work / "reminder.eml", ExportOptions()),
                }
            finally:
                db.close_database()
            tag = "en" if language == Language.EN else "zh_CN"
            for name, path in files.items():
                if path.suffix in (".eml", ".ics"):
                    text = path.with_suffix(".txt")
                    raw = path.read_bytes()
                    if path.suffix == ".eml":
                        import email
                        import email.policy

                        message = email.message_from_bytes(raw, policy=email.policy.default)
                        heads = [f"{k}: {v}" for k, v in message.items()]
                        body = message.get_body(("plain",))
                        shown = "\n".join(heads) + "\n\n" + (body.get_content() if body else "")
                    else:
                        shown = file_text(raw, path.name)
                    text.write_text(shown, encoding="utf-8")
                    path = text
                pages = _render(path, folder, f"{tag}-{name}")
                print(f"{tag} {name}: {len(pages)} page(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "samples"))
