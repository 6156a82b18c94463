"""Hänsyn: what Swedish procurement law allows for social considerations, from a sourced knowledge base."""

import os

# Queries are encoded one at a time with small matrix products (bot.search.minilm). Multi-threaded BLAS
# only adds overhead there, and with several answers computed in parallel threads it made one
# answer take 1.5 s instead of 40 ms on a 2-core machine. Must be set before NumPy loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
