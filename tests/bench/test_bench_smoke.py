"""The benchmark suite still runs (on tiny data): it must not rot between real runs."""

from __future__ import annotations

import json
from pathlib import Path

from bench import run


def test_every_figure_is_measured_on_tiny_data(tmp_path: Path) -> None:
    output = tmp_path / "result.json"
    run.main(
        ["--size", "tiny", "--runs", "1", "--output", str(output), "--data", str(tmp_path / "data")]
    )
    result = json.loads(output.read_text(encoding="utf-8"))
    names = [figure["name"] for figure in result["figures"]]
    for expected in (
        "start, demo database",
        "start, large database",
        "note commit",
        "switch project",
        "open a tab",
        "sort",
        "filter",
        "tracker export",
        "minutes of",
        "peak memory",
    ):
        assert any(name.startswith(expected) for name in names), expected
    for figure in result["figures"]:
        assert figure["value"] > 0, figure
        if figure["baseline"] is not None:
            assert figure["ratio"] == figure["value"] / figure["baseline"]
