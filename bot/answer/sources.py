"""The sources and provisions listed under an answer: one line per file shown (its title, first
source, when it was checked and an excerpt), and the provisions it rests on, those the question
names first."""

from __future__ import annotations

import datetime as dt

from ..knowledge.chunking import Passage
from ..knowledge.loader import STALE_AFTER_DAYS
from ..knowledge.refs import parse_ref
from .model import Source

MAX_REFS = 5
EXCERPT_CHARS = 300


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def is_stale(checked: str, today: dt.date) -> bool:
    try:
        return (today - dt.date.fromisoformat(checked)).days > STALE_AFTER_DAYS
    except ValueError:
        return True


def source_of(n: int, doc_id: str, record: dict, passage: Passage | None, score: float) -> Source:
    first = (record.get("sources") or [{}])[0]
    return Source(
        n=n,
        id=passage.id if passage else doc_id,
        doc_id=doc_id,
        title=record.get("title", doc_id),
        kind=record.get("kind", ""),
        refs=list(record.get("refs", [])),
        url=first.get("url"),
        checked=record.get("checked", ""),
        score=score,
        excerpt=excerpt(passage.text) if passage else "",
    )


def refs_of(records: list[dict], asked_keys: set[str]) -> list[str]:
    refs = list(dict.fromkeys(r for record in records for r in record.get("refs", [])))

    def asked(ref: str) -> bool:
        try:
            return bool(parse_ref(ref).keys() & asked_keys)
        except ValueError:
            return False

    if asked_keys:
        refs.sort(key=lambda r: not asked(r))
    return refs[:MAX_REFS]
