"""The Qt user interface: a thin layer over pmdesk's services.

Importing it makes PySide6's check of every later import lighter (`qt_imports`).
"""

from pmdesk.ui.qt_imports import lighten_feature_check

lighten_feature_check()
