"""Glossary expansion: a question that names a term (or any synonym of it) also searches for
the term's other words, so "långtidsarbetslösa" finds a file that says "personer långt från
arbetsmarknaden"."""

from __future__ import annotations

from collections import defaultdict

from .textproc import tokens


class Glossary:
    """Maps stemmed phrases (a term or any synonym) to the whole synonym set."""

    def __init__(self, groups: list[tuple[str, list[str]]]):
        self.groups: list[tuple[str, list[tuple[str, ...]]]] = []
        self.by_first: dict[str, set[int]] = defaultdict(set)  # first token -> groups with such a phrase
        for doc_id, phrases in groups:
            stemmed = [tuple(tokens(p)) for p in phrases]
            stemmed = [s for s in dict.fromkeys(stemmed) if s]
            if stemmed:
                for phrase in stemmed:
                    self.by_first[phrase[0]].add(len(self.groups))
                self.groups.append((doc_id, stemmed))

    def expand(self, query_tokens: list[str]) -> tuple[list[str], list[str], dict[str, set[str]]]:
        """(extra tokens, glossary ids matched, token -> tokens that may stand in for it)."""
        extra: list[str] = []
        matched: list[str] = []
        stand_ins: dict[str, set[str]] = {}
        candidates = sorted({g for tok in set(query_tokens) for g in self.by_first.get(tok, ())})
        for doc_id, phrases in (self.groups[g] for g in candidates):
            hit = [phrase for phrase in phrases if _contains(query_tokens, phrase)]
            if not hit:
                continue
            matched.append(doc_id)
            group = {t for phrase in phrases for t in phrase}
            for phrase in phrases:
                extra.extend(t for t in phrase if t not in query_tokens)
            for phrase in hit:
                for tok in phrase:
                    stand_ins.setdefault(tok, set()).update(group)
        return list(dict.fromkeys(extra)), matched, stand_ins


def _contains(seq: list[str], phrase: tuple[str, ...]) -> bool:
    """Whether `phrase` occurs in `seq` as consecutive tokens. Most phrases are one token, and a
    window is only compared where the phrase's first token is: this runs for every glossary
    phrase whose first token the question has."""
    n = len(phrase)
    if n == 1:
        return phrase[0] in seq
    first = phrase[0]
    return any(seq[i] == first and tuple(seq[i : i + n]) == phrase for i in range(len(seq) - n + 1))
