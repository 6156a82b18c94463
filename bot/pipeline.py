"""The answer pipeline: index + embedder + retriever + composition, swappable at run time."""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass

from .answer import MIN_CONFIDENCE, Answer, compose
from .embedding import Embedder, make_embedder
from .retrieval import Retriever
from .settings import Settings
from .store import BuildReport, LoadedIndex, build_index, has_index, load_index


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
        if build_if_missing and not has_index(settings.index_dir):
            self.reindex()
        self._engine = self._load()

    def _load(self) -> Engine:
        index = load_index(self.settings.index_dir, model=self.embedder.name)
        return Engine(index, Retriever(index, self.embedder), {p.id: p for p in index.passages})

    @property
    def index(self) -> LoadedIndex:
        return self._engine.index

    def reindex(self, progress=None) -> BuildReport:
        """Build a new index and, if this pipeline is serving, swap it in. On failure the
        previous index keeps serving and the error propagates."""
        with self._build_lock:
            report = build_index(self.settings.knowledge_dir, self.settings.index_dir, self.embedder, progress)
            if getattr(self, "_engine", None) is not None:
                self._engine = self._load()
            return report

    def reload(self) -> None:
        self._engine = self._load()

    def search(self, question: str, kinds: list[str] | None = None, mode: str = "hybrid"):
        return self._engine.retriever.search(question, kinds=kinds, mode=mode)

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
        engine = self._engine  # one consistent index for the whole answer, even mid-swap
        result = engine.retriever.search(question, kinds=kinds, mode=mode)
        answer = compose(
            result, engine.passages, engine.index.documents, k=k, today=today, min_confidence=min_confidence
        )
        answer.latency_ms = (time.perf_counter() - started) * 1000
        return answer
