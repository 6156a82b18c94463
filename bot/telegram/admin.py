"""Admin commands (/reindex, /stats, /luckor, /export), error reporting to admins, apologies.

Admin rights are checked here, in code, against HANSYN_ADMIN_IDS: hiding the commands from the
menu is not protection. Refused attempts are logged (and noted in the question log).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import html
import io
import logging
import sqlite3
import tempfile
import time
import traceback
from pathlib import Path

from telegram import InputFile, Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, TelegramError

from ..errors import HansynError, KnowledgeError
from .cards import render_reindex_done, render_reindex_failed
from .handlers import Context, deps, in_thread, log_later, send_chunks
from .html import MAX_MESSAGE, split_html, tg_len
from .texts import esc, lang_of, plain, t

logger = logging.getLogger(__name__)

DEFAULT_DAYS = 30
PROGRESS_EVERY_S = 1.5
REPORT_EVERY_S = 10 * 60  # the same error is reported to the admins at most this often
GAPS_SHOWN = 15


# --- the gate -------------------------------------------------------------------------------


def admin_only(action: str):
    """Run the handler only for HANSYN_ADMIN_IDS, in a private chat; refuse others politely
    and log the attempt."""

    def decorate(handler):
        @functools.wraps(handler)
        async def gated(update: Update, context: Context) -> None:
            d, user, lang = deps(context), update.effective_user, lang_of(update.effective_user)
            if not d.is_admin(user):
                logger.warning(
                    "Avvisade /%s från användare %s (inte admin)", action, user.id if user else "?"
                )
                await update.effective_message.reply_html(t("not_admin", lang))
                log_later(d, "admin_action", action, user.id if user else None, result="denied")
                return
            if update.effective_chat.type != ChatType.PRIVATE:
                await update.effective_message.reply_html(t("admin_private", lang))
                return
            await handler(update, context)

        return gated

    return decorate


def days_arg(args: list[str] | None, default: int = DEFAULT_DAYS) -> int | None:
    """`/stats 7` → 7, `/stats alla` → None (the whole log), nothing → the default."""
    if not args:
        return default
    if args[0].lower() in {"alla", "all"}:
        return None
    return int(args[0]) if args[0].isdigit() and int(args[0]) > 0 else default


# --- /reindex -------------------------------------------------------------------------------


class ReindexProgress:
    """Edits one status message from the reindex worker thread, at most every few seconds."""

    def __init__(self, message: Message, lang: str, loop: asyncio.AbstractEventLoop):
        self.message, self.lang, self.loop = message, lang, loop
        self.last_text = message.text_html
        self.last_at = time.monotonic()
        self.pending: list = []

    def __call__(self, stage: str, done: int, total: int) -> None:  # runs in the worker thread
        if stage == "embed":
            text = t("reindex_embed", self.lang, done=done, total=total)
        else:
            text = t("reindex_chunk", self.lang, total=total)
        now = time.monotonic()
        if text == self.last_text or now - self.last_at < PROGRESS_EVERY_S:
            return
        self.last_text, self.last_at = text, now
        self.pending.append(asyncio.run_coroutine_threadsafe(self._edit(text), self.loop))

    async def _edit(self, text: str) -> None:
        try:
            await self.message.edit_text(text)
        except TelegramError as exc:  # progress is a courtesy; the final edit matters
            logger.info("Kunde inte visa förloppet: %s", exc)

    async def finish(self, text: str) -> None:
        for future in self.pending:
            await asyncio.wrap_future(future)
        if text != self.last_text:
            await self.message.edit_text(text)


async def run_reindex(pipeline, progress, lang: str) -> tuple[str, str, dict | None]:
    """Rebuild (in a thread) and swap in; returns (message, result, counts). On failure the
    old index keeps serving."""
    try:
        report = await in_thread(pipeline.reindex, progress)
    except KnowledgeError as exc:
        return render_reindex_failed(exc.problems, lang), "failed", {"problems": len(exc.problems)}
    except HansynError as exc:
        return t("reindex_error", lang, error=str(exc).splitlines()[0]), "error", None
    counts = {"documents": report.documents, "passages": report.passages, **report.counts_by_kind}
    return render_reindex_done(report, lang), "ok", counts


@admin_only("reindex")
async def reindex(update: Update, context: Context) -> None:
    """/reindex: rebuild the index and swap it in without a restart, showing progress."""
    d, lang, user = deps(context), lang_of(update.effective_user), update.effective_user
    if d.reindex_lock.locked():
        await update.effective_message.reply_html(t("reindex_busy", lang))
        return
    async with d.reindex_lock:
        status = await update.effective_message.reply_html(t("reindex_started", lang))
        progress = ReindexProgress(status, lang, asyncio.get_running_loop())
        try:
            text, result, counts = await run_reindex(d.pipeline, progress, lang)
        except Exception:
            await progress.finish(t("reindex_error", lang, error="oväntat fel"))
            raise
        await progress.finish(text)
    log_later(d, "admin_action", "reindex", user.id, result=result, counts=counts)


# --- /stats, /luckor, /export ---------------------------------------------------------------


def _open_log(settings):
    from ..log.schema import open_db

    return open_db(settings.db_path)


def stats_report(settings, days: int | None) -> tuple[str, bytes | None]:
    """The statistics text and the chart (PNG bytes, None when there is nothing to draw)."""
    from ..log.analytics import compute_stats, format_stats

    db = _open_log(settings)
    try:
        text = format_stats(compute_stats(db, days=days))
        try:
            from ..log.plot import plot_stats

            with tempfile.TemporaryDirectory() as tmp:
                png = plot_stats(db, Path(tmp) / "stats.png", days=days).read_bytes()
        except ValueError:
            png = None
        return text, png
    finally:
        db.close()


def gaps_report(settings, days: int | None) -> str:
    from ..log.analytics import find_gaps, format_gaps

    db = _open_log(settings)
    try:
        return format_gaps(find_gaps(db, days=days), limit=GAPS_SHOWN)
    finally:
        db.close()


def export_csv(settings) -> tuple[bytes, int]:
    """The whole log as CSV for Excel (semicolons, BOM), and its row count."""
    from ..log.analytics import export_rows, write_csv

    db = _open_log(settings)
    try:
        out = io.StringIO()
        rows = write_csv(export_rows(db), out, excel=True)
        return out.getvalue().encode("utf-8"), rows
    finally:
        db.close()


async def log_read(update: Update, func, *args):
    """Run a question-log read in a thread; tell the admin (and return None) when it fails."""
    try:
        return await in_thread(func, *args)
    except (HansynError, sqlite3.Error, OSError) as exc:
        from ..log.questionlog import describe_error

        logger.warning("Frågeloggen kunde inte läsas", exc_info=exc)
        await update.effective_message.reply_html(esc(f"Frågeloggen kunde inte läsas: {describe_error(exc)}"))
        return None


@admin_only("stats")
async def stats(update: Update, context: Context) -> None:
    """/stats [dagar|alla]: summary of the question log, with a PNG chart."""
    d, message = deps(context), update.effective_message
    report = await log_read(update, stats_report, d.settings, days_arg(context.args))
    if report is None:
        return
    text, png = report
    await send_chunks(message, split_html(f"<pre>{esc(text)}</pre>"))
    if png:
        caption = t("stats_caption", lang_of(update.effective_user))
        await message.reply_photo(InputFile(png, filename="hansyn-statistik.png"), caption=caption)
    log_later(d, "admin_action", "stats", update.effective_user.id)


@admin_only("luckor")
async def luckor(update: Update, context: Context) -> None:
    """/luckor [dagar|alla]: unanswered and thumbs-down questions, grouped by topic."""
    d = deps(context)
    text = await log_read(update, gaps_report, d.settings, days_arg(context.args))
    if text is None:
        return
    await send_chunks(update.effective_message, split_html(esc(text)))
    log_later(d, "admin_action", "luckor", update.effective_user.id)


@admin_only("export")
async def export(update: Update, context: Context) -> None:
    """/export: the question log as a CSV document (opens in Excel)."""
    d, lang, message = deps(context), lang_of(update.effective_user), update.effective_message
    result = await log_read(update, export_csv, d.settings)
    if result is None:
        return
    data, rows = result
    if not rows:
        await message.reply_html(t("export_empty", lang))
        return
    name = f"hansyn-fragelogg-{dt.date.today().isoformat()}.csv"
    await message.reply_document(InputFile(data, filename=name), caption=t("export_caption", lang, rows=rows))
    log_later(d, "admin_action", "export", update.effective_user.id, counts={"rows": rows})


# --- errors ---------------------------------------------------------------------------------


def redact(text: str, token: str | None) -> str:
    return text.replace(token, "<token>") if token else text


def describe_update(update: object) -> str:
    """Where an error happened, without the user's text."""
    if not isinstance(update, Update):
        return "ingen uppdatering"
    kind = next(
        (
            name
            for name in ("message", "edited_message", "callback_query", "my_chat_member")
            if getattr(update, name, None)
        ),
        "annan",
    )
    chat = update.effective_chat
    where = f"{chat.type} {chat.id}" if chat else "okänd chatt"
    user = update.effective_user
    return f"uppdatering {update.update_id} ({kind}) i {where}, användare {user.id if user else '?'}"


def error_report(update: object, error: BaseException | None, token: str | None, lang: str = "sv") -> str:
    """The admins' message: what failed and the end of the traceback, escaped, within 4096."""
    lines = traceback.format_exception(error) if error else ["okänt fel"]
    tail = redact("".join(lines), token)
    head = f"{t('admin_error', lang)}\n{esc(describe_update(update))}\n"
    room = MAX_MESSAGE - tg_len(head) - len("<pre></pre>") - 20
    body = html.escape(tail)
    while tg_len(body) > room:
        tail = tail[len(tail) // 8 :]  # keep the end, where the exception is
        body = html.escape("…" + tail)
    return f"{head}<pre>{body}</pre>"


async def notify_admins(context_or_app, text: str, signature: str | None = None) -> None:
    """Send `text` (HTML) to every admin; the same signature at most every REPORT_EVERY_S."""
    app = getattr(context_or_app, "application", context_or_app)
    d = app.bot_data["hansyn"]
    if signature is not None:
        now = time.monotonic()
        last = d.reported.get(signature)
        if last is not None and now - last < REPORT_EVERY_S:
            return
        d.reported[signature] = now
    for admin_id in sorted(d.settings.admin_ids):
        try:
            await app.bot.send_message(admin_id, text)
        except TelegramError as exc:  # the admin may never have started a chat with the bot
            logger.warning("Kunde inte meddela admin %s: %s", admin_id, exc)


async def apologise(update: object, lang: str) -> None:
    if not isinstance(update, Update):
        return
    try:
        if update.callback_query is not None:
            try:
                await update.callback_query.answer(plain("apology", lang), show_alert=True)
                return
            except BadRequest:  # already answered: fall back to a message
                pass
        if update.effective_message is not None:
            await update.effective_message.reply_html(t("apology", lang), do_quote=False)
    except TelegramError as exc:
        logger.warning("Kunde inte be om ursäkt: %s", exc)


async def on_error(update: object, context: Context) -> None:
    """Log the error with its traceback, tell the admins, apologise to the user."""
    logger.error("Fel när en uppdatering hanterades: %s", describe_update(update), exc_info=context.error)
    token = context.bot.token
    error = context.error
    signature = f"{type(error).__name__}: {error}"
    await notify_admins(context, error_report(update, error, token), signature=redact(signature, token))
    user = update.effective_user if isinstance(update, Update) else None
    await apologise(update, lang_of(user))


def log_error_reporter(app):
    """`QuestionLog.on_error`: called in a worker thread; tells the admins on the bot's loop."""

    def report(error: BaseException) -> None:
        d = app.bot_data["hansyn"]
        loop = d.loop
        text = getattr(error, "admin_text", None) or f"Frågeloggen: {error}"
        if loop is None or loop.is_closed():
            return
        coro = notify_admins(app, f"⚠️ {esc(text)}", signature=f"log:{error}")
        asyncio.run_coroutine_threadsafe(coro, loop)

    return report
