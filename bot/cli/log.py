"""Admin commands over the question log: stats, gaps, export, purge, forget."""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import HansynError

if TYPE_CHECKING:
    from sqlite_utils import Database

DAYS_HELP = "Bara de senaste N dagarna (standard: hela loggen)."


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _settings():
    from .main import settings_from_env  # here, not at import: bot.cli.main imports this module

    return settings_from_env()


def _log_errors(func):
    """Database and domain errors become one Swedish line and exit code 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from ..log.questionlog import describe_error

        try:
            return func(*args, **kwargs)
        except (sqlite3.Error, OSError, HansynError) as exc:
            raise click.ClickException(f"frågeloggen: {describe_error(exc)}") from exc

    return wrapper


@contextlib.contextmanager
def _open_log(path: Path, missing_ok: bool = False) -> Iterator[Database | None]:
    """The log at `path`, opened for admins; read-only when writing is not allowed.
    A missing file is an error, or None with `missing_ok`."""
    from ..log.questionlog import describe_error
    from ..log.schema import open_db

    if not path.is_file():
        if path.exists():
            raise click.ClickException(f"{path} är ingen fil (HANSYN_DB ska peka på frågeloggens fil).")
        message = f"Ingen frågelogg ännu i {path}."
        if missing_ok:
            click.echo(message, err=True)
            yield None
            return
        raise click.ClickException(
            f'{message} Den skapas när boten svarar eller med: hansyn ask --log "fråga"'
        )
    try:
        db = open_db(path)
    except sqlite3.OperationalError as exc:
        if "readonly" not in str(exc).lower():
            raise click.ClickException(f"{path}: {describe_error(exc)}") from exc
        db = open_db(path, readonly=True)
    except sqlite3.DatabaseError as exc:
        raise click.ClickException(f"{path}: {describe_error(exc)}") from exc
    try:
        yield db
    finally:
        db.close()


@click.command()
@click.option("--days", type=click.IntRange(1), help=DAYS_HELP)
@click.option(
    "--plot",
    "plot_path",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Rita frågor per dag och andel besvarade till en PNG-fil.",
)
@click.option("--json", "as_json", is_flag=True, help="Skriv statistiken som JSON.")
@_log_errors
def stats(days: int | None, plot_path: Path | None, as_json: bool) -> None:
    """Statistik: frågor per dag och vecka, andel besvarade, bestämmelser, ämnen, omdömen, svarstider."""
    from ..log.analytics import compute_stats, format_stats

    settings = _settings()
    with _open_log(settings.db_path) as db:
        result = compute_stats(db, days=days)
        if as_json:
            click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            click.echo(format_stats(result))
        if plot_path:
            if not result["total"]:
                raise click.ClickException("inga frågor att rita ännu.")
            from ..log.plot import plot_stats

            try:
                plot_stats(db, plot_path, days=days)
            except OSError as exc:
                raise click.ClickException(
                    f"kunde inte spara diagrammet i {plot_path}: {exc.strerror or exc}"
                ) from exc
            click.echo(f"Diagrammet är sparat i {plot_path}.", err=True)


@click.command()
@click.option("--days", type=click.IntRange(1), help=DAYS_HELP)
@click.option(
    "--limit", default=20, show_default=True, type=click.IntRange(0), help="Visa högst N ämnen (0: alla)."
)
@click.option("-v", "--verbose", is_flag=True, help="Visa alla formuleringar i varje grupp.")
@click.option("--json", "as_json", is_flag=True, help="Skriv grupperna som JSON.")
@_log_errors
def gaps(days: int | None, limit: int, verbose: bool, as_json: bool) -> None:
    """Obesvarade frågor och svar med tummen ned, grupperade per ämne: vad ska skrivas härnäst?"""
    from ..log.analytics import find_gaps, format_gaps

    settings = _settings()
    with _open_log(settings.db_path) as db:
        found = find_gaps(db, days=days)
    if as_json:
        shown = found[:limit] if limit else found
        click.echo(json.dumps([g.to_dict() for g in shown], ensure_ascii=False, indent=2))
    else:
        click.echo(format_gaps(found, limit=limit or None, verbose=verbose))


@click.command()
@click.option(
    "--csv",
    "target",
    default="-",
    show_default=True,
    type=click.Path(dir_okay=False, writable=True, allow_dash=True, path_type=Path),
    help="CSV-fil att skriva ('-' är standard ut).",
)
@click.option("--days", type=click.IntRange(1), help=DAYS_HELP)
@click.option(
    "--excel", is_flag=True, help="Semikolon, CRLF och BOM, så att svenskt Excel öppnar filen rätt."
)
@_log_errors
def export(target: Path, days: int | None, excel: bool) -> None:
    """Exportera frågorna (med tummen upp/ned) som CSV."""
    from ..log.analytics import export_rows, write_csv

    settings = _settings()
    with _open_log(settings.db_path) as db:
        if str(target) == "-":
            count = write_csv(export_rows(db, days=days), sys.stdout, excel=excel)
        else:
            with click.open_file(str(target), "w", encoding="utf-8", atomic=True) as out:
                count = write_csv(export_rows(db, days=days), out, excel=excel)
            click.echo(f"Exporterade {_n(count, 'fråga', 'frågor')} till {target}.", err=True)


@click.command()
@click.option(
    "--days",
    type=click.IntRange(1),
    help="Radera frågor äldre än N dagar (standard: HANSYN_RETENTION_DAYS, 365).",
)
@_log_errors
def purge(days: int | None) -> None:
    """Radera frågor, omdömen och adminåtgärder som är äldre än lagringstiden."""
    from ..log.questionlog import purge_rows

    settings = _settings()
    days = days or settings.retention_days
    with _open_log(settings.db_path, missing_ok=True) as db:
        if db is None:
            return
        result = purge_rows(db, days)
    click.echo(
        f"Raderade {_n(result['questions'], 'fråga', 'frågor')}, "
        f"{_n(result['feedback'], 'omdöme', 'omdömen')} och "
        f"{_n(result['admin_actions'], 'adminåtgärd', 'adminåtgärder')} "
        f"äldre än {days} dagar (före {result['cutoff']})."
    )


@click.command()
@click.option("--user-key", "user_key", help="Personens användarnyckel (32 hex-tecken, kolumnen user_key).")
@click.option(
    "--user-id",
    "user_id",
    type=int,
    help="Personens Telegram-användar-id (nyckeln räknas fram med HANSYN_SECRET).",
)
@_log_errors
def forget(user_key: str | None, user_id: int | None) -> None:
    """Radera allt frågeloggen har om en person: frågor och omdömen."""
    from ..log.questionlog import SECRET_HELP, forget_rows, is_user_key, pseudonymise

    if (user_key is None) == (user_id is None):
        raise click.UsageError("ange antingen --user-key eller --user-id.")
    settings = _settings()
    if user_id is not None:
        if not settings.secret:
            raise click.ClickException(SECRET_HELP)
        user_key = pseudonymise(settings.secret, "user", user_id)
    user_key = (user_key or "").strip().lower()
    if not is_user_key(user_key):
        raise click.BadParameter("en användarnyckel är 32 hex-tecken (0-9, a-f).", param_hint="--user-key")
    with _open_log(settings.db_path, missing_ok=True) as db:
        if db is None:
            return
        result = forget_rows(db, user_key)
    if not any(result.values()):
        click.echo(f"Inget sparat för användarnyckeln {user_key}.")
        return
    message = (
        f"Raderade {_n(result['questions'], 'fråga', 'frågor')} och "
        f"{_n(result['feedback'], 'omdöme', 'omdömen')} för användarnyckeln {user_key}."
    )
    if result["admin_actions"]:
        message += f" {_n(result['admin_actions'], 'adminåtgärd', 'adminåtgärder')} finns kvar utan nyckel."
    click.echo(message)


COMMANDS = [stats, gaps, export, purge, forget]
