"""Telegram rendering: pure functions from answers and records to HTML messages and keyboards.

Every dynamic string is escaped here (`texts.esc`); markup comes only from this module's own
templates. `split_html` keeps every message within Telegram's 4096-character limit, splitting at
paragraph, then line, then word boundaries and never inside a tag or an entity. Callback data is
versioned (`v1:`) so buttons on messages from another bot version are recognised as stale.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from ..answer.compose import FRAGESERVICE_URL, GUIDANCE_NOTE, Answer
from ..answer.render_text import precedent_line
from ..knowledge.precedents import instrument_label
from ..knowledge.refs import find_ref_spans
from .texts import KIND_LABELS, Html, esc, t

MAX_MESSAGE = 4096
MAX_CALLBACK_BYTES = 64
CALLBACK_VERSION = "v1"
EXAMPLES_PER_PAGE = 3
MAX_TOPIC_BYTES = 40
MAX_LAG_DOCS = 6
MAX_PROBLEMS_SHOWN = 25

_TAG = re.compile(r"<[^<>]*>")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9-]+)")
_ATOM = re.compile(r"<[^<>]*>|&#?\w+;|.", re.S)


# --- length and splitting ---------------------------------------------------------------


def tg_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units): an emoji counts as two."""
    return len(text.encode("utf-16-le")) // 2


def visible_text(html_text: str) -> str:
    """The text a reader sees: tags removed, entities decoded."""
    import html

    return html.unescape(_TAG.sub("", html_text))


def _tag_name(tag: str) -> str:
    match = _TAG_NAME.match(tag)
    return match.group(1).lower() if match else ""


def _split_at(text: str, sep: str) -> list[str]:
    """Split `text` at every `sep` that lies in text (not in a tag); tags open at a split point
    are closed before it and reopened after it, so each part is balanced on its own."""
    parts: list[str] = []
    current: list[str] = []
    stack: list[str] = []  # opening tags currently open

    def add_text(segment: str) -> None:
        nonlocal current
        for n, chunk in enumerate(segment.split(sep)):
            if n:
                current.extend(f"</{_tag_name(tag)}>" for tag in reversed(stack))
                parts.append("".join(current))
                current = list(stack)
            current.append(chunk)

    pos = 0
    for match in _TAG.finditer(text):
        add_text(text[pos : match.start()])
        tag = match.group()
        current.append(tag)
        if tag.startswith("</"):
            if stack:
                stack.pop()
        elif not tag.endswith("/>"):
            stack.append(tag)
        pos = match.end()
    add_text(text[pos:])
    parts.append("".join(current))
    return parts


def _hard_split(text: str, limit: int) -> list[str]:
    """Split between atoms (a tag, an entity or one character) when there is no better place."""
    parts: list[str] = []
    current: list[str] = []
    size = 0
    stack: list[str] = []

    def closing() -> str:
        return "".join(f"</{_tag_name(tag)}>" for tag in reversed(stack))

    for atom in _ATOM.findall(text):
        atom_len = tg_len(atom)
        if current and size + atom_len + tg_len(closing()) > limit:
            parts.append("".join(current) + closing())
            current = list(stack)
            size = sum(tg_len(tag) for tag in stack)
        current.append(atom)
        size += atom_len
        if atom.startswith("</"):
            if stack:
                stack.pop()
        elif atom.startswith("<") and len(atom) > 1 and not atom.endswith("/>"):
            stack.append(atom)
    parts.append("".join(current))
    return parts


def _is_blank(html_text: str) -> bool:
    return not visible_text(html_text).strip()


def split_html(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split Telegram HTML into messages of at most `limit` characters (raw HTML, UTF-16 units,
    which is never less than what Telegram counts), preferring paragraph boundaries."""
    text = text.strip()
    if tg_len(text) <= limit:
        return [] if _is_blank(text) else [text]
    for sep in ("\n\n", "\n", " "):
        pieces = _split_at(text, sep)
        if len(pieces) > 1:
            return _pack(pieces, sep, limit)
    return [p for p in _hard_split(text, limit) if not _is_blank(p)]


def _pack(pieces: list[str], sep: str, limit: int) -> list[str]:
    messages: list[str] = []
    current = ""
    for piece in pieces:
        piece = piece.strip() if sep != " " else piece
        if _is_blank(piece):
            continue
        if tg_len(piece) > limit:
            if current:
                messages.append(current)
                current = ""
            messages.extend(split_html(piece, limit))
            continue
        candidate = f"{current}{sep}{piece}" if current else piece
        if tg_len(candidate) <= limit:
            current = candidate
        else:
            messages.append(current)
            current = piece
    if current:
        messages.append(current)
    return [m.strip() for m in messages if not _is_blank(m)]


def join_blocks(blocks: Iterable[str], limit: int = MAX_MESSAGE) -> list[str]:
    """Paragraph blocks (each valid HTML) joined into as few messages as fit."""
    return split_html("\n\n".join(b.strip() for b in blocks if b and b.strip()), limit)


# --- answers ------------------------------------------------------------------------------


def bold_refs(text: str) -> str:
    """Escape `text`, putting every legal reference it mentions in bold."""
    out: list[str] = []
    pos = 0
    for start, end, _ref in find_ref_spans(text):
        if start < pos:
            continue  # overlapping match: keep the first
        out.append(esc(text[pos:start]))
        out.append(f"<b>{esc(text[start:end])}</b>")
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def is_link(url: str | None) -> bool:
    return bool(url) and url.lower().startswith(("https://", "http://"))


def link(url: str | None, title: str) -> str:
    """An `<a>` for http(s) links; anything else is shown as plain (escaped) text."""
    if is_link(url):
        return f'<a href="{esc(url)}">{esc(title)}</a>'
    return esc(title)


def sources_block(answer: Answer, lang: str) -> str:
    lines = [f"<b>{t('sources', lang)}</b>"]
    for source in answer.sources:
        lines.append(
            f"{source.n}. {link(source.url, source.title)} ({t('checked', lang, date=source.checked)})"
        )
    return "\n".join(lines)


def guidance_note(lang: str) -> str:
    return esc(GUIDANCE_NOTE) if lang == "sv" else t("guidance_note", lang)


def render_answer(answer: Answer, lang: str = "sv", truncated_at: int | None = None) -> list[str]:
    """An Answer as Telegram HTML messages: short answer, provisions in bold, a precedent,
    numbered sources with links and checked dates, and the guidance note."""
    blocks: list[str] = []
    if truncated_at:
        blocks.append(f"<i>{t('long_question', lang, limit=truncated_at)}</i>")
    if answer.answered:
        short = bold_refs(answer.short_answer)
        if answer.replies_to:
            short = f"<i>{t('replies_to', lang, question=answer.replies_to)}</i>\n{short}"
        blocks.append(short)
        if answer.refs:
            refs = ", ".join(f"<b>{esc(ref)}</b>" for ref in answer.refs)
            blocks.append(f"{t('provisions', lang)}: {refs}")
        line = precedent_line(answer)
        if line:
            blocks.append(f"<b>{t('precedent', lang)}:</b> {bold_refs(line)}")
        if answer.sources:
            blocks.append(sources_block(answer, lang))
    else:
        if lang == "sv":
            blocks.append(esc(answer.short_answer))
        else:
            blocks.append(t("no_basis", lang, url=FRAGESERVICE_URL))
        if answer.suggestions:
            blocks.append("\n".join([t("nearby", lang)] + [f"• {esc(s)}" for s in answer.suggestions]))
    blocks.extend(f"<i>{esc(note)}</i>" for note in answer.notes)
    if answer.answered:
        blocks.append(f"<i>{guidance_note(lang)}</i>")
    return join_blocks(blocks)


def render_more(title: str, heading: str, text: str, url: str | None, checked: str, lang: str) -> list[str]:
    """The fuller passage behind an answer ("Visa mer")."""
    blocks = [f"<b>{t('more_title', lang, title=title, heading=heading)}</b>"]
    blocks.extend(bold_refs(p) for p in text.split("\n\n"))
    blocks.append(f"{link(url, t('card_source', lang))} ({t('checked', lang, date=checked)})")
    return join_blocks(blocks)


# --- precedent cards, provisions, about -------------------------------------------------


def _value(value: object, lang: str) -> str:
    if value is None or value == "" or value == []:
        return esc(t("unknown", lang))
    if isinstance(value, (list, tuple)):
        return esc(", ".join(str(v) for v in value))
    return esc(value)


def precedent_card(record: dict, lang: str) -> str:
    """One precedent: buyer, supplier, year, instrument, outcome and source."""
    sources = record.get("sources") or [{}]
    first = sources[0]
    lines = [
        f"<b>{esc(record.get('title', record.get('id', '')))}</b>",
        f"{t('card_buyer', lang)}: {_value(record.get('buyer'), lang)}",
        f"{t('card_supplier', lang)}: {_value(record.get('suppliers'), lang)}",
        f"{t('card_year', lang)}: {_value(record.get('year'), lang)}",
        f"{t('card_instrument', lang)}: {_value([instrument_label(k) for k in record.get('instrument') or []], lang)}",
        f"{t('card_outcome', lang)}: {_value(record.get('outcome'), lang)}",
        f"{t('card_source', lang)}: {link(first.get('url'), first.get('title') or first.get('url') or '')}"
        f" ({t('checked', lang, date=record.get('checked', ''))})",
    ]
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


# --- keyboards and callback data --------------------------------------------------------


def short_key(identifier: str) -> str:
    """A 12-character stable key for a passage or document id (ids can exceed 64 bytes)."""
    return hashlib.blake2b(identifier.encode(), digest_size=6).hexdigest()


def cb(*parts: object) -> str:
    data = ":".join([CALLBACK_VERSION, *(str(p) for p in parts)])
    if len(data.encode()) > MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data over {MAX_CALLBACK_BYTES} bytes: {data!r}")
    return data


def clip_utf8(text: str, limit: int = MAX_TOPIC_BYTES) -> str:
    """`text` shortened to at most `limit` UTF-8 bytes, at a character boundary."""
    text = " ".join(text.split())
    encoded = text.encode()[:limit]
    return encoded.decode("utf-8", errors="ignore").strip()


def answer_keyboard(
    question_id: int | None, more_id: str | None, topic_doc: str | None, lang: str
) -> InlineKeyboardMarkup:
    """👍 / 👎, and "Visa mer" / "Liknande exempel" when there is something to show."""
    qid = question_id or 0
    rows = [
        [
            InlineKeyboardButton(t("btn_up", lang), callback_data=cb("fb", "+", qid)),
            InlineKeyboardButton(t("btn_down", lang), callback_data=cb("fb", "-", qid)),
        ]
    ]
    extra = []
    if more_id:
        extra.append(InlineKeyboardButton(t("btn_more", lang), callback_data=cb("more", short_key(more_id))))
    if topic_doc:
        extra.append(
            InlineKeyboardButton(t("btn_examples", lang), callback_data=cb("exs", short_key(topic_doc)))
        )
    if extra:
        rows.append(extra)
    return InlineKeyboardMarkup(rows)


def start_keyboard(questions: Iterable[str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(q, callback_data=cb("ask", n))] for n, q in enumerate(questions)]
    )


def examples_nav(kind: str, arg: str) -> str:
    """The callback stem for paging precedents: `v1:ex:a:` (all), `d:<key>` or `t:<topic>`;
    the page number is appended last (topics may contain colons, so they come before it)."""
    if kind == "a":
        return cb("ex", "a")
    return cb("ex", kind, arg)


@dataclass(frozen=True)
class Callback:
    action: str  # fb (feedback), more, exs (similar examples), ex (a page of examples), ask
    args: tuple[str, ...]


def parse_callback(data: str | None) -> Callback | None:
    """Decode our callback data; None for anything from another version or another bot."""
    if not data or not isinstance(data, str):
        return None
    version, _, rest = data.partition(":")
    if version != CALLBACK_VERSION or not rest:
        return None
    action, _, tail = rest.partition(":")
    if action == "fb":
        value, _, qid = tail.partition(":")
        if value in {"+", "-"} and qid.isdigit():
            return Callback("fb", (value, qid))
    elif action in {"more", "exs"} and re.fullmatch(r"[0-9a-f]{12}", tail):
        return Callback(action, (tail,))
    elif action == "ask" and tail.isdigit():
        return Callback("ask", (tail,))
    elif action == "ex":
        kind, _, arg = tail.partition(":")
        if kind == "a" and arg.isdigit():
            return Callback("ex", ("a", "", arg))
        head, _, page = arg.rpartition(":")
        if kind in {"d", "t"} and head and page.isdigit():
            return Callback("ex", (kind, head, page))
    return None


__all__ = [
    "Html",
    "MAX_MESSAGE",
    "answer_keyboard",
    "bold_refs",
    "join_blocks",
    "parse_callback",
    "precedent_card",
    "render_about",
    "render_answer",
    "render_examples",
    "render_more",
    "render_provision",
    "split_html",
]
