"""Answer latency: warm in-process p50/p95/p99 (wall time and CPU time) over the evaluation
set and the usefulness set (compound questions and comparisons run two to four searches),
`hansyn --help`, and a one-shot `hansyn ask` process.

    .venv/bin/python benchmarks/latency.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from _common import ROOT, load_eval, percentile, pipeline_from_env

HANSYN = str(Path(sys.executable).parent / "hansyn")


def timed_process(args: list[str], runs: int) -> list[float]:
    times = []
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(args, cwd=ROOT, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the evaluation set")
    args = parser.parse_args()
    questions = [row["q"] for row in load_eval(ROOT / "benchmarks" / "eval.jsonl")]
    usefulness = ROOT / "benchmarks" / "eval_usefulness.jsonl"
    questions += [json.loads(line)["q"] for line in usefulness.read_text(encoding="utf-8").splitlines()]
    pipeline = pipeline_from_env()
    pipeline.ask("uppvärmning")  # load the query encoder
    samples, cpu = [], []
    for _ in range(args.rounds):
        for question in questions:
            started, started_cpu = time.perf_counter(), time.process_time()
            pipeline.ask(question)
            samples.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    print(
        f"warm ask, {len(samples)} answers over {len(questions)} questions (ms): "
        f"p50 {percentile(samples, 50):.1f}  p95 {percentile(samples, 95):.1f}  "
        f"p99 {percentile(samples, 99):.1f}  max {max(samples):.1f}; CPU p50 {percentile(cpu, 50):.1f}  "
        f"p95 {percentile(cpu, 95):.1f}"
    )
    helps = timed_process([HANSYN, "--help"], 5)
    print(f"hansyn --help (s): median {sorted(helps)[2]:.2f}  max {max(helps):.2f}")
    asks = timed_process([HANSYN, "ask", "Får vi reservera upphandlingen för sociala företag?"], 3)
    print(f"one-shot hansyn ask process (s): median {sorted(asks)[1]:.2f}  max {max(asks):.2f}")


if __name__ == "__main__":
    main()
