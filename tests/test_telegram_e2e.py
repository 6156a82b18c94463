"""The Telegram bot end to end, offline: the real python-telegram-bot client built by
`build_application()` long-polls a fake Bot API server on 127.0.0.1 (tests/fake_telegram.py).

Every scenario goes through getUpdates with offsets; the `serve` tests run the real command in a
subprocess. A recording error handler is registered and must stay empty.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import signal
import sys
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from botkit import NEW_FAQ
from click.testing import CliRunner
from fake_telegram import ADMIN, BOT_USER, TOKEN, USER, Call, FakeTelegram

from bot.log.questionlog import QuestionLog
from bot.log.schema import open_db
from bot.telegram import admin as tg_admin
from bot.telegram.app import ALLOWED_UPDATES, api_urls, build_application, webhook_secret
from bot.telegram.handlers import DEPS_KEY
from bot.telegram.texts import SUGGESTED_QUESTIONS

QUESTION = "Får vi reservera en upphandling för sociala företag?"
GROUP = {"id": -1001234, "type": "supergroup", "title": "Kommunstyrelsen"}
ENGLISH = {**USER, "id": 3003, "language_code": "en"}
OTHER = {**USER, "id": 4004}


@dataclasses.dataclass
class Harness:
    app: object
    fake: FakeTelegram
    pipeline: object
    settings: object
    errors: list

    @property
    def deps(self):
        return self.app.bot_data[DEPS_KEY]

    async def ask(self, text: str, user: dict = USER, chat: dict | None = None, **kw) -> tuple[dict, Call]:
        """Send a text and wait for the bot's answer to it (the message with the buttons)."""
        message = self.fake.send_text(text, user=user, chat=chat, **kw)
        return message, await self.reply_to(message, has_keyboard)

    async def reply_to(self, message: dict, predicate=None, timeout: float = 5.0) -> Call:
        """The bot's first message (matching `predicate`) in reply to `message`."""
        answers = self.fake.answers(message)
        calls = await self.fake.wait_for(
            "sendMessage", lambda c: answers(c) and (predicate is None or predicate(c)), timeout=timeout
        )
        return calls[0]

    async def settle(self) -> None:
        """Let fire-and-forget log writes finish (the daily purge task runs on)."""
        for _ in range(250):
            if all(t.done() or t.get_name() == "hansyn-purge" for t in self.deps.tasks):
                return
            await asyncio.sleep(0.02)

    def db(self):
        return open_db(self.settings.db_path)


async def eventually(check, timeout: float = 15.0):
    """Poll `check()` until it returns something truthy (log rows are written after replies)."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            assert result, "condition not met in time"
            return result
        await asyncio.sleep(0.02)


def quotes(call: Call, message: dict) -> bool:
    return (call.params.get("reply_parameters") or {}).get("message_id") == message["message_id"]


def has_keyboard(call: Call) -> bool:
    return bool(call.params.get("reply_markup"))


def buttons(call: Call) -> dict[str, str]:
    rows = (call.params.get("reply_markup") or {}).get("inline_keyboard", [])
    return {b["text"]: b.get("callback_data") for row in rows for b in row}


async def start_bot(fake, settings, pipeline, **kw) -> Harness:
    settings = dataclasses.replace(settings, telegram_token=TOKEN)
    qlog = QuestionLog.from_settings(settings)
    kw.setdefault("heartbeat_file", settings.db_path.parent / "heartbeat")
    app = build_application(settings, pipeline, qlog, base_url=fake.base_url, **kw)
    errors: list = []

    async def record(update, context) -> None:
        errors.append(context.error)

    app.add_error_handler(record)
    await app.initialize()
    await app.post_init(app)
    await app.updater.start_polling(timeout=10, allowed_updates=ALLOWED_UPDATES)
    await app.start()
    return Harness(app, fake, pipeline, settings, errors)


async def stop_bot(h: Harness) -> None:
    await h.settle()
    await h.app.updater.stop()
    await h.app.stop()
    await h.app.shutdown()
    await h.app.post_shutdown(h.app)


async def checked_bot(fake, settings, pipeline) -> AsyncIterator[Harness]:
    """A bot for one test; once it has stopped, no handler may have failed and the fake Bot
    API may have rejected no call."""
    h = await start_bot(fake, settings, pipeline)
    yield h
    await stop_bot(h)
    assert h.errors == [], f"handler errors: {h.errors!r}"
    assert fake.rejected() == [], f"the fake Bot API rejected calls: {fake.rejected()}"


@pytest.fixture
async def bot(fake, settings, pipeline):
    async for h in checked_bot(fake, settings, pipeline):
        yield h


# --- start-up, /start, questions -------------------------------------------------------------


async def test_start_sets_the_menus_and_offers_three_questions(bot, fake, tmp_path):
    menus = {key: [c["command"] for c in commands] for key, commands in fake.commands.items()}
    default = json.dumps({"type": "default"})
    assert menus[(default, None)] == ["start", "fraga", "exempel", "lag", "hjalp", "om"]
    assert menus[(default, "en")] == ["start", "fraga", "exempel", "lag", "help", "om"]
    admin_scope = json.dumps({"chat_id": 1001, "type": "chat"}, sort_keys=True)
    assert {"reindex", "stats", "luckor", "export"} <= set(menus[(admin_scope, None)])
    [poll, *_] = await fake.wait_for("getUpdates")
    assert poll.params["allowed_updates"] == ALLOWED_UPDATES
    assert poll.params["timeout"] == 10 and poll.params["offset"] == 0

    message = fake.send_text("/start")
    reply = await bot.reply_to(message)
    assert "Det här gör jag inte" in reply.text and "frågeservice" in reply.text
    assert list(buttons(reply)) == list(SUGGESTED_QUESTIONS)

    after = fake.mark("sendMessage")
    query = fake.press(buttons(reply)[SUGGESTED_QUESTIONS[0]], reply.result)
    [answer] = await fake.wait_for("sendMessage", has_keyboard, after=after)
    assert query in fake.answered
    assert "<b>4 kap. 18 § LOU</b>" in answer.text
    offsets = [c.params.get("offset") for c in fake.calls_to("getUpdates")]
    assert offsets[-1] == 3  # two updates consumed: the next poll confirms them
    assert (tmp_path / "heartbeat").exists()  # the Docker health check's heartbeat


async def test_a_question_is_answered_with_provisions_sources_and_buttons(bot, fake):
    message, reply = await bot.ask(QUESTION)
    html = reply.text
    assert reply.params["parse_mode"] == "HTML"
    # The "Ja." replies to the file's own question, which is shown so nobody misreads it.
    assert html.startswith(
        "<i>Svar på frågan ”Får vi reservera en upphandling för sociala företag?”</i>\nJa."
    )
    assert "Enligt <b>4 kap. 18 § LOU</b> får en upphandling reserveras" in html
    assert "Bestämmelser: <b>4 kap. 18 § LOU</b>, <b>art. 20 direktiv 2014/24/EU</b>" in html
    assert "Region Örebro län" not in html  # no precedent unless it matches what was asked
    assert (
        '1. <a href="https://www.upphandlingsmyndigheten.se/' in html and "(kontrollerad 2026-11-22)" in html
    )
    assert html.endswith("<i>Vägledning från Hänsyns kunskapsbank, inte ett juridiskt beslut.</i>")
    entity_types = {e["type"] for e in reply.result["entities"]}
    assert {"bold", "text_link", "italic"} <= entity_types
    assert set(buttons(reply)) == {"👍", "👎", "Visa mer", "Liknande exempel"}
    assert all(len(data.encode()) <= 64 for data in buttons(reply).values())
    assert reply.params["link_preview_options"] == {"is_disabled": True}

    await bot.settle()
    db = bot.db()
    [row] = db.query("SELECT * FROM questions")
    assert row["question"] == QUESTION and row["channel"] == "telegram" and row["chat_type"] == "private"
    assert row["answered"] == 1 and row["index_version"] == bot.pipeline.index.build_id
    assert str(USER["id"]) not in (row["user_key"] or "")
    assert buttons(reply)["👍"] == f"v1:fb:+:{row['id']}"


async def test_thumbs_up_is_answered_and_logged_against_the_question(bot, fake):
    _, reply = await bot.ask(QUESTION)
    query = fake.press(buttons(reply)["👍"], reply.result)
    await fake.wait_for("answerCallbackQuery", lambda c: c.params["callback_query_id"] == query)
    assert fake.answered[query]["text"] == "Tack för återkopplingen!"
    db = bot.db()
    [question] = db.query("SELECT id FROM questions")
    [vote] = await eventually(lambda: list(db.query("SELECT * FROM feedback")))
    assert vote["question_id"] == question["id"] and vote["value"] == 1
    query = fake.press(buttons(reply)["👎"], reply.result)  # the same person changes their mind
    await fake.wait_for("answerCallbackQuery", lambda c: c.params["callback_query_id"] == query)
    await eventually(lambda: [r["value"] for r in db.query("SELECT value FROM feedback")] == [-1])


async def test_show_more_and_similar_examples(bot, fake):
    _, reply = await bot.ask(QUESTION)
    after = fake.mark("sendMessage")
    fake.press(buttons(reply)["Visa mer"], reply.result)
    [more] = await fake.wait_for("sendMessage", after=after)
    assert "<b>Reserverad upphandling för sociala företag – Vad lagen säger</b>" in more.text
    assert "Reservationen är ingen direktupphandling" in more.text

    fake.press(buttons(reply)["Liknande exempel"], reply.result)
    [cards] = await fake.wait_for("sendMessage", lambda c: "Köpare:" in c.text)
    # similar precedents are reserved procurements too: a direct award (Cykelreturen) is not
    assert "Exempel 1–2 av 2 om ”Reserverad upphandling för sociala företag”" in cards.text
    assert (
        "Köpare: Vänersborgs kommun (kommun)" in cards.text and "Leverantör: Servicekompaniet" in cards.text
    )
    assert "Cykelreturen" not in cards.text
    assert "Utfall: Servicekompaniet var enda" in cards.text and "Källa: <a href=" in cards.text
    assert len(fake.answered) == 2


async def test_examples_are_paged_by_editing_the_message(bot, fake, kb_dir):
    for n in range(4):
        text = (kb_dir / "example" / "region-orebro-cykelreturen.md").read_text()
        text = text.replace("id: region-orebro-cykelreturen", f"id: cykel-{n}").replace(
            "Region Örebro län –", f"Kommun {n} –"
        )
        (kb_dir / "example" / f"cykel-{n}.md").write_text(text)
    await asyncio.to_thread(bot.pipeline.reindex)
    message = fake.send_text("/exempel cykelservice")
    page1 = await bot.reply_to(message)
    assert "Exempel 1–3 av 5 om ”cykelservice”" in page1.text
    assert list(buttons(page1)) == ["Nästa ▶️"]
    fake.press(buttons(page1)["Nästa ▶️"], page1.result)
    [edit] = await fake.wait_for("editMessageText")
    assert "Exempel 4–5 av 5" in edit.text and list(buttons(edit)) == ["◀️ Föregående"]
    fake.tolerated.add("message is not modified")
    fake.press(buttons(page1)["Nästa ▶️"], page1.result)  # a double tap: that page is already shown
    await fake.wait_for("answerCallbackQuery", count=2)
    await eventually(lambda: any("not modified" in (c.error or "") for c in fake.calls))
    fake.press(buttons(edit)["◀️ Föregående"], edit.result)
    [_, back] = await fake.wait_for("editMessageText", count=2)
    assert "Exempel 1–3 av 5" in back.text
    everything = fake.send_text("/exempel")
    assert "Exempel 1–3 av 7</b>" in (await bot.reply_to(everything)).text  # all, unfiltered
    # Telegram sends a too-old message as date 0: the bot says so instead of trying an edit.
    too_old = {"message_id": page1.result["message_id"], "chat": page1.result["chat"], "date": 0}
    old_press = fake.press(buttons(page1)["Nästa ▶️"], too_old)
    await fake.wait_for("answerCallbackQuery", count=4)
    assert fake.answered[old_press]["text"] == "Den här knappen fungerar inte längre. Ställ frågan igen."
    await bot.settle()
    assert len([c for c in fake.calls if c.method == "editMessageText"]) == 3


async def test_lag_om_and_help(bot, fake):
    for text in ("/lag 4 kap. 18 §", "/lag 4:18"):
        reply = await bot.reply_to(fake.send_text(text))
        assert reply.text.startswith("<b>4 kap. 18 § LOU</b> i kunskapsbanken")
        assert "4 kap. 18 § LOU – reserverade kontrakt</b> (lagtext)" in reply.text
        assert reply.text.index("(lagtext)") < reply.text.index("(vägledning)")
    assert "inget om <b>" not in (await bot.reply_to(fake.send_text("/lag 99 kap. 1 §"))).text
    assert "säger inget om 99 kap. 1 § LOU" in fake.sent()[-1].text
    assert "känner inte igen" in (await bot.reply_to(fake.send_text("/lag <b>hej</b> & då"))).text
    assert "Skriv vilken bestämmelse" in (await bot.reply_to(fake.send_text("/lag"))).text
    about = await bot.reply_to(fake.send_text("/om"))
    config = bot.pipeline.index.config
    assert "<b>Hänsyn</b> 0.1.0" in about.text and f"{config['documents']} filer" in about.text
    assert config["built_at"] in about.text and config["newest_checked"] in about.text
    assert "@hansyn_test_bot" in (await bot.reply_to(fake.send_text("/hjalp"))).text
    assert "How to use" in (await bot.reply_to(fake.send_text("/help"))).text
    assert "känner jag inte till" in (await bot.reply_to(fake.send_text("/finnsinte"))).text


async def test_english_users_get_english_ui_and_the_swedish_knowledge_base(bot, fake):
    start = await bot.reply_to(fake.send_text("/start", user=ENGLISH))
    assert "What I do not do" in start.text
    _, reply = await bot.ask(QUESTION, user=ENGLISH)
    assert "Provisions: <b>4 kap. 18 § LOU</b>" in reply.text and "<b>Sources</b>" in reply.text
    assert "Enligt <b>4 kap. 18 § LOU</b>" in reply.text
    assert set(buttons(reply)) == {"👍", "👎", "Show more", "Similar precedents"}


# --- groups ----------------------------------------------------------------------------------


async def test_group_chatter_is_ignored_and_mentions_replies_and_fraga_are_answered(bot, fake):
    chatter = fake.send_text("Ska vi ta lunch efter mötet?", chat=GROUP)
    other_bot = fake.send_text("/fraga@annan_bot Får vi reservera?", chat=GROUP)
    mention = fake.send_text(f"@{BOT_USER['username']} {QUESTION}", chat=GROUP)
    reply = await bot.reply_to(mention, has_keyboard)
    assert "<b>4 kap. 18 § LOU</b>" in reply.text

    follow_up = fake.send_text("Och för sysselsättningskrav?", chat=GROUP, reply_to=reply.result)
    await bot.reply_to(follow_up, has_keyboard)
    command = fake.send_text(f"/fraga@{BOT_USER['username']} {QUESTION}", chat=GROUP)
    await bot.reply_to(command, has_keyboard)
    bare = fake.send_text("/fraga", chat=GROUP)
    assert "Vad vill du fråga?" in (await bot.reply_to(bare)).text
    sticker = fake.send_other({"sticker": sticker_dict()}, chat=GROUP)
    more_chatter = fake.send_text("Någon som har protokollet?", chat=GROUP)
    other_bot_user = {"id": 777, "is_bot": True, "first_name": "Annan", "username": "annan_bot"}
    from_bot = fake.send_text(f"@{BOT_USER['username']} {QUESTION}", chat=GROUP, user=other_bot_user)
    await bot.reply_to(fake.send_text("/om", chat=GROUP))
    await asyncio.sleep(0.1)
    answered = {(c.params.get("reply_parameters") or {}).get("message_id") for c in fake.sent(GROUP["id"])}
    for ignored in (chatter, other_bot, sticker, more_chatter, from_bot):
        assert ignored["message_id"] not in answered
    await bot.settle()
    types = {r["chat_type"] for r in bot.db().query("SELECT chat_type FROM questions")}
    assert types == {"supergroup"}


async def test_the_bot_greets_a_group_it_is_added_to_and_notes_its_removal(bot, fake):
    fake.membership(GROUP, "left", "member")
    [hello] = await fake.wait_for("sendMessage", lambda c: c.params["chat_id"] == GROUP["id"])
    assert "Nämn mig (@hansyn_test_bot)" in hello.text
    fake.membership(GROUP, "member", "kicked")
    await bot.reply_to(fake.send_text("/om"))  # processed after the removal
    assert len(fake.sent(GROUP["id"])) == 1


# --- odd input -------------------------------------------------------------------------------


def sticker_dict() -> dict:
    return {
        "file_id": "s1",
        "file_unique_id": "u1",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }


NON_TEXT = {
    "sticker": sticker_dict(),
    "photo": [{"file_id": "p1", "file_unique_id": "u2", "width": 90, "height": 90}],
    "voice": {"file_id": "v1", "file_unique_id": "u3", "duration": 3},
    "document": {"file_id": "d1", "file_unique_id": "u4", "file_name": "anbud.pdf"},
    "location": {"latitude": 59.27, "longitude": 15.21},
    "contact": {"phone_number": "+46700000000", "first_name": "Kim"},
}


async def test_odd_inputs_get_short_answers_and_never_crash(bot, fake):
    for kind, content in NON_TEXT.items():
        message = fake.send_other({kind: content})
        reply = await bot.reply_to(message)
        assert reply.text == "Jag svarar bara på textfrågor. Skriv din fråga som text.", kind
    for blank in ("   \n\t ", ""):
        assert "Vad vill du fråga?" in (await bot.reply_to(fake.send_text(blank))).text

    long_text = (QUESTION + " ") * 200  # ~10 000 characters
    _, reply = await bot.ask(long_text)
    assert reply.text.startswith("<i>Din fråga var lång, så jag har svarat på de första 1000 tecknen.</i>")
    await bot.settle()
    assert max(len(r["question"]) for r in bot.db().query("SELECT question FROM questions")) <= 1000

    for tricky in (
        '<b>Får</b> vi reservera & <script>alert("x")</script> för sociala företag?',
        "**Får** vi _reservera_ [x](http://x) `sociala företag`?",
    ):
        _, reply = await bot.ask(tricky)
        assert "<script>" not in reply.text

    original = fake.send_text("Vad kostar en banan?")
    first = await bot.reply_to(original, has_keyboard)
    assert "inget underlag" in first.text
    edited = fake.send_text(QUESTION, edit_of=original)
    second = await bot.reply_to(edited, lambda c: "Enligt <b>4 kap. 18 § LOU</b>" in c.text)
    assert second.result["message_id"] != first.result["message_id"]

    start = fake.send_text("/start")
    await bot.reply_to(start)
    fake.send_text("/start", edit_of=start)  # an edited command does not run again
    fake.send_text("/finnsinte", edit_of=start)
    mark = fake.mark("sendMessage")
    await bot.reply_to(fake.send_text("/om"))
    assert fake.mark("sendMessage") == mark + 1


async def test_old_or_foreign_buttons_are_answered_politely(bot, fake):
    _, reply = await bot.ask(QUESTION)
    queries = [
        fake.press(data, reply.result)
        for data in (
            "v0:feedback:up:12",
            "helt-okänd",
            "v1:more:ffffffffffff",
            "v1:exs:ffffffffffff",
            "v1:fb:+:999999",
            "v1:ask:99",
        )
    ]
    await fake.wait_for("answerCallbackQuery", count=len(queries))
    texts = [fake.answered[q].get("text") for q in queries]
    assert texts[0] == texts[1] == "Den här knappen fungerar inte längre. Ställ frågan igen."
    assert texts[2] == texts[3] == "Det avsnittet finns inte längre i kunskapsbanken. Ställ frågan igen."
    assert texts[4] == "Tack för återkopplingen!"  # unknown question: thanked, nothing stored
    await bot.settle()
    assert list(bot.db().query("SELECT * FROM feedback")) == []


async def test_flooding_is_limited_per_user_with_a_friendly_message(bot, fake):
    messages = [fake.send_text(f"{QUESTION} ({n})") for n in range(13)]
    await fake.wait_for("sendMessage", lambda c: "många frågor" in c.text)
    await fake.wait_for("sendMessage", has_keyboard, count=10)
    other = fake.send_text(QUESTION, user=OTHER)
    await bot.reply_to(other, has_keyboard)  # another person is not affected
    await asyncio.sleep(0.1)
    assert len([c for c in fake.sent(USER["id"]) if has_keyboard(c)]) == 10
    assert len([c for c in fake.sent(USER["id"]) if "många frågor" in c.text]) == 1  # told once
    assert len(messages) == 13


async def test_one_slow_answer_does_not_hold_up_others(bot, fake, monkeypatch):
    real_ask = bot.pipeline.ask

    def ask(question, *args, **kwargs):
        if "långsam" in question:
            time.sleep(1.0)
        return real_ask(question, *args, **kwargs)

    monkeypatch.setattr(bot.pipeline, "ask", ask)
    slow = fake.send_text("En långsam fråga om reserverad upphandling", user=OTHER)
    fast = fake.send_text(QUESTION)
    fast_reply = await bot.reply_to(fast, has_keyboard)
    slow_reply = await bot.reply_to(slow, has_keyboard)
    assert fast_reply.at < slow_reply.at
    # "typing" shows while the slow answer is being worked on; the fast one went out before it
    # would have shown, at the cost of one request instead of two.
    typing = fake.calls_to("sendChatAction")
    assert typing and all(c.params == {"chat_id": OTHER["id"], "action": "typing"} for c in typing)
    assert typing[0].at < slow_reply.at


# --- admin -----------------------------------------------------------------------------------


async def test_several_slow_questions_in_one_chat_share_one_typing_indicator(bot, fake, monkeypatch):
    real_ask = bot.pipeline.ask

    def slow_ask(question, *args, **kwargs):
        time.sleep(0.8)
        return real_ask(question, *args, **kwargs)

    monkeypatch.setattr(bot.pipeline, "ask", slow_ask)
    for n in range(4):
        fake.send_text(f"{QUESTION} ({n})")
    await fake.wait_for("sendMessage", has_keyboard, count=4)
    typing = fake.calls_to("sendChatAction")
    assert len(typing) == 1 and typing[0].params["chat_id"] == USER["id"]


async def test_non_admins_are_refused_and_the_attempt_is_logged(bot, fake):
    for command in ("/reindex", "/stats", "/luckor", "/export"):
        reply = await bot.reply_to(fake.send_text(command))
        assert reply.text == "Det kommandot är bara för Hänsyns administratörer."
    db = bot.db()
    sql = "SELECT action, result, user_key FROM admin_actions ORDER BY id"
    rows = await eventually(lambda: (rows := list(db.query(sql))) and len(rows) == 4 and rows)
    # Log rows are written after each reply, in worker threads, so their order may vary.
    assert sorted((r["action"], r["result"]) for r in rows) == [
        ("export", "denied"),
        ("luckor", "denied"),
        ("reindex", "denied"),
        ("stats", "denied"),
    ]
    assert all(r["user_key"] and str(USER["id"]) not in r["user_key"] for r in rows)
    assert not fake.calls_to("editMessageText") and not fake.calls_to("sendPhoto")
    group = await bot.reply_to(fake.send_text("/stats", user=ADMIN, chat=GROUP))
    assert "privat chatt" in group.text  # admins too: the log is not shown in a group


async def test_admin_reindex_swaps_the_index_while_questions_keep_being_answered(
    bot, fake, kb_dir, monkeypatch
):
    old_build = bot.pipeline.index.build_id
    _, before = await bot.ask("Får vi köpa xylofoner med sociala krav?")
    assert "inget underlag" in before.text
    (kb_dir / "faq" / "faq-xylofon.md").write_text(NEW_FAQ)

    gate = threading.Event()
    real_reindex = bot.pipeline.reindex

    def slow_reindex(progress=None):
        def held(stage, done, total):
            if progress:
                progress(stage, done, total)
            gate.wait(10)

        return real_reindex(progress=held)

    monkeypatch.setattr(bot.pipeline, "reindex", slow_reindex)
    monkeypatch.setattr(tg_admin, "PROGRESS_EVERY_S", 0.0)
    command = fake.send_text("/reindex", user=ADMIN)
    status = await bot.reply_to(command)
    assert status.text == "Bygger om indexet från kunskapsbanken …"
    [progress] = await fake.wait_for("editMessageText")  # the status message, edited in place
    assert progress.text == "Bygger om indexet … 20 avsnitt hittade."
    assert progress.params["message_id"] == status.result["message_id"]

    _, during = await bot.ask(QUESTION)  # answered from the old index while the build waits
    assert "<b>4 kap. 18 § LOU</b>" in during.text
    busy = await bot.reply_to(fake.send_text("/reindex", user=ADMIN))
    assert busy.text == "En omindexering pågår redan."
    gate.set()

    [done] = await fake.wait_for("editMessageText", lambda c: "Nytt index i bruk" in c.text)
    assert done.params["message_id"] == status.result["message_id"]
    assert "11 filer, 20 avsnitt, 1 nya inbäddningar" in done.text and "vanlig fråga 2" in done.text
    assert bot.pipeline.index.build_id != old_build and bot.pipeline.index.build_id in done.text
    _, after = await bot.ask("Får vi köpa xylofoner med sociala krav?")
    assert "xylofonupphandlingar" in after.text
    db = bot.db()
    [action] = await eventually(lambda: list(db.query("SELECT * FROM admin_actions")))
    assert action["action"] == "reindex" and action["result"] == "ok"
    assert json.loads(action["counts"])["documents"] == 11


async def test_a_failed_reindex_lists_the_problems_and_the_old_index_keeps_serving(bot, fake, kb_dir):
    old_build = bot.pipeline.index.build_id
    broken = kb_dir / "guidance" / "arbetsrattsliga-villkor.md"
    broken.write_text(broken.read_text().replace("## Kort svar", "## Sammanfattning"))
    status = await bot.reply_to(fake.send_text("/reindex", user=ADMIN))
    [failed] = await fake.wait_for("editMessageText", lambda c: "byggdes inte" in c.text)
    assert failed.params["message_id"] == status.result["message_id"]
    assert "arbetsrattsliga-villkor.md" in failed.text and "används fortfarande" in failed.text
    assert bot.pipeline.index.build_id == old_build
    _, reply = await bot.ask(QUESTION)
    assert "<b>4 kap. 18 § LOU</b>" in reply.text
    db = bot.db()
    [action] = await eventually(lambda: list(db.query("SELECT * FROM admin_actions")))
    assert action["result"] == "failed"


async def test_admin_stats_gaps_and_export(bot, fake):
    _, answered = await bot.ask(QUESTION)
    await bot.ask("Vad kostar en banan i kommunens matsal?")
    fake.press(buttons(answered)["👎"], answered.result)
    db = bot.db()
    await eventually(lambda: list(db.query("SELECT * FROM feedback")))

    summary = await bot.reply_to(fake.send_text("/stats", user=ADMIN))
    assert summary.text.startswith("<pre>") and "Besvarade: 1 av 2" in summary.text
    [photo] = await fake.wait_for("sendPhoto")
    name, png = photo.files["photo"]
    assert png.startswith(b"\x89PNG") and name.endswith(".png") and len(png) > 5000

    gaps = await bot.reply_to(fake.send_text("/luckor", user=ADMIN))
    assert "Vad kostar en banan" in gaps.text and "tummen ned" in gaps.text

    fake.send_text("/export", user=ADMIN)
    [document] = await fake.wait_for("sendDocument")
    name, data = document.files["document"]
    assert name.startswith("hansyn-fragelogg-") and name.endswith(".csv")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("id;asked_at;channel") and "banan" in text
    assert document.params["caption"] == "Frågeloggen (2 rader)"


# --- faults ----------------------------------------------------------------------------------


async def test_a_429_with_retry_after_is_waited_out_and_the_answer_arrives(bot, fake):
    fake.fail("sendMessage", 429, retry_after=1)
    started = time.monotonic()
    _, reply = await bot.ask(QUESTION)
    attempts = fake.calls_to("sendMessage", ok=None)
    assert [c.fault for c in attempts] == ["429", None]
    assert attempts[1].at - attempts[0].at >= 1.0
    assert time.monotonic() - started < 4
    assert "<b>4 kap. 18 § LOU</b>" in reply.text


@pytest.mark.parametrize("fault", ["500", "drop"])
async def test_a_failed_send_is_retried_and_the_answer_arrives_once(bot, fake, fault):
    if fault == "drop":
        fake.drop("sendMessage")
    else:
        fake.fail("sendMessage", 500)
    message = fake.send_text(QUESTION)
    [answer] = await fake.wait_for("sendMessage", fake.answers(message))
    assert "4 kap. 18 § LOU" in answer.text
    assert [c.fault for c in fake.calls if c.method == "sendMessage" and c.fault] == [fault]
    await bot.settle()
    assert len(fake.sent(USER["id"])) == 1 and bot.errors == []


@pytest.mark.parametrize("fault", ["500", "drop"])
async def test_a_send_that_keeps_failing_is_reported_to_admins_and_apologised_for(bot, fake, fault):
    bot.app.bot.rate_limiter.pauses = (0.05, 0.05)  # three tries, quickly
    if fault == "drop":
        fake.drop("sendMessage", times=3)
    else:
        fake.fail("sendMessage", 500, times=3)
    message = fake.send_text(QUESTION)
    [report] = await fake.wait_for("sendMessage", lambda c: c.params["chat_id"] == ADMIN["id"])
    answers = fake.answers(message)
    [apology] = await fake.wait_for(
        "sendMessage", lambda c: answers(c) and "Förlåt, något gick fel" in c.text
    )
    assert "Fel i Hänsyn" in report.text and "<pre>" in report.text and TOKEN not in report.text
    assert "NetworkError" in report.text
    await eventually(lambda: len(bot.errors) == 1)
    bot.errors.clear()


async def test_an_unhandled_error_is_logged_reported_and_apologised_for(bot, fake, monkeypatch, caplog):
    def broken(question, *args, **kwargs):
        raise RuntimeError(f"trasigt index <&> {TOKEN}")

    monkeypatch.setattr(bot.pipeline, "ask", broken)
    message = fake.send_text(QUESTION)
    [report] = await fake.wait_for("sendMessage", lambda c: c.params["chat_id"] == ADMIN["id"])
    [apology] = await fake.wait_for("sendMessage", lambda c: c.params["chat_id"] == USER["id"])
    assert "trasigt index &lt;&amp;&gt; &lt;token&gt;" in report.text and TOKEN not in report.text
    assert "(message) i private 2002, användare 2002" in report.text
    assert apology.text == "Förlåt, något gick fel när jag skulle svara. Försök igen om en stund."
    assert "Traceback" not in apology.text and message
    assert any(r.exc_info for r in caplog.records if r.name == "bot.telegram.admin")
    # the same error again within ten minutes: the user gets an apology, the admins no new report
    fake.send_text(QUESTION)
    await fake.wait_for("sendMessage", lambda c: c.params["chat_id"] == USER["id"], count=2)
    await eventually(lambda: len(bot.errors) == 2)
    assert len(fake.sent(ADMIN["id"])) == 1
    assert [type(e) for e in bot.errors] == [RuntimeError, RuntimeError]
    bot.errors.clear()


async def test_question_log_failures_are_reported_to_admins_and_answers_continue(bot, fake, tmp_path):
    qlog = bot.deps.qlog
    qlog.close()
    qlog.db_path = tmp_path / "finns-inte" / "\0ogiltig.db"
    _, reply = await bot.ask(QUESTION)
    assert buttons(reply)["👍"] == "v1:fb:+:0"
    [report] = await fake.wait_for("sendMessage", lambda c: c.params["chat_id"] == ADMIN["id"])
    assert "Frågeloggen kunde inte spara frågan" in report.text


async def test_a_slow_question_log_does_not_hold_up_the_answer(bot, fake, monkeypatch):
    import bot.telegram.handlers as handlers

    monkeypatch.setattr(handlers, "LOG_WAIT_S", 0.1)
    real_record = bot.deps.qlog.record

    def slow_record(*args, **kwargs):
        time.sleep(0.5)
        return real_record(*args, **kwargs)

    monkeypatch.setattr(bot.deps.qlog, "record", slow_record)
    started = time.monotonic()
    _, reply = await bot.ask(QUESTION)
    assert time.monotonic() - started < 0.45
    assert buttons(reply)["👍"] == "v1:fb:+:0"  # sent without waiting for the row id
    db = bot.db()
    await eventually(lambda: list(db.query("SELECT id FROM questions")))  # written later


# --- webhook, configuration, the serve command -----------------------------------------------


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_webhook_mode_checks_the_secret_token_and_answers(fake, settings, pipeline):
    import aiohttp

    s = dataclasses.replace(settings, telegram_token=TOKEN)
    app = build_application(s, pipeline, None, base_url=fake.base_url)
    port = free_port()
    url = f"https://hansyn.example.org/telegram/{port}"
    secret = webhook_secret(s)
    await app.initialize()
    await app.updater.start_webhook(
        listen="127.0.0.1",
        port=port,
        url_path=f"telegram/{port}",
        webhook_url=url,
        secret_token=secret,
        allowed_updates=ALLOWED_UPDATES,
    )
    await app.start()
    try:
        assert fake.webhook["url"] == url and fake.webhook["secret_token"] == secret
        update = {
            "update_id": 1,
            "message": {
                "message_id": 7,
                "date": int(time.time()),
                "chat": {"id": USER["id"], "type": "private"},
                "from": USER,
                "text": QUESTION,
            },
        }
        async with aiohttp.ClientSession() as session:
            target = f"http://127.0.0.1:{port}/telegram/{port}"
            async with session.post(
                target, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "fel"}
            ) as resp:
                assert resp.status == 403
            async with session.post(
                target, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret}
            ) as resp:
                assert resp.status == 200
        [reply] = await fake.wait_for("sendMessage", has_keyboard)
        assert "<b>4 kap. 18 § LOU</b>" in reply.text
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()


def test_api_base_url_forms():
    assert api_urls("http://127.0.0.1:8081") == (
        "http://127.0.0.1:8081/bot",
        "http://127.0.0.1:8081/file/bot",
    )
    assert api_urls("http://127.0.0.1:8081/bot/") == (
        "http://127.0.0.1:8081/bot",
        "http://127.0.0.1:8081/file/bot",
    )


@pytest.mark.parametrize(
    ("missing", "expected"),
    [("TELEGRAM_BOT_TOKEN", "TELEGRAM_BOT_TOKEN saknas"), ("HANSYN_SECRET", "HANSYN_SECRET saknas")],
)
def test_serve_refuses_to_start_without_token_or_secret(env, monkeypatch, missing, expected):
    from bot.cli.main import main

    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.delenv(missing, raising=False)
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 2
    assert expected in result.output and "Traceback" not in result.output
    assert "BotFather" in result.output or "secrets.token_hex" in result.output


def test_logs_never_show_the_token_and_telegram_trouble_takes_one_line():
    import logging

    from telegram.error import InvalidToken, NetworkError

    from bot.cli.serve import RedactToken

    handler = logging.Handler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    redact = RedactToken(TOKEN)

    def shown(name: str, message: str, *args, error: BaseException | None = None) -> str:
        exc_info = (type(error), error, error.__traceback__) if error else None
        record = logging.LogRecord(name, logging.ERROR, __file__, 1, message, args, exc_info)
        assert redact.filter(record)
        return handler.format(record)

    def raised(error: BaseException) -> BaseException:
        try:
            raise error
        except BaseException as exc:  # noqa: BLE001 - a real traceback to format
            return exc

    url = shown("httpx", "POST http://127.0.0.1/bot%s/getMe", TOKEN)
    assert TOKEN not in url and "bot<token>/getMe" in url
    rejected = shown(
        "telegram.ext", "Retry loop", error=raised(InvalidToken(f"The token `{TOKEN}` was rejected"))
    )
    assert TOKEN not in rejected and "Traceback" not in rejected and "InvalidToken" in rejected
    down = shown("telegram.ext.Updater", "Polling", error=raised(NetworkError("ConnectError")))
    assert down == "Polling (NetworkError: ConnectError)"
    ours = shown("bot.telegram.admin", "Fel", error=raised(RuntimeError(f"x {TOKEN}")))
    assert "Traceback" in ours and TOKEN not in ours  # our own errors keep their traceback


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_serve_polls_within_10_s_answers_and_stops_cleanly(fake, env, pipeline, sig):
    environ = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{fake.port}",
    }
    environ["NO_PROXY"] = environ["no_proxy"] = "127.0.0.1,localhost"
    started = time.monotonic()
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "serve",
        env=environ,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await fake.wait_for("getUpdates", timeout=15)
        startup = fake.first_poll_at - started
        print(f"\nstart-up to first poll: {startup:.2f} s")
        assert startup < 10
        assert fake.calls_to("setMyCommands")
        message = fake.send_text(QUESTION)
        reply = await fake.wait_for("sendMessage", fake.answers(message), timeout=10)
        assert "<b>4 kap. 18 § LOU</b>" in reply[0].text
        await asyncio.sleep(0.2)  # let the log row be written
        proc.send_signal(sig)
        code = await asyncio.wait_for(proc.wait(), 15)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    stderr = (await proc.stderr.read()).decode()
    assert code == 0, stderr
    assert TOKEN not in stderr and TOKEN.split(":")[1] not in stderr
    assert "Traceback" not in stderr and "Hänsyn är igång som @hansyn_test_bot" in stderr
    assert Path(env["HANSYN_DB"]).exists()
