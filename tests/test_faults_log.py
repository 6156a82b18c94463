"""Question-log faults through the running bot: answers go out when the log database is locked by
another process for 5 s or is read-only, and every question ends up as a row or a report."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from botkit import QUESTION, answer_of, running_bot, user
from fake_telegram import ADMIN
from sqlite_utils import Database

from bot.log import questionlog
from bot.log.questionlog import QuestionLog
from bot.log.schema import open_db

LOCK_S = 5.0
LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")  # the write lock: other writers wait, readers go on
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
print("released", flush=True)
"""


def count_rows(db_path) -> int:
    with open_db(db_path) as db:
        return db.execute("SELECT count(*) FROM questions").fetchone()[0]


async def hold_write_lock(db_path, seconds: float) -> asyncio.subprocess.Process:
    """Another process takes the log's write lock for `seconds`; returns once it holds it."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", LOCKER, str(db_path), str(seconds), stdout=asyncio.subprocess.PIPE
    )
    assert (await proc.stdout.readline()).strip() == b"locked"
    return proc


async def test_answers_go_out_while_another_writer_locks_the_log_for_5_s(fake, settings, pipeline):
    open_db(settings.db_path).close()
    qlog = QuestionLog.from_settings(settings)
    async with running_bot(fake, settings, pipeline, qlog) as bot:
        locker = await hold_write_lock(settings.db_path, LOCK_S)
        locked_at = time.monotonic()
        n = 12
        for i in range(n):
            fake.send_text(f"{QUESTION} ({i})", user=user(i))
        answers = await fake.wait_for("sendMessage", answer_of, count=n, timeout=LOCK_S)
        answered_within = time.monotonic() - locked_at
        assert {int(c.params["chat_id"]) for c in answers} == {user(i)["id"] for i in range(n)}
        assert answered_within < LOCK_S, "the answers waited for the log"
        assert locker.returncode is None  # still locked when the last answer went out

        assert (await locker.stdout.readline()).strip() == b"released"
        await locker.wait()
        await bot.settle()
        # Every question is a row (written on retry) or a reported failure: nothing silently lost.
        rows = count_rows(settings.db_path)
        assert rows + qlog.failures == n, (rows, qlog.failures)
        if qlog.failures:
            reports = [c for c in fake.sent(ADMIN["id"]) if "Frågeloggen" in c.text]
            assert reports and "låst" in reports[0].text

        # After the lock the log works again.
        fake.send_text(QUESTION, user=user(99))
        await fake.wait_for("sendMessage", lambda c: answer_of(c) and c.params["chat_id"] == user(99)["id"])
        await bot.settle()
        assert count_rows(settings.db_path) == rows + 1
        assert bot.errors == []
        assert fake.rejected() == []


@pytest.fixture
def read_only_log(monkeypatch, settings):
    """The log file can only be opened read-only. As root (CI) file modes do not stop writes, so
    every connection is opened in SQLite's read-only mode; otherwise the file is chmod 444."""
    open_db(settings.db_path).close()
    real_open = questionlog.open_db

    def open_read_only(path, readonly=False):
        uri = f"{Path(path).resolve().as_uri()}?mode=ro"
        return Database(sqlite3.connect(uri, uri=True, check_same_thread=False))

    if os.geteuid() == 0:
        monkeypatch.setattr(questionlog, "open_db", open_read_only)
        yield lambda: monkeypatch.setattr(questionlog, "open_db", real_open)
    else:
        paths = [settings.db_path, settings.db_path.parent]
        for path in paths:
            path.chmod(0o555 if path.is_dir() else 0o444)
        yield lambda: [p.chmod(0o755 if p.is_dir() else 0o644) for p in paths]
        for path in paths:
            path.chmod(0o755 if path.is_dir() else 0o644)


async def test_a_read_only_log_is_reported_and_answers_go_out(fake, settings, pipeline, read_only_log):
    qlog = QuestionLog.from_settings(settings)
    async with running_bot(fake, settings, pipeline, qlog) as bot:
        n = 5
        started = time.monotonic()
        for i in range(n):
            fake.send_text(f"{QUESTION} ({i})", user=user(i))
        answers = await fake.wait_for("sendMessage", answer_of, count=n, timeout=5)
        assert len({c.params["chat_id"] for c in answers}) == n
        assert time.monotonic() - started < 3
        await bot.settle()
        assert qlog.failures == n  # each question reported as not logged ...
        [report] = [c for c in fake.sent(ADMIN["id"]) if "Frågeloggen" in c.text]  # ... to admins once
        assert "skrivskyddad" in report.text and str(settings.db_path) in report.text

        read_only_log()  # the admin makes it writable again: logging resumes
        fake.send_text(QUESTION, user=user(99))
        await fake.wait_for("sendMessage", lambda c: answer_of(c) and c.params["chat_id"] == user(99)["id"])
        await bot.settle()
        assert count_rows(settings.db_path) == 1
        assert bot.errors == []
        assert fake.rejected() == []
