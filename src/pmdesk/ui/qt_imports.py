"""PySide6's check of every module imported after it, without keeping their sources.

PySide6 replaces `__import__` so that `from __feature__ import snake_case` can work per
module; after each import it asks whether the module mentions "PySide6" by reading the
module's whole source through `inspect.getsource`. Every source read that way stays in
`linecache`: 7 MiB once all of pmdesk's tabs are built, and about 0.4 ms a module read
before the data is on screen. The same question is answered here by reading the file's
bytes, kept nowhere. pmdesk uses no `__feature__`; where PySide6 has no such check (or
changes it), nothing is replaced.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

#: Where PySide6 keeps the check (its embedded support package).
_FEATURE_MODULES = ("shibokensupport.feature", "PySide6.support.feature")


def lighten_feature_check() -> bool:
    """Replace PySide6's source check by `_mentions_pyside`; False where there is none."""
    import PySide6.QtCore  # noqa: F401  (the check exists once PySide6 is imported)

    for name in _FEATURE_MODULES:
        feature = sys.modules.get(name)
        original = getattr(feature, "_mod_uses_pyside", None)
        if feature is not None and callable(original):
            if not getattr(original, "_pmdesk_light", False):
                feature._mod_uses_pyside = _light(original)  # type: ignore[attr-defined]
            return True
    return False


def _light(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def mentions_pyside(module: ModuleType) -> bool:
        """What the original answers ("PySide6" in the module's source), for a module
        from a .py file; anything else (zip, frozen, generated) is asked as before."""
        spec = getattr(module, "__spec__", None)
        origin = getattr(spec, "origin", None)
        if not isinstance(origin, str) or not origin.endswith(".py"):
            return original(module)
        try:
            with open(origin, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return False  # as the original says of a module without a source file

    mentions_pyside._pmdesk_light = True  # type: ignore[attr-defined]
    return mentions_pyside
