"""The Progress tab: one module per section, laid out by `tab.py`."""
