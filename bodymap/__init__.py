"""bodymap: click where it hurts, see which muscles' trigger points send pain there."""

__version__ = "0.2.0"
