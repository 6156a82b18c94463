"""The Dockerfile without Docker: its promises checked statically (fast), and its RUN steps run in
a fresh virtual environment by scripts/check_docker_steps.py (minutes; set HANSYN_CHECK_DOCKER=1
or run `make check-docker`)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location(
    "check_docker_steps", ROOT / "scripts" / "check_docker_steps.py"
)
check = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = check  # dataclasses look their module up while the file executes
spec.loader.exec_module(check)


@pytest.fixture(scope="module")
def dockerfile():
    return check.parse_dockerfile((ROOT / "Dockerfile").read_text(encoding="utf-8"))


def test_the_dockerfile_keeps_its_promises(dockerfile, tmp_path):
    builder = check.Builder(dockerfile, tmp_path, {})
    check.check_static(dockerfile, builder)  # raises SystemExit naming each broken promise
    cmd = builder.command_of("CMD")
    assert cmd == ["hansyn", "serve"]
    assert builder.command_of("HEALTHCHECK") == ["python", "-m", "bot.telegram.health"]
    env = dict(pair for ins in dockerfile.all("ENV") for pair in check.env_pairs(ins.args))
    assert env["HANSYN_DB"].startswith("/data/") and env["HF_HUB_OFFLINE"] == "1"
    assert env["HANSYN_HEARTBEAT_FILE"] and env["PIP_NO_CACHE_DIR"] == "1"
    runs = dockerfile.all("RUN")
    assert [r.skip for r in runs].count(True) == 1  # only the useradd step needs root
    assert any("torch==" in r.args and "+cpu" in r.args for r in runs)
    assert any("hansyn reindex" in r.args for r in runs)
    user = dockerfile.all("USER")[-1]
    reindex = next(r for r in runs if "hansyn reindex" in r.args)
    assert user.line < reindex.line  # the index belongs to the unprivileged user


def test_the_dockerignore_rules_follow_docker(tmp_path):
    rules_file = tmp_path / ".dockerignore"
    rules_file.write_text("*\n!bot/\n!knowledge/\n**/__pycache__\n!README.md\nknowledge/drafts\n")
    rules = check.read_dockerignore(rules_file)
    assert check.ignored(".env", rules)
    assert check.ignored("index/current/config.json", rules)
    assert not check.ignored("bot/cli/main.py", rules)
    assert check.ignored("bot/__pycache__/cli.cpython-311.pyc", rules)
    assert not check.ignored("README.md", rules)
    assert check.ignored("docs/README.md", rules)
    assert check.ignored("knowledge/drafts/x.md", rules)
    assert not check.ignored("knowledge/law/x.md", rules)


def test_run_steps_may_not_spell_out_container_paths(tmp_path):
    text = "FROM python:3.11-slim\nENV VIRTUAL_ENV=/opt/venv\nWORKDIR /app\nRUN ls /opt/venv/bin\n"
    builder = check.Builder(check.parse_dockerfile(text), tmp_path, {})
    with pytest.raises(SystemExit, match="container path /opt"):
        builder.run()


def test_env_values_move_under_the_temporary_root(tmp_path):
    text = (
        "FROM python:3.11-slim\nARG X=1\nENV VIRTUAL_ENV=/opt/venv \\\n"
        "    PATH=/opt/venv/bin:$PATH \\\n    A=${X:+yes} B=/usr/lib\n"
    )
    builder = check.Builder(check.parse_dockerfile(text), tmp_path, {})
    builder.run()
    assert builder.env["VIRTUAL_ENV"] == str(tmp_path / "opt" / "venv")
    assert builder.env["PATH"].startswith(f"{tmp_path}/opt/venv/bin:")
    assert builder.env["A"] == "yes" and builder.env["B"] == "/usr/lib"


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("HANSYN_CHECK_DOCKER") != "1", reason="minutes; HANSYN_CHECK_DOCKER=1")
def test_the_dockerfile_steps_build_a_working_bot():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_docker_steps.py")], cwd=ROOT)
    assert result.returncode == 0
