"""Referrals: a question that names a topic the knowledge base does not cover is sent to the
right place, and one that only shares a word with such a topic is not."""

import functools
from pathlib import Path

from bot.knowledge.loader import load_knowledge
from bot.search.referrals import Referrals

REFERRALS = Referrals(
    [
        {
            "id": "bolagsverket",
            "kind": "referral",
            "title": "Bolagsverket",
            "topics": ["registrera * ekonomisk förening", "starta * kooperativ", "stadgar"],
        },
        {
            "id": "fragservice",
            "kind": "referral",
            "title": "Frågeservice",
            "default": True,
            "topics": ["förlänga * ramavtal"],
        },
        {"id": "skatteverket", "kind": "referral", "title": "Skatteverket", "topics": ["moms"]},
    ]
)


def matched(question: str) -> str | None:
    found = REFERRALS.match(question)
    return found.referral.id if found else None


def test_a_star_stands_for_the_words_people_put_between():
    assert matched("Hur registrerar vi en ekonomisk förening för kooperativet?") == "bolagsverket"
    assert matched("hur startar man ett kooperativ") == "bolagsverket"
    assert matched("får vi förlänga ett ramavtal som har löpt ut?") == "fragservice"


def test_sharing_a_word_with_a_topic_is_not_naming_it():
    # the legal form of a social enterprise is a question Hänsyn answers
    assert matched("Måste ett socialt företag vara en ekonomisk förening?") is None
    assert matched("Får vi reservera för sociala kooperativ?") is None


def test_the_default_answers_what_no_topic_names():
    assert REFERRALS.for_question("hur gör man en budget?").id == "fragservice"
    assert matched("är det moms på tjänsten?") == "skatteverket"


def test_a_topic_outweighs_a_hint():
    referrals = Referrals(
        [
            {
                "id": "kommunjurist",
                "kind": "referral",
                "title": "K",
                "topics": ["kommunallagen"],
                "hints": ["kommunala bolag"],
            },
            {"id": "konkurrensverket", "kind": "referral", "title": "KV", "topics": ["konkurrenssynpunkt"]},
        ]
    )
    asked = "Vårt kommunala bolag säljer städ till privata företag – är det okej ur konkurrenssynpunkt?"
    assert referrals.for_question(asked).id == "konkurrensverket"


def test_the_words_behind_a_match_come_from_the_phrase_the_question_holds():
    referrals = Referrals(
        [
            {
                "id": "fragservice",
                "kind": "referral",
                "title": "Frågeservice",
                "default": True,
                "topics": ["förlänga * avtal", "avtalsspärr"],
            },
            {
                "id": "do",
                "kind": "referral",
                "title": "DO",
                "topics": ["diskrimineras"],
                "hints": ["diskrimin"],
            },
        ]
    )
    # "avtal" alone is not the topic: the knowledge base speaking of avtal does not cover avtalsspärr
    assert referrals.match("Hur lång avtalsspärr gäller vid förenklat förfarande?").matched == (
        "avtalsspärr",
    )
    assert referrals.match("hon säger att hon diskrimineras, vart vänder hon sig?").matched == (
        "diskrimineras",
    )
    # the principle of non-discrimination in procurement only leans towards DO
    assert referrals.match("Är inte det diskriminering av andra leverantörer?") is None


@functools.cache
def shipped() -> Referrals:
    """The referrals of the shipped knowledge base."""
    root = Path(__file__).resolve().parent.parent / "knowledge"
    return Referrals([{**doc.meta, "id": doc.id, "kind": doc.kind} for doc in load_knowledge(root)])


def sent_to(question: str) -> str | None:
    found = shipped().match(question)
    return found.referral.id if found else None


def test_the_shipped_referrals_send_employer_and_jobseeker_questions_on_but_not_employment_requirements():
    assert (
        sent_to("Får vi säga upp en anställd i kommunen som varit sjukskriven länge?") == "kommunjurist-skr"
    )
    assert sent_to("En anställd vill anmäla diskriminering på jobbet, vart vänder hen sig?") == (
        "diskrimineringsombudsmannen"
    )
    assert sent_to("Vilket stöd kan en arbetssökande få för att starta eget?") == "arbetsformedlingen"
    assert sent_to(
        "vilken skyddsutrustning ska personalen ha när de jobbar med lösningsmedel och kemikalier"
    ) == ("arbetsmiljoverket")
    # "våra egna anställda" only leans towards the employer's lawyer: a named topic outweighs it
    assert shipped().for_question("hur mycket övertid får våra egna anställda göra").id == "kommunjurist-skr"
    # the holiday act is employment law too, not the holiday terms a buyer sets in a contract
    assert sent_to("hur många semesterdagar har en anställd enligt semesterlagen") == "kommunjurist-skr"
    # what membership of an employers' organisation may be required is not in the knowledge base
    assert sent_to("får vi kräva att leverantören är medlem i en arbetsgivarorganisation?") == "fragservice"
    assert shipped().match("måste vi ställa villkor om lön, semester och arbetstid") is None
    assert sent_to("kan vi få lönebidrag för våra egna anställda") == "arbetsformedlingen"
    # a buyer who wants the supplier to give someone a job asks for an employment requirement
    assert sent_to("vi vill att ngn som står långt från arbetsmarknaden ska få jobb, hur gör vi") is None
    # fixed-term posts in the municipality, starting a company, cameras at work
    assert (
        sent_to("hur länge får kommunen ha en undersköterska på visstidsanställning?") == "kommunjurist-skr"
    )
    assert sent_to("hur startar man ett socialt företag?") == "bolagsverket"
    assert sent_to("får vi sätta upp kameror i lokalerna där leverantörens städpersonal jobbar?") == "imy"
    # ... but buying from a social enterprise is the knowledge base's own topic
    assert sent_to("får vi köpa direkt från ett socialt företag?") is None
    # a politician saying who they are asks the knowledge base's question; a question on the
    # competition act is the competition authority's
    assert sent_to("Jag är kommunalråd. Hur får vi in sociala hänsyn i kommunens upphandlingspolicy?") is None
    assert (
        sent_to("Bryter det mot konkurrenslagen om vårt kommunala bolag säljer tjänster?")
        == "konkurrensverket"
    )
    # licences the municipality grants, a journalist asking for the tenders, the municipality's
    # accounts, a new building's climate declaration
    assert sent_to("Behöver kaféet i kommunhuset serveringstillstånd för att sälja öl?") == "kommunjurist-skr"
    # forming a company is the municipality's own power, whichever word comes first
    assert sent_to("Hur bildar en kommun ett aktiebolag?") == "kommunjurist-skr"
    assert sent_to("Måste vi lämna ut anbuden om en journalist begär det?") == "kommunjurist-skr"
    assert sent_to("Hur bokför vi ett bidrag inom ett IOP i kommunens redovisning?") == "kommunjurist-skr"
    assert sent_to("Vad gäller för klimatdeklaration av nya byggnader?") == "bygglov-och-detaljplan"
    # a contract's value is no topic of its own: "kontraktsvärdet … över tröskeln för sociala
    # tjänster" is the knowledge base's question
    assert (
        sent_to(
            "hur räknar vi fram kontraktsvärdet för att veta om vi hamnar över tröskeln för sociala tjänster?"
        )
        is None
    )
    # asking the bot for a tip is not tipping off the supervisory authority
    assert sent_to("kan du tipsa om en bra källa om sociala hänsyn") is None
    assert (
        shipped().for_question("tips inför budgetmötet, vill ha mer social upphandling nästa år").id
        == "fragservice"
    )
    assert sent_to("hur tipsar vi om en upphandling som vi tror bryter mot LOU?") == "konkurrensverket"
    # money to start a social enterprise is the ESF's question, registering one Bolagsverket's
    assert sent_to("kan vi söka ESF-medel för att starta ett socialt företag") == "esf-radet"
    assert (
        sent_to("är det olagligt samarbete om två konkurrenter lämnar gemensamt anbud?") == "konkurrensverket"
    )
    assert sent_to("får sociala företag lämna gemensamt anbud?") is None
    # two topics named as much: the one asked about comes first, the rest qualifies it
    assert sent_to("Hur räknar man arbetsgivaravgifter för en person med nystartsjobb?") == "skatteverket"
    assert sent_to("Vilka delar av anbuden måste vi lämna ut om någon begär ut handlingarna?") == (
        "kommunjurist-skr"
    )
    # money from the European Social Fund is Svenska ESF-rådet's, whatever the fund is called
    assert sent_to("Hur söker vi ESF-medel för ett projekt?") == "esf-radet"
    assert sent_to("kan ett socialt företag få pengar ur europeiska socialfonden?") == "esf-radet"
    # the tax on a social enterprise is Skatteverket's; the municipality's own tax rate and its
    # staff at a transfer of business are the municipality's lawyer's
    assert sent_to("Hur beskattas en ekonomisk förening som driver ett socialt företag?") == "skatteverket"
    assert sent_to("Hur mycket får en kommun höja skatten?") == "kommunjurist-skr"
    assert sent_to("Hur fungerar LAS vid verksamhetsövergång?") == "kommunjurist-skr"
    # which body decides, hiring in the municipality's own administration, letting its premises
    assert sent_to(
        "Kan en nämnd själv anta en policy om sociala hänsyn, eller måste fullmäktige besluta?"
    ) == ("kommunjurist-skr")
    assert sent_to("Hur kan vi anställa fler med funktionsnedsättning i vår egen förvaltning?") == (
        "kommunjurist-skr"
    )
    assert sent_to("Får kommunen hyra ut lokaler billigt till ett socialt företag?") == "kommunjurist-skr"
    # ... but a purchase made by "vår förvaltning" is still a procurement question
    assert sent_to("Vår förvaltning vill köpa tvätt av ett socialt företag, får vi direktupphandla?") is None
    # a hyphenated word names its topic once ("nystartsjobb-anställning" is not two mentions of
    # the job); gifts to staff and the municipality's own staff are the municipality's lawyer's
    assert sent_to("Hur räknar man ut arbetsgivaravgifter för en nystartsjobb-anställning?") == "skatteverket"
    assert sent_to("Får en tjänsteman ta emot en julklapp från en leverantör?") == "kommunjurist-skr"
    assert sent_to("hur lång semester har en kommunanställd?") == "kommunjurist-skr"
    assert sent_to("hur får man f-skatt för ett nystartat företag") == "skatteverket"
    # ... but a supplier convicted of bribery is an exclusion question
    assert sent_to("Måste vi utesluta en leverantör vars vd dömts för mutbrott?") is None


def test_the_words_a_star_stands_for_do_not_count_as_the_topics():
    referrals = Referrals(
        [
            {"id": "bolagsverket", "kind": "referral", "title": "B", "topics": ["starta * socialt företag"]},
            {
                "id": "kommunjurist",
                "kind": "referral",
                "title": "K",
                "topics": ["kommunfullmäktige", "delegera", "nämnd"],
            },
        ]
    )
    # "starta * socialt företag" holds three of its own words here, not five: three topics named
    # alone weigh as much, and come first
    asked = "Får kommunfullmäktige delegera beslutet att starta ett kommunalt socialt företag till en nämnd?"
    assert referrals.match(asked).referral.id == "kommunjurist"
    assert referrals.match("hur startar man ett socialt företag?").referral.id == "bolagsverket"


def test_a_decline_shows_the_paragraph_of_the_referral_on_what_was_asked():
    text = (
        "Registrera en förening hos Bolagsverket.\n\n"
        "Stadgarna skickar du in med registreringen.\n\n"
        "Kooperativ startas som ekonomiska föreningar."
    )
    assert REFERRALS.paragraph_for("vad ska stadgarna innehålla?", text).startswith("Stadgarna skickar")
    assert REFERRALS.paragraph_for("hur startar vi ett kooperativ", text).startswith("Kooperativ startas")
    # a question no topic names (sent to the default) gets the first paragraph
    assert (
        REFERRALS.paragraph_for("hur gör man en budget?", text) == "Registrera en förening hos Bolagsverket."
    )
    assert REFERRALS.paragraph_for("är det moms?", "Fråga Skatteverket.") == "Fråga Skatteverket."


def test_a_word_a_referral_says_is_not_its_topic_does_not_send_the_question_there():
    referrals = Referrals(
        [
            {
                "id": "skatteverket",
                "kind": "referral",
                "title": "Skatteverket",
                "topics": ["skatt"],
                "not_topics": ["skattepengar"],
            },
            {"id": "kommunjurist", "kind": "referral", "title": "Jurist", "topics": ["kommunallagen"]},
        ]
    )
    # public money is not a tax question ...
    assert referrals.match("får vi använda skattepengar till att köpa från sociala företag?") is None
    found = referrals.match("Får kommunen köpa aktier med skattepengar enligt kommunallagen?")
    assert found is not None and found.referral.id == "kommunjurist"
    # ... while the tax itself still is
    found = referrals.match("Hur mycket skatt betalar en ideell förening?")
    assert found is not None and found.referral.id == "skatteverket"


def test_the_shipped_referrals_take_the_cost_of_a_review_and_selling_land_cheaply():
    assert sent_to("vad kostar det att överpröva en upphandling") == "fragservice"
    assert sent_to("Vad kostar en överprövning för leverantören?") == "fragservice"
    assert sent_to("får kommunen sälja mark billigt till ett socialt företag") == "konkurrensverket"
    # a review asked about without its cost is no referral's topic: the knowledge base has it
    assert sent_to("kan en leverantör begära överprövning av ett sysselsättningskrav?") is None


def test_the_shipped_referrals_take_names_published_distorted_competition_and_young_workers_safety():
    assert sent_to("får vi publicera namn på anställda i en nämndprotokoll på webben") == "imy"
    assert sent_to("vårt kommunala bolag snedvrider konkurrensen, vart vänder man sig") == "konkurrensverket"
    assert sent_to("vilka skyddsregler gäller för ungdomar som sommarjobbar") == "arbetsmiljoverket"
    # a summer job asked as a requirement is no referral's topic
    assert sent_to("får vi kräva sommarjobb för ungdomar i parkskötseln?") is None


def test_the_askers_own_seat_is_no_topic():
    referrals = Referrals(
        [{"id": "kommunjurist", "kind": "referral", "title": "K", "topics": ["kommunstyrelsen"]}]
    )
    seat = (
        "sitter i kommunstyrelsen och vill att vi gör mer för folk som står långt från jobb, var börjar man"
    )
    assert referrals.match(seat) is None
    assert referrals.match("får kommunstyrelsen besluta om upphandlingen?").referral.id == "kommunjurist"


def test_which_body_decides_is_a_question_for_the_municipalitys_lawyer():
    assert sent_to("när måste fullmäktige fatta beslut om att inrätta en ny nämnd") == "kommunjurist-skr"
    assert sent_to("Vilken nämnd ska anta kommunens upphandlingspolicy?") == "kommunjurist-skr"
    assert sent_to("Får en nämnd ge föreningsbidrag utan beslut i fullmäktige?") == "kommunjurist-skr"


def test_adding_requirements_to_a_running_contract_is_a_change_of_contract_for_the_help_desk():
    # a "yes, you may demand it" would mislead: a new condition in a running contract is a change of it
    assert sent_to(
        "vi har ett avtal om fönsterputs, kan vi lägga in sysselsättningskrav när vi förlänger det?"
    ) == ("fragservice")
    assert sent_to("kan vi lägga till sociala krav i ett befintligt avtal?") == "fragservice"


def test_a_decision_in_the_committee_and_answering_the_court_in_a_review_are_referred():
    assert sent_to("måste vi ha ett beslut i nämnden innan vi annonserar en reserverad upphandling?") == (
        "kommunjurist-skr"
    )
    assert (
        sent_to("en leverantör har begärt överprövning, hur svarar vi förvaltningsrätten?") == "fragservice"
    )


def test_a_union_blockade_and_an_associations_tax_return_are_referred():
    assert sent_to("facket hotar med blockad mot vår entreprenör, vad gör vi") == "kommunjurist-skr"
    assert sent_to("hur deklarerar en ideell förening") == "skatteverket"


def test_the_shipped_referrals_take_politicians_on_boards_and_forming_a_cooperative():
    assert sent_to("får politiker sitta i styrelsen för ett socialt företag") == "kommunjurist-skr"
    assert sent_to("hur bildar man ett kooperativ") == "bolagsverket"
    assert sent_to("behöver föreningen registrera sig hos skatteverket") == "skatteverket"
    assert sent_to("kan kommunen gå i borgen för ett socialt företag") == "kommunjurist-skr"
    assert sent_to("får en upphandlare jobba extra hos en leverantör") == "kommunjurist-skr"
    assert sent_to("hur ansöker ett socialt företag om startbidrag") == "arbetsformedlingen"
    # the municipality's responsibility for what it buys is the knowledge base's own question
    assert sent_to("vad är kommunens ansvar för arbetsvillkoren hos leverantören?") is None
    # a social enterprise's board asked about without a seat on it is no referral's topic
    assert sent_to("måste ett socialt företag ha en styrelse för att lämna anbud?") is None
