"""The admin commands (stats, gaps, export, purge, forget) and `hansyn ask --log`."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import os

import pytest
from click.testing import CliRunner
from questionlog_seed import MISSING_TOPIC, at, make_answer, seed_log

from bot.cli.main import main
from bot.log import questionlog
from bot.log.questionlog import QuestionLog, pseudonymise
from bot.log.schema import open_db

QUESTION = "Får vi reservera upphandlingen för sociala företag?"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def seeded(settings, env):
    """The seeded log (9 questions, 7 answered) with today's dates, where HANSYN_DB points."""
    with QuestionLog(settings.db_path, settings.secret) as log:
        return seed_log(log, dt.date.today())


def question_rows(path):
    with open_db(path) as db:
        return list(db.query("SELECT * FROM questions ORDER BY id"))


def assert_clean_failure(result, code=1):
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# -- ask --log ---------------------------------------------------------------------------------


def test_ask_logs_only_with_log(runner, env, settings):
    result = runner.invoke(main, ["ask", QUESTION])
    assert result.exit_code == 0, result.output
    assert not settings.db_path.exists()

    result = runner.invoke(main, ["ask", "--log", QUESTION])
    assert result.exit_code == 0, result.output
    assert "4 kap. 18 § LOU" in result.stdout
    (row,) = question_rows(settings.db_path)
    assert row["question"] == QUESTION
    assert row["channel"] == "cli"
    assert row["answered"] == 1
    assert row["top_doc_id"] == "reserverad-upphandling"
    assert row["index_version"]
    assert row["user_key"] is None


def _unwritable(kind, tmp_path, monkeypatch):
    if kind == "directory":
        target = tmp_path / "log-is-a-directory"
        target.mkdir()
        return target
    target = tmp_path / "readonly.db"
    open_db(target).close()
    target.chmod(0o444)
    if os.geteuid() == 0:  # root writes to read-only files: open it the way SQLite would for anyone else
        monkeypatch.setattr(questionlog, "open_db", functools.partial(open_db, readonly=True))
    return target


@pytest.mark.parametrize(
    "kind, expected",
    [("directory", "databasfilen går inte att öppna"), ("read-only file", "databasen är skrivskyddad")],
)
def test_ask_still_answers_when_the_log_cannot_be_written(runner, env, tmp_path, monkeypatch, kind, expected):
    target = _unwritable(kind, tmp_path, monkeypatch)
    monkeypatch.setenv("HANSYN_DB", str(target))
    result = runner.invoke(main, ["ask", "--log", QUESTION])
    assert result.exit_code == 0, result.output
    assert "4 kap. 18 § LOU" in result.stdout
    assert "Varning: kunde inte skriva till frågeloggen" in result.stderr
    assert str(target) in result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.output


# -- stats -------------------------------------------------------------------------------------


def test_stats_on_a_seeded_log(runner, seeded, tmp_path):
    result = runner.invoke(main, ["stats"])
    assert result.exit_code == 0, result.output
    assert "Besvarade: 7 av 9 (78 %)" in result.stdout
    assert "Omdömen: 1 tummen upp, 1 tummen ned" in result.stdout
    assert "Svarstid: p50 50 ms, p95 1000 ms" in result.stdout
    assert "     5  reserverad-upphandling" in result.stdout

    result = runner.invoke(main, ["stats", "--days", "7"])
    assert "Besvarade: 7 av 8 (88 %)" in result.stdout

    result = runner.invoke(main, ["stats", "--json"])
    data = json.loads(result.stdout)
    assert (data["total"], data["answered"], data["feedback"]["down"]) == (9, 7, 1)

    plot = tmp_path / "stats.png"
    result = runner.invoke(main, ["stats", "--plot", str(plot)])
    assert result.exit_code == 0, result.output
    assert plot.read_bytes().startswith(b"\x89PNG")
    assert f"Diagrammet är sparat i {plot}" in result.stderr


def test_plot_into_a_missing_directory_fails_cleanly(runner, seeded, tmp_path):
    result = runner.invoke(main, ["stats", "--plot", str(tmp_path / "nope" / "stats.png")])
    assert_clean_failure(result)
    assert "kunde inte spara diagrammet" in result.stderr


@pytest.mark.parametrize("command", [["stats"], ["gaps"], ["export"], ["stats", "--plot", "x.png"]])
def test_reading_commands_without_a_log_say_so(runner, env, settings, command):
    result = runner.invoke(main, command)
    assert_clean_failure(result)
    assert f"Ingen frågelogg ännu i {settings.db_path}" in result.stderr
    assert not settings.db_path.exists()


@pytest.mark.parametrize("command", [["purge"], ["forget", "--user-key", "0" * 32]])
def test_deleting_commands_without_a_log_have_nothing_to_do(runner, env, settings, command):
    result = runner.invoke(main, command)
    assert result.exit_code == 0, result.output
    assert "Ingen frågelogg ännu" in result.stderr
    assert not settings.db_path.exists()


def test_a_file_that_is_not_a_database_is_a_clean_error(runner, env, settings):
    settings.db_path.write_text("inte en databas " * 100, encoding="utf-8")
    result = runner.invoke(main, ["stats"])
    assert_clean_failure(result)
    assert "ingen SQLite-databas" in result.stderr


# -- gaps and export ---------------------------------------------------------------------------


def test_gaps_show_ten_phrasings_as_one_row(runner, settings, env):
    today = dt.date.today()
    with QuestionLog(settings.db_path, settings.secret) as log:
        for n, text in enumerate(MISSING_TOPIC):
            log.record(make_answer(text, None), channel="telegram", user_id=n, asked_at=at(today))
        log.record(make_answer("Vad gäller för lärlingar i byggentreprenader?", None), channel="cli")
        log.record(make_answer(QUESTION, "reserverad-upphandling"), channel="cli")
    result = runner.invoke(main, ["gaps"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Luckor i kunskapsbanken: 2 ämnen, 11 frågor")
    assert "10×  senast" in result.stdout
    assert "10 personer" in result.stdout
    assert QUESTION not in result.stdout

    data = json.loads(runner.invoke(main, ["gaps", "--json", "--limit", "1"]).stdout)
    assert len(data) == 1
    assert data[0]["count"] == 10
    assert data[0]["reason"] == "obesvarad"
    assert set(data[0]["questions"]) == set(MISSING_TOPIC)


def test_export_to_stdout_and_to_a_file(runner, seeded, tmp_path):
    result = runner.invoke(main, ["export"])
    assert result.exit_code == 0, result.output
    exported = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(exported) == 9
    assert sum(int(r["answered"]) for r in exported) == 7
    assert sum(int(r["thumbs_down"]) for r in exported) == 1
    assert {r["channel"] for r in exported} == {"telegram", "cli"}

    target = tmp_path / "fragor.csv"
    result = runner.invoke(main, ["export", "--csv", str(target), "--excel", "--days", "7"])
    assert result.exit_code == 0, result.output
    assert "Exporterade 8 frågor" in result.stderr
    raw = target.read_bytes()
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert len(rows) == 8
    assert rows[0]["question"].startswith("Fråga 0")


# -- purge and forget --------------------------------------------------------------------------


def test_purge_follows_the_retention_setting(runner, settings, env, monkeypatch):
    now = dt.datetime.now(dt.UTC)
    with QuestionLog(settings.db_path, settings.secret) as log:
        log.record(make_answer("Mycket gammal", None), channel="cli", asked_at=now - dt.timedelta(days=400))
        log.record(make_answer("Ganska gammal", None), channel="cli", asked_at=now - dt.timedelta(days=40))
        log.record(make_answer("Ny", None), channel="cli", asked_at=now - dt.timedelta(days=1))

    result = runner.invoke(main, ["purge"])  # default retention: 365 days
    assert result.exit_code == 0, result.output
    assert "Raderade 1 fråga, 0 omdömen och 0 adminåtgärder äldre än 365 dagar" in result.stdout
    monkeypatch.setenv("HANSYN_RETENTION_DAYS", "30")
    assert "Raderade 1 fråga" in runner.invoke(main, ["purge"]).stdout
    assert [r["question"] for r in question_rows(settings.db_path)] == ["Ny"]
    assert "Raderade 0 frågor" in runner.invoke(main, ["purge", "--days", "2"]).stdout

    monkeypatch.setenv("HANSYN_RETENTION_DAYS", "ett år")
    assert_clean_failure(runner.invoke(main, ["purge"]))


def test_forget_by_key_or_by_telegram_id(runner, settings, env):
    with QuestionLog(settings.db_path, settings.secret) as log:
        for user in (42, 42, 43, 44):
            question_id = log.record(
                make_answer(f"Fråga från {user}", None), channel="telegram", user_id=user
            )
        log.feedback(question_id, -1, user_id=42)

    result = runner.invoke(main, ["forget", "--user-id", "42"])
    assert result.exit_code == 0, result.output
    key = pseudonymise(settings.secret, "user", 42)
    assert f"Raderade 2 frågor och 1 omdöme för användarnyckeln {key}." in result.stdout

    key43 = pseudonymise(settings.secret, "user", 43)
    result = runner.invoke(main, ["forget", "--user-key", key43.upper()])
    assert "Raderade 1 fråga och 0 omdömen" in result.stdout
    assert [r["question"] for r in question_rows(settings.db_path)] == ["Fråga från 44"]
    assert "Inget sparat" in runner.invoke(main, ["forget", "--user-key", key43]).stdout


def test_forget_refuses_unclear_requests(runner, env, seeded, monkeypatch):
    assert_clean_failure(runner.invoke(main, ["forget"]), code=2)
    assert_clean_failure(runner.invoke(main, ["forget", "--user-key", "1234"]), code=2)
    assert_clean_failure(runner.invoke(main, ["forget", "--user-id", "1", "--user-key", "a" * 32]), code=2)
    monkeypatch.delenv("HANSYN_SECRET")
    result = runner.invoke(main, ["forget", "--user-id", "42"])
    assert_clean_failure(result)
    assert "HANSYN_SECRET saknas" in result.stderr
