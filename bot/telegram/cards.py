"""Telegram cards and lists that are not answers: precedent cards and pages of them, what the
knowledge base says about a provision (/lag), /om, and reindex reports."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from ..answer.model import FRAGESERVICE_URL
from ..knowledge.precedents import instrument_label
from .html import MAX_MESSAGE, bold_refs, join_blocks, link, split_html, tg_len
from .texts import KIND_LABELS, Html, esc, t

EXAMPLES_PER_PAGE = 3
MAX_LAG_DOCS = 6
MAX_PROBLEMS_SHOWN = 25
MAX_CARD_SOURCES = 4


def _value(value: object, lang: str) -> str:
    if value is None or value == "" or value == []:
        return esc(t("unknown", lang))
    if isinstance(value, (list, tuple)):
        return esc(", ".join(str(v) for v in value))
    return esc(value)


def precedent_card(record: dict, lang: str) -> str:
    """One precedent with every structured field and its sources."""
    where = [record.get("municipality"), record.get("county")]
    if (record.get("country") or "Sverige") != "Sverige":
        where.append(record.get("country"))
    buyer = record.get("buyer")
    if record.get("buyer_type"):
        buyer = f"{buyer} ({record['buyer_type']})"
    suppliers = ", ".join(record.get("suppliers") or [])
    if record.get("supplier_type"):
        suppliers = f"{suppliers} ({record['supplier_type']})" if suppliers else record["supplier_type"]
    fields = [
        ("card_buyer", buyer),
        ("card_where", ", ".join(w for w in where if w)),
        ("card_year", record.get("year")),
        ("card_sector", record.get("sector")),
        (
            "card_instrument",
            [instrument_label(k, record.get("country")) for k in record.get("instrument") or []],
        ),
        ("card_procedure", record.get("procedure")),
        ("card_supplier", suppliers),
        ("card_outcome", record.get("outcome")),
        ("card_court", record.get("court_review") or t("card_no_court", lang)),
    ]
    lines = [f"<b>{esc(record.get('title', record.get('id', '')))}</b>"]
    lines += [f"{t(key, lang)}: {_value(value, lang)}" for key, value in fields]
    sources = record.get("sources") or []
    links = "; ".join(
        link(s.get("url"), s.get("title") or s.get("url") or "") for s in sources[:MAX_CARD_SOURCES]
    )
    lines.append(f"{t('card_source', lang)}: {links} ({t('checked', lang, date=record.get('checked', ''))})")
    return "\n".join(lines)


@dataclass(frozen=True)
class ExamplesPage:
    text: str
    keyboard: InlineKeyboardMarkup | None


def render_examples(records: list[dict], page: int, lang: str, topic: str | None, nav: str) -> ExamplesPage:
    """Page `page` (0-based) of precedent cards; `nav` is the callback stem for paging."""
    if not records:
        text = t("examples_none", lang, topic=topic) if topic else t("examples_empty", lang)
        return ExamplesPage(text, None)
    pages = max(1, -(-len(records) // EXAMPLES_PER_PAGE))
    page = min(max(page, 0), pages - 1)
    chunk = records[page * EXAMPLES_PER_PAGE : (page + 1) * EXAMPLES_PER_PAGE]
    first = page * EXAMPLES_PER_PAGE + 1
    about = Html(t("examples_topic", lang, topic=topic)) if topic else Html("")
    header = t(
        "examples_header", lang, first=first, last=first + len(chunk) - 1, total=len(records), about=about
    )
    body = "\n\n".join(precedent_card(r, lang) for r in chunk)
    buttons = []
    if page > 0:
        buttons.append(InlineKeyboardButton(t("btn_prev", lang), callback_data=f"{nav}:{page - 1}"))
    if page < pages - 1:
        buttons.append(InlineKeyboardButton(t("btn_next", lang), callback_data=f"{nav}:{page + 1}"))
    text = split_html(f"{header}\n\n{body}")[0]  # a page of three cards always fits; never split
    return ExamplesPage(text, InlineKeyboardMarkup([buttons]) if buttons else None)


def render_provision(ref: str, records: list[dict], short_answers: dict[str, str], lang: str) -> list[str]:
    """What the knowledge base says about one provision (`/lag`)."""
    if not records:
        return [t("lag_none", lang, ref=ref, url=FRAGESERVICE_URL)]
    blocks = [t("lag_header", lang, ref=ref)]
    for record in records[:MAX_LAG_DOCS]:
        kind = KIND_LABELS.get(lang, KIND_LABELS["sv"]).get(record["kind"], record["kind"])
        lines = [f"<b>{esc(record['title'])}</b> ({esc(kind)})"]
        if short_answers.get(record["id"]):
            lines.append(bold_refs(short_answers[record["id"]]))
        source = (record.get("sources") or [{}])[0]
        lines.append(
            f"{link(source.get('url'), source.get('title') or t('card_source', lang))} "
            f"({t('checked', lang, date=record.get('checked', ''))})"
        )
        blocks.append("\n".join(lines))
    return join_blocks(blocks)


def _kinds(counts: dict[str, int], lang: str) -> str:
    labels = KIND_LABELS.get(lang, KIND_LABELS["sv"])
    return ", ".join(f"{labels.get(kind, kind)} {n}" for kind, n in sorted(counts.items()))


def render_about(config: dict, version: str, lang: str) -> str:
    return t(
        "about",
        lang,
        version=version,
        documents=config.get("documents", "?"),
        passages=config.get("passages", "?"),
        kinds=_kinds(config.get("counts_by_kind") or {}, lang),
        checked=config.get("newest_checked", "?"),
        built_at=config.get("built_at", "?"),
        build_id=config.get("build_id", "?"),
    )


def render_reindex_done(report, lang: str) -> str:
    return t(
        "reindex_done",
        lang,
        documents=report.documents,
        passages=report.passages,
        embedded=report.embedded,
        seconds=f"{report.seconds:.1f}",
        kinds=_kinds(report.counts_by_kind, lang),
        build_id=report.build_id,
    )


def render_reindex_failed(problems: list[str], lang: str, limit: int = MAX_MESSAGE) -> str:
    """The problems that stopped a reindex, as many as fit in one message."""
    head = t("reindex_failed", lang, count=len(problems))
    lines = [head, ""]
    shown = 0
    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        line = f"• <code>{esc(problem)}</code>"
        if tg_len("\n".join(lines + [line])) > limit - 100:
            break
        lines.append(line)
        shown += 1
    if shown < len(problems):
        lines.append(t("more_problems", lang, count=len(problems) - shown))
    return "\n".join(lines)
