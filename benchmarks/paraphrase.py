"""Paraphrase consistency: every phrasing of one question must get the same top file, and the
answer must lead with it.

Each line of benchmarks/eval_paraphrase.jsonl is a group: 3–5 phrasings of one question (the
politically sensitive ones first: collective agreements, local firms, reserving for social
enterprises, the lowest price) and the acceptable top files. A group is *consistent* when all
its phrasings get one top file, and *right* when that file is an acceptable one. Both are
measured on the ranking answers use and on the file the answer's body leads with. Last, what the
user reads: does every phrasing's answer show an acceptable file among its passages (a close FAQ
that answers the other way is shown beside the lead, so no phrasing reads only the other answer)?

    .venv/bin/python benchmarks/paraphrase.py [--eval benchmarks/eval_paraphrase.jsonl] [-v]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from _common import ROOT, pipeline_from_env


def judge(pipeline, group: dict) -> dict:
    ranked, led, shown = [], [], []
    expected = set(group["expected"])
    for phrasing in group["phrasings"]:
        result = pipeline.rank(phrasing)
        docs = result.documents()
        ranked.append(docs[0].passage.doc_id if docs else None)
        answer = pipeline.ask(phrasing)
        led.append(answer.top_doc_id if answer.answered else None)
        shown.append(answer.answered and bool(expected & {p.doc_id for p in answer.parts}))
    return {
        "group": group["group"],
        "ranked": ranked,
        "led": led,
        "rank_consistent": len(set(ranked)) == 1,
        "rank_right": all(d in expected for d in ranked),
        "lead_consistent": len(set(led)) == 1,
        "lead_right": all(d in expected for d in led),
        "shown": shown,
        "shown_all": all(shown),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT / "benchmarks" / "eval_paraphrase.jsonl")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    pipeline = pipeline_from_env()
    groups = [json.loads(line) for line in args.eval.read_text(encoding="utf-8").splitlines() if line.strip()]
    verdicts = [judge(pipeline, g) for g in groups]
    n = len(verdicts)
    figures = {
        k: sum(v[k] for v in verdicts) / n
        for k in ("rank_consistent", "rank_right", "lead_consistent", "lead_right", "shown_all")
    }
    figures["groups"] = n
    phrasings = [(d, set(g["expected"])) for v, g in zip(verdicts, groups, strict=True) for d in v["ranked"]]
    figures["phrasing_right"] = sum(d in exp for d, exp in phrasings) / len(phrasings)
    leads = [(d, set(g["expected"])) for v, g in zip(verdicts, groups, strict=True) for d in v["led"]]
    figures["phrasing_lead_right"] = sum(d in exp for d, exp in leads) / len(leads)
    figures["phrasings"] = sum(len(g["phrasings"]) for g in groups)
    figures["phrasing_shown"] = sum(s for v in verdicts for s in v["shown"]) / figures["phrasings"]
    print(f"paraphrase groups on {args.eval.name}: {n} groups, {figures['phrasings']} phrasings")
    print(
        f"  one top file for every phrasing: {figures['rank_consistent']:.3f} (and an expected one: {figures['rank_right']:.3f})"
    )
    print(
        f"  one lead file in every answer:   {figures['lead_consistent']:.3f} (and an expected one: {figures['lead_right']:.3f})"
    )
    print(
        f"  per phrasing: expected top file {figures['phrasing_right']:.3f}, "
        f"answer leads with an expected file {figures['phrasing_lead_right']:.3f}"
    )
    print(
        f"  the body shows an expected file: every phrasing in {figures['shown_all']:.3f} of the groups, "
        f"{figures['phrasing_shown']:.3f} of the phrasings"
    )
    if args.verbose:
        for v in verdicts:
            if not (v["rank_consistent"] and v["lead_consistent"] and v["lead_right"]):
                print(f"  {v['group']}: ranked {v['ranked']}\n  {'':{len(v['group'])}}  led    {v['led']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
