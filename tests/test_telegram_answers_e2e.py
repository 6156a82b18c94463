"""Answers shaped by the question, end to end through the real PTB client and the fake Bot API:
comparison blocks, precedent lists with a card button per precedent, "Menar du …?" buttons that
answer the chosen file, and declines that name the right place to ask."""

from __future__ import annotations

import pytest
from fake_telegram import USER
from test_telegram_e2e import ENGLISH, buttons, checked_bot, eventually, has_keyboard


@pytest.fixture
async def bot(fake, settings, pipeline):
    async for h in checked_bot(fake, settings, pipeline):
        yield h


async def test_a_comparison_shows_each_side_under_its_name(bot):
    _, reply = await bot.ask("Vad är skillnaden mellan reserverad upphandling och arbetsrättsliga villkor?")
    html = reply.text
    assert "<b>reserverad upphandling</b>\n" in html and "<b>arbetsrättsliga villkor</b>\n" in html
    assert "<b>4 kap. 18 § LOU</b>" in html  # the reservation side
    assert "kollektivavtal" in html  # the labour-law side
    assert html.index("<b>reserverad upphandling</b>") < html.index("<b>arbetsrättsliga villkor</b>")


async def test_a_comparison_in_english_keeps_swedish_content_and_english_labels(bot):
    _, reply = await bot.ask(
        "Vad är skillnaden mellan reserverad upphandling och arbetsrättsliga villkor?", user=ENGLISH
    )
    assert "<b>Sources</b>" in reply.text and "Provisions:" in reply.text
    assert "<b>arbetsrättsliga villkor</b>" in reply.text


async def test_a_precedent_lookup_lists_the_matches_and_each_button_opens_a_card(bot, fake):
    message, reply = await bot.ask("Vilka kommuner har reserverat upphandlingar? Ge exempel")
    html = reply.text
    assert html.startswith("<b>Exempel på reserverad upphandling hos kommuner i Sverige (2 st):</b>")
    assert "1. Vänersborgs kommun (2017)" in html or "1. Kristianstads kommun (2022)" in html
    assert "Region Örebro län" not in html  # a direct award by a region does not match
    cards = {text: data for text, data in buttons(reply).items() if data.startswith("v1:card:")}
    assert set(cards) == {"1. Vänersborgs kommun (2017)", "2. Kristianstads kommun (2022)"} or set(cards) == {
        "1. Kristianstads kommun (2022)",
        "2. Vänersborgs kommun (2017)",
    }
    after = fake.mark("sendMessage")
    label = next(text for text in cards if "Vänersborg" in text)
    query = fake.press(cards[label], reply.result)
    [card] = await fake.wait_for("sendMessage", after=after)
    assert query in fake.answered
    assert card.text.startswith("<b>Vänersborgs kommun – gatustädning")
    for field in (
        "Köpare: Vänersborgs kommun (kommun)",
        "Var: Vänersborg, Västra Götalands län",
        "År: 2017",
        "Social hänsyn: reserverad upphandling (4 kap. 18 § LOU)",
        "Leverantör: Servicekompaniet",
        "Prövning i domstol: ingen känd",
        "Område: park och grönyta, städ och lokalvård",
    ):
        assert field in card.text, field
    assert '<a href="https://tillvaxtverket.se/' in card.text


async def test_a_place_without_precedents_is_said_plainly_with_the_closest(bot):
    _, reply = await bot.ask("Finns det exempel från Norrbotten?")
    assert reply.text.startswith(
        "<b>Kunskapsbanken har inga kända exempel i Norrbottens län. Närmast är:</b>"
    )
    assert sum(1 for data in buttons(reply).values() if data.startswith("v1:card:")) >= 2


async def test_a_near_miss_offers_the_file_and_pressing_it_answers(bot, fake):
    message, reply = await bot.ask("Vad tjänar vd:n på Servicekompaniet numera?")
    assert "Menar du" in reply.text and "inget underlag" in reply.text
    meant = {t: d for t, d in buttons(reply).items() if d.startswith("v1:mean:")}
    [(title, data)] = meant.items()
    assert title.startswith("Vänersborgs kommun – gatustädning")
    after = fake.mark("sendMessage")
    fake.press(data, reply.result)
    [answer] = await fake.wait_for("sendMessage", has_keyboard, after=after)
    assert "Servicekompaniet vann" in answer.text and "<b>4 kap. 18 § LOU</b>" in answer.text
    await bot.settle()
    rows = await eventually(lambda: list(bot.db().query("SELECT * FROM questions ORDER BY id")))
    assert rows[0]["answered"] == 0 and rows[0]["near_miss"] == '["vanersborg-servicekompaniet"]'
    assert rows[-1]["answered"] == 1 and rows[-1]["top_doc_id"] == "vanersborg-servicekompaniet"


async def test_a_vat_question_is_sent_to_skatteverket(bot):
    _, reply = await bot.ask("Hur blir det med momsen när kommunen köper cykelservice?", user=USER)
    assert "Frågor om moms och skatt svarar Skatteverket på." in reply.text
    assert 'Fråga Skatteverket: <a href="https://www.skatteverket.se/">' in reply.text
    assert "Vägledning från Hänsyns kunskapsbank" not in reply.text
    await bot.settle()
    [row] = await eventually(lambda: list(bot.db().query("SELECT * FROM questions")))
    assert row["answered"] == 0 and row["referral"] == "skatteverket"
