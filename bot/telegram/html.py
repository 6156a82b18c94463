"""Telegram HTML: length as Telegram counts it, splitting into messages of at most 4096
characters (at paragraph, then line, then word boundaries, never inside a tag or an entity),
links, and legal references in bold. Every dynamic string is escaped (`texts.esc`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..knowledge.refs import find_ref_spans
from .texts import esc

MAX_MESSAGE = 4096

_TAG = re.compile(r"<[^<>]*>")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9-]+)")
_ATOM = re.compile(r"<[^<>]*>|&#?\w+;|.", re.S)


def tg_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units): an emoji counts as two."""
    return len(text.encode("utf-16-le")) // 2


def visible_text(html_text: str) -> str:
    """The text a reader sees: tags removed, entities decoded."""
    import html

    return html.unescape(_TAG.sub("", html_text))


def _tag_name(tag: str) -> str:
    match = _TAG_NAME.match(tag)
    return match.group(1).lower() if match else ""


def _split_at(text: str, sep: str) -> list[str]:
    """Split `text` at every `sep` that lies in text (not in a tag); tags open at a split point
    are closed before it and reopened after it, so each part is balanced on its own."""
    parts: list[str] = []
    current: list[str] = []
    stack: list[str] = []  # opening tags currently open

    def add_text(segment: str) -> None:
        nonlocal current
        for n, chunk in enumerate(segment.split(sep)):
            if n:
                current.extend(f"</{_tag_name(tag)}>" for tag in reversed(stack))
                parts.append("".join(current))
                current = list(stack)
            current.append(chunk)

    pos = 0
    for match in _TAG.finditer(text):
        add_text(text[pos : match.start()])
        tag = match.group()
        current.append(tag)
        if tag.startswith("</"):
            if stack:
                stack.pop()
        elif not tag.endswith("/>"):
            stack.append(tag)
        pos = match.end()
    add_text(text[pos:])
    parts.append("".join(current))
    return parts


def _hard_split(text: str, limit: int) -> list[str]:
    """Split between atoms (a tag, an entity or one character) when there is no better place."""
    parts: list[str] = []
    current: list[str] = []
    size = 0
    stack: list[str] = []

    def closing() -> str:
        return "".join(f"</{_tag_name(tag)}>" for tag in reversed(stack))

    for atom in _ATOM.findall(text):
        atom_len = tg_len(atom)
        if current and size + atom_len + tg_len(closing()) > limit:
            parts.append("".join(current) + closing())
            current = list(stack)
            size = sum(tg_len(tag) for tag in stack)
        current.append(atom)
        size += atom_len
        if atom.startswith("</"):
            if stack:
                stack.pop()
        elif atom.startswith("<") and len(atom) > 1 and not atom.endswith("/>"):
            stack.append(atom)
    parts.append("".join(current))
    return parts


def _is_blank(html_text: str) -> bool:
    return not visible_text(html_text).strip()


def split_html(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split Telegram HTML into messages of at most `limit` characters (raw HTML, UTF-16 units,
    which is never less than what Telegram counts), preferring paragraph boundaries."""
    text = text.strip()
    if tg_len(text) <= limit:
        return [] if _is_blank(text) else [text]
    for sep in ("\n\n", "\n", " "):
        pieces = _split_at(text, sep)
        if len(pieces) > 1:
            return _pack(pieces, sep, limit)
    return [p for p in _hard_split(text, limit) if not _is_blank(p)]


def _pack(pieces: list[str], sep: str, limit: int) -> list[str]:
    messages: list[str] = []
    current = ""
    for piece in pieces:
        piece = piece.strip() if sep != " " else piece
        if _is_blank(piece):
            continue
        if tg_len(piece) > limit:
            if current:
                messages.append(current)
                current = ""
            messages.extend(split_html(piece, limit))
            continue
        candidate = f"{current}{sep}{piece}" if current else piece
        if tg_len(candidate) <= limit:
            current = candidate
        else:
            messages.append(current)
            current = piece
    if current:
        messages.append(current)
    return [m.strip() for m in messages if not _is_blank(m)]


def join_blocks(blocks: Iterable[str], limit: int = MAX_MESSAGE) -> list[str]:
    """Paragraph blocks (each valid HTML) joined into as few messages as fit."""
    return split_html("\n\n".join(b.strip() for b in blocks if b and b.strip()), limit)


def bold_refs(text: str) -> str:
    """Escape `text`, putting every legal reference it mentions in bold."""
    out: list[str] = []
    pos = 0
    for start, end, _ref in find_ref_spans(text):
        if start < pos:
            continue  # overlapping match: keep the first
        out.append(esc(text[pos:start]))
        out.append(f"<b>{esc(text[start:end])}</b>")
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def is_link(url: str | None) -> bool:
    return bool(url) and url.lower().startswith(("https://", "http://"))


def link(url: str | None, title: str) -> str:
    """An `<a>` for http(s) links; anything else is shown as plain (escaped) text."""
    if is_link(url):
        return f'<a href="{esc(url)}">{esc(title)}</a>'
    return esc(title)
