"""Comparisons: the FAQ that helps choose is the one about choosing for "A eller B?", and the
one about combining for "kombinera A med B"."""

from types import SimpleNamespace

import pytest

from bot.answer.analysis import analyse
from bot.answer.comparison import choosing, combining, named_by, side_files
from bot.answer.deciding import decision_faq

DOCUMENTS = {
    "faq-kombinera": {
        "id": "faq-kombinera",
        "title": "Kan vi kombinera en reserverad upphandling med sysselsättningskrav?",
        "compares": ["reserverad", "syss"],
    },
    "faq-vad-passar": {
        "id": "faq-vad-passar",
        "title": "Reserverad upphandling eller sysselsättningskrav – vad passar när?",
        "compares": ["reserverad", "syss"],
    },
}


class Composer:
    documents = DOCUMENTS
    ruling_ids = frozenset()

    def section(self, doc_id, slug):
        return SimpleNamespace(doc_id=doc_id, slug=slug)

    def part(self, passage):
        return SimpleNamespace(doc_id=passage.doc_id)


def chosen(question: str) -> str:
    result = SimpleNamespace(query=question, documents=lambda: [])
    near = [{"reserverad"}, {"syss"}]
    part = decision_faq(Composer(), result, {"reserverad", "syss"}, near, combining(analyse(question)))
    return part.doc_id


def test_a_choice_gets_the_faq_on_choosing_and_a_combination_the_one_on_combining():
    assert chosen("kan vi kräva praktikanter, eller är det bättre att reservera hela kontraktet?") == (
        "faq-vad-passar"
    )
    assert chosen("kan vi kombinera en reservation med sysselsättningskrav i samma avtal?") == "faq-kombinera"


def test_a_faq_on_combining_two_other_things_does_not_lead_by_ranking_first():
    question = "Kan vi ha både tillgänglighetskrav och sysselsättningskrav i samma upphandling?"
    best = SimpleNamespace(passage=SimpleNamespace(doc_id="faq-kombinera"))
    result = SimpleNamespace(query=question, documents=lambda: [best])
    # neither side's files are both compared by the FAQ: it speaks of reservation, not accessibility
    near = [{"tillganglighet"}, {"syss"}]
    assert decision_faq(Composer(), result, {"tillganglighet", "syss"}, near, True) is None


def test_a_faq_that_compares_the_first_file_of_only_one_side_does_not_help_choose():
    question = "Är det bättre att dela upp upphandlingen än att reservera den?"
    result = SimpleNamespace(query=question, documents=lambda: [])
    # the choosing FAQ compares reservation ("reserverad") and employment requirements ("syss"):
    # the side on splitting the contract finds "syss" among its four best, but first "delkontrakt"
    near = [{"delkontrakt", "syss"}, {"reserverad"}]
    firsts = [{"delkontrakt"}, {"reserverad"}]
    shown = {"delkontrakt", "reserverad"}
    assert decision_faq(Composer(), result, shown, near, False, (), firsts) is None
    assert decision_faq(Composer(), result, shown, near, False).doc_id == "faq-vad-passar"
    firsts = [{"delkontrakt", "syss"}, {"reserverad"}]
    assert decision_faq(Composer(), result, shown, near, False, (), firsts).doc_id == "faq-vad-passar"


def test_a_faq_that_speaks_of_no_side_does_not_lead_by_ranking_first():
    question = "Vad är skillnaden mellan öppet och förenklat förfarande?"
    best = SimpleNamespace(passage=SimpleNamespace(doc_id="faq-vad-passar"))
    result = SimpleNamespace(query=question, documents=lambda: [best])
    near = [{"ord-fragservice"}, {"ord-annonspliktig"}]
    sides = ("öppet", "förenklat förfarande")
    assert decision_faq(Composer(), result, set(), near, False, sides) is None
    # the same FAQ ranked first for a question on its own sides is shown
    asked = ("reserverad upphandling", "sysselsättningskrav")
    assert decision_faq(Composer(), result, set(), [{"x"}, {"y"}], False, asked).doc_id == "faq-vad-passar"


def test_a_faq_whose_title_names_both_sides_helps_choose_whatever_ranks_for_them():
    documents = {
        "faq-iop-eller-upphandling": {
            "id": "faq-iop-eller-upphandling",
            "title": "IOP eller upphandling – när går ett idéburet offentligt partnerskap?",
            "compares": ["iop", "valfard"],
        },
        "faq-domar": {
            "id": "faq-domar",
            "title": "Vad har svenska domstolar sagt om reservationer?",
            "compares": ["lou-4-18", "alingsas"],
        },
    }
    composer = Composer()
    composer.documents = documents
    result = SimpleNamespace(query="", documents=lambda: [])
    # "en vanlig upphandling" ranks the reservation law, which only the FAQ on rulings compares
    near = [{"ord-iop", "alingsas"}, {"lou-4-18"}]
    sides = ("IOP", "en vanlig upphandling")
    part = decision_faq(composer, result, {"ord-iop", "lou-4-18"}, near, False, sides)
    assert part.doc_id == "faq-iop-eller-upphandling"


def test_a_faq_that_compares_takes_no_place_among_a_sides_own_files():
    ranked = ["ord-reserverad", "lou-4-18", "faq-kombinera", "valfard", "reserverad-upphandling", "annat"]
    hits = [SimpleNamespace(passage=SimpleNamespace(doc_id=d)) for d in ranked]
    result = SimpleNamespace(documents=lambda: hits, query="")
    assert side_files(result, {"faq-kombinera"}) == {
        "ord-reserverad",
        "lou-4-18",
        "valfard",
        "reserverad-upphandling",
    }


def test_a_side_that_is_a_law_is_named_by_the_file_whose_title_names_that_law():
    records = {
        "faq-syss-i-lov": {
            "id": "faq-syss-i-lov",
            "title": "Kan vi ställa sysselsättningskrav i ett valfrihetssystem enligt LOV?",
        },
        "ord-lov": {"id": "ord-lov", "title": "LOV och valfrihetssystem"},
        "ord-lou": {"id": "ord-lou", "title": "LOU – lagen om offentlig upphandling"},
    }
    hits = [SimpleNamespace(passage=SimpleNamespace(doc_id=d)) for d in records]
    result = SimpleNamespace(documents=lambda: hits, query="")
    composer = SimpleNamespace(documents=records, guides={})
    assert named_by(composer, "lov", result, set()).doc_id == "ord-lov"
    assert named_by(composer, "LOU", result, set()).doc_id == "ord-lou"
    # a provision's words still name no side: "enligt 4 kap." is not the side's name
    assert named_by(composer, "enligt 4 kap. 2 §", result, set()) is None


def test_a_faq_comparing_other_laws_does_not_help_choose_between_two_provisions_of_lou():
    laws = {
        "id": "faq-lou-luf-luk",
        "title": "Gäller samma regler om sociala hänsyn i LOU, LUF och LUK?",
        "compares": ["lou-17-1", "arbetsrattsliga-villkor"],
    }
    composer = Composer()
    composer.documents = {"faq-lou-luf-luk": laws}
    near = [{"lou-17-2-5", "arbetsrattsliga-villkor"}, {"lou-17-1", "sarskilda-kontraktsvillkor"}]
    question = (
        "Hur skiljer sig arbetsrättsliga villkor enligt 17 kap. 2 § från andra villkor enligt 17 kap. 1 §?"
    )
    result = SimpleNamespace(query=question, documents=lambda: [])
    assert decision_faq(composer, result, {"lou-17-2-5", "lou-17-1"}, near, False) is None
    # ... but does when the question names those laws
    result = SimpleNamespace(query="Skiljer sig villkoren i LUK från LOU?", documents=lambda: [])
    assert decision_faq(composer, result, {"lou-17-2-5", "lou-17-1"}, near, False).doc_id == "faq-lou-luf-luk"


def test_a_provision_cited_beside_a_side_is_not_part_of_its_name():
    from bot.answer.deciding import in_title
    from bot.search.textproc import tokens

    title = set(
        tokens("Reserverad upphandling, sysselsättningskrav eller arbetsrättsliga villkor – vad passar när?")
    )
    assert in_title("reserverad upphandling enligt 4 kap. 18 §", title)
    assert not in_title("reserverad upphandling för idéburna", title)


def test_one_thing_qualified_two_ways_is_led_by_the_text_on_that_thing():
    from composer_kit import composer_over, ranked

    from bot.answer.comparison import guidance_on
    from bot.answer.deciding import qualified_head

    assert qualified_head(["Obligatorisk uteslutning", "frivillig uteslutning"]) == ["uteslutning"]
    assert qualified_head(["reserverad upphandling", "sysselsättningskrav"]) == []
    assert qualified_head(["Reserverad upphandling under tröskelvärdet", "över tröskelvärdet"]) == []
    comp, passages = composer_over(
        {
            ("lou-13-1", "law", "13 kap. 1 § LOU – obligatorisk uteslutning"): {"kort-svar": "Det beror på."},
            ("uteslutning", "guidance", "Utesluta leverantörer som brutit mot arbetsrätt"): {
                "kort-svar": "Ja, ni får utesluta.",
                "vad-lagen-sager": "Obligatoriska grunder i 13 kap. 1 §, frivilliga i 13 kap. 3 §.",
            },
        }
    )
    result = ranked(passages, {"lou-13-1": 0.03, "uteslutning": 0.02})
    # its yes answers another question: the section that tells the two apart is shown
    shown = guidance_on(comp, result, ["uteslutning"], {"lou-13-1"})
    assert (shown.doc_id, shown.section) == ("uteslutning", "vad-lagen-sager")
    assert guidance_on(comp, result, ["uteslutning"], {"uteslutning"}) is None


def test_articles_before_two_qualifiers_do_not_hide_the_noun_they_share():
    from bot.answer.sides import comparison_sides

    asked = "Vad är skillnaden mellan de obligatoriska och de frivilliga arbetsrättsliga villkoren?"
    assert comparison_sides(asked) == [
        "obligatoriska arbetsrättsliga villkoren",
        "frivilliga arbetsrättsliga villkoren",
    ]
    assert comparison_sides("Vad är skillnaden mellan en reserverad upphandling och en IOP?") == [
        "reserverad upphandling",
        "IOP",
    ]


def test_a_faq_choosing_between_other_things_does_not_answer_two_qualifiers():
    from bot.answer.deciding import names_qualifiers

    class Composer:
        documents = {
            "faq-kollektivavtal": {
                "title": "Vad är skillnaden mellan krav på kollektivavtal och villkor i nivå?"
            },
            "faq-obligatoriska": {"title": "Vilka villkor är obligatoriska och vilka frivilliga?"},
        }

    sides = ["obligatoriska arbetsrättsliga villkor", "frivilliga arbetsrättsliga villkor"]
    assert not names_qualifiers(Composer(), "faq-kollektivavtal", sides)
    assert names_qualifiers(Composer(), "faq-obligatoriska", sides)


@pytest.mark.parametrize(
    ("glossary_iop", "expected"),
    [
        # the frame agreement shares no word with "föreningsbidrag"; the guidance's text on grants does
        (True, [("ord-iop", "kort-svar", "IOP"), ("iop", "vad-lagen-sager", "vanligt föreningsbidrag")]),
        # ... and when the guidance itself is shown for the IOP side, its other section still may be
        (False, [("iop", "kort-svar", "IOP"), ("iop", "vad-lagen-sager", "vanligt föreningsbidrag")]),
    ],
)
def test_a_side_its_own_search_finds_nothing_on_is_shown_by_the_passage_that_speaks_of_it(
    glossary_iop, expected
):
    from composer_kit import composer_over, ranked

    from bot.answer.comparison import compose_comparison
    from bot.answer.model import Answer

    files = {
        ("ord-ramavtal", "glossary", "Ramavtal"): {"kort-svar": "Ett ramavtal gäller vanligen i fyra år."},
        ("iop", "guidance", "Idéburet offentligt partnerskap"): {
            "kort-svar": "IOP är inte reglerat i lag.",
            "vad-lagen-sager": "Rena gåvor och bidrag utan motprestation är ingen upphandling.",
        },
    }
    if glossary_iop:
        files[("ord-iop", "glossary", "IOP")] = {"kort-svar": "IOP är en samverkansform med idéburna."}
    comp, passages = composer_over(files)
    analysis = analyse("Vad skiljer ett IOP från ett vanligt föreningsbidrag?")
    assert analysis.sides == ["IOP", "vanligt föreningsbidrag"]
    iop = "ord-iop" if glossary_iop else "iop"
    searches = SimpleNamespace(
        main=ranked(passages, {iop: 0.03, "iop" if glossary_iop else "ord-ramavtal": 0.02}),
        sides=[ranked(passages, {iop: 0.03}), ranked(passages, {"ord-ramavtal": 0.02})],
    )
    answer = Answer(question=analysis.question, answered=True)
    compose_comparison(comp, answer, analysis, searches)
    assert [(p.doc_id, p.section, p.label) for p in answer.parts] == expected


def test_the_faq_on_what_courts_said_does_not_help_choose():
    rulings = (
        "Vad har svenska domstolar sagt om sociala tilldelningskriterier, kontraktsvillkor och reservationer?"
    )
    where = (
        "Ska ett socialt krav vara kvalificeringskrav, tilldelningskriterium eller särskilt kontraktsvillkor?"
    )
    composer = Composer()
    composer.documents = {
        doc: {"id": doc, "title": title, "compares": compares}
        for doc, title, compares in (
            ("faq-domar", rulings, ["tilldelning", "reservation"]),
            ("faq-var-ska-kravet-in", where, ["tilldelning", "villkor"]),
        )
    }
    composer.ruling_ids = frozenset({"faq-domar"})
    # the first side is shown by its glossary entry ("ord-villkor"), its guidance ranks next
    near = [{"ord-villkor", "villkor"}, {"tilldelning"}]

    def chosen_for(question: str) -> str:
        result = SimpleNamespace(query=question, documents=lambda: [])
        sides = tuple(analyse(question).sides)
        return decision_faq(composer, result, {"ord-villkor", "tilldelning"}, near, False, sides).doc_id

    # the rulings FAQ's title names both sides word for word, but it tells what courts said
    assert chosen_for("Skillnad mellan sociala kontraktsvillkor och sociala tilldelningskriterier?") == (
        "faq-var-ska-kravet-in"
    )


def test_a_choice_is_made_between_instruments_named_by_their_names():
    from bot.answer.comparison import choosing, instrument_names

    assert choosing(
        analyse("vad är bättre för en liten kommun, ett reserverat kontrakt eller krav på praktikplatser?")
    )
    assert not choosing(
        analyse("vad är skillnaden mellan ett reserverat kontrakt och ett sysselsättningskrav?")
    )
    # a side that calls an instrument by other words is searched and shown by the instrument's name
    assert instrument_names("krav på praktikplatser i ett vanligt avtal") == ["sysselsättningskrav"]
    assert instrument_names("ett reserverat kontrakt") == ["reserverad upphandling"]
    assert instrument_names("direktupphandla") == ["direktupphandling"]
    # ... but not one that names it already, more narrowly
    assert instrument_names("reserverad upphandling för daglig verksamhet") == []


def test_a_judgment_is_named_by_its_case_name_not_by_what_its_title_says_it_held():
    records = {
        "eu-ruffert": {
            "id": "eu-ruffert",
            "kind": "case-law",
            "title": "Rüffert (C-346/06) – krav på lön enligt lokalt kollektivavtal stred mot EU-rätten",
        },
        "ord-kollektivavtal": {"id": "ord-kollektivavtal", "kind": "glossary", "title": "Kollektivavtal"},
    }
    hits = [SimpleNamespace(passage=SimpleNamespace(doc_id=d)) for d in records]
    result = SimpleNamespace(documents=lambda: hits, query="")
    composer = SimpleNamespace(documents=records, guides={})
    assert named_by(composer, "krav på kollektivavtal", result, set()) is None
    assert named_by(composer, "Rüffert", result, set()).doc_id == "eu-ruffert"


def test_a_choice_about_a_named_topic_opens_with_the_file_on_it_and_no_yes_to_another_question():
    from composer_kit import composer_over, ranked

    from bot.answer.comparison import compose_comparison
    from bot.answer.model import Answer
    from bot.answer.pipeline import Searches

    comp, passages = composer_over(
        {
            ("faq-fairtrade", "faq", "Rättvis handel och Fairtrade"): {
                "kort-svar": "Ja, om märkningen gäller varan.",
                "forklaring": "Märkningen får användas som bevis.",
            },
            ("sarskilda", "guidance", "Särskilda kontraktsvillkor"): {"kort-svar": "Villkor för utförandet."},
            ("kriterier", "guidance", "Sociala tilldelningskriterier"): {
                "kort-svar": "Mervärde i utvärderingen."
            },
        }
    )
    asked = analyse("Fairtrade – ska vi ha det som krav eller som tilldelningskriterium?")
    main = ranked(passages, {"sarskilda": 0.03, "faq-fairtrade": 0.029, "kriterier": 0.028})
    sides = [ranked(passages, {"sarskilda": 0.03}), ranked(passages, {"kriterier": 0.03})]
    answer = Answer(question=asked.question, answered=True)
    compose_comparison(comp, answer, asked, Searches(main, [], sides))
    assert [(p.doc_id, p.section, p.label) for p in answer.parts][0] == (
        "faq-fairtrade",
        "forklaring",
        "Fairtrade",
    )


def test_a_side_named_with_krav_after_a_dash_is_named_by_the_file_on_the_thing_required():
    records = {
        "faq-fairtrade": {"id": "faq-fairtrade", "title": "Får vi kräva Fairtrade eller rättvis handel?"},
        "lou-17-1": {"id": "lou-17-1", "title": "17 kap. 1 § LOU – särskilda villkor"},
    }
    hits = [SimpleNamespace(passage=SimpleNamespace(doc_id=d)) for d in ("lou-17-1", "faq-fairtrade")]
    result = SimpleNamespace(documents=lambda: hits, query="")
    composer = SimpleNamespace(documents=records, guides={})
    assert named_by(composer, "fairtrade-krav", result, set()).doc_id == "faq-fairtrade"


def test_a_side_the_knowledge_base_has_no_basis_for_is_told_where_to_ask():
    from composer_kit import composer_over, ranked

    from bot.answer.comparison import compose_comparison
    from bot.answer.compose import Searches
    from bot.answer.model import Answer
    from bot.search.referrals import Referrals

    comp, passages = composer_over(
        {
            ("ord-sociala-hansyn", "glossary", "Sociala hänsyn"): {
                "kort-svar": "Sociala hänsyn är krav som tar sikte på sociala frågor."
            },
            ("skatteverket", "referral", "Moms – fråga Skatteverket"): {
                "kort-svar": "Frågor om moms svarar Skatteverket på."
            },
        }
    )
    comp.referrals = Referrals([{"id": "skatteverket", "kind": "referral", "title": "S", "topics": ["moms"]}])
    analysis = analyse("vad skiljer sociala hänsyn från moms")
    assert analysis.sides == ["sociala hänsyn", "moms"]
    social = ranked(passages, {"ord-sociala-hansyn": 0.03})
    answer = Answer(question=analysis.question, answered=True, intent="comparison", confidence=1.0)
    compose_comparison(comp, answer, analysis, Searches(social, [], [social, social]))
    # the side on VAT is not told by the file on social considerations that its search found
    assert [(p.label, p.doc_id) for p in answer.parts] == [
        ("sociala hänsyn", "ord-sociala-hansyn"),
        ("moms", "skatteverket"),
    ]


def test_what_both_sides_are_asked_about_is_no_part_of_the_last():
    assert analyse("vad är skillnaden mellan LOU och LOV när det gäller sociala hänsyn").sides == [
        "LOU",
        "LOV",
    ]
    assert analyse("direktupphandling vs reserverad upphandling för en liten kommun").sides == [
        "direktupphandling",
        "reserverad upphandling",
    ]


def test_a_diff_asked_in_chat_is_what_tells_two_things_apart_not_a_choice():
    # "diff?" asks for two definitions side by side, which a choice between instruments avoids
    assert not choosing(analyse("skyddad verkstad vs socialt företag, diff?"))
    assert choosing(analyse("skyddad verkstad eller socialt företag, vad passar oss bäst?"))


def test_a_faq_that_asks_may_we_does_not_help_choose_even_if_it_compares():
    from composer_kit import composer_over, ranked

    comp, passages = composer_over(
        {
            ("faq-sprak", "faq", "Får vi ställa krav på att personalen i hemtjänsten kan svenska?"): {
                "kort-svar": "Det beror på."
            },
            ("faq-lov-lou", "faq", "Valfrihetssystem eller upphandling – vad passar?"): {
                "kort-svar": "Det beror."
            },
            ("lov", "guidance", "Valfrihetssystem"): {"kort-svar": "Valfrihet."},
            ("lou", "guidance", "Upphandling"): {"kort-svar": "Upphandling."},
        }
    )
    comp.documents["faq-sprak"]["compares"] = ["lov", "lou"]
    comp.documents["faq-lov-lou"]["compares"] = ["lov", "lou"]
    result = ranked(passages, {"faq-sprak": 0.03, "faq-lov-lou": 0.02})
    sides = ("valfrihetssystem", "upphandling")
    part = decision_faq(comp, result, {"lov", "lou"}, [{"lov"}, {"lou"}], False, sides)
    assert part.doc_id == "faq-lov-lou"


class Sections(SimpleNamespace):
    """A composer stand-in whose files' short answers are given."""

    def section(self, doc_id, slug):
        return SimpleNamespace(doc_id=doc_id, text=self.short[doc_id])


def named(side: str, files: dict, order: list[str], guide_first: bool = False) -> str:
    """The file that names `side` among `files` ({id: (kind, title, short answer)}), the side's
    and the whole question's search ranking them in `order`."""
    records = {d: {"id": d, "kind": kind, "title": title} for d, (kind, title, _) in files.items()}
    composer = Sections(documents=records, short={d: text for d, (_, _, text) in files.items()}, guides={})
    hits = [SimpleNamespace(passage=SimpleNamespace(doc_id=d)) for d in order]
    result = SimpleNamespace(documents=lambda: hits, query="")
    return named_by(composer, side, result, set(), result, guide_first).doc_id


def test_a_law_side_is_named_by_the_rules_text_not_by_a_faq_answering_its_own_yes_or_no():
    files = {
        "faq-bor": (
            "faq",
            "Måste vi ta sociala hänsyn? Är bör-regeln i 4 kap. 3 § LOU tvingande?",
            "Nej, bör-regeln …",
        ),
        "lou-4-3": ("law", "4 kap. 3 § LOU – bör-regeln om hållbarhetshänsyn", "Enligt 4 kap. 3 § LOU bör …"),
    }
    # (under the side's name "LOU", a "Nej" would read as a no to something not asked)
    assert named("LOU", files, ["faq-bor", "lou-4-3"]) == "lou-4-3"


def test_a_side_of_a_choice_is_named_by_the_guidance_on_the_instrument():
    files = {
        "lou-4-18": (
            "law",
            "4 kap. 18 § LOU – reserverad upphandling för skyddade verkstäder och arbetsintegrerande leverantörer",
            "Enligt 4 kap. 18 § LOU får ni reservera …",
        ),
        "reserverad": ("guidance", "Reserverad upphandling för sociala företag", "Ja, ni får reservera …"),
        "faq-direkt": (
            "faq",
            "Får vi ställa sysselsättningskrav i en direktupphandling?",
            "Det beror på köpet.",
        ),
        "syss": ("guidance", "Sysselsättningskrav i upphandling", "Ja, ni får kräva …"),
    }
    assert (
        named("reserverad upphandling", files, ["lou-4-18", "reserverad"], guide_first=True) == "reserverad"
    )
    assert named("sysselsättningskrav", files, ["faq-direkt", "syss"], guide_first=True) == "syss"


def test_an_ordinary_procurement_under_a_law_is_named_by_the_law_not_by_how_common_something_is():
    files = {
        "faq-vanligt": (
            "faq",
            "Hur vanligt är det med sociala hänsyn i upphandlingar?",
            "Ungefär 8 procent …",
        ),
        "ord-lou": ("glossary", "LOU – lagen om offentlig upphandling", "LOU är lagen om …"),
    }
    assert named("vanlig LOU-upphandling", files, ["faq-vanligt", "ord-lou"]) == "ord-lou"


def test_what_tells_them_apart_asked_last_is_no_part_of_a_side():
    assert analyse("obligatorisk vs frivillig uteslutning, vad skiljer?").sides == [
        "obligatorisk uteslutning",
        "frivillig uteslutning",
    ]


def test_the_ordinary_kind_beside_a_special_kind_is_told_by_the_special_one():
    from bot.answer.comparison import the_default

    sides = analyse("vad e skillnaden på ett vanligt företag o ett socialt företag liksom").sides
    assert sides == ["vanligt företag", "socialt företag"]
    assert the_default("vanligt företag", sides) and not the_default("socialt företag", sides)
    # an ordinary procurement under a law is a side of its own beside other instruments
    assert not the_default("vanlig LOU-upphandling", ["LOV", "IOP", "vanlig LOU-upphandling"])


def test_a_choice_that_opens_the_question_needs_no_question_mark():
    analysis = analyse("reserverad upphandling eller IOP för ett café som drivs av ett socialt kooperativ")
    assert analysis.intent == "comparison" and analysis.sides == ["reserverad upphandling", "IOP"]


def test_the_best_file_leads_a_comparison_only_when_it_bears_on_every_side():
    from bot.answer.deciding import bears_on_each

    class Composer:
        documents = {
            "faq-kollektivavtal": {
                "title": "Vad är skillnaden mellan krav på kollektivavtal och villkor i nivå med kollektivavtal?",
                "compares": ["faq-krav-pa-kollektivavtal", "arbetsrattsliga-villkor"],
            },
            "faq-iop-eller-upphandling": {
                "title": "IOP eller upphandling – när går ett IOP och när måste vi upphandla?",
                "compares": ["iop", "reserverad-valfard"],
            },
        }

    # the side on human rights has no file it compares and no word in its title
    sides = ["arbetsrättsliga villkor", "villkor om mänskliga rättigheter"]
    near = [{"lou-17-2-5", "arbetsrattsliga-villkor"}, {"faq-uppforandekod", "manskliga-rattigheter"}]
    assert not bears_on_each(Composer(), "faq-kollektivavtal", sides, near)
    # "reserverad upphandling" is named by the title's "upphandling"
    sides = ["IOP", "reserverad upphandling"]
    near = [{"ord-iop", "iop"}, {"ord-reserverad", "lou-4-18"}]
    assert bears_on_each(Composer(), "faq-iop-eller-upphandling", sides, near)
    # of three sides, all but one will do
    sides = ["LOV", "IOP", "mänskliga rättigheter"]
    near = [{"lov"}, {"iop"}, {"manskliga-rattigheter"}]
    assert bears_on_each(Composer(), "faq-iop-eller-upphandling", sides, near) is False
    near = [{"lov"}, {"iop"}, {"reserverad-valfard"}]
    assert bears_on_each(Composer(), "faq-iop-eller-upphandling", sides, near)


def test_sides_that_differ_by_a_qualifier_get_the_faq_whose_title_names_both():
    from composer_kit import composer_over, ranked

    from bot.answer.deciding import qualified_faq

    faq = ("faq-over-under", "faq", "Är det någon skillnad på sociala hänsyn över och under tröskelvärdena?")
    law = ("lou-4-18", "law", "4 kap. 18 § LOU")
    comp, passages = composer_over(
        {faq: {"kort-svar": "Ja, reglerna skiljer sig åt."}, law: {"kort-svar": "Ni får reservera."}}
    )
    comp.deciding_ids = frozenset({"faq-over-under"})
    sides = [
        "Blir det någon skillnad om en reserverad upphandling ligger över tröskelvärdet",
        "Blir det någon skillnad om en reserverad upphandling ligger under tröskelvärdet",
    ]
    found = qualified_faq(comp, ranked(passages, {"faq-over-under": 0.03, "lou-4-18": 0.02}), sides)
    assert found is not None and found.doc_id == "faq-over-under"
    # ... not one that names neither qualifier
    comp.documents["faq-over-under"]["title"] = "Hur reserverar vi en upphandling?"
    assert qualified_faq(comp, ranked(passages, {"faq-over-under": 0.03, "lou-4-18": 0.02}), sides) is None


def test_a_faq_comparing_one_side_with_a_third_thing_does_not_help_choose_between_the_two():
    # "iop vs lov": the FAQ on LOV or LOU ranks first, but it says nothing of IOP
    lov_or_lou = {
        "id": "faq-lov-eller-lou",
        "title": "LOV eller LOU för välfärdstjänster – vad passar?",
        "compares": ["lov-valfrihetssystem", "valfard-19-25a"],
    }
    composer = Composer()
    composer.documents = {"faq-lov-eller-lou": lov_or_lou}
    best = SimpleNamespace(passage=SimpleNamespace(doc_id="faq-lov-eller-lou"))
    result = SimpleNamespace(query="iop vs lov", documents=lambda: [best])
    near = [{"iop-partnerskap", "ord-iop"}, {"lov-valfrihetssystem", "ord-lov"}]
    assert decision_faq(composer, result, set(), near, False, ("iop", "lov")) is None
    # ... and it still helps choose between its own two
    near = [{"valfard-19-25a"}, {"lov-valfrihetssystem"}]
    sides = ("reservation för idéburna", "lov")
    assert decision_faq(composer, result, set(), near, False, sides).doc_id == "faq-lov-eller-lou"


def test_a_faq_whose_title_names_the_instrument_a_side_asks_for_still_helps_choose():
    # "kräva att vinnaren anställer folk" asks for employment requirements, which the title names,
    # though the side's own search found other files
    best = SimpleNamespace(passage=SimpleNamespace(doc_id="faq-vad-passar"))
    question = "reservera åt sociala företag eller kräva att vinnaren anställer folk – vad är skillnaden?"
    result = SimpleNamespace(query=question, documents=lambda: [best])
    near = [{"reserverad"}, {"ord-matchningsansvarig"}]
    sides = ("reservera åt sociala företag", "kräva att vinnaren anställer folk")
    assert decision_faq(Composer(), result, set(), near, False, sides).doc_id == "faq-vad-passar"


def test_a_side_whose_word_has_guidance_of_its_own_is_shown_by_the_guidance():
    from composer_kit import composer_over, ranked

    from bot.answer.comparison import compose_comparison
    from bot.answer.model import Answer

    files = {
        ("ord-reserverad-upphandling", "glossary", "Reserverad upphandling"): {
            "kort-svar": "En upphandling där bara vissa leverantörer får delta."
        },
        ("reserverad-upphandling", "guidance", "Reserverad upphandling för sociala företag"): {
            "kort-svar": "Enligt 4 kap. 18 § LOU får ni reservera en upphandling för sociala företag."
        },
        ("ord-iop", "glossary", "IOP"): {"kort-svar": "IOP är en samverkansform med idéburna."},
    }
    comp, passages = composer_over(files)
    analysis = analyse("vad är skillnaden mellan reserverad upphandling och IOP?")
    assert analysis.sides == ["reserverad upphandling", "IOP"]
    searches = SimpleNamespace(
        main=ranked(passages, {"ord-reserverad-upphandling": 0.03, "ord-iop": 0.02}),
        sides=[
            ranked(passages, {"ord-reserverad-upphandling": 0.03, "reserverad-upphandling": 0.025}),
            ranked(passages, {"ord-iop": 0.03}),
        ],
    )
    answer = Answer(question=analysis.question, answered=True)
    compose_comparison(comp, answer, analysis, searches)
    # a word without guidance of its own is still shown by its definition
    assert [p.doc_id for p in answer.parts] == ["reserverad-upphandling", "ord-iop"]
