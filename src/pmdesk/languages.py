"""The languages pmdesk speaks: of the UI and of the files it writes for a client.

Its own module, without Peewee or Qt, so the command-line options and the window's
shell can use it before the data layer is imported (start-up time, BENCHMARKS.md).
"""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    EN = "en"
    ZH_CN = "zh_CN"
