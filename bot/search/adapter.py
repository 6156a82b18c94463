"""A linear map that moves a question's vector towards the passages that answer it.

all-MiniLM-L6-v2 was trained on English; Swedish questions typed in chat land far from the
Swedish passages that answer them. A 384 × 384 matrix, fitted on the knowledge base's own
question phrasings and the training sets' questions (benchmarks/fit_query_adapter.py), maps a
question's vector before the dense search; the passages' vectors are the model's own, so the
index is built as before. The dense ranking takes the candidates the mapped vector finds, but
scores them with the question's own vector: the confidence model was fitted on those cosines.
Only for the bundled model, for which the matrix was fitted.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..settings import BUNDLED_MODEL
from .embedding import normalise

ADAPTER_FILE = Path(__file__).with_name("data") / "query_adapter.npy"


def load_adapter(model_name: str, dim: int, path: Path = ADAPTER_FILE) -> np.ndarray | None:
    """The matrix for `model_name`, or None when there is none for it (another model, another
    dimension, no file)."""
    if model_name != BUNDLED_MODEL or not path.exists():
        return None
    matrix = np.load(path).astype(np.float32)
    return matrix if matrix.shape == (dim, dim) else None


def moved(vectors: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """Each vector times the matrix, normalised again."""
    return normalise(np.asarray(vectors, dtype=np.float32) @ matrix)


def search(faiss_index, vector: np.ndarray, matrix: np.ndarray, n: int) -> list[tuple[int, float]]:
    """The n passages nearest the mapped vector, best first, each with its cosine to the
    question's own vector (`vector`: one normalised float32 row)."""
    _, ids = faiss_index.search(moved(vector, matrix), n)
    found = np.array([i for i in ids[0] if i >= 0], dtype=np.int64)
    if not len(found):
        return []
    own = faiss_index.reconstruct_batch(found) @ vector[0]
    return [(int(i), float(s)) for i, s in zip(found, own, strict=True)]
