"""BM25 over Swedish-stemmed tokens, with reference keys as ordinary (weighted) tokens."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import numpy as np


class BM25:
    """Okapi BM25 over pre-tokenised documents; documents are addressed by position."""

    def __init__(self, docs: list[list[str]], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.n = len(docs)
        self.lengths = [len(d) for d in docs]
        self.avgdl = (sum(self.lengths) / self.n) if self.n else 0.0
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            for term, tf in Counter(doc).items():
                self.postings[term].append((i, tf))
        self.idf = {
            term: math.log(1 + (self.n - len(p) + 0.5) / (len(p) + 0.5)) for term, p in self.postings.items()
        }
        # Each term's documents and its BM25 weight in each, precomputed: a query then costs one
        # vector addition per term.
        self._arrays: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for term, postings in self.postings.items():
            ids = np.fromiter((i for i, _ in postings), dtype=np.int64, count=len(postings))
            tfs = np.fromiter((tf for _, tf in postings), dtype=np.float64, count=len(postings))
            lengths = np.fromiter(
                (self.lengths[i] for i, _ in postings), dtype=np.float64, count=len(postings)
            )
            norm = self.k1 * (1 - self.b + self.b * lengths / self.avgdl)
            self._arrays[term] = (ids, self.idf[term] * tfs * (self.k1 + 1) / (tfs + norm))

    def unseen_idf(self) -> float:
        """The IDF a term no document contains would get."""
        return math.log(1 + (self.n + 0.5) / 0.5) if self.n else 0.0

    def term_idf(self, term: str) -> float:
        return self.idf.get(term, self.unseen_idf())

    def score_vector(self, query: dict[str, float]) -> np.ndarray:
        """BM25 of every document for `query` (term -> weight), as one array."""
        out = np.zeros(self.n, dtype=np.float64)
        for term, weight in query.items():
            arrays = self._arrays.get(term)
            if arrays is not None:
                out[arrays[0]] += weight * arrays[1]
        return out

    def scores(self, query: dict[str, float]) -> dict[int, float]:
        """Score every document holding a query term; `query` maps term -> weight."""
        vector = self.score_vector(query)
        return {int(i): float(vector[i]) for i in np.flatnonzero(vector)}

    def top(self, query: dict[str, float], n: int) -> list[tuple[int, float]]:
        vector = self.score_vector(query)
        hit = np.flatnonzero(vector)
        if len(hit) > n:  # keep every document scoring at least the n-th best (ties included)
            nth = -np.partition(-vector[hit], n - 1)[n - 1]
            hit = hit[vector[hit] >= nth]
        order = sorted(hit.tolist(), key=lambda i: (-vector[i], i))[:n]
        return [(i, float(vector[i])) for i in order]
