"""Fit the query adapter (bot/search/adapter.py) and write it to bot/search/data/query_adapter.npy.

    .venv/bin/python benchmarks/fit_query_adapter.py [--sets eval ...] [--hold-out eval_usefulness_blind12 ...]
                                                     [--l2 0.01] [--steps 200] [--out PATH]

Pairs: every `questions:` phrasing of the knowledge base with its file, and every in-scope
question of the training sets with its right files (`lead` in a usefulness set, else
`expect`). Each question is encoded as the pipeline encodes it (spelling mended, chat words in
the files' words). A 384 × 384 matrix W, starting at the identity, is fitted full-batch with
Adam: the loss is minus the log of the softmax mass (cosine × 20, over all passages) on the
right files' passages, plus l2 · |W - I|². With --hold-out, those sets are left out of the fit
and the dense hit@1 on them is printed before and after (a passage of a right file first).
Never fit on the clean set: its figures would then say nothing about new questions.
"""

from __future__ import annotations

import argparse

import numpy as np
from _common import ROOT, load_eval, pipeline_from_env

from bot.answer.analysis import analyse
from bot.search.adapter import ADAPTER_FILE
from bot.search.textproc import normalise_chat

TRAINING = [
    "eval",
    "eval_holdout",
    "eval_unseen",
    "eval_fresh",
    "eval_blind2",
    "eval_blind3",
    "eval_usefulness",
    "eval_usefulness_holdout",
    *(f"eval_usefulness_blind{n}" for n in range(3, 14)),
]


def questions(pipeline, names: list[str]) -> list[tuple[str, str, list[str]]]:
    """(source, question, right files): the knowledge base's phrasings, then the sets'."""
    engine = pipeline.refresh()
    out = [
        ("knowledge", q, [record["id"]])
        for record in engine.index.documents.values()
        for q in record.get("questions") or []
    ]
    for name in names:
        for row in load_eval(ROOT / "benchmarks" / f"{name}.jsonl"):
            right = row.get("lead") or row.get("expect") or []
            if right and not row.get("referral"):
                out.append((name, row["q"], list(right)))
    return out


def encoded(pipeline, texts: list[str]) -> np.ndarray:
    engine = pipeline.refresh()
    read = [normalise_chat(analyse(engine.retriever.respell(t), engine.names).question) for t in texts]
    return np.concatenate(
        [pipeline.embedder.encode_queries(read[i : i + 64]) for i in range(0, len(read), 64)]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=TRAINING)
    parser.add_argument("--hold-out", nargs="*", default=[])
    parser.add_argument("--l2", type=float, default=0.01)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--out", default=str(ADAPTER_FILE))
    args = parser.parse_args()
    import torch

    torch.manual_seed(1)
    pipeline = pipeline_from_env()
    index = pipeline.refresh().index
    rows = questions(pipeline, args.sets + args.hold_out)
    q = torch.tensor(encoded(pipeline, [text for _, text, _ in rows]))
    p = torch.tensor(index.faiss_index.reconstruct_n(0, index.faiss_index.ntotal))
    doc_of = [passage.doc_id for passage in index.passages]
    right = torch.tensor([[doc in wanted for doc in doc_of] for _, _, wanted in rows])
    usable = right.any(dim=1)
    held = torch.tensor([source in args.hold_out for source, _, _ in rows]) & usable
    fit = usable & ~held
    eye = torch.eye(q.shape[1])

    def hit_at_1(w: torch.Tensor, mask: torch.Tensor) -> float:
        best = (torch.nn.functional.normalize(q[mask] @ w, dim=1) @ p.T).argmax(dim=1)
        return right[mask][torch.arange(int(mask.sum())), best].float().mean().item()

    w = eye.clone().requires_grad_(True)
    optimiser = torch.optim.Adam([w], lr=1e-3)
    for _ in range(args.steps):
        logits = torch.nn.functional.normalize(q[fit] @ w, dim=1) @ p.T * 20
        mass = torch.logsumexp(logits.masked_fill(~right[fit], -1e9), dim=1)
        loss = (torch.logsumexp(logits, dim=1) - mass).mean() + args.l2 * ((w - eye) ** 2).sum()
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    w = w.detach()
    print(f"{int(fit.sum())} of {len(rows)} questions fitted, |W - I| {float((w - eye).norm()):.2f}")
    print(f"dense hit@1 on the questions fitted: {hit_at_1(eye, fit):.3f} -> {hit_at_1(w, fit):.3f}")
    if held.any():
        print(
            f"dense hit@1 on the sets held out ({int(held.sum())}): {hit_at_1(eye, held):.3f} -> {hit_at_1(w, held):.3f}"
        )
    np.save(args.out, w.numpy().astype(np.float32))
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
