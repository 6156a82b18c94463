"""The approximate (HNSW) index the store switches to for large collections: its search settings
survive a write and a read, it finds what exact search finds (recall@10 >= 0.95 on clustered,
normalised vectors), and a knowledge base built above the threshold answers like an exact one."""

from __future__ import annotations

import dataclasses

import faiss
import numpy as np
import pytest

from bot.answer.pipeline import Pipeline
from bot.search import store
from bot.search.retrieval import CANDIDATES
from bot.search.store import build_index, load_index, make_faiss_index

QUESTION = "Får vi reservera upphandlingen för sociala företag?"


def clustered(n: int, dim: int = 384, per_topic: int = 10, seed: int = 0) -> np.ndarray:
    """Normalised vectors shaped like sentence embeddings: a shared direction, topics of about
    `per_topic` members, power-law spread (as benchmarks/scale.py, fitted to the real index)."""
    rng = np.random.default_rng(seed)
    basis = np.linalg.qr(rng.standard_normal((dim, dim)))[0].astype(np.float32)
    spectrum = np.arange(1, dim + 1, dtype=np.float32) ** -0.5
    spectrum /= np.sqrt((spectrum**2).sum())
    mean = rng.standard_normal(dim).astype(np.float32)
    mean /= np.linalg.norm(mean)
    centers = (rng.standard_normal((n // per_topic, dim), dtype=np.float32) * spectrum) @ basis.T
    topics = rng.integers(0, len(centers), n)
    x = (
        mean
        + 0.8 * centers[topics]
        + 0.8 * (rng.standard_normal((n, dim), dtype=np.float32) * spectrum) @ basis.T
    )
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def test_hnsw_finds_what_exact_search_finds(tmp_path):
    data = clustered(8_200, seed=1)
    base, queries = data[:-200], data[-200:]
    exact = make_faiss_index(base, approximate=False)
    approx = make_faiss_index(base, approximate=True)
    assert isinstance(approx, faiss.IndexHNSWFlat) and approx.metric_type == faiss.METRIC_INNER_PRODUCT
    _, truth = exact.search(queries, 10)
    path = tmp_path / "vectors.faiss"
    faiss.write_index(approx, str(path))
    loaded = faiss.read_index(str(path))
    assert loaded.hnsw.efSearch == approx.hnsw.efSearch  # the search setting is stored with the graph
    _, found = loaded.search(queries, CANDIDATES)  # what the retriever asks for
    assert (found >= 0).all()  # k above efSearch still fills every slot
    recall = np.mean([len(set(f[:10]) & set(t)) / 10 for f, t in zip(found, truth, strict=True)])
    assert recall >= 0.95, recall


def test_the_threshold_picks_the_index_type():
    small = clustered(200, seed=2)
    assert isinstance(make_faiss_index(small), faiss.IndexFlatIP)
    assert store.APPROXIMATE_ABOVE >= 10_000  # exact search is both exact and fast up to here


def test_a_knowledge_base_above_the_threshold_is_served_by_hnsw(settings, monkeypatch):
    exact_pipeline = Pipeline(settings)
    expected = exact_pipeline.ask(QUESTION)
    monkeypatch.setattr(store, "APPROXIMATE_ABOVE", 3)
    approx_settings = dataclasses.replace(settings, index_dir=settings.index_dir.parent / "index-hnsw")
    report = build_index(approx_settings.knowledge_dir, approx_settings.index_dir, exact_pipeline.embedder)
    loaded = load_index(approx_settings.index_dir, model=settings.embedding_model)
    assert loaded.config["index_type"] == "IndexHNSWFlat"
    assert (
        isinstance(loaded.faiss_index, faiss.IndexHNSWFlat) and loaded.faiss_index.ntotal == report.passages
    )
    answer = Pipeline(approx_settings).ask(QUESTION)
    assert answer.answered and answer.top_doc_id == expected.top_doc_id
    assert [s.id for s in answer.sources] == [s.id for s in expected.sources]


@pytest.mark.parametrize("n", [1, 5])
def test_tiny_collections_search_fine_with_either_index(n):
    vectors = clustered(20, seed=3)[:n]
    for approximate in (False, True):
        index = make_faiss_index(vectors, approximate=approximate)
        _, ids = index.search(vectors[:1], min(CANDIDATES, n))
        assert ids[0][0] == 0
