"""Use cases: what a PM does, each one transaction, each returning what it changed.

The UI and the command line call these; neither touches the models directly for writes.
"""

from pmdesk.services.common import Changes, NotFound, ValidationProblem

__all__ = ["Changes", "NotFound", "ValidationProblem"]
