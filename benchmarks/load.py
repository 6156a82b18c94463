"""Load: the bot under `hansyn serve` (a subprocess, the real client and the bundled model) against
the fake Bot API (tests/fake_telegram.py) on 127.0.0.1; 50 simulated users x 20 questions.

    .venv/bin/python benchmarks/load.py [--users 50] [--questions 20] [--rate 50]
                                        [--rate-limiter off,shipped] [--phases burst,paced]

Two phases per run:
- burst: every user sends all their questions at once (1 000 updates queued together): how fast
  the bot drains them (throughput) and whether every one is answered exactly once;
- paced: the users together send `--rate` questions per second until each has sent its share
  (one phase per rate: the 50/s target, and 10/s, about the estimated national peak hour):
  throughput and end-to-end latency from the update reaching the Bot API to the bot's
  sendMessage arriving there. Above the bot's capacity the latency is queueing time.
For each: updates without a reply, replies beyond one per update, and questions missing from the
question log (counted per pseudonymised user) - all must be 0. Also the bot process's CPU per
question and resident memory, and the benchmark's own CPU (the fake server shares the 2 cores).
The per-user flood limit is lifted for the run (see benchmarks/_serve.py); `--rate-limiter off`
also removes PTB's 30-requests-per-second pacing, to show the bot's own capacity.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from _common import ROOT, load_eval, percentile

sys.path.insert(0, str(ROOT / "tests"))
from fake_telegram import TOKEN, FakeTelegram  # noqa: E402

from bot.log.questionlog import pseudonymise  # noqa: E402
from bot.log.schema import open_db  # noqa: E402

SECRET = "load-benchmark-secret"
TICK = os.sysconf("SC_CLK_TCK")


@dataclass
class Phase:
    name: str
    sent: list[tuple[int, int, float]] = field(default_factory=list)  # (chat id, message id, at)
    started: float = 0.0
    finished: float = 0.0


def _stat(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def process_tree(pid: int) -> list[int]:
    """`pid` and its live descendants (the bot and its answer processes)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int(_stat(int(entry.name))[1])
            except (OSError, IndexError, ValueError):
                continue  # the process ended meanwhile
    tree, frontier = [pid], [pid]
    while frontier:
        frontier = [child for child, parent in parents.items() if parent in frontier]
        tree += frontier
    return tree


def proc_cpu_s(pid: int, descendants: bool = True) -> float:
    """CPU seconds of `pid` and (by default) its live descendants."""
    total = 0
    for member in process_tree(pid) if descendants else [pid]:
        try:
            fields = _stat(member)
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICK


def proc_mem_mb(pid: int, descendants: bool = True) -> tuple[float, float]:
    """(VmRSS, VmHWM) in MB, summed over `pid` and (by default) its live descendants."""
    rss = hwm = 0.0
    for member in process_tree(pid) if descendants else [pid]:
        values = {}
        try:
            lines = Path(f"/proc/{member}/status").read_text().splitlines()
        except OSError:
            continue
        for line in lines:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
        rss += values.get("VmRSS", 0.0)
        hwm += values.get("VmHWM", 0.0)
    return rss, hwm


def serve_env(base_url: str, tmp: Path, secret: str, **extra: str) -> dict[str, str]:
    """The environment of a `hansyn serve` under test: the fake Bot API, a fresh log in `tmp`."""
    return {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": base_url,
        "HANSYN_SECRET": secret,
        "HANSYN_DB": str(tmp / "hansyn.db"),
        "HANSYN_INDEX_DIR": os.environ.get("HANSYN_INDEX_DIR", str(ROOT / "index")),
        "HANSYN_KNOWLEDGE_DIR": os.environ.get("HANSYN_KNOWLEDGE_DIR", str(ROOT / "knowledge")),
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
        **extra,
    }


async def stop_serving(proc: asyncio.subprocess.Process, fake: FakeTelegram) -> None:
    """Kill the bot if it is still running, then stop the fake server."""
    if proc.returncode is None:
        proc.kill()
        await proc.wait()
    await fake.stop()


def user(n: int) -> dict:
    return {"id": 700_000 + n, "is_bot": False, "first_name": f"Användare {n}", "language_code": "sv"}


def answers_by_chat(fake: FakeTelegram) -> dict[int, list[float]]:
    out: dict[int, list[float]] = defaultdict(list)
    for call in fake.calls:
        ok = call.method == "sendMessage" and call.error is None and call.fault is None
        if ok and call.params.get("reply_markup"):  # the answer: the message with the buttons
            out[int(call.params["chat_id"])].append(call.at)
    return out


def count_answers(fake: FakeTelegram) -> int:
    return sum(
        1
        for c in fake.calls
        if c.method == "sendMessage" and c.error is None and c.params.get("reply_markup")
    )


async def wait_for_answers(fake: FakeTelegram, expected: int, stall_s: float = 30.0) -> None:
    """Until `expected` answers arrived, or none came for `stall_s` seconds."""
    last, last_change = count_answers(fake), time.monotonic()
    while True:
        now = count_answers(fake)
        if now >= expected:
            return
        if now != last:
            last, last_change = now, time.monotonic()
        elif time.monotonic() - last_change > stall_s:
            return
        await asyncio.sleep(0.1)


def match(phase: Phase, answers: dict[int, list[float]], taken: dict[int, int]) -> tuple[list[float], int]:
    """Pair each chat's questions with its answers in arrival order (a user's questions are
    answered in order at these loads): latencies in ms, and how many got no answer."""
    by_chat: dict[int, list[float]] = defaultdict(list)
    for chat, _, at in phase.sent:
        by_chat[chat].append(at)
    latencies, missing = [], 0
    for chat, times in by_chat.items():
        got = answers.get(chat, [])[taken[chat] :]
        pairs = min(len(times), len(got))
        latencies += [(got[i] - times[i]) * 1000 for i in range(pairs)]
        missing += len(times) - pairs
        taken[chat] += pairs
    return latencies, missing


async def run_variant(args, limiter: str, questions: list[str]) -> None:
    fake = FakeTelegram()
    base_url = await fake.start()
    tmp = Path(tempfile.mkdtemp(prefix="hansyn-load-"))
    env = serve_env(base_url, tmp, SECRET, HANSYN_ADMIN_IDS="", HF_HUB_OFFLINE="1")
    log_path = tmp / "serve.log"
    started = time.monotonic()
    with open(log_path, "wb") as log_file:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            str(ROOT / "benchmarks" / "_serve.py"),
            "--rate-limiter",
            limiter,
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=log_file,
        )
    try:
        while fake.first_poll_at is None:
            if proc.returncode is not None:
                raise SystemExit(f"hansyn serve exited: {log_path.read_text()[-2000:]}")
            await asyncio.sleep(0.05)
        first_poll = fake.first_poll_at - started
        fake.send_text(questions[0], user=user(10_000))  # the first answer loads the model
        await wait_for_answers(fake, 1, stall_s=60)
        rss_idle, _ = proc_mem_mb(proc.pid)
        print(
            f"\n[rate limiter {limiter}] start-up to first getUpdates {first_poll:.2f} s; "
            f"RSS after warm-up {rss_idle:.0f} MB",
            flush=True,
        )

        taken: dict[int, int] = defaultdict(int)
        taken[user(10_000)["id"]] = 1
        total_sent = 1
        phases = []
        for name in args.phases.split(","):
            phases += (
                [(name, None)] if name == "burst" else [("paced", float(r)) for r in args.rate.split(",")]
            )
        for name, rate in phases:
            label = name if rate is None else f"paced {rate:g}/s"
            phase = Phase(label)
            cpu0, main_cpu0, my_cpu0 = proc_cpu_s(proc.pid), proc_cpu_s(proc.pid, False), time.process_time()
            phase.started = time.monotonic()
            n = 0
            if name == "burst":
                for _ in range(args.questions):
                    for u in range(args.users):
                        message = fake.send_text(questions[n % len(questions)], user=user(u))
                        phase.sent.append((message["chat"]["id"], message["message_id"], time.monotonic()))
                        n += 1
            else:
                interval = 1.0 / rate
                for _ in range(args.questions):
                    for u in range(args.users):
                        target = phase.started + n * interval
                        delay = target - time.monotonic()
                        if delay > 0:
                            await asyncio.sleep(delay)
                        message = fake.send_text(questions[n % len(questions)], user=user(u))
                        phase.sent.append((message["chat"]["id"], message["message_id"], time.monotonic()))
                        n += 1
            sent_s = time.monotonic() - phase.started
            total_sent += n
            await wait_for_answers(fake, total_sent)
            phase.finished = time.monotonic()
            cpu = proc_cpu_s(proc.pid) - cpu0
            main_cpu = proc_cpu_s(proc.pid, False) - main_cpu0
            my_cpu = time.process_time() - my_cpu0
            answers = answers_by_chat(fake)
            latencies, missing = match(phase, answers, taken)
            last_answer = max((t for ts in answers.values() for t in ts), default=phase.finished)
            span = last_answer - phase.started
            rss, hwm = proc_mem_mb(proc.pid)
            requests = Counter(c.method for c in fake.calls if phase.started <= c.at <= phase.finished)
            print(
                f"  {label}: {n} questions sent over {sent_s:.1f} s, answered {len(latencies)} in {span:.1f} s "
                f"= {len(latencies) / span:.1f} questions/s; end-to-end p50 {percentile(latencies, 50):.0f} ms "
                f"p95 {percentile(latencies, 95):.0f} ms p99 {percentile(latencies, 99):.0f} ms "
                f"max {max(latencies, default=float('nan')):.0f} ms",
                flush=True,
            )
            print(
                f"         bot CPU {cpu * 1000 / max(1, n):.1f} ms per question ({cpu / span * 100:.0f} % of a core; "
                f"{main_cpu * 1000 / max(1, n):.1f} ms of it in the main process); "
                f"benchmark + fake server CPU {my_cpu * 1000 / max(1, n):.1f} ms per question; "
                f"bot RSS {rss:.0f} MB (peak {hwm:.0f} MB); updates without a reply {missing}",
                flush=True,
            )
            print(
                "         Bot API requests per question: "
                + ", ".join(f"{m} {k / max(1, n):.2f}" for m, k in requests.most_common()),
                flush=True,
            )

        await asyncio.sleep(1.0)
        answers = answers_by_chat(fake)
        extra = sum(max(0, len(answers.get(c, [])) - taken[c]) for c in answers)
        proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(proc.wait(), 30)
        with open_db(tmp / "hansyn.db") as db:
            per_user = dict(
                db.execute("SELECT user_key, count(*) FROM questions GROUP BY user_key").fetchall()
            )
        sent_per_user: dict[int, int] = defaultdict(int)
        sent_per_user[user(10_000)["id"]] = 1
        for u in range(args.users):
            sent_per_user[user(u)["id"]] = args.questions * len(phases)
        missing_log = sum(
            max(0, n - per_user.get(pseudonymise(SECRET, "user", uid), 0)) for uid, n in sent_per_user.items()
        )
        print(
            f"  replies beyond one per update {extra}; questions missing from the log {missing_log} "
            f"(of {sum(sent_per_user.values())}); serve exited {proc.returncode}",
            flush=True,
        )
    finally:
        await stop_serving(proc, fake)


async def main_async(args) -> None:
    rows = load_eval(ROOT / "benchmarks" / "eval.jsonl")
    questions = [r["q"] for r in rows]
    print(
        f"{args.users} users x {args.questions} questions per phase; paced rate {args.rate}/s; "
        f"{len(questions)} distinct questions from benchmarks/eval.jsonl; {os.cpu_count()} cores"
    )
    for limiter in args.rate_limiter.split(","):
        await run_variant(args, limiter, questions)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument(
        "--rate",
        default="50,10",
        help="questions per second offered in the paced phases (one phase per rate)",
    )
    parser.add_argument("--rate-limiter", default="off,shipped")
    parser.add_argument("--phases", default="burst,paced")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
