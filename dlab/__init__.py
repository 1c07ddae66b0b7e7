"""dlab: a desktop deep-learning lab."""

__version__ = "0.1.0"
