"""Swedish tokenising and stemming for the lexical index and query expansion."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from .refs import find_refs

# Function words and modal verbs that carry no topic ("får vi ...", "kan man ...").
STOPWORDS = frozenset(
    """
    och i att det som en på är av för med till den har de inte om ett han men var jag sig från
    vi så kan man när år säger hon under också efter eller nu sin där vid mot ska skall hur
    alla detta dem då här någon några sina vara vilka vilken vilket vad än bara mycket blir
    ha hade kunna måste får få deras dess denna dessa mig min mitt mina oss vår vårt våra er
    ni du dig din ditt dina utan ut upp över sedan ju väl nog även samt bl.a. t.ex. etc
    the a an of to in is are can we our for and or what how do does
    """.split()
)
_WORD = re.compile(r"[0-9a-zåäöéüæø]+(?:-[0-9a-zåäöéüæø]+)*", re.IGNORECASE)
_stemmer = snowballstemmer.stemmer("swedish")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    """Lower-cased words; hyphenated compounds also yield their parts."""
    out: list[str] = []
    for match in _WORD.finditer(text.lower()):
        word = match.group()
        out.append(word.replace("-", ""))
        if "-" in word:
            out.extend(part for part in word.split("-") if part)
    return out


def tokens(text: str) -> list[str]:
    """Stemmed content tokens (stop words and one-letter words dropped)."""
    return [stem(w) for w in words(text) if len(w) > 1 and w not in STOPWORDS]


def ref_tokens(text: str, query: bool = False) -> list[str]:
    """Reference keys mentioned in a text; `query=True` keeps only the most specific ones."""
    out: list[str] = []
    for ref in find_refs(text):
        keys = ref.query_keys() if query else ref.keys()
        out.extend(sorted(keys))
    return out
