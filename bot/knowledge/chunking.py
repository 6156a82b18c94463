"""Split documents into passages: one per `##` section, plus one per `questions:` phrasing.

A passage id is `<file id>#<section slug>`; a question passage is `<file id>#fraga-<n>` and
points at its file's short answer through `target`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .loader import ANSWER_KINDS, SHORT_ANSWER, Document
from .refs import find_refs

SHORT_ANSWER_SLUG = "kort-svar"


@dataclass(frozen=True)
class Passage:
    id: str
    doc_id: str
    kind: str
    title: str
    heading: str
    text: str
    refs: tuple[str, ...]  # canonical forms: the file's refs plus those the section mentions
    url: str | None
    checked: str  # ISO date
    target: str | None = None  # question passages: the passage they stand for
    tags: tuple[str, ...] = field(default_factory=tuple)

    @property
    def heading_path(self) -> str:
        return f"{self.title} › {self.heading}"

    @property
    def is_question(self) -> bool:
        return self.target is not None

    def embed_text(self) -> str:
        """What the embedding model sees."""
        if self.is_question:
            return self.text
        return f"{self.title}. {self.heading}. {self.text}"

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "kind": self.kind,
            "title": self.title,
            "heading": self.heading,
            "text": self.text,
            "refs": list(self.refs),
            "url": self.url,
            "checked": self.checked,
            "target": self.target,
            "tags": list(self.tags),
        }

    @classmethod
    def from_dict(cls, data: dict) -> Passage:
        return cls(
            id=data["id"],
            doc_id=data["doc_id"],
            kind=data["kind"],
            title=data["title"],
            heading=data["heading"],
            text=data["text"],
            refs=tuple(data["refs"]),
            url=data.get("url"),
            checked=data["checked"],
            target=data.get("target"),
            tags=tuple(data.get("tags") or ()),
        )


def slugify(text: str) -> str:
    """'Så gör du' -> 'sa-gor-du'."""
    folded = unicodedata.normalize("NFKD", text.lower())
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "avsnitt"


def sections(body: str) -> list[tuple[str, str]]:
    """(heading, text) for each `##` section; text before the first one is 'Inledning'.

    `#` lines inside code fences are text, not headings. Deeper headings stay in their section.
    """
    out: list[tuple[str, list[str]]] = []
    heading, lines, fenced = "Inledning", [], False
    for line in body.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if not fenced:
            h2 = re.match(r"^##\s+(.*?)\s*#*\s*$", line)
            if h2 and not line.startswith("###"):
                out.append((heading, lines))
                heading, lines = h2.group(1), []
                continue
            if re.match(r"^#\s+", line):
                continue  # the title line
        lines.append(line)
    out.append((heading, lines))
    result = []
    for head, body_lines in out:
        text = "\n".join(body_lines).strip()
        if text:
            result.append((head, text))
    return result


def chunk_document(doc: Document) -> list[Passage]:
    """Passages of one document, in file order, then its question passages."""
    passages: list[Passage] = []
    used: dict[str, int] = {}
    doc_refs = [str(r) for r in doc.refs]
    short_id = None
    for heading, text in sections(doc.body):
        slug = slugify(heading)
        used[slug] = used.get(slug, 0) + 1
        if used[slug] > 1:
            slug = f"{slug}-{used[slug]}"
        refs = list(doc_refs)
        for ref in find_refs(text):
            if ref.kind != "statute" or ref.chapter:
                label = str(ref)
                if label not in refs:
                    refs.append(label)
        pid = f"{doc.id}#{slug}"
        if heading == SHORT_ANSWER:
            short_id = pid
        passages.append(
            Passage(
                id=pid,
                doc_id=doc.id,
                kind=doc.kind,
                title=doc.title,
                heading=heading,
                text=text,
                refs=tuple(refs),
                url=doc.url,
                checked=doc.checked.isoformat(),
                tags=doc.tags,
            )
        )
    target = short_id or (passages[0].id if passages else None)
    for n, question in enumerate(doc.questions, 1):
        passages.append(
            Passage(
                id=f"{doc.id}#fraga-{n}",
                doc_id=doc.id,
                kind=doc.kind,
                title=doc.title,
                heading="Fråga",
                text=question,
                refs=tuple(doc_refs),
                url=doc.url,
                checked=doc.checked.isoformat(),
                target=target,
                tags=doc.tags,
            )
        )
    return passages


def chunk_all(docs: list[Document]) -> list[Passage]:
    """Passages of every document that can answer a question (referrals cannot)."""
    out: list[Passage] = []
    for doc in docs:
        if doc.kind in ANSWER_KINDS:
            out.extend(chunk_document(doc))
    return out
