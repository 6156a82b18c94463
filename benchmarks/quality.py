"""Retrieval quality on the evaluation set: hit@1, hit@3, MRR and decline rates for dense only,
BM25 only and hybrid (as answers rank files: weighed by the question's intent), plus a sweep of
the confidence bar.

    .venv/bin/python benchmarks/quality.py [--eval benchmarks/eval.jsonl] [--holdout] [-v]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from _common import ROOT, load_eval, pipeline_from_env

from bot.answer.compose import MIN_CONFIDENCE
from bot.search.retrieval import MODES


def evaluate(pipeline, rows: list[dict], mode: str, threshold: float, verbose: bool = False) -> dict:
    hit1 = hit3 = rr = 0.0
    inscope = [r for r in rows if r["scope"] == "in"]
    outscope = [r for r in rows if r["scope"] == "out"]
    wrongly_declined = declined_out = 0
    confidences = []
    for row in rows:
        result = pipeline.rank(row["q"], mode=mode)
        docs = [h.passage.doc_id for h in result.documents()[:10]]
        confident = result.confidence >= threshold
        confidences.append((result.confidence, row["scope"]))
        if row["scope"] == "out":
            declined_out += not confident
            if confident and verbose:
                print(f"  [{mode}] answered out-of-scope ({result.confidence:.2f}): {row['q']} -> {docs[:1]}")
            continue
        expect = set(row["expect"])
        rank = next((i for i, d in enumerate(docs, 1) if d in expect), None)
        hit1 += rank == 1
        hit3 += rank is not None and rank <= 3
        rr += 1 / rank if rank else 0
        wrongly_declined += not confident
        if verbose and (rank is None or rank > 3 or not confident):
            print(
                f"  [{mode}] rank={rank} conf={result.confidence:.2f}: {row['q']} -> {docs[:3]} want {sorted(expect)[:3]}"
            )
    n = max(1, len(inscope))
    return {
        "mode": mode,
        "hit@1": hit1 / n,
        "hit@3": hit3 / n,
        "mrr": rr / n,
        "oos_declined": declined_out / max(1, len(outscope)),
        "wrongly_declined": wrongly_declined / n,
        "confidences": confidences,
        "n_in": len(inscope),
        "n_out": len(outscope),
    }


def answered(pipeline, rows: list[dict]) -> dict:
    """What the user sees: is the question answered, or declined (a referral or "Menar du …?")?
    The rows above judge the search's confidence alone; an answer is also declined when the
    question names a referral's topic, and answered when it asks for precedents with a filter
    or what a glossary term means."""
    confusion = {("in", True): 0, ("in", False): 0, ("out", True): 0, ("out", False): 0}
    for row in rows:
        confusion[(row["scope"], bool(pipeline.ask(row["q"]).answered))] += 1
    n_in = max(1, confusion[("in", True)] + confusion[("in", False)])
    n_out = max(1, confusion[("out", True)] + confusion[("out", False)])
    return {
        "confusion": confusion,
        "oos_declined": confusion[("out", False)] / n_out,
        "wrongly_declined": confusion[("in", False)] / n_in,
    }


def sweep(confidences: list[tuple[float, str]]) -> list[tuple[float, float, float]]:
    """(threshold, out-of-scope declined, in-scope wrongly declined) for a range of bars."""
    ins = [c for c, s in confidences if s == "in"]
    outs = [c for c, s in confidences if s == "out"]
    rows = []
    for step in range(30, 75, 2):
        bar = step / 100
        rows.append(
            (
                bar,
                sum(c < bar for c in outs) / max(1, len(outs)),
                sum(c < bar for c in ins) / max(1, len(ins)),
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", type=Path, default=ROOT / "benchmarks" / "eval.jsonl")
    parser.add_argument("--holdout", action="store_true", help="use benchmarks/eval_holdout.jsonl")
    parser.add_argument("--threshold", type=float, default=MIN_CONFIDENCE)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--sweep", action="store_true", help="print the confidence-bar sweep")
    args = parser.parse_args()
    path = ROOT / "benchmarks" / "eval_holdout.jsonl" if args.holdout else args.eval
    rows = load_eval(path)
    started = time.perf_counter()
    pipeline = pipeline_from_env()
    print(
        f"{path.name}: {sum(r['scope'] == 'in' for r in rows)} in-scope, "
        f"{sum(r['scope'] == 'out' for r in rows)} out-of-scope questions; "
        f"{pipeline.index.config['documents']} files, {pipeline.index.config['passages']} passages; "
        f"confidence bar {args.threshold:.2f}"
    )
    print(f"{'mode':8} {'hit@1':>6} {'hit@3':>6} {'MRR':>6} {'oos declined':>13} {'in-scope declined':>18}")
    results = {}
    for mode in ("dense", "bm25", "hybrid"):
        assert mode in MODES
        res = evaluate(pipeline, rows, mode, args.threshold, args.verbose)
        results[mode] = res
        print(
            f"{mode:8} {res['hit@1']:6.3f} {res['hit@3']:6.3f} {res['mrr']:6.3f} "
            f"{res['oos_declined']:13.3f} {res['wrongly_declined']:18.3f}"
        )
    seen = answered(pipeline, rows)
    c = seen["confusion"]
    print(f"{'answers':8} {'':6} {'':6} {'':6} {seen['oos_declined']:13.3f} {seen['wrongly_declined']:18.3f}")
    print(
        "(the bar is calibrated for hybrid; dense and bm25 rows judge their own raw score, the "
        "best cosine and the share of the question's words, against it; 'answers' is what the "
        "user sees: declined with a referral or 'Menar du …?', or answered)"
    )
    print(
        f"confusion of the answers: in scope {c[('in', True)]} answered, {c[('in', False)]} declined; "
        f"out of scope {c[('out', False)]} declined, {c[('out', True)]} answered"
    )
    if args.sweep:
        print("\nconfidence bar sweep (hybrid): bar, out-of-scope declined, in-scope wrongly declined")
        for bar, out, wrong in sweep(results["hybrid"]["confidences"]):
            print(f"  {bar:.2f}  {out:.3f}  {wrong:.3f}")
    print(f"\n({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
