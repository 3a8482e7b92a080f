"""Today over the large database: every project's items, computed from the data (#19).

    .venv/bin/python -m bench.today [--size large] [--runs 7]
    .venv/bin/python -m bench.today --against OLD_TREE [--runs 7]
    .venv/bin/python -m bench.today --rules [--runs 7]

Target (issue #19): ≤ 150 ms median for all projects. No baseline of another program:
nothing else computes these items. `--against` times another source tree of pmdesk
(say, `git archive` of an older commit unpacked into a folder) in the same run,
interleaved: each run starts one process per tree in turn (alternating which goes
first), each opens its own copy of the generated data, computes Today once untimed,
then once timed. The medians of both are printed side by side. `--rules` times each
rule alone over every project (information, no target: where the time goes).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from bench.generate import SIZES, TODAY
from bench.run import ROOT, Figure, data_file, median_time, table

TARGET_SECONDS = 0.150

#: Run in each tree's own process: its data file, one untimed and one timed Today.
_ONE_RUN = """
import json, sys, time
from pathlib import Path
from bench.generate import TODAY
from bench.run import data_file
from pmdesk import db
from pmdesk.services import today
path = data_file(sys.argv[1], Path(sys.argv[2]))
db.open_database(path)
count = len(today.items(None, TODAY))
start = time.perf_counter()
today.items(None, TODAY)
print(json.dumps({"seconds": time.perf_counter() - start, "count": count}))
"""


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
            median <= TARGET_SECONDS,
        )
    ]


def rule_times(large: Path, runs: int) -> list[Figure]:
    """Each rule alone over every project (without garbage collection, as `items` runs
    them), and the one-project view's whole Today; information, no target."""
    from pmdesk import db
    from pmdesk.services import today
    from pmdesk.services.today import rules

    db.open_database(large)
    try:
        wanted = rules.project_ids(None)
        figures = []
        with rules._no_collection():
            for hat_rules in rules.HATS.values():
                for rule in hat_rules:
                    count = len(rule(wanted, TODAY))
                    median = median_time(lambda rule=rule: rule(wanted, TODAY), runs)
                    name = f"{rule.__module__.rsplit('.', 1)[-1]}.{rule.__name__} ({count:,} items)"
                    figures.append(Figure(name, "ms", median * 1000, None, "", "—", True))
        count = len(today.items(wanted[0], TODAY))
        median = median_time(lambda: today.items(wanted[0], TODAY), runs)
        name = f"Today, one project ({count:,} items)"
        figures.append(Figure(name, "ms", median * 1000, None, "", "—", True))
    finally:
        db.close_database()
    return figures


def _run_in(tree: Path, size: str) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tree / "src"), str(tree)]))
    done = subprocess.run(
        [sys.executable, "-c", _ONE_RUN, size, str(tree / "bench" / "data")],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def interleaved(other: Path, size: str, runs: int) -> list[Figure]:
    """This tree and `other`, one process each per run, alternating which goes first."""
    trees = {"before": other.resolve(), "after": ROOT}
    times: dict[str, list[float]] = {name: [] for name in trees}
    counts: dict[str, int] = {}
    for run in range(runs):
        order = list(trees) if run % 2 == 0 else list(reversed(trees))
        for name in order:
            result = _run_in(trees[name], size)
            times[name].append(result["seconds"])
            counts[name] = int(result["count"])
            print(f"run {run + 1} {name}: {result['seconds'] * 1000:.1f} ms", flush=True)
    before, after = (statistics.median(times[name]) for name in ("before", "after"))
    return [
        Figure(
            f"Today, every project ({counts['after']:,} items; before: {counts['before']:,})",
            "ms",
            after * 1000,
            before * 1000,
            f"before ({other})",
            "≤ 150 ms",
            after <= TARGET_SECONDS,
        )
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="the Today benchmark")
    parser.add_argument("--size", choices=list(SIZES), default="large")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--against", type=Path, metavar="TREE", help="another pmdesk source tree")
    parser.add_argument("--rules", action="store_true", help="time each rule alone")
    args = parser.parse_args(argv)
    if args.rules:
        figures = rule_times(data_file(args.size, args.data), max(1, args.runs))
    elif args.against is not None:
        figures = interleaved(args.against, args.size, max(1, args.runs))
    else:
        figures = today_items(data_file(args.size, args.data), max(1, args.runs))
    print(table(figures))
    return 0 if all(f.met for f in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main())
