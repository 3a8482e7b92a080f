"""The decision log view: list, filter, supersede, revoke, export."""
