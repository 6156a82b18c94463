"""Changing the knowledge base from outside the repository: checking an uploaded file, saving it
atomically with the previous version kept in a history, restoring and removing files.

An upload is checked with the same validator as `hansyn validate`, on a copy of the knowledge
base with the file in place, so a file that would break the whole (a `compares:` to a missing
id, a second default referral) is refused too. The path is built from the file's kind and id,
never from the upload's file name. Every change runs under a lock and compares the file's
content hash with the one the admin saw, so two admins saving at once cannot overwrite each
other unseen; a save writes a temporary file, fsyncs it and renames it into place, so a crash
leaves either the old file or the new one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import HansynError
from .chunking import sections
from .loader import ID_RE, KINDS, Document, parse_document, split_front_matter, validate_knowledge

MAX_UPLOAD_BYTES = 200 * 1024
HISTORY_DIR = ".history"
LOCK_FILE = ".lock"


class EditConflict(HansynError):
    """The file changed since the admin looked at it (another admin saved first)."""


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


@dataclass
class Changes:
    """What a replacement changes: sections (by heading), refs and the checked date."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    refs_added: list[str] = field(default_factory=list)
    refs_removed: list[str] = field(default_factory=list)
    checked: tuple[str, str] | None = None  # (old, new) when it changed

    @property
    def empty(self) -> bool:
        return not (
            self.added or self.removed or self.changed or self.refs_added or self.refs_removed or self.checked
        )


@dataclass
class Upload:
    """A checked upload: the parsed document, or the problems that stop it."""

    raw: bytes
    problems: list[str]
    doc: Document | None = None
    path: Path | None = None  # where it would be saved: <root>/<kind>/<id>.md
    replaces: Document | None = None
    old_hash: str | None = None  # the content hash of the file it replaces
    changes: Changes | None = None

    @property
    def new_hash(self) -> str:
        return content_hash(self.raw)

    @property
    def ok(self) -> bool:
        return not self.problems and self.doc is not None


def knowledge_path(root: Path, doc_id: str) -> Path | None:
    """The file of the document with this id, whatever its kind; None when there is none."""
    if not ID_RE.match(doc_id or ""):
        return None
    for kind in KINDS:
        path = root / kind / f"{doc_id}.md"
        if path.is_file():
            return path
    return None


def check_upload(root: Path, file_name: str, raw: bytes) -> Upload:
    """Check an uploaded file: size, UTF-8 Markdown, plain-data YAML, a safe id, no duplicate id
    under another kind, and the whole knowledge base valid with the file in place."""
    where = file_name or "filen"
    if len(raw) > MAX_UPLOAD_BYTES:
        return Upload(raw, [f"{where}: fil: {len(raw) // 1024} kB, högst {MAX_UPLOAD_BYTES // 1024} kB"])
    if not where.lower().endswith(".md"):
        return Upload(raw, [f"{where}: fil: bara Markdown-filer (.md) kan laddas upp"])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return Upload(raw, [f"{where}: fil: inte UTF-8-text"])
    if "\x00" in text:
        return Upload(raw, [f"{where}: fil: innehåller binära data, ingen Markdown"])
    parts = split_front_matter(text.lstrip("\ufeff"))
    if parts is None:
        return Upload(raw, [f"{where}: front matter: saknas (filen ska börja med ett '---'-block)"])
    try:
        meta = yaml.safe_load(parts[0])  # plain data only: no tags that build objects
    except yaml.YAMLError as exc:
        return Upload(raw, [f"{where}: yaml: bara vanlig data tillåts ({getattr(exc, 'problem', exc)})"])
    if not isinstance(meta, dict):
        return Upload(raw, [f"{where}: yaml: front matter ska vara nyckel: värde-par"])
    doc_id, kind = str(meta.get("id") or ""), str(meta.get("kind") or "")
    if not ID_RE.match(doc_id):
        return Upload(
            raw, [f"{where}: id: '{doc_id[:60]}' ska vara gemener, siffror och bindestreck (a-z, 0-9, -)"]
        )
    if kind not in KINDS:
        return Upload(raw, [f"{where}: kind: okänd typ '{kind[:40]}' (tillåtna: {', '.join(KINDS)})"])
    existing = knowledge_path(root, doc_id)
    if existing is not None and existing.parent.name != kind:
        return Upload(
            raw, [f"{where}: id: '{doc_id}' finns redan som {existing.parent.name}; välj ett annat id"]
        )
    target = root / kind / f"{doc_id}.md"
    problems, doc = _validate_in_place(root, target, raw)
    upload = Upload(raw, problems, doc, target)
    if existing is not None:
        old_raw = existing.read_bytes()
        upload.old_hash = content_hash(old_raw)
        old_doc, _ = parse_document(existing, root)
        upload.replaces = old_doc
        if old_doc is not None and doc is not None:
            upload.changes = changes(old_doc, doc)
    return upload


def _validate_in_place(root: Path, target: Path, raw: bytes) -> tuple[list[str], Document | None]:
    """Validate the whole knowledge base with `raw` at `target`, on a temporary copy."""
    with tempfile.TemporaryDirectory(prefix="hansyn-upload-") as tmp:
        copy = Path(tmp) / root.name
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".*"))
        placed = copy / target.relative_to(root)
        placed.parent.mkdir(parents=True, exist_ok=True)
        placed.write_bytes(raw)
        docs, problems = validate_knowledge(copy)
        doc = next((d for d in docs if d.path == str(placed.relative_to(copy.parent))), None)
        if doc is not None:
            doc = Document(**{**doc.__dict__, "path": str(target.relative_to(root.parent))})
    return problems, doc


def changes(old: Document, new: Document) -> Changes:
    before, after = dict(sections(old.body)), dict(sections(new.body))
    old_refs, new_refs = [str(r) for r in old.refs], [str(r) for r in new.refs]
    return Changes(
        added=[h for h in after if h not in before],
        removed=[h for h in before if h not in after],
        changed=[h for h in after if h in before and before[h] != after[h]],
        refs_added=[r for r in new_refs if r not in old_refs],
        refs_removed=[r for r in old_refs if r not in new_refs],
        checked=(old.checked.isoformat(), new.checked.isoformat()) if old.checked != new.checked else None,
    )


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    """One change to the knowledge base at a time, across processes."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / LOCK_FILE, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _keep(root: Path, path: Path, doc_id: str) -> Path:
    """Copy the current version of a file into the history; returns the copy."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    data = path.read_bytes()
    kept = root / HISTORY_DIR / doc_id / f"{stamp}-{path.parent.name}-{content_hash(data)}.md"
    _write_atomically(kept, data)
    return kept


def _current_hash(path: Path) -> str | None:
    return content_hash(path.read_bytes()) if path.is_file() else None


def save(root: Path, upload: Upload) -> tuple[str | None, str]:
    """Write a checked upload in place, the previous version kept in the history. Raises
    EditConflict when the file is no longer the one the upload was checked against."""
    if not upload.ok or upload.path is None or upload.doc is None:
        raise HansynError("filen är inte kontrollerad och godkänd")
    with locked(root):
        if _current_hash(upload.path) != upload.old_hash:
            raise EditConflict(f"{upload.doc.id} har ändrats sedan du laddade upp filen; ladda upp den igen")
        other = knowledge_path(root, upload.doc.id)
        if other is not None and other != upload.path:
            raise EditConflict(f"id '{upload.doc.id}' finns nu som {other.parent.name}")
        if upload.path.is_file():
            _keep(root, upload.path, upload.doc.id)
        _write_atomically(upload.path, upload.raw)
    return upload.old_hash, upload.new_hash


def versions(root: Path, doc_id: str) -> list[Path]:
    """Earlier versions of a file, newest first."""
    folder = root / HISTORY_DIR / doc_id
    return sorted(folder.glob("*.md"), reverse=True) if ID_RE.match(doc_id or "") and folder.is_dir() else []


def restore(root: Path, doc_id: str) -> tuple[str | None, str, Path]:
    """Put back the newest earlier version of a file (the current one goes into the history).
    Returns (old hash, new hash, the restored file)."""
    with locked(root):
        earlier = versions(root, doc_id)
        if not earlier:
            raise HansynError(f"det finns ingen tidigare version av '{doc_id}'")
        chosen = earlier[0]
        kind = chosen.stem.split("-", 1)[1].rsplit("-", 1)[0] if chosen.stem.count("-") >= 2 else None
        current = knowledge_path(root, doc_id)
        target = current or (root / kind / f"{doc_id}.md" if kind in KINDS else None)
        if target is None:
            raise HansynError(f"vet inte vilken mapp '{doc_id}' hör hemma i")
        old_hash = _current_hash(target)
        data = chosen.read_bytes()
        if current is not None:
            _keep(root, current, doc_id)
        _write_atomically(target, data)
        chosen.unlink()
        _fsync_dir(chosen.parent)
    return old_hash, content_hash(data), target


def remove(root: Path, doc_id: str, expected_hash: str | None = None) -> str:
    """Move a file into the history (so it can be restored); returns its content hash."""
    with locked(root):
        path = knowledge_path(root, doc_id)
        if path is None:
            raise HansynError(f"det finns ingen fil med id '{doc_id}'")
        old_hash = _current_hash(path)
        if expected_hash is not None and old_hash != expected_hash:
            raise EditConflict(f"{doc_id} har ändrats sedan du bad om att ta bort den; försök igen")
        _keep(root, path, doc_id)
        path.unlink()
        _fsync_dir(path.parent)
    return old_hash or ""


def put_back(root: Path, path: Path, data: bytes | None) -> None:
    """Undo a change whose reindex failed: the previous bytes back (or the file gone)."""
    with locked(root):
        if data is None:
            path.unlink(missing_ok=True)
        else:
            _write_atomically(path, data)
