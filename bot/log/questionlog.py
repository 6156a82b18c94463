"""The question log: what was asked, what the bot answered, what users thought (SQLite).

The schema and `open_db()` live in `schema`.
Telegram ids never reach the file: they are keyed with HMAC-SHA256 under `HANSYN_SECRET`.
`QuestionLog` is the writer the bot uses; its methods never raise, because a log row must
never delay or break an answer: failures go to `on_error` (the admins) and to `logging`.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import errno
import hashlib
import hmac
import json
import logging
import re
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..errors import ConfigError, HansynError
from .schema import open_db

logger = logging.getLogger(__name__)

LOCKED_RETRY_DELAY_S = 0.25
REPORT_INTERVAL_S = 15 * 60  # the same failure is reported to the admins at most this often
DAY_S = 24 * 60 * 60
KEY_CHARS = 32
KEY_RE = re.compile(r"^[0-9a-f]{32}$")

SECRET_HELP = (
    "HANSYN_SECRET saknas. Frågeloggen sparar aldrig Telegram-id:n i klartext utan nycklar dem "
    "med HMAC-SHA256 under en hemlig nyckel. Skapa en och lägg den i .env (eller i miljön):\n"
    "  echo \"HANSYN_SECRET=$(python3 -c 'import secrets; print(secrets.token_hex(32))')\" >> .env\n"
    "Behåll samma nyckel: med en ny går gamla rader inte att koppla till en person (hansyn forget)."
)


def pseudonymise(secret: str, kind: str, raw_id: int | str) -> str:
    """A stable pseudonymous key for a Telegram user or chat id: HMAC-SHA256, 32 hex chars."""
    if not secret:
        raise ConfigError(SECRET_HELP)
    if kind not in ("user", "chat"):
        raise ValueError(f"kind must be 'user' or 'chat', not {kind!r}")
    message = f"{kind}:{raw_id}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()[:KEY_CHARS]


def require_secret(settings) -> str:
    """The secret the bot needs before it may start; a ConfigError says how to set one."""
    secret = (settings.secret or "").strip()
    if not secret:
        raise ConfigError(SECRET_HELP)
    return secret


def is_user_key(text: str) -> bool:
    return bool(KEY_RE.match(text))


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def timestamp(moment: dt.datetime | None = None) -> str:
    """The stored time format: UTC, to the second, `Z` suffix (sorts as text)."""
    moment = moment or utc_now()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_timestamp(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


ABOUT_BOT_INTENT = "about-bot"


def answer_row(answer) -> dict[str, Any]:
    """The columns an `Answer` fills in."""
    near_miss = [c["doc_id"] for c in getattr(answer, "near_miss", None) or []]
    referral = getattr(answer, "referral", None)
    return {
        "question": answer.question,
        "answered": int(bool(answer.answered)),
        "top_doc_id": answer.top_doc_id if answer.answered else None,
        "top_source_ids": json.dumps([s.id for s in answer.sources], ensure_ascii=False),
        "refs": json.dumps(list(answer.refs), ensure_ascii=False),
        "scores": json.dumps([round(float(s.score), 4) for s in answer.sources]),
        "confidence": round(float(answer.confidence), 4),
        "latency_ms": round(float(answer.latency_ms), 1),
        # a question about Hänsyn itself is no gap in the knowledge base (analytics.find_gaps)
        "intent": ABOUT_BOT_INTENT
        if getattr(answer, "about_bot", False)
        else getattr(answer, "intent", None),
        "near_miss": json.dumps(near_miss, ensure_ascii=False) if near_miss else None,
        "referral": referral.id if referral else None,
    }


def _compact(db: Database) -> None:
    """After deleting: merge the search index (drops deleted terms) and empty the WAL, so
    deleted text does not linger in the files."""
    db.execute("INSERT INTO questions_fts(questions_fts) VALUES('optimize')")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _delete_questions(db: Database, where: str, params: list) -> tuple[int, int]:
    ids = f"SELECT id FROM questions WHERE {where}"
    feedback = db.execute(f"DELETE FROM feedback WHERE question_id IN ({ids})", params).rowcount
    questions = db.execute(f"DELETE FROM questions WHERE {where}", params).rowcount
    return questions, feedback


def purge_rows(db: Database, days: int, now: dt.datetime | None = None) -> dict[str, int]:
    """Delete questions (with their feedback), feedback and admin actions older than `days`."""
    if days < 1:
        raise ValueError("days must be at least 1")
    cutoff = timestamp((now or utc_now()) - dt.timedelta(days=days))
    with db.atomic():
        questions, feedback = _delete_questions(db, "asked_at < ?", [cutoff])
        feedback += db.execute("DELETE FROM feedback WHERE created_at < ?", [cutoff]).rowcount
        admin = db.execute("DELETE FROM admin_actions WHERE at < ?", [cutoff]).rowcount
    if questions or feedback or admin:
        _compact(db)
    return {"questions": questions, "feedback": feedback, "admin_actions": admin, "cutoff": cutoff}


def forget_rows(db: Database, user_key: str) -> dict[str, int]:
    """Delete one person's questions (with all feedback on them) and feedback; their admin
    actions stay as a record that something was done, without the key."""
    with db.atomic():
        questions, feedback = _delete_questions(db, "user_key = ?", [user_key])
        feedback += db.execute("DELETE FROM feedback WHERE user_key = ?", [user_key]).rowcount
        admin = db.execute("UPDATE admin_actions SET user_key = NULL WHERE user_key = ?", [user_key]).rowcount
    if questions or feedback or admin:
        _compact(db)
    return {"questions": questions, "feedback": feedback, "admin_actions": admin}


class LogWriteError(HansynError):
    """Writing the question log failed; `str()` says where and why, in Swedish."""

    def __init__(self, action: str, path: Path, original: BaseException):
        self.action = action
        self.path = path
        self.original = original
        super().__init__(f"{path}: {describe_error(original)}")

    @property
    def admin_text(self) -> str:
        return (
            f"Frågeloggen kunde inte {self.action} ({self}). "
            "Boten svarar som vanligt; rätta felet så loggas nya frågor igen."
        )


def describe_error(exc: BaseException) -> str:
    """A Swedish one-liner for the usual ways a log write fails."""
    text = str(exc)
    lower = text.lower()
    if isinstance(exc, HansynError):
        return text.splitlines()[0]
    if "readonly" in lower or "read-only" in lower:
        return "databasen är skrivskyddad"
    if "locked" in lower or "busy" in lower:
        return "databasen är låst av en annan process"
    if "disk is full" in lower or getattr(exc, "errno", None) == errno.ENOSPC:
        return "disken är full"
    if "unable to open" in lower:
        return "databasfilen går inte att öppna (finns katalogen, och får boten skriva där?)"
    if "not a database" in lower or "malformed" in lower:
        return "filen är ingen SQLite-databas eller är skadad"
    if isinstance(exc, PermissionError):
        return "behörighet saknas"
    return f"{type(exc).__name__}: {text}"


def _is_locked(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and (
        "locked" in str(exc).lower() or "busy" in str(exc).lower()
    )


class QuestionLog:
    """The bot's writer. Every method catches its own errors: it retries once when the
    database is locked, then reports through `on_error(LogWriteError)` and returns None
    (or False). One connection, opened on first use, shared by threads under a lock."""

    def __init__(
        self,
        db_path: str | Path,
        secret: str | None,
        on_error: Callable[[BaseException], Any] | None = None,
        *,
        retention_days: int = 365,
    ):
        self.db_path = Path(db_path)
        self.secret = secret or None
        self.on_error = on_error
        self.retention_days = retention_days
        self.failures = 0
        self._db: Database | None = None
        self._lock = threading.Lock()
        self._last_report: tuple[str, float] | None = None

    @classmethod
    def from_settings(cls, settings, on_error: Callable[[BaseException], Any] | None = None) -> QuestionLog:
        return cls(settings.db_path, settings.secret, on_error, retention_days=settings.retention_days)

    def user_key(self, user_id: int | str) -> str:
        """The key under which a Telegram user's rows are stored (raises ConfigError without a secret)."""
        return pseudonymise(self.secret or "", "user", user_id)

    def _key(self, kind: str, raw_id: int | str | None) -> str | None:
        return None if raw_id is None else pseudonymise(self.secret or "", kind, raw_id)

    # -- writes -----------------------------------------------------------------------------

    def record(
        self,
        answer,
        *,
        channel: str,
        chat_type: str | None = None,
        user_id: int | str | None = None,
        chat_id: int | str | None = None,
        language: str | None = None,
        index_version: str | None = None,
        asked_at: dt.datetime | None = None,
    ) -> int | None:
        """Store one question and its answer; the new row's id, or None when that failed."""

        def write(db: Database) -> int:
            row = {
                "asked_at": timestamp(asked_at),
                "channel": channel,
                "chat_type": chat_type,
                "user_key": self._key("user", user_id),
                "chat_key": self._key("chat", chat_id),
                "language": language,
                "index_version": index_version,
                **answer_row(answer),
            }
            with db.atomic():
                return int(db.table("questions").insert(row).last_pk)

        return self._run("spara frågan", write)

    def feedback(self, question_id: int, value: int, user_id: int | str | None = None) -> bool:
        """Store a thumbs up (+1) or down (-1); the same person's second press replaces the
        first. False when the question is gone (purged) or the write failed."""

        def write(db: Database) -> bool:
            if value not in (1, -1):
                raise ValueError(f"feedback value must be 1 or -1, not {value!r}")
            with db.atomic():
                exists = db.execute("SELECT 1 FROM questions WHERE id = ?", [question_id]).fetchone()
                if not exists:
                    return False
                db.execute(
                    """
                    INSERT INTO feedback (question_id, value, user_key, created_at)
                    VALUES (?, ?, ?, ?)
                    ON CONFLICT (question_id, user_key)
                    DO UPDATE SET value = excluded.value, created_at = excluded.created_at
                    """,
                    [question_id, value, self._key("user", user_id), timestamp()],
                )
            return True

        return bool(self._run("spara omdömet", write))

    def admin_action(
        self,
        action: str,
        user_id: int | str | None = None,
        result: str = "ok",
        counts: dict | None = None,
        doc_id: str | None = None,
        old_hash: str | None = None,
        new_hash: str | None = None,
    ) -> None:
        """Note an admin action such as a reindex run or a change to a knowledge file: who,
        when, result, counts, and for a file its id and old and new content hashes."""

        def write(db: Database) -> None:
            row = {
                "at": timestamp(),
                "action": action,
                "user_key": self._key("user", user_id),
                "result": result,
                "counts": json.dumps(counts, ensure_ascii=False) if counts is not None else None,
                "doc_id": doc_id,
                "old_hash": old_hash,
                "new_hash": new_hash,
            }
            with db.atomic():
                db.table("admin_actions").insert(row)

        self._run("spara adminåtgärden", write)

    def purge(self, days: int | None = None) -> int | None:
        """Delete questions older than `days` (default: the retention setting); how many."""
        result = self._run("rensa gamla frågor", lambda db: purge_rows(db, days or self.retention_days))
        if result is None:
            return None
        if result["questions"]:
            logger.info("Frågeloggen: rensade %d frågor före %s", result["questions"], result["cutoff"])
        return result["questions"]

    def forget(self, user_key: str) -> int | None:
        """Delete one person's questions and feedback; how many rows were deleted."""
        result = self._run("radera personens rader", lambda db: forget_rows(db, user_key))
        return None if result is None else result["questions"] + result["feedback"]

    def close(self) -> None:
        with self._lock:
            self._close()

    def __enter__(self) -> QuestionLog:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- plumbing ---------------------------------------------------------------------------

    def _close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(Exception):  # closing a broken connection
                self._db.close()
            self._db = None

    def _run(self, action: str, fn: Callable[[Database], Any]) -> Any:
        for attempt in (1, 2):
            try:
                with self._lock:
                    if self._db is None:
                        self._db = open_db(self.db_path)
                    return fn(self._db)
            except Exception as exc:  # noqa: BLE001 - a log row never breaks an answer
                with self._lock:
                    self._close()  # reopen next time: the file may be writable again
                if attempt == 1 and _is_locked(exc):
                    time.sleep(LOCKED_RETRY_DELAY_S)
                    continue
                self._report(LogWriteError(action, self.db_path, exc))
                return None
        return None

    def _report(self, error: LogWriteError) -> None:
        self.failures += 1
        logger.warning("%s", error.admin_text, exc_info=error.original)
        if self.on_error is None:
            return
        now = time.monotonic()
        signature = str(error)
        last = self._last_report
        if last and last[0] == signature and now - last[1] < REPORT_INTERVAL_S:
            return
        self._last_report = (signature, now)
        try:
            self.on_error(error)
        except Exception:  # noqa: BLE001 - the error reporter must not break the bot either
            logger.exception("Frågeloggen: felrapporten till admins misslyckades")


def log_cli_answer(settings, answer, index_version: str | None) -> int | None:
    """Write the row for `hansyn ask --log`; raises LogWriteError so the CLI can warn."""
    errors: list[BaseException] = []
    with QuestionLog(settings.db_path, settings.secret, errors.append) as log:
        question_id = log.record(answer, channel="cli", index_version=index_version)
    if errors:
        raise errors[0]
    return question_id


async def purge_job(context) -> None:
    """python-telegram-bot JobQueue callback; `data` is the QuestionLog:
    `app.job_queue.run_repeating(purge_job, interval=DAY_S, first=60, data=log)`."""
    log: QuestionLog = context.job.data
    await asyncio.to_thread(log.purge)


async def purge_daily(log: QuestionLog, *, first_delay_s: float = 60.0, interval_s: float = DAY_S) -> None:
    """Purge soon after start, then once a day, until cancelled. Works without the JobQueue
    extra: `app.create_task(purge_daily(log))` in post_init, cancel it in post_shutdown."""
    await asyncio.sleep(first_delay_s)
    while True:
        await asyncio.to_thread(log.purge)
        await asyncio.sleep(interval_s)
