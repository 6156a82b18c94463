"""Telegram rendering of answers: pure functions from an Answer to HTML messages and buttons.

An answer shows its passages in order (a comparison's sides and a compound question's parts
under their names in bold), its precedents one line each with a button per precedent that
opens its card, the provisions in bold, and numbered sources with links and checked dates. A
declined question gets "Menar du …?" buttons or where to ask instead.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from ..answer.model import GUIDANCE_NOTE, Answer
from ..answer.render_text import precedent_fields, precedents_heading
from .callbacks import cb, short_key
from .html import bold_refs, join_blocks, link
from .texts import esc, t

MAX_BUTTON_CHARS = 40


def sources_block(answer: Answer, lang: str) -> str:
    lines = [f"<b>{t('sources', lang)}</b>"]
    for source in answer.sources:
        lines.append(
            f"{source.n}. {link(source.url, source.title)} ({t('checked', lang, date=source.checked)})"
        )
    return "\n".join(lines)


def guidance_note(lang: str) -> str:
    return esc(GUIDANCE_NOTE) if lang == "sv" else t("guidance_note", lang)


def part_block(part, lang: str) -> str:
    """One passage: under the side's or part's name in bold, or under "Svar på frågan"
    when the user asked the file's own question; a yes or no to another question also under
    that question."""
    text = bold_refs(part.text)
    if part.asks:
        return f"<i>{t('replies_to', lang, question=part.asks)}</i>\n{text}"
    if part.related:  # a yes or no to another question, under that question (and the part's name)
        text = f"<i>{t('related_question', lang, question=part.related)}</i>\n{text}"
    if part.label:
        return f"<b>{esc(part.label)}</b>\n{text}"
    return text


def precedents_block(answer: Answer, lang: str) -> str:
    lines = [f"<b>{esc(precedents_heading(answer))}</b>"]
    for n, precedent in enumerate(answer.precedents, 1):
        lines.append(f"{n}. " + " – ".join(esc(f) for f in precedent_fields(precedent)))
    if answer.more_precedents:
        lines.append(t("more_precedents", lang, count=answer.more_precedents))
    return "\n".join(lines)


def render_answer(answer: Answer, lang: str = "sv", truncated_at: int | None = None) -> list[str]:
    """An Answer as Telegram HTML messages: its passages, the precedents, the provisions in
    bold, numbered sources with links and checked dates, and the guidance note."""
    blocks: list[str] = []
    if truncated_at:
        blocks.append(f"<i>{t('long_question', lang, limit=truncated_at)}</i>")
    if not answer.answered:
        return join_blocks(blocks + decline_blocks(answer, lang))
    if answer.about_bot:  # what Hänsyn is for, then the overview
        blocks.append(t("about_bot", lang))
    blocks.extend(part_block(part, lang) for part in answer.parts)
    if answer.precedents:
        blocks.append(precedents_block(answer, lang))
    if answer.refs:
        refs = ", ".join(f"<b>{esc(ref)}</b>" for ref in answer.refs)
        blocks.append(f"{t('provisions', lang)}: {refs}")
    if answer.sources:
        blocks.append(sources_block(answer, lang))
    blocks.extend(f"<i>{esc(note)}</i>" for note in answer.notes)
    blocks.append(f"<i>{guidance_note(lang)}</i>")
    return join_blocks(blocks)


def decline_blocks(answer: Answer, lang: str) -> list[str]:
    blocks = [t("about_bot" if answer.about_bot else "no_basis_short", lang)]
    if answer.near_miss:
        blocks.append(t("meant", lang))
    if answer.referral:
        ref = answer.referral
        if ref.text and lang == "sv" and not answer.near_miss:
            blocks.append(esc(ref.text))
        blocks.append(t("ask_there", lang, where=ref.where) + " " + link(ref.url, ref.url))
    return blocks


def answer_keyboard(
    answer: Answer, question_id: int | None, topic_doc: str | None, lang: str
) -> InlineKeyboardMarkup:
    """👍 / 👎; a button per listed precedent (its card); "Menar du …?" candidates; and
    "Visa mer" / "Liknande exempel" when there is something to show."""
    qid = question_id or 0
    rows = []
    for candidate in answer.near_miss:
        rows.append([button(candidate["title"], cb("mean", short_key(candidate["doc_id"])))])
    for n, precedent in enumerate(answer.precedents, 1):
        label = f"{n}. {precedent.buyer}" + (f" ({precedent.year})" if precedent.year else "")
        rows.append([button(label, cb("card", short_key(precedent.doc_id)))])
    rows.append(
        [
            InlineKeyboardButton(t("btn_up", lang), callback_data=cb("fb", "+", qid)),
            InlineKeyboardButton(t("btn_down", lang), callback_data=cb("fb", "-", qid)),
        ]
    )
    extra = []
    if answer.answered and answer.more_id:
        extra.append(
            InlineKeyboardButton(t("btn_more", lang), callback_data=cb("more", short_key(answer.more_id)))
        )
    if topic_doc and not answer.precedents:
        extra.append(
            InlineKeyboardButton(t("btn_examples", lang), callback_data=cb("exs", short_key(topic_doc)))
        )
    if extra:
        rows.append(extra)
    return InlineKeyboardMarkup(rows)


def button(label: str, data: str) -> InlineKeyboardButton:
    label = " ".join(label.split())
    if len(label) > MAX_BUTTON_CHARS:
        label = label[: MAX_BUTTON_CHARS - 1].rstrip() + "…"
    return InlineKeyboardButton(label, callback_data=data)


def render_more(title: str, heading: str, text: str, url: str | None, checked: str, lang: str) -> list[str]:
    """The fuller passage behind an answer ("Visa mer")."""
    blocks = [f"<b>{t('more_title', lang, title=title, heading=heading)}</b>"]
    blocks.extend(bold_refs(p) for p in text.split("\n\n"))
    blocks.append(f"{link(url, t('card_source', lang))} ({t('checked', lang, date=checked)})")
    return join_blocks(blocks)
