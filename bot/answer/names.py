"""The names a question may use for what the knowledge base holds: the organisations its
precedents name (buyers and suppliers) and the terms its glossary defines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..search.textproc import fold, normalise_chat


def is_name(term: str) -> bool:
    """A glossary term that is a name ("Samhall", "Kriterietjänsten"), not a word or an
    abbreviation ("reserverad upphandling", "IOP")."""
    return term[:1].isupper() and not term.isupper()


# "vad menas med" and up to three words before a term: its meaning is what is asked
_MEANING_BEFORE = re.compile(r"\b(vad (menas med|betyder|ar|e|innebar)|what (is|are|does))(\s+\S+){0,3}\s+$")


@dataclass(frozen=True)
class Names:
    """Organisations the precedents name (buyers and suppliers), each with its precedent ids."""

    variants: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lower-case name -> doc ids
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # glossary term -> glossary ids
    buyers: frozenset[str] = frozenset()  # the names that are a buyer's (or its municipality's)
    cases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # folded case name -> judgment ids
    # glossary files whose term is a name ("Samhall"), each with its forms, folded
    name_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # a supplier whose name is also a common word ("Reform", "ISS"): its name as written, which
    # the text must write with the same capitals; its precedents are under its lower-case form
    cased: frozenset[str] = frozenset()

    @classmethod
    def from_records(cls, records: list[dict]) -> Names:
        """From the examples (buyers, suppliers) and the glossary (terms and their synonyms);
        a record without a kind is an example."""
        out: dict[str, set[str]] = {}
        terms: dict[str, set[str]] = {}
        buyers: set[str] = set()
        cases: dict[str, set[str]] = {}
        cased: set[str] = set()
        for record in records:
            kind = record.get("kind", "example")
            if kind == "case-law" and (case := case_name(record.get("title") or "")):
                cases.setdefault(fold(case.lower()), set()).add(record["id"])
            if kind == "glossary":
                for term in [term_of(record.get("title") or ""), *(record.get("synonyms") or [])]:
                    if len(term) >= 3:
                        terms.setdefault(str(term).lower(), set()).add(record["id"])
            if kind != "example":
                continue
            names = [record.get("buyer") or "", record.get("municipality") or ""]
            for name in names + list(record.get("suppliers") or []):
                for variant in name_variants(name):
                    out.setdefault(variant.lower(), set()).add(record["id"])
            buyers.update(v.lower() for name in names for v in name_variants(name))
            for name in record.get("suppliers") or []:
                if name.lower() in GENERIC_NAMES - FAMILY_NAMES and name != name.lower():
                    cased.add(name)
                    out.setdefault(name.lower(), set()).add(record["id"])
            for family, variants in FAMILIES.items():  # "Örebro Stadsmission": one of the stadsmissioner
                # also a former supplier that the title names ("… när Skåne Stadsmission lämnade")
                named = [*(record.get("suppliers") or []), record.get("title") or ""]
                if any(family in name.lower() for name in named):
                    for variant in variants:
                        out.setdefault(variant, set()).add(record["id"])
        # "Reform" also names the supplier written "Re:form"
        common = {c.lower() for c in cased}
        for variant in [v for v in out if re.sub(r"\W", "", v) in common - {v}]:
            out[re.sub(r"\W", "", variant)] |= out[variant]
        # a judgment whose title names an organisation the precedents name ("Alingsås kommun och
        # Bräcke diakoni – …") is about it as well
        for record in records:
            if record.get("kind") == "case-law":
                title = (record.get("title") or "").lower()
                for variant in [v for v in out if len(v) >= 6 and v not in FAMILY_NAMES]:
                    if re.search(rf"\b{re.escape(variant)}\b", title):
                        out[variant].add(record["id"])
        return cls(
            {k: tuple(sorted(v)) for k, v in out.items()},
            {k: tuple(sorted(v)) for k, v in terms.items()},
            frozenset(buyers),
            {k: tuple(sorted(v)) for k, v in cases.items()},
            {
                r["id"]: tuple(fold(str(f).lower()) for f in [r["term"], *(r.get("synonyms") or [])])
                for r in records
                if r.get("kind") == "glossary" and is_name(str(r.get("term") or ""))
            },
            frozenset(cased),
        )

    @property
    def proper(self) -> frozenset[str]:
        return frozenset(self.name_forms)

    def find_names(self, text: str) -> list[str]:
        """The glossary files of the names the text writes out ("kan vi köpa från samhall direkt"),
        in id order, however specific the other terms it names."""
        typed = fold(text.lower())
        return [
            doc
            for doc, forms in sorted(self.name_forms.items())
            if any(re.search(rf"\b{re.escape(form)}\b", typed) for form in forms)
        ]

    def find_terms(self, text: str) -> set[str]:
        """Glossary files whose term (or a synonym of it) the text names as whole words, typed
        with or without å, ä and ö and in chat shorthand ("vad e sysselsattningskrav")."""
        if not self.terms:
            return set()
        typed = fold(normalise_chat(text))
        matches = [
            m
            for m in self._term_pattern.finditer(typed)
            if not re.search(r"\b(enligt|i|inom|under|med)\s+$", typed[: m.start()])  # "… enligt LOU"
        ]
        # the term whose meaning is asked: "vad menas med personer som är missgynnade i lagtexten om
        # reserverade kontrakt" asks about the first, however long the other
        asked = [m.group(1) for m in matches if _MEANING_BEFORE.search(typed[: m.start()])]
        if asked:
            return {d for t in asked for d in self._folded_terms[t]}
        found = [m.group(1) for m in matches]
        # the most specific terms: "reserverad upphandling enligt LOU" asks about the first
        longest = max((len(t) for t in found), default=0)
        return {d for t in found if len(t) >= min(longest, 12) for d in self._folded_terms[t]}

    def term_named(self, text: str) -> str | None:
        """The glossary file of the term (or synonym) the text is, whole: "socialt hållbar
        upphandling" is "social upphandling"; "obligatorisk uteslutning" is no term of its own."""
        docs = self._folded_terms.get(fold(normalise_chat(text)).strip(), ())
        return next(iter(docs)) if len(docs) == 1 else None

    def case_mentions(self, text: str) -> list[str]:
        """The judgments' names as the text writes them, in order: "i RegioPost men inte i Rüffert"
        -> RegioPost, Rüffert."""
        if not self.cases:
            return []
        folded = fold(text.lower())  # letter for letter: the spans are the text's own
        return list(dict.fromkeys(text[m.start(1) : m.end(1)] for m in self._case_pattern.finditer(folded)))

    def find_cases(self, text: str) -> set[str]:
        """Judgments the text names by their parties: "Concordia Bus", "Rüffertmålet",
        "Beentjes-domen", typed with or without ü."""
        if not self.cases:
            return set()
        return {d for m in self._case_pattern.finditer(fold(text.lower())) for d in self.cases[m.group(1)]}

    @cached_property
    def _case_pattern(self) -> re.Pattern:
        names = sorted(self.cases, key=len, reverse=True)
        return re.compile(
            rf"(?<![\w])({'|'.join(re.escape(n) for n in names)})(s|-?(malet|domen|fallet))?(?![\w])"
        )

    @cached_property
    def _folded_terms(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for term, docs in self.terms.items():
            out.setdefault(fold(term), set()).update(docs)
        return out

    @cached_property
    def _term_pattern(self) -> re.Pattern:
        terms = sorted(self._folded_terms, key=len, reverse=True)
        return re.compile(rf"(?<![\w])({'|'.join(re.escape(t) for t in terms)})(?![\w])")

    def find(self, text: str) -> list[str]:
        """Names the text mentions, longest first, each only once."""
        if not self.variants:
            return []
        found: list[str] = []
        for match in self._pattern.finditer(text.lower()):
            name = match.group(1)
            if not any(name in longer for longer in found):
                found.append(name)
        for name in self.cased:  # "köpt något från Reform?", but not "Reform av LOU …" first in a sentence
            for match in re.finditer(rf"(?<![\wåäö]){re.escape(name)}s?(?![\wåäö])", text):
                if not re.search(r"(^|[.!?:]\s*)$", text[: match.start()]) and name.lower() not in found:
                    found.append(name.lower())
        return found

    @cached_property
    def _pattern(self) -> re.Pattern:
        names = sorted(set(self.variants) - {n.lower() for n in self.cased}, key=len, reverse=True)
        return re.compile(rf"(?<![\wåäö])({'|'.join(re.escape(n) for n in names)})s?(?![\wåäö])")


GENERIC_NAMES = frozenset(
    "region kommun kommune stad stadsmission stadsmissionen reform iss rfsl rfsu abf jobb ideell förening "
    "upphandlingscenter".split()
)

# A word that many suppliers' names share: naming it names all of them ("IOP med en stadsmission")
FAMILIES = {"stadsmission": ("stadsmission", "stadsmissionen", "stadsmissioner", "stadsmissionerna")}
FAMILY_NAMES = frozenset(v for variants in FAMILIES.values() for v in variants)


def case_name(title: str) -> str | None:
    """A judgment of the EU court by its parties, as its title gives them: "Rüffert (C-346/06) – …"
    -> Rüffert."""
    found = re.match(r"^([A-ZÅÄÖÜ][\w-]+(?: [A-ZÅÄÖÜ][\w-]+){0,2}) \(C-\d+/\d+\)", title)
    return found.group(1) if found else None


def term_of(title: str) -> str:
    """A glossary title's term: "Matchningsansvarig vid sysselsättningskrav" -> matchningsansvarig."""
    return re.split(r"\s+[–(-]|,|\s+(?:vid|enligt|i|inom)\s+", title.strip())[0].strip().lower()


def name_variants(name: str) -> list[str]:
    """ "Halmstads Fastighets AB (HFAB)" -> Halmstads Fastighets AB, Halmstads Fastighets, HFAB;
    "… (…, nu Region Stockholm)" -> also Region Stockholm."""
    abbreviations = re.findall(r"\(([A-ZÅÄÖ]{2,6})\)", name)
    # "Sveriges regioner i samverkan (bland andra Stockholms läns landsting, nu Region Stockholm)"
    renamed = re.findall(r"\bnu ([A-ZÅÄÖ][\wåäö]+(?: [A-ZÅÄÖ][\wåäö]+)*)", name)
    core = re.split(r"\s*[(–,]|\s+genom\s+|\s+och\s+|\s+vid\s+|\s+för\s+", name)[0].strip()
    variants = {core, *abbreviations, *renamed}
    trimmed = re.sub(r"\s+(AB|Oy|kommun|kommune|stad|Stad|Kommune)$", "", core).strip()
    variants.add(trimmed)
    if re.search(r"\s(kommun|stad|Stad)$", core) and trimmed.endswith("s") and len(trimmed) > 4:
        variants.add(trimmed[:-1])  # "Göteborgs Stad" -> Göteborg
    return [v for v in variants if len(v) >= 3 and v.lower() not in GENERIC_NAMES]
