"""Topic 9: batch normalisation, a net trained with and without it (params.py needs no torch)."""
