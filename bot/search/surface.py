"""A question's words put back the way the knowledge base writes them: å, ä and ö restored where
they were typed without them, clipped chat words ("upph", "arbrättsliga") completed and typos ("fretag") mended, so that
reading the question (its places, sectors, instruments) sees the words the search will."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import pairwise

from ..knowledge.places import aliases, places
from .textproc import CHAT_PHRASES, STOPWORDS, SpellingCorrector, fold, stem, words

# A word is restored when the knowledge base uses the form with diacritics this many times as
# often as the form typed ("stad" is a word of its own and stays; "fran" becomes "från").
RESTORE_RATIO = 5
# ... unless the knowledge base writes the typed form before the next word at least this often
# and more often than the other ("svart arbetskraft", not "svårt arbetskraft")
MIN_PAIRS = 2
# A clipped word is completed when one word family (one stem) holds at least this share of the
# knowledge base's words that start with it ("upph": upphandling, not upphandlingsmyndigheten),
# and they occur at least MIN_COMPLETIONS times.
CLIP_SHARE = 0.5
MIN_COMPLETIONS = 10
MIN_CLIPPED = 4  # shorter clips ("soc", "lev") are in textproc.CHAT_WORDS: "sys" is a verb
# A compound clipped inside ("arbrättsliga" for "arbetsrättsliga") keeps its first letters and
# its ending.
KEEP_HEAD, KEEP_TAIL, MIN_INNER_CLIPPED = 3, 5, 8
# A typo ("fretag") is mended to a word the knowledge base uses at least this often, one edit away.
MIN_TYPO_TARGET = 3

# "sysselsättnings krav": a first half ending in the joining "s", then the rest
_SPLIT = re.compile(r"(?<![\wåäöÅÄÖ])([a-zåäö]{5,}s) ([a-zåäö]{3,})(?![\wåäöÅÄÖ])")
# words of the chat phrases read later, typed as meant ("skiter i" is not "sköter i")
CHAT_TYPED = frozenset(w for phrase in CHAT_PHRASES for w in phrase.split())
_NEXT_WORD = re.compile(r"\W+([\wåäöÅÄÖ]+)")
_PREVIOUS_WORD = re.compile(r"([\wåäöÅÄÖ]+)\W+$")
_LETTERS = re.compile(r"(?<![\wåäöÅÄÖ])[A-Za-zåäöÅÄÖéÉ]{2,}(?![\wåäöÅÄÖ])")


def _place_words() -> frozenset[str]:
    """Words of place names, and their genitives: "i åre" is Åre, not "året"."""
    names = {w for p in places() for w in words(p.name)} | {w for a in aliases() for w in words(a)}
    return frozenset(names | {w + "s" for w in names})


def _subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(ch in rest for ch in short)


class SurfaceWords:
    def __init__(self, texts: Iterable[str], stems: Iterable[str] | None = None, phrases: Iterable[str] = ()):
        """`phrases` (the glossary's synonyms: "betala svart") teach which words go together,
        not how often a word is used."""
        texts = [words(text) for text in texts]
        phrased = [words(phrase) for phrase in phrases]
        self.surface: Counter[str] = Counter(w for ws in texts for w in ws)
        self.accented: dict[str, str] = {}  # "fran" -> "från": the most frequent word it folds from
        for word, _ in self.surface.most_common():
            if fold(word) != word and len(word) >= 2:
                self.accented.setdefault(fold(word), word)
        # words written together: "svart arbetskraft" is written so, "svårt arbetskraft" never
        # (kept only for the words that diacritics tell apart, which are all it is asked of)
        either = set(self.accented) | set(self.accented.values())
        self.pairs: Counter[tuple[str, str]] = Counter(
            p for ws in texts + phrased for p in pairwise(ws) if p[0] in either or p[1] in either
        )
        self._completed: dict[str, str | None] = {}
        self._places = _place_words()
        self._typos = SpellingCorrector({w: n for w, n in self.surface.items() if n >= MIN_TYPO_TARGET})
        # a typo typed without å, ä and ö as well ("arbetsratsliga"): one edit from a folded word
        folded: Counter[str] = Counter()
        for w, n in self.surface.items():
            folded[fold(w)] += n
        self._folded_typos = SpellingCorrector({w: n for w, n in folded.items() if n >= MIN_TYPO_TARGET})
        self._sorted = sorted(self.surface)
        # the word families the knowledge base uses; the lexical index has them already
        self._stems = set(stems) if stems is not None else {stem(w) for w in self._sorted}
        self._by_head: dict[str, list[str]] = defaultdict(list)
        for w in self._sorted:
            self._by_head[w[:KEEP_HEAD]].append(w)

    def respell(self, text: str) -> str:
        """ "far vi kopa direktupph fran ett socialt fretag" -> "får vi köpa direktupphandling från
        ett socialt företag"."""
        return self.complete_clipped(self.join_split(self.restore_diacritics(text)))

    def join_split(self, text: str) -> str:
        """ "ett sysselsätnings krav" -> "ett sysselsättningskrav": a compound typed as two words,
        its first half no word of the knowledge base, is one word when the knowledge base writes
        it so (or one typo from it)."""

        def one(match: re.Match) -> str:
            head, tail = match.group(1), match.group(2)
            if head in self.surface:
                return match.group(0)
            joined = head + tail
            return joined if joined in self.surface else self._typo(joined) or match.group(0)

        return _SPLIT.sub(one, text)

    def restore_diacritics(self, text: str) -> str:
        """ "far vi kopa direkt fran dom" -> "får vi köpa direkt från dom"."""

        def one(match: re.Match) -> str:
            word = match.group(0)
            if word.isupper():  # an acronym ("LAS", "MBL") is typed as meant
                return word
            accented = self.accented.get(word.lower())
            if word.lower() in STOPWORDS and accented not in STOPWORDS:
                return word  # so is a common word ("vart" is not "värt"; "for" is "för")
            if accented is None or self.surface.get(word.lower(), 0) * RESTORE_RATIO > self.surface[accented]:
                return word
            if self._written_with_next(word.lower(), accented, match):
                return word
            return accented.capitalize() if word[0].isupper() else accented

        return re.sub(r"(?<![\wåäöÅÄÖ])[A-Za-z]{2,}(?![\wåäöÅÄÖ])", one, text)

    def _written_with_next(self, word: str, accented: str, match: re.Match) -> bool:
        """Does the knowledge base write the word as typed before the next word more often than
        the form with diacritics ("svart arbetskraft", not "svårt arbetskraft")?"""
        after = _NEXT_WORD.match(match.string, match.end())
        following = after.group(1).lower() if after else None
        # (more than once: the files' own phrasings typed without å, ä and ö, "star langt fran",
        # are no sign that the words are meant so)
        typed = self.pairs[(word, following)] if following else 0
        if typed >= MIN_PAIRS and typed > self.pairs[(accented, following)]:
            return True
        # ... or after the word before it, and never the other form there ("betala svart"); not
        # after a word typed without its own å, ä or ö ("star langt fran": a file's phrasing typed
        # so is no sign that the words are meant so)
        before = _PREVIOUS_WORD.search(match.string[max(0, match.start() - 40) : match.start()])
        if before is None or before.group(1).lower() in self.accented:
            return False
        preceding = before.group(1).lower()
        return self.pairs[(preceding, word)] > 0 and self.pairs[(preceding, accented)] == 0

    def complete_clipped(self, text: str) -> str:
        """ "reserverad upph" -> "reserverad upphandling", "arbrättsliga" -> "arbetsrättsliga".
        Only words the knowledge base never uses, in no inflection ("förenings" is "förening"'s);
        names (capitalised or a place's) stay as typed."""

        def one(match: re.Match) -> str:
            word = match.group(0)
            if word[0].isupper():
                return word
            return self.completion(word) or word

        return _LETTERS.sub(one, text)

    def completion(self, word: str) -> str | None:
        if word in self._completed:
            return self._completed[word]
        found = None
        if (
            len(word) >= MIN_CLIPPED
            and word not in self.surface
            and word not in STOPWORDS
            and word not in CHAT_TYPED
            and word not in self._places
        ):
            found = (
                None
                if stem(word) in self._stems
                else self._from_prefix(word) or self._typo(word) or self._from_inside(word)
            )
        if len(self._completed) < 50_000:
            self._completed[word] = found
        return found

    def _from_prefix(self, word: str) -> str | None:
        longer = []
        for w in self._sorted[bisect_left(self._sorted, word) :]:
            if not w.startswith(word):
                break
            if len(w) > len(word):
                longer.append(w)
        families: Counter[str] = Counter()
        for w in longer:
            families[stem(w)] += self.surface[w]
        total = sum(families.values())
        if total < MIN_COMPLETIONS:
            return None
        family, count = families.most_common(1)[0]
        if count < CLIP_SHARE * total:
            return None
        return max((w for w in longer if stem(w) == family), key=lambda w: (self.surface[w], w))

    def _typo(self, word: str) -> str | None:
        """One edit away, but not at either end: "socialt" is not a typo for "sociala", nor
        "istället" for "stället", nor "hellre" for "heller"."""
        found = self._typos.correct(word)
        if found is None and fold(word) == word:
            found = self._folded_typos.correct(word)
            found = self.accented.get(found, found) if found else None
        if (
            found is None
            or found[0] != word[0]
            or found[-1] != word[-1]
            or word[:-1] in (found[:-1], found)
            or found[:-1] == word
        ):
            return None
        return found

    def _from_inside(self, word: str) -> str | None:
        if len(word) < MIN_INNER_CLIPPED:
            return None
        tail = word[-KEEP_TAIL:]
        found = [
            w
            for w in self._by_head.get(word[:KEEP_HEAD], [])
            if len(w) > len(word) and w.endswith(tail) and _subsequence(word, w)
        ]
        return max(found, key=lambda w: (self.surface[w], w)) if found else None
