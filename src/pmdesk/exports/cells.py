"""Text in .xlsx cells stays text: no value pmdesk writes can become a formula.

openpyxl turns a string that starts with "=" into a formula and one like "#N/A" into an
error value. A client's step titled `=HYPERLINK("http://…")` must reach the next
tracker (and every other workbook) as the characters the client typed, so every text a
workbook gets from pmdesk's data goes through here. Other leading characters a
spreadsheet may read as a formula when text is pasted or typed (+ - @, tab, CR) are
already stored as strings; forcing the type covers them all the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from openpyxl.cell.cell import Cell, WriteOnlyCell
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
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


def text_cell(sheet: Any, value: object) -> Cell:
    """A cell for a write-only sheet's row, a string cell if it holds text."""
    return as_text(WriteOnlyCell(sheet, value))


def stream_row(sheet: Any, values: Sequence[Any]) -> None:
    """`append_row` for a write-only sheet (whose rows cannot be read back)."""
    risky = [isinstance(v, str) and _may_not_be_text(v) for v in values]
    if any(risky):
        values = [text_cell(sheet, v) if r else v for v, r in zip(values, risky, strict=True)]
    sheet.append(values)


def styled_cell(sheet: Any, value: object, style: StyleArray) -> Cell:
    """A cell for a write-only sheet's row with `style` (copied, so it may be shared),
    a string cell if it holds text."""
    return as_text(Cell(sheet, value=value, style_array=style))


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


def _may_not_be_text(value: str) -> bool:
    return value.startswith("=") or value.startswith("#")
