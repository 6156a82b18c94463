"""The on-disk index: build in a temporary directory, swap in atomically, load with checks.

Layout under the index directory:
    current -> builds/<build id>      symlink, replaced atomically on a successful build
    builds/<build id>/                config.json, vectors.faiss, passages.jsonl, lexical.json
    cache/<model>.npz                 embedding cache keyed by passage content hash
    cache/<model>-<size>.query.onnx   the model exported for query encoding (bot/onnx_query.py)
A killed or failed build leaves only a `builds/.tmp-*` directory behind; `current` still
points at the previous build, which keeps serving.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import __version__
from ..errors import IndexCorruptError, IndexMissingError, IndexModelMismatchError
from ..knowledge.chunking import Passage, chunk_all, sections
from ..knowledge.loader import SHORT_ANSWER, Document, knowledge_hash, load_knowledge
from ..knowledge.precedents import precedent_record
from .embedding import Embedder, model_slug
from .textproc import ref_tokens, tokens

FORMAT_VERSION = 4  # 4: stop words for question frames
FILES = ("config.json", "vectors.faiss", "passages.jsonl", "lexical.json", "documents.json")
# Above this many vectors the store uses an HNSW graph instead of exact search. Chosen from
# benchmarks/scale.py (figures in benchmarks/RESULTS.md): one-query exact search p95 on our 2-core
# machines is 1.1 ms at 10 000 vectors, 3.5 ms at 20 000, 7.5 ms at 50 000 and 16 ms at 100 000
# (the matrix outgrows the CPU cache); it crosses 5 ms, half the 10 ms search budget, at about
# 31 000. Just above that, HNSW finds 0.999 of the exact top 10 in about 2 ms.
APPROXIMATE_ABOVE = 30_000
# HNSW settings for vectors shaped like ours (local intrinsic dimension ~12; see scale.py): with
# M=32 recall@10 fell with size (0.92 at 200 000 vectors, 0.76 at 1 000 000, efSearch 128);
# M=64 with efSearch 256 keeps 0.990 at 200 000 (3.5 ms p95) and 0.955 at 1 000 000 (6.6 ms p95;
# the build takes 23 minutes on 2 cores). efSearch is stored in the index file, so a loaded index
# searches the same way.
HNSW_M = 64
HNSW_EF_CONSTRUCTION = 100
HNSW_EF_SEARCH = 256
Progress = Callable[[str, int, int], None]


@dataclass
class BuildReport:
    build_id: str
    documents: int
    passages: int
    embedded: int  # passages whose vectors were computed (not taken from the cache)
    seconds: float
    counts_by_kind: dict[str, int]


def _content_key(model: str, text: str) -> str:
    return hashlib.sha256(f"{model}\0{text}".encode()).hexdigest()[:24]


class EmbeddingCache:
    """Vectors by content hash, one file per model; written atomically."""

    def __init__(self, directory: Path, model: str):
        self.path = directory / f"{model_slug(model)}.npz"
        self.model = model
        self.vectors: dict[str, np.ndarray] = {}
        if self.path.is_file():
            try:
                with np.load(self.path, allow_pickle=False) as data:
                    for key, vec in zip(data["keys"], data["vectors"], strict=True):
                        self.vectors[str(key)] = vec
            except (OSError, ValueError, KeyError):
                self.vectors = {}  # a broken cache only costs time

    def save(self, keep: set[str]) -> None:
        kept = {k: v for k, v in self.vectors.items() if k in keep}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(f".tmp-{uuid.uuid4().hex[:8]}.npz")
        keys = np.array(sorted(kept), dtype="U24")
        vectors = np.stack([kept[k] for k in keys]) if len(keys) else np.zeros((0, 0), np.float32)
        np.savez(tmp, keys=keys, vectors=vectors)
        os.replace(tmp, self.path)


def lexical_tokens(passage: Passage) -> list[str]:
    """Tokens BM25 indexes for a passage: text, title, heading, tags, and reference keys."""
    toks = tokens(passage.text)
    toks += tokens(passage.title) * (1 if passage.is_question else 2)
    if not passage.is_question:
        toks += tokens(passage.heading)
    for tag in passage.tags:
        toks += tokens(tag)
    for ref in passage.refs:
        toks += ref_tokens(ref)
    return toks


def embed_passages(
    passages: list[Passage], embedder: Embedder, cache: EmbeddingCache, progress: Progress | None
) -> tuple[np.ndarray, int]:
    keys = [_content_key(embedder.cache_tag, p.embed_text()) for p in passages]
    missing = [i for i, k in enumerate(keys) if k not in cache.vectors]
    batch = 64
    for start in range(0, len(missing), batch):
        chunk = missing[start : start + batch]
        vectors = embedder.encode_passages([passages[i].embed_text() for i in chunk])
        for i, vec in zip(chunk, vectors, strict=True):
            cache.vectors[keys[i]] = np.asarray(vec, dtype=np.float32)
        if progress:
            progress("embed", min(start + batch, len(missing)), len(missing))
    cache.save(set(keys))
    if not passages:
        return np.zeros((0, embedder.dim), dtype=np.float32), 0
    return np.stack([cache.vectors[k] for k in keys]).astype(np.float32), len(missing)


def make_faiss_index(vectors: np.ndarray, approximate: bool | None = None):
    """Inner-product index over normalised vectors: exact, or HNSW for large collections."""
    import faiss

    dim = vectors.shape[1]
    if approximate is None:
        approximate = len(vectors) > APPROXIMATE_ABOVE
    if approximate:
        index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
    else:
        index = faiss.IndexFlatIP(dim)
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


CASE_FIELDS = ("court", "decided", "case")
REFERRAL_FIELDS = ("where", "url", "topics", "hints", "not_topics", "default")


def document_record(doc: Document) -> dict:
    """What the answer layer needs to know about a file beyond its passages."""
    record = {
        "id": doc.id,
        "title": doc.title,
        "kind": doc.kind,
        "refs": [str(r) for r in doc.refs],
        "sources": [{"url": s.url, "title": s.title} for s in doc.sources],
        "checked": doc.checked.isoformat(),
        "tags": list(doc.tags),
        "path": doc.path,
    }
    if doc.kind == "glossary":
        record["synonyms"] = list(doc.synonyms)
        record["term"] = str(doc.meta.get("term") or "").strip()  # as written: "Samhall" is a name
    if doc.questions:
        record["question"] = doc.questions[0]  # the question its short answer replies to
        record["questions"] = list(doc.questions)
    if doc.kind == "example":
        record.update(precedent_record(doc.meta))
    if doc.meta.get("compares"):
        record["compares"] = list(doc.meta["compares"])
    for name in CASE_FIELDS + REFERRAL_FIELDS:
        if name in doc.meta:
            record[name] = doc.meta[name]
    if doc.kind == "referral":  # not chunked into passages, so its short answer is kept here
        record["summary"] = dict(sections(doc.body)).get(SHORT_ANSWER, "")
    return record


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_text(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def build_index(
    knowledge_dir: Path,
    index_dir: Path,
    embedder: Embedder,
    progress: Progress | None = None,
    docs: list[Document] | None = None,
) -> BuildReport:
    """Validate, chunk, embed and write a new index, then make it current. Raises
    KnowledgeError (nothing written) when the knowledge base has problems."""
    import faiss

    started = time.perf_counter()
    docs = load_knowledge(knowledge_dir) if docs is None else docs
    passages = chunk_all(docs)
    if progress:
        progress("chunk", len(passages), len(passages))
    builds = index_dir / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    _remove_stale_tmp(builds)
    cache = EmbeddingCache(index_dir / "cache", embedder.cache_tag)
    vectors, embedded = embed_passages(passages, embedder, cache, progress)
    embedder.export_query_encoder(index_dir / "cache")  # once per model: queries need no torch then

    build_id = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    tmp = builds / f".tmp-{build_id}"
    tmp.mkdir()
    index = make_faiss_index(vectors)
    faiss.write_index(index, str(tmp / "vectors.faiss"))
    _write_text(
        tmp / "passages.jsonl",
        "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in passages),
    )
    _write_text(tmp / "lexical.json", json.dumps([lexical_tokens(p) for p in passages]))
    _write_text(
        tmp / "documents.json",
        json.dumps({d.id: document_record(d) for d in docs}, ensure_ascii=False, default=str),
    )
    counts: dict[str, int] = {}
    for doc in docs:
        counts[doc.kind] = counts.get(doc.kind, 0) + 1
    config = {
        "format": FORMAT_VERSION,
        "version": __version__,
        "model": embedder.name,
        "dimension": int(vectors.shape[1]) if len(vectors) else embedder.dim,
        "knowledge_hash": knowledge_hash(knowledge_dir),
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "build_id": build_id,
        "documents": len(docs),
        "passages": len(passages),
        "counts_by_kind": counts,
        "index_type": type(index).__name__,
        "newest_checked": max((d.checked for d in docs), default=dt.date.today()).isoformat(),
    }
    _write_text(tmp / "config.json", json.dumps(config, ensure_ascii=False, indent=2))
    _fsync_dir(tmp)
    final = builds / build_id
    os.replace(tmp, final)
    _swap_current(index_dir, final)
    _remove_old_builds(builds, keep={final.name})
    return BuildReport(
        build_id=build_id,
        documents=len(docs),
        passages=len(passages),
        embedded=embedded,
        seconds=time.perf_counter() - started,
        counts_by_kind=counts,
    )


def _swap_current(index_dir: Path, target: Path) -> None:
    link = index_dir / "current"
    tmp_link = index_dir / f".current-{uuid.uuid4().hex[:8]}"
    os.symlink(os.path.relpath(target, index_dir), tmp_link)
    os.replace(tmp_link, link)
    _fsync_dir(index_dir)


def _remove_stale_tmp(builds: Path) -> None:
    for path in builds.glob(".tmp-*"):
        shutil.rmtree(path, ignore_errors=True)


def _remove_old_builds(builds: Path, keep: set[str], spare: int = 1) -> None:
    """Keep the new build and `spare` older ones (a process may still be reading one)."""
    old = sorted((p for p in builds.iterdir() if p.is_dir() and not p.name.startswith(".")), reverse=True)
    old = [p for p in old if p.name not in keep]
    for path in old[spare:]:
        shutil.rmtree(path, ignore_errors=True)


@dataclass
class LoadedIndex:
    path: Path
    config: dict
    passages: list[Passage]
    lexical: list[list[str]]
    faiss_index: object
    documents: dict[str, dict]

    @property
    def build_id(self) -> str:
        return self.config.get("build_id", self.path.name)


def current_build(index_dir: Path) -> Path | None:
    link = index_dir / "current"
    if not link.exists():
        return None
    return link.resolve()


def has_index(index_dir: Path) -> bool:
    return current_build(index_dir) is not None


def built_from(index_dir: Path) -> str | None:
    """The knowledge hash the current build was made from (None without a readable build)."""
    build = current_build(index_dir)
    try:
        return json.loads((build / "config.json").read_text(encoding="utf-8")).get("knowledge_hash")
    except (OSError, ValueError, TypeError):
        return None


def is_stale(index_dir: Path, knowledge_dir: Path) -> bool:
    """Was the current build made from other knowledge files than those there now (texts
    edited on a volume while the image's index was built from the shipped ones)?"""
    return has_index(index_dir) and built_from(index_dir) != knowledge_hash(knowledge_dir)


def _corrupt(path: Path, why: str) -> IndexCorruptError:
    return IndexCorruptError(
        f"indexfilen {path} är skadad eller ofullständig ({why}). Bygg om indexet med `hansyn reindex`."
    )


def load_index(index_dir: Path, model: str | None = None) -> LoadedIndex:
    """Load the current build. Refuses an index built with another model than `model`."""
    import faiss

    build = current_build(index_dir)
    if build is None:
        raise IndexMissingError(f"inget index i {index_dir}; bygg det med `hansyn reindex`")
    for name in FILES:
        if not (build / name).is_file():
            raise _corrupt(build / name, "filen saknas")
    try:
        config = json.loads((build / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise _corrupt(build / "config.json", str(exc)) from exc
    if not isinstance(config, dict) or config.get("format") != FORMAT_VERSION:
        raise _corrupt(build / "config.json", "okänt format")
    if model is not None and config.get("model") != model:
        raise IndexModelMismatchError(
            f"indexet byggdes med modellen '{config.get('model')}' men HANSYN_EMBEDDING_MODEL är "
            f"'{model}'. Bygg om med `hansyn reindex` eller byt tillbaka modellen."
        )
    try:
        passages = [
            Passage.from_dict(json.loads(line))
            for line in (build / "passages.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise _corrupt(build / "passages.jsonl", str(exc)) from exc
    try:
        lexical = json.loads((build / "lexical.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise _corrupt(build / "lexical.json", str(exc)) from exc
    try:
        documents = json.loads((build / "documents.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise _corrupt(build / "documents.json", str(exc)) from exc
    try:
        index = faiss.read_index(str(build / "vectors.faiss"))
    except RuntimeError as exc:
        raise _corrupt(build / "vectors.faiss", "FAISS kan inte läsa den") from exc
    if index.ntotal != len(passages) or len(lexical) != len(passages):
        raise _corrupt(build, f"{index.ntotal} vektorer, {len(passages)} avsnitt, {len(lexical)} ordlistor")
    if len(passages) != config.get("passages"):
        raise _corrupt(build / "passages.jsonl", "antalet avsnitt stämmer inte med config.json")
    if index.d != config.get("dimension"):
        raise _corrupt(build / "vectors.faiss", "dimensionen stämmer inte med config.json")
    return LoadedIndex(
        path=build,
        config=config,
        passages=passages,
        lexical=lexical,
        faiss_index=index,
        documents=documents,
    )
