"""The period a status report covers unless the PM chooses another: the last seven days.

Apart from `reports` (which re-exports it) so that Today's praise rule, which counts from
the last report, does not load the reports' module at the start.
"""

from __future__ import annotations

import datetime as dt

DEFAULT_PERIOD_DAYS = 7


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last seven days, today included."""
    return today - dt.timedelta(days=DEFAULT_PERIOD_DAYS - 1), today
