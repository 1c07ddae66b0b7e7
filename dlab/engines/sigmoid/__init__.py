"""Topic 2: what goes wrong with sigmoid (params.py needs no torch)."""
