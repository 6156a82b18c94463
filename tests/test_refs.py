import pytest

from bot.knowledge.refs import RefError, find_refs, parse_ref


@pytest.mark.parametrize(
    "text",
    [
        "4 kap. 18 § LOU",
        "19 kap. 25 a § LOU",
        "17 kap. 2–5 §§ LOU",
        "19 kap. LOU",
        "19 a kap. LOU",
        "19 a kap. 2 § LOU",
        "4 kap. 2 § LOV",
        "13 kap. 3 § 1 p. LOU",
        "bilaga 2 LOU",
        "art. 20 direktiv 2014/24/EU",
        "skäl 99 direktiv 2014/24/EU",
        "art. 56 FEUF",
        "C-31/87",
        "HFD 2019 ref. 31",
        "NJA 2019 s. 100",
        "Kammarrätten i Göteborg mål 3556-18",
        "prop. 2016/17:163",
        "SOU 2025:29",
    ],
)
def test_canonical_forms_round_trip(text):
    assert str(parse_ref(text)) == text


def test_structured_fields():
    ref = parse_ref("19 kap. 25 a § LOU")
    assert (ref.kind, ref.law, ref.chapter, ref.paragraph) == ("statute", "LOU", "19", "25 a")
    rng = parse_ref("17 kap. 2–5 §§ LOU")
    assert rng.paragraphs() == ["2", "3", "4", "5"]
    assert parse_ref("C-513/99").kind == "cjeu"
    assert parse_ref("art. 20 direktiv 2014/24/EU").kind == "eu"


@pytest.mark.parametrize(
    "bad", ["", "4 kap 18", "18 §", "4 kap. 18 § XYZ", "paragraf fyra", "4 kap. 18 § LOU och mer"]
)
def test_unparseable_refs_are_rejected(bad):
    with pytest.raises(RefError):
        parse_ref(bad)


@pytest.mark.parametrize(
    "question", ["Vad säger 4 kap. 18 §?", "vad betyder 4:18", "18 § LOU då?", "4 kap 18§"]
)
def test_question_forms_reach_the_same_provision(question):
    canonical = parse_ref("4 kap. 18 § LOU")
    refs = find_refs(question)
    assert refs, question
    assert refs[0].query_keys() & canonical.keys()


def test_free_text_ignores_statute_numbers_and_propositions():
    refs = find_refs("Lagen (2016:1145) och prop. 2016/17:163 samt 2014/24/EU")
    assert [str(r) for r in refs] == ["prop. 2016/17:163"]


def test_range_covers_each_paragraph():
    assert parse_ref("17 kap. 3 § LOU").keys() & parse_ref("17 kap. 2–5 §§ LOU").keys()
    assert not (parse_ref("17 kap. 6 § LOU").query_keys() & parse_ref("17 kap. 2–5 §§ LOU").keys())


def test_a_provision_typed_loosely_is_read_as_written():
    from bot.search.textproc import written_refs

    def asked(text: str) -> list[str]:
        return [str(r) for r in find_refs(written_refs(text))]

    assert asked("vad innebär paragrafen 19 kap. 25 a i LOU för oss?") == ["19 kap. 25 a § LOU"]
    assert asked("4 kap 2 § i lagen om valfrihetssystem, vad innebär den?") == ["4 kap. 2 § LOV"]
    assert asked("4 kap 18 lou") == ["4 kap. 18 § LOU"]
    # no "§", the letter glued on, no law named: LOU
    assert asked("reserverad upphandlin 19 kap 25a vad krävs") == ["19 kap. 25 a § LOU"]
    assert asked("vad säger 4 kap. 18?") == ["4 kap. 18 § LOU"]
    # a range typed with a hyphen stays a range; "4:18" is chapter and paragraph
    assert asked("vad säger 17 kap 2-5 lou om lön") == ["17 kap. 2–5 §§ LOU"]
    assert asked("17 kap. 2–5 §§ LOU") == ["17 kap. 2–5 §§ LOU"]
    assert asked("reservera enligt 4:18 eller 19:25a?") == ["4 kap. 18 § LOU", "19 kap. 25 a § LOU"]
    assert asked("17:2-5") == ["17 kap. 2–5 §§ LOU"]
    # ... but not a citation's number or a time
    assert asked("enligt prop. 2021/22:5, mötet kl 10:30") == ["prop. 2021/22:5"]


def test_a_paragraph_asked_is_found_in_the_file_on_its_whole_chapter():
    from bot.knowledge.refs import chapters_of, most_specific

    assert chapters_of({"ref:lou:16:1", "ref:lou:*:1"}) == {"ref:lou:16"}
    # a file on 16 kap. 7 § is not the file on the whole of 16 kap.
    assert most_specific(parse_ref("16 kap. 7 § LOU").keys()) == {"ref:lou:16:7"}
    assert most_specific(parse_ref("16 kap. LOU").keys()) == {"ref:lou:16"}
    # every paragraph of a range, whatever order the set is read in
    assert most_specific(parse_ref("17 kap. 2–5 §§ LOU").keys()) == {f"ref:lou:17:{n}" for n in range(2, 6)}
