"""The NumPy query encoder must give the vectors sentence-transformers gives (passages are
embedded by sentence-transformers at reindex time, queries by NumPy at answer time)."""

from __future__ import annotations

import numpy as np
import pytest

from bot.embedding import BUNDLED_MODEL, MAX_TOKENS, SentenceTransformerEmbedder

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


def test_the_numpy_encoder_matches_sentence_transformers(embedder):
    fast = embedder._fast_encoder()
    assert fast is not None, "the bundled model should get the NumPy encoder"
    assert fast.max_len == MAX_TOKENS
    numpy_vectors = embedder.encode_queries(QUESTIONS)
    torch_vectors = embedder._encode(QUESTIONS, "")
    assert numpy_vectors.shape == torch_vectors.shape == (len(QUESTIONS), embedder.dim)
    cosines = np.sum(numpy_vectors * torch_vectors, axis=1)
    assert cosines.min() > 0.9999, cosines
    assert np.allclose(np.linalg.norm(numpy_vectors, axis=1), 1.0, atol=1e-5)
