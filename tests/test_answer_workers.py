"""Answers from worker processes (bot/answer_workers.py), end to end: the real PTB client against
the fake Bot API, with spawned processes answering from the fixture knowledge base."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from botkit import NEW_FAQ, QUESTION, answer_of, running_bot, user

from bot.answer.pipeline import Pipeline
from bot.errors import ConfigError
from bot.settings import Settings

WORKER_START_S = 60.0  # a spawned worker imports numpy and faiss and loads the index first


async def ask(fake, text: str, n: int):
    message = fake.send_text(text, user=user(n))
    answers = fake.answers(message)
    [call] = await fake.wait_for("sendMessage", lambda c: answers(c) and answer_of(c), timeout=WORKER_START_S)
    return call


def worker_pids(bot) -> set[int]:
    pool = bot.deps.workers._pool
    return set(pool._processes) if pool is not None else set()


async def test_answers_come_from_worker_processes_that_follow_a_reindex(fake, settings, pipeline, kb_dir):
    def not_here(*args, **kwargs):
        raise AssertionError("answered in the bot's own process")

    pipeline.ask = not_here  # so every answer below must come from a worker
    async with running_bot(fake, settings, pipeline, answer_processes=1) as bot:
        first = await ask(fake, QUESTION, 1)
        assert "4 kap. 18 § LOU" in first.text
        assert worker_pids(bot) and os.getpid() not in worker_pids(bot)

        # `hansyn reindex` beside the running bot: the worker answers from the new build
        (kb_dir / "faq" / "faq-xylofon.md").write_text(NEW_FAQ)
        Pipeline(settings).reindex()
        after = await ask(fake, "Får vi köpa xylofoner med sociala krav?", 2)
        assert "xylofonupphandlingar" in after.text
        assert bot.errors == []


async def test_a_killed_worker_costs_no_answer(fake, settings, pipeline):
    async with running_bot(fake, settings, pipeline, answer_processes=1) as bot:
        await ask(fake, QUESTION, 1)
        killed = worker_pids(bot)
        for pid in killed:
            os.kill(pid, signal.SIGKILL)
        for n in range(2, 5):  # answered meanwhile by the bot's own process, then by a new worker
            call = await ask(fake, QUESTION, n)
            assert "4 kap. 18 § LOU" in call.text
        assert bot.deps.workers.available
        assert worker_pids(bot) and not worker_pids(bot) & killed
        assert bot.errors == []


async def test_workers_that_cannot_start_are_given_up_and_the_bot_answers_itself(
    fake, settings, pipeline, tmp_path
):
    broken = dataclasses.replace(settings, index_dir=tmp_path / "no-index-here")
    async with running_bot(fake, broken, pipeline, answer_processes=1) as bot:
        for n in range(1, 6):
            call = await ask(fake, QUESTION, n)
            assert "4 kap. 18 § LOU" in call.text
        assert not bot.deps.workers.available
        assert bot.errors == []


def test_answer_processes_setting():
    assert Settings.from_env({"HANSYN_ANSWER_PROCESSES": "3"}).answer_processes == 3
    assert Settings.from_env({"HANSYN_ANSWER_PROCESSES": "0"}).answer_processes == 0
    for bad in ("-1", "två", "1000"):
        with pytest.raises(ConfigError, match="HANSYN_ANSWER_PROCESSES"):
            Settings.from_env({"HANSYN_ANSWER_PROCESSES": bad})


def test_workers_leave_when_the_bot_is_killed_outright(settings, pipeline):
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from bot.telegram.answer_workers import AnswerWorkers
        from bot.settings import Settings
        settings = Settings(knowledge_dir=Path({str(settings.knowledge_dir)!r}),
                            index_dir=Path({str(settings.index_dir)!r}),
                            embedding_model={settings.embedding_model!r})
        workers = AnswerWorkers(settings, 1)
        [warm] = workers.warm_up("Får vi reservera?")
        warm.result(timeout=60)
        print(*workers._pool._processes, flush=True)
        input()  # until killed
        """
    )
    bot = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        [worker] = map(int, bot.stdout.readline().split())
        assert running(worker)
    finally:
        bot.kill()
        bot.wait()
    deadline = time.monotonic() + 10
    while running(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not running(worker), "the answer process outlived the bot"


def running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_encoder_threads_setting():
    assert 1 <= Settings.from_env({}).encoder_threads <= 2  # two on a machine with two cores
    assert Settings.from_env({"HANSYN_ENCODER_THREADS": "1"}).encoder_threads == 1
    for bad in ("0", "två", "-1", "100"):
        with pytest.raises(ConfigError, match="HANSYN_ENCODER_THREADS"):
            Settings.from_env({"HANSYN_ENCODER_THREADS": bad})


def test_sends_per_second_setting():
    assert Settings.from_env({}).sends_per_second == 30  # Telegram's guideline for one bot
    assert Settings.from_env({"HANSYN_SENDS_PER_SECOND": "0"}).sends_per_second == 0
    for bad in ("-5", "snabbt", "5000"):
        with pytest.raises(ConfigError, match="HANSYN_SENDS_PER_SECOND"):
            Settings.from_env({"HANSYN_SENDS_PER_SECOND": bad})
