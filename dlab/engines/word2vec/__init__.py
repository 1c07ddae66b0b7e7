"""Topic 7: Word2Vec, CBOW and skip-gram embeddings trained live (params.py needs no torch)."""
