"""Plain-text rendering of an Answer: what `hansyn ask` prints and the JSON `answer` field."""

from __future__ import annotations

from .compose import GUIDANCE_NOTE, Answer


def precedent_line(answer: Answer) -> str | None:
    p = answer.precedent
    if p is None:
        return None
    who = p.buyer or p.title
    year = f" ({p.year})" if p.year else ""
    return f"{who}{year}: {p.summary}"


def render_text(answer: Answer) -> str:
    parts = [answer.short_answer]
    if answer.answered and answer.replies_to:
        parts[0] = f"Svar på frågan ”{answer.replies_to}”:\n{answer.short_answer}"
    if answer.answered:
        if answer.refs:
            parts.append("Bestämmelser: " + ", ".join(answer.refs))
        line = precedent_line(answer)
        if line:
            parts.append("Exempel: " + line)
    elif answer.suggestions:
        parts.append("Närliggande ämnen i kunskapsbanken: " + "; ".join(answer.suggestions))
    if answer.sources and answer.answered:
        lines = ["Källor:"]
        for s in answer.sources:
            lines.append(f"[{s.n}] {s.title} (kontrollerad {s.checked})")
            if s.url:
                lines.append(f"    {s.url}")
        parts.append("\n".join(lines))
    parts.extend(answer.notes)
    if answer.answered:
        parts.append(GUIDANCE_NOTE)
    return "\n\n".join(parts)
