"""Answering questions in worker processes, so a busy bot uses every core.

In one Python process the Telegram side (PTB, HTTP) and the pipeline's Python code take turns
holding one GIL, so it leaves part of a second core idle: on 2 cores it drained a burst at about
59 answers/s, against 84-105 with two answer processes (benchmarks/load.py, 2026-12-02; before
the ONNX encoder, 32-34 against 44-57). Worker processes each load the index themselves and
answer with their own pipeline; the bot's process keeps the Telegram side, the log and the admin
commands.

Each worker follows `index/current` (Pipeline.refresh), so a /reindex in the bot or a `hansyn
reindex` beside it reaches every worker before its next answer. A worker that dies takes the
pool with it: the pool is started again, and the question is answered in the bot's own
process meanwhile (WorkersUnavailable). After repeated failures (for instance an index that a
worker cannot load) the workers are given up and every answer is made in the bot's process.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

logger = logging.getLogger(__name__)

MAX_RESTARTS = 3  # pools started again in a row without one answer in between
PARENT_CHECK_S = 1.0

_pipeline = None  # the worker's own pipeline, set by _start


class WorkersUnavailable(Exception):
    """No worker could answer; answer in the bot's own process instead."""


def _exit_with_parent(parent: int) -> None:
    """Leave when the bot is gone, even if it was killed outright and could not stop us."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(0)


def _start(knowledge_dir: str, index_dir: str, model: str) -> None:
    """Worker initialiser: load the index (the embedding model loads on the first question)."""
    global _pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the bot, which stops us
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    from ..answer.pipeline import Pipeline
    from ..settings import Settings

    settings = Settings(knowledge_dir=Path(knowledge_dir), index_dir=Path(index_dir), embedding_model=model)
    _pipeline = Pipeline(settings, build_if_missing=False)


def _ask(question: str):
    return _pipeline.ask(question)


class AnswerWorkers:
    """A pool of `processes` worker processes answering with the settings' index and model."""

    def __init__(self, settings, processes: int):
        if processes < 1:
            raise ValueError("processes must be at least 1")
        self.processes = processes
        self._args = (str(settings.knowledge_dir), str(settings.index_dir), settings.embedding_model)
        self._pool: ProcessPoolExecutor | None = self._new_pool()
        self._failures = 0

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.processes,
            mp_context=multiprocessing.get_context("spawn"),  # no fork of a threaded process
            initializer=_start,
            initargs=self._args,
        )

    @property
    def available(self) -> bool:
        return self._pool is not None

    def warm_up(self, question: str) -> list[Future]:
        """Start every worker and load its model, so the first questions are fast."""
        if self._pool is None:
            return []
        return [self._pool.submit(_ask, question) for _ in range(self.processes)]

    async def ask(self, question: str):
        """The pipeline's Answer, from a worker. Exceptions from the pipeline propagate as they
        are; a broken pool raises WorkersUnavailable after starting a new one."""
        pool = self._pool
        if pool is None:
            raise WorkersUnavailable("the answer workers were given up")
        try:
            answer = await asyncio.wrap_future(pool.submit(_ask, question))
        except BrokenProcessPool as exc:
            self._replace(pool, exc)
            raise WorkersUnavailable(str(exc)) from exc
        self._failures = 0
        return answer

    def _replace(self, pool: ProcessPoolExecutor, exc: BaseException) -> None:
        if self._pool is not pool:
            return  # another question already replaced it
        pool.shutdown(wait=False, cancel_futures=True)
        self._failures += 1
        if self._failures >= MAX_RESTARTS:
            logger.error(
                "Svarsprocesserna har fallerat %d gånger i rad (%s); botens egen process svarar nu",
                self._failures,
                exc,
            )
            self._pool = None
            return
        logger.warning("En svarsprocess dog (%s); startar nya", exc)
        self._pool = self._new_pool()

    def shutdown(self) -> None:
        """Stop the answer processes and wait for them: a pool left to finish on its own may
        still be closing its wake-up pipe when the interpreter's exit hook writes to it
        (CPython 3.11 then prints "OSError: Bad file descriptor" at exit)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
