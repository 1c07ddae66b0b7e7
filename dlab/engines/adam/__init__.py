"""Topic 8: Adam = Momentum + RMSProp (params.py needs no torch)."""
