"""`hansyn examples`: search the precedents by county, municipality, sector, instrument, buyer
type and year, the same way as the bot's /exempel."""

from __future__ import annotations

import json

import click

from ..answer.precedent_list import line as precedent_line
from ..answer.render_text import precedent_fields
from .main import domain_errors, make_pipeline, settings_from_env

JSON_FIELDS = (
    "id",
    "title",
    "buyer",
    "buyer_type",
    "municipality",
    "county",
    "country",
    "year",
    "sector",
    "instrument",
    "procedure",
    "suppliers",
    "supplier_type",
    "outcome",
    "court_review",
    "swedish_provisions",
    "refs",
    "sources",
    "checked",
    "path",
)


def line(record: dict) -> str:
    """One precedent in one line, as answers list them, with its county."""
    fields = precedent_fields(precedent_line(record))
    where = record.get("county") or record.get("country")
    return " – ".join([fields[0] + (f", {where}" if where and where != "Sverige" else ""), *fields[1:]])


@click.command()
@click.argument("topic", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Ett JSON-objekt per prejudikat och rad.")
@click.option("-n", "limit", default=0, type=click.IntRange(0), help="Visa högst så många (0 = alla).")
@domain_errors
def examples(topic: tuple[str, ...], as_json: bool, limit: int) -> None:
    """Prejudikat, filtrerade på län, kommun, område, instrument och år.

    \b
    Exempel:
      hansyn examples tvätt
      hansyn examples Skåne län
      hansyn examples reserverad 2022
      hansyn examples --json sysselsättningskrav Stockholms län
    """
    pipeline = make_pipeline(settings_from_env())
    text = " ".join(topic).strip()
    records = pipeline.examples(text or None)
    shown = records[:limit] if limit else records
    if as_json:
        for record in shown:
            click.echo(json.dumps({k: record.get(k) for k in JSON_FIELDS}, ensure_ascii=False))
        return
    about = f" om ”{text}”" if text else ""
    click.echo(f"{len(records)} prejudikat{about}.")
    for n, record in enumerate(shown, 1):
        click.echo(f"{n:>3}. {line(record)}")
    if len(shown) < len(records):
        click.echo(f"… och {len(records) - len(shown)} till.")


COMMANDS = (examples,)
