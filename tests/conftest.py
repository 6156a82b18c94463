"""Shared fixtures: a small knowledge base, settings pointing at temp dirs, a fast pipeline."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from fake_telegram import FakeTelegram

from bot.settings import Settings

FIXTURE_KB = Path(__file__).parent / "fixtures" / "knowledge"
HASH_MODEL = "hash:256"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
os.environ.setdefault("no_proxy", "127.0.0.1,localhost")


@pytest.fixture
async def fake():
    """The fake Bot API on 127.0.0.1 (tests/fake_telegram.py); a module may override it."""
    server = FakeTelegram()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path, monkeypatch):
    """No test reads the developer's .env, knowledge or index by accident."""
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith("HANSYN_") or name.startswith("TELEGRAM_"):
            monkeypatch.delenv(name, raising=False)


@pytest.fixture
def kb_dir(tmp_path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KB, target)
    return target


@pytest.fixture
def settings(tmp_path, kb_dir) -> Settings:
    return Settings(
        knowledge_dir=kb_dir,
        index_dir=tmp_path / "index",
        db_path=tmp_path / "hansyn.db",
        embedding_model=HASH_MODEL,
        secret="test-secret-key",
        admin_ids=frozenset({1001}),
    )


@pytest.fixture
def env(settings, monkeypatch) -> dict[str, str]:
    """The same settings as environment variables, for CLI and subprocess tests."""
    values = {
        "HANSYN_KNOWLEDGE_DIR": str(settings.knowledge_dir),
        "HANSYN_INDEX_DIR": str(settings.index_dir),
        "HANSYN_DB": str(settings.db_path),
        "HANSYN_EMBEDDING_MODEL": settings.embedding_model,
        "HANSYN_SECRET": settings.secret,
        "HANSYN_ADMIN_IDS": "1001",
    }
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    return values


@pytest.fixture
def pipeline(settings):
    from bot.answer.pipeline import Pipeline

    return Pipeline(settings)
