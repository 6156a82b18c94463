"""`hansyn serve`: run the Telegram bot (long polling by default, webhook as an option)."""

from __future__ import annotations

import logging
import sys

import click

TOKEN_HELP = (
    "TELEGRAM_BOT_TOKEN saknas. Skapa en bot hos @BotFather i Telegram (/newbot) och lägg "
    "token i miljön eller i .env:\n  TELEGRAM_BOT_TOKEN=123456:ABC-...\n"
    "Se docs/telegram.md."
)


class RedactToken(logging.Filter):
    """Replace the bot token in every log record, whatever logged it. Connection trouble and a
    rejected token, which python-telegram-bot logs with a full traceback, get one line."""

    ONE_LINE = {"NetworkError", "TimedOut", "InvalidToken", "Conflict", "RetryAfter"}

    def __init__(self, token: str):
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        kind = type(error).__name__
        if (
            type(error).__module__ == "telegram.error"
            and kind in self.ONE_LINE
            and record.name.startswith("telegram")
        ):
            record.msg, record.args = f"{record.getMessage()} ({kind}: {error})", None
            record.exc_info, record.exc_text = None, None
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "<token>"), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self.token in record.exc_text:
            record.exc_text = record.exc_text.replace(self.token, "<token>")
        return True


def configure_logging(token: str, level: int = logging.INFO) -> None:
    """Readable logs on stderr that never contain the token (httpx logs every URL at INFO)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactToken(token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "faiss", "matplotlib"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def fail(message: str, code: int = 2) -> None:
    click.echo(f"Fel: {message}", err=True)
    sys.exit(code)


@click.command()
@click.option(
    "--webhook-url",
    envvar="HANSYN_WEBHOOK_URL",
    help="Ta emot uppdateringar via webhook på denna publika https-adress i stället för long polling.",
)
@click.option("--listen", default="0.0.0.0", show_default=True, help="Adress webhook-servern lyssnar på.")
@click.option(
    "--port", default=8443, show_default=True, type=click.IntRange(1, 65535), help="Port för webhook-servern."
)
@click.option(
    "--secret-token",
    envvar="HANSYN_WEBHOOK_SECRET",
    help="Hemlig token som Telegram skickar med varje webhook-anrop (standard: härledd ur HANSYN_SECRET).",
)
@click.option("-v", "--verbose", is_flag=True, help="Logga mer (DEBUG).")
def serve(webhook_url: str | None, listen: str, port: int, secret_token: str | None, verbose: bool) -> None:
    """Kör Telegram-boten (TELEGRAM_BOT_TOKEN; valfritt TELEGRAM_API_BASE_URL)."""
    from .main import domain_errors, make_pipeline, settings_from_env

    settings = settings_from_env()
    if not settings.telegram_token:
        fail(TOKEN_HELP)
    from ..log.questionlog import SECRET_HELP

    if not (settings.secret or "").strip():
        fail(SECRET_HELP)
    if webhook_url and not webhook_url.startswith("https://"):
        fail("--webhook-url ska vara en https-adress (Telegram skickar bara till https).")
    configure_logging(settings.telegram_token, logging.DEBUG if verbose else logging.INFO)
    domain_errors(_serve)(settings, make_pipeline, webhook_url, listen, port, secret_token)


def _serve(settings, make_pipeline, webhook_url, listen, port, secret_token) -> None:
    from telegram.error import InvalidToken, NetworkError

    from ..log.questionlog import QuestionLog
    from ..search.store import is_stale
    from ..telegram.app import run
    from ..telegram.knowledge_admin import seed_shipped_knowledge

    copied = seed_shipped_knowledge(settings)  # first start of an image: texts onto the volume
    if copied:
        click.echo(f"Kunskapsbanken kopierades från avbildningen: {len(copied)} filer.", err=True)
    pipeline = make_pipeline(settings)
    if is_stale(settings.index_dir, settings.knowledge_dir):
        click.echo("Kunskapsbanken har ändrats sedan indexet byggdes: bygger om det ändrade …", err=True)
        pipeline.reindex()
    qlog = QuestionLog.from_settings(settings)
    try:
        run(
            settings,
            pipeline,
            qlog,
            webhook_url=webhook_url,
            listen=listen,
            port=port,
            secret_token=secret_token,
        )
    except InvalidToken:
        fail("Telegram avvisade TELEGRAM_BOT_TOKEN. Kontrollera token hos @BotFather (/token).")
    except NetworkError as exc:
        where = settings.telegram_api_base_url or "api.telegram.org"
        message = str(exc).replace(settings.telegram_token, "<token>")
        fail(f"kunde inte nå Telegram ({where}): {message}", code=1)


COMMANDS = [serve]
