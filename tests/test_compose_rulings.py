"""A question about judgments in general gets both the FAQ on Swedish rulings and the best
judgment on the subject, the one about the instrument asked first."""

from bot.answer.compose import Composer
from bot.answer.rulings import with_rulings
from bot.knowledge.chunking import Passage
from bot.search.referrals import Referrals
from bot.search.retrieval import Hit, SearchResult

FILES = {
    ("faq-domar", "faq", "Vad har svenska domstolar sagt om reservationer och kriterier?"): {
        "kort-svar": "Det beror på vilket verktyg det gäller.",
        "jamforelse": "Reserverad upphandling – HFD 2021 ref. 48: anbudsgivaren prövas.",
    },
    ("eu-ruffert", "case-law", "Rüffert (C-346/06) – lön enligt lokalt kollektivavtal"): {
        "kort-svar": "I Rüffert kom EU-domstolen fram till att kravet var otillåtet.",
    },
}


def composer() -> tuple[Composer, dict[str, Passage]]:
    passages, documents = {}, {}
    for (doc, kind, title), sections in FILES.items():
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
                checked="2026-12-05",
            )
        documents[doc] = {"id": doc, "kind": kind, "title": title}
    return Composer(passages, documents, Referrals([])), passages


def test_judgments_on_the_instrument_asked_lead_and_the_rulings_faq_follows():
    comp, passages = composer()
    result = SearchResult(
        "",
        [Hit(passages["faq-domar#jamforelse"], 0.04), Hit(passages["eu-ruffert#kort-svar"], 0.03)],
        1.0,
        1.0,
    )
    lead = comp.part(passages["faq-domar#jamforelse"])
    # the FAQ's passage is about reservations, the question about collective agreements
    shown = with_rulings(
        comp, result, lead, "några rättsfall om kollektivavtal?", ["arbetsrattsliga-villkor"]
    )
    assert [(p.doc_id, p.section) for p in shown] == [("eu-ruffert", "kort-svar"), ("faq-domar", "kort-svar")]
    # asked about reservations, the FAQ's passage on them leads and the judgment follows
    shown = with_rulings(comp, result, lead, "finns det domar om reserverad upphandling?", ["reserverad"])
    assert [p.doc_id for p in shown] == ["faq-domar", "eu-ruffert"]
    # a question that does not ask about judgments gets the lead alone
    assert with_rulings(comp, result, lead, "får vi reservera?", ["reserverad"]) == [lead]
