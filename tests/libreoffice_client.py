"""The client, played by LibreOffice Calc: open a tracker, edit it as a person would, save.

Run with the system Python that has LibreOffice's `uno` module (Debian: python3-uno), not
the project's virtual environment:

    /usr/bin/python3 tests/libreoffice_client.py IN.xlsx OUT.xlsx EDITS.json PROFILE_DIR

EDITS is a list of steps, each one of
  {"type": [sheet, "F5", "Done"]}       typed into the cell, as at the keyboard (so
                                         "2026-11-26" becomes a date, "=…" a formula)
  {"text": [sheet, "B9", "=HYPERLINK(…)"]}   set as text (what a paste of text does)
  {"clear": [sheet, "G7"]}
  {"comment": [sheet, "I5", "Ask Tom first"]}
  {"delete_row": [sheet, 7]}              1-based row number
and the file is saved as Excel 2007-365 (.xlsx) the way File → Save As does. With
PMDESK_TEST_OFFICE_PIPE set it uses the LibreOffice listening on that pipe (and leaves
it running) instead of starting its own.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.table import CellAddress  # type: ignore[import-not-found]

#: Set to the pipe of a LibreOffice already listening (the tests start one per session).
SHARED_PIPE = "PMDESK_TEST_OFFICE_PIPE"


def _property(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _connect(pipe: str) -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    for _ in range(600):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.1)
    raise SystemExit("LibreOffice did not start")


def main() -> None:
    source, target, edits_file, profile = sys.argv[1:5]
    shared = os.environ.get(SHARED_PIPE)
    if shared:  # a LibreOffice the tests keep running: use it, leave it running
        _edit(_connect(shared), source, target, edits_file, terminate=False)
        return
    pipe = f"pmdesk-test-{Path(profile).name}"
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation={Path(profile).resolve().as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            f"--accept=pipe,name={pipe};urp;",
        ]
    )
    try:
        _edit(_connect(pipe), source, target, edits_file, terminate=True)
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()


def _edit(context: Any, source: str, target: str, edits_file: str, *, terminate: bool) -> None:
    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context
    )
    document = desktop.loadComponentFromURL(
        Path(source).resolve().as_uri(), "_blank", 0, (_property("Hidden", True),)
    )
    for edit in json.loads(Path(edits_file).read_text(encoding="utf-8")):
        [(kind, args)] = edit.items()
        sheet = document.Sheets.getByName(args[0])
        if kind == "delete_row":
            sheet.Rows.removeByIndex(int(args[1]) - 1, 1)
            continue
        cell = sheet.getCellRangeByName(args[1])
        if kind == "type":
            cell.setFormula(str(args[2]))  # parsed as typed input: dates, numbers, "=…"
        elif kind == "text":
            cell.setString(str(args[2]))
        elif kind == "clear":
            cell.setString("")
        elif kind == "comment":
            address = CellAddress(sheet.RangeAddress.Sheet, cell.CellAddress.Column,
                                  cell.CellAddress.Row)  # fmt: skip
            sheet.Annotations.insertNew(address, str(args[2]))
    document.storeToURL(
        Path(target).resolve().as_uri(), (_property("FilterName", "Calc MS Excel 2007 XML"),)
    )
    document.close(True)
    if terminate:
        with contextlib.suppress(Exception):  # the bridge goes away as LibreOffice quits
            desktop.terminate()


if __name__ == "__main__":
    main()
