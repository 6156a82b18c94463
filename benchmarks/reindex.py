"""Reindex times: a full build (cold embedding cache) and a build after one changed file, for
the shipped knowledge base and for a synthetic copy N times larger (default 20).

    .venv/bin/python benchmarks/reindex.py [--scale 20] [--skip-large]
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
import time
from pathlib import Path

from _common import ROOT

from bot.knowledge.loader import knowledge_files
from bot.search.embedding import make_embedder
from bot.search.store import build_index
from bot.settings import Settings


def scaled_copy(source: Path, target: Path, factor: int) -> None:
    """`factor` copies of every file, ids and texts made distinct so nothing is cached twice."""
    for copy in range(factor):
        for path in knowledge_files(source):
            text = path.read_text(encoding="utf-8")
            if copy:
                stem = path.stem
                text = re.sub(r"^id:.*$", f"id: {stem}-x{copy}", text, count=1, flags=re.MULTILINE)
                text = re.sub(r"^(## .*)$", rf"\1\nKopia {copy}.", text, flags=re.MULTILINE)
                # one referral is the default; its copies are ordinary referrals
                text = re.sub(r"^default:\s*true\s*$", "default: false", text, flags=re.MULTILINE)
                name = f"{stem}-x{copy}.md"
            else:
                name = path.name
            out = target / path.parent.relative_to(source) / name
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")


def measure(knowledge: Path, label: str, embedder) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "index"
        started = time.perf_counter()
        full = build_index(knowledge, index_dir, embedder)
        full_s = time.perf_counter() - started
        victim = knowledge_files(knowledge)[0]
        original = victim.read_text(encoding="utf-8")
        victim.write_text(
            original.replace("## Kort svar\n", "## Kort svar\nÄndrad rad. ", 1), encoding="utf-8"
        )
        try:
            started = time.perf_counter()
            one = build_index(knowledge, index_dir, embedder)
            one_s = time.perf_counter() - started
        finally:
            victim.write_text(original, encoding="utf-8")
        print(
            f"{label}: {full.documents} files, {full.passages} passages: full reindex {full_s:.1f} s; "
            f"after one changed file {one_s:.2f} s ({one.embedded} passages re-embedded)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=20)
    parser.add_argument("--skip-large", action="store_true")
    args = parser.parse_args()
    settings = Settings.from_env()
    knowledge = (
        ROOT / settings.knowledge_dir if not settings.knowledge_dir.is_absolute() else settings.knowledge_dir
    )
    started = time.perf_counter()
    embedder = make_embedder(settings.embedding_model)
    embedder.encode_passages(["uppvärmning"])
    print(f"model load {time.perf_counter() - started:.1f} s (part of every `hansyn reindex` process)")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "knowledge"
        shutil.copytree(knowledge, copy)
        measure(copy, "shipped knowledge base", embedder)
    if not args.skip_large:
        with tempfile.TemporaryDirectory() as tmp:
            big = Path(tmp) / "knowledge"
            scaled_copy(knowledge, big, args.scale)
            measure(big, f"synthetic x{args.scale}", embedder)


if __name__ == "__main__":
    main()
