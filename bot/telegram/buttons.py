"""Telegram handlers for button presses: feedback, "Visa mer", similar precedents, pages of
precedents, a precedent's card, a "Menar du …?" candidate, and the suggested questions."""

from __future__ import annotations

import logging

from telegram import Message, Update
from telegram.error import BadRequest

from . import knowledge_admin
from .callbacks import examples_nav, parse_callback, short_key
from .cards import precedent_card, render_examples
from .handlers import Context, answer_question, deps, log_later, look_up, reply_with_answer, send_chunks
from .render import render_more
from .texts import SUGGESTED_QUESTIONS, lang_of, plain

logger = logging.getLogger(__name__)


async def on_feedback(update: Update, context: Context) -> None:
    """👍 / 👎: thank at once, then log the vote against the question."""
    query, lang = update.callback_query, lang_of(update.effective_user)
    data = parse_callback(query.data)
    await query.answer(plain("thanks", lang))
    question_id = int(data.args[1])
    if question_id:
        log_later(
            deps(context), "feedback", question_id, 1 if data.args[0] == "+" else -1, query.from_user.id
        )


async def on_more(update: Update, context: Context) -> None:
    """The "Visa mer" button: the fuller passage behind the answer."""
    query, lang, pipeline = update.callback_query, lang_of(update.effective_user), deps(context).pipeline
    key = parse_callback(query.data).args[0]
    passage = next((p for p in pipeline.index.passages if short_key(p.id) == key), None)
    if passage is None:
        await query.answer(plain("more_gone", lang), show_alert=True)
        return
    await query.answer()
    chunks = render_more(passage.title, passage.heading, passage.text, passage.url, passage.checked, lang)
    await send_chunks(query.message, chunks)


def record_by_key(pipeline, key: str, kind: str | None = None) -> dict | None:
    """The knowledge file a button's short key names (None once it has gone)."""
    return next((r for r in pipeline.documents(kind) if short_key(r["id"]) == key), None)


async def pressed_record(update: Update, context: Context, kind: str | None = None) -> dict | None:
    """The file a pressed button names, the press acknowledged; a file that has gone since is
    said in an alert and None returned."""
    query, lang = update.callback_query, lang_of(update.effective_user)
    record = record_by_key(deps(context).pipeline, parse_callback(query.data).args[0], kind)
    if record is None:
        await query.answer(plain("more_gone", lang), show_alert=True)
        return None
    await query.answer()
    return record


async def on_similar(update: Update, context: Context) -> None:
    """The "Liknande exempel" button: precedents on the answer's topic, as a new message."""
    query, lang, d = update.callback_query, lang_of(update.effective_user), deps(context)
    doc = await pressed_record(update, context)
    if doc is None:
        return
    key = parse_callback(query.data).args[0]
    records = await look_up(d, d.pipeline.examples, " ".join([doc["title"], *doc.get("tags", [])]))
    page = render_examples(records, 0, lang, doc["title"], examples_nav("d", key))
    await query.message.reply_html(page.text, reply_markup=page.keyboard, do_quote=False)


async def on_examples_page(update: Update, context: Context) -> None:
    """◀️ / ▶️ on a page of precedents: edit that message in place."""
    query, lang, d = update.callback_query, lang_of(update.effective_user), deps(context)
    kind, arg, page_no = parse_callback(query.data).args
    await query.answer()
    title, topic = None, arg or None
    if kind == "d":
        doc = record_by_key(d.pipeline, arg)
        title = doc["title"] if doc else None
        topic = " ".join([doc["title"], *doc.get("tags", [])]) if doc else None
    records = await look_up(d, d.pipeline.examples, topic)
    page = render_examples(records, int(page_no), lang, title or topic, examples_nav(kind, arg))
    try:
        await query.edit_message_text(page.text, reply_markup=page.keyboard)
    except BadRequest as exc:
        if "not modified" in str(exc).lower():
            return  # a double tap asks for the page already shown
        # The message was deleted meanwhile: send the page as a new message instead.
        await context.bot.send_message(query.message.chat.id, page.text, reply_markup=page.keyboard)


async def on_card(update: Update, context: Context) -> None:
    """A precedent's button under a list: its card with every field and its sources."""
    record = await pressed_record(update, context, "example")
    if record is not None:
        lang = lang_of(update.effective_user)
        await update.callback_query.message.reply_html(precedent_card(record, lang), do_quote=False)


async def on_meant(update: Update, context: Context) -> None:
    """A "Menar du …?" candidate: answer with that file, as if it had been asked."""
    record = await pressed_record(update, context)
    if record is None:
        return
    d, lang = deps(context), lang_of(update.effective_user)
    answer = await look_up(d, d.pipeline.answer_document, record["id"])
    await reply_with_answer(update, d, update.callback_query.message, answer, lang, quote=False)


async def on_suggested(update: Update, context: Context) -> None:
    """A suggested question under /start: ask it."""
    query = update.callback_query
    number = int(parse_callback(query.data).args[0])
    await query.answer()
    if number < len(SUGGESTED_QUESTIONS):
        await answer_question(update, context, SUGGESTED_QUESTIONS[number], quote=False)


CALLBACKS = {
    "fb": on_feedback,
    "more": on_more,
    "exs": on_similar,
    "ex": on_examples_page,
    "ask": on_suggested,
    "card": on_card,
    "mean": on_meant,
    "kb": knowledge_admin.on_kb_button,
}


async def on_button(update: Update, context: Context) -> None:
    """Every button press: dispatch ours; answer stale or foreign ones with a short note."""
    query = update.callback_query
    data = parse_callback(query.data)
    handler = CALLBACKS.get(data.action) if data else None
    # Buttons that answer in the chat need the message; Telegram omits it when it is too old
    # (an InaccessibleMessage, or a Message dated 0 as PTB may parse it).
    message = query.message
    too_old = not isinstance(message, Message) or not message.is_accessible
    inaccessible = too_old and data is not None and data.action != "fb"
    if handler is None or inaccessible:
        logger.info("Okänd eller gammal knapp: %r", (query.data or "")[:64])
        await query.answer(plain("stale_button", lang_of(update.effective_user)), show_alert=True)
        return
    await handler(update, context)
