"""pmdesk: the client communication desk for consulting project managers."""

__version__ = "0.1.0"
