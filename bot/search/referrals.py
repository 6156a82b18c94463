"""Referrals: where to ask what the knowledge base does not cover (moms -> Skatteverket, GDPR ->
IMY, ...). Each referral file lists topic words. A question names a topic when its words start
with the topic's words ("momsen", "momsregler" name "moms"; a word shorter than four letters
must match whole). A question that names a topic is declined unless the best file speaks of it;
`hints` are words that only choose the referral for a question declined anyway ("nämnd" is
often a kommunallag question, but also appears in questions Hänsyn answers). One referral is
the default, for everything else."""

from __future__ import annotations

from dataclasses import dataclass

from .textproc import words


@dataclass(frozen=True)
class Referral:
    id: str
    where: str
    url: str
    title: str
    topics: tuple[tuple[str, ...], ...]  # topic phrases, lower-case words
    default: bool = False
    hints: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class ReferralMatch:
    referral: Referral
    matched: tuple[str, ...]  # the words of the topic phrases the question holds


class Referrals:
    def __init__(self, records: list[dict]):
        self.all = [
            Referral(
                id=r["id"],
                where=str(r.get("where") or r["title"]),
                url=str(r.get("url") or ""),
                title=r["title"],
                topics=tuple(
                    t for t in dict.fromkeys(tuple(words(str(x))) for x in r.get("topics") or []) if t
                ),
                default=bool(r.get("default")),
                hints=tuple(
                    t for t in dict.fromkeys(tuple(words(str(x))) for x in r.get("hints") or []) if t
                ),
            )
            for r in records
            if r.get("kind") == "referral"
        ]
        self.default = next((r for r in self.all if r.default), None)

    def match(self, question: str, with_hints: bool = False) -> ReferralMatch | None:
        """The non-default referral whose topics (and, `with_hints`, hints) the question names
        most (longer phrases count more); None when it names none."""
        q = words(question)
        best: ReferralMatch | None = None
        best_score = 0
        for referral in self.all:
            if referral.default:
                continue
            phrases = referral.topics + (referral.hints if with_hints else ())
            hit = [p for p in phrases if _contains(q, p)]
            score = sum(len(p) for p in hit)
            if score > best_score:
                best, best_score = ReferralMatch(referral, tuple(t for p in hit for t in p)), score
        return best

    def for_question(self, question: str) -> Referral | None:
        found = self.match(question, with_hints=True)
        return found.referral if found else self.default


def _contains(seq: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(all(_names(seq[i + j], w) for j, w in enumerate(phrase)) for i in range(len(seq) - n + 1))


def _names(word: str, topic: str) -> bool:
    return word == topic or (len(topic) >= 4 and word.startswith(topic))
