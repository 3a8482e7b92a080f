"""The Qt user interface: a thin layer over pmdesk's services.

Importing it gives Python its own `import` back from PySide6's hook (`qt_imports`).
"""

from pmdesk.ui.qt_imports import restore_plain_import

restore_plain_import()
