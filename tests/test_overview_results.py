"""Whether social considerations work at all ("sysselsättningskrav funkar det ens") is answered by
the file on what the follow-ups show, not by the rule that ranks first; how they work is not."""

import pytest
from composer_kit import composer_over, ranked

from bot.answer.analysis import analyse
from bot.answer.compose import Searches
from bot.answer.overview import asks_if_it_works, asks_what_it_costs


def composer():
    comp, passages = composer_over(
        {
            ("sysselsattningskrav", "guidance", "Sysselsättningskrav"): {
                "kort-svar": "Ja, ni får kräva att leverantören erbjuder jobb."
            },
            ("faq-ger-jobb", "faq", "Ger sysselsättningskrav några jobb?"): {
                "kort-svar": "Det beror på vad man menar med att kraven ger jobb."
            },
        }
    )
    comp.documents["faq-ger-jobb"]["tags"] = ["resultat"]
    return comp, passages


@pytest.mark.parametrize(
    "question",
    [
        "sysselsättningskrav funkar det ens",
        "funkar sysselsättningskrav på riktigt eller e det mest pappersexercis",
        "ärligt talat funkar sociala hänsyn eller e det bara krångel",
    ],
)
def test_whether_it_works_is_answered_by_what_the_follow_ups_show(question):
    comp, passages = composer()
    result = ranked(passages, {"sysselsattningskrav": 0.03, "faq-ger-jobb": 0.01})
    answer = comp.compose(analyse(question), Searches(result, [result]), min_confidence=0.0)
    assert answer.parts[0].doc_id == "faq-ger-jobb"


@pytest.mark.parametrize(
    "question",
    [
        "hur funkar sysselsättningskrav",
        "funkar det att ställa sysselsättningskrav i LOV?",
        "funkar IOP på riktigt?",
    ],
)
def test_how_it_works_or_whether_it_may_be_done_is_not_asked(question):
    assert not asks_if_it_works(analyse(question))


def test_whether_it_fits_a_setting_is_not_whether_it_works():
    assert not asks_if_it_works(analyse("funkar sysselsättningskrav på små kontrakt ens"))


def test_a_part_on_how_many_jobs_it_gives_is_answered_by_what_the_follow_ups_show():
    comp, passages = composer_over(
        {
            ("sysselsattningskrav", "guidance", "Sysselsättningskrav"): {
                "kort-svar": "Ett sysselsättningskrav är ett särskilt kontraktsvillkor."
            },
            ("eu-dom", "case-law", "Nord-Pas-de-Calais"): {"kort-svar": "Domstolen godtog ett kriterium."},
            ("faq-ger-jobb", "faq", "Ger sysselsättningskrav några jobb?"): {
                "kort-svar": "Det beror på vad man menar med att kraven ger jobb."
            },
        }
    )
    comp.documents["faq-ger-jobb"]["tags"] = ["resultat"]
    analysis = analyse("vad är ett sysselsättningskrav och hur mycket jobb brukar det ge")
    assert len(analysis.parts) == 2
    first = ranked(passages, {"sysselsattningskrav": 0.03})
    second = ranked(passages, {"eu-dom": 0.03, "sysselsattningskrav": 0.02, "faq-ger-jobb": 0.01})
    answer = comp.compose(analysis, Searches(first, [first, second]), min_confidence=0.0)
    assert [p.doc_id for p in answer.parts] == ["sysselsattningskrav", "faq-ger-jobb"]


@pytest.mark.parametrize(
    "question",
    [
        "oppositionen säger att sysselsättningskrav blir dyrt, stämmer det?",
        "blir det dyrare att ställa sociala krav?",
        "kostar sociala krav mer för kommunen",
    ],
)
def test_whether_social_requirements_cost_more_is_answered_by_the_file_on_what_they_cost(question):
    comp, passages = composer_over(
        {
            ("sysselsattningskrav", "guidance", "Sysselsättningskrav"): {
                "kort-svar": "Ett sysselsättningskrav är ett särskilt kontraktsvillkor."
            },
            ("faq-dyrare", "faq", "Blir upphandlingen dyrare om vi ställer sociala krav?"): {
                "kort-svar": "Inte nödvändigtvis; det beror på kraven."
            },
        }
    )
    comp.documents["faq-dyrare"]["tags"] = ["merkostnad"]
    result = ranked(passages, {"sysselsattningskrav": 0.03, "faq-dyrare": 0.01})
    answer = comp.compose(analyse(question), Searches(result, [result]), min_confidence=0.0)
    assert answer.parts[0].doc_id == "faq-dyrare"


@pytest.mark.parametrize(
    "question",
    [
        "vad kostar en otillåten direktupphandling?",
        "hur mycket kostar det att direktupphandla fel",
        "vad kostar IOP",
    ],
)
def test_what_a_breach_or_a_direct_award_costs_is_another_question(question):
    assert not asks_what_it_costs(analyse(question))


def test_why_a_buyer_should_take_social_considerations_at_all_is_broad():
    from bot.answer.overview import asks_overview

    assert asks_overview(
        analyse("hur förklarar jag för fullmäktige varför vi ska ha sociala krav, ge mig nåt kort")
    )
    assert asks_overview(analyse("varför ska vi ha sociala krav i upphandlingar?"))
