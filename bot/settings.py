"""Settings read once from the environment (and an optional .env file) into a frozen dataclass."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError

BUNDLED_MODEL = "bundled:all-MiniLM-L6-v2"


def read_dotenv(path: Path) -> dict[str, str]:
    """Parse KEY=VALUE lines of a .env file; comments and blank lines are skipped."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip().removeprefix("export ").strip()
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key] = value
    return values


def _parse_ids(text: str) -> frozenset[int]:
    ids = set()
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        if not part.lstrip("-").isdigit():
            raise ConfigError(f"HANSYN_ADMIN_IDS: '{part}' är inget Telegram-användar-id")
        ids.add(int(part))
    return frozenset(ids)


MAX_ANSWER_PROCESSES = 32
MAX_SENDS_PER_SECOND = 1000  # Telegram's paid broadcasts allow up to 1 000 messages/s


def usable_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def default_answer_processes() -> int:
    """One answer process per core on a machine with more than one; none on a single core,
    where extra processes only cost memory."""
    cores = usable_cores()
    return cores if cores > 1 else 0


MAX_ENCODER_THREADS = 2


def default_encoder_threads() -> int:
    """Threads that encode one question (ONNX Runtime): two where there are two cores. On 2 cores
    two threads cut the warm p95 from 32.7 to 26.6 ms (benchmarks/latency.py, 2026-12-07), and
    a burst through two answer processes drained at about the same rate (benchmarks/load.py, five
    runs each: 63-84 questions/s with one thread, 62-80 with two). More threads gain little
    on a question of 10-60 word pieces."""
    return min(MAX_ENCODER_THREADS, usable_cores())


@dataclass(frozen=True)
class Settings:
    knowledge_dir: Path = Path("knowledge")
    index_dir: Path = Path("index")
    db_path: Path = Path("hansyn.db")
    embedding_model: str = BUNDLED_MODEL
    query_adapter: bool = True  # search/adapter.py; HANSYN_QUERY_ADAPTER=off to search without it
    admin_ids: frozenset[int] = field(default_factory=frozenset)
    secret: str | None = None
    telegram_token: str | None = None
    telegram_api_base_url: str | None = None
    retention_days: int = 365
    # Processes that answer questions for `hansyn serve` (0: answer in the bot's own process).
    answer_processes: int = 0
    # Bot API requests per second at most, over all chats: Telegram asks one bot to keep to 30.
    sends_per_second: int = 30
    # Threads that encode one question; see default_encoder_threads.
    encoder_threads: int = 1
    # The knowledge texts an image ships (Docker): copied into knowledge_dir (a volume) at first
    # start; later versions are reported to the admins, never copied over their edits.
    shipped_knowledge_dir: Path | None = None

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, dotenv: Path | None = None) -> Settings:
        """Build settings from `environ` (default os.environ), with `.env` values as fallback."""
        env = dict(read_dotenv(dotenv or Path(".env")))
        env.update(os.environ if environ is None else environ)
        retention = env.get("HANSYN_RETENTION_DAYS", "365")
        if not retention.isdigit() or int(retention) < 1:
            raise ConfigError("HANSYN_RETENTION_DAYS ska vara ett positivt heltal (dagar)")
        processes = env.get("HANSYN_ANSWER_PROCESSES") or str(default_answer_processes())
        if not processes.isdigit() or int(processes) > MAX_ANSWER_PROCESSES:
            raise ConfigError(
                f"HANSYN_ANSWER_PROCESSES ska vara ett heltal 0–{MAX_ANSWER_PROCESSES} "
                "(0: svara i botens egen process)"
            )
        sends = env.get("HANSYN_SENDS_PER_SECOND") or "30"
        if not sends.isdigit() or int(sends) > MAX_SENDS_PER_SECOND:
            raise ConfigError(
                f"HANSYN_SENDS_PER_SECOND ska vara ett heltal 0–{MAX_SENDS_PER_SECOND} (0: ingen gräns)"
            )
        threads = env.get("HANSYN_ENCODER_THREADS") or str(default_encoder_threads())
        if not threads.isdigit() or not 1 <= int(threads) <= 64:
            raise ConfigError("HANSYN_ENCODER_THREADS ska vara ett heltal 1–64")
        return cls(
            knowledge_dir=Path(env.get("HANSYN_KNOWLEDGE_DIR") or "knowledge"),
            index_dir=Path(env.get("HANSYN_INDEX_DIR") or "index"),
            db_path=Path(env.get("HANSYN_DB") or "hansyn.db"),
            embedding_model=env.get("HANSYN_EMBEDDING_MODEL") or BUNDLED_MODEL,
            query_adapter=(env.get("HANSYN_QUERY_ADAPTER") or "on").lower()
            not in ("off", "0", "no", "false"),
            admin_ids=_parse_ids(env.get("HANSYN_ADMIN_IDS", "")),
            secret=env.get("HANSYN_SECRET") or None,
            telegram_token=env.get("TELEGRAM_BOT_TOKEN") or None,
            telegram_api_base_url=env.get("TELEGRAM_API_BASE_URL") or None,
            retention_days=int(retention),
            answer_processes=int(processes),
            sends_per_second=int(sends),
            encoder_threads=int(threads),
            shipped_knowledge_dir=Path(env["HANSYN_SHIPPED_KNOWLEDGE_DIR"])
            if env.get("HANSYN_SHIPPED_KNOWLEDGE_DIR")
            else None,
        )
