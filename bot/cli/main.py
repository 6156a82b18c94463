"""The `hansyn` command line. Heavy modules (torch, faiss, telegram) load inside commands only."""

from __future__ import annotations

import functools
import json
import sys
import time

import click

from .. import __version__
from ..errors import HansynError, KnowledgeError
from ..knowledge.loader import KINDS
from ..settings import Settings


def settings_from_env() -> Settings:
    try:
        return Settings.from_env()
    except HansynError as exc:
        raise click.ClickException(str(exc)) from exc


def domain_errors(func):
    """Turn domain errors into clean messages and non-zero exit codes, never tracebacks."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KnowledgeError as exc:
            for line in exc.problems:
                click.echo(line, err=True)
            click.echo(
                f"Fel: kunskapsbanken har {len(exc.problems)} problem; indexet som används är oförändrat.",
                err=True,
            )
            sys.exit(2)
        except HansynError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


def make_pipeline(settings: Settings):
    from ..answer.pipeline import Pipeline
    from ..search.store import has_index

    if not has_index(settings.index_dir):
        click.echo("Inget index ännu: bygger det från kunskapsbanken (görs bara en gång) …", err=True)
    return Pipeline(settings)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hansyn")
def main() -> None:
    """Hänsyn: vad upphandlingsreglerna tillåter när köpare vill ta sociala hänsyn.

    Svarar på svenska utifrån en källhänvisad kunskapsbank, helt offline.
    """


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Skriv svaret som JSON (ett objekt per rad).")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(KINDS),
    help="Begränsa källorna till en typ (kan upprepas).",
)
@click.option("-k", "k", default=3, show_default=True, type=click.IntRange(1, 20), help="Antal källor.")
@click.option("--log", "log", is_flag=True, help="Skriv frågan och svaret till frågeloggen.")
@domain_errors
def ask(question: str, as_json: bool, kinds: tuple[str, ...], k: int, log: bool) -> None:
    """Besvara en fråga. Med '-' läses en fråga per rad från standard in."""
    from ..answer.render_text import render_text

    settings = settings_from_env()
    if question != "-" and not question.strip():
        raise click.UsageError("frågan är tom")
    pipeline = make_pipeline(settings)
    lines = (line.rstrip("\r\n") for line in sys.stdin) if question == "-" else [question]
    for n, text in enumerate(lines):
        problem = unusable(text)
        if problem:  # one output line per input line, also for a blank one
            if as_json:
                click.echo(
                    json.dumps({"question": text, "answered": False, "error": problem}, ensure_ascii=False)
                )
            else:
                click.echo(("\n" if n else "") + f"» {text.strip()}\n\nFel: {problem}")
            continue
        answer = pipeline.ask(text.strip(), k=k, kinds=list(kinds) or None)
        rendered = render_text(answer)
        if as_json:
            click.echo(json.dumps(answer.to_json(rendered), ensure_ascii=False))
        else:
            if question == "-":
                click.echo(("\n" if n else "") + f"» {text.strip()}\n")
            click.echo(rendered)
        if log:  # after the answer is out: a slow or broken log never holds it up
            _log_answer(settings, answer, pipeline.index.build_id)


def unusable(text: str) -> str | None:
    """Why a line cannot be asked, or None: it is blank, or holds no letters at all."""
    if not text.strip():
        return "tom rad: ingen fråga"
    if not any(ch.isalpha() for ch in text):
        return "ingen fråga: raden innehåller inga ord"
    return None


def _log_answer(settings: Settings, answer, index_version: str) -> None:
    """Write one question-log row like the bot does; a log failure never stops the answer."""
    try:
        from ..log.questionlog import log_cli_answer

        log_cli_answer(settings, answer, index_version)
    except Exception as exc:  # noqa: BLE001 - the answer matters more than its log row
        click.echo(f"Varning: kunde inte skriva till frågeloggen ({exc}).", err=True)


@main.command()
@click.option("-k", "k", default=3, show_default=True, type=click.IntRange(1, 20))
@domain_errors
def chat(k: int) -> None:
    """Ställ frågor i terminalen tills du skriver 'sluta' (eller Ctrl-D)."""
    from ..answer.render_text import render_text

    pipeline = make_pipeline(settings_from_env())
    click.echo("Hänsyn – ställ en fråga om sociala hänsyn i upphandling. Avsluta med 'sluta' eller Ctrl-D.")
    while True:
        try:
            text = input("\nFråga> ").strip()
        except (EOFError, KeyboardInterrupt):
            click.echo()
            break
        if text.lower() in {"sluta", "avsluta", "exit", "quit", "q"}:
            break
        if not text:
            continue
        click.echo()
        click.echo(render_text(pipeline.ask(text, k=k)))


@main.command()
@domain_errors
def reindex() -> None:
    """Bygg om indexet från kunskapsbanken (byts in först när bygget lyckats)."""
    from ..knowledge.loader import load_knowledge
    from ..search.embedding import make_embedder
    from ..search.store import build_index

    settings = settings_from_env()
    started = time.perf_counter()
    docs = load_knowledge(settings.knowledge_dir)
    click.echo(f"Kunskapsbanken är giltig: {len(docs)} filer.", err=True)
    embedder = make_embedder(settings.embedding_model, settings.encoder_threads)
    bar = None

    def progress(stage: str, done: int, total: int) -> None:
        nonlocal bar
        if stage != "embed" or total == 0:
            return
        if bar is None:
            bar = click.progressbar(length=total, label="Bäddar in avsnitt", file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)

    try:
        report = build_index(settings.knowledge_dir, settings.index_dir, embedder, progress, docs=docs)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    kinds = ", ".join(f"{kind}: {n}" for kind, n in sorted(report.counts_by_kind.items()))
    click.echo(
        f"Klart: {report.documents} filer, {report.passages} avsnitt "
        f"({report.embedded} nya inbäddningar) på {time.perf_counter() - started:.1f} s. {kinds}"
    )


@main.command()
@click.option(
    "--stale", is_flag=True, help="Lista filerna vars uppgifter kontrollerades för mer än ett år sedan."
)
@click.option("--strict", is_flag=True, help="Räkna varningar som fel (slutkod 1).")
@domain_errors
def validate(stale: bool, strict: bool) -> None:
    """Kontrollera kunskapsbanken utan att bygga något."""
    import datetime as dt

    from ..knowledge.consistency import knowledge_warnings, stale_documents
    from ..knowledge.loader import validate_knowledge

    settings = settings_from_env()
    docs, problems = validate_knowledge(settings.knowledge_dir)
    if problems:
        raise KnowledgeError(problems)
    warnings = knowledge_warnings(settings.knowledge_dir, docs)
    for line in warnings:
        click.echo(f"varning: {line}", err=True)
    counts: dict[str, int] = {}
    for doc in docs:
        counts[doc.kind] = counts.get(doc.kind, 0) + 1
    summary = ", ".join(f"{kind}: {counts.get(kind, 0)}" for kind in KINDS)
    click.echo(f"OK: {len(docs)} filer ({summary}); {len(warnings)} varningar.")
    if stale:
        old = stale_documents(docs, dt.date.today())
        click.echo(f"{len(old)} filer kontrollerades för mer än ett år sedan:")
        for doc in old:
            click.echo(f"  {doc.path}: checked {doc.checked.isoformat()}")
    if strict and warnings:
        sys.exit(1)


def _register_optional_commands() -> None:
    """Commands that live in their own modules (question log, bot)."""
    import importlib

    for module in ("bot.cli.log", "bot.cli.serve", "bot.cli.examples"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        for command in getattr(mod, "COMMANDS", ()):
            main.add_command(command)


_register_optional_commands()
