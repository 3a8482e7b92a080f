"""Sorting and filtering inside the table model: right order, empty values last."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

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
