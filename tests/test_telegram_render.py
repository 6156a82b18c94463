"""Telegram rendering as pure functions: escaping, the 4096 split, keyboards and callback data."""

from __future__ import annotations

import re

import pytest
from fake_telegram import ApiError, parse_html
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answer.model import GUIDANCE_NOTE, Answer, Part, PrecedentLine, Referral, Source
from bot.telegram.callbacks import MAX_CALLBACK_BYTES, examples_nav, parse_callback, short_key, start_keyboard
from bot.telegram.cards import (
    precedent_card,
    render_about,
    render_examples,
    render_provision,
    render_reindex_failed,
)
from bot.telegram.html import MAX_MESSAGE, bold_refs, split_html, tg_len, visible_text
from bot.telegram.render import answer_keyboard, render_answer
from bot.telegram.texts import SUGGESTED_QUESTIONS, TEXTS, lang_of, menu, t

URL = "https://www.upphandlingsmyndigheten.se/regler?a=1&b=2"


def source(n: int, title: str = "Reserverad upphandling", url: str | None = URL) -> Source:
    return Source(
        n=n,
        id=f"doc-{n}#kort-svar",
        doc_id=f"doc-{n}",
        title=title,
        kind="guidance",
        refs=["4 kap. 18 § LOU"],
        url=url,
        checked="2026-11-22",
        score=0.9,
        excerpt="…",
    )


def part(text: str, doc_id: str = "doc-1", **kw) -> Part:
    values = dict(
        doc_id=doc_id,
        section="kort-svar",
        heading="Kort svar",
        title="Reserverad upphandling",
        kind="guidance",
        text=text,
    )
    values.update(kw)
    return Part(**values)


def precedent(n: int = 1, **kw) -> PrecedentLine:
    values = dict(
        doc_id=f"ex{n}",
        title="Region Örebro län – cykelservice från Cykelreturen",
        buyer="Region Örebro län",
        county="Örebro län",
        country="Sverige",
        year=2018,
        sector=["fordon och transport"],
        instrument=["direktupphandling från socialt företag"],
        suppliers=["Cykelreturen"],
        url=URL,
    )
    values.update(kw)
    return PrecedentLine(**values)


def answer(short: str = "Ja. Enligt 4 kap. 18 § LOU får ni reservera.", **kw) -> Answer:
    values = dict(
        question="Får vi reservera?",
        answered=True,
        parts=[part(short)],
        refs=["4 kap. 18 § LOU", "art. 20 direktiv 2014/24/EU"],
        sources=[source(1), source(2, "Lag <2016:1145> & förordning")],
        precedents=[precedent()],
    )
    values.update(kw)
    return Answer(**values)


def valid(message: str) -> str:
    """The fake Bot API's HTML check (the same rules as Telegram); returns the visible text."""
    text, _ = parse_html(message)
    assert text.strip()
    assert tg_len(text) <= MAX_MESSAGE
    return text


def test_answer_has_bold_provisions_linked_sources_dates_and_the_guidance_note():
    [message] = render_answer(answer())
    valid(message)
    assert message.startswith("Ja. Enligt <b>4 kap. 18 § LOU</b> får ni reservera.")
    assert "Bestämmelser: <b>4 kap. 18 § LOU</b>, <b>art. 20 direktiv 2014/24/EU</b>" in message
    assert (
        "1. Region Örebro län (2018) – cykelservice från Cykelreturen – direktupphandling från socialt "
        "företag – leverantör: Cykelreturen" in message
    )
    assert (
        '1. <a href="https://www.upphandlingsmyndigheten.se/regler?a=1&amp;b=2">Reserverad upphandling</a> (kontrollerad 2026-11-22)'
        in message
    )
    assert "Lag &lt;2016:1145&gt; &amp; förordning" in message
    assert message.endswith(f"<i>{GUIDANCE_NOTE}</i>")


def test_english_labels_but_swedish_content():
    [message] = render_answer(answer(), "en")
    valid(message)
    assert "Provisions: <b>4 kap. 18 § LOU</b>" in message
    assert "<b>Sources</b>" in message and "checked 2026-11-22" in message
    assert "not a legal decision" in message
    assert "Ja. Enligt" in message


def test_a_declined_question_names_where_to_ask_and_has_no_guidance_note():
    referral = Referral(
        "skatteverket",
        "Skatteverket",
        "https://www.skatteverket.se/",
        "Frågor om moms <svarar> Skatteverket på.",
    )
    a = Answer(question="moms?", answered=False, referral=referral)
    [message] = render_answer(a)
    text = valid(message)
    assert "inget underlag" in text and "Frågor om moms <svarar> Skatteverket på." in text
    assert '<a href="https://www.skatteverket.se/">' in message and GUIDANCE_NOTE not in message
    [english] = render_answer(a, "en")
    assert "Ask Skatteverket:" in english and "Frågor om moms" not in english


def test_a_near_miss_offers_one_button_per_candidate():
    a = Answer(
        question="cykelreturen?",
        answered=False,
        near_miss=[{"doc_id": "region-orebro-cykelreturen", "title": "Region Örebro län – cykelservice"}],
    )
    [message] = render_answer(a)
    assert "Menar du" in valid(message)
    rows = answer_keyboard(a, 7, None, "sv").inline_keyboard
    assert rows[0][0].text == "Region Örebro län – cykelservice"
    assert parse_callback(rows[0][0].callback_data).action == "mean"
    assert parse_callback(rows[0][0].callback_data).args == (short_key("region-orebro-cykelreturen"),)


def test_a_question_about_hansyn_says_what_it_is_for_and_offers_the_overview():
    overview = {
        "doc_id": "faq-oversikt",
        "title": "Reservation, sysselsättningskrav eller villkor – vad passar när?",
    }
    a = Answer(question="vad kan du?", answered=False, about_bot=True, near_miss=[overview])
    for lang in ("sv", "en"):
        [message] = render_answer(a, lang)
        text = valid(message)
        assert "Hänsyn" in text and ("kunskapsbank" in text or "knowledge base" in text)
        assert "inget underlag" not in text and "nothing to answer" not in text
    button = answer_keyboard(a, 7, None, "sv").inline_keyboard[0][0]
    assert (
        button.text.startswith("Reservation, sysselsättningskrav")
        and parse_callback(button.callback_data).action == "mean"
    )


def test_a_question_about_hansyn_answered_with_the_overview_says_what_hansyn_is_first():
    a = answer(
        short="Det beror på vilket problem ni vill lösa.",
        about_bot=True,
        precedents=[],
        question="hej! vad kan du hjälpa mig med",
    )
    [message] = render_answer(a, "sv")
    text = valid(message)
    assert text.startswith("Jag är Hänsyn.")
    assert text.index("Det beror på vilket problem") > text.index("Jag är Hänsyn.")


def test_comparison_sides_stand_under_their_names_in_bold():
    a = answer(
        parts=[
            part("Reservation betyder ...", label="reserverad upphandling"),
            part("Sysselsättningskrav är ...", doc_id="doc-2", label="sysselsättningskrav <x>"),
        ],
        precedents=[],
    )
    [message] = render_answer(a)
    valid(message)
    assert message.startswith("<b>reserverad upphandling</b>\nReservation betyder")
    assert "<b>sysselsättningskrav &lt;x&gt;</b>\nSysselsättningskrav är" in message


def test_a_yes_under_the_users_own_question_and_a_related_one_marked_as_such():
    [asked] = render_answer(answer(parts=[part("Ja, det får ni.", asks="Får vi reservera?")]))
    assert asked.startswith("<i>Svar på frågan ”Får vi reservera?”</i>\nJa, det får ni.")
    [related] = render_answer(answer(parts=[part("Nej.", related="Får vi kräva kollektivavtal?")]))
    assert related.startswith("<i>Närliggande fråga i kunskapsbanken: ”Får vi kräva kollektivavtal?”</i>")
    # in a compound answer the part's name stands first, and the "Nej" still under its own question
    part_of_many = part(
        "Nej.", related="Måste ett socialt företag ha en viss juridisk form?", label="Kan en stiftelse?"
    )
    [message] = render_answer(answer(parts=[part_of_many]))
    assert message.startswith(
        "<b>Kan en stiftelse?</b>\n<i>Närliggande fråga i kunskapsbanken: ”Måste ett socialt företag ha en viss "
        "juridisk form?”</i>\nNej."
    )


def test_a_precedent_list_says_what_was_asked_and_has_a_card_button_per_precedent():
    a = answer(
        parts=[],
        intent="precedents",
        precedents=[precedent(n, buyer=f"Köpare {n} <b>") for n in range(1, 4)],
        precedent_match="some",
        precedent_wanted="på tvätt i Skåne län",
        more_precedents=2,
    )
    [message] = render_answer(a)
    valid(message)
    assert message.startswith("<b>Exempel på tvätt i Skåne län (5 st):</b>")
    assert "3. Köpare 3 &lt;b&gt; (2018)" in message and "… och 2 till" in message
    rows = answer_keyboard(a, 1, "ex1", "sv").inline_keyboard
    cards = [parse_callback(row[0].callback_data) for row in rows[:3]]
    assert [c.action for c in cards] == ["card"] * 3 and cards[2].args == (short_key("ex3"),)
    assert rows[0][0].text == "1. Köpare 1 <b> (2018)"
    none = render_answer(
        answer(
            parts=[], precedents=[precedent()], precedent_match="none", precedent_wanted="på IOP i Kalmar län"
        )
    )
    assert none[0].startswith("<b>Kunskapsbanken har inga kända exempel på IOP i Kalmar län. Närmast är:</b>")
    # a court case shown above is an example of it: the list says none besides it
    ruled = answer(
        parts=[part("Förvaltningsrätten ansåg att uteslutningen var rätt.", kind="case-law")],
        precedents=[precedent()],
        precedent_match="none",
        precedent_wanted="på uteslutning av leverantör",
    )
    assert (
        "Utöver rättsfallet ovan har kunskapsbanken inga kända exempel på uteslutning"
        in render_answer(ruled)[0]
    )


def test_a_precedent_line_says_the_year_once():
    # titles often end with the year; the line already has it after the buyer
    line = precedent(
        title="Kristianstads kommun – tvätt av arbetskläder som Samhall vann (2022)",
        buyer="Kristianstads kommun",
        year=2022,
    )
    [message] = render_answer(
        answer(parts=[], intent="precedents", precedents=[line], precedent_match="some")
    )
    assert "Kristianstads kommun (2022) – tvätt av arbetskläder som Samhall vann – " in message
    assert message.count("2022") == 1


def test_dynamic_strings_are_escaped_everywhere():
    nasty = '<script>alert("x")</script> & <b>fet</b> *md* _md_ [l](http://x)'
    a = answer(nasty, refs=[nasty], sources=[source(1, nasty, url='javascript:alert(1)"')], notes=[nasty])
    a.parts.append(part(nasty, label=nasty))
    a.precedents = [precedent(buyer=nasty, title=nasty, suppliers=[nasty])]
    for message in render_answer(a, truncated_at=1000):
        valid(message)
        assert "<script>" not in message
    assert nasty in visible_text("".join(render_answer(a)))
    assert "javascript" not in "".join(render_answer(a))  # only http(s) links become <a href>


def test_long_answer_is_split_at_paragraph_boundaries_within_the_limit():
    paragraph = "Enligt 4 kap. 18 § LOU får ni reservera. " * 40  # ~1600 characters
    a = answer("\n\n".join([paragraph.strip()] * 6), sources=[source(n) for n in range(1, 30)])
    messages = render_answer(a)
    assert len(messages) > 2
    for message in messages:
        valid(message)
        assert tg_len(message) <= MAX_MESSAGE
        assert not message.startswith("\n") and not message.endswith("\n")
    joined = "\n\n".join(visible_text(m) for m in messages)
    assert joined.count("Enligt 4 kap. 18 § LOU") == 6 * 40
    assert "\n\n".join(messages).count("<b>4 kap. 18 § LOU</b>") >= 6 * 40  # no bold tag was cut


def test_a_paragraph_longer_than_a_message_is_split_at_words_with_tags_reopened():
    text = "<b>" + " ".join(f"ord{n}" for n in range(2000)) + "</b>"
    parts = split_html(text, 500)
    assert len(parts) > 10
    for part in parts:
        valid(part)
        assert tg_len(part) <= 500 and part.startswith("<b>") and part.endswith("</b>")
    assert " ".join(visible_text(p) for p in parts) == visible_text(text)


def test_text_without_spaces_is_split_between_characters_never_inside_a_tag_or_entity():
    text = "<i>" + "&amp;" * 300 + '<a href="https://x.se/?a=1&amp;b=2">' + "x" * 700 + "</a></i>"
    parts = split_html(text, 256)
    for part in parts:
        valid(part)
        assert tg_len(part) <= 256
    assert "".join(visible_text(p) for p in parts) == visible_text(text)


def test_emoji_count_as_two_units():
    text = "👍" * 3000  # 3000 characters, 6000 UTF-16 units
    parts = split_html(text)
    assert len(parts) == 2 and all(tg_len(p) <= MAX_MESSAGE for p in parts)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", "b", "i", "code"]),
            st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300),
        ),
        min_size=1,
        max_size=30,
    ),
    st.integers(min_value=60, max_value=800),
)
def test_any_escaped_text_splits_into_valid_messages(blocks, limit):
    from bot.telegram.texts import esc

    html_blocks = [f"<{tag}>{esc(text)}</{tag}>" if tag else esc(text) for tag, text in blocks]
    source_html = "\n\n".join(html_blocks)
    parts = split_html(source_html, limit)
    for part in parts:
        assert tg_len(part) <= limit
        try:
            parse_html(part)
        except ApiError as exc:  # pragma: no cover - shown on failure
            pytest.fail(f"{exc.description}: {part!r}")
    squash = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    assert squash("".join(visible_text(p) for p in parts)) == squash(visible_text(source_html))


def test_keyboard_has_feedback_more_and_examples_with_short_versioned_data():
    long_id = "reserverad-upphandling-valfardstjanster-ideburna-organisationer#vad-lagen-sager-om-detta"
    a = answer(precedents=[], more_id=long_id)
    keyboard = answer_keyboard(a, 123456789012, long_id.split("#")[0], "sv")
    rows = keyboard.inline_keyboard
    assert [b.text for b in rows[0]] == ["👍", "👎"]
    assert [b.text for b in rows[1]] == ["Visa mer", "Liknande exempel"]
    for button in (b for row in rows for b in row):
        assert len(button.callback_data.encode()) < MAX_CALLBACK_BYTES
        assert button.callback_data.startswith("v1:")
    assert parse_callback(rows[0][0].callback_data).args == ("+", "123456789012")
    assert parse_callback(rows[0][1].callback_data).args == ("-", "123456789012")
    assert parse_callback(rows[1][0].callback_data).args == (short_key(long_id),)
    assert parse_callback(rows[1][1].callback_data).action == "exs"
    assert len(answer_keyboard(answer(precedents=[]), None, None, "en").inline_keyboard) == 1


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "v0:fb:+:1",
        "v2:fb:+:1",
        "v1:fb:x:1",
        "v1:fb:+:abc",
        "v1:more:zz",
        "v1:nope",
        "garbage",
        "v1:ex:t::1",
    ],
)
def test_foreign_or_stale_callback_data_is_rejected(data):
    assert parse_callback(data) is None


def test_start_keyboard_and_menus():
    keyboard = start_keyboard(SUGGESTED_QUESTIONS)
    assert [row[0].text for row in keyboard.inline_keyboard] == list(SUGGESTED_QUESTIONS)
    assert [parse_callback(row[0].callback_data).args for row in keyboard.inline_keyboard] == [
        ("0",),
        ("1",),
        ("2",),
    ]
    sv, en, admin = menu("sv"), menu("en"), [c for c, _ in menu("sv", admin=True)]
    assert "hjalp" in dict(sv) and "help" not in dict(sv) and "help" in dict(en)
    assert {"reindex", "stats", "luckor", "export"} <= set(admin)
    assert not {"reindex", "stats"} & set(dict(sv))


def test_precedent_cards_page_with_buttons_and_escape_fields():
    records = [
        {
            "id": f"ex{n}",
            "title": f"Exempel {n} <&>",
            "buyer": "Region Örebro län",
            "suppliers": ["Cykelreturen", "Samhall"],
            "year": 2017 if n % 2 else None,
            "instrument": ["reserverad-4-18"],
            "outcome": "Avtal tecknat",
            "sources": [{"url": URL, "title": "Källan"}],
            "checked": "2026-11-22",
        }
        for n in range(7)
    ]
    topic = "cykel:service åäö"
    nav = examples_nav("t", topic)
    first = render_examples(records, 0, "sv", topic, nav)
    valid(first.text)
    assert "Exempel 1–3 av 7 om ”cykel:service åäö”" in first.text
    assert first.text.count("Köpare: Region Örebro län") == 3
    assert "Leverantör: Cykelreturen, Samhall" in first.text and "År: uppgift saknas" in first.text
    assert "Exempel 0 &lt;&amp;&gt;" in first.text
    [[next_button]] = first.keyboard.inline_keyboard
    assert parse_callback(next_button.callback_data).args == ("t", topic, "1")
    last = render_examples(records, 2, "sv", topic, nav)
    assert "Exempel 7–7 av 7" in last.text and [b.text for b in last.keyboard.inline_keyboard[0]] == [
        "◀️ Föregående"
    ]
    assert render_examples([], 0, "sv", "bananer", nav).keyboard is None
    assert "bananer" in render_examples([], 0, "sv", "bananer", nav).text
    valid(precedent_card({"title": "x", "sources": []}, "en"))


def test_provision_about_and_reindex_failure_render_valid_html():
    law = {
        "id": "lou",
        "title": "4 kap. 18 § LOU – reserverade kontrakt",
        "kind": "law",
        "sources": [{"url": URL, "title": "LOU"}],
        "checked": "2026-11-22",
    }
    [message] = render_provision("4 kap. 18 § LOU", [law], {"lou": "Bestämmelsen i 4 kap. 18 § LOU …"}, "sv")
    valid(message)
    assert message.startswith("<b>4 kap. 18 § LOU</b> i kunskapsbanken") and "(lagtext)" in message
    assert "kunskapsbanken säger inget" in render_provision("99 kap. 1 § LOU", [], {}, "sv")[0].lower()
    about = render_about(
        {
            "documents": 6,
            "passages": 15,
            "counts_by_kind": {"law": 1, "faq": 2},
            "newest_checked": "2026-11-22",
            "built_at": "2026-11-22T03:59:12+00:00",
            "build_id": "b1",
        },
        "0.1.0",
        "sv",
    )
    valid(about)
    assert "6 filer, 15 avsnitt (vanlig fråga 2, lagtext 1)" in about
    problems = [
        f"knowledge/guidance/x{n}.md: refs: '<bad & ref>' är ingen känd hänvisningsform" for n in range(500)
    ]
    failed = render_reindex_failed(problems, "sv")
    valid(failed)
    assert "500 problem" in failed and "… och" in failed and "&lt;bad &amp; ref&gt;" in failed


def test_bold_refs_escapes_around_references():
    assert bold_refs("a < b enligt 4:18 & C-31/87") == "a &lt; b enligt <b>4:18</b> &amp; <b>C-31/87</b>"


def test_texts_exist_in_both_languages_and_are_valid_html():
    assert set(TEXTS["sv"]) - {"no_basis", "guidance_note"} <= set(TEXTS["en"])
    for lang in ("sv", "en"):
        for key in TEXTS[lang]:
            values = {name: "x" for name in re.findall(r"{(\w+)}", TEXTS[lang][key])}
            parse_html(t(key, lang, **values)) if values else parse_html(t(key, lang))


def test_language_choice():
    class U:
        def __init__(self, code):
            self.language_code = code

    assert lang_of(U("en-GB")) == "en" and lang_of(U("sv")) == "sv"
    assert lang_of(U(None)) == "sv" and lang_of(U("fi")) == "sv" and lang_of(None) == "sv"


def test_a_case_abroad_is_not_labelled_with_the_swedish_provision_that_did_not_apply_there():
    from bot.answer.precedent_list import line

    wales = {
        "id": "wales",
        "title": "Wales",
        "buyer": "WCVA",
        "country": "Storbritannien",
        "instrument": ["reserverad-4-18", "arbetsrattsliga-villkor"],
        "sources": [{"url": URL, "title": "Källan"}],
    }
    card = precedent_card(wales, "sv")
    assert "reserverad upphandling" in card and "LOU" not in card
    assert line(wales).instrument == ["reserverad upphandling", "arbetsrättsliga villkor"]
    # a Swedish case keeps its provision
    assert line(wales | {"country": "Sverige"}).instrument[0] == "reserverad upphandling (4 kap. 18 § LOU)"
