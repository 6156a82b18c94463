"""Telegram handlers for users: questions, commands, buttons and odd input.

Each handler reads its input, calls plain code (the pipeline off the event loop, rendering in
`render`) and replies. Admin commands and the error handler live in `admin`.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from telegram import Chat, ChatMember, Message, MessageEntity, Update
from telegram.ext import ContextTypes

from .. import __version__
from ..knowledge.refs import find_refs
from ..settings import Settings
from .answer_workers import WorkersUnavailable
from .callbacks import clip_utf8, examples_nav, start_keyboard
from .cards import render_about, render_examples, render_provision
from .ratelimit import SlidingWindowLimiter, Verdict
from .render import answer_keyboard, render_answer
from .texts import SUGGESTED_QUESTIONS, lang_of, t
from .typing_indicator import TypingIndicator

logger = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 1000
LOOKUP_WORKERS = max(2, os.cpu_count() or 1)  # two at least, so one slow lookup never blocks all
LOG_WAIT_S = 2.0  # the longest an answer waits for its log row (the row id goes in the buttons)
Context = ContextTypes.DEFAULT_TYPE


@dataclass
class BotDeps:
    """What the handlers need, stored once in `application.bot_data`."""

    settings: Settings
    pipeline: Any  # bot.answer.pipeline.Pipeline
    qlog: Any | None = None  # bot.log.questionlog.QuestionLog
    limiter: SlidingWindowLimiter = field(default_factory=SlidingWindowLimiter)
    reindex_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    tasks: set[asyncio.Task] = field(default_factory=set)
    reported: dict[str, float] = field(default_factory=dict)  # error signature -> last report
    loop: asyncio.AbstractEventLoop | None = None  # set in post_init (log errors come from threads)
    typing: TypingIndicator = field(default_factory=TypingIndicator)
    lookups: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(LOOKUP_WORKERS, thread_name_prefix="hansyn-lookup")
    )
    workers: Any | None = None  # bot.telegram.answer_workers.AnswerWorkers, when answers run in processes

    def is_admin(self, user) -> bool:
        return user is not None and user.id in self.settings.admin_ids


DEPS_KEY = "hansyn"


def deps(context: Context) -> BotDeps:
    return context.application.bot_data[DEPS_KEY]


# --- plain helpers ------------------------------------------------------------------------


def clean_question(text: str | None, bot_username: str | None = None) -> tuple[str, int | None]:
    """The question to ask: the bot's @mention removed, whitespace collapsed, and cut to
    MAX_QUESTION_CHARS at a word boundary. Returns (question, limit if it was cut)."""
    text = text or ""
    if bot_username:
        text = re.sub(rf"@{re.escape(bot_username)}\b", " ", text, flags=re.IGNORECASE)
    question = " ".join(text.split())
    if len(question) <= MAX_QUESTION_CHARS:
        return question, None
    cut = question[:MAX_QUESTION_CHARS]
    if " " in cut[MAX_QUESTION_CHARS // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut, MAX_QUESTION_CHARS


def addressed_to_bot(message: Message, bot_id: int, bot_username: str | None) -> bool:
    """In a group: does this message mention the bot or reply to one of its messages?"""
    reply = message.reply_to_message
    if reply is not None and reply.from_user is not None and reply.from_user.id == bot_id:
        return True
    name = f"@{bot_username}".lower() if bot_username else None
    entities = message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION])
    entities.update(message.parse_caption_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION]))
    for entity, text in entities.items():
        if entity.type == MessageEntity.MENTION and name and text.lower() == name:
            return True
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot_id:
            return True
    return False


def keep(d: BotDeps, task: asyncio.Future) -> None:
    """Hold a reference to a background task until it is done (post_shutdown waits for it)."""
    d.tasks.add(task)
    task.add_done_callback(d.tasks.discard)


def run_later(d: BotDeps, coro) -> None:
    """Fire and forget (log writes after the reply)."""
    keep(d, asyncio.get_running_loop().create_task(coro))


async def in_thread(func: Callable, *args, **kwargs):
    """Blocking I/O (the question log, a reindex) off the event loop."""
    return await asyncio.to_thread(func, *args, **kwargs)


async def look_up(d: BotDeps, func: Callable, *args):
    """Pipeline work (encoding the question, searching) off the event loop, on as many threads as
    there are cores: it is CPU-bound, and more threads only contend for the GIL
    (benchmarks/load.py on 2 cores, one A/B run: 35 answers/s with 2 threads, 26 with asyncio's
    default of 6)."""
    return await asyncio.get_running_loop().run_in_executor(d.lookups, functools.partial(func, *args))


async def ask(d: BotDeps, question: str):
    """The pipeline's answer: from an answer process when the bot has them (see
    bot/answer_workers.py), else from a lookup thread, which also stands in while they restart."""
    if d.workers is not None and d.workers.available:
        with contextlib.suppress(WorkersUnavailable):
            return await d.workers.ask(question)
    return await look_up(d, d.pipeline.ask, question)


def log_later(d: BotDeps, method: str, *args, **kwargs) -> None:
    """A question-log write in a worker thread, after the reply has gone out."""
    if d.qlog is not None:
        run_later(d, in_thread(getattr(d.qlog, method), *args, **kwargs))


async def send_chunks(
    message: Message, chunks: list[str], keyboard=None, quote: bool | None = None
) -> Message | None:
    """Reply with HTML messages, the keyboard under the last one; the first one quotes
    `message` when `quote` (None: only in groups, PTB's default)."""
    sent = None
    for n, chunk in enumerate(chunks):
        last = n == len(chunks) - 1
        sent = await message.reply_html(
            chunk, reply_markup=keyboard if last else None, do_quote=quote if n == 0 else False
        )
    return sent


def example_topic_doc(answer, pipeline) -> str | None:
    """The document whose topic "Liknande exempel" searches, when there are examples at all."""
    if not answer.answered or not answer.top_doc_id or not pipeline.documents("example"):
        return None
    return answer.top_doc_id


async def record_question(d: BotDeps, update: Update, answer, lang: str) -> int | None:
    """Write the question's log row and return its id (for the feedback buttons)."""
    if d.qlog is None:
        return None
    chat, user = update.effective_chat, update.effective_user
    write = asyncio.ensure_future(
        in_thread(
            d.qlog.record,
            answer,
            channel="telegram",
            chat_type=chat.type if chat else None,
            user_id=user.id if user else None,
            chat_id=chat.id if chat else None,
            language=lang,
            index_version=d.pipeline.index.build_id,
        )
    )
    try:
        return await asyncio.wait_for(asyncio.shield(write), LOG_WAIT_S)
    except TimeoutError:
        logger.warning("Frågeloggen svarade inte inom %.1f s; svaret skickas utan fråge-id", LOG_WAIT_S)
        keep(d, write)  # the row is still written, later
        return None


async def flood_checked(d: BotDeps, update: Update, lang: str) -> bool:
    """True when this user may ask now; tells them once per minute when they may not."""
    user = update.effective_user
    verdict = d.limiter.check(user.id if user else update.effective_chat.id)
    if verdict is Verdict.WARN and update.effective_message:
        await update.effective_message.reply_html(t("flood", lang))
    if verdict is not Verdict.ALLOW:
        logger.info("Frågegräns nådd för en användare (%s)", verdict.value)
    return verdict is Verdict.ALLOW


async def answer_question(update: Update, context: Context, text: str | None, quote: bool = True) -> None:
    """Ask the pipeline (off the event loop) and reply with the answer and its buttons; the
    answer quotes the question, so it is clear which one it answers (also after an edit)."""
    d, message, lang = deps(context), update.effective_message, lang_of(update.effective_user)
    question, truncated_at = clean_question(text, context.bot.username)
    if not question:
        await message.reply_html(t("ask_prompt", lang))
        return
    if not await flood_checked(d, update, lang):
        return
    async with d.typing.shown(context.bot, message.chat_id):
        answer = await ask(d, question)
    await reply_with_answer(update, d, message, answer, lang, truncated_at, quote)


async def reply_with_answer(
    update: Update, d: BotDeps, message, answer, lang: str, truncated_at=None, quote=True
):
    """Log the question, then send the answer with its buttons."""
    question_id = await record_question(d, update, answer, lang)
    keyboard = answer_keyboard(answer, question_id, example_topic_doc(answer, d.pipeline), lang)
    await send_chunks(message, render_answer(answer, lang, truncated_at), keyboard, quote=quote)


# --- commands -----------------------------------------------------------------------------


async def start(update: Update, context: Context) -> None:
    """/start: what the bot does and does not do, with three suggested questions."""
    lang = lang_of(update.effective_user)
    await update.effective_message.reply_html(
        t("start", lang), reply_markup=start_keyboard(SUGGESTED_QUESTIONS)
    )


async def help_command(update: Update, context: Context) -> None:
    """/hjalp and /help: how to ask, in private and in groups."""
    lang = "en" if update.effective_message.text.lstrip("/").lower().startswith("help") else "sv"
    if lang_of(update.effective_user) == "en":
        lang = "en"
    days = deps(context).settings.retention_days
    await update.effective_message.reply_html(t("help", lang, mention=f"@{context.bot.username}", days=days))


async def fraga(update: Update, context: Context) -> None:
    """/fraga <fråga>: ask explicitly (the way to ask in groups without a mention)."""
    await answer_question(update, context, " ".join(context.args or []))


async def exempel(update: Update, context: Context) -> None:
    """/exempel [ämne]: precedent cards, closest to the topic first, paged with buttons."""
    d, lang = deps(context), lang_of(update.effective_user)
    topic = clip_utf8(" ".join(context.args or []))
    if not await flood_checked(d, update, lang):
        return
    records = await look_up(d, d.pipeline.examples, topic or None)
    nav = examples_nav("t", topic) if topic else examples_nav("a", "")
    page = render_examples(records, 0, lang, topic or None, nav)
    await update.effective_message.reply_html(page.text, reply_markup=page.keyboard)


async def lag(update: Update, context: Context) -> None:
    """/lag <hänvisning>: what the knowledge base says about a provision (4 kap. 18 § or 4:18)."""
    d, lang, text = deps(context), lang_of(update.effective_user), " ".join(context.args or [])
    refs = find_refs(text) if text.strip() else []
    if not refs:
        key, values = ("lag_unparsed", {"text": text[:100]}) if text.strip() else ("lag_usage", {})
        await update.effective_message.reply_html(t(key, lang, **values))
        return
    if not await flood_checked(d, update, lang):
        return
    records = await look_up(d, d.pipeline.provision, text)
    shorts = {r["id"]: d.pipeline.short_answer(r["id"]) for r in records}
    await send_chunks(update.effective_message, render_provision(str(refs[0]), records, shorts, lang))


async def om(update: Update, context: Context) -> None:
    """/om: version, knowledge base size and date, index build time."""
    config = deps(context).pipeline.index.config
    await update.effective_message.reply_html(
        render_about(config, __version__, lang_of(update.effective_user))
    )


async def unknown_command(update: Update, context: Context) -> None:
    """A command the bot does not have (private chats only)."""
    await update.effective_message.reply_html(t("unknown_command", lang_of(update.effective_user)))


# --- messages -----------------------------------------------------------------------------


async def private_text(update: Update, context: Context) -> None:
    """In a private chat every text (also an edited one) is a question."""
    await answer_question(update, context, update.effective_message.text)


async def group_text(update: Update, context: Context) -> None:
    """In groups: answer only when mentioned or replied to; other chatter is ignored."""
    message = update.effective_message
    if message.from_user and message.from_user.is_bot:
        return  # never answer other bots: two bots could answer each other forever
    if not addressed_to_bot(message, context.bot.id, context.bot.username):
        return
    await answer_question(update, context, message.text)


async def non_text(update: Update, context: Context) -> None:
    """Stickers, photos, voice, documents, locations, contacts ...: text questions only."""
    message = update.effective_message
    if message.chat.type != Chat.PRIVATE and not addressed_to_bot(
        message, context.bot.id, context.bot.username
    ):
        return
    await message.reply_html(t("only_text", lang_of(update.effective_user)))


async def private_other(update: Update, context: Context) -> None:
    """Anything else in a private chat: empty text gets a prompt, the rest the text-only note."""
    message, lang = update.effective_message, lang_of(update.effective_user)
    if message is None:
        return
    await message.reply_html(t("ask_prompt" if message.text is not None else "only_text", lang))


_MEMBER = {ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER, ChatMember.RESTRICTED}


async def membership(update: Update, context: Context) -> None:
    """The bot was added to or removed from a group: greet, or just note it."""
    change = update.my_chat_member
    was, now = change.old_chat_member.status in _MEMBER, change.new_chat_member.status in _MEMBER
    logger.info(
        "Boten %s en chatt av typen %s", "lades till i" if now else "togs bort från", change.chat.type
    )
    if now and not was and change.chat.type in (Chat.GROUP, Chat.SUPERGROUP):
        lang = lang_of(change.from_user)
        await context.bot.send_message(
            change.chat.id, t("group_hello", lang, mention=f"@{context.bot.username}")
        )
