"""Helpers shared by the benchmark scripts (run them from the repository root)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def load_eval(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            row.setdefault("expect", [])
            row["scope"] = row.get("scope") or ("in" if row["expect"] else "out")
            row["line"] = n
            rows.append(row)
    return rows


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def pipeline_from_env():
    from bot.answer.pipeline import Pipeline
    from bot.settings import Settings

    settings = Settings.from_env()
    if not settings.knowledge_dir.is_absolute():
        settings = type(settings)(**{**settings.__dict__, "knowledge_dir": ROOT / settings.knowledge_dir})
    if not settings.index_dir.is_absolute():
        settings = type(settings)(**{**settings.__dict__, "index_dir": ROOT / settings.index_dir})
    return Pipeline(settings)
