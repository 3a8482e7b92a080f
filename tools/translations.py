"""Translation sources: `update` re-scans the code into resources/translations/*.ts,
`build` compiles them to .qm files inside the package (the build hook runs this too).

    python tools/translations.py update
    python tools/translations.py build
    python tools/translations.py fill OTHER.ts [OTHER.ts ...]

`fill` gives every unfinished message the translation another .ts has for it (same
context and source, else the same source): after a merge, take one side's file, run
`update`, `fill` with the other side's, and `update` again (it rewrites the layout).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources" / "translations"
TARGET = ROOT / "src" / "pmdesk" / "resources" / "translations"
LANGUAGES = ("zh_CN",)
#: English needs a file only for its plurals ("%n step(s)" → "1 step", "2 steps").
PLURALS_ONLY = ("en",)


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
    for language, extra in [
        *((lang, []) for lang in LANGUAGES),
        *((lang, ["-pluralonly"]) for lang in PLURALS_ONLY),
    ]:
        ts = SOURCES / f"pmdesk_{language}.ts"
        subprocess.run(
            [
                qt_tool("lupdate"),
                "-locations",
                "none",
                "-no-obsolete",
                *extra,
                *code_files(),
                "-ts",
                str(ts),
            ],
            check=True,
        )
    for language in PLURALS_ONLY:
        _english_plurals(SOURCES / f"pmdesk_{language}.ts")


def _english_plurals(ts: Path) -> None:
    """Fill new English plural forms by the rule "step(s)" → "step" / "steps"; a form
    the rule gets wrong ("1 late steps have") is corrected by hand once and then kept."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [] if translation is None else translation.findall("numerusform")
        if translation is None or len(forms) != 2 or all(f.text for f in forms):
            continue
        forms[0].text, forms[1].text = source.replace("(s)", ""), source.replace("(s)", "s")
        translation.attrib.pop("type", None)
        filled += 1
    if filled:
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
        print(f"{ts.name}: {filled} English plurals filled by rule; check them")


def build(target: Path = TARGET) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(SOURCES.glob("pmdesk_*.ts")):
        qm = target / (ts.stem + ".qm")
        subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def _translated(translation: ET.Element) -> str | tuple[str, ...] | None:
    """A finished translation: its text, or a plural message's forms (None if unfinished)."""
    if translation.get("type"):
        return None
    forms = tuple(f.text or "" for f in translation.findall("numerusform"))
    if forms:
        return forms if all(forms) else None
    return translation.text or None


def _known(
    paths: list[str],
) -> tuple[dict[tuple[str, str], str | tuple[str, ...]], dict[str, str | tuple[str, ...]]]:
    by_context: dict[tuple[str, str], str | tuple[str, ...]] = {}
    by_source: dict[str, str | tuple[str, ...]] = {}
    for path in paths:
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                text = _translated(translation) if translation is not None else None
                if text is None:
                    continue
                by_context.setdefault((name, source), text)
                by_source.setdefault(source, text)
    return by_context, by_source


def fill(others: list[str]) -> None:
    """Complete unfinished messages from other .ts files (see the module docstring)."""
    by_context, by_source = _known(others)
    for language in LANGUAGES:
        ts = SOURCES / f"pmdesk_{language}.ts"
        tree = ET.parse(ts)
        filled = 0
        for context in tree.getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                if translation is None or _translated(translation) is not None:
                    continue
                text = by_context.get((name, source)) or by_source.get(source)
                plural = message.get("numerus") == "yes"
                if not text or isinstance(text, tuple) != plural:
                    continue
                if isinstance(text, tuple):  # a plural message: one form per number
                    for form in translation.findall("numerusform"):
                        translation.remove(form)
                    translation.text = None
                    for value in text:
                        ET.SubElement(translation, "numerusform").text = value
                else:
                    translation.text = text
                translation.attrib.pop("type", None)
                filled += 1
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
        print(f"{ts.name}: {filled} filled")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "build"
    if command == "fill":
        fill(sys.argv[2:])
    else:
        {"update": update, "build": build}[command]()
