"""Admin views over the question log: statistics, knowledge gaps, CSV export.

Pure functions over an open `sqlite_utils.Database` returning plain data, plus plain-text
formatters shared by the CLI and the Telegram admin commands.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import IO, Any

from sqlite_utils import Database

from ..search.textproc import stem, tokens
from .questionlog import ABOUT_BOT_INTENT, parse_timestamp, timestamp, utc_now

TIMEZONE = "Europe/Stockholm"  # days and weeks are counted in Swedish time
TOP_N = 10
GAP_THRESHOLD = 0.25  # cosine similarity for "the same missing topic" (see cluster_questions)

EXPORT_COLUMNS = [
    "id",
    "asked_at",
    "channel",
    "chat_type",
    "user_key",
    "chat_key",
    "language",
    "question",
    "answered",
    "top_doc_id",
    "top_source_ids",
    "refs",
    "scores",
    "confidence",
    "intent",
    "near_miss",
    "referral",
    "latency_ms",
    "index_version",
    "thumbs_up",
    "thumbs_down",
]


def zone() -> dt.tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(TIMEZONE)
    except Exception:  # noqa: BLE001 - no tz database in a slim image: fall back to UTC
        return dt.UTC


def window_start(days: int | None, today: dt.date) -> str | None:
    """The UTC timestamp of local midnight `days - 1` days before `today` (None: everything)."""
    if not days:
        return None
    first = today - dt.timedelta(days=days - 1)
    return timestamp(dt.datetime.combine(first, dt.time(), tzinfo=zone()))


def local_day(asked_at: str) -> dt.date:
    return parse_timestamp(asked_at).astimezone(zone()).date()


def percentile(values: list[float], pct: float) -> float | None:
    """Nearest-rank percentile: `pct` % of the values are at most the result."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _json_list(text: str | None) -> list:
    try:
        value = json.loads(text) if text else []
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def _where_since(since: str | None, alias: str = "") -> tuple[str, list]:
    if since is None:
        return "1 = 1", []
    return f"{alias}asked_at >= ?", [since]


# -- statistics ------------------------------------------------------------------------------


def compute_stats(
    db: Database, days: int | None = None, today: dt.date | None = None, top: int = TOP_N
) -> dict[str, Any]:
    """Questions per day and week, answered share, top provisions and topics, thumbs up/down,
    p50/p95 latency, for the last `days` days (None: the whole log). JSON-ready."""
    today = today or utc_now().astimezone(zone()).date()
    since = window_start(days, today)
    where, params = _where_since(since)
    rows = list(
        db.query(
            f"SELECT asked_at, channel, answered, latency_ms, refs, top_doc_id FROM questions "
            f"WHERE {where} ORDER BY asked_at",
            params,
        )
    )
    where_q, params_q = _where_since(since, "q.")
    votes = dict(
        db.execute(
            f"SELECT CASE WHEN f.value > 0 THEN 1 ELSE -1 END AS vote, count(*) "
            f"FROM feedback f JOIN questions q ON q.id = f.question_id WHERE {where_q} GROUP BY vote",
            params_q,
        ).fetchall()
    )
    down_questions = db.execute(
        f"SELECT count(DISTINCT f.question_id) FROM feedback f JOIN questions q ON q.id = f.question_id "
        f"WHERE f.value < 0 AND {where_q}",
        params_q,
    ).fetchone()[0]

    per_day: dict[dt.date, list[int]] = {}
    refs: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    channels: Counter[str] = Counter()
    latencies = []
    for row in rows:
        counts = per_day.setdefault(local_day(row["asked_at"]), [0, 0])
        counts[0] += 1
        counts[1] += 1 if row["answered"] else 0
        refs.update(str(r) for r in _json_list(row["refs"]))
        if row["top_doc_id"]:
            topics[row["top_doc_id"]] += 1
        channels[row["channel"]] += 1
        if row["latency_ms"] is not None:
            latencies.append(float(row["latency_ms"]))

    days_list = []
    if per_day or since:
        first = local_day(since) if since else min(per_day)
        last = max([today, *per_day])
        day = first
        while day <= last:
            asked, answered = per_day.get(day, (0, 0))
            days_list.append(
                {
                    "day": day.isoformat(),
                    "questions": asked,
                    "answered": answered,
                    "answered_share": _share(answered, asked),
                }
            )
            day += dt.timedelta(days=1)
    weeks: dict[str, dict] = {}
    for entry in days_list:
        year, week, _ = dt.date.fromisoformat(entry["day"]).isocalendar()
        bucket = weeks.setdefault(
            f"{year}-V{week:02d}",
            {"week": f"{year}-V{week:02d}", "start": entry["day"], "questions": 0, "answered": 0},
        )
        bucket["questions"] += entry["questions"]
        bucket["answered"] += entry["answered"]
    for bucket in weeks.values():
        bucket["answered_share"] = _share(bucket["answered"], bucket["questions"])

    total = len(rows)
    answered = sum(1 for row in rows if row["answered"])
    return {
        "days": days,
        "since": since,
        "today": today.isoformat(),
        "total": total,
        "answered": answered,
        "unanswered": total - answered,
        "answered_share": _share(answered, total),
        "first_asked": rows[0]["asked_at"] if rows else None,
        "last_asked": rows[-1]["asked_at"] if rows else None,
        "channels": dict(channels.most_common()),
        "per_day": days_list,
        "per_week": list(weeks.values()),
        "top_refs": refs.most_common(top),
        "top_topics": topics.most_common(top),
        "feedback": {"up": votes.get(1, 0), "down": votes.get(-1, 0), "questions_down": down_questions},
        "latency_ms": {"p50": percentile(latencies, 50), "p95": percentile(latencies, 95)},
    }


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _pct(share: float | None) -> str:
    return "–" if share is None else f"{round(share * 100)} %"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} ms"


def format_stats(stats: dict[str, Any], days_shown: int = 14, weeks_shown: int = 8) -> str:
    """Plain Swedish text (no markup) for the terminal and for Telegram."""
    period = f"de senaste {stats['days']} dagarna" if stats["days"] else "hela loggen"
    if not stats["total"]:
        return f"Frågeloggen: inga frågor under {period}."
    channels = ", ".join(f"{name} {n}" for name, n in stats["channels"].items())
    first = local_day(stats["first_asked"]).isoformat()
    last = local_day(stats["last_asked"]).isoformat()
    fb = stats["feedback"]
    lat = stats["latency_ms"]
    lines = [
        f"Frågeloggen ({period}): {_n(stats['total'], 'fråga', 'frågor')} {first} – {last} ({channels})",
        f"Besvarade: {stats['answered']} av {stats['total']} ({_pct(stats['answered_share'])})",
        f"Omdömen: {fb['up']} tummen upp, {fb['down']} tummen ned",
        f"Svarstid: p50 {_ms(lat['p50'])}, p95 {_ms(lat['p95'])}",
    ]
    days = stats["per_day"][-days_shown:]
    if days:
        cut = f" (de senaste {len(days)})" if len(days) < len(stats["per_day"]) else ""
        lines += ["", f"Frågor per dag{cut}:"]
        lines += [
            f"  {d['day']}  {d['questions']:>4}   besvarade {_pct(d['answered_share'])}"
            for d in reversed(days)
        ]
    weeks = stats["per_week"][-weeks_shown:]
    if weeks:
        cut = f" (de senaste {len(weeks)})" if len(weeks) < len(stats["per_week"]) else ""
        lines += ["", f"Frågor per vecka{cut}:"]
        lines += [
            f"  {w['week'][:4]} v{w['week'][-2:]}  {w['questions']:>5}   besvarade {_pct(w['answered_share'])}"
            for w in reversed(weeks)
        ]
    if stats["top_refs"]:
        lines += ["", "Bestämmelser i svaren:"]
        lines += [f"  {n:>4}  {ref}" for ref, n in stats["top_refs"]]
    if stats["top_topics"]:
        lines += ["", "Ämnen i svaren:"]
        lines += [f"  {n:>4}  {topic}" for topic, n in stats["top_topics"]]
    return "\n".join(lines)


# -- knowledge gaps --------------------------------------------------------------------------

# Words nearly every question in this domain uses; they say little about *which* topic.
GENERIC = frozenset(
    stem(word)
    for word in """
    upphandling upphandlingen upphandlingar upphandla upphandlar upphandlare upphandlande
    krav kraven kräva kräver ställa ställer leverantör leverantören leverantörer kommun kommunen
    region regionen myndighet myndigheten offentlig offentliga gäller gälla innebär innebära göra gör
    lag lagen regler regel fråga frågor vill behöver kopplade köpa köper avtal avtalet villkor
    möjligt tillåtet social sociala socialt hänsyn hänsynen ta tar företag företaget företagen
    anbud anbudet kontrakt kontraktet emot enligt innan genom mellan följa följer följs
    """.split()
)
GENERIC_WEIGHT = 0.15
COMPOUND_PART_WEIGHT = 0.6
IDF_PRIOR = 20  # as if the log held this many more questions without the word


def _features(text: str, vocabulary: set[str]) -> Counter[str]:
    """Stemmed words, plus the known parts of compounds ("lärlingskrav" → "lärling"),
    with domain-generic words weighted down."""
    features: Counter[str] = Counter()
    for token in tokens(text):
        features[token] += GENERIC_WEIGHT if token in GENERIC else 1.0
        if len(token) < 8:
            continue
        for cut in range(4, len(token) - 3):
            head, tail = token[:cut], token[cut:]
            for part in {head, tail, tail[1:] if tail.startswith("s") else ""}:
                if len(part) >= 4 and part != token and part in vocabulary:
                    weight = GENERIC_WEIGHT if part in GENERIC else 1.0
                    features[part] += COMPOUND_PART_WEIGHT * weight
    return features


def similarity_matrix(texts: list[str], background: Iterable[str] = ()):
    """Cosine similarities of weighted word vectors. A word's weight falls with how many
    `background` questions (the rest of the log) use it, so wording common to all questions
    counts for little; the `texts` themselves do not lower it, or ten phrasings of one
    missing topic would discount the very word they share."""
    import numpy as np

    texts, background = list(texts), list(background)
    vocabulary = {t for text in texts + background for t in tokens(text)}
    feats = [_features(text, vocabulary) for text in texts]
    df: Counter[str] = Counter(k for text in background for k in _features(text, vocabulary))
    n = len(background) + IDF_PRIOR
    weighted = [{k: c * math.log(1 + n / (df[k] + 1)) for k, c in f.items()} for f in feats]
    norms = [math.sqrt(sum(v * v for v in w.values())) or 1.0 for w in weighted]
    # Only features two or more texts share can make two texts similar.
    shared = Counter(k for w in weighted for k in w)
    columns = {k: i for i, k in enumerate(k for k, c in shared.items() if c > 1)}
    matrix = np.zeros((len(texts), max(1, len(columns))), dtype=np.float32)
    for row, (w, norm) in enumerate(zip(weighted, norms, strict=True)):
        for k, v in w.items():
            if k in columns:
                matrix[row, columns[k]] = v / norm
    sims = matrix @ matrix.T
    np.fill_diagonal(sims, 1.0)
    return sims


def cluster_questions(
    texts: list[str], background: Iterable[str] = (), threshold: float = GAP_THRESHOLD
) -> list[list[int]]:
    """Group similar questions (indexes into `texts`); each group's first index is its most
    central question. Star clustering: the question with most neighbours above `threshold`
    leads a group and takes all its unassigned neighbours; repeat. No chaining, no model.
    Ties go to the earlier text, so pass the texts newest first."""
    if not texts:
        return []
    import numpy as np

    sims = similarity_matrix(texts, background)
    close = sims >= threshold
    degree = close.sum(axis=1)
    order = sorted(range(len(texts)), key=lambda i: (-int(degree[i]), i))
    group_of = np.full(len(texts), -1)
    groups: list[list[int]] = []
    for leader in order:
        if group_of[leader] >= 0:
            continue
        members = [j for j in order if group_of[j] < 0 and close[leader, j]]
        group_of[members] = len(groups)
        groups.append([leader] + sorted(j for j in members if j != leader))
    return groups


@dataclass
class Gap:
    """One missing or weak topic: similar unanswered or thumbs-down questions."""

    question: str  # the most typical phrasing
    count: int
    unanswered: int
    thumbs_down: int
    people: int  # distinct pseudonymous users (CLI questions have none)
    first_asked: str
    last_asked: str
    questions: list[str] = field(default_factory=list)  # distinct phrasings, newest first
    topics: list[str] = field(default_factory=list)  # topics of the answers that got thumbs down
    ids: list[int] = field(default_factory=list)
    near_misses: int = 0  # declined questions that came close to a file ("Menar du …?")
    meant: list[str] = field(default_factory=list)  # the files they came close to

    @property
    def reason(self) -> str:
        reasons = []
        if self.near_misses:
            reasons.append("nästan träff")
        if self.unanswered - self.near_misses > 0:
            reasons.append("obesvarad")
        if self.thumbs_down:
            reasons.append("tummen ned")
        return " + ".join(reasons)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "reason": self.reason}


def find_gaps(
    db: Database,
    days: int | None = None,
    today: dt.date | None = None,
    threshold: float = GAP_THRESHOLD,
) -> list[Gap]:
    """Unanswered and thumbs-down questions grouped by similarity, biggest group first."""
    today = today or utc_now().astimezone(zone()).date()
    where, params = _where_since(window_start(days, today), "q.")
    rows = list(
        db.query(
            f"""
            SELECT * FROM (
                SELECT q.id, q.asked_at, q.question, q.answered, q.user_key, q.top_doc_id, q.near_miss, q.intent,
                       EXISTS (SELECT 1 FROM feedback f WHERE f.question_id = q.id AND f.value < 0) AS down
                FROM questions q WHERE {where}
            )
            WHERE (answered = 0 AND coalesce(intent, '') != '{ABOUT_BOT_INTENT}') OR down
            ORDER BY asked_at DESC, id DESC
            """,
            params,
        )
    )
    if not rows:
        return []
    gap_ids = {row["id"] for row in rows}
    background = [
        row["question"]
        for row in db.query(f"SELECT id, question FROM questions q WHERE {where}", params)
        if row["id"] not in gap_ids
    ]
    gaps = []
    for group in cluster_questions([row["question"] for row in rows], background, threshold):
        members = [rows[i] for i in group]
        times = [m["asked_at"] for m in members]
        phrasings = list(
            dict.fromkeys(
                m["question"].strip() for m in sorted(members, key=lambda m: m["asked_at"], reverse=True)
            )
        )
        gaps.append(
            Gap(
                question=members[0]["question"].strip(),
                count=len(members),
                unanswered=sum(1 for m in members if not m["answered"]),
                thumbs_down=sum(1 for m in members if m["down"]),
                people=len({m["user_key"] for m in members if m["user_key"]}),
                first_asked=min(times),
                last_asked=max(times),
                questions=phrasings,
                topics=sorted({m["top_doc_id"] for m in members if m["down"] and m["top_doc_id"]}),
                ids=sorted(m["id"] for m in members),
                near_misses=sum(1 for m in members if m["near_miss"]),
                meant=sorted({d for m in members for d in json.loads(m["near_miss"] or "[]")}),
            )
        )
    gaps.sort(key=lambda g: (g.count, g.last_asked), reverse=True)
    return gaps


def format_gaps(gaps: list[Gap], limit: int | None = None, verbose: bool = False) -> str:
    """Plain Swedish text: one block per gap, biggest first."""
    if not gaps:
        return "Inga luckor: alla frågor besvarades och inget svar fick tummen ned."
    total = sum(g.count for g in gaps)
    shown = gaps[:limit] if limit else gaps
    lines = [
        f"Luckor i kunskapsbanken: {_n(len(gaps), 'ämne', 'ämnen')}, {_n(total, 'fråga', 'frågor')} "
        "(obesvarade eller tummen ned)"
    ]
    width = len(str(shown[0].count))
    for gap in shown:
        details = [f"senast {local_day(gap.last_asked).isoformat()}", gap.reason]
        if gap.topics:
            details.append("svar från " + ", ".join(gap.topics))
        if gap.meant:
            details.append("menade kanske " + ", ".join(gap.meant))
        if gap.people > 1:
            details.append(f"{gap.people} personer")
        lines += ["", f"{gap.count:>{width}}×  " + " · ".join(details), f"{'':>{width}}   {gap.question}"]
        if verbose:
            lines += [f"{'':>{width}}     – {q}" for q in gap.questions if q != gap.question]
    if len(shown) < len(gaps):
        lines += ["", f"… och {len(gaps) - len(shown)} till (visa alla med --limit 0)."]
    return "\n".join(lines)


# -- export ----------------------------------------------------------------------------------


def export_rows(db: Database, days: int | None = None, today: dt.date | None = None) -> Iterator[dict]:
    """Every question with its thumbs up/down counts, oldest first."""
    today = today or utc_now().astimezone(zone()).date()
    where, params = _where_since(window_start(days, today))
    columns = ", ".join(EXPORT_COLUMNS)
    yield from db.query(
        f"SELECT {columns} FROM question_feedback WHERE {where} ORDER BY asked_at, id", params
    )


def write_csv(rows: Iterable[dict], out: IO[str], excel: bool = False) -> int:
    """Write rows as CSV (for Excel: semicolons, CRLF and a BOM); returns the row count."""
    if excel:
        out.write("\ufeff")
    writer = csv.DictWriter(
        out,
        fieldnames=EXPORT_COLUMNS,
        delimiter=";" if excel else ",",
        lineterminator="\r\n" if excel else "\n",
        extrasaction="ignore",
    )
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n
