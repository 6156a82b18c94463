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
