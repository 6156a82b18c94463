"""Å, ä and ö put back into words typed without them, from the words the knowledge base uses."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .textproc import fold, words

# A word is restored when the knowledge base uses the form with diacritics this many times as
# often as the form typed ("stad" is a word of its own and stays; "fran" becomes "från").
RESTORE_RATIO = 5


class Diacritics:
    def __init__(self, texts: Iterable[str]):
        self.surface: Counter[str] = Counter(w for text in texts for w in words(text))
        self.accented: dict[str, str] = {}  # "fran" -> "från": the most frequent word it folds from
        for word, _ in self.surface.most_common():
            if fold(word) != word and len(word) >= 2:
                self.accented.setdefault(fold(word), word)

    def restore(self, text: str) -> str:
        """ "far vi kopa direkt fran dom" -> "får vi köpa direkt från dom"."""

        def one(match: re.Match) -> str:
            word = match.group(0)
            accented = self.accented.get(word.lower())
            if accented is None or self.surface.get(word.lower(), 0) * RESTORE_RATIO > self.surface[accented]:
                return word
            return accented.capitalize() if word[0].isupper() else accented

        return re.sub(r"(?<![\wåäöÅÄÖ])[A-Za-z]{2,}(?![\wåäöÅÄÖ])", one, text)
