"""Topic 1: how often the weights are updated is a choice (params.py needs no torch)."""
