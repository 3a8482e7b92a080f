"""The Chinese UI is complete: every string the code translates has a finished translation."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "pmdesk_zh_CN.ts"


def load_tools():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "tools" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    }


def test_no_translation_is_unfinished() -> None:
    unfinished = [
        source
        for (_context, source), message in messages(TS).items()
        if (translation := message.find("translation")) is not None
        and (
            translation.get("type") in {"unfinished", "vanished", "obsolete"}
            or any(not form.text for form in translation.findall("numerusform"))
        )
    ]
    assert unfinished == []


def test_every_string_in_the_code_is_in_the_translation_file(tmp_path: Path) -> None:
    """lupdate over today's code finds nothing that the committed .ts lacks."""
    tools = load_tools()
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run(
        [
            tools.qt_tool("lupdate"),
            "-locations",
            "none",
            "-no-obsolete",
            *tools.code_files(),
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )
    assert set(messages(fresh)) == set(messages(TS))


def test_english_plurals_read_as_english(qapp: object) -> None:
    """ "%n step(s)" is "1 step" and "2 steps" in the English app, never "1 steps"."""
    from PySide6.QtCore import QCoreApplication

    from pmdesk.languages import Language
    from pmdesk.ui.i18n import install_translators

    load_tools().build()
    translators = install_translators(QCoreApplication.instance(), Language.EN)  # type: ignore[arg-type]
    try:
        assert translators, "the English plural file is built and loaded"
        say = QCoreApplication.translate
        assert say("ProgressTab", "%n step(s)", None, 1) == "1 step"
        assert say("ProgressTab", "%n step(s)", None, 2) == "2 steps"
        english = ROOT / "resources" / "translations" / "pmdesk_en.ts"
        for (_, source), message in messages(english).items():
            forms = [f.text or "" for f in message.iter("numerusform")]
            assert len(forms) == 2 and all(forms), f"English plural missing: {source}"
            assert "(s)" not in "".join(forms), source
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
