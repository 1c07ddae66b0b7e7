"""Topic 5: dropout, a net trained with and without it; thinned networks voting."""
