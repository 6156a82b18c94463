import pytest

from bot.search.fusion import reciprocal_rank_fusion


def test_items_in_both_lists_win():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "c", "d"]], k=60)
    assert [item for item, _ in fused] == ["b", "c", "a", "d"]
    assert fused[0][1] == pytest.approx(1 / 62 + 1 / 61)


def test_weights_and_ties_are_deterministic():
    fused = reciprocal_rank_fusion([["x"], ["y"]], k=1)
    assert [i for i, _ in fused] == ["x", "y"]  # tie: first seen first
    weighted = reciprocal_rank_fusion([["x"], ["y"]], k=1, weights=[1.0, 2.0])
    assert [i for i, _ in weighted] == ["y", "x"]


def test_weight_count_must_match():
    with pytest.raises(ValueError):
        reciprocal_rank_fusion([["a"]], weights=[1.0, 2.0])
