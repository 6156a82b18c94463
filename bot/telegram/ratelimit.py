"""A per-key sliding-window limit (e.g. 10 questions a minute per Telegram user)."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from enum import Enum


class Verdict(Enum):
    ALLOW = "allow"
    WARN = "warn"  # over the limit: tell the user once per window
    DROP = "drop"  # over the limit and already told


class SlidingWindowLimiter:
    """Allow at most `limit` events per `window` seconds for each key."""

    def __init__(self, limit: int = 10, window: float = 60.0, clock: Callable[[], float] = time.monotonic):
        if limit < 1 or window <= 0:
            raise ValueError("limit must be at least 1 and window positive")
        self.limit = limit
        self.window = window
        self.clock = clock
        self._events: dict[object, deque[float]] = {}
        self._warned_at: dict[object, float] = {}

    def check(self, key: object) -> Verdict:
        """Record an attempt for `key` and say whether it may go ahead."""
        now = self.clock()
        events = self._events.setdefault(key, deque())
        while events and now - events[0] >= self.window:
            events.popleft()
        if len(events) < self.limit:
            events.append(now)
            self._warned_at.pop(key, None)
            self._prune(now)
            return Verdict.ALLOW
        warned = self._warned_at.get(key)
        if warned is not None and now - warned < self.window:
            return Verdict.DROP
        self._warned_at[key] = now
        return Verdict.WARN

    def _prune(self, now: float) -> None:
        """Forget idle keys now and then so memory stays bounded."""
        if len(self._events) < 10_000:
            return
        for key in [k for k, ev in self._events.items() if not ev or now - ev[-1] >= self.window]:
            self._events.pop(key, None)
            self._warned_at.pop(key, None)
