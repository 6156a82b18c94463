"""Hänsyn: what Swedish procurement law allows for social considerations, from a sourced knowledge base."""

__version__ = "0.1.0"
