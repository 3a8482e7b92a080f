"""The Kickoff tab, one module per section (see tab.py)."""
