"""The "typing…" indicator: one per chat, and only when an answer is slow.

Most answers take tens of milliseconds and go out before the indicator would even show, so it
starts after `after` seconds; Telegram clears it after about five seconds or when a message
arrives, so it is renewed every `every` seconds. A chat gets one indicator however many of its
questions are being worked on: a person who sends five questions at once, or a busy group, would
otherwise cost five requests every few seconds, and Telegram caps a bot's requests.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from telegram.constants import ChatAction
from telegram.error import TelegramError

TYPING_AFTER_S = 0.5
TYPING_EVERY_S = 4.5


class TypingIndicator:
    def __init__(self, after: float = TYPING_AFTER_S, every: float = TYPING_EVERY_S):
        self.after = after
        self.every = every
        self._chats: dict[int, tuple[int, asyncio.Task]] = {}  # chat id -> (questions, loop)

    @contextlib.asynccontextmanager
    async def shown(self, bot, chat_id: int) -> AsyncIterator[None]:
        """Show "typing" in `chat_id` while this block (and any other for the chat) runs."""
        count, task = self._chats.get(chat_id, (0, None))
        if task is None:
            task = asyncio.get_running_loop().create_task(self._keep_typing(bot, chat_id))
        self._chats[chat_id] = (count + 1, task)
        try:
            yield
        finally:
            count, task = self._chats[chat_id]
            if count > 1:
                self._chats[chat_id] = (count - 1, task)
            else:
                del self._chats[chat_id]
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    async def _keep_typing(self, bot, chat_id: int) -> None:
        await asyncio.sleep(self.after)
        while True:
            with contextlib.suppress(TelegramError):
                await bot.send_chat_action(chat_id, ChatAction.TYPING)
            await asyncio.sleep(self.every)
