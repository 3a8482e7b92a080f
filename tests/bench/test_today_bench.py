"""The Today benchmark still runs (on tiny data): it must not rot between real runs."""

from __future__ import annotations

from pathlib import Path

from bench import run, today


def test_the_today_benchmark_runs_on_tiny_data(tmp_path: Path) -> None:
    [figure] = today.today_items(run.data_file("tiny", tmp_path), 1)
    assert figure.name.startswith("Today, every project (")
    assert figure.value > 0


def test_the_rules_are_timed_one_by_one_on_tiny_data(tmp_path: Path) -> None:
    figures = today.rule_times(run.data_file("tiny", tmp_path), 1)
    assert any(f.name.startswith("follow_up.late_people (") for f in figures)
    assert figures[-1].name.startswith("Today, one project (")
