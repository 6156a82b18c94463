"""The question log store: schema and migrations, writes, privacy, retention, failures."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3
import struct
import threading

import pytest
from questionlog_seed import at, make_answer
from sqlite_utils import Database

from bot.errors import ConfigError, HansynError
from bot.log import schema
from bot.log.questionlog import (
    LogWriteError,
    QuestionLog,
    forget_rows,
    pseudonymise,
    purge_daily,
    require_secret,
)
from bot.log.schema import migrations, open_db
from bot.settings import Settings

SECRET = "test-secret-key"


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "log.db"


@pytest.fixture
def log(db_path):
    errors: list[BaseException] = []
    with QuestionLog(db_path, SECRET, errors.append) as qlog:
        qlog.errors = errors
        yield qlog


def file_bytes(db_path) -> bytes:
    """Everything SQLite keeps on disk for this database: the file, its WAL and shared memory."""
    return b"".join(p.read_bytes() for p in sorted(db_path.parent.glob(db_path.name + "*")))


def rows(db_path, sql, params=()):
    with open_db(db_path) as db:
        return list(db.query(sql, params))


# -- schema ----------------------------------------------------------------------------------


def test_blank_database_gets_the_current_schema(db_path):
    db = open_db(db_path)
    assert db.table("questions").columns_dict == {
        "id": int,
        "asked_at": str,
        "channel": str,
        "chat_type": str,
        "user_key": str,
        "chat_key": str,
        "question": str,
        "answered": int,
        "top_source_ids": str,
        "refs": str,
        "scores": str,
        "latency_ms": float,
        "language": str,
        "confidence": float,
        "top_doc_id": str,
        "index_version": str,
        "intent": str,
        "near_miss": str,
        "referral": str,
    }
    assert db.table("feedback").columns_dict == {
        "id": int,
        "question_id": int,
        "value": int,
        "user_key": str,
        "created_at": str,
    }
    assert db.table("admin_actions").columns_dict == {
        "id": int,
        "at": str,
        "action": str,
        "user_key": str,
        "result": str,
        "counts": str,
        "doc_id": str,
        "old_hash": str,
        "new_hash": str,
    }
    assert db.table("questions").detect_fts() == "questions_fts"
    assert {"question_feedback", "questions_per_day"} <= set(db.view_names())
    assert db.journal_mode == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == schema.BUSY_TIMEOUT_MS
    applied = [m.name for m in migrations.applied(db)]
    assert applied == [
        "m001_initial",
        "m002_question_details",
        "m003_question_search",
        "m004_views",
        "m005_intent_and_near_miss",
        "m006_knowledge_changes",
    ]
    db.close()
    with open_db(db_path) as again:  # opening again applies nothing twice
        assert [m.name for m in migrations.applied(again)] == applied


def test_an_older_schema_upgrades_and_keeps_its_rows(db_path):
    old = Database(db_path)
    migrations.apply(old, stop_before="m002_question_details")
    assert "language" not in old.table("questions").columns_dict
    old.table("questions").insert(
        {
            "asked_at": "2026-01-05T10:00:00Z",
            "channel": "telegram",
            "question": "Får vi reservera för sociala företag?",
            "answered": 1,
            "top_source_ids": json.dumps(["reserverad-upphandling#kort-svar"]),
            "refs": json.dumps(["4 kap. 18 § LOU"]),
            "scores": "[0.8]",
            "latency_ms": 12.0,
        }
    )
    old.close()

    db = open_db(db_path)
    assert {"language", "confidence", "top_doc_id", "index_version"} <= set(
        db.table("questions").columns_dict
    )
    (row,) = db.query("SELECT * FROM questions")
    assert row["question"] == "Får vi reservera för sociala företag?"
    assert row["top_doc_id"] == "reserverad-upphandling"  # backfilled from the first source
    assert row["language"] is None
    found = list(db.table("questions").search("sociala", quote=True))
    assert [r["id"] for r in found] == [row["id"]]
    db.close()
    with QuestionLog(db_path, SECRET) as log:
        assert log.record(make_answer("Ny fråga", None), channel="cli") == row["id"] + 1


# -- writing and reading back ------------------------------------------------------------------


def test_a_real_answer_is_stored_with_its_sources_and_scores(pipeline, db_path):
    answer = pipeline.ask("Får vi reservera upphandlingen för sociala företag?")
    assert answer.answered
    with QuestionLog(db_path, SECRET) as log:
        question_id = log.record(
            answer,
            channel="telegram",
            chat_type="private",
            user_id=4242,
            chat_id=4242,
            language="sv",
            index_version=pipeline.index.build_id,
        )
    (row,) = rows(db_path, "SELECT * FROM questions WHERE id = ?", [question_id])
    assert row["question"] == "Får vi reservera upphandlingen för sociala företag?"
    assert row["answered"] == 1
    assert row["channel"] == "telegram"
    assert row["chat_type"] == "private"
    assert row["language"] == "sv"
    assert row["index_version"] == pipeline.index.build_id
    assert row["top_doc_id"] == answer.top_doc_id == "reserverad-upphandling"
    assert json.loads(row["top_source_ids"]) == [s.id for s in answer.sources]
    assert json.loads(row["refs"]) == answer.refs
    assert "4 kap. 18 § LOU" in json.loads(row["refs"])
    assert json.loads(row["scores"]) == [round(s.score, 4) for s in answer.sources]
    assert row["confidence"] == pytest.approx(answer.confidence, abs=1e-4)
    assert row["latency_ms"] == pytest.approx(answer.latency_ms, abs=0.1)
    assert row["user_key"] == pseudonymise(SECRET, "user", 4242)
    assert row["chat_key"] == pseudonymise(SECRET, "chat", 4242)


def test_an_unanswered_question_is_stored_without_a_topic(log, db_path):
    question_id = log.record(make_answer("Vad säger barnkonventionen?", None), channel="cli")
    (row,) = rows(
        db_path, "SELECT answered, top_doc_id, refs, user_key FROM questions WHERE id = ?", [question_id]
    )
    assert row == {"answered": 0, "top_doc_id": None, "refs": "[]", "user_key": None}


def test_feedback_is_stored_and_a_second_press_replaces_the_first(log, db_path):
    question_id = log.record(make_answer("Får vi reservera?", "reserverad-upphandling"), channel="telegram")
    assert log.feedback(question_id, 1, user_id=7)
    assert log.feedback(question_id, -1, user_id=7)  # changed their mind
    assert log.feedback(question_id, 1, user_id=8)
    votes = rows(db_path, "SELECT value, user_key FROM feedback ORDER BY value")
    assert votes == [
        {"value": -1, "user_key": pseudonymise(SECRET, "user", 7)},
        {"value": 1, "user_key": pseudonymise(SECRET, "user", 8)},
    ]
    (view,) = rows(db_path, "SELECT thumbs_up, thumbs_down FROM question_feedback")
    assert view == {"thumbs_up": 1, "thumbs_down": 1}


def test_feedback_on_a_purged_question_is_refused(log, db_path):
    assert log.feedback(999, 1, user_id=7) is False
    assert rows(db_path, "SELECT count(*) AS n FROM feedback") == [{"n": 0}]


def test_admin_actions_are_stored(log, db_path):
    log.admin_action("reindex", user_id=1001, result="ok", counts={"documents": 6, "passages": 24})
    (row,) = rows(db_path, "SELECT * FROM admin_actions")
    assert row["action"] == "reindex"
    assert row["result"] == "ok"
    assert json.loads(row["counts"]) == {"documents": 6, "passages": 24}
    assert row["user_key"] == log.user_key(1001)


def test_questions_are_full_text_searchable(log, db_path):
    log.record(make_answer("Hur tar vi hänsyn till barnkonventionen?", None), channel="cli")
    log.record(make_answer("Får vi reservera upphandlingen?", "reserverad-upphandling"), channel="cli")
    with open_db(db_path) as db:
        hits = list(db.table("questions").search("barnkonventionen", quote=True))
    assert [h["question"] for h in hits] == ["Hur tar vi hänsyn till barnkonventionen?"]


# -- privacy -----------------------------------------------------------------------------------


def test_raw_telegram_ids_never_reach_the_file(log, db_path):
    user_id, chat_id, admin_id = 987654321, -1002233445566, 5550001234
    question_id = log.record(
        make_answer("Får vi reservera?", "reserverad-upphandling"),
        channel="telegram",
        chat_type="supergroup",
        user_id=user_id,
        chat_id=chat_id,
    )
    assert log.feedback(question_id, -1, user_id=user_id)
    log.admin_action("reindex", user_id=admin_id)
    log.close()
    data = file_bytes(db_path)
    assert "Får vi reservera?".encode() in data  # the test reads the right bytes
    for raw in (user_id, chat_id, admin_id):
        assert str(raw).encode() not in data
        assert str(abs(raw)).encode() not in data
    assert struct.pack(">i", user_id) not in data  # nor as SQLite's 4-byte integer
    assert struct.pack(">q", chat_id) not in data
    assert SECRET.encode() not in data


def test_keys_depend_on_the_secret_and_the_kind():
    key = pseudonymise(SECRET, "user", 42)
    assert len(key) == 32 and int(key, 16) >= 0
    assert key == pseudonymise(SECRET, "user", "42")
    assert key != pseudonymise("another-secret", "user", 42)
    assert key != pseudonymise(SECRET, "chat", 42)


def test_without_a_secret_ids_are_not_logged_and_the_error_says_how_to_fix_it(db_path):
    errors: list[BaseException] = []
    with QuestionLog(db_path, None, errors.append) as log:
        assert log.record(make_answer("Fråga", None), channel="telegram", user_id=42) is None
        assert log.record(make_answer("Från terminalen", None), channel="cli") is not None
    assert "HANSYN_SECRET" in str(errors[0])
    assert [r["question"] for r in rows(db_path, "SELECT question FROM questions")] == ["Från terminalen"]
    with pytest.raises(ConfigError, match="token_hex"):
        require_secret(Settings(secret=None))
    assert require_secret(Settings(secret="s3cret")) == "s3cret"


# -- retention and erasure --------------------------------------------------------------------


def test_purge_deletes_old_rows_and_nothing_else(log, db_path):
    now = dt.datetime.now(dt.UTC)
    old = log.record(
        make_answer("Gammal fråga om lärlingar", None), channel="cli", asked_at=now - dt.timedelta(days=400)
    )
    mid = log.record(
        make_answer("Fråga om städning", None), channel="cli", asked_at=now - dt.timedelta(days=100)
    )
    new = log.record(make_answer("Ny fråga", "reserverad-upphandling"), channel="cli")
    assert log.feedback(old, -1, user_id=1)
    assert log.feedback(new, 1, user_id=1)
    with open_db(db_path) as db:
        db.table("admin_actions").insert({"at": "2020-01-01T00:00:00Z", "action": "reindex"})
    log.admin_action("reindex")

    assert log.purge(365) == 1
    assert [r["id"] for r in rows(db_path, "SELECT id FROM questions ORDER BY id")] == [mid, new]
    assert rows(db_path, "SELECT question_id FROM feedback") == [{"question_id": new}]
    assert len(rows(db_path, "SELECT * FROM admin_actions")) == 1
    with open_db(db_path) as db:
        assert list(db.table("questions").search("lärlingar", quote=True)) == []
    assert "Gammal fråga om lärlingar".encode() not in file_bytes(db_path)

    assert log.purge(50) == 1  # the retention setting decides
    assert [r["id"] for r in rows(db_path, "SELECT id FROM questions")] == [new]


def test_purge_uses_the_retention_setting_by_default(db_path):
    with QuestionLog(db_path, SECRET, retention_days=30) as log:
        log.record(
            make_answer("Fråga", None), channel="cli", asked_at=at(dt.date.today() - dt.timedelta(days=40))
        )
        log.record(
            make_answer("Fråga", None), channel="cli", asked_at=at(dt.date.today() - dt.timedelta(days=20))
        )
        assert log.purge() == 1


def test_forget_deletes_one_persons_rows_and_nothing_else(log, db_path):
    alice, bob = 111111111, 222222222
    a1 = log.record(
        make_answer("Alices hemliga fråga om Fjällbacka", None), channel="telegram", user_id=alice
    )
    log.record(make_answer("Alices andra fråga", None), channel="telegram", user_id=alice)
    b1 = log.record(make_answer("Bobs fråga", "reserverad-upphandling"), channel="telegram", user_id=bob)
    assert log.feedback(b1, 1, user_id=alice)
    assert log.feedback(b1, -1, user_id=bob)
    assert log.feedback(a1, 1, user_id=bob)  # goes with Alice's question
    log.admin_action("reindex", user_id=alice)

    assert log.forget(log.user_key(alice)) == 4  # 2 questions, Bob's vote on a1, Alice's vote on b1
    assert [r["question"] for r in rows(db_path, "SELECT question FROM questions")] == ["Bobs fråga"]
    assert rows(db_path, "SELECT question_id, value, user_key FROM feedback") == [
        {"question_id": b1, "value": -1, "user_key": log.user_key(bob)}
    ]
    assert rows(db_path, "SELECT action, user_key FROM admin_actions") == [
        {"action": "reindex", "user_key": None}
    ]
    log.close()
    assert "Fjällbacka".encode() not in file_bytes(db_path)
    with open_db(db_path) as db:
        assert forget_rows(db, pseudonymise(SECRET, "user", alice)) == {
            "questions": 0,
            "feedback": 0,
            "admin_actions": 0,
        }


async def test_the_daily_purge_task_purges_until_cancelled(db_path):
    with QuestionLog(db_path, SECRET, retention_days=10) as log:
        log.record(
            make_answer("Gammal", None), channel="cli", asked_at=at(dt.date.today() - dt.timedelta(days=30))
        )
        task = asyncio.create_task(purge_daily(log, first_delay_s=0, interval_s=0.01))
        for _ in range(200):
            await asyncio.sleep(0.01)
            if not rows(db_path, "SELECT id FROM questions"):
                break
        task.cancel()
        assert rows(db_path, "SELECT id FROM questions") == []


# -- failures never break an answer ------------------------------------------------------------


def test_an_unwritable_log_is_reported_once_and_recovers(tmp_path):
    db_path = tmp_path / "blocked"
    db_path.mkdir()  # a directory where the database file should be
    errors: list[BaseException] = []

    def on_error(exc):
        errors.append(exc)
        raise RuntimeError("the admin notifier is broken too")

    log = QuestionLog(db_path, SECRET, on_error)
    assert log.record(make_answer("Fråga", None), channel="telegram", user_id=1) is None
    assert log.feedback(1, 1, user_id=1) is False
    log.admin_action("reindex")
    assert log.purge(30) is None
    assert log.failures == 4
    assert len(errors) == 1  # the same failure is not re-reported within the interval
    assert isinstance(errors[0], LogWriteError)
    assert str(db_path) in str(errors[0])
    assert "går inte att öppna" in errors[0].admin_text

    db_path.rmdir()  # the admin fixes it: the next question is logged again
    assert log.record(make_answer("Fråga", None), channel="telegram", user_id=1) == 1
    log.close()


def test_a_locked_database_is_retried_once(db_path, monkeypatch):
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 50)
    open_db(db_path).close()
    blocker = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")
    errors: list[BaseException] = []
    with QuestionLog(db_path, SECRET, errors.append) as log:
        assert log.record(make_answer("Låst", None), channel="cli") is None
        assert "låst" in str(errors[0])
        # Released between the first try and the retry: the row is written.
        threading.Timer(0.1, lambda: blocker.execute("COMMIT")).start()
        assert log.record(make_answer("Upplåst", None), channel="cli") is not None
    blocker.close()
    assert [r["question"] for r in rows(db_path, "SELECT question FROM questions")] == ["Upplåst"]


def test_a_read_only_copy_opens_for_reading_only_when_current(tmp_path):
    current, older = tmp_path / "current.db", tmp_path / "older.db"
    with QuestionLog(current, SECRET) as log:
        log.record(make_answer("Fråga", None), channel="cli")
    with open_db(current, readonly=True) as db:
        assert db.execute("SELECT count(*) FROM questions").fetchone()[0] == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            db.execute("DELETE FROM questions")
    old = Database(older)
    migrations.apply(old, stop_before="m003_question_search")
    old.close()
    with pytest.raises(HansynError, match="äldre schema"):
        open_db(older, readonly=True)


def test_two_openers_of_a_new_file_do_not_race_the_migrations(tmp_path):
    import threading

    from bot.log.schema import open_db

    for n in range(15):
        path = tmp_path / f"race-{n}.db"
        errors: list[BaseException] = []

        def opener(path=path, errors=errors):
            try:
                open_db(path).close()
            except BaseException as exc:  # noqa: BLE001 - collected for the assertion
                errors.append(exc)

        threads = [threading.Thread(target=opener) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert "questions" in open_db(path).table_names()
