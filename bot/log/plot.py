"""A PNG of questions per day and the share answered (matplotlib, Agg, loaded on first use)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlite_utils import Database

from .analytics import compute_stats


def plot_stats(db: Database, path: str | Path, days: int | None = None, today: dt.date | None = None) -> Path:
    """Draw questions per day (bars) and the share answered (line, right axis) into `path`.
    Raises ValueError when the period holds no questions."""
    stats = compute_stats(db, days=days, today=today)
    if not stats["total"]:
        raise ValueError("inga frågor att rita")
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, DayLocator
    from matplotlib.figure import Figure  # no pyplot: no global state, no GUI backend
    from matplotlib.ticker import MaxNLocator

    per_day = stats["per_day"]
    dates = [dt.date.fromisoformat(d["day"]) for d in per_day]
    counts = [d["questions"] for d in per_day]
    shares = [100 * d["answered_share"] if d["answered_share"] is not None else float("nan") for d in per_day]

    figure = Figure(figsize=(10, 4.5), dpi=100, layout="constrained")
    ax = figure.add_subplot()
    ax.bar(dates, counts, width=0.8, color="#4c78a8", label="Frågor per dag")
    ax.set_ylabel("Frågor per dag")
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    span = (dates[-1] - dates[0]).days
    ax.set_xlim(dates[0] - dt.timedelta(days=1), dates[-1] + dt.timedelta(days=1))
    locator = DayLocator(interval=max(1, span // 10)) if span <= 31 else AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    share_ax = ax.twinx()
    share_ax.plot(dates, shares, color="#f58518", marker="o", markersize=3, label="Andel besvarade")
    share_ax.set_ylim(0, 105)
    share_ax.set_ylabel("Andel besvarade (%)")
    answered = stats["answered_share"]
    figure.suptitle(
        f"Hänsyn: {stats['total']} frågor, {round(answered * 100)} % besvarade ({per_day[0]['day']} – {per_day[-1]['day']})"
    )
    figure.legend(loc="outside lower center", ncols=2, frameon=False)
    target = Path(path)
    figure.savefig(target, format="png")
    return target
