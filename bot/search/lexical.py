"""BM25 over Swedish-stemmed tokens, with reference keys as ordinary (weighted) tokens."""

from __future__ import annotations

import math
from collections import Counter, defaultdict


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

    def unseen_idf(self) -> float:
        """The IDF a term no document contains would get."""
        return math.log(1 + (self.n + 0.5) / 0.5) if self.n else 0.0

    def term_idf(self, term: str) -> float:
        return self.idf.get(term, self.unseen_idf())

    def scores(self, query: dict[str, float]) -> dict[int, float]:
        """Score every document holding a query term; `query` maps term -> weight."""
        out: dict[int, float] = defaultdict(float)
        for term, weight in query.items():
            postings = self.postings.get(term)
            if not postings:
                continue
            idf = self.idf[term]
            for i, tf in postings:
                norm = self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avgdl)
                out[i] += weight * idf * tf * (self.k1 + 1) / (tf + norm)
        return out

    def top(self, query: dict[str, float], n: int) -> list[tuple[int, float]]:
        scored = self.scores(query)
        return sorted(scored.items(), key=lambda item: (-item[1], item[0]))[:n]
