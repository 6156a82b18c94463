"""Build and run the Telegram application (python-telegram-bot v22).

`build_application()` wires the handlers to a pipeline and a question log; tests call it with
`base_url` pointing at a fake Bot API server. `run()` serves by long polling, or by webhook
when a webhook URL is given; SIGINT and SIGTERM stop it cleanly.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import logging
from pathlib import Path
from urllib.parse import urlsplit

from telegram import BotCommand, BotCommandScopeChat, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    Defaults,
    MessageHandler,
    filters,
)

from ..errors import ConfigError
from ..settings import Settings
from . import admin, buttons, handlers, knowledge_admin
from .answer_workers import AnswerWorkers
from .handlers import DEPS_KEY, BotDeps
from .ratelimit import SlidingWindowLimiter
from .retry import RetryingRateLimiter
from .texts import menu

logger = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY, Update.MY_CHAT_MEMBER]
QUESTIONS_PER_MINUTE = 10
RATE_LIMIT_RETRIES = 3
# 16 connections carry ~160 requests/s at Telegram's ~100 ms round trip, over 5 times the 30/s
# the rate limiter lets out.
CONNECTION_POOL_SIZE = 16
POOL_TIMEOUT_S = 30.0
WARM_UP_QUESTION = "Får vi reservera en upphandling för sociala företag?"

NON_TEXT = (
    filters.Sticker.ALL
    | filters.PHOTO
    | filters.VIDEO
    | filters.VIDEO_NOTE
    | filters.ANIMATION
    | filters.VOICE
    | filters.AUDIO
    | filters.Document.ALL
    | filters.LOCATION
    | filters.VENUE
    | filters.CONTACT
    | filters.POLL
    | filters.Dice.ALL
)
USER_CHATS = filters.ChatType.PRIVATE | filters.ChatType.GROUPS


def api_urls(base: str) -> tuple[str, str]:
    """TELEGRAM_API_BASE_URL as PTB wants it: the Bot API server's root (`http://host:8081`) or
    its `/bot` prefix both work. Returns (base_url, base_file_url)."""
    base = base.strip().rstrip("/")
    if "{token}" in base:
        return base, base.replace("/bot{token}", "/file/bot{token}")
    root = base.removesuffix("/bot")
    return f"{root}/bot", f"{root}/file/bot"


def webhook_secret(settings: Settings) -> str:
    """A webhook secret token derived from HANSYN_SECRET (Telegram allows [A-Za-z0-9_-])."""
    return hmac.new((settings.secret or "").encode(), b"telegram-webhook", hashlib.sha256).hexdigest()


def register_handlers(app: Application) -> None:
    """Commands first, then messages by kind; one handler for every button; the error handler."""
    h, a = handlers, admin
    new = filters.UpdateType.MESSAGE  # an edited /reindex or /start does not run again
    app.add_handler(CommandHandler("start", h.start, filters=new))
    app.add_handler(CommandHandler(["hjalp", "help"], h.help_command, filters=new))
    app.add_handler(CommandHandler("fraga", h.fraga))  # an edited question is answered again
    app.add_handler(CommandHandler("exempel", h.exempel))
    app.add_handler(CommandHandler("lag", h.lag))
    app.add_handler(CommandHandler("om", h.om, filters=new))
    k = knowledge_admin
    for name, handler in (
        ("reindex", a.reindex),
        ("stats", a.stats),
        ("luckor", a.luckor),
        ("export", a.export),
        ("kunskap", k.kunskap),
        ("hamta", k.hamta),
        ("aterstall", k.aterstall),
        ("ta_bort", k.ta_bort),
    ):
        app.add_handler(CommandHandler(name, handler, filters=new))
    app.add_handler(MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE & new, h.unknown_command))
    app.add_handler(
        MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, h.private_text)
    )
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.GROUPS, h.group_text))
    # an admin's Markdown upload; for anyone else the same "text questions only" as other files
    app.add_handler(MessageHandler(filters.Document.ALL & filters.ChatType.PRIVATE & new, k.on_document))
    app.add_handler(MessageHandler(NON_TEXT & USER_CHATS & new, h.non_text))
    app.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & ~filters.StatusUpdate.ALL & new, h.private_other)
    )
    app.add_handler(CallbackQueryHandler(buttons.on_button))
    app.add_handler(ChatMemberHandler(h.membership, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_error_handler(admin.on_error)


async def set_commands(app: Application) -> None:
    """The command menu in Swedish (default) and English; admins also see theirs."""
    bot = app.bot
    for lang, code in (("sv", None), ("en", "en")):
        await bot.set_my_commands([BotCommand(c, d) for c, d in menu(lang)], language_code=code)
    for admin_id in sorted(app.bot_data[DEPS_KEY].settings.admin_ids):
        for lang, code in (("sv", None), ("en", "en")):
            commands = [BotCommand(c, d) for c, d in menu(lang, admin=True)]
            try:
                await bot.set_my_commands(commands, scope=BotCommandScopeChat(admin_id), language_code=code)
            except TelegramError as exc:  # the admin has not opened a chat with the bot yet
                logger.info("Adminmenyn kunde inte sättas för %s: %s", admin_id, exc)
                break


async def _warm_up(d: BotDeps) -> None:
    """Load the embedding model in the background (in every answer process, when the bot has
    them) so the first real questions are fast."""
    try:
        if d.workers is not None:
            await asyncio.gather(*(asyncio.wrap_future(f) for f in d.workers.warm_up(WARM_UP_QUESTION)))
        else:
            await asyncio.to_thread(d.pipeline.ask, WARM_UP_QUESTION)
    except Exception:  # noqa: BLE001 - a failed warm-up shows up again on the first question
        logger.exception("Uppvärmningen av modellen misslyckades")


async def post_init(app: Application) -> None:
    """After getMe: the command menu, the daily purge of the question log, model warm-up."""
    d: BotDeps = app.bot_data[DEPS_KEY]
    d.loop = asyncio.get_running_loop()
    await set_commands(app)
    tasks = {"hansyn-warm-up": _warm_up(d)}
    if d.qlog is not None:
        from ..log.questionlog import purge_daily

        tasks["hansyn-purge"] = purge_daily(d.qlog)
    for name, coro in tasks.items():
        task = asyncio.get_running_loop().create_task(coro, name=name)
        d.tasks.add(task)
        task.add_done_callback(d.tasks.discard)
    logger.info("Hänsyn är igång som @%s", app.bot.username)


async def post_shutdown(app: Application) -> None:
    """Stop the background tasks: the purge at once, pending log writes after a moment."""
    d: BotDeps = app.bot_data[DEPS_KEY]
    background = {"hansyn-purge", "hansyn-warm-up"}
    writes = [task for task in d.tasks if not task.done() and task.get_name() not in background]
    if writes:
        await asyncio.wait(writes, timeout=2.0)
    pending = [task for task in d.tasks if not task.done()]
    for task in pending:
        task.cancel()
    for task in pending:
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
    d.lookups.shutdown(wait=False, cancel_futures=True)
    if d.workers is not None:
        d.workers.shutdown()
    if d.qlog is not None:
        d.qlog.close()


def build_application(
    settings: Settings,
    pipeline,
    qlog=None,
    base_url: str | None = None,
    *,
    questions_per_minute: int = QUESTIONS_PER_MINUTE,
    rate_limit_retries: int = RATE_LIMIT_RETRIES,
    heartbeat_file: Path | None = None,
    answer_processes: int = 0,
) -> Application:
    """The bot, ready for `run_polling`/`run_webhook` (or `initialize` + `updater` in tests).
    With `heartbeat_file`, every successful getUpdates touches it (Docker HEALTHCHECK); with
    `answer_processes`, questions are answered in that many worker processes."""
    if not settings.telegram_token:
        raise ConfigError("TELEGRAM_BOT_TOKEN saknas")
    builder = (
        Application.builder()
        .token(settings.telegram_token)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                allow_sending_without_reply=True,
            )
        )
        .concurrent_updates(True)
        # Few connections: httpcore scans every pooled connection for each request, and with
        # PTB's default of 256 that cost ~40 % of the event loop under load (benchmarks/load.py).
        # A request waits for a free connection up to POOL_TIMEOUT_S (PTB's default, 1 s, would
        # drop answers under a burst: a pool timeout is not retried).
        .connection_pool_size(CONNECTION_POOL_SIZE)
        .pool_timeout(POOL_TIMEOUT_S)
        # Paces requests to settings.sends_per_second over all chats (Telegram's guideline, 30) and
        # 20 a minute per group; 0 turns the overall pacing off.
        .rate_limiter(
            RetryingRateLimiter(overall_max_rate=settings.sends_per_second, max_retries=rate_limit_retries)
        )
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    base = base_url or settings.telegram_api_base_url
    if base:
        api, files = api_urls(base)
        builder = builder.base_url(api).base_file_url(files)
    if heartbeat_file is not None:
        from .health import heartbeat_request

        builder = builder.get_updates_request(heartbeat_request(heartbeat_file))
    app = builder.build()
    app.bot_data[DEPS_KEY] = BotDeps(
        settings=settings,
        pipeline=pipeline,
        qlog=qlog,
        limiter=SlidingWindowLimiter(questions_per_minute, 60.0),
        workers=AnswerWorkers(settings, answer_processes) if answer_processes else None,
    )
    if qlog is not None and getattr(qlog, "on_error", None) is None:
        qlog.on_error = admin.log_error_reporter(app)
    register_handlers(app)
    return app


def run(
    settings: Settings,
    pipeline,
    qlog=None,
    *,
    webhook_url: str | None = None,
    listen: str = "0.0.0.0",
    port: int = 8443,
    secret_token: str | None = None,
) -> None:
    """Serve until SIGINT/SIGTERM: long polling, or a webhook when `webhook_url` is given.
    HANSYN_HEARTBEAT_FILE (read here) turns on the polling heartbeat for health checks."""
    from .health import heartbeat_path

    app = build_application(
        settings, pipeline, qlog, heartbeat_file=heartbeat_path(), answer_processes=settings.answer_processes
    )
    if webhook_url:
        app.run_webhook(
            listen=listen,
            port=port,
            url_path=urlsplit(webhook_url).path.lstrip("/"),
            webhook_url=webhook_url,
            secret_token=secret_token or webhook_secret(settings),
            allowed_updates=ALLOWED_UPDATES,
        )
    else:
        app.run_polling(allowed_updates=ALLOWED_UPDATES)
