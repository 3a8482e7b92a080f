"""Python's own `import` back, without PySide6's `__feature__` hook.

PySide6 replaces `builtins.__import__` so that `from __feature__ import snake_case` can
switch a module's Qt names. Every import statement then runs two Python functions, and
each new module is asked whether it mentions "PySide6" by reading its whole source,
which stays in `linecache` (7 MiB once every tab is built). pmdesk uses no `__feature__`,
so the original import is put back, as PySide6 itself runs on PyPy: a module not in the
feature table gets the default selection, the plain Qt names. Using `__feature__`
anywhere in pmdesk would require removing this.
"""

from __future__ import annotations

import builtins


def restore_plain_import() -> bool:
    """Put back the `__import__` PySide6 kept aside; False where there was no hook."""
    import PySide6.QtCore  # noqa: F401  (the hook is installed once PySide6 is imported)

    hook = getattr(builtins, "__feature_import__", None)
    original = getattr(builtins, "__orig_import__", None)
    if hook is None or original is None or builtins.__import__ is not hook:
        return False
    builtins.__import__ = original
    return True
