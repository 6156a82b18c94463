"""Vector search at scale: build time, memory, single-query search latency and recall@10 for exact
FAISS search and approximate indexes (HNSW as the store builds it, and IVF-Flat), on synthetic
passage sets shaped like the real embeddings.

    .venv/bin/python benchmarks/scale.py [--sizes 10000,100000,1000000] [--queries 500]

The vectors are 384-dimensional and normalised, like all-MiniLM-L6-v2's. They come from a
clustered generator fitted to the shipped index (`--calibrate` prints both side by side): a shared
mean direction (real sentence embeddings are anisotropic), topics of about ten passages each, and
anisotropic variation inside and between topics with a power-law spectrum, so that the mean pair
cosine, the cosine to the 1st and 10th neighbour and the number of principal components holding
50/80/90 % of the variance come out close to the real ones. Queries are fresh draws from the same
topics, never members of the set. Search is timed one query at a time, as the bot does it, asking
for the retriever's 60 candidates; recall@10 is measured against exact search.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import tempfile
import time
from pathlib import Path

import numpy as np
from _common import ROOT, percentile

from bot.search import store
from bot.search.retrieval import CANDIDATES

DIM = 384
PER_TOPIC = 10
# Fitted with --calibrate against the shipped index (see the module docstring).
SPECTRUM_ALPHA, MEAN_WEIGHT, TOPIC_WEIGHT, NOISE_WEIGHT = 0.5, 1.0, 0.8, 0.8
CHUNK = 100_000


class Generator:
    """Clustered, normalised vectors; deterministic for a seed."""

    def __init__(self, n_topics: int, seed: int = 7, dim: int = DIM):
        rng = np.random.default_rng(seed)
        self.dim = dim
        self.basis = np.linalg.qr(rng.standard_normal((dim, dim)))[0].astype(np.float32)
        spectrum = np.arange(1, dim + 1, dtype=np.float64) ** -SPECTRUM_ALPHA
        self.spectrum = (spectrum / np.sqrt((spectrum**2).sum())).astype(np.float32)
        mean = rng.standard_normal(dim)
        self.mean = (mean / np.linalg.norm(mean)).astype(np.float32)
        self.centers = self._shaped(rng, n_topics)
        self.n_topics = n_topics

    def _shaped(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return (rng.standard_normal((n, self.dim), dtype=np.float32) * self.spectrum) @ self.basis.T

    def sample(self, n: int, seed: int) -> np.ndarray:
        rng = np.random.default_rng(seed)
        out = np.empty((n, self.dim), dtype=np.float32)
        for start in range(0, n, CHUNK):
            stop = min(n, start + CHUNK)
            topics = rng.integers(0, self.n_topics, stop - start)
            x = MEAN_WEIGHT * self.mean + TOPIC_WEIGHT * self.centers[topics]
            x += NOISE_WEIGHT * self._shaped(rng, stop - start)
            x /= np.linalg.norm(x, axis=1, keepdims=True)
            out[start:stop] = x
        return out


def shape_stats(x: np.ndarray) -> str:
    """Mean pair cosine, cosine to the 1st/10th neighbour, PCA dims for 50/80/90 % variance."""
    sims = x @ x.T
    n = len(x)
    mean_pair = (sims.sum() - n) / (n * (n - 1))
    np.fill_diagonal(sims, -1)
    top = -np.sort(-sims, axis=1)
    centred = x - x.mean(axis=0)
    var = np.linalg.svd(centred, compute_uv=False) ** 2
    cum = np.cumsum(var / var.sum())
    dims = "/".join(str(int(np.searchsorted(cum, p))) for p in (0.5, 0.8, 0.9))
    return (
        f"mean pair cos {mean_pair:.2f}, 1st neighbour {top[:, 0].mean():.2f}, "
        f"10th neighbour {top[:, 9].mean():.2f}, PCA dims for 50/80/90 % {dims}"
    )


def calibrate() -> None:
    import faiss

    index = faiss.read_index(str(ROOT / "index" / "current" / "vectors.faiss"))
    real = index.reconstruct_n(0, index.ntotal)
    synthetic = Generator(max(1, len(real) // PER_TOPIC), seed=1).sample(len(real), seed=2)
    print(f"real ({len(real)} passages):  {shape_stats(real)}")
    print(f"synthetic (same size): {shape_stats(synthetic)}")


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def serialized_mb(index) -> float:
    import faiss

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.faiss"
        faiss.write_index(index, str(path))
        return path.stat().st_size / 2**20


def time_searches(index, queries: np.ndarray, k: int) -> tuple[list[float], np.ndarray]:
    """Latency (ms) of one-query searches, and the ids found."""
    index.search(queries[:5], k)  # warm caches
    times, found = [], np.empty((len(queries), k), dtype=np.int64)
    for n in range(len(queries)):
        q = queries[n : n + 1]
        started = time.perf_counter()
        _, ids = index.search(q, k)
        times.append((time.perf_counter() - started) * 1000)
        found[n] = ids[0]
    return times, found


def recall_at(found: np.ndarray, truth: np.ndarray, k: int) -> float:
    hits = sum(len(set(f[:k]) & set(t[:k])) for f, t in zip(found, truth, strict=True))
    return hits / (k * len(truth))


def report(label: str, n: int, build_s: float, mem_mb: float, rss_growth: float, times, recall10) -> dict:
    row = {
        "index": label,
        "n": n,
        "build_s": build_s,
        "memory_mb": mem_mb,
        "rss_growth_mb": rss_growth,
        "p50_ms": percentile(times, 50),
        "p95_ms": percentile(times, 95),
        "recall10": recall10,
    }
    print(
        f"  {label:28} build {build_s:7.1f} s  index {mem_mb:7.0f} MB (RSS +{rss_growth:5.0f} MB)  "
        f"search p50 {row['p50_ms']:6.2f} ms  p95 {row['p95_ms']:6.2f} ms  recall@10 {recall10:.3f}",
        flush=True,
    )
    return row


def measure_size(
    n: int, n_queries: int, kinds: list[str], ivf_nprobe: int, ivf_up_to: int, sweep: bool
) -> list[dict]:
    import faiss

    rows = []
    started = time.perf_counter()
    gen = Generator(max(1, n // PER_TOPIC), seed=n)
    base = gen.sample(n, seed=n + 1)
    queries = gen.sample(n_queries, seed=n + 2)
    print(
        f"\n{n:,} vectors x {DIM} (generated in {time.perf_counter() - started:.1f} s), "
        f"{n_queries} queries, k={CANDIDATES}:",
        flush=True,
    )

    rss0 = rss_mb()
    started = time.perf_counter()
    flat = store.make_faiss_index(base, approximate=False)
    build = time.perf_counter() - started
    growth = rss_mb() - rss0
    _, truth = flat.search(queries, 10)  # batched: the ground truth
    times, _ = time_searches(flat, queries, CANDIDATES)
    rows.append(report("exact (IndexFlatIP)", n, build, n * DIM * 4 / 2**20, growth, times, 1.0))
    del flat
    gc.collect()

    if "hnsw" in kinds:
        rss0 = rss_mb()
        started = time.perf_counter()
        hnsw = store.make_faiss_index(base, approximate=True)
        build = time.perf_counter() - started
        growth = rss_mb() - rss0
        label = f"HNSW M={hnsw.hnsw.nb_neighbors(1)} efSearch={hnsw.hnsw.efSearch}"
        times, found = time_searches(hnsw, queries, CANDIDATES)
        rows.append(report(label, n, build, serialized_mb(hnsw), growth, times, recall_at(found, truth, 10)))
        if sweep:
            default_ef = hnsw.hnsw.efSearch
            for ef in (64, 128, 256, 384, 512):
                hnsw.hnsw.efSearch = ef
                times, found = time_searches(hnsw, queries, CANDIDATES)
                print(
                    f"      efSearch {ef:3}: p95 {percentile(times, 95):6.2f} ms  "
                    f"recall@10 {recall_at(found, truth, 10):.3f}"
                )
            hnsw.hnsw.efSearch = default_ef
        del hnsw
        gc.collect()

    if "ivf" in kinds and n <= ivf_up_to:
        nlist = int(4 * np.sqrt(n))
        rss0 = rss_mb()
        started = time.perf_counter()
        quantizer = faiss.IndexFlatIP(DIM)
        ivf = faiss.IndexIVFFlat(quantizer, DIM, nlist, faiss.METRIC_INNER_PRODUCT)
        train = base[np.random.default_rng(0).choice(n, min(n, 40 * nlist), replace=False)]
        ivf.train(train)
        ivf.add(base)
        build = time.perf_counter() - started
        growth = rss_mb() - rss0
        ivf.nprobe = ivf_nprobe
        times, found = time_searches(ivf, queries, CANDIDATES)
        label = f"IVF-Flat nlist={nlist} nprobe={ivf_nprobe}"
        rows.append(report(label, n, build, serialized_mb(ivf), growth, times, recall_at(found, truth, 10)))
        if sweep:
            for nprobe in (16, 32, 64, 128, 256):
                ivf.nprobe = nprobe
                times, found = time_searches(ivf, queries, CANDIDATES)
                print(
                    f"      nprobe {nprobe:3}: p95 {percentile(times, 95):6.2f} ms  "
                    f"recall@10 {recall_at(found, truth, 10):.3f}"
                )
        del ivf, quantizer
        gc.collect()
    del base
    gc.collect()
    return rows


def switch_point(rows: list[dict], budget_ms: float) -> float | None:
    """Where exact search's p95 crosses `budget_ms`, interpolating linearly in n."""
    exact = sorted((r["n"], r["p95_ms"]) for r in rows if r["index"].startswith("exact"))
    for (n0, t0), (n1, t1) in zip(exact, exact[1:], strict=False):
        if t0 <= budget_ms < t1:
            return n0 + (budget_ms - t0) * (n1 - n0) / (t1 - t0)
    return None


def main() -> None:
    import faiss

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--kinds", default="hnsw,ivf", help="approximate indexes to measure")
    parser.add_argument("--ivf-nprobe", type=int, default=64)
    parser.add_argument("--ivf-up-to", type=int, default=100_000, help="largest size to build IVF for")
    parser.add_argument("--sweep", action="store_true", help="also sweep efSearch / nprobe")
    parser.add_argument("--calibrate", action="store_true", help="compare the generator with the real index")
    args = parser.parse_args()
    if args.calibrate:
        calibrate()
        return
    print(
        f"faiss {faiss.__version__}, {faiss.omp_get_max_threads()} threads, {os.cpu_count()} cores, "
        f"{platform.processor() or platform.machine()}; store switches to HNSW above "
        f"{store.APPROXIMATE_ABOVE:,} vectors"
    )
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        rows += measure_size(
            size, args.queries, args.kinds.split(","), args.ivf_nprobe, args.ivf_up_to, args.sweep
        )
    for budget in (2.0, 5.0):
        point = switch_point(rows, budget)
        where = f"~{point:,.0f} vectors" if point else "outside the measured sizes"
        print(f"exact search p95 crosses {budget:.0f} ms at {where}")
    peak = __import__("resource").getrusage(__import__("resource").RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the benchmark process {peak:,.0f} MB")


if __name__ == "__main__":
    main()
