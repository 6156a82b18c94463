"""Outgoing Bot API requests that survive a short Telegram outage.

PTB's `AIORateLimiter` paces requests and waits out 429s, but a 5xx answer or a dropped connection
ends the request with `NetworkError`, and the answer it carried is lost. `RetryingRateLimiter`
retries those with growing pauses. It does not retry `TimedOut`: after a timeout the request may
have reached Telegram, and sending it again could show the user the same answer twice.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram.error import NetworkError, TimedOut
from telegram.ext import AIORateLimiter

logger = logging.getLogger(__name__)

# Pauses between tries: together about 15 s, long enough for a brief outage, short enough that a
# user who sees no answer has not given up yet.
RETRY_PAUSES_S = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0)
# Long polling has its own retry loop in PTB's updater; a lost "typing" costs nothing.
NOT_RETRIED = frozenset({"getUpdates", "sendChatAction"})


def is_retryable(exc: BaseException) -> bool:
    """A server error or a connection that failed; never a timeout, which may have been delivered."""
    return isinstance(exc, NetworkError) and not isinstance(exc, TimedOut)


class RetryingRateLimiter(AIORateLimiter):
    """`AIORateLimiter` that also retries requests hit by a 5xx or a broken connection."""

    def __init__(self, *args: Any, pauses: tuple[float, ...] = RETRY_PAUSES_S, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.pauses = pauses

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):
        pauses = () if endpoint in NOT_RETRIED else self.pauses
        for pause in pauses:
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except NetworkError as exc:
                if not is_retryable(exc):
                    raise
                logger.warning("%s misslyckades (%s); försöker igen om %.2g s", endpoint, exc, pause)
                await asyncio.sleep(pause)
        return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
