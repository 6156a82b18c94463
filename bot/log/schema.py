"""The question log's schema: numbered migrations (sqlite-utils) and `open_db()`, which the bot
and the CLI both use. It applies pending migrations under a file lock, turns on WAL mode and a
busy timeout, and overwrites deleted rows on disk."""

from __future__ import annotations

import contextlib
import fcntl
import sqlite3
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from ..errors import HansynError

BUSY_TIMEOUT_MS = 1500

migrations = Migrations("hansyn")


@migrations()
def m001_initial(db: Database) -> None:
    db.table("questions").create(
        {
            "id": int,
            "asked_at": str,  # UTC, ISO 8601: 2026-11-22T09:15:03Z
            "channel": str,  # cli | telegram
            "chat_type": str,  # private | group | supergroup (Telegram)
            "user_key": str,  # pseudonymise(secret, "user", telegram user id)
            "chat_key": str,  # pseudonymise(secret, "chat", telegram chat id)
            "question": str,
            "answered": int,  # 1 when the knowledge base gave a basis for an answer
            "top_source_ids": str,  # JSON list of passage ids, best first
            "refs": str,  # JSON list of provisions in the answer
            "scores": str,  # JSON list of the sources' scores
            "latency_ms": float,
        },
        pk="id",
        not_null={"asked_at", "channel", "question", "answered"},
    )
    db.table("feedback").create(
        {"id": int, "question_id": int, "value": int, "user_key": str, "created_at": str},
        pk="id",
        not_null={"question_id", "value", "created_at"},
        foreign_keys=[("question_id", "questions", "id")],
    )
    # One vote per person and answer: a second press replaces the first.
    db.table("feedback").create_index(["question_id", "user_key"], unique=True)
    db.table("admin_actions").create(
        {"id": int, "at": str, "action": str, "user_key": str, "result": str, "counts": str},
        pk="id",
        not_null={"at", "action"},
    )


@migrations()
def m002_question_details(db: Database) -> None:
    questions = db.table("questions")
    questions.add_column("language", str)
    questions.add_column("confidence", float)
    questions.add_column("top_doc_id", str)  # the topic the answer came from (NULL when unanswered)
    questions.add_column("index_version", str)
    db.execute(
        """
        UPDATE questions
        SET top_doc_id = substr(json_extract(top_source_ids, '$[0]'), 1,
                                instr(json_extract(top_source_ids, '$[0]') || '#', '#') - 1)
        WHERE answered = 1 AND json_valid(top_source_ids)
          AND json_extract(top_source_ids, '$[0]') IS NOT NULL
        """
    )
    questions.create_index(["asked_at"])
    questions.create_index(["user_key"])
    db.table("feedback").create_index(["user_key"])
    db.table("admin_actions").create_index(["at"])


@migrations()
def m003_question_search(db: Database) -> None:
    db.table("questions").enable_fts(["question"], create_triggers=True)


@migrations()
def m004_views(db: Database) -> None:
    db.create_view(
        "question_feedback",
        """
        SELECT q.*,
               (SELECT count(*) FROM feedback f WHERE f.question_id = q.id AND f.value > 0) AS thumbs_up,
               (SELECT count(*) FROM feedback f WHERE f.question_id = q.id AND f.value < 0) AS thumbs_down
        FROM questions q
        """,
    )
    db.create_view(
        "questions_per_day",
        """
        SELECT date(asked_at) AS day_utc, count(*) AS questions, sum(answered) AS answered,
               round(100.0 * sum(answered) / count(*), 1) AS answered_pct
        FROM questions GROUP BY day_utc ORDER BY day_utc DESC
        """,
    )


@migrations()
def m005_intent_and_near_miss(db: Database) -> None:
    """What the question asked for (intent), the files a declined question came close to (its
    "Menar du …?" candidates, a JSON list of ids) and where it was referred."""
    questions = db.table("questions")
    questions.add_column("intent", str)
    questions.add_column("near_miss", str)
    questions.add_column("referral", str)
    # the view selects q.*, so it is made again to hold the new columns
    db.execute("DROP VIEW IF EXISTS question_feedback")
    db.create_view(
        "question_feedback",
        """
        SELECT q.*,
               (SELECT count(*) FROM feedback f WHERE f.question_id = q.id AND f.value > 0) AS thumbs_up,
               (SELECT count(*) FROM feedback f WHERE f.question_id = q.id AND f.value < 0) AS thumbs_down
        FROM questions q
        """,
    )


@migrations()
def m006_knowledge_changes(db: Database) -> None:
    """Admins change knowledge files from the chat: which file, and its content hash before and
    after (NULL before a new file, after a removed one)."""
    actions = db.table("admin_actions")
    actions.add_column("doc_id", str)
    actions.add_column("old_hash", str)
    actions.add_column("new_hash", str)


@contextlib.contextmanager
def _migration_lock(path: Path):
    """One opener at a time upgrades the schema: the bot, the CLI and a second thread may open
    the same new file at once, and two appliers would both try to create the tables."""
    if str(path) == ":memory:":
        yield
        return
    with open(path.with_name(path.name + ".lock"), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def open_db(path: str | Path, readonly: bool = False) -> Database:
    """Open (or create) the question log: migrations applied, WAL mode, busy timeout,
    deleted rows overwritten on disk. `readonly=True` opens an existing file without
    writing anything (for admins who may only read it); its schema must be current."""
    path = Path(path)
    if readonly:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        db = Database(conn)
        if migrations.pending(db):
            db.close()
            raise HansynError(
                f"{path}: frågeloggen har ett äldre schema och är skrivskyddad; "
                "öppna den en gång med skrivrätt (t.ex. hansyn purge) så uppgraderas den."
            )
        return db
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    db = Database(conn)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA secure_delete = ON")  # purge/forget leave no readable remains
        with _migration_lock(path):
            db.enable_wal()
            if migrations.pending(db):
                migrations.apply(db)
    except BaseException:
        db.close()
        raise
    return db
