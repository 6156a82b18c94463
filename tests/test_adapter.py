"""The query adapter (bot/search/adapter.py): the mapped vector chooses the candidates, the
question's own vector scores them, and only the model it was fitted for uses it."""

import faiss
import numpy as np

from bot.search import adapter
from bot.settings import BUNDLED_MODEL, Settings


def index_of(vectors: np.ndarray):
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors.astype(np.float32))
    return index


def test_the_mapped_vector_finds_the_passage_and_the_own_vector_scores_it():
    passages = np.eye(3, dtype=np.float32)  # three passages on three axes
    swap = np.array([[0, 1, 0], [1, 0, 0], [0, 0, 1]], dtype=np.float32)  # axis 0 <-> axis 1
    question = np.array([[0.8, 0.6, 0.0]], dtype=np.float32)
    found = adapter.search(index_of(passages), question, swap, 2)
    # mapped to (0.6, 0.8, 0), it is nearest passage 1; each keeps its cosine to the question
    assert [(i, round(s, 3)) for i, s in found] == [(1, 0.6), (0, 0.8)]


def test_the_adapter_is_only_for_the_bundled_model(tmp_path):
    path = tmp_path / "a.npy"
    np.save(path, np.eye(4, dtype=np.float32))
    assert adapter.load_adapter(BUNDLED_MODEL, 4, path) is not None
    assert adapter.load_adapter("hash:4", 4, path) is None
    assert adapter.load_adapter(BUNDLED_MODEL, 8, path) is None  # another dimension
    assert adapter.load_adapter(BUNDLED_MODEL, 4, tmp_path / "none.npy") is None


def test_it_can_be_switched_off():
    assert Settings.from_env({}).query_adapter is True
    assert Settings.from_env({"HANSYN_QUERY_ADAPTER": "off"}).query_adapter is False


def test_the_shipped_matrix_fits_the_bundled_model():
    matrix = adapter.load_adapter(BUNDLED_MODEL, 384)
    assert matrix is not None and matrix.dtype == np.float32
    # fitted close to the identity: it moves questions, it does not replace the model
    assert np.linalg.norm(matrix - np.eye(384)) < 10
