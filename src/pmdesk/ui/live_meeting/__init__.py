"""The Live meeting tab: one module per section, laid out by `tab.py`."""
