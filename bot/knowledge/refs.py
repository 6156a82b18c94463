"""Legal references: parse "4 kap. 18 § LOU", "4:18", "C-31/87", "art. 20 direktiv 2014/24/EU" ...

A reference is a first-class object. `parse_ref` is strict (for `refs:` in knowledge files);
`find_refs` scans free text leniently (questions, bodies). `Ref.keys()` gives the tokens the
retrieval index matches on, so "18 § LOU" finds passages whose refs hold 4 kap. 18 § LOU.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LAWS = ("LOU", "LUF", "LUK", "LOV", "LUFS", "KL", "DiskL")
_LAW = r"(?P<law>LOU|LUFS|LUF|LUK|LOV|KL|DiskL)"
_DASH = r"\s*[–-]\s*"
_COURTS = (
    r"Högsta förvaltningsdomstolen|HFD|Kammarrätten i (?:Stockholm|Göteborg|Jönköping|Sundsvall)"
    r"|Förvaltningsrätten i [A-ZÅÄÖ][a-zåäö]+"
)


class RefError(ValueError):
    """A reference that does not parse."""


@dataclass(frozen=True)
class Ref:
    """One reference. `kind` is statute, chapter, annex, eu, cjeu, court or prep."""

    kind: str
    law: str | None = None
    chapter: str | None = None  # "4", "19 a"
    paragraph: str | None = None  # "18", "25 a"
    paragraph_end: str | None = None  # "5" in 17 kap. 2–5 §§
    point: int | None = None
    ident: str | None = None  # C-31/87, "art. 20 direktiv 2014/24/EU", "HFD 2019 ref. 31"

    def __str__(self) -> str:
        if self.kind == "statute":
            chap = f"{self.chapter} kap. " if self.chapter else ""
            if self.paragraph_end:
                para = f"{self.paragraph}–{self.paragraph_end} §§"
            else:
                para = f"{self.paragraph} §"
            point = f" {self.point} p." if self.point else ""
            return f"{chap}{para}{point} {self.law}"
        if self.kind == "chapter":
            return f"{self.chapter} kap. {self.law}"
        if self.kind == "annex":
            return f"bilaga {self.paragraph} {self.law}"
        return self.ident or ""

    @property
    def label(self) -> str:
        """Short human label; same as the canonical form."""
        return str(self)

    def paragraphs(self) -> list[str]:
        """Every paragraph a statute ref covers (a range expands)."""
        if self.kind != "statute" or self.paragraph is None:
            return []
        if not self.paragraph_end:
            return [self.paragraph]
        start, end = _num(self.paragraph), _num(self.paragraph_end)
        if start is None or end is None or end < start or end - start > 50:
            return [self.paragraph, self.paragraph_end]
        return [str(n) for n in range(start, end + 1)]

    def keys(self) -> set[str]:
        """Index tokens: a provision also matches its chapter and its bare paragraph number."""
        if self.kind == "statute":
            law = (self.law or "LOU").lower()
            keys = set()
            chap = _compact(self.chapter) if self.chapter else "*"
            for para in self.paragraphs():
                keys.add(f"ref:{law}:{chap}:{_compact(para)}")
                keys.add(f"ref:{law}:*:{_compact(para)}")
            if self.chapter:
                keys.add(f"ref:{law}:{chap}")
            return keys
        if self.kind == "chapter":
            return {f"ref:{self.law.lower()}:{_compact(self.chapter)}"}
        if self.kind == "annex":
            return {f"ref:{self.law.lower()}:bilaga{_compact(self.paragraph)}"}
        return {"ref:" + re.sub(r"\s+", "", (self.ident or "").lower())}

    def query_keys(self) -> set[str]:
        """The tokens a question mentioning this ref should match (most specific only)."""
        if self.kind == "statute":
            law = (self.law or "LOU").lower()
            chap = _compact(self.chapter) if self.chapter else "*"
            return {f"ref:{law}:{chap}:{_compact(p)}" for p in self.paragraphs()}
        return self.keys()

    def mention_forms(self) -> list[str]:
        """Strings whose presence in a text counts as mentioning this ref."""
        forms = [str(self)]
        if self.kind == "statute" and self.law == "LOU":
            forms.append(str(self).removesuffix(" LOU"))
        if self.kind == "chapter" and self.law == "LOU":
            forms.append(f"{self.chapter} kap.")
        if self.kind == "annex":
            forms.append(f"bilaga {self.paragraph}")
        if self.kind == "eu" and self.ident and self.ident.startswith("art. "):
            forms.append(self.ident.split(" direktiv")[0].split(" FEUF")[0])
        return forms


def _compact(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def _num(text: str) -> int | None:
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else None


def _letter(num: str, letter: str | None) -> str:
    return f"{num} {letter}" if letter else num


_STATUTE = re.compile(
    r"(?:(?P<chap>\d{1,2})(?:\s*(?P<chapletter>[a-z]))?\s*kap\.?\s*)?"
    r"(?P<para>\d{1,3})(?:\s+(?P<letter>[a-z])(?![a-zåäö]))?"
    r"(?:" + _DASH + r"(?P<para_end>\d{1,3})(?:\s+(?P<letter_end>[a-z])(?![a-zåäö]))?)?"
    r"\s*§§?(?:\s*(?P<point>\d{1,2})\s*p\.)?"
    r"(?:\s*(?:i\s+)?" + _LAW + r"\b)?"
)
_CHAPTER = re.compile(
    r"(?P<chap>\d{1,2})(?:\s*(?P<chapletter>[a-z]))?\s*kap(?P<dot>\.)?(?:\s*(?:i\s+)?" + _LAW + r"\b)?"
)
# "4:18", "19:25a", "17:2-5": chapter and paragraph as upphandlare type them; not a time ("kl 10:30")
_COLON = re.compile(
    r"(?<![\d/:])(?<!kl )(?<!kl\. )(?P<chap>\d{1,2}):(?P<para>\d{1,3})(?:\s?(?P<letter>[a-z])\b)?"
    r"(?:\s*[-–]\s*(?P<para_end>\d{1,3})\b)?(?![\d:])"
)
_ANNEX = re.compile(r"bilaga\s+(?P<num>\d{1,2}(?:\s?[a-z](?![a-zåäö]))?)\s*(?:(?:i|till)\s+)?" + _LAW)
_EU_ART = re.compile(
    r"art(?:ikel|\.)?\s*(?P<art>\d{1,3})(?:\.(?P<sub>\d{1,2}))?\s*(?:i\s+)?"
    r"(?:(?:direktiv(?:et)?|dir\.)\s*)?(?P<dir>\d{4}/\d{1,3}/EU|FEUF|upphandlingsdirektivet|LOU-direktivet)",
    re.IGNORECASE,
)
_EU_RECITAL = re.compile(
    r"skäl\s*(?P<num>\d{1,3})\s*(?:i\s+)?(?:direktiv(?:et)?\s*)?(?P<dir>\d{4}/\d{1,3}/EU)",
    re.IGNORECASE,
)
_CJEU = re.compile(r"(?<![\w/])C\s?[-–‑]\s?(?P<num>\d{1,3})/(?P<yy>\d{2})(?!\d)")
_SWE_REPORTED = re.compile(
    r"\b(?P<court>HFD|RÅ|NJA)\s+(?P<year>\d{4})\s+(?P<kind>ref\.|s\.)\s*(?P<n>\d{1,4})\b"
)
_SWE_CASE = re.compile(
    r"(?P<court>" + _COURTS + r")s?\s+(?:dom\s+(?:i\s+)?)?mål(?:\s+nr\.?)?\s+(?P<n>\d{1,5}-\d{2})\b"
)
_PREP = re.compile(r"(?<![\w])(?P<kind>prop\.|SOU|Ds)\s+(?P<n>\d{4}(?:/\d{2})?:\d{1,4})\b")


def _statute_from(m: re.Match, default_law: str | None) -> Ref | None:
    law = m.group("law") or default_law
    if law is None:
        return None
    chap = m.group("chap")
    chapter = _letter(chap, m.group("chapletter")) if chap else None
    para = _letter(m.group("para"), m.group("letter"))
    end = m.group("para_end")
    point = m.group("point")
    return Ref(
        "statute",
        law=law,
        chapter=chapter,
        paragraph=para,
        paragraph_end=_letter(end, m.group("letter_end")) if end else None,
        point=int(point) if point else None,
    )


def _scan(text: str, default_law: str | None) -> list[tuple[int, int, Ref]]:
    found: list[tuple[int, int, Ref]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, ref: Ref | None) -> None:
        if ref is None or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append((start, end, ref))

    for m in _EU_ART.finditer(text):
        art = m.group("art") + (f".{m.group('sub')}" if m.group("sub") else "")
        target = m.group("dir").upper()
        if target in ("UPPHANDLINGSDIREKTIVET", "LOU-DIREKTIVET"):
            target = "2014/24/EU"  # the "classic" procurement directive behind LOU
        ident = f"art. {art} FEUF" if target == "FEUF" else f"art. {art} direktiv {target}"
        add(m.start(), m.end(), Ref("eu", ident=ident))
    for m in _EU_RECITAL.finditer(text):
        add(m.start(), m.end(), Ref("eu", ident=f"skäl {m.group('num')} direktiv {m.group('dir').upper()}"))
    for m in _CJEU.finditer(text):
        add(m.start(), m.end(), Ref("cjeu", ident=f"C-{int(m.group('num'))}/{m.group('yy')}"))
    for m in _SWE_REPORTED.finditer(text):
        kind = m.group("kind")
        add(
            m.start(),
            m.end(),
            Ref("court", ident=f"{m.group('court')} {m.group('year')} {kind} {m.group('n')}"),
        )
    for m in _SWE_CASE.finditer(text):
        court = "Högsta förvaltningsdomstolen" if m.group("court") == "HFD" else m.group("court")
        add(m.start(), m.end(), Ref("court", ident=f"{court} mål {m.group('n')}"))
    for m in _PREP.finditer(text):
        add(m.start(), m.end(), Ref("prep", ident=f"{m.group('kind')} {m.group('n')}"))
    for m in _ANNEX.finditer(text):
        add(m.start(), m.end(), Ref("annex", law=m.group("law"), paragraph=_compact(m.group("num"))))
    for m in _STATUTE.finditer(text):
        if m.group("chap") is None and m.group("law") is None:
            continue  # a bare "18 §" is too vague to act on
        add(m.start(), m.end(), _statute_from(m, default_law))
    for m in _CHAPTER.finditer(text):
        law = m.group("law") or default_law
        if law is not None and (m.group("dot") or m.group("law")):
            chapter = _letter(m.group("chap"), m.group("chapletter"))
            add(m.start(), m.end(), Ref("chapter", law=law, chapter=chapter))
    for m in _COLON.finditer(text):
        para = _letter(m.group("para"), m.group("letter"))
        end = m.group("para_end")
        add(
            m.start(),
            m.end(),
            Ref(
                "statute",
                law=default_law or "LOU",
                chapter=m.group("chap"),
                paragraph=para,
                paragraph_end=end,
            ),
        )
    found.sort(key=lambda item: item[0])
    return found


def find_refs(text: str, default_law: str = "LOU") -> list[Ref]:
    """Every reference in free text, in order, without duplicates. A missing law means LOU."""
    seen: list[Ref] = []
    for _, _, ref in _scan(text, default_law):
        if ref not in seen:
            seen.append(ref)
    return seen


def find_ref_spans(text: str, default_law: str = "LOU") -> list[tuple[int, int, Ref]]:
    """Like find_refs, with the character span of each match."""
    return _scan(text, default_law)


def parse_ref(text: str) -> Ref:
    """Parse one reference in canonical form (law named, whole string consumed)."""
    stripped = " ".join(text.split())
    if not stripped:
        raise RefError("tom hänvisning")
    matches = _scan(stripped, default_law=None)
    if len(matches) != 1 or matches[0][0] != 0 or matches[0][1] != len(stripped):
        raise RefError(f"'{text}' är ingen känd hänvisningsform (t.ex. '4 kap. 18 § LOU', 'C-31/87')")
    return matches[0][2]


def chapter_mentions(text: str) -> list[tuple[int, str]]:
    """Places in a text that look like a chapter reference ("N kap."), for consistency checks."""
    return [(m.start(), m.group()) for m in re.finditer(r"\b\d{1,2}(?:\s[a-z])?\s?kap\.", text)]


def most_specific(keys: set[str]) -> set[str]:
    """{"ref:lou:16:7"} of {"ref:lou:16", "ref:lou:16:7", "ref:lou:*:7"}; every paragraph of a
    range ("17 kap. 2–5 §§": 17:2 to 17:5), so that which one is found does not depend on the
    order a set is read in."""
    named = [k for k in keys if ":*:" not in k]
    depth = max((k.count(":") for k in named), default=0)
    return {k for k in named if k.count(":") == depth}


def chapters_of(keys: set[str]) -> set[str]:
    """The chapter each asked paragraph is in: "ref:lou:16:1" -> "ref:lou:16"."""
    return {k.rsplit(":", 1)[0] for k in keys if k.count(":") >= 3 and ":*:" not in k}
