"""Build hook: compile the Qt translations (.ts → .qm) into the package on every build."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TranslationsBuildHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location("translations", root / "tools" / "translations.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        built = module.build()
        for qm in built:
            build_data["artifacts"].append(str(Path(qm).relative_to(root)))
        print(f"compiled {len(built)} translation(s)", file=sys.stderr)
