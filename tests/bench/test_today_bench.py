"""The Today benchmark still runs (on tiny data): it must not rot between real runs."""

from __future__ import annotations

from pathlib import Path

from bench import run, today


def test_the_today_benchmark_runs_on_tiny_data(tmp_path: Path) -> None:
    [figure] = today.today_items(run.data_file("tiny", tmp_path), 1)
    assert figure.name.startswith("Today, every project (")
    assert figure.value > 0
