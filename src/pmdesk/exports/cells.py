"""Text in .xlsx cells stays text: no value pmdesk writes can become a formula.

openpyxl turns a string that starts with "=" into a formula and one like "#N/A" into an
error value. A client's step titled `=HYPERLINK("http://…")` must reach the next
tracker (and every other workbook) as the characters the client typed, so every text a
workbook gets from pmdesk's data goes through here. Other leading characters a
spreadsheet may read as a formula when text is pasted or typed (+ - @, tab, CR) are
already stored as strings; forcing the type covers them all the same.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from openpyxl.cell.cell import Cell, WriteOnlyCell
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.numbers import is_date_format
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from pmdesk.models import Language


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


def text_cell(sheet: Any, value: object) -> Cell:
    """A cell for a write-only sheet's row, a string cell if it holds text."""
    return as_text(WriteOnlyCell(sheet, value))


#: A wrapped line's height in points at 11 pt (Noto CJK sets Chinese taller): no
#: spreadsheet recomputes row heights on open, so a row left at the default height
#: prints its second line over the next row.
LINE_HEIGHT = {Language.EN: 15.0, Language.ZH_CN: 17.0}


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: East Asian wide characters count as 2."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def stream_row(sheet: Any, values: Sequence[Any]) -> None:
    """`append_row` for a write-only sheet (whose rows cannot be read back)."""
    risky = [isinstance(v, str) and _may_not_be_text(v) for v in values]
    if any(risky):
        values = [text_cell(sheet, v) if r else v for v, r in zip(values, risky, strict=True)]
    sheet.append(values)


class StyledCell(Cell):
    """A cell of a write-only sheet's row in one of a few shared styles (`styled_cell`).

    openpyxl copies a cell's style when it is made and looks its number up in the
    workbook's style list when it is written: for the tracker's 90,000 cells in 18 styles
    that was a sixth of the export (issue #20). Its cells share a row style's array and
    number instead. Streamed cells are not changed after they are made, so the shared
    style is never written to."""

    __slots__ = ("has_style", "style_id")  # in place of openpyxl's properties


def styled_cell(sheet: Any, value: object, style: RowStyle) -> Cell:
    """A cell for a write-only sheet's row in `style`, a string cell if it holds text."""
    if not style.dates and isinstance(value, _DATES):
        # openpyxl would give the cell a date format: in the shared style.
        raise ValueError(f"a date in a cell style without a date format: {value!r}")
    cell = StyledCell(sheet)
    cell._style = style.array  # before the value: a date reads the number format
    cell.style_id = style.number
    cell.has_style = style.styled
    if value is not None:
        cell.value = value
        if isinstance(value, str):
            as_text(cell)
    return cell


class RowStyle(NamedTuple):
    """A cell style of a write-only workbook with its number in the workbook."""

    array: StyleArray
    number: int
    styled: bool
    dates: bool


def row_style(sheet: Any, style: StyleArray) -> RowStyle:
    """`style` (a template cell's `_style`) registered in `sheet`'s workbook."""
    array = StyleArray(style)
    template = Cell(sheet, style_array=array)
    dates = is_date_format(template.number_format)
    return RowStyle(array, sheet.parent._cell_styles.add(array), any(array), dates)


def rows_of_cells(sheet: WriteOnlyWorksheet) -> None:
    """Rows appended to `sheet` are lists of cells, each placed as it is.

    openpyxl's write-only append tries every item as a value first and refuses a cell
    with an exception whose message formats the cell: for the tracker's 90,000 styled
    cells that was a third of the export's time (issue #20). Without that method (another
    openpyxl) the sheet appends as before, only slower."""
    if not hasattr(WriteOnlyWorksheet, "_values_to_row"):
        return

    def place(cells: Sequence[Cell], row: int) -> Iterator[Cell]:
        for column, cell in enumerate(cells, start=1):
            cell.row, cell.column = row, column
            yield cell

    sheet._values_to_row = place


def set_dimension(sheet: WriteOnlyWorksheet, ref: str) -> None:
    """Give `sheet` its `<dimension>` ("A1:I12"; set before its first row).

    openpyxl's write-only sheets have none, and its read-only reader then parses a whole
    sheet on opening the file to learn its size — and leaves the file open when that
    sheet's XML is damaged. Normal sheets write the same range."""
    sheet.calculate_dimension = lambda: ref


def text_cells(cells: Iterable[Cell]) -> None:
    for cell in cells:
        as_text(cell)


_DATES = (dt.date, dt.time, dt.timedelta)  # datetime is a date


def _may_not_be_text(value: str) -> bool:
    return value.startswith("=") or value.startswith("#")
