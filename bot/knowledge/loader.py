"""Load and validate the knowledge base: Markdown files with YAML front matter.

Every problem is reported as `path: field: problem`; `load_knowledge` raises KnowledgeError
listing all of them, so one bad file stops a reindex before anything is built.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import KnowledgeError
from .precedents import check_example
from .refs import Ref, RefError, parse_ref

KINDS = ("guidance", "law", "case-law", "example", "faq", "glossary", "referral")
# Referrals say where to ask about what Hänsyn does not cover; they are not answers, so they are
# kept out of the passage index and matched only when a question is declined.
ANSWER_KINDS = KINDS[:-1]
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SHORT_ANSWER = "Kort svar"
STALE_AFTER_DAYS = 365  # facts checked longer ago than this get "kontrollera aktuella regler"


@dataclass(frozen=True)
class Source:
    url: str
    title: str


@dataclass(frozen=True)
class Document:
    """One knowledge file, parsed and validated."""

    id: str
    title: str
    kind: str
    refs: tuple[Ref, ...]
    sources: tuple[Source, ...]
    checked: dt.date
    questions: tuple[str, ...]
    tags: tuple[str, ...]
    body: str
    path: str
    meta: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def url(self) -> str | None:
        return self.sources[0].url if self.sources else None

    @property
    def synonyms(self) -> tuple[str, ...]:
        """Glossary term and synonyms (empty for other kinds)."""
        if self.kind != "glossary":
            return ()
        term = str(self.meta.get("term") or "").strip().lower()
        words = [term] + [str(s).strip().lower() for s in self.meta.get("synonyms") or []]
        return tuple(dict.fromkeys(w for w in words if w))


def split_front_matter(text: str) -> tuple[str, str] | None:
    """Return (yaml, body) or None when the file does not open with a `---` block."""
    if not text.startswith("---"):
        return None
    match = re.match(r"^---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|$)", text, re.DOTALL)
    if not match:
        return None
    return match.group(1), text[match.end() :]


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _string_list(value, where: str, name: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        problems.append(f"{where}: {name}: ska vara en lista med texter")
        return ()
    return tuple(str(v).strip() for v in value if str(v).strip())


def _headings(body: str) -> list[tuple[int, str]]:
    """(level, text) of Markdown headings outside code fences."""
    out, fenced = [], False
    for line in body.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            continue
        m = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if m:
            out.append((len(m.group(1)), m.group(2)))
    return out


def _check_kind_fields(meta: dict, kind: str, where: str, problems: list[str]) -> None:
    if kind == "example":
        check_example(meta, where, problems)
    if kind == "glossary":
        if not str(meta.get("term") or "").strip():
            problems.append(f"{where}: term: saknas")
        if not isinstance(meta.get("synonyms"), list):
            problems.append(f"{where}: synonyms: ska vara en lista")
    compares = meta.get("compares")
    if compares is not None and (
        kind != "faq" or not isinstance(compares, list) or not 2 <= len(compares) <= 4
    ):
        problems.append(f"{where}: compares: bara i en FAQ, som en lista med 2–4 id")
    if kind == "referral":
        if not str(meta.get("where") or "").strip():
            problems.append(f"{where}: where: saknas (vart frågan ska ställas)")
        if not re.match(r"^https?://\S+$", str(meta.get("url") or "")):
            problems.append(f"{where}: url: saknas eller är ingen länk")
        for field in ("hints", "not_topics"):
            if meta.get(field) is not None and not isinstance(meta.get(field), list):
                problems.append(f"{where}: {field}: ska vara en lista med ord")
        topics = meta.get("topics")
        if not meta.get("default") and (not isinstance(topics, list) or not topics):
            problems.append(f"{where}: topics: ska vara en lista med ämnesord (eller default: true)")


def parse_document(path: Path, root: Path | None = None) -> tuple[Document | None, list[str]]:
    """Parse one file. Returns the document (None if unusable) and its problems."""
    where = str(path.relative_to(root.parent) if root and path.is_relative_to(root.parent) else path)
    problems: list[str] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [f"{where}: fil: kan inte läsas ({exc})"]
    parts = split_front_matter(text)
    if parts is None:
        return None, [f"{where}: front matter: saknas (filen ska börja med ett '---'-block)"]
    raw, body = parts
    try:
        meta = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        at = f" på rad {line + 2}" if line is not None else ""
        return None, [f"{where}: yaml: ogiltig YAML{at}: {getattr(exc, 'problem', exc)}"]
    if not isinstance(meta, dict):
        return None, [f"{where}: yaml: front matter ska vara nyckel: värde-par"]

    doc_id = str(meta.get("id") or "").strip()
    if not doc_id:
        problems.append(f"{where}: id: saknas")
    elif not ID_RE.match(doc_id):
        problems.append(f"{where}: id: '{doc_id}' ska vara kebab-case (a-z, 0-9, bindestreck)")
    elif doc_id != path.stem:
        problems.append(f"{where}: id: '{doc_id}' ska vara samma som filnamnet ('{path.stem}')")
    title = str(meta.get("title") or "").strip()
    if not title:
        problems.append(f"{where}: title: saknas")
    kind = str(meta.get("kind") or "").strip()
    if kind not in KINDS:
        problems.append(f"{where}: kind: okänd typ '{kind}' (tillåtna: {', '.join(KINDS)})")
    elif path.parent.name in KINDS and path.parent.name != kind:
        problems.append(f"{where}: kind: '{kind}' men filen ligger i mappen '{path.parent.name}'")

    refs: list[Ref] = []
    raw_refs = meta.get("refs") or []
    if not isinstance(raw_refs, list):
        problems.append(f"{where}: refs: ska vara en lista")
        raw_refs = []
    for item in raw_refs:
        try:
            refs.append(parse_ref(str(item)))
        except RefError as exc:
            problems.append(f"{where}: refs: {exc}")

    sources: list[Source] = []
    raw_sources = meta.get("sources")
    if not raw_sources or not isinstance(raw_sources, list):
        problems.append(f"{where}: sources: saknas (varje fakta ska ha en källa)")
    else:
        for n, item in enumerate(raw_sources, 1):
            url = str(item.get("url") or "").strip() if isinstance(item, dict) else ""
            if not re.match(r"^https?://\S+$", url):
                problems.append(f"{where}: sources: källa {n} saknar giltig url")
                continue
            sources.append(Source(url=url, title=str(item.get("title") or url).strip()))

    checked = _as_date(meta.get("checked"))
    if checked is None:
        problems.append(f"{where}: checked: saknas eller är inget datum (ÅÅÅÅ-MM-DD)")
    questions = _string_list(meta.get("questions"), where, "questions", problems)
    tags = _string_list(meta.get("tags"), where, "tags", problems)
    if kind in KINDS:
        _check_kind_fields(meta, kind, where, problems)

    heads = _headings(body)
    if not any(level == 1 for level, _ in heads):
        problems.append(f"{where}: body: saknar rubrik '# Titel'")
    if not any(level == 2 and text == SHORT_ANSWER for level, text in heads):
        problems.append(f"{where}: body: saknar avsnittet '## {SHORT_ANSWER}'")

    if problems:
        return None, problems
    doc = Document(
        id=doc_id,
        title=title,
        kind=kind,
        refs=tuple(refs),
        sources=tuple(sources),
        checked=checked,
        questions=questions,
        tags=tags,
        body=body,
        path=where,
        meta=meta,
    )
    return doc, []


def knowledge_files(root: Path) -> list[Path]:
    """Knowledge files under root, sorted. README files are documentation, and hidden files and
    folders (the history of earlier versions, files being written) are not knowledge."""
    return sorted(
        p
        for p in root.rglob("*.md")
        if p.name.lower() != "readme.md"
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def validate_knowledge(root: Path) -> tuple[list[Document], list[str]]:
    """Parse every file; return documents and all problems (duplicate ids included)."""
    if not root.is_dir():
        return [], [f"{root}: katalog: finns inte (sätt HANSYN_KNOWLEDGE_DIR)"]
    docs: list[Document] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    files = knowledge_files(root)
    if not files:
        problems.append(f"{root}: katalog: innehåller inga .md-filer")
    for path in files:
        doc, found = parse_document(path, root)
        problems.extend(found)
        if doc is None:
            continue
        if doc.id in seen:
            problems.append(f"{doc.path}: id: '{doc.id}' används redan i {seen[doc.id]}")
            continue
        seen[doc.id] = doc.path
        docs.append(doc)
    problems.extend(_cross_file_problems(docs))
    return docs, problems


def _cross_file_problems(docs: list[Document]) -> list[str]:
    """Links between files: `compares:` names existing files, and one referral is the default."""
    ids = {d.id for d in docs}
    problems = []
    for doc in docs:
        for other in doc.meta.get("compares") or []:
            if other not in ids:
                problems.append(f"{doc.path}: compares: '{other}' finns inte i kunskapsbanken")
            elif other == doc.id:
                problems.append(f"{doc.path}: compares: filen jämför sig med sig själv")
    referrals = [d for d in docs if d.kind == "referral"]
    defaults = [d for d in referrals if d.meta.get("default")]
    if referrals and len(defaults) != 1:
        where = referrals[0].path
        problems.append(f"{where}: default: exakt en hänvisning ska ha default: true (har {len(defaults)})")
    return problems


def load_knowledge(root: Path) -> list[Document]:
    """All documents, or KnowledgeError listing every problem."""
    docs, problems = validate_knowledge(root)
    if problems:
        raise KnowledgeError(problems)
    return docs


def knowledge_hash(root: Path) -> str:
    """Content hash of the knowledge files (names and bytes)."""
    digest = hashlib.sha256()
    for path in knowledge_files(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]
