"""Reciprocal rank fusion of ranked id lists."""

from __future__ import annotations

from collections.abc import Sequence


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]],
    k: int = 60,
    weights: Sequence[float] | None = None,
    ks: Sequence[int] | None = None,
) -> list[tuple[str, float]]:
    """Fuse rankings (best first) into one list of (id, score), best first.

    Each list adds weight / (k + rank) for every id it holds (rank from 1); `ks` gives a list
    its own k (a small k makes its order count for more). Ties keep the order in which ids
    were first seen, so the result is deterministic.
    """
    weights = list(weights) if weights is not None else [1.0] * len(rankings)
    ks = list(ks) if ks is not None else [k] * len(rankings)
    if len(weights) != len(rankings) or len(ks) != len(rankings):
        raise ValueError("one weight and one k per ranking")
    scores: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    for ranking, weight, k_list in zip(rankings, weights, ks, strict=True):
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + weight / (k_list + rank)
            first_seen.setdefault(item, len(first_seen))
    return sorted(scores.items(), key=lambda kv: (-kv[1], first_seen[kv[0]]))
