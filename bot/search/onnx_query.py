"""Query encoding with ONNX Runtime, for BERT-type mean-pooling models such as the bundled one.

Why: encoding the question is most of an answer's CPU. ONNX Runtime runs the model in about
9 ms of CPU per question against about 20 ms for the NumPy forward pass (bot/minilm.py), on one
thread and without torch. The model is exported to ONNX once, at reindex time, when torch is
loaded anyway (`export`); questions are then encoded from that file (`OnnxQueryEncoder`). A test
checks that the vectors match sentence-transformers'.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import numpy as np

# The export's file name carries the size of the model's weights, so a changed model at the
# same path gets a new export.
SUFFIX = ".query.onnx"


def export_path(cache_dir: Path, model_dir: Path, slug: str) -> Path:
    size = (model_dir / "model.safetensors").stat().st_size
    return cache_dir / f"{slug}-{size}{SUFFIX}"


def export(model_dir: Path, target: Path) -> None:
    """Write the model (encoder, mean pooling, L2 normalisation) to `target` as ONNX. Needs
    torch, transformers and onnx; the file appears only when complete."""
    import torch
    from transformers import AutoModel

    class Pooled(torch.nn.Module):
        def __init__(self, encoder):
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=-1)

    model = Pooled(AutoModel.from_pretrained(str(model_dir)).eval())
    example = torch.ones(1, 8, dtype=torch.long)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the exporter's notes on opsets are for developers
            torch.onnx.export(
                model,
                (example, example),
                str(tmp),
                input_names=["input_ids", "attention_mask"],
                output_names=["embedding"],
                dynamic_axes={
                    "input_ids": {0: "batch", 1: "tokens"},
                    "attention_mask": {0: "batch", 1: "tokens"},
                },
                opset_version=17,
                dynamo=False,
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


class OnnxQueryEncoder:
    """Encode texts with an exported model, on `threads` threads. Texts of about one length share a
    run (`length_groups`); a text much longer than the others runs alone, for a padded batch
    pays the longest text's length for every text."""

    def __init__(self, onnx_file: Path, model_dir: Path, max_tokens: int, threads: int = 1):
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = onnxruntime.InferenceSession(
            str(onnx_file), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self.dim = int(self.session.get_outputs()[0].shape[-1])

    def encode(self, texts: list[str]) -> np.ndarray:
        """The texts' vectors, in order; padding is masked, so a vector is the one its text
        gets alone."""
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        ids = [self.tokenizer.encode(text).ids for text in texts]
        out = np.zeros((len(texts), self.dim), np.float32)
        for group in length_groups([len(i) for i in ids]):
            width = max(len(ids[n]) for n in group)
            batch = np.zeros((len(group), width), np.int64)  # 0: BERT's padding token
            mask = np.zeros_like(batch)
            for row, n in enumerate(group):
                batch[row, : len(ids[n])] = ids[n]
                mask[row, : len(ids[n])] = 1
            [vectors] = self.session.run(None, {"input_ids": batch, "attention_mask": mask})
            out[group] = vectors
        return out


# Padding tokens a shared run may add before it costs more than running the texts apart
# (measured: a run costs about 2.8 ms before its first token, a token about 0.22 ms).
PAD_BUDGET = 12


def length_groups(lengths: list[int], budget: int = PAD_BUDGET) -> list[list[int]]:
    """Indices of texts grouped by length (shortest first), a group growing while the padding
    it needs stays within `budget` tokens."""
    groups: list[list[int]] = []
    for n in sorted(range(len(lengths)), key=lambda i: lengths[i]):
        if groups:
            group = groups[-1]
            padding = lengths[n] * (len(group) + 1) - sum(lengths[i] for i in group) - lengths[n]
            if padding <= budget:
                group.append(n)
                continue
        groups.append([n])
    return groups
