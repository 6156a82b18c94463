"""The kind of buyer a question speaks for, when it asks whether the procurement rules bind
that kind: "vi är ett bostadsbolag, måste vi följa LOU när vi ställer sociala krav?" is
answered by the FAQ on municipal companies, not by the general rules on social requirements."""

from __future__ import annotations

import re

from ..search.scope import titled

# "vi är ett bostadsbolag", "vårt energibolag", "kommunala bolag", "allmännyttan"
COMPANY = re.compile(
    r"\b((vi är|vi e|som) (ett |en )?(kommunal[at]? |allmännyttig[at]? |helägt? )?"
    r"(bostadsbolag|energibolag|vattenbolag|avfallsbolag|fastighetsbolag|bolag|aktiebolag)\w*"
    r"|(vårt|vårat|ert) (kommunala )?(bostadsbolag|energibolag|vattenbolag|avfallsbolag|fastighetsbolag|bolag)\w*"
    r"|kommunal[at]? (bostads|energi|vatten|avfalls|fastighets)?bolag\w*|allmännyttan)\b",
    re.IGNORECASE,
)
# ... and whether the law binds it ("måste vi följa LOU", "gäller LOU för oss", "omfattas vi av LOU")
LAW_BINDS = re.compile(
    r"\b(följa|tillämpa|omfattas ([\wåäö]+ ){0,3}?av|gäller|gälla) "
    r"(lou|luf|upphandlingsreglerna|upphandlingslagen|upphandlingslagarna|lagen om offentlig upphandling)\b"
    r"|\b(lou|luf|upphandlingsreglerna) (gäller|gälla)\b",
    re.IGNORECASE,
)
TITLE_WORDS = ("kommunala bolag",)


def asks_if_the_law_binds_it(text: str) -> bool:
    """Does the question speak for a municipal company and ask whether the law binds it?"""
    return bool(COMPANY.search(text) and LAW_BINDS.search(text))


def kind_of_buyer_files(text: str, documents: dict[str, dict]) -> set[str]:
    """The files on the kind of buyer the question speaks for, when it asks whether the law binds
    that kind; none otherwise."""
    if not asks_if_the_law_binds_it(text):
        return set()
    return {doc for doc in titled(documents, TITLE_WORDS) if documents[doc].get("kind") == "faq"}


def kind_of_buyer_top(docs: list, asked: str, documents: dict[str, dict]):
    """Of the best three files, the one on the kind of buyer the question speaks for, when it asks
    whether the law binds that kind: it leads before a file whose own question is only part of
    it ("måste vi ta sociala hänsyn?" would answer "Nej" to "måste vi följa LOU?")."""
    files = kind_of_buyer_files(asked, documents)
    return next((h.passage for h in docs[:3] if h.passage.doc_id in files), None)
