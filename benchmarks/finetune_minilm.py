"""Domain-adapt the bundled all-MiniLM-L6-v2 on the knowledge base's own question ↔ passage pairs
(each `questions:` phrasing against its file's short answer), with in-batch negatives
(multiple-negatives ranking loss), for the encoder comparison in benchmarks/encoders.py.
With --sets, the questions of those evaluation sets are paired with their right file's short
answer too (`lead` in a usefulness set, else the first of `expect`): the sets are then training
sets, and only sets left out can tell what the model does for new questions.

    .venv/bin/python benchmarks/finetune_minilm.py [--epochs 2] [--out index/cache/minilm-ft] [--sets eval_blind4 ...]

Takes about 100 s an epoch on 2 cores. The model is written to --out; select it with
HANSYN_EMBEDDING_MODEL=<that path> (and reindex).
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from _common import ROOT, load_eval

from bot.knowledge.chunking import chunk_all
from bot.knowledge.loader import load_knowledge
from bot.search.embedding import resolve_model_path
from bot.settings import BUNDLED_MODEL


def pairs(knowledge: Path) -> list[tuple[str, str, str]]:
    passages = {p.id: p for p in chunk_all(load_knowledge(knowledge))}
    out = []
    for passage in passages.values():
        if passage.is_question:
            target = passages[passage.target]
            out.append((passage.text, f"{target.title}. {target.heading}. {target.text}", passage.doc_id))
    return out


def set_pairs(knowledge: Path, names: list[str]) -> list[tuple[str, str, str]]:
    """(question, the right file's short answer, file) for the in-scope questions of `names`."""
    passages = {p.id: p for p in chunk_all(load_knowledge(knowledge))}
    out = []
    for name in names:
        for row in load_eval(ROOT / "benchmarks" / f"{name}.jsonl"):
            right = row.get("lead") or row.get("expect") or []
            short = next((passages[f"{d}#kort-svar"] for d in right if f"{d}#kort-svar" in passages), None)
            if short is not None and not row.get("referral"):
                out.append((row["q"], f"{short.title}. {short.heading}. {short.text}", short.doc_id))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--knowledge", type=Path, default=ROOT / "knowledge")
    parser.add_argument("--out", type=Path, default=ROOT / "index" / "cache" / "minilm-ft")
    parser.add_argument("--sets", nargs="*", default=[], help="evaluation sets to train on too")
    args = parser.parse_args()
    import torch
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(1)
    data = pairs(args.knowledge) + set_pairs(args.knowledge, args.sets)
    model = SentenceTransformer(resolve_model_path(BUNDLED_MODEL), device="cpu")
    model.max_seq_length = 128
    optimiser = torch.optim.AdamW(model.parameters(), lr=2e-5)

    def embed(texts: list[str]):
        return torch.nn.functional.normalize(model(model.tokenize(texts))["sentence_embedding"], dim=-1)

    started = time.perf_counter()
    model.train()
    for epoch in range(args.epochs):
        random.Random(epoch).shuffle(data)
        for start in range(0, len(data), args.batch):
            batch, seen = [], set()
            for question, passage, doc in data[start : start + args.batch]:
                if doc not in seen:  # two phrasings of one file would be false negatives
                    seen.add(doc)
                    batch.append((question, passage))
            if len(batch) < 2:
                continue
            logits = embed([q for q, _ in batch]) @ embed([p for _, p in batch]).T * 20.0
            loss = torch.nn.functional.cross_entropy(logits, torch.arange(len(batch)))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
        print(f"epoch {epoch + 1}: loss {loss.item():.3f}, {time.perf_counter() - started:.0f} s", flush=True)
    model.eval()
    model.save(str(args.out))
    print(f"{len(data)} pairs; saved to {args.out}")


if __name__ == "__main__":
    main()
