"""Sorting and filtering inside the table model: right order, empty values last."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from pmdesk.ui.models.records import Column, RecordTableModel, sorted_rows


def test_text_sorts_without_regard_to_case_and_empty_values_come_last() -> None:
    rows = [{"t": "beta"}, {"t": None}, {"t": "Alpha"}, {"t": "gamma"}]
    ordered = sorted_rows(rows, lambda r: r["t"], descending=False)
    assert [r["t"] for r in ordered] == ["Alpha", "beta", "gamma", None]
    backwards = sorted_rows(rows, lambda r: r["t"], descending=True)
    assert [r["t"] for r in backwards] == ["gamma", "beta", "Alpha", None]


def test_dates_numbers_and_mixed_columns() -> None:
    dates = [dt.date(2026, 3, 1), None, dt.date(2025, 1, 1)]
    assert sorted_rows(dates, lambda d: d, False) == [
        dt.date(2025, 1, 1),
        dt.date(2026, 3, 1),
        None,
    ]
    assert sorted_rows([3, 1.5, 2], lambda n: n, False) == [1.5, 2, 3]
    mixed = ["b", 2, True, "a"]
    assert sorted_rows(mixed, lambda v: v, False) == [2, "a", "b", True]


def test_model_sorts_filters_and_returns_to_the_service_order() -> None:
    model = RecordTableModel[dict[str, object]](
        [Column("Title", lambda r: r["t"]), Column("Due", lambda r: r["d"])]
    )
    rows = [
        {"t": "b", "d": dt.date(2026, 1, 2)},
        {"t": "a", "d": None},
        {"t": "c", "d": dt.date(2026, 1, 1)},
    ]
    model.set_rows(rows)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [r["t"] for r in model.rows()] == ["c", "b", "a"]
    model.set_filter(lambda r: r["t"] != "b")
    assert [r["t"] for r in model.rows()] == ["c", "a"], "a filter keeps the sort"
    model.sort(-1)
    assert [r["t"] for r in model.rows()] == ["a", "c"]


def test_a_view_paints_each_cell_from_what_data_answers(qtbot: QtBot) -> None:
    """The item delegate asks `multiData` for a cell's roles at once (issue #20): the text,
    check mark, colour and alignment it gets are what `data` answers, role by role."""
    brush = QBrush(QColor("#fde2e1"))
    model = RecordTableModel[dict[str, object]](
        [
            Column("Title", lambda r: r["t"]),
            Column("Due", lambda r: r["d"]),
            Column("Status", lambda r: r["s"], display=lambda r: f"<{r['s']}>"),
            Column("Help", lambda r: r["h"], checkable=True, edit=lambda r, v: None),
            Column("Count", lambda r: r["n"], align_right=True),
        ]
    )
    model.background = lambda r: brush if r["h"] else None
    model.set_rows(
        [
            {"t": "Spend cube", "d": dt.date(2026, 1, 2), "s": "open", "h": True, "n": 3},
            {"t": "采购目录", "d": None, "s": "done", "h": False, "n": 0},
        ]
    )
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = QStyledItemDelegate(view)
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, index)  # Qt's own call, through multiData
            assert option.text == (model.data(index) or "")
            check = model.data(index, Qt.ItemDataRole.CheckStateRole)
            has_check = bool(
                option.features & QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
            )
            assert has_check == (check is not None)
            if check is not None:
                assert option.checkState == check
            background = model.data(index, Qt.ItemDataRole.BackgroundRole)
            assert option.backgroundBrush == (background or QBrush())
            right = bool(option.displayAlignment & Qt.AlignmentFlag.AlignRight)
            assert right == (column == 4)
    assert [model.data(model.index(0, c)) for c in range(5)] == [
        "Spend cube",
        "2026-01-02",
        "<open>",
        None,
        "3",
    ]
    assert model.data(model.index(0, 3), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
