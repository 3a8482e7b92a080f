"""The four workflow tabs of the main window (Kickoff, Live meeting, Stakeholders, Progress)."""
