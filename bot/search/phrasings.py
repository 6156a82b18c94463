"""The questions each file says it answers (its `questions:` and an FAQ's title), and how near
a user's question comes to one of them: a near quote, a phrasing held whole, or a graded
likeness that weighs the best files."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from .scope import LOCAL, settings_in
from .textproc import fold, tokens, words

# A question this close (rapidfuzz token-sort ratio, 0-100, on folded lower-case text) to one of a
# file's `questions:` phrasings or to an FAQ's title is that question: the file ranks first.
NEAR_QUOTE = 88
# A question that asks how is not one that asks whether (folded text)
ASKS_HOW = re.compile(r"^\W*hur\b")
ASKS_YES_NO = re.compile(r"^\W*(kan|far|maste|ska|ar|finns|gar)\b")
# ... but a question that asks whether, and quotes a law text, a judgment or a definition, is
# answered by an FAQ or a guidance text it comes almost as near
ANSWERS_WHETHER = ("faq", "guidance")
NEAR_ANSWER = 83
# The laws other than LOU that a (folded) question names: a phrasing that names none is not
# quoted by a question about one ("sysselsättningskrav i lov, funkar det")
OTHER_LAWS = re.compile(r"\b(lov|luf|luk|lufs)\b")
# Local suppliers in folded text: "får vi reservera för bara lokala sociala företag" does not
# quote "får vi reservera en upphandling för sociala företag", whose yes would read as one to
# favouring local firms
LOCAL_FOLDED = re.compile(fold(LOCAL.pattern), re.IGNORECASE)
NEAR_QUOTE_MIN_CHARS = 25
# Two words this alike (rapidfuzz ratio) are one word misspelt ("socila", "sociala")
SAME_WORD_RATIO = 75  # shorter questions differ in one word ("vad är LOV" / "vad är LOU")
# A query that holds all of a phrasing's content words (three at least) and at most two more.
CONTAINED_MIN_WORDS = 3
CONTAINED_EXTRA_WORDS = 2
# A graded near quote: the best files' scores times 1 + weight * (likeness - midpoint), the
# likeness the best token-set ratio between the query and one of the file's own questions.
# Chosen on the training sets (weight 0.3–1.0, midpoint 0.5–0.7 tried): hit@1 of eval_blind2
# 0.721 -> 0.809, eval_blind3 0.788 -> 0.818, usefulness of the fourth set 0.718 -> 0.758.
LIKENESS_WEIGHT = 0.6
LIKENESS_MIDPOINT = 0.5
LIKENESS_DEPTH = 10


@lru_cache(maxsize=8192)
def normalise_question(text: str) -> str:
    """Lower case, no diacritics, no punctuation: for comparing phrasings of a question. Cached:
    composing an answer compares the question with the same files' questions again and again."""
    return " ".join(fold(w) for w in words(text))


def laws_in(folded: str) -> set[str]:
    return set(OTHER_LAWS.findall(folded))


def swaps_a_word(mine: set[str], theirs: frozenset[str] | set[str]) -> bool:
    """Does a question put one other word where a phrasing has one ("… begränsa upphandlingen
    till sociala företag" for "… till svenska företag", "… har jämställdhetsplan" for "… har
    kollektivavtal"), rather than misspell it or add to it? (stemmed content tokens)"""
    extra, missing = mine - theirs, theirs - mine
    return (
        len(extra) == 1
        and len(missing) == 1
        and fuzz.ratio(next(iter(extra)), next(iter(missing))) < SAME_WORD_RATIO
    )


FOLLOW_UP_FOLDED = re.compile(r"\bfolj\w*( \w+){0,2} upp\b|\buppfolj")


def follows_otherwise(asked: str, phrasing: str) -> bool:
    """ "… att underleverantörerna följer villkoren om lön" (comply with) does not hold "måste vi
    följa upp kraven på lön" (check them): "upp" is no word of its own for the comparison. (folded)"""
    return bool(FOLLOW_UP_FOLDED.search(phrasing)) and not FOLLOW_UP_FOLDED.search(asked)


def sorted_words(text: str) -> str:
    """The words of a normalised text in sorted order: rapidfuzz's token-sort ratio of two texts
    is the plain ratio of these, so the phrasings' side is sorted once, not at every question."""
    return " ".join(sorted(text.split()))


class Phrasings:
    def __init__(self, documents: dict[str, dict]):
        self.texts: list[str] = []  # folded question phrasings and FAQ titles ...
        self.docs: list[str] = []  # ... and the file each belongs to
        self.kinds = {doc: record["kind"] for doc, record in documents.items()}
        for record in documents.values():
            asked = list(record.get("questions") or [])
            if record["kind"] == "faq" and record["title"].rstrip().endswith("?"):
                asked.append(record["title"])
            for text in dict.fromkeys(asked):
                self.texts.append(normalise_question(text))
                self.docs.append(record["id"])
        self.sorted_texts = [sorted_words(p) for p in self.texts]
        self.local_docs = {
            doc for doc, text in zip(self.docs, self.texts, strict=True) if LOCAL_FOLDED.search(text)
        }
        self.tokens = [frozenset(tokens(p)) for p in self.texts]
        self.of: dict[str, list[int]] = defaultdict(list)
        for n, doc in enumerate(self.docs):
            self.of[doc].append(n)
        self.with_token: dict[str, list[int]] = defaultdict(list)  # token -> phrasings holding it
        for n, own in enumerate(self.tokens):
            for tok in own:
                self.with_token[tok].append(n)

    def quoted_file(self, query: str) -> str | None:
        """The file one of whose phrasings (or FAQ title) the query nearly quotes, or holds whole."""
        quote = self.quote(query)
        return quote[0] if quote else None

    def quote(self, query: str) -> tuple[str, bool] | None:
        """(the file the query quotes, whether it only holds the phrasing rather than nearly
        quoting it), or None."""
        asked = normalise_question(query)
        if not self.texts or len(asked) < NEAR_QUOTE_MIN_CHARS:
            return None
        numbers = re.findall(r"\d+", asked)  # "4 kap. 18 §" does not quote "19 a kap."
        near = self._near_quoted(asked, numbers)
        if near is not None:
            return near, False
        held = self._contained_file(asked, numbers)
        return (held, True) if held is not None else None

    def _less_local(self, asked: str, n: int) -> bool:
        """Does the query name local suppliers and the phrasing's file, in none of its phrasings,
        or the phrasing name them and the query not ("får vi begränsa upphandlingen till sociala
        företag?" does not quote "… till lokala företag", whose "Nej" would answer it wrongly)?"""
        if LOCAL_FOLDED.search(asked):
            return self.docs[n] not in self.local_docs
        return bool(LOCAL_FOLDED.search(self.texts[n]))

    def _other_kind(self, asked: str, n: int) -> bool:
        """ "Hur delar vi upp en upphandling så att sociala företag kan lämna anbud?" asks how,
        and does not quote "kan vi göra en upphandling där bara sociala företag får lämna anbud"
        however many words they share."""
        return bool(ASKS_HOW.match(asked)) and bool(ASKS_YES_NO.match(self.texts[n]))

    def _near_quoted(self, asked: str, numbers: list[str]) -> str | None:
        mine = set(tokens(asked))
        # fuzz.token_sort_ratio(asked, text), with the phrasings' words sorted beforehand
        quoted = [
            (self.docs[n], score)
            for _, score, n in process.extract(
                sorted_words(asked), self.sorted_texts, scorer=fuzz.ratio, score_cutoff=NEAR_ANSWER, limit=8
            )
            # "… i en byggupphandling" does not quote "… i en direktupphandling"
            if re.findall(r"\d+", self.texts[n]) == numbers
            and not settings_in(self.texts[n]) - settings_in(asked)
            and laws_in(asked) <= laws_in(self.texts[n])
            and not self._other_kind(asked, n)
            and not self._less_local(asked, n)
            and not swaps_a_word(mine, self.tokens[n])
        ]
        near = [doc for doc, score in quoted if score >= NEAR_QUOTE]
        if not near:
            return None
        if ASKS_YES_NO.match(asked) and not numbers and self.kinds.get(near[0]) not in ANSWERS_WHETHER:
            # "Får vi kräva att leverantören anställer långtidsarbetslösa under avtalstiden?" nearly
            # quotes a phrasing of the law text, and almost one of the FAQ: the FAQ answers yes or no
            answers = [doc for doc, _ in quoted if self.kinds.get(doc) in ANSWERS_WHETHER]
            if answers:
                return answers[0]
        return near[0]

    def _contained_file(self, asked: str, numbers: list[str]) -> str | None:
        """The file one of whose phrasings the query holds whole, with at most two words more
        ("Hur fungerar egentligen reserverade kontrakt … i en liten kommun?"); the longest such
        phrasing, and only when no other file's phrasing is as long."""
        have = set(tokens(asked))
        shared = Counter(n for tok in have for n in self.with_token.get(tok, ()))
        best: dict[str, int] = {}
        for n, count in shared.items():
            own = self.tokens[n]
            if (
                count == len(own)  # every word of the phrasing is in the query
                and (
                    (len(own) >= CONTAINED_MIN_WORDS and len(have - own) <= CONTAINED_EXTRA_WORDS)
                    or (len(own) == CONTAINED_MIN_WORDS - 1 and have == own)  # nothing but its words
                )
                and set(re.findall(r"\d+", self.texts[n])) <= set(numbers)
                and laws_in(asked) <= laws_in(self.texts[n])  # "… i lov, funkar det" asks of LOV
                and not self._other_kind(asked, n)
                and not self._less_local(asked, n)
                and not follows_otherwise(asked, self.texts[n])
            ):
                best[self.docs[n]] = max(best.get(self.docs[n], 0), len(own))
        if not best:
            return None
        longest = max(best.values())
        winners = [d for d, size in best.items() if size == longest]
        if len(winners) > 1:  # one phrasing in a guidance text and in the FAQ that answers it
            winners = [d for d in winners if self.kinds.get(d) == "faq"]
        return winners[0] if len(winners) == 1 else None

    def likeness(self, query: str, docs: list[str]) -> dict[str, float]:
        """0..1 for each file: how like one of its own questions the query's words are."""
        asked = normalise_question(query)
        known = [doc for doc in docs if doc in self.of]
        if not known:
            return {}
        # one rapidfuzz call over all the files' phrasings (scores as doubles, as one by one)
        own = [n for doc in known for n in self.of[doc]]
        scores = process.cdist(
            [asked], [self.texts[n] for n in own], scorer=fuzz.token_set_ratio, dtype=np.float64
        )[0].tolist()
        out: dict[str, float] = {}
        for doc, score in zip((self.docs[n] for n in own), scores, strict=True):
            out[doc] = max(out.get(doc, 0.0), score / 100)
        return out


def likeness_factor(likeness: float) -> float:
    return 1 + LIKENESS_WEIGHT * (likeness - LIKENESS_MIDPOINT)
