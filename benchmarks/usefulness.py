"""Usefulness: does the answer a user reads answer the question asked?

Each row of the set (benchmarks/eval_usefulness.jsonl, written blind) carries a rubric, and an
answer is judged on its body only – the passages it shows, in order (`parts` in the JSON) and
the precedents it lists (`precedents`) – never on the sources list:

- in scope, the question must be answered (a decline or a "Menar du …?" fails it);
- `lead`: the first passage shown comes from one of these files (and from `lead_section`); in an
  answer that is only a list of precedents, the first precedent listed is what is read first, and
  a first precedent that matches the question's `precedents` filter passes too (declared in the
  fourth session, when precedents were added that the older labels could not name);
- `cover`: every part or side of the question has a passage from one of its files in the body;
- `precedents`: the filter the question asks for (`any_of`: a list of filters, any of which a
  precedent may satisfy; added in the eleventh session, when a new precedent answered rows whose
  filter named an instrument as a proxy for "from a social enterprise"). The matching precedents
  are computed from the knowledge files' front matter. When some match, the list must hold all of them (or, when more
  than eight match, eight), and at least 80 % of what it lists must match. When none match, the
  answer must say so (`precedent_match: "none"`) and still list the closest;
- out of scope (`referral`), the question must be declined and point to that referral.

An answer in the JSON contract from before composition by intent (no `parts`) is read as what
that version showed: the top file's short answer, then its one precedent.

    .venv/bin/python benchmarks/usefulness.py [--eval benchmarks/eval_usefulness.jsonl] [-v] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from _common import ROOT, percentile, pipeline_from_env

from bot.answer.render_text import render_text
from bot.knowledge.places import county_of
from bot.knowledge.precedents import RESERVATIONS

MAX_REQUIRED = 8
SHORT = "kort-svar"
PRECISION = 0.8


def matches(record: dict, wanted: dict) -> bool:
    """Does a precedent's front matter satisfy the filter a question asks for? A list of values
    ("Norrland": five counties) is satisfied by any of them."""
    for key, value in wanted.items():
        if key == "any_of":  # one of several filters: a precedent added after the row was labelled
            if not any(matches(record, one) for one in value):  # that the label's proxy missed
                return False
            continue
        if isinstance(value, list):
            if not any(matches(record, {key: one}) for one in value):
                return False
            continue
        if key == "county":
            county = record.get("county") or county_of(record.get("municipality") or "")
            if county != value:
                return False
        elif key == "municipality":
            place = value.lower()
            if place != (record.get("municipality") or "").lower() and place not in record["buyer"].lower():
                return False
        elif key == "country":
            if (record.get("country") or "Sverige") != value:
                return False
        elif key == "country_not":
            if (record.get("country") or "Sverige") == value:
                return False
        elif key == "sector":
            if value not in record.get("sector", []):
                return False
        elif key == "instrument":
            have = set(record.get("instrument", []))
            if not (have & set(RESERVATIONS) if value == "reserverad" else value in have):
                return False
        elif key == "buyer_type":
            if record.get("buyer_type") != value:
                return False
        elif key == "buyer":
            if value.lower() not in record["buyer"].lower():
                return False
        elif key == "supplier":
            names = " ".join(record.get("suppliers", []) + [record.get("title", "")]).lower()
            if value.lower() not in names:
                return False
        elif key == "year_from":
            if not record.get("year") or record["year"] < value:
                return False
        elif key == "year_to":
            if not record.get("year") or record["year"] > value:
                return False
        else:
            raise ValueError(f"unknown precedent filter {key!r}")
    return True


def body_of(answer: dict) -> tuple[list[tuple[str, str]], list[str]]:
    """(doc id, section) of each passage shown, in order, and the precedents listed."""
    if "parts" in answer:
        parts = [(p["doc_id"], p["section"]) for p in answer["parts"]]
        precedents = [p["doc_id"] for p in answer.get("precedents") or []]
        return parts, precedents
    if not answer["answered"]:
        return [], []
    parts = [(answer["sources"][0]["id"].split("#")[0], "kort-svar")] if answer["sources"] else []
    precedent = answer.get("precedent")
    if precedent:
        parts.append((precedent["doc_id"], "kort-svar"))
    return parts, [precedent["doc_id"]] if precedent else []


def judge(row: dict, answer: dict, examples: list[dict]) -> dict:
    """The rubric's verdict on one answer: which checks failed, and whether it passed."""
    failed: list[str] = []
    parts, precedents = body_of(answer)
    shown = {doc for doc, _ in parts} | set(precedents)
    example_ids = {e["id"] for e in examples}
    # a precedent shown as a passage (the case a question names) is listed too
    precedents = list(dict.fromkeys(precedents + [doc for doc, _ in parts if doc in example_ids]))
    if row.get("referral"):
        if answer["answered"]:
            failed.append("answered")
        elif (answer.get("referral") or {}).get("id") != row["referral"]:
            failed.append(f"referral {(answer.get('referral') or {}).get('id')} != {row['referral']}")
        return {"failed": failed, "passed": not failed, "sides": None}
    if not answer["answered"]:
        return {"failed": ["declined"], "passed": False, "sides": False}
    # what the user reads first: the first passage, or, in an answer that is only a list of
    # precedents, the first precedent listed
    first = parts[0] if parts else ((precedents[0], SHORT) if precedents else None)
    # ... which, in such a list, may be any precedent that matches what the question asks (one
    # added to the knowledge base after the row was labelled as well as those the labeller knew)
    matching_first = (
        not parts
        and first is not None
        and bool(row.get("precedents"))
        and first[0] in example_ids
        and matches(next(e for e in examples if e["id"] == first[0]), row["precedents"])
    )
    if row.get("lead") and not matching_first:
        if not first or first[0] not in row["lead"]:
            failed.append(f"lead {first[0] if first else None}")
        elif row.get("lead_section") and first[1] != row["lead_section"]:
            failed.append(f"lead section {first[1]}")
    missing = [group for group in row.get("cover") or [] if not shown & set(group)]
    if missing:
        failed.append(f"cover missing {[g[0] for g in missing]}")
    if row.get("precedents"):
        wanted = [e["id"] for e in examples if matches(e, row["precedents"])]
        if wanted:
            need = set(wanted) if len(wanted) <= MAX_REQUIRED else None
            listed_ok = [p for p in precedents if p in wanted]
            if need is not None and not need <= set(precedents):
                failed.append(f"precedents missing {sorted(need - set(precedents))[:4]}")
            if need is None and len(listed_ok) < MAX_REQUIRED:
                failed.append(f"precedents: {len(listed_ok)} of {len(wanted)} matching listed")
            if precedents and len(listed_ok) / len(precedents) < PRECISION:
                failed.append(f"precedents: {len(precedents) - len(listed_ok)} listed do not match")
        else:
            if answer.get("precedent_match") != "none":
                failed.append("no match, not said")
            if not precedents:
                failed.append("no closest precedents")
    return {"failed": failed, "passed": not failed, "sides": not missing}


def load_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(pipeline, rows: list[dict], verbose: bool = False) -> dict:
    examples = pipeline.documents("example")
    pipeline.ask("uppvärmning")  # load the model before timing
    verdicts, latencies = [], []
    for row in rows:
        started = time.perf_counter()
        answer = pipeline.ask(row["q"])
        latencies.append((time.perf_counter() - started) * 1000)
        data = answer.to_json(render_text(answer))
        verdict = judge(row, data, examples) | {"row": row}
        verdicts.append(verdict)
        if verbose and not verdict["passed"]:
            parts, precedents = body_of(data)
            print(f"  FAIL {row['id']} [{row['category']}] {row['q']}\n       {verdict['failed']}")
            print(f"       body: {[d for d, _ in parts][:5]} precedents: {precedents[:6]}")
    return summarise(verdicts, latencies)


def summarise(verdicts: list[dict], latencies: list[float]) -> dict:
    inscope = [v for v in verdicts if not v["row"].get("referral")]
    outscope = [v for v in verdicts if v["row"].get("referral")]
    comparisons = [v for v in inscope if v["row"]["category"] == "comparison"]
    by_category: dict[str, list[bool]] = defaultdict(list)
    for v in verdicts:
        by_category[v["row"]["category"]].append(v["passed"])
    declined_in = sum("declined" in v["failed"] for v in inscope)
    return {
        "n": len(verdicts),
        "in_scope_passed": sum(v["passed"] for v in inscope) / max(1, len(inscope)),
        "comparisons_all_sides": sum(bool(v["sides"]) for v in comparisons) / max(1, len(comparisons)),
        "false_declines": declined_in / max(1, len(inscope)),
        "out_declined": sum("answered" not in v["failed"] for v in outscope) / max(1, len(outscope)),
        "out_referral_right": sum(v["passed"] for v in outscope) / max(1, len(outscope)),
        "by_category": {c: (sum(p), len(p)) for c, p in sorted(by_category.items())},
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT / "benchmarks" / "eval_usefulness.jsonl")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every failed question")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    figures = run(pipeline_from_env(), load_rows(args.eval), args.verbose)
    print(f"usefulness on {args.eval.name} ({figures['n']} questions)")
    print(f"  in scope passing their rubric: {figures['in_scope_passed']:.3f}")
    print(f"  comparisons with every side covered: {figures['comparisons_all_sides']:.3f}")
    print(f"  false declines: {figures['false_declines']:.3f}")
    print(
        f"  out of scope declined: {figures['out_declined']:.3f}, with the right referral: {figures['out_referral_right']:.3f}"
    )
    for category, (passed, total) in figures["by_category"].items():
        print(f"    {category:<13} {passed:>3}/{total}")
    print(f"  latency p50 {figures['p50_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms")
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
