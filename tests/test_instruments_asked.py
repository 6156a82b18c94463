"""The instrument a question asks about, in the words people use, and wording that asks for
precedents: what the answer filters its precedents by and leads with."""

from bot.answer.filters import detect_instruments
from bot.answer.precedent_words import asks_for_precedents
from bot.search.textproc import words


def instruments(text: str) -> list[str]:
    return detect_instruments(text, words(text))


def test_fair_conditions_for_goods_ask_about_the_supply_chain_not_the_staff():
    asked = "kommun som ställt krav på schyssta villkor för livsmedel typ kaffe eller bananer?"
    assert "sociala-kontraktsvillkor" in instruments(asked)
    assert "arbetsrattsliga-villkor" not in instruments(asked)
    assert "sociala-kontraktsvillkor" in instruments("får vi kräva rättvisemärkt kaffe?")
    # the supplier's own staff: labour-law conditions
    assert instruments("kan vi kräva schyssta villkor för städpersonalen?") == ["arbetsrattsliga-villkor"]


def test_a_contract_given_without_competition_is_a_direct_award():
    asked = "får vi ge ett socialt företag kontraktet utan konkurrens"
    assert "direktupphandling-socialt-foretag" in instruments(asked)


def test_questions_that_ask_what_buyers_did():
    assert asks_for_precedents("har flera kommuner gått ihop och upphandlat med sysselsättningskrav")
    assert asks_for_precedents("kommun som ställt krav på schyssta villkor för kaffe?")
    assert asks_for_precedents("en region som reserverat städningen?")
    # a question about the rules that opens with the buyer is no lookup
    assert not asks_for_precedents("kommun som vill reservera, hur gör vi?")
