"""Warnings about the knowledge base as a whole, beyond what makes one file invalid: sources
from denylisted domains (listed in knowledge/README.md), and two files that state the same
amount or date differently ("direktupphandlingsgränsen är 700 000 kronor" in one file,
"615 312 kronor" in another).

A figure is an amount in kronor, euro or procent, or a date ("1 februari 2022"). Two figures
are about the same thing when the specific word just before them is the same and at least half
of the specific words among the four before them, in sentences about the same years. A word is specific
when fewer than 15 % of the files use it. Precedents describe their own events, so two
precedents are never compared.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from urllib.parse import urlparse

import snowballstemmer

from .loader import STALE_AFTER_DAYS, Document

DENYLIST_START, DENYLIST_END = "<!-- denylist: start -->", "<!-- denylist: end -->"
MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
FIGURE = re.compile(
    rf"(?P<date>\b\d{{1,2}} (?:{MONTHS}) \d{{4}})"
    r"|(?P<amount>\b\d{1,3}(?:[ \u00a0]\d{3})+|\b\d+(?:,\d+)?)\s*(?P<unit>kronor|kr\b|euro|procent|%)",
    re.IGNORECASE,
)
SENTENCE = re.compile(r"(?<!kap)(?<!prop)(?<!\bp)(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
WINDOW = 4

COMMON_SHARE = 0.15
# Words that sit next to figures without saying what they measure.
FILLER = frozenset(
    "ungefär cirka minst högst drygt knappt över under nästan omkring runt totalt sammanlagt "
    "prop kap ref påbörjats påbörjas från sedan och med den lou luf luk lov enligt".split()
)
_stemmer = snowballstemmer.stemmer("swedish")


@dataclass(frozen=True)
class Figure:
    doc: Document
    sentence: str
    unit: str
    value: str
    near: str | None  # the specific word just before the figure
    before: frozenset[str]  # the specific words among the WINDOW words before it
    years: frozenset[str]  # years the sentence mentions besides the figure


def denylist(readme: Path) -> list[str]:
    """Domains listed between the denylist markers of knowledge/README.md."""
    try:
        text = readme.read_text(encoding="utf-8")
    except OSError:
        return []
    if DENYLIST_START not in text:
        return []
    block = text.split(DENYLIST_START, 1)[1].split(DENYLIST_END, 1)[0]
    return [line.strip("-* \t").lower() for line in block.splitlines() if line.strip("-* \t")]


def denylisted_sources(docs: list[Document], domains: list[str]) -> list[str]:
    out = []
    for doc in docs:
        for source in doc.sources:
            host = (urlparse(source.url).hostname or "").lower()
            hit = next((d for d in domains if host == d or host.endswith("." + d)), None)
            if hit:
                out.append(f"{doc.path}: sources: {hit} är en kopia, ingen källa ({source.url})")
    return out


def _words(text: str) -> list[str]:
    return [
        _stemmer.stemWord(w)
        for w in re.findall(r"[a-zåäöéü]+", text.lower())
        if len(w) > 2 and w not in FILLER
    ]


def figures(docs: list[Document]) -> list[Figure]:
    frequency: Counter[str] = Counter()
    for doc in docs:
        frequency.update(set(_words(doc.body)))
    common = {w for w, n in frequency.items() if n > max(3, len(docs) * COMMON_SHARE)}
    out = []
    for doc in docs:
        body = re.sub(r"\s+", " ", re.sub(r"^#+ .*$", " ", doc.body, flags=re.MULTILINE))
        for sentence in SENTENCE.split(body):
            years = frozenset(re.findall(r"\b(?:19|20)\d\d\b", FIGURE.sub(" ", sentence)))
            for match in FIGURE.finditer(sentence):
                after = sentence[match.end() : match.end() + 14]
                if match.group("date"):
                    unit, value = "datum", match.group("date").lower()
                elif "miljon" in after or "miljard" in after:
                    continue
                else:
                    unit = {"kr": "kronor", "%": "procent"}.get(
                        match.group("unit").lower(), match.group("unit").lower()
                    )
                    value = match.group("amount").replace("\u00a0", " ")
                before = [w for w in _words(sentence[: match.start()]) if w not in common][-WINDOW:]
                out.append(
                    Figure(
                        doc,
                        sentence.strip(),
                        unit,
                        value,
                        before[-1] if before else None,
                        frozenset(before),
                        years,
                    )
                )
    return out


def conflicting_figures(docs: list[Document]) -> list[str]:
    out = []
    for a, b in combinations(figures(docs), 2):
        if a.doc.id == b.doc.id or (a.doc.kind == "example" and b.doc.kind == "example"):
            continue
        if a.unit != b.unit or a.value == b.value or a.years != b.years:
            continue
        if not a.near or a.near != b.near or _overlap(a.before, b.before) < 0.5:
            continue
        out.append(
            f"{a.doc.path}: body: säger {a.value} {a.unit if a.unit != 'datum' else ''}".rstrip()
            + f" där {b.doc.path} säger {b.value} ({_short(a.sentence)} / {_short(b.sentence)})"
        )
    return out


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _short(sentence: str, limit: int = 90) -> str:
    return sentence if len(sentence) <= limit else sentence[:limit].rsplit(" ", 1)[0] + " …"


def stale_documents(docs: list[Document], today: dt.date, days: int = STALE_AFTER_DAYS) -> list[Document]:
    """Files whose facts were last checked more than `days` ago, oldest first."""
    old = [d for d in docs if (today - d.checked).days > days]
    return sorted(old, key=lambda d: (d.checked, d.path))


def knowledge_warnings(root: Path, docs: list[Document]) -> list[str]:
    """Every warning for a valid knowledge base, as `path: field: problem` lines."""
    return denylisted_sources(docs, denylist(root / "README.md")) + conflicting_figures(docs)
