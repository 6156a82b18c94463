"""A compound question or a comparison with one part the knowledge base has no basis for (VAT,
tender periods) answers the other part and tells where to ask about that one, instead of
declining the whole question. Referrals are not chunked into passages: their short answer is kept
on their record, as in a real index."""

from composer_kit import composer_over, ranked

from bot.answer.analysis import analyse
from bot.answer.compose import Searches
from bot.search.referrals import Referrals

VAT = "Frågor om moms och skatt svarar Skatteverket på."


def refer(comp, referral_id: str, title: str, topic: str, summary: str) -> None:
    """A referral as a real index holds it: a record with its short answer, and no passages."""
    record = {"id": referral_id, "kind": "referral", "title": title, "topics": [topic]}
    comp.documents[referral_id] = record | {"summary": summary}
    comp.referrals = Referrals([record])


def composer():
    comp, passages = composer_over(
        {
            ("faq-kollektivavtal", "faq", "Får vi kräva att leverantören har kollektivavtal?"): {
                "kort-svar": "Nej, men ni kan ställa krav på villkorens nivå."
            },
            ("ord-sociala-hansyn", "glossary", "Sociala hänsyn"): {
                "kort-svar": "Sociala hänsyn är krav som tar sikte på sociala frågor."
            },
        }
    )
    refer(comp, "skatteverket", "Moms – fråga Skatteverket", "moms", VAT)
    return comp, passages


def test_the_part_in_scope_is_answered_and_the_other_told_where_to_ask():
    comp, passages = composer()
    analysis = analyse("kan vi kräva kollektivavtal och hur räknar vi ut momsen?")
    assert len(analysis.parts) == 2
    agreement = ranked(passages, {"faq-kollektivavtal": 0.03})
    answer = comp.compose(analysis, Searches(agreement, [agreement, agreement]), min_confidence=0.0)
    assert answer.answered
    assert [p.doc_id for p in answer.parts] == ["faq-kollektivavtal", "skatteverket"]
    assert answer.parts[1].text == VAT and answer.parts[1].label == "hur räknar vi ut momsen"


def test_a_question_only_on_vat_is_still_declined_with_its_referral():
    comp, passages = composer()
    analysis = analyse("hur räknar vi ut momsen på fakturan?")
    result = ranked(passages, {"faq-kollektivavtal": 0.03})
    answer = comp.compose(analysis, Searches(result, [result]), min_confidence=0.0)
    assert not answer.answered and answer.referral.id == "skatteverket"


def test_a_side_on_vat_is_told_where_to_ask_beside_the_side_in_scope():
    comp, passages = composer()
    analysis = analyse("vad skiljer sociala hänsyn från moms")
    social = ranked(passages, {"ord-sociala-hansyn": 0.03})
    answer = comp.compose(analysis, Searches(social, [], [social, social]), min_confidence=0.0)
    assert answer.answered
    assert [(p.label, p.doc_id) for p in answer.parts] == [
        ("sociala hänsyn", "ord-sociala-hansyn"),
        ("moms", "skatteverket"),
    ]


def test_the_buyers_own_duties_as_employer_are_told_where_to_ask_though_a_file_names_them():
    comp, passages = composer_over(
        {
            (
                "faq-jamstalldhet",
                "faq",
                "Får vi kräva att leverantören arbetar med aktiva åtgärder mot diskriminering?",
            ): {"kort-svar": "Ja, aktiva åtgärder enligt diskrimineringslagen kan krävas av leverantören."},
        }
    )
    refer(
        comp,
        "do",
        "Diskriminering – fråga DO",
        "aktiva åtgärder",
        "Frågor om diskrimineringslagen svarar DO på.",
    )
    result = ranked(passages, {"faq-jamstalldhet": 0.03})
    as_employer = analyse("Vilka aktiva åtgärder mot diskriminering måste kommunen göra som arbetsgivare?")
    answer = comp.compose(as_employer, Searches(result, [result]), min_confidence=0.0)
    assert not answer.answered and answer.referral.id == "do"
    of_supplier = analyse("kan vi kräva att leverantören som arbetsgivare gör aktiva åtgärder?")
    assert comp.compose(of_supplier, Searches(result, [result]), min_confidence=0.0).answered


def test_a_part_on_what_the_buyer_may_do_to_a_supplier_is_answered_though_it_names_a_referral():
    comp, passages = composer_over(
        {
            ("faq-utesluta", "faq", "Får vi utesluta en leverantör som brutit mot arbetsrätten?"): {
                "kort-svar": "Det beror på omständigheterna, enligt 13 kap. 3 § LOU."
            },
        }
    )
    refer(
        comp,
        "av",
        "Arbetsmiljö – fråga Arbetsmiljöverket",
        "arbetsmiljöverket",
        "Frågor om arbetsmiljö svarar Arbetsmiljöverket på.",
    )
    analysis = analyse(
        "kan vi utesluta ett bolag som fått böter av Arbetsmiljöverket, och hur kontrollerar vi det?"
    )
    assert len(analysis.parts) == 2
    result = ranked(passages, {"faq-utesluta": 0.03})
    answer = comp.compose(analysis, Searches(result, [result, result]), min_confidence=0.0)
    assert "av" not in [p.doc_id for p in answer.parts]
