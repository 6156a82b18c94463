"""A NumPy forward pass for BERT-type sentence-transformers models with mean pooling.

Why: importing torch and sentence-transformers costs ~5 s, which a one-shot `hansyn ask` cannot
afford. Questions are normally encoded by ONNX Runtime on the export `reindex` makes
(bot/onnx_query.py, about twice as fast); this is the fallback while there is no export, and
needs only `tokenizers` and `safetensors`. Passages are embedded by sentence-transformers at
reindex time; a test checks that all three give the same vectors.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np


def supports(model_dir: Path) -> bool:
    """True for a local BERT model whose sentence-transformers pipeline is mean pooling."""
    try:
        config = json.loads((model_dir / "config.json").read_text())
        modules = json.loads((model_dir / "modules.json").read_text())
        pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text())
    except (OSError, ValueError):
        return False
    kinds = [m.get("type", "").rsplit(".", 1)[-1] for m in modules]
    return (
        config.get("model_type") == "bert"
        and config.get("hidden_act") == "gelu"
        and config.get("position_embedding_type", "absolute") == "absolute"
        and kinds[:2] == ["Transformer", "Pooling"]
        and set(kinds[2:]) <= {"Normalize"}
        and pooling.get("pooling_mode_mean_tokens") is True
        and not any(
            v for k, v in pooling.items() if k.startswith("pooling_mode_") and k != "pooling_mode_mean_tokens"
        )
        and (model_dir / "model.safetensors").is_file()
        and (model_dir / "tokenizer.json").is_file()
    )


def _erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz & Stegun 7.1.26 (max error 1.5e-7), enough for float32 GELU."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / np.sqrt(2.0)))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


class NumpyBertEncoder:
    """Encode texts one at a time (no padding needed), mean-pool and L2-normalise."""

    def __init__(self, model_dir: Path, max_tokens: int | None = None):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((model_dir / "config.json").read_text())
        st_config_path = model_dir / "sentence_bert_config.json"
        st_config = json.loads(st_config_path.read_text()) if st_config_path.is_file() else {}
        self.max_len = int(st_config.get("max_seq_length", 256))
        if max_tokens:
            self.max_len = min(self.max_len, max_tokens)
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        weights = load_file(str(model_dir / "model.safetensors"))
        # Dense weights are stored (out, in); keep them transposed and contiguous for x @ W.
        transposed = ("dense.weight", "query.weight", "key.weight", "value.weight")
        self.w = {
            k: np.ascontiguousarray(v.T if k.endswith(transposed) else v, dtype=np.float32)
            for k, v in weights.items()
        }
        self.prefix = "bert." if "bert.embeddings.word_embeddings.weight" in self.w else ""
        self.dim = int(self._p("embeddings.word_embeddings.weight").shape[1])
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=self.max_len)

    def _p(self, name: str) -> np.ndarray:
        return self.w[self.prefix + name]

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self._p(f"{name}.weight") + self._p(f"{name}.bias")

    def encode_one(self, text: str) -> np.ndarray:
        ids = np.array(self.tokenizer.encode(text).ids, dtype=np.int64)
        n = len(ids)
        x = (
            self._p("embeddings.word_embeddings.weight")[ids]
            + self._p("embeddings.position_embeddings.weight")[:n]
            + self._p("embeddings.token_type_embeddings.weight")[0]
        )
        x = _layer_norm(
            x, self._p("embeddings.LayerNorm.weight"), self._p("embeddings.LayerNorm.bias"), self.eps
        )
        hidden = x.shape[1]
        size = hidden // self.heads
        for i in range(self.layers):
            pre = f"encoder.layer.{i}"
            q = self._dense(x, f"{pre}.attention.self.query").reshape(n, self.heads, size).transpose(1, 0, 2)
            k = self._dense(x, f"{pre}.attention.self.key").reshape(n, self.heads, size).transpose(1, 0, 2)
            v = self._dense(x, f"{pre}.attention.self.value").reshape(n, self.heads, size).transpose(1, 0, 2)
            scores = q @ k.transpose(0, 2, 1) / np.sqrt(size)
            scores -= scores.max(axis=-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=-1, keepdims=True)
            context = (probs @ v).transpose(1, 0, 2).reshape(n, hidden)
            attn = self._dense(context, f"{pre}.attention.output.dense")
            x = _layer_norm(
                attn + x,
                self._p(f"{pre}.attention.output.LayerNorm.weight"),
                self._p(f"{pre}.attention.output.LayerNorm.bias"),
                self.eps,
            )
            inner = _gelu(self._dense(x, f"{pre}.intermediate.dense"))
            out = self._dense(inner, f"{pre}.output.dense")
            x = _layer_norm(
                out + x,
                self._p(f"{pre}.output.LayerNorm.weight"),
                self._p(f"{pre}.output.LayerNorm.bias"),
                self.eps,
            )
        pooled = x.mean(axis=0)
        norm = np.linalg.norm(pooled)
        return (pooled / norm if norm else pooled).astype(np.float32)

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.encode_one(t) for t in texts]) if texts else np.zeros((0, 0), np.float32)
