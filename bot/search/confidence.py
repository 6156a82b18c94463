"""How sure a search is that its best file answers the question: the IDF mass of the question's
words the file covers, and a logistic model over the ranking's features (Retriever.features)."""

from __future__ import annotations

import math

from .lexical import BM25


def evidence(
    bm25: BM25,
    have: set[str],
    q_tokens: list[str],
    stand_ins: dict[str, set[str]] | None = None,
    compounds: dict[str, list[str]] | None = None,
) -> tuple[float, float, float]:
    """IDF mass of the question's words: (all of them, those the document contains, those
    the knowledge base has never seen). A word counts as contained when the document has
    it (`have`: its tokens), a glossary synonym of it, or all parts of it as a compound."""
    content = [t for t in dict.fromkeys(q_tokens) if not t.isdigit()]
    stand_ins = stand_ins or {}
    compounds = compounds or {}

    def covered(tok: str) -> bool:
        if tok in have or stand_ins.get(tok, set()) & have:
            return True
        parts = compounds.get(tok)
        return bool(parts) and all(p in have for p in parts)

    idf = bm25.term_idf
    total = sum(idf(t) for t in content)
    found = sum(idf(t) for t in content if covered(t))
    unknown = sum(idf(t) for t in content if t not in bm25.postings and t not in compounds)
    return total, found, unknown


# Logistic model over the features above, fitted by benchmarks/calibrate.py on eval.jsonl,
# eval_holdout, eval_unseen and eval_blind2 (347 questions that name no provision). 5-fold
# cross-validated with the bar in bot.answer.compose: 90 % of out-of-scope questions declined, 4 % of
# in-scope ones wrongly declined; on a set written blind afterwards (eval_blind3), 97 % and 1.5 %.
# "length" carries weight because "lexical" is a share of what the whole question could score,
# which no document reaches for a long question.
CONFIDENCE_WEIGHTS = {
    "bias": -13.361,
    "dense": 12.377,
    "lexical": 12.615,
    "agree": 0.818,
    "length": 0.646,
    "found": 0.672,
    "unknown": -2.577,
}


def confidence_from(features: dict[str, float], ref_match: bool, mode: str = "hybrid") -> float:
    """0..1: how sure we are that the top document answers the question."""
    if not features:
        return 0.0
    if ref_match:
        return 1.0  # the question names a provision the knowledge base covers
    if mode == "dense":
        return features["dense"]
    if mode == "bm25":
        return features["coverage"]
    z = CONFIDENCE_WEIGHTS["bias"] + sum(
        CONFIDENCE_WEIGHTS[name] * value for name, value in features.items() if name in CONFIDENCE_WEIGHTS
    )
    return 1.0 / (1.0 + math.exp(-z))
