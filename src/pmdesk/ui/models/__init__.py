"""Qt item models: adapters over lists that services return."""
