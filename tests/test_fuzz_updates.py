"""1 000 random updates of every kind through the real application: no handler raises, and the
fake Bot API (which rejects what Telegram rejects) never has to refuse a call.

Updates are valid Telegram shapes with random content: texts (long, HTML-like, commands with
arguments, mentions), every non-text message kind, edits, replies to the bot, button presses with
our callback data (real and forged, on accessible and inaccessible messages), membership changes
in every chat type, and update kinds the bot does not subscribe to. They are fed to
`Application.process_update` one at a time, with the fake server answering the bot's calls.
"""

from __future__ import annotations

import asyncio
import itertools
import shutil
import threading
import time
from dataclasses import dataclass

import pytest
from fake_telegram import ADMIN, ADMIN_RIGHTS, BOT_USER, TOKEN, USER, FakeTelegram, auto_entities
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram import Update

from bot.log.questionlog import QuestionLog
from bot.settings import Settings
from bot.telegram.app import build_application
from bot.telegram.callbacks import cb, examples_nav, short_key
from bot.telegram.handlers import DEPS_KEY

FUZZ_EXAMPLES = 1000
NOW = int(time.time())
COMMANDS = [
    "start",
    "hjalp",
    "help",
    "fraga",
    "exempel",
    "lag",
    "om",
    "reindex",
    "stats",
    "luckor",
    "export",
    "okand",
    "START",
]
QUESTIONS = [
    "Får vi reservera en upphandling för sociala företag?",
    "Vad säger 4 kap. 18 § LOU?",
    "4:18",
    "Kan vi kräva kollektivavtal?",
    "Hur bakar man kanelbullar?",
]
_ids = itertools.count(1)


@dataclass
class Runtime:
    loop: asyncio.AbstractEventLoop
    app: object
    fake: FakeTelegram
    errors: list
    passage_ids: list[str]
    doc_ids: list[str]

    def run(self, coro, timeout: float = 60.0):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)


@pytest.fixture(scope="module")
def runtime(tmp_path_factory):
    """The application and the fake server on an event loop in a background thread, so that
    hypothesis can drive examples from a plain (synchronous) test."""
    from conftest import FIXTURE_KB, HASH_MODEL

    from bot.answer.pipeline import Pipeline

    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(FIXTURE_KB, root / "knowledge")
    config = Settings(
        knowledge_dir=root / "knowledge",
        index_dir=root / "index",
        db_path=root / "hansyn.db",
        embedding_model=HASH_MODEL,
        secret="fuzz-secret",
        admin_ids=frozenset({ADMIN["id"]}),
        telegram_token=TOKEN,
    )
    pipeline = Pipeline(config)
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="fuzz-loop", daemon=True)
    thread.start()
    fake = FakeTelegram()
    errors: list = []
    rt = Runtime(
        loop, None, fake, errors, [p.id for p in pipeline.index.passages], list(pipeline.index.documents)
    )
    rt.run(fake.start())
    app = build_application(config, pipeline, QuestionLog.from_settings(config), base_url=fake.base_url)
    # PTB's AIORateLimiter paces replies to 30/s (20/min per group), as Telegram wants; it is
    # not under test here and would stretch 1 000 updates to minutes.
    app.bot._rate_limiter = None

    async def record(update, context) -> None:
        errors.append((context.error, update.to_dict() if isinstance(update, Update) else update))

    app.add_error_handler(record)
    rt.app = app
    rt.run(app.initialize())
    rt.run(app.post_init(app))
    yield rt
    rt.run(app.shutdown())
    rt.run(app.post_shutdown(app))
    rt.run(fake.stop())
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)


# --- strategies -------------------------------------------------------------------------------

names = st.text(min_size=1, max_size=20).filter(str.strip)
users = st.one_of(
    st.sampled_from([USER, ADMIN, {**USER, "id": 3003, "language_code": "en"}]),
    st.builds(
        lambda uid, name, lang: {
            "id": uid,
            "is_bot": False,
            "first_name": name,
            **({"language_code": lang} if lang is not None else {}),
        },
        st.integers(1, 2**40),
        names,
        st.one_of(st.none(), st.sampled_from(["sv", "en", "en-GB", "de", "fi", "pt-br", ""])),
    ),
)


def private_chat(user: dict) -> dict:
    return {"id": user["id"], "type": "private", "first_name": user["first_name"]}


group_chats = st.builds(
    lambda kind, gid, title: {
        "id": -gid if kind == "group" else -(10**12 + gid),
        "type": kind,
        "title": title,
    },
    st.sampled_from(["group", "supergroup"]),
    st.integers(1, 10**9),
    names,
)
channel_chats = st.builds(
    lambda gid, title: {"id": -(10**12 + gid), "type": "channel", "title": title},
    st.integers(1, 10**9),
    names,
)


@st.composite
def texts(draw) -> str:
    kind = draw(st.sampled_from(["question", "random", "long", "command", "mention", "html", "blank"]))
    if kind == "question":
        return draw(st.sampled_from(QUESTIONS))
    if kind == "random":
        return draw(st.text(min_size=1, max_size=300))
    if kind == "long":
        return draw(st.sampled_from(QUESTIONS)) + " " + draw(st.text(min_size=900, max_size=4000))
    if kind == "command":
        suffix = draw(st.sampled_from(["", "@" + BOT_USER["username"], "@annan_bot"]))
        arg = draw(
            st.one_of(
                st.just(""),
                st.sampled_from(QUESTIONS + ["4:18", "cykel", "30", "x" * 300]),
                st.text(max_size=120),
            )
        )
        return f"/{draw(st.sampled_from(COMMANDS))}{suffix} {arg}".rstrip()
    if kind == "mention":
        return f"@{BOT_USER['username']} {draw(st.sampled_from(QUESTIONS))} {draw(st.text(max_size=40))}"
    if kind == "html":
        return draw(
            st.sampled_from(
                [
                    "<b>fet</b>",
                    "a < b & c > d",
                    "</i>",
                    "&amp;&lt;",
                    "<script>x</script>",
                    "<a href='x'>y</a> 4 kap. 18 §",
                ]
            )
        )
    return draw(st.sampled_from([" ", "\n", "\u200b", "\t\t"]))


def file_fields(prefix: str) -> dict:
    n = next(_ids)
    return {"file_id": f"{prefix}{n}", "file_unique_id": f"u{prefix}{n}"}


non_text = st.sampled_from(
    [
        "sticker",
        "photo",
        "voice",
        "document",
        "location",
        "contact",
        "poll",
        "dice",
        "video",
        "animation",
        "audio",
        "venue",
        "video_note",
        "new_chat_members",
        "left_chat_member",
        "new_chat_title",
        "pinned_message",
    ]
)


def non_text_content(kind: str, user: dict, chat: dict) -> dict:
    if kind == "sticker":
        return {
            "sticker": {
                **file_fields("s"),
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "type": "regular",
                "emoji": "👍",
            }
        }
    if kind == "photo":
        return {
            "photo": [{**file_fields("p"), "width": 90, "height": 90}],
            "caption": "bild @hansyn_test_bot",
        }
    if kind in ("voice", "audio"):
        return {kind: {**file_fields("v"), "duration": 3}}
    if kind == "video_note":
        return {"video_note": {**file_fields("n"), "length": 240, "duration": 3}}
    if kind in ("video", "animation"):
        return {kind: {**file_fields("m"), "width": 320, "height": 240, "duration": 2}}
    if kind == "document":
        return {"document": {**file_fields("d"), "file_name": "anbud.pdf"}}
    if kind == "location":
        return {"location": {"latitude": 59.33, "longitude": 18.06}}
    if kind == "venue":
        return {
            "venue": {
                "location": {"latitude": 59.3, "longitude": 18.0},
                "title": "Stadshuset",
                "address": "Hantverkargatan 1",
            }
        }
    if kind == "contact":
        return {"contact": {"phone_number": "+46700000000", "first_name": "Kim"}}
    if kind == "poll":
        return {
            "poll": {
                "id": f"poll{next(_ids)}",
                "question": "Ja?",
                "options": [
                    {"text": "ja", "voter_count": 0, "persistent_id": "a"},
                    {"text": "nej", "voter_count": 0, "persistent_id": "b"},
                ],
                "total_voter_count": 0,
                "is_closed": False,
                "is_anonymous": True,
                "type": "regular",
                "allows_multiple_answers": False,
                "allows_revoting": False,
                "members_only": False,
            }
        }
    if kind == "dice":
        return {"dice": {"emoji": "🎲", "value": 3}}
    if kind == "new_chat_members":
        return {"new_chat_members": [BOT_USER, user]}
    if kind == "left_chat_member":
        return {"left_chat_member": user}
    if kind == "new_chat_title":
        return {"new_chat_title": "Ny titel"}
    return {"pinned_message": {"message_id": 1, "date": NOW, "chat": chat, "text": "fäst"}}


def bot_message(chat: dict, text: str = "Tidigare svar", markup: dict | None = None) -> dict:
    message = {"message_id": next(_ids), "date": NOW, "chat": chat, "from": BOT_USER, "text": text}
    if markup:
        message["reply_markup"] = markup
    return message


@st.composite
def messages(draw) -> tuple[str, dict]:
    user = draw(users)
    chat = draw(st.one_of(st.just(private_chat(user)), group_chats))
    message = {"message_id": next(_ids), "date": NOW, "chat": chat, "from": user}
    if draw(st.integers(0, 4)):
        text = draw(texts())
        message["text"] = text
        entities = auto_entities(text)
        if entities:
            message["entities"] = entities
    else:
        message.update(non_text_content(draw(non_text), user, chat))
    if draw(st.integers(0, 5)) == 0:
        message["reply_to_message"] = bot_message(chat)
    kind = "message"
    if "text" in message and draw(st.integers(0, 6)) == 0:
        kind, message["edit_date"] = "edited_message", NOW
    return kind, message


@st.composite
def callback_data(draw, rt: Runtime) -> str | None:
    choice = draw(st.integers(0, 9))
    if choice == 0:
        return cb("fb", draw(st.sampled_from("+-")), draw(st.integers(0, 10**6)))
    if choice == 1:
        return cb("more", short_key(draw(st.sampled_from(rt.passage_ids))))
    if choice == 2:
        return cb("exs", short_key(draw(st.sampled_from(rt.doc_ids))))
    if choice == 3:
        key = draw(st.one_of(st.sampled_from([short_key(d) for d in rt.doc_ids]), st.just("0" * 12)))
        return f"{examples_nav('d', key)}:{draw(st.integers(0, 50))}"
    if choice == 4:
        topic = draw(st.text(min_size=1, max_size=12).filter(lambda s: ":" not in s and s.strip()))
        data = f"{examples_nav('t', topic)}:{draw(st.integers(0, 10**6))}"
        return data if len(data.encode()) <= 64 else f"{examples_nav('a', '')}:1"
    if choice == 5:
        return f"{examples_nav('a', '')}:{draw(st.integers(0, 1000))}"
    if choice == 6:
        return cb("ask", draw(st.integers(0, 20)))
    if choice == 7:
        return None
    data = draw(st.text(min_size=1, max_size=64))
    return data if len(data.encode()) <= 64 else data[:16]


@st.composite
def callback_queries(draw, rt: Runtime) -> tuple[str, dict]:
    user = draw(users)
    chat = draw(st.one_of(st.just(private_chat(user)), group_chats))
    query = {"id": f"fz{next(_ids)}", "from": user, "chat_instance": "ci-fuzz"}
    data = draw(callback_data(rt))
    if data is not None:
        query["data"] = data
    where = draw(st.sampled_from(["message", "message", "message", "inaccessible", "inline"]))
    if where == "message":
        query["message"] = bot_message(chat, draw(st.sampled_from(["Svar", "Exempel 1 av 3", "Välkommen!"])))
    elif where == "inaccessible":
        query["message"] = {"chat": chat, "message_id": next(_ids), "date": 0}
    else:
        query["inline_message_id"] = f"inline{next(_ids)}"
    return "callback_query", query


def member(status: str) -> dict:
    extra: dict = {}
    if status == "kicked":
        extra = {"until_date": 0}
    elif status == "administrator":
        extra = {name: True for name in ADMIN_RIGHTS}
    elif status == "creator":
        extra = {"is_anonymous": False}
    elif status == "restricted":
        extra = {
            name: False
            for name in (
                "is_member",
                "can_change_info",
                "can_invite_users",
                "can_pin_messages",
                "can_send_messages",
                "can_send_polls",
                "can_send_other_messages",
                "can_add_web_page_previews",
                "can_manage_topics",
                "can_send_audios",
                "can_send_documents",
                "can_send_photos",
                "can_send_videos",
                "can_send_video_notes",
                "can_send_voice_notes",
                "can_edit_tag",
                "can_react_to_messages",
            )
        }
        extra["until_date"] = 0
    return {"user": BOT_USER, "status": status, **extra}


statuses = st.sampled_from(["member", "left", "kicked", "administrator", "restricted", "creator"])


@st.composite
def membership_changes(draw) -> tuple[str, dict]:
    user = draw(users)
    chat = draw(st.one_of(st.just(private_chat(user)), group_chats, channel_chats))
    return "my_chat_member", {
        "chat": chat,
        "from": user,
        "date": NOW,
        "old_chat_member": member(draw(statuses)),
        "new_chat_member": member(draw(statuses)),
    }


@st.composite
def unsubscribed(draw) -> tuple[str, dict]:
    """Update kinds the bot does not ask for (a misconfigured webhook could still send them)."""
    user, chat = draw(users), draw(channel_chats)
    kind = draw(st.sampled_from(["channel_post", "inline_query", "poll_answer", "chat_join_request"]))
    if kind == "channel_post":
        return kind, {
            "message_id": next(_ids),
            "date": NOW,
            "chat": chat,
            "sender_chat": chat,
            "text": draw(texts()),
        }
    if kind == "inline_query":
        return kind, {
            "id": f"iq{next(_ids)}",
            "from": user,
            "query": draw(st.text(max_size=50)),
            "offset": "",
        }
    if kind == "poll_answer":
        return kind, {"poll_id": "p1", "user": user, "option_ids": [0], "option_persistent_ids": ["a"]}
    return kind, {"chat": chat, "from": user, "user_chat_id": user["id"], "date": NOW}


def updates(rt: Runtime):
    return st.one_of(
        messages(),
        messages(),
        messages(),
        callback_queries(rt),
        callback_queries(rt),
        membership_changes(),
        unsubscribed(),
    )


# --- the test ---------------------------------------------------------------------------------


def register(fake: FakeTelegram, kind: str, payload: dict) -> None:
    """What the real Telegram would know: the messages a reply or an edit refers to, the query,
    and the files users sent (an admin's document is fetched with getFile)."""
    for message in (payload, payload.get("message"), payload.get("reply_to_message")):
        if isinstance(message, dict) and "message_id" in message and "chat" in message:
            fake.chats[message["chat"]["id"]] = message["chat"]
            if message.get("date"):
                fake.messages[(message["chat"]["id"], message["message_id"])] = message
            document = message.get("document")
            if isinstance(document, dict) and document.get("file_id"):
                fake.files.setdefault(document["file_id"], b"(a file sent in the fuzz test)")
    if kind == "callback_query":
        fake.callbacks[payload["id"]] = payload


async def settle(app, timeout: float = 10.0) -> None:
    tasks = app.bot_data[DEPS_KEY].tasks
    deadline = time.monotonic() + timeout
    while any(not t.done() and "purge" not in repr(t.get_coro()) for t in tasks):
        if time.monotonic() > deadline:
            raise AssertionError("background tasks did not finish")
        await asyncio.sleep(0.01)


def test_random_updates_never_make_a_handler_raise(runtime):
    seen: dict[str, int] = {}

    @settings(
        max_examples=FUZZ_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.data())
    def one_update(data):
        kind, payload = data.draw(updates(runtime), label="update")
        seen[kind] = seen.get(kind, 0) + 1
        runtime.errors.clear()
        calls_before = len(runtime.fake.calls)
        register(runtime.fake, kind, payload)
        body = {"update_id": next(_ids), kind: payload}
        update = Update.de_json(body, runtime.app.bot)

        async def process() -> None:
            await runtime.app.process_update(update)
            await settle(runtime.app)

        runtime.run(process())
        assert runtime.errors == [], runtime.errors
        rejected = [(c.method, c.error) for c in runtime.fake.calls[calls_before:] if c.error]
        assert rejected == [], (rejected, body)

    started = time.monotonic()
    one_update()
    total = sum(seen.values())
    print(
        f"\n{total} updates in {time.monotonic() - started:.1f} s: {dict(sorted(seen.items()))}; "
        f"{len(runtime.fake.calls)} Bot API calls"
    )
    assert total >= FUZZ_EXAMPLES
    assert {"message", "edited_message", "callback_query", "my_chat_member"} <= set(seen)
