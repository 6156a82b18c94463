"""Plain-text rendering of an Answer: what `hansyn ask` prints and the JSON `answer` field."""

from __future__ import annotations

from .model import ABOUT_BOT, GUIDANCE_NOTE, NO_BASIS, Answer, PrecedentLine

MEANT = "Menar du:"
NO_PRECEDENT = "Kunskapsbanken har inga kända exempel {wanted}. Närmast är:"
# ... when a court case on it is shown above the list ("ge flera exempel på uteslutning")
NO_OTHER_PRECEDENT = "Utöver rättsfallet ovan har kunskapsbanken inga kända exempel {wanted}. Närmast är:"
SOME_PRECEDENTS = "Exempel {wanted} ({count} st):"


def what_was_bought(precedent: PrecedentLine) -> str:
    """The title's part after the dash ("Region Örebro län – cykelservice från Cykelreturen")."""
    return precedent.title.split(" – ", 1)[1] if " – " in precedent.title else precedent.title


def precedent_fields(p: PrecedentLine) -> list[str]:
    """The pieces of a one-line precedent: buyer (year), what, instrument, supplier."""
    who = p.buyer + (f" ({p.year})" if p.year else "")
    if p.country != "Sverige":
        who += f", {p.country}"
    what = what_was_bought(p)
    if p.year:  # the year is said once, after the buyer
        what = what.removesuffix(f" ({p.year})")
    fields = [who, what]
    if p.instrument:
        fields.append(", ".join(p.instrument))
    if p.suppliers:
        fields.append("leverantör: " + ", ".join(p.suppliers))
    return fields


def precedents_heading(answer: Answer) -> str:
    count = len(answer.precedents) + answer.more_precedents
    if answer.precedent_match == "none":
        ruled = any(part.kind == "case-law" for part in answer.parts)
        return (NO_OTHER_PRECEDENT if ruled else NO_PRECEDENT).format(
            wanted=answer.precedent_wanted or "på det du frågar om"
        )
    if answer.precedent_wanted:
        return SOME_PRECEDENTS.format(wanted=answer.precedent_wanted, count=count)
    return "Exempel:"


def part_header(part) -> str | None:
    """ "Svar på frågan" over a reply to the file's own question; else the part's or side's name,
    and over a yes or no to another question that question, so that a "Nej" under the user's part
    ("Kan en stiftelse lämna anbud …?") is read as the answer to the question it answers."""
    if part.asks:
        return f"Svar på frågan ”{part.asks}”:"
    lines = [f"» {part.label}:"] if part.label else []
    if part.related:
        lines.append(f"Närliggande fråga i kunskapsbanken: ”{part.related}”")
    return "\n".join(lines) or None


def render_text(answer: Answer) -> str:
    if not answer.answered:
        return render_decline(answer)
    blocks = [ABOUT_BOT] if answer.about_bot else []
    for part in answer.parts:
        header = part_header(part)
        blocks.append(f"{header}\n{part.text}" if header else part.text)
    if answer.precedents:
        lines = [precedents_heading(answer)]
        lines += ["- " + " – ".join(precedent_fields(p)) for p in answer.precedents]
        if answer.more_precedents:
            lines.append(f"… och {answer.more_precedents} till (hansyn examples visar alla).")
        blocks.append("\n".join(lines))
    if answer.refs:
        blocks.append("Bestämmelser: " + ", ".join(answer.refs))
    if answer.sources:
        lines = ["Källor:"]
        for s in answer.sources:
            lines.append(f"[{s.n}] {s.title} (kontrollerad {s.checked})")
            if s.url:
                lines.append(f"    {s.url}")
        blocks.append("\n".join(lines))
    blocks.extend(answer.notes)
    blocks.append(GUIDANCE_NOTE)
    return "\n\n".join(blocks)


def render_decline(answer: Answer) -> str:
    blocks = [ABOUT_BOT if answer.about_bot else NO_BASIS]
    if answer.near_miss:
        lines = [MEANT] + [f"{n}. {c['title']}" for n, c in enumerate(answer.near_miss, 1)]
        lines.append("Ställ frågan igen med orden i ett av ämnena, så svarar jag på det.")
        blocks.append("\n".join(lines))
    if answer.referral:
        where = f"Fråga {answer.referral.where}: {answer.referral.url}"
        blocks.append(f"{answer.referral.text}\n{where}" if answer.referral.text else where)
    return "\n\n".join(blocks)
