"""Referrals: where to ask what the knowledge base does not cover (moms -> Skatteverket, GDPR ->
IMY, ...). Each referral file lists topic words. A question names a topic when its words start
with the topic's words ("momsen", "momsregler" name "moms"; a word shorter than four letters
must match whole). A question that names a topic is declined unless the best file speaks of it;
`hints` are words that only choose the referral for a question declined anyway ("nämnd" is
often a kommunallag question, but also appears in questions Hänsyn answers). One referral is
the default, for everything else; its topics are procurement questions outside social
considerations ("förlänga avtalet", "avtalsspärr")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .textproc import words

# "jag sitter i kommunstyrelsen", "är ledamot i fullmäktige", "som politiker i KS": who asks
ASKER_ROLE = re.compile(
    r"\b(sitter|är|e|som) (med )?(i|ledamot i|ordförande i|politiker i|ersättare i) "
    r"(kommunstyrelsen|kommunfullmäktige|fullmäktige|regionstyrelsen|regionfullmäktige|nämnden|\w+nämnden|ks|kf)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Referral:
    id: str
    where: str
    url: str
    title: str
    topics: tuple[tuple[str, ...], ...]  # topic phrases, lower-case words
    default: bool = False
    hints: tuple[tuple[str, ...], ...] = ()
    # words a topic would catch that are not the topic: "skattepengar" (public money) for "skatt"
    not_topics: tuple[str, ...] = ()

    @cached_property
    def topic_pattern(self) -> re.Pattern | None:
        return _pattern(self.topics)

    @cached_property
    def hint_pattern(self) -> re.Pattern | None:
        return _pattern(self.hints)


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
                    t for t in dict.fromkeys(phrase_words(str(x)) for x in r.get("topics") or []) if t
                ),
                default=bool(r.get("default")),
                hints=tuple(
                    t for t in dict.fromkeys(phrase_words(str(x)) for x in r.get("hints") or []) if t
                ),
                not_topics=tuple(w for x in r.get("not_topics") or [] for w in words(str(x))),
            )
            for r in records
            if r.get("kind") == "referral"
        ]
        self.default = next((r for r in self.all if r.default), None)

    def match(self, question: str, with_hints: bool = False) -> ReferralMatch | None:
        """The referral whose topics (and, `with_hints`, hints) the question names
        most (longer phrases count more), and of two that it names as much, the one it names
        first ("arbetsgivaravgifter för en person med nystartsjobb" asks about the fees, not
        the job); None when it names none."""
        text = " ".join(words(question))
        # the asker's own seat is no topic ("sitter i kommunstyrelsen och vill att vi gör mer för …"),
        # though it may lean towards one
        topical = " ".join(words(ASKER_ROLE.sub(" ", question)))
        best: ReferralMatch | None = None
        best_score: tuple[int, int] = (0, 0)
        for referral in self.all:
            # a topic names the referral's subject and counts its words, twice; a hint only
            # leans towards it and counts once, however long
            topic_matches = [
                m for m in _finditer(referral.topic_pattern, topical) if not _not_topic(referral, m.group(0))
            ]
            hint_matches = list(_finditer(referral.hint_pattern, text)) if with_hints else []
            topics = [m.group(0).split() for m in topic_matches]
            hints = [m.group(0).split() for m in hint_matches]
            found = topics + hints
            first = min((m.start() for m in topic_matches + hint_matches), default=len(text))
            # a phrase counts its own words, not those its "*" stood for ("starta ett kommunalt
            # socialt företag" is three words of "starta * socialt företag")
            # a topic named twice counts once ("nystartsjobb-anställning" is the whole word and
            # its part)
            named_topics = {tuple(_topic_words(referral, t)) or tuple(t) for t in topics}
            own = sum(len(t) for t in named_topics)
            score = (2 * own + len(hints), -first)
            if score[0] and score > best_score:
                named = [word for phrase in found for word in phrase]
                best, best_score = ReferralMatch(referral, tuple(_topic_words(referral, named))), score
        return best

    def for_question(self, question: str) -> Referral | None:
        found = self.match(question, with_hints=True)
        return found.referral if found else self.default

    def paragraph_for(self, question: str, text: str) -> str:
        """Of a referral's short answer in several paragraphs (one per kind of question: the
        kommunallag, documents asked for, licences, the municipality as employer), the one that
        names what the question asked about, else the first: a decline on a licence does not
        show the paragraphs on kommunallagen and dismissals too."""
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        found = self.match(question, with_hints=True)
        if len(paragraphs) < 2 or found is None:
            return paragraphs[0] if paragraphs else text
        asked = [without_definite_ending(w) for w in found.matched if len(w) >= 4]
        return next(
            (
                p
                for p in paragraphs
                if any(re.search(r"(?<![a-zåäöéü])" + re.escape(w), p.lower()) for w in asked)
            ),
            paragraphs[0],
        )


def _not_topic(referral: Referral, matched: str) -> bool:
    """ "skattepengar" matched by the topic "skatt", when the referral says it is not one."""
    return any(word.startswith(n) for word in matched.split() for n in referral.not_topics)


def without_definite_ending(word: str) -> str:
    """ "tilldelningsbeslutet" -> "tilldelningsbeslut", "uppsägningen" -> "uppsägning"."""
    return word[:-2] if len(word) >= 10 and word.endswith(("et", "en", "na")) else word


def _finditer(pattern: re.Pattern | None, text: str):
    return pattern.finditer(text) if pattern is not None else ()


def _pattern(phrases: tuple[tuple[str, ...], ...]) -> re.Pattern | None:
    """One regular expression for all phrases: a word of four letters or more matches any word
    it starts, a shorter one only itself."""
    if not phrases:
        return None
    alternatives = sorted((_phrase_pattern(phrase) for phrase in phrases), key=len, reverse=True)
    return re.compile(rf"(?<!\S)(?:{'|'.join(alternatives)})(?!\S)")


def phrase_words(text: str) -> tuple[str, ...]:
    """A topic's words, lower case, with "*" kept as a stand-in for any words."""
    return tuple(w for token in text.split() for w in (["*"] if token == "*" else words(token)))


def _phrase_pattern(phrase: tuple[str, ...]) -> str:
    """A topic phrase as a pattern; "*" stands for up to four words of any kind ("registrera *
    ekonomisk förening" matches "registrerar man ett socialt företag som ekonomisk förening")."""
    out = ""
    for n, word in enumerate(phrase):
        if word == "*":
            out += r"(?:\S+\s+){0,4}"
            continue
        out += re.escape(word) + (r"\S*" if len(word) >= 4 else "")
        if n < len(phrase) - 1:
            out += r"\s+"
    return out


def _topic_words(referral: Referral, matched: list[str]) -> list[str]:
    """The topic's own words behind the words a question used ("momsen" -> "moms"), read only
    from the phrases the question holds whole ("avtalsspärr" is not the "avtal" of "förlänga *
    avtal"); of several, the shortest."""

    def names(w: str, word: str) -> bool:
        return word == w or (len(w) >= 4 and word.startswith(w))

    def held(phrases) -> list[tuple[str, ...]]:
        return [p for p in phrases if all(w == "*" or any(names(w, word) for word in matched) for w in p)]

    topics, hints = held(referral.topics), held(referral.hints)
    out = []
    for word in matched:
        # a topic's word before a hint's: "diskrimineras" (a topic) is not the hint "diskrimin"
        hits = [w for p in topics for w in p if w != "*" and names(w, word)]
        hits = hits or [w for p in hints for w in p if w != "*" and names(w, word)]
        if hits:
            out.append(_topic_word(hits))
    return out


def _topic_word(hits: list[str]) -> str:
    """Of the topic words behind one word of a question, the shortest ("momsen" is "moms"), unless
    a longer one asks for requirements of that kind: "miljökrav" asks which environmental
    requirements to set, which a text that names "miljö" in general does not answer."""
    shortest = min(hits, key=len)
    asked = [h for h in hits if h != shortest and h.endswith(REQUIREMENTS)]
    return max(asked, key=len) if asked else shortest


REQUIREMENTS = ("krav", "kriterier")
