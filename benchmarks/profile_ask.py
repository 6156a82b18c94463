"""Where an answer's time goes: warm `Pipeline.ask` over the latency benchmark's questions, with
the time spent in each stage (reading the question, encoding, the rankings, fusion, reweighing,
composition, precedent matching). Stages nest, so a search's parts add up to less than the
search, and a question's queries are encoded in one call, then read; each figure
is milliseconds per answer (mean) and the stage's p95 over answers.

    .venv/bin/python benchmarks/profile_ask.py [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict

from _common import ROOT, load_eval, percentile, pipeline_from_env


def stages():
    """(owner, attribute, label) of each function timed."""
    from bot.answer import compose, pipeline, precedent_answer
    from bot.search import glossary, phrasings, retrieval, surface

    return [
        (surface.SurfaceWords, "respell", "respell"),
        (pipeline, "analyse", "analyse"),
        (pipeline, "weighing", "weighing"),
        (pipeline.Pipeline, "searches", "searches (encode + all searches)"),
        (retrieval.Retriever, "read", "  read queries"),
        (retrieval.Retriever, "query_tokens", "    query tokens"),
        (glossary.Glossary, "expand", "    glossary expansion"),
        (retrieval.Retriever, "lexical_ranking", "    BM25"),
        (retrieval.Retriever, "ref_ranking", "    references"),
        (phrasings.Phrasings, "quote", "    near quote"),
        (retrieval.Retriever, "search", "  search"),
        (retrieval.Retriever, "dense_ranking", "    dense (FAISS)"),
        (retrieval, "reciprocal_rank_fusion", "    fusion"),
        (retrieval.Retriever, "features", "    confidence features"),
        (retrieval.Retriever, "_by_phrasing", "    phrasing likeness"),
        (retrieval.Retriever, "_by_law", "    law scope"),
        (retrieval.Retriever, "_reweigh", "    reweigh"),
        (compose.Composer, "compose", "compose"),
        (compose, "compose_precedents", "  precedent list"),
        (precedent_answer, "precedent_matches", "  precedent matching"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    questions = [row["q"] for row in load_eval(ROOT / "benchmarks" / "eval.jsonl")]
    usefulness = ROOT / "benchmarks" / "eval_usefulness.jsonl"
    questions += [json.loads(line)["q"] for line in usefulness.read_text(encoding="utf-8").splitlines()]
    pipeline = pipeline_from_env()
    pipeline.ask("uppvärmning")
    spent: dict[str, float] = defaultdict(float)

    def timed(function, label):
        def wrapper(*a, **k):
            started = time.perf_counter()
            try:
                return function(*a, **k)
            finally:
                spent[label] += time.perf_counter() - started

        return wrapper

    labels = []
    for owner, attribute, label in stages():
        setattr(owner, attribute, timed(getattr(owner, attribute), label))
        labels.append(label)
    encoder = pipeline.embedder
    encoder.encode_queries = timed(encoder.encode_queries, "  encode queries")
    labels.insert(labels.index("  read queries"), "  encode queries")
    per_answer: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.rounds):
        for question in questions:
            spent.clear()
            started = time.perf_counter()
            pipeline.ask(question)
            spent["ask"] = time.perf_counter() - started
            for label in ["ask", *labels]:
                per_answer[label].append(spent.get(label, 0.0) * 1000)
    print(f"{len(per_answer['ask'])} answers; ms per answer: mean, p95")
    for label in ["ask", *labels]:
        values = per_answer[label]
        print(f"{label:36} {sum(values) / len(values):6.2f} {percentile(values, 95):6.2f}")


if __name__ == "__main__":
    main()
