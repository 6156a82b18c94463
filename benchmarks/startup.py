"""Bot start-up and memory: the real `hansyn serve` (bundled model, shipped index) against the fake
Bot API on 127.0.0.1: process start to the first getUpdates, to the first answer, and the serving
process's resident memory when idle and after answering questions.

    .venv/bin/python benchmarks/startup.py [--runs 3] [--questions 200]
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, load_eval
from load import answers_by_chat, proc_mem_mb, process_tree, serve_env, stop_serving, user

sys.path.insert(0, str(ROOT / "tests"))
from fake_telegram import FakeTelegram  # noqa: E402

HANSYN = str(Path(sys.executable).parent / "hansyn")


async def one_run(questions: list[str], n_questions: int) -> dict:
    fake = FakeTelegram()
    base_url = await fake.start()
    tmp = Path(tempfile.mkdtemp(prefix="hansyn-startup-"))
    env = serve_env(base_url, tmp, "startup-benchmark")
    started = time.monotonic()
    proc = await asyncio.create_subprocess_exec(
        HANSYN, "serve", cwd=tmp, env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE
    )
    try:
        while fake.first_poll_at is None:
            if proc.returncode is not None:
                raise SystemExit((await proc.stderr.read()).decode()[-2000:])
            await asyncio.sleep(0.01)
        first_poll = fake.first_poll_at - started
        fake.send_text(questions[0], user=user(0))
        while not answers_by_chat(fake):
            await asyncio.sleep(0.01)
        first_answer = min(t for ts in answers_by_chat(fake).values() for t in ts) - started
        await asyncio.sleep(1.0)
        idle, _ = proc_mem_mb(proc.pid)
        idle_main, _ = proc_mem_mb(proc.pid, descendants=False)
        workers = sum(  # multiprocessing's resource tracker is not an answer process
            "resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_text(errors="replace")
            for pid in process_tree(proc.pid)[1:]
        )
        for n in range(n_questions):  # 10 users, within the per-user flood limit
            fake.send_text(questions[n % len(questions)], user=user(1 + n % 10 + 10 * (n // 100)))
            if n % 20 == 19:
                await asyncio.sleep(0.3)
        deadline = time.monotonic() + 120
        while sum(map(len, answers_by_chat(fake).values())) < n_questions + 1 and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        rss, peak = proc_mem_mb(proc.pid)
        proc.send_signal(signal.SIGTERM)
        stop_started = time.monotonic()
        await asyncio.wait_for(proc.wait(), 30)
        return {
            "first_poll": first_poll,
            "first_answer": first_answer,
            "idle_mb": idle,
            "idle_main_mb": idle_main,
            "workers": workers,
            "rss_mb": rss,
            "peak_mb": peak,
            "stop_s": time.monotonic() - stop_started,
            "exit": proc.returncode,
        }
    finally:
        await stop_serving(proc, fake)


async def main_async(args) -> None:
    questions = [r["q"] for r in load_eval(ROOT / "benchmarks" / "eval.jsonl")]
    runs = [await one_run(questions, args.questions) for _ in range(args.runs)]

    def med(key: str) -> float:
        return statistics.median(r[key] for r in runs)

    print(
        f"hansyn serve, {args.runs} runs (median): start-up to first getUpdates {med('first_poll'):.2f} s "
        f"(max {max(r['first_poll'] for r in runs):.2f}); to the first answer {med('first_answer'):.2f} s"
    )
    print(
        f"memory of the bot and its {med('workers'):.0f} answer processes: RSS {med('idle_mb'):.0f} MB idle "
        f"after warm-up (the bot's own process {med('idle_main_mb'):.0f} MB), {med('rss_mb'):.0f} MB after "
        f"{args.questions} answers (peak {med('peak_mb'):.0f} MB); SIGTERM to exit {med('stop_s'):.2f} s, "
        f"exit codes {sorted({r['exit'] for r in runs})}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--questions", type=int, default=200)
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
