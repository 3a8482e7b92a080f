"""The Qt user interface: a thin layer over pmdesk's services."""
