"""A Composer over a few hand-made sections, for the composer's unit tests: `files` maps
(doc id, kind, title) to {section slug: text}."""

from bot.answer.compose import Composer
from bot.knowledge.chunking import Passage
from bot.search.referrals import Referrals
from bot.search.retrieval import Hit, SearchResult


def composer_over(files: dict[tuple[str, str, str], dict[str, str]]) -> tuple[Composer, dict[str, Passage]]:
    passages, documents = {}, {}
    for (doc, kind, title), sections in files.items():
        for slug, text in sections.items():
            passages[f"{doc}#{slug}"] = Passage(
                id=f"{doc}#{slug}",
                doc_id=doc,
                kind=kind,
                title=title,
                heading=slug,
                text=text,
                refs=(),
                url=None,
                checked="2026-12-01",
            )
        documents[doc] = {"id": doc, "kind": kind, "title": title}
    return Composer(passages, documents, Referrals([])), passages


def ranked(passages: dict[str, Passage], scores: dict[str, float]) -> SearchResult:
    """The short answers of these files, with these scores, as one search."""
    return SearchResult("", [Hit(passages[f"{doc}#kort-svar"], s) for doc, s in scores.items()], 1.0, 1.0)
