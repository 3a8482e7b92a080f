"""The Stakeholders tab: one module per section, laid out by `tab.py`."""
