"""A question about judgments in general gets both the FAQ on Swedish rulings and the best
judgment on the subject, the one about the instrument asked first."""

from composer_kit import composer_over, ranked

from bot.answer.rulings import with_rulings
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


def composer():
    return composer_over(FILES)


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


def test_rulings_asked_in_general_are_led_by_the_faq_on_what_courts_said():
    from types import SimpleNamespace

    from bot.answer.rulings import on_rulings

    files = dict(FILES)
    files[("bor-regeln", "law", "Bör-regeln om hållbarhetshänsyn")] = {
        "kort-svar": "Ni bör ta sociala hänsyn."
    }
    comp, passages = composer_over(files)
    result = ranked(passages, {"bor-regeln": 0.05, "faq-domar": 0.02})
    lead = comp.part(passages["bor-regeln#kort-svar"])
    general = SimpleNamespace(organisation_docs=set())
    asked = "finns det någon dom om sociala krav i upphandling"
    assert on_rulings(comp, result, lead, asked, general).doc_id == "faq-domar"
    # a conviction is no ruling, and a question that asks for none keeps its lead
    assert (
        on_rulings(comp, result, lead, "vd:n har en dom för människohandel, måste vi utesluta?", general)
        is lead
    )
    assert on_rulings(comp, result, lead, "bör vi ta sociala hänsyn?", general) is lead


def test_rulings_on_an_instrument_the_faq_speaks_of_are_led_by_it_and_others_keep_their_lead():
    from types import SimpleNamespace

    from bot.answer.rulings import on_rulings

    files = {
        ("faq-domar", "faq", "Vad har svenska domstolar sagt om sociala villkor?"): {
            "kort-svar": "Någon dom som prövar ett sysselsättningskrav har vi inte hittat."
        },
        ("syss", "guidance", "Sysselsättningskrav"): {"kort-svar": "Sysselsättningskrav är villkor."},
    }
    comp, passages = composer_over(files)
    comp.ruling_ids = frozenset({"faq-domar"})
    result = ranked(passages, {"syss": 0.05, "faq-domar": 0.02})
    lead = comp.part(passages["syss#kort-svar"])
    general = SimpleNamespace(organisation_docs=set())
    found = on_rulings(comp, result, lead, "finns det någon dom om sysselsättningskrav i Sverige?", general)
    assert found.doc_id == "faq-domar"
    # the FAQ says nothing of collective agreements: the lead stays (a judgment may answer)
    assert on_rulings(comp, result, lead, "finns det någon dom om kollektivavtal?", general) is lead
