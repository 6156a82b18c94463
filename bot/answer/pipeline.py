"""The answer pipeline: index + embedder + retriever + composition, swappable at run time."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from dataclasses import dataclass

from ..errors import HansynError
from ..search.embedding import Embedder, make_embedder
from ..search.retrieval import Retriever
from ..search.store import BuildReport, LoadedIndex, build_index, current_build, has_index, load_index
from ..settings import Settings
from .compose import MIN_CONFIDENCE, Answer, compose

logger = logging.getLogger(__name__)


@dataclass
class Engine:
    """One loaded index with everything needed to search it."""

    index: LoadedIndex
    retriever: Retriever
    passages: dict


class Pipeline:
    def __init__(self, settings: Settings, embedder: Embedder | None = None, build_if_missing: bool = True):
        self.settings = settings
        self.embedder = embedder or make_embedder(settings.embedding_model)
        self._build_lock = threading.Lock()
        self._reload_lock = threading.Lock()
        if build_if_missing and not has_index(settings.index_dir):
            self.reindex()
        self._engine = self._load()

    def _load(self) -> Engine:
        index = load_index(self.settings.index_dir, model=self.embedder.name)
        self.embedder.use_exports_in(self.settings.index_dir / "cache")
        return Engine(index, Retriever(index, self.embedder), {p.id: p for p in index.passages})

    @property
    def index(self) -> LoadedIndex:
        return self._engine.index

    def reindex(self, progress=None) -> BuildReport:
        """Build a new index and, if this pipeline is serving, swap it in. On failure the
        previous index keeps serving and the error propagates."""
        with self._build_lock:
            report = build_index(
                self.settings.knowledge_dir, self.settings.index_dir, self.embedder, progress
            )
            if getattr(self, "_engine", None) is not None:
                self._engine = self._load()
            return report

    def reload(self) -> None:
        self._engine = self._load()

    def refresh(self) -> Engine:
        """The engine for the current build: reloaded first when another process (a `hansyn
        reindex`, or a bot's /reindex seen from an answer worker) made a new build current. A
        build that fails to load leaves the loaded one serving."""
        engine = self._engine
        build = current_build(self.settings.index_dir)
        if build is None or build.name == engine.index.build_id:
            return engine
        with self._reload_lock:
            if self._engine is engine:
                try:
                    self._engine = self._load()
                except (HansynError, OSError):
                    logger.exception("Det nya indexet %s kunde inte läsas; det förra används", build)
                    return engine
            return self._engine

    def documents(self, kind: str | None = None) -> list[dict]:
        """Document records (id, title, kind, refs, sources, checked, example fields ...)."""
        docs = self._engine.index.documents.values()
        return [d for d in docs if kind is None or d["kind"] == kind]

    def passage(self, passage_id: str):
        return self._engine.passages.get(passage_id)

    def short_answer(self, doc_id: str) -> str | None:
        passage = self._engine.passages.get(f"{doc_id}#kort-svar")
        return passage.text if passage else None

    def examples(self, topic: str | None = None, limit: int = 20) -> list[dict]:
        """Precedent records, the ones closest to `topic` first (all of them, by year, without)."""
        if not topic or not topic.strip():
            records = self.documents("example")
            return sorted(records, key=lambda d: (-(d.get("year") or 0), d["title"]))[:limit]
        result = self.search(topic, kinds=["example"])
        by_id = self._engine.index.documents
        return [by_id[h.passage.doc_id] for h in result.documents()[:limit]]

    def provision(self, text: str) -> list[dict]:
        """Documents whose refs hold the provision named in `text` ("4 kap. 18 §", "4:18"),
        law texts first. Empty when the text names no provision or none matches."""
        from ..knowledge.refs import find_refs, parse_ref

        wanted: set[str] = set()
        for ref in find_refs(text):
            wanted |= ref.query_keys()
        if not wanted:
            return []
        order = {"law": 0, "guidance": 1, "faq": 2, "case-law": 3, "example": 4, "glossary": 5}
        matches = []
        for record in self._engine.index.documents.values():
            keys: set[str] = set()
            for ref in record["refs"]:
                keys |= parse_ref(ref).keys()
            if keys & wanted:
                matches.append(record)
        return sorted(matches, key=lambda d: (order.get(d["kind"], 9), d["title"]))

    def search(self, question: str, kinds: list[str] | None = None, mode: str = "hybrid"):
        return self.refresh().retriever.search(question, kinds=kinds, mode=mode)

    def ask(
        self,
        question: str,
        k: int = 3,
        kinds: list[str] | None = None,
        mode: str = "hybrid",
        min_confidence: float = MIN_CONFIDENCE,
        today: dt.date | None = None,
    ) -> Answer:
        started = time.perf_counter()
        engine = self.refresh()  # one consistent index for the whole answer, even mid-swap
        result = engine.retriever.search(question, kinds=kinds, mode=mode)
        answer = compose(
            result, engine.passages, engine.index.documents, k=k, today=today, min_confidence=min_confidence
        )
        answer.latency_ms = (time.perf_counter() - started) * 1000
        return answer
