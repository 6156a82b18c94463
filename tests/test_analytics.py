"""Statistics, knowledge gaps and export over a seeded question log."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from questionlog_seed import MISSING_TOPIC, OTHER_MISSING, at, make_answer, seed_log

from bot.log.analytics import (
    EXPORT_COLUMNS,
    cluster_questions,
    compute_stats,
    export_rows,
    find_gaps,
    format_gaps,
    format_stats,
    percentile,
    write_csv,
)
from bot.log.plot import plot_stats
from bot.log.questionlog import QuestionLog
from bot.log.schema import open_db

TODAY = dt.date(2026, 11, 18)  # a Wednesday (ISO week 47)


@pytest.fixture
def seeded(tmp_path):
    path = tmp_path / "log.db"
    with QuestionLog(path, "test-secret-key") as log:
        ids = seed_log(log, TODAY)
    db = open_db(path)
    yield db, ids
    db.close()


def test_stats_on_a_seeded_log(seeded):
    db, _ = seeded
    stats = compute_stats(db, today=TODAY)
    assert stats["total"] == 9
    assert stats["answered"] == 7
    assert stats["answered_share"] == pytest.approx(7 / 9)
    assert stats["channels"] == {"telegram": 8, "cli": 1}
    assert stats["feedback"] == {"up": 1, "down": 1, "questions_down": 1}
    assert stats["latency_ms"] == {"p50": 50.0, "p95": 1000.0}
    assert stats["top_refs"][:2] == [("4 kap. 18 § LOU", 5), ("art. 20 direktiv 2014/24/EU", 5)]
    assert dict(stats["top_refs"])["17 kap. 2 § LOU"] == 1
    assert stats["top_topics"][0] == ("reserverad-upphandling", 5)
    assert len(stats["top_topics"]) == 3

    per_day = stats["per_day"]
    assert len(per_day) == 21  # every day from the first question to today, empty ones too
    assert per_day[0] == {"day": "2026-10-29", "questions": 1, "answered": 0, "answered_share": 0.0}
    assert per_day[1]["questions"] == 0 and per_day[1]["answered_share"] is None
    assert [d["questions"] for d in per_day[-3:]] == [4, 2, 2]
    assert [d["answered_share"] for d in per_day[-3:]] == [1.0, 0.5, 1.0]
    weeks = {w["week"]: (w["questions"], w["answered"]) for w in stats["per_week"]}
    assert weeks["2026-V47"] == (8, 7)
    assert weeks["2026-V44"] == (1, 0)
    assert sum(q for q, _ in weeks.values()) == 9


def test_stats_for_the_last_days_only(seeded):
    db, _ = seeded
    stats = compute_stats(db, days=7, today=TODAY)
    assert (stats["total"], stats["answered"]) == (8, 7)
    assert [d["day"] for d in stats["per_day"]][0] == "2026-11-12"
    assert len(stats["per_day"]) == 7
    assert stats["latency_ms"] == {"p50": 40.0, "p95": 1000.0}  # 8 values: the 4th and the 8th


def test_days_are_counted_in_swedish_time(tmp_path):
    path = tmp_path / "log.db"
    with QuestionLog(path, "k") as log:  # 23:30 UTC on 17 November is 00:30 on the 18th in Sweden
        log.record(
            make_answer("Sen fråga", None), channel="cli", asked_at=at(TODAY - dt.timedelta(days=1), 23, 30)
        )
    with open_db(path) as db:
        stats = compute_stats(db, days=2, today=TODAY)
    assert [(d["day"], d["questions"]) for d in stats["per_day"]] == [("2026-11-17", 0), ("2026-11-18", 1)]


def test_stats_text_reads_like_a_report(seeded):
    db, _ = seeded
    text = format_stats(compute_stats(db, today=TODAY))
    assert "9 frågor 2026-10-29 – 2026-11-18 (telegram 8, cli 1)" in text
    assert "Besvarade: 7 av 9 (78 %)" in text
    assert "Omdömen: 1 tummen upp, 1 tummen ned" in text
    assert "Svarstid: p50 50 ms, p95 1000 ms" in text
    assert "2026-11-17     2   besvarade 50 %" in text
    assert "2026 v47      8   besvarade 88 %" in text
    assert "     5  4 kap. 18 § LOU" in text
    assert format_stats(compute_stats(db, days=1, today=TODAY + dt.timedelta(days=30))).startswith(
        "Frågeloggen: inga frågor"
    )


def test_percentile_is_nearest_rank():
    assert percentile([], 50) is None
    assert percentile([7.0], 95) == 7.0
    assert percentile([float(n) for n in range(1, 101)], 50) == 50.0
    assert percentile([float(n) for n in range(1, 101)], 95) == 95.0
    assert percentile([30.0, 10.0, 20.0], 50) == 20.0


def test_ten_phrasings_of_one_missing_topic_form_one_group():
    unrelated = [
        "Vad är skillnaden mellan LOU och LUF?",
        "Hur lång tid tar en överprövning?",
        "Får vi gynna lokala företag?",
        "Vad är ett socialt företag?",
        "Hur följer vi upp sociala krav under avtalstiden?",
    ]
    texts = MISSING_TOPIC[:5] + OTHER_MISSING + MISSING_TOPIC[5:] + unrelated
    groups = cluster_questions(texts)
    by_text = [{texts[i] for i in g} for g in groups]
    assert set(MISSING_TOPIC) in by_text
    assert set(OTHER_MISSING) in by_text
    assert all(len(g) == 1 for g in by_text if g & set(unrelated))
    assert sorted(i for g in groups for i in g) == list(range(len(texts)))  # each text once


def test_gaps_group_unanswered_and_thumbs_down_questions(tmp_path):
    path = tmp_path / "log.db"
    with QuestionLog(path, "k") as log:
        for n, text in enumerate(MISSING_TOPIC):
            log.record(
                make_answer(text, None),
                channel="telegram",
                user_id=n % 6,
                asked_at=at(TODAY - dt.timedelta(days=n)),
            )
        for text in OTHER_MISSING:
            log.record(make_answer(text, None), channel="cli", asked_at=at(TODAY - dt.timedelta(days=3)))
        disliked = log.record(
            make_answer("Får vi reservera för sociala företag?", "reserverad-upphandling"), channel="telegram"
        )
        log.feedback(disliked, -1, user_id=9)
        changed_mind = log.record(make_answer("Vad säger 4 kap. 18 §?", "lou-4-18"), channel="telegram")
        log.feedback(changed_mind, -1, user_id=9)
        log.feedback(changed_mind, 1, user_id=9)
        log.record(make_answer("Vad är reserverad upphandling?", "reserverad-upphandling"), channel="cli")
    with open_db(path) as db:
        gaps = find_gaps(db, today=TODAY)

    assert [(g.count, g.reason) for g in gaps] == [(10, "obesvarad"), (3, "obesvarad"), (1, "tummen ned")]
    biggest = gaps[0]
    assert biggest.question in MISSING_TOPIC
    assert "barnkonventionen" in biggest.question.lower()
    assert set(biggest.questions) == set(MISSING_TOPIC)
    assert biggest.people == 6
    assert biggest.last_asked == "2026-11-18T10:00:00Z"
    assert biggest.first_asked == "2026-11-09T10:00:00Z"
    assert gaps[1].people == 0  # asked in the terminal
    assert gaps[2].topics == ["reserverad-upphandling"]

    text = format_gaps(gaps)
    assert text.startswith("Luckor i kunskapsbanken: 3 ämnen, 14 frågor")
    assert f"10×  senast 2026-11-18 · obesvarad · 6 personer\n     {biggest.question}" in text
    assert "tummen ned · svar från reserverad-upphandling" in text
    assert "… och 2 till" in format_gaps(gaps, limit=1)
    other = next(q for q in MISSING_TOPIC if q != biggest.question)
    assert f"– {other}" in format_gaps(gaps, verbose=True)
    assert f"– {other}" not in text


def test_a_question_about_hansyn_itself_is_no_gap(tmp_path):
    with QuestionLog(tmp_path / "log.db", "k") as log:
        about = make_answer("vad kan du hjälpa mig med?", None)
        about.about_bot = True
        log.record(about, channel="telegram")
        log.record(make_answer("Vad gäller för moms på tjänster?", None), channel="telegram")
    with open_db(tmp_path / "log.db") as db:
        assert [g.question for g in find_gaps(db)] == ["Vad gäller för moms på tjänster?"]


def test_no_gaps_says_so(tmp_path):
    with QuestionLog(tmp_path / "empty.db", "k") as log:
        log.record(make_answer("Får vi reservera?", "reserverad-upphandling"), channel="cli")
    with open_db(tmp_path / "empty.db") as db:
        assert find_gaps(db) == []
    assert format_gaps([]).startswith("Inga luckor")


def test_export_has_every_question_with_its_votes(seeded):
    db, ids = seeded
    exported = list(export_rows(db))
    assert len(exported) == 9
    assert list(exported[0]) == EXPORT_COLUMNS
    assert exported[0]["question"] == "Kan kommunen kräva kollektivavtal av städföretag?"  # oldest first
    by_id = {row["id"]: row for row in exported}
    assert (by_id[ids["down"]]["thumbs_up"], by_id[ids["down"]]["thumbs_down"]) == (0, 1)
    assert (by_id[ids["today-a"]]["thumbs_up"], by_id[ids["today-a"]]["thumbs_down"]) == (1, 0)
    assert len(list(export_rows(db, days=1, today=TODAY))) == 2

    out = io.StringIO()
    assert write_csv(export_rows(db), out) == 9
    parsed = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [int(r["id"]) for r in parsed] == [r["id"] for r in exported]
    assert parsed[-1]["refs"] == '["4 kap. 18 § LOU", "art. 20 direktiv 2014/24/EU"]'


def test_plot_draws_a_png(seeded, tmp_path):
    db, _ = seeded
    target = plot_stats(db, tmp_path / "stats.png", today=TODAY)
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000
    with pytest.raises(ValueError, match="inga frågor"):
        plot_stats(db, tmp_path / "empty.png", days=1, today=TODAY + dt.timedelta(days=30))
    assert not (tmp_path / "empty.png").exists()
