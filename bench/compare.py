"""Before and after a change, measured in one interleaved run on the same machine.

    .venv/bin/python -m bench.compare --before /tmp/old/src [--rounds 7]

`--before` is the `src` folder of the earlier code (for example `git archive OLD src`
unpacked, with the compiled translations copied in). Each round runs every start-up
command of both trees in turn (the bare window too), then one child process per tree
for the in-process figures (the Progress tab, the tracker export), so a machine that
gets busier or quieter weighs on both sides alike. Medians are printed side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.run import ROOT, _env, data_file, process_run

#: The in-process figures, run in a child over the tree on its PYTHONPATH.
CHILD = """
import json, sys, tempfile
from pathlib import Path
from bench.run import progress_sections, switching, tracker_export
large, rows = Path(sys.argv[1]), int(sys.argv[2])
figures = [*switching(large, 1), *progress_sections(large, 1)]
with tempfile.TemporaryDirectory() as folder:
    figures += tracker_export(Path(folder), 1, rows)
print("FIGURES" + json.dumps({f.name: [f.value, f.baseline] for f in figures}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="before/after, interleaved")
    parser.add_argument("--before", type=Path, required=True, help="src folder of the old code")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--rows", type=int, default=10_000, help="tracker rows")
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "data")
    args = parser.parse_args(argv)
    trees = {"before": args.before.resolve(), "after": ROOT / "src"}
    demo, large = data_file("small", args.data), data_file("large", args.data)
    times: dict[str, list[float]] = {}
    whole: dict[str, list[float]] = {}
    figures: dict[str, dict[str, list[float]]] = {name: {} for name in trees}
    with tempfile.TemporaryDirectory(prefix="pmdesk-compare-") as folder:
        base = _env(Path(folder))
        base.pop("PMDESK_EXIT_AFTER_FIRST_PAINT")
        commands: dict[str, tuple[list[str], dict[str, str]]] = {
            "bare window": (
                [sys.executable, str(ROOT / "bench" / "bare_window.py")],
                dict(base, PMDESK_EXIT_AFTER_FIRST_PAINT="1"),
            )
        }
        for tree, src in trees.items():
            env = dict(base, PYTHONPATH=f"{src}{os.pathsep}{ROOT}")
            for label, path in (("demo", demo), ("large", large)):
                app = [sys.executable, "-m", "pmdesk", "--db", str(path)]
                paint = dict(env, PMDESK_EXIT_AFTER_FIRST_PAINT="1")
                commands[f"{tree}: first paint, {label}"] = (app, paint)
                commands[f"{tree}: data shown, {label}"] = (
                    app,
                    dict(env, PMDESK_EXIT_AFTER_DATA="1"),
                )
        for command, env in commands.values():
            process_run(command, env)  # warm-up: bytecode written, files cached
        for round_ in range(args.rounds):
            for name, (command, env) in commands.items():
                timing = process_run(command, env)
                times.setdefault(name, []).append(timing.painted)
                whole.setdefault(name, []).append(timing.ended)
            for tree, src in trees.items():
                env = dict(base, PYTHONPATH=f"{src}{os.pathsep}{ROOT}")
                output = subprocess.run(
                    [sys.executable, "-c", CHILD, str(large), str(args.rows)],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                found = json.loads(output.rsplit("FIGURES", 1)[1])
                for name, (value, baseline) in found.items():
                    figures[tree].setdefault(name, []).append(value)
                    if baseline:
                        figures[tree].setdefault(f"{name}: baseline", []).append(baseline)
            print(f"round {round_ + 1} of {args.rounds} done", flush=True)
    for title, found in (("launch to paint", times), ("whole process, to exit", whole)):
        bare = statistics.median(found["bare window"])
        print(f"\n{title}: bare window {bare:.3f} s")
        for name, values in found.items():
            if name != "bare window":
                median = statistics.median(values)
                spread = f"{min(values):.3f}–{max(values):.3f}"
                print(f"{name:32} {median:.3f} s  {median / bare:.2f}×  ({spread})")
    print()
    for name in figures["after"]:
        before = figures["before"].get(name)
        after = statistics.median(figures["after"][name])
        shown = f"{statistics.median(before):9.3f}" if before else "        —"
        print(f"{name:64} {shown} → {after:9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
