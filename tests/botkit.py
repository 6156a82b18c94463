"""A running bot for the fault tests: the real application from `build_application()` polling
the fake Bot API (tests/fake_telegram.py), with a recording error handler."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import time
from collections.abc import AsyncIterator

from fake_telegram import TOKEN, USER, Call, FakeTelegram

from bot.telegram.app import ALLOWED_UPDATES, build_application
from bot.telegram.handlers import DEPS_KEY

QUESTION = "Får vi reservera en upphandling för sociala företag?"

# A knowledge file the fixture knowledge base lacks: added by the reindex tests.
NEW_FAQ = """---
id: faq-xylofon
title: Får vi köpa xylofoner med sociala krav?
kind: faq
refs: ["17 kap. 1 § LOU"]
sources:
  - url: https://example.org/xylofon
    title: Xylofonguiden
checked: 2026-11-22
---
# Får vi köpa xylofoner med sociala krav?

## Kort svar
Ja, xylofonupphandlingar får ha särskilda kontraktsvillkor om sysselsättning enligt 17 kap. 1 § LOU.
"""


@dataclasses.dataclass
class RunningBot:
    app: object
    fake: FakeTelegram
    errors: list

    @property
    def deps(self):
        return self.app.bot_data[DEPS_KEY]

    async def settle(self, timeout: float = 15.0) -> None:
        """Wait for fire-and-forget work (log writes) to finish; the purge task runs on."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if all(t.done() or "purge" in repr(t.get_coro()) for t in self.deps.tasks):
                return
            await asyncio.sleep(0.05)
        raise AssertionError("background tasks did not finish")


def user(n: int) -> dict:
    """A distinct user (the per-user flood limit applies to each)."""
    return {**USER, "id": 50_000 + n, "first_name": f"Användare {n}"}


def answer_of(call: Call) -> bool:
    """The bot's answer to a question: the message with the feedback buttons."""
    return bool(call.params.get("reply_markup"))


def replies_by_chat(fake: FakeTelegram) -> dict[int, list[Call]]:
    out: dict[int, list[Call]] = {}
    for call in fake.sent():
        out.setdefault(int(call.params["chat_id"]), []).append(call)
    return out


@contextlib.asynccontextmanager
async def running_bot(
    fake: FakeTelegram, settings, pipeline, qlog=None, *, poll_timeout: int = 10, **kw
) -> AsyncIterator[RunningBot]:
    settings = dataclasses.replace(settings, telegram_token=TOKEN)
    app = build_application(settings, pipeline, qlog, base_url=fake.base_url, **kw)
    errors: list = []

    async def record(update, context) -> None:
        errors.append(context.error)

    app.add_error_handler(record)
    await app.initialize()
    await app.post_init(app)
    await app.updater.start_polling(timeout=poll_timeout, allowed_updates=ALLOWED_UPDATES)
    await app.start()
    bot = RunningBot(app, fake, errors)
    try:
        yield bot
    finally:
        with contextlib.suppress(AssertionError):
            await bot.settle()
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        await app.post_shutdown(app)
