"""A question put in the general terms a FAQ asks in: "får en region direktupphandla catering från
Yalla Trappan?" asks what "Får vi direktupphandla från ett socialt företag?" asks, for any buyer
and any social enterprise the precedents name."""

from __future__ import annotations

import re

from .filters import from_social_supplier

# "får en region …", "kan kommunen …": the FAQs ask as "vi", whoever the buyer is
_BUYER_AS_SUBJECT = re.compile(
    r"\b(får|kan|måste|behöver|ska|bör) (en region|regionen|en kommun|kommunen|en myndighet|myndigheten|man)\b",
    re.IGNORECASE,
)
MIN_NAME = 4  # shorter names are words too often


def social_supplier_names(examples: list[dict]) -> re.Pattern | None:
    """The names of the social enterprises the precedents name, as one pattern after "från" or
    "av" (buying from them), longest first."""
    names = {
        name.strip()
        for record in examples
        if from_social_supplier(record)
        for name in record.get("suppliers") or []
        if len(name.strip()) >= MIN_NAME
    }
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(från|av) ({alternatives})(?![\wåäö])", re.IGNORECASE)


def in_general(asked: str, suppliers: re.Pattern | None) -> str:
    """The question with a social enterprise bought from named as one, and then the buyer as "vi"
    (only then: "får kommunen ge bidrag till ett socialt företag" stays as asked, and is not
    taken for "Får vi ge poäng för att anbudsgivaren är ett socialt företag?")."""
    if suppliers is None or not suppliers.search(asked):
        return asked
    text = suppliers.sub(lambda m: f"{m.group(1)} ett socialt företag", asked)
    return _BUYER_AS_SUBJECT.sub(lambda m: f"{m.group(1)} vi", text)
