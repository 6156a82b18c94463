"""A question that quotes a file's own phrasing ranks that file first."""

from bot.search.phrasings import Phrasings

DOCS = {
    "faq-folja-upp": {
        "kind": "faq",
        "title": "Kan vi följa upp sysselsättningskrav – och hur gör vi?",
        "questions": ["Hur följer vi upp kraven på praktikplatser i avtalet?"],
    },
    "sysselsattningskrav": {
        "kind": "guidance",
        "title": "Sysselsättningskrav",
        "questions": [
            "Hur följer vi upp kraven på praktikplatser i avtalet?",
            "Kan vi kräva praktikplatser för unga i ett byggkontrakt?",
        ],
    },
    "ord-praktikplats": {"kind": "glossary", "title": "Praktikplats", "questions": []},
}
for _id, _record in DOCS.items():
    _record["id"] = _id


def test_a_phrasing_held_whole_picks_its_file():
    phrasings = Phrasings(DOCS)
    assert (
        phrasings.quoted_file("kan vi kräva praktikplatser för unga i ett byggkontrakt i Umeå?")
        == "sysselsattningskrav"
    )


def test_a_phrasing_two_files_share_is_the_faqs():
    phrasings = Phrasings(DOCS)
    asked = "Hur följer vi upp kraven på praktikplatser i avtalet under året?"
    assert phrasings.quoted_file(asked) == "faq-folja-upp"


def test_a_question_whether_that_quotes_a_law_text_is_answered_by_the_faq_it_nearly_quotes():
    docs = {
        "lou-17-1": {
            "kind": "law",
            "title": "17 kap. 1 § LOU",
            "questions": ["Får vi kräva att leverantören anställer långtidsarbetslösa under avtalet?"],
        },
        "faq-anstalla": {
            "kind": "faq",
            "title": "Får vi kräva att leverantören anställer långtidsarbetslösa?",
            "questions": [],
        },
    }
    for id_, record in docs.items():
        record["id"] = id_
    phrasings = Phrasings(docs)
    asked = "Får vi kräva att leverantören anställer långtidsarbetslösa under avtalstiden?"
    assert phrasings.quoted_file(asked) == "faq-anstalla"
    # a question about the provision itself still quotes the law text
    assert phrasings.quoted_file(
        "vad säger lagen om villkor att anställa långtidsarbetslösa under avtalet"
    ) != ("faq-anstalla")


RESERVE = {
    "id": "faq-reservera",
    "kind": "faq",
    "title": "Får vi reservera en upphandling för sociala företag?",
    "questions": [],
}


def test_a_question_about_local_suppliers_does_not_quote_one_that_names_none():
    docs = {"faq-reservera": RESERVE}
    phrasings = Phrasings(docs)
    assert phrasings.quoted_file("får vi reservera en upphandling för sociala företag?") == "faq-reservera"
    assert phrasings.quoted_file("får vi reservera en upphandling för bara lokala sociala företag") is None

    # ... but a file on local firms is quoted in its own words for them, whichever they are
    docs["faq-lokala"] = {
        "id": "faq-lokala",
        "kind": "faq",
        "title": "Får vi gynna lokala företag i upphandlingen?",
        "questions": ["kan vi kräva att leverantören finns i kommunen"],
    }
    phrasings = Phrasings(docs)
    assert phrasings.quoted_file("Kan vi kräva att leverantören har sitt säte i kommunen?") == "faq-lokala"


def test_a_question_that_puts_another_word_in_a_phrasings_place_does_not_quote_it():
    docs = {
        "lokala": {
            "id": "lokala",
            "kind": "guidance",
            "title": "Lokala leverantörer",
            "questions": [
                "får vi begränsa upphandlingen till svenska företag?",
                "får vi begränsa upphandlingen till lokala företag?",
            ],
        },
        "faq-reservera": RESERVE,
    }
    phrasings = Phrasings(docs)
    # its "Nej" on Swedish or local firms would answer a question on social enterprises wrongly
    assert phrasings.quoted_file("får vi begränsa upphandlingen till sociala företag?") is None
    # a misspelt word is still the phrasing's
    assert phrasings.quoted_file("får vi reservera en upphandling för socila företag?") == "faq-reservera"
