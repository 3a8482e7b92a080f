"""Text in .xlsx cells stays text: no value pmdesk writes can become a formula.

openpyxl turns a string that starts with "=" into a formula and one like "#N/A" into an
error value. A client's step titled `=HYPERLINK("http://…")` must reach the next
tracker (and every other workbook) as the characters the client typed, so every text a
workbook gets from pmdesk's data goes through here. Other leading characters a
spreadsheet may read as a formula when text is pasted or typed (+ - @, tab, CR) are
already stored as strings; forcing the type covers them all the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet


def as_text(cell: Cell) -> Cell:
    """Make `cell` a string cell if it holds text (a formula or error code included)."""
    if isinstance(cell.value, str) and cell.data_type != "s":
        cell.data_type = "s"
    return cell


def append_row(sheet: Worksheet, values: Sequence[Any]) -> None:
    """`sheet.append(values)`, with every text value written as a string cell."""
    sheet.append(values)
    risky = [i for i, v in enumerate(values) if isinstance(v, str) and _may_not_be_text(v)]
    if risky:
        row = sheet.max_row
        for index in risky:
            as_text(sheet.cell(row, index + 1))


def text_cells(cells: Iterable[Cell]) -> None:
    for cell in cells:
        as_text(cell)


def _may_not_be_text(value: str) -> bool:
    return value.startswith("=") or value.startswith("#")
