"""Today over the large database: every project's items, computed from the data (#19).

    .venv/bin/python -m bench.today [--size large] [--runs 7]

Target (issue #19): ≤ 150 ms median for all projects. No baseline: nothing else
computes these items.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.generate import SIZES, TODAY
from bench.run import ROOT, Figure, data_file, median_time, table


def today_items(large: Path, runs: int) -> list[Figure]:
    from pmdesk import db
    from pmdesk.services import today

    db.open_database(large)
    try:
        count = len(today.items(None, TODAY))  # once, so the first run pays no imports
        median = median_time(lambda: today.items(None, TODAY), runs)
    finally:
        db.close_database()
    return [
        Figure(
            f"Today, every project ({count:,} items)",
            "ms",
            median * 1000,
            None,
            "",
            "≤ 150 ms",
            median <= 0.150,
        )
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="the Today benchmark")
    parser.add_argument("--size", choices=list(SIZES), default="large")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "data")
    args = parser.parse_args(argv)
    figures = today_items(data_file(args.size, args.data), max(1, args.runs))
    print(table(figures))
    return 0 if all(f.met for f in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main())
