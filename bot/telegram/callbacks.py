"""Inline keyboards and callback data. Callback data is versioned (`v1:`) so that buttons on
messages from another bot version are recognised as stale, and stays within 64 bytes."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

MAX_CALLBACK_BYTES = 64
CALLBACK_VERSION = "v1"
MAX_TOPIC_BYTES = 40


def short_key(identifier: str) -> str:
    """A 12-character stable key for a passage or document id (ids can exceed 64 bytes)."""
    return hashlib.blake2b(identifier.encode(), digest_size=6).hexdigest()


def cb(*parts: object) -> str:
    data = ":".join([CALLBACK_VERSION, *(str(p) for p in parts)])
    if len(data.encode()) > MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data over {MAX_CALLBACK_BYTES} bytes: {data!r}")
    return data


def clip_utf8(text: str, limit: int = MAX_TOPIC_BYTES) -> str:
    """`text` shortened to at most `limit` UTF-8 bytes, at a character boundary."""
    text = " ".join(text.split())
    encoded = text.encode()[:limit]
    return encoded.decode("utf-8", errors="ignore").strip()


def start_keyboard(questions: Iterable[str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(q, callback_data=cb("ask", n))] for n, q in enumerate(questions)]
    )


def examples_nav(kind: str, arg: str) -> str:
    """The callback stem for paging precedents: `v1:ex:a:` (all), `d:<key>` or `t:<topic>`;
    the page number is appended last (topics may contain colons, so they come before it)."""
    if kind == "a":
        return cb("ex", "a")
    return cb("ex", kind, arg)


@dataclass(frozen=True)
class Callback:
    action: str  # fb (feedback), more, exs (similar examples), ex (a page of examples), ask,
    # card (one precedent's card), mean (answer a "Menar du …?" candidate), kb (confirm a
    # change to the knowledge base)
    args: tuple[str, ...]


def parse_callback(data: str | None) -> Callback | None:
    """Decode our callback data; None for anything from another version or another bot."""
    if not data or not isinstance(data, str):
        return None
    version, _, rest = data.partition(":")
    if version != CALLBACK_VERSION or not rest:
        return None
    action, _, tail = rest.partition(":")
    if action == "fb":
        value, _, qid = tail.partition(":")
        if value in {"+", "-"} and qid.isdigit():
            return Callback("fb", (value, qid))
    elif action in {"more", "exs", "card", "mean"} and re.fullmatch(r"[0-9a-f]{12}", tail):
        return Callback(action, (tail,))
    elif action == "kb":
        verdict, _, token = tail.partition(":")
        if verdict in {"yes", "no"} and re.fullmatch(r"[0-9a-f]{12}", token):
            return Callback("kb", ("kb", verdict, token))
    elif action == "ask" and tail.isdigit():
        return Callback("ask", (tail,))
    elif action == "ex":
        kind, _, arg = tail.partition(":")
        if kind == "a" and arg.isdigit():
            return Callback("ex", ("a", "", arg))
        head, _, page = arg.rpartition(":")
        if kind in {"d", "t"} and head and page.isdigit():
            return Callback("ex", (kind, head, page))
    return None
