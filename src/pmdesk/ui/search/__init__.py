"""Search everything (Ctrl+K): one dialog over notes, decisions, meetings, actions, people."""
