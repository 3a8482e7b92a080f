"""Entry script of the frozen app (PyInstaller needs a file, not a module path)."""

import sys

from pmdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
