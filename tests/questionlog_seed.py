"""Helpers for question-log tests: hand-made answers and a seeded log with known numbers."""

from __future__ import annotations

import datetime as dt

from bot.answer.model import Answer, Part, Source
from bot.log.questionlog import QuestionLog

REFS = {
    "reserverad-upphandling": ["4 kap. 18 § LOU", "art. 20 direktiv 2014/24/EU"],
    "faq-sysselsattningskrav": ["17 kap. 1 § LOU", "C-31/87"],
    "arbetsrattsliga-villkor": ["17 kap. 2 § LOU"],
}


def make_answer(question: str, doc: str | None, latency_ms: float = 10.0) -> Answer:
    """An answer from `doc` (answered), or a 'no basis' answer when `doc` is None."""
    sources = [
        Source(
            n=1,
            id=f"{doc or 'reserverad-upphandling'}#kort-svar",
            doc_id=doc or "reserverad-upphandling",
            title="Titel",
            kind="guidance",
            refs=[],
            url=None,
            checked="2026-11-22",
            score=0.8 if doc else 0.2,
            excerpt="",
        )
    ]
    parts = [Part(doc, "kort-svar", "Kort svar", "Titel", "guidance", "…")] if doc else []
    return Answer(
        question=question,
        answered=doc is not None,
        parts=parts,
        refs=REFS.get(doc, []) if doc else [],
        sources=sources,
        confidence=0.9 if doc else 0.2,
        latency_ms=latency_ms,
    )


def at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=dt.UTC)


MISSING_TOPIC = [  # ten phrasings of one topic the knowledge base lacks
    "Hur tar vi hänsyn till barnkonventionen i upphandlingen?",
    "Kan man ställa krav kopplade till barnkonventionen?",
    "Barnkonventionen och offentlig upphandling – vad gäller?",
    "Får kommunen kräva att leverantören följer barnkonventionen?",
    "Vad innebär barnkonventionen för upphandlare?",
    "barnkonventionen upphandling",
    "Måste vi göra en barnkonsekvensanalys enligt barnkonventionen innan vi upphandlar?",
    "Gäller barnkonventionen när vi köper skolmat?",
    "Hur påverkar barnkonventionen som lag våra upphandlingar?",
    "Barnets bästa i upphandling, barnkonventionen?",
]
OTHER_MISSING = [
    "Kan kommunen kräva kollektivavtal av städföretag?",
    "Måste leverantören ha kollektivavtal?",
    "Kan vi kräva kollektivavtal i upphandlingen?",
]


def seed_log(log: QuestionLog, today: dt.date) -> dict:
    """A log with known numbers (all times 10:00 UTC unless noted):

    today-2: 4 answered (reserverad ×3, faq ×1), latencies 10, 20, 30, 40
    today-1: 1 answered (arbetsrattsliga) with a thumbs down, 1 unanswered, latencies 50, 60
    today:   2 answered (reserverad) latencies 70, 1000; one thumbs up
    plus, 20 days before: one unanswered (outside a 7-day window), latency 80
    """
    day = today - dt.timedelta(days=2)
    ids = {}
    for n, doc in enumerate(["reserverad-upphandling"] * 3 + ["faq-sysselsattningskrav"]):
        ids[f"d2-{n}"] = log.record(
            make_answer(f"Fråga {n} om {doc}", doc, latency_ms=10 * (n + 1)),
            channel="telegram",
            chat_type="private",
            user_id=100 + n,
            chat_id=100 + n,
            asked_at=at(day),
        )
    day = today - dt.timedelta(days=1)
    ids["down"] = log.record(
        make_answer("Vilka lönevillkor får vi kräva?", "arbetsrattsliga-villkor", 50),
        channel="telegram",
        user_id=200,
        asked_at=at(day),
    )
    ids["unanswered"] = log.record(make_answer(MISSING_TOPIC[0], None, 60), channel="cli", asked_at=at(day))
    ids["today-a"] = log.record(
        make_answer("Får vi reservera upphandlingen?", "reserverad-upphandling", 70),
        channel="telegram",
        user_id=300,
        asked_at=at(today),
    )
    ids["today-b"] = log.record(
        make_answer("Vad säger 4 kap. 18 § LOU?", "reserverad-upphandling", 1000),
        channel="telegram",
        user_id=301,
        asked_at=at(today),
    )
    ids["old"] = log.record(
        make_answer(OTHER_MISSING[0], None, 80),
        channel="telegram",
        user_id=400,
        asked_at=at(today - dt.timedelta(days=20)),
    )
    assert log.feedback(ids["down"], -1, user_id=200)
    assert log.feedback(ids["today-a"], 1, user_id=300)
    return ids
