"""The query encoders without torch (ONNX Runtime on the model's export, and the NumPy forward
pass it falls back to) must give the vectors sentence-transformers gives: passages are embedded
by sentence-transformers at reindex time, questions by one of these at answer time."""

from __future__ import annotations

import numpy as np
import pytest

from bot.search import minilm, onnx_query
from bot.search.embedding import BUNDLED_MODEL, MAX_TOKENS, SentenceTransformerEmbedder

QUESTIONS = [
    "Får vi reservera upphandlingen för sociala företag?",
    "kan vi kräva att leverantören anställer långtidsarbetslösa",
    "Vad säger 4 kap. 18 § LOU?",
    "ILO:s kärnkonventioner & uppförandekod <b>i leverantörsledet</b>",
    "a",
    # Longer than the token limit: both must truncate the same way.
    "Hur följer vi upp sysselsättningskrav i ett kontrakt om lokalvård? " * 30,
]


@pytest.fixture(scope="module")
def embedder():
    return SentenceTransformerEmbedder(BUNDLED_MODEL)


def assert_matches_sentence_transformers(embedder):
    vectors = embedder.encode_queries(QUESTIONS)
    torch_vectors = embedder._encode(QUESTIONS, "")
    assert vectors.shape == torch_vectors.shape == (len(QUESTIONS), embedder.dim)
    cosines = np.sum(vectors * torch_vectors, axis=1)
    assert cosines.min() > 0.9999, cosines
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_the_numpy_encoder_matches_sentence_transformers(embedder):
    embedder.use_exports_in(None)  # no export: the NumPy forward pass
    fast = embedder._fast_encoder()
    assert isinstance(fast, minilm.NumpyBertEncoder), "the bundled model should get the NumPy encoder"
    assert fast.max_len == MAX_TOKENS
    assert_matches_sentence_transformers(embedder)


def test_the_onnx_export_matches_sentence_transformers(embedder, tmp_path):
    export = embedder.export_query_encoder(tmp_path)
    assert export is not None and export.exists() and export.name.endswith(onnx_query.SUFFIX)
    assert embedder.export_query_encoder(tmp_path) == export  # exported once, then reused
    embedder.use_exports_in(tmp_path)
    assert isinstance(embedder._fast_encoder(), onnx_query.OnnxQueryEncoder)
    assert_matches_sentence_transformers(embedder)


def test_two_encoder_threads_give_the_vectors_of_one(tmp_path):
    # the settings' HANSYN_ENCODER_THREADS reaches the ONNX session; answers must not change
    one, two = (
        SentenceTransformerEmbedder(BUNDLED_MODEL),
        SentenceTransformerEmbedder(BUNDLED_MODEL, threads=2),
    )
    export = one.export_query_encoder(tmp_path)
    for embedder in (one, two):
        embedder.use_exports_in(tmp_path)
    assert two._fast_encoder().session.get_session_options().intra_op_num_threads == 2
    assert export == two.export_query_encoder(tmp_path)
    assert np.allclose(one.encode_queries(QUESTIONS), two.encode_queries(QUESTIONS), atol=1e-6)
    assert_matches_sentence_transformers(two)


def test_a_damaged_export_falls_back_to_the_numpy_encoder(embedder, tmp_path):
    export = embedder.export_query_encoder(tmp_path)
    export.write_bytes(b"not a model")
    embedder.use_exports_in(tmp_path)
    assert isinstance(embedder._fast_encoder(), minilm.NumpyBertEncoder)
    assert_matches_sentence_transformers(embedder)
    assert not export.exists()  # removed, so the next reindex exports it again
    assert embedder.export_query_encoder(tmp_path) == export and export.exists()


def test_texts_of_about_one_length_share_a_run_and_a_long_one_runs_alone():
    # a comparison's two short sides together; the whole question, much longer, alone
    assert onnx_query.length_groups([40, 6, 8]) == [[1, 2], [0]]
    assert onnx_query.length_groups([10, 10, 10]) == [[0, 1, 2]]
    assert onnx_query.length_groups([5, 30]) == [[0], [1]]
    assert onnx_query.length_groups([]) == []
