"""Bot API faults: while the server answers 500, 429 with retry_after, or drops connections for a
while, questions queue up; once it recovers the bot answers every queued update exactly once.

`FlakyTelegram` adds time-window outages to the fake server (tests/fake_telegram.py, which only
queues faults per call): during an outage every request fails the chosen way.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter

import pytest
from aiohttp import web
from botkit import QUESTION, answer_of, running_bot, user
from fake_telegram import ApiError, Call, FakeTelegram

from bot.log.questionlog import QuestionLog
from bot.log.schema import open_db

APOLOGY = "Förlåt, något gick fel"


class FlakyTelegram(FakeTelegram):
    """The fake Bot API with outages: `outage("500" | "429" | "drop", seconds, methods)`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._outage: tuple[str, float, frozenset[str] | None] | None = None
        self.retry_after = 1

    def outage(self, mode: str, seconds: float, methods: set[str] | None = None) -> None:
        self._outage = (mode, time.monotonic() + seconds, frozenset(methods) if methods else None)

    def in_outage(self, method: str) -> str | None:
        if self._outage is None:
            return None
        mode, until, methods = self._outage
        if time.monotonic() >= until:
            self._outage = None
            return None
        return mode if methods is None or method in methods else None

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        mode = self.in_outage(method)
        if mode is None:
            return await super()._handle(request)
        params, files = await self._read(request)
        self.calls.append(Call(method, params, time.monotonic(), files, fault=f"outage-{mode}"))
        if mode == "drop":
            request.transport.close()
            return web.Response(status=500)
        error = ApiError(429, f"Too Many Requests: retry after {self.retry_after}", self.retry_after)
        if mode == "500":
            error = ApiError(500, "Internal Server Error")
        body = {"ok": False, "error_code": error.status, "description": error.description}
        if error.retry_after is not None:
            body["parameters"] = {"retry_after": error.retry_after}
        return web.json_response(body, status=error.status)

    def failed(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and c.fault]


@pytest.fixture
async def fake():
    server = FlakyTelegram()
    await server.start()
    yield server
    await server.stop()


def replies_per_chat(fake: FakeTelegram) -> Counter:
    return Counter(int(c.params["chat_id"]) for c in fake.sent())


async def wait_until(check, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


@pytest.mark.parametrize("mode", ["500", "429", "drop"])
async def test_questions_queued_during_an_outage_are_answered_exactly_once(fake, settings, pipeline, mode):
    n, outage_s = 20, 3.0
    qlog = QuestionLog.from_settings(settings)
    async with running_bot(fake, settings, pipeline, qlog, poll_timeout=1) as bot:
        await fake.wait_for("getUpdates")
        fake.outage(mode, outage_s)
        began = time.monotonic()
        await wait_until(lambda: fake.failed("getUpdates"), timeout=5)  # the bot now polls into the outage
        for i in range(n):
            fake.send_text(f"{QUESTION} ({i})", user=user(i))
        answers = await fake.wait_for("sendMessage", answer_of, count=n, timeout=outage_s + 15)
        recovered_after = max(c.at for c in answers) - (began + outage_s)
        await asyncio.sleep(1.5)  # room for duplicates to show up
        await bot.settle()

        per_chat = replies_per_chat(fake)
        assert sorted(per_chat) == sorted(user(i)["id"] for i in range(n))
        assert set(per_chat.values()) == {1}, f"not exactly one reply per question: {per_chat}"
        assert not [c for c in fake.sent() if APOLOGY in c.text]
        assert len(fake.failed("getUpdates")) >= 2
        assert recovered_after < 10, f"answers came {recovered_after:.1f} s after the outage ended"
        with open_db(settings.db_path) as db:
            logged = Counter(r["question"] for r in db.query("SELECT question FROM questions"))
        assert len(logged) == n and set(logged.values()) == {1}  # each question logged once
        assert bot.errors == []
        assert fake.rejected() == []


async def test_answers_rate_limited_by_429s_for_a_while_are_all_delivered_once(fake, settings, pipeline):
    """429 with retry_after on sendMessage while answers go out: the rate limiter waits and
    retries; no answer is lost or sent twice."""
    n = 10
    async with running_bot(fake, settings, pipeline, None) as bot:
        await fake.wait_for("getUpdates")
        fake.outage("429", 1.5, methods={"sendMessage"})
        for i in range(n):
            fake.send_text(f"{QUESTION} ({i})", user=user(i))
        await fake.wait_for("sendMessage", answer_of, count=n, timeout=15)
        await asyncio.sleep(1.0)
        assert fake.failed("sendMessage"), "the outage never hit a sendMessage"
        per_chat = replies_per_chat(fake)
        assert len(per_chat) == n and set(per_chat.values()) == {1}, per_chat
        assert bot.errors == []


@pytest.mark.parametrize("mode", ["500", "drop"])
async def test_typing_indicator_failures_do_not_cost_an_answer(fake, settings, pipeline, mode, monkeypatch):
    real_ask = pipeline.ask

    def slow_ask(*args, **kwargs):  # slow enough for "typing" to show
        time.sleep(0.8)
        return real_ask(*args, **kwargs)

    monkeypatch.setattr(pipeline, "ask", slow_ask)
    async with running_bot(fake, settings, pipeline, None) as bot:
        await fake.wait_for("getUpdates")
        fake.outage(mode, 10, methods={"sendChatAction"})
        for i in range(5):
            fake.send_text(f"{QUESTION} ({i})", user=user(i))
        await fake.wait_for("sendMessage", answer_of, count=5, timeout=10)
        assert len(fake.failed("sendChatAction")) >= 5
        assert set(replies_per_chat(fake).values()) == {1}
        assert bot.errors == []


@pytest.mark.parametrize("mode", ["500", "drop"])
async def test_answers_in_flight_when_sends_fail_for_a_while_are_retried(fake, settings, pipeline, mode):
    async with running_bot(fake, settings, pipeline, None) as bot:
        await fake.wait_for("getUpdates")
        fake.outage(mode, 1.0, methods={"sendMessage"})
        for i in range(10):
            fake.send_text(f"{QUESTION} ({i})", user=user(i))
        await fake.wait_for("sendMessage", answer_of, count=10, timeout=8)
        assert fake.failed("sendMessage"), "the outage never hit a sendMessage"
        await asyncio.sleep(0.5)
        assert set(replies_per_chat(fake).values()) == {1}
        assert bot.errors == []
