#!/usr/bin/env python3
"""Run the Dockerfile's build steps without Docker, in a fresh virtual environment, and check the
result. No Docker engine runs on our machines; this is how the Dockerfile stays honest.

    python3 scripts/check_docker_steps.py [--build-arg NAME=VALUE] [--keep] [--no-serve]

What it does, in the order of the Dockerfile:
- ENV and ARG values are applied as Docker would; container paths (/app, /opt/venv, /data,
  /tmp/...) are moved under a temporary root, and RUN steps must not spell them out.
- COPY copies from the repository through the real .dockerignore rules.
- RUN steps run with /bin/sh -c in the working directory, except those marked
  `# check-docker-steps: skip` (root-only steps such as useradd).
- Then: no CUDA packages; `hansyn ask` answers offline from the index built at "image build"
  time; and the CMD (`hansyn serve`) is started against the fake Bot API from tests/ while the
  HEALTHCHECK command is run until it reports healthy, and again after the bot stopped.

TORCH_INDEX_URL defaults to empty here (the machines reach PyPI only; the pinned
`torch==2.13.0+cpu` still guarantees the CPU build). Pip's cache is kept between runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP_MARK = "check-docker-steps: skip"
MOVED = ("/app", "/opt", "/data", "/tmp")  # container paths that live under the temp root
CHECK_DEFAULT_ARGS = {"TORCH_INDEX_URL": ""}
DROP_ENV = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "CONDA_PREFIX")


@dataclass
class Instruction:
    keyword: str
    args: str
    line: int
    skip: bool = False


@dataclass
class Dockerfile:
    instructions: list[Instruction]
    base: str = ""
    args: dict[str, str] = field(default_factory=dict)

    def all(self, keyword: str) -> list[Instruction]:
        return [i for i in self.instructions if i.keyword == keyword]


def parse_dockerfile(text: str) -> Dockerfile:
    """Instructions with continuation lines joined; a `check-docker-steps: skip` comment marks
    the instruction after it."""
    instructions: list[Instruction] = []
    pending: list[str] = []
    start = 0
    skip_next = False
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            if stripped.lstrip("# ").startswith(SKIP_MARK):
                skip_next = True
            continue
        if pending and stripped.startswith("#"):
            continue  # comments inside a continued instruction are dropped, as Docker does
        if not pending:
            start = number
        if stripped.endswith("\\"):
            pending.append(stripped[:-1].rstrip())
            continue
        pending.append(stripped)
        full = " ".join(p for p in pending if p)
        pending = []
        keyword, _, args = full.partition(" ")
        instructions.append(Instruction(keyword.upper(), args.strip(), start, skip_next))
        skip_next = False
    parsed = Dockerfile(instructions)
    for ins in instructions:
        if ins.keyword == "FROM":
            parsed.base = ins.args.split()[0]
        elif ins.keyword == "ARG":
            name, _, default = ins.args.partition("=")
            parsed.args[name.strip()] = default.strip()
    return parsed


def expand(value: str, env: dict[str, str]) -> str:
    """$NAME, ${NAME}, ${NAME:-default} and ${NAME:+alt}, as Docker expands ENV/COPY/WORKDIR."""

    def sub(match: re.Match) -> str:
        name = match.group(1) or match.group(2)
        op, word = match.group(3), match.group(4)
        current = env.get(name, "")
        if op == ":-":
            return current or word
        if op == ":+":
            return word if current else ""
        return current

    return re.sub(r"\$(?:(\w+)|\{(\w+)(?:(:[-+])([^}]*))?\})", sub, value)


def env_pairs(args: str) -> list[tuple[str, str]]:
    """`ENV a=1 b="x y"` or the legacy `ENV a 1`."""
    parts = shlex.split(args, posix=True)
    if parts and "=" not in parts[0]:
        return [(parts[0], " ".join(parts[1:]))]
    return [tuple(p.split("=", 1)) for p in parts]  # type: ignore[misc]


def unquote_json_or_shell(args: str) -> list[str]:
    args = args.strip()
    if args.startswith("["):
        return json.loads(args)
    return ["/bin/sh", "-c", args]


# --- .dockerignore, with Docker's rules -------------------------------------------------------


def _pattern_regex(pattern: str) -> re.Pattern:
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
        elif pattern.startswith("**", i):
            out += ".*"
            i += 2
        elif pattern[i] == "*":
            out += "[^/]*"
            i += 1
        elif pattern[i] == "?":
            out += "[^/]"
            i += 1
        else:
            out += re.escape(pattern[i])
            i += 1
    return re.compile(out + r"\Z")


def read_dockerignore(path: Path) -> list[tuple[bool, re.Pattern]]:
    rules = []
    if not path.is_file():
        return rules
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        pattern = os.path.normpath(line.lstrip("!").strip()).lstrip("/")
        rules.append((negate, _pattern_regex(pattern)))
    return rules


def ignored(rel: str, rules: list[tuple[bool, re.Pattern]]) -> bool:
    """moby's patternmatcher.MatchesOrParentMatches: the last matching rule wins; a rule that
    matches a parent directory matches the file too."""
    parts = rel.split("/")
    parents = ["/".join(parts[: i + 1]) for i in range(len(parts) - 1)]
    matched = False
    for negate, regex in rules:
        if negate != matched:
            continue
        hit = bool(regex.match(rel)) or any(regex.match(p) for p in parents)
        if hit:
            matched = not negate
    return matched


def context_files(rules) -> list[str]:
    """Every file of the build context, relative to the repository root."""
    files = []
    for dirpath, dirnames, filenames in os.walk(ROOT):
        rel_dir = os.path.relpath(dirpath, ROOT)
        dirnames[:] = [d for d in dirnames if d not in {".git", ".venv"}]
        for name in filenames:
            rel = name if rel_dir == "." else f"{rel_dir}/{name}"
            if not ignored(rel, rules):
                files.append(rel)
    return sorted(files)


# --- running the steps ------------------------------------------------------------------------


class Builder:
    def __init__(self, dockerfile: Dockerfile, root: Path, build_args: dict[str, str]):
        self.dockerfile = dockerfile
        self.root = root  # stands for the container's /
        self.rules = read_dockerignore(ROOT / ".dockerignore")
        self.context = context_files(self.rules)
        base_env = {k: v for k, v in os.environ.items() if k not in DROP_ENV}
        base_env = {k: v for k, v in base_env.items() if not k.startswith(("HANSYN_", "TELEGRAM_"))}
        self.env = base_env
        self.args = {**dockerfile.args, **CHECK_DEFAULT_ARGS, **build_args}
        self.keep_pip_cache = True
        self.workdir = root
        self.log: list[str] = []
        (root / "tmp").mkdir(parents=True, exist_ok=True)  # the base image has /tmp

    def path(self, container_path: str) -> Path:
        """A container path inside the temp root (for the moved prefixes) or as it is."""
        if any(container_path == p or container_path.startswith(p + "/") for p in MOVED):
            return self.root / container_path.lstrip("/")
        return Path(container_path)

    def remap(self, value: str) -> str:
        """Move container paths in an ENV value (also inside PATH-like lists)."""
        return ":".join(str(self.path(p)) if p.startswith("/") else p for p in value.split(":"))

    def run(self) -> None:
        for ins in self.dockerfile.instructions:
            handler = getattr(self, f"do_{ins.keyword.lower()}", None)
            if ins.skip:
                self.note(f"skip  {ins.keyword} (line {ins.line}, marked: needs root)")
                continue
            if handler is not None:
                handler(ins)

    def note(self, text: str) -> None:
        self.log.append(text)
        print(text, flush=True)

    def do_env(self, ins: Instruction) -> None:
        scope = {**self.env, **self.args}
        updates = {name: self.remap(expand(value, scope)) for name, value in env_pairs(ins.args)}
        if self.keep_pip_cache:
            updates.pop("PIP_NO_CACHE_DIR", None)  # repeated checks reuse downloads
        self.env.update(updates)

    def do_workdir(self, ins: Instruction) -> None:
        target = expand(ins.args, {**self.env, **self.args})
        self.workdir = self.path(target) if target.startswith("/") else self.workdir / target
        self.workdir.mkdir(parents=True, exist_ok=True)

    def do_copy(self, ins: Instruction) -> None:
        parts = [p for p in shlex.split(ins.args) if not p.startswith("--")]
        *sources, dest = parts
        target = self.path(dest) if dest.startswith("/") else self.workdir / dest
        for source in sources:
            source = source.rstrip("/")
            picked = [f for f in self.context if f == source or f.startswith(source + "/")]
            if not picked:
                raise SystemExit(
                    f"line {ins.line}: COPY {source}: nothing in the build context (.dockerignore?)"
                )
            for rel in picked:
                if rel == source:  # a file: into a directory (dest ends in / or exists), or renamed
                    out = target / Path(rel).name if dest.endswith("/") or target.is_dir() else target
                else:  # a directory: its contents go into dest
                    out = target / rel[len(source) + 1 :]
                out.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / rel, out)
        self.note(f"copy  {' '.join(sources)} -> {dest}")

    def do_run(self, ins: Instruction) -> None:
        for prefix in MOVED:
            if re.search(rf"(?<![\w$.{{}}-]){re.escape(prefix)}(?:/|\b)", ins.args):
                raise SystemExit(
                    f"Dockerfile line {ins.line}: RUN spells out the container path {prefix}; "
                    "use the ENV names so this check runs the same command"
                )
        command = unquote_json_or_shell(ins.args)
        env = {**self.env, **self.args}
        self.note(f"run   line {ins.line}: {ins.args[:100]}{'…' if len(ins.args) > 100 else ''}")
        started = time.perf_counter()
        result = subprocess.run(command, cwd=self.workdir, env=env)
        if result.returncode != 0:
            raise SystemExit(f"Dockerfile line {ins.line}: RUN failed with exit code {result.returncode}")
        self.note(f"      ok in {time.perf_counter() - started:.0f} s")

    def command_of(self, keyword: str) -> list[str]:
        [ins] = self.dockerfile.all(keyword)[-1:] or [None]
        if ins is None:
            raise SystemExit(f"the Dockerfile has no {keyword}")
        args = ins.args
        if keyword == "HEALTHCHECK":
            args = args.split("CMD", 1)[1]
        return unquote_json_or_shell(args)


# --- checks after the build -------------------------------------------------------------------


def check_static(dockerfile: Dockerfile, builder: Builder) -> None:
    """The Dockerfile's promises that need no build."""
    problems = []
    if not dockerfile.base.startswith("python:3.11-slim"):
        problems.append(f"base image is {dockerfile.base}, not python:3.11-slim")
    if not any(i.keyword == "USER" and i.args not in ("root", "0") for i in dockerfile.instructions):
        problems.append("no non-root USER")
    if not dockerfile.all("HEALTHCHECK"):
        problems.append("no HEALTHCHECK")
    if not any("/data" in i.args for i in dockerfile.all("VOLUME")):
        problems.append("no VOLUME for the question log (/data)")
    for secret in (
        ".env",
        "hansyn.db",
        "hansyn.db-wal",
        "index/current/config.json",
        ".venv/bin/python",
        ".git/config",
        "bot/__pycache__/cli.cpython-311.pyc",
    ):
        if not ignored(secret, builder.rules):
            problems.append(f".dockerignore lets {secret} into the build context")
    for needed in ("pyproject.toml", "constraints.txt", "bot/cli/main.py", "knowledge/README.md"):
        if ignored(needed, builder.rules) and (ROOT / needed).exists():
            problems.append(f".dockerignore keeps {needed} out of the build context")
    if sys.version_info[:2] != (3, 11):
        problems.append(f"this check needs Python 3.11 like the image, not {sys.version.split()[0]}")
    if problems:
        raise SystemExit("Dockerfile problems:\n  " + "\n  ".join(problems))
    print(
        f"static: base {dockerfile.base}, non-root USER, VOLUME /data, HEALTHCHECK, "
        f".dockerignore keeps secrets out ({len(builder.context)} files in the context)"
    )


def check_result(builder: Builder) -> None:
    env = {**builder.env}
    venv = Path(env["VIRTUAL_ENV"])
    listed = subprocess.run(
        [str(venv / "bin" / "pip"), "list", "--format=json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    names = {p["name"].lower(): p["version"] for p in json.loads(listed.stdout)}
    cuda = sorted(n for n in names if n.startswith(("nvidia-", "triton", "cuda")))
    if cuda:
        raise SystemExit(f"CUDA packages installed: {cuda}")
    size = subprocess.run(["du", "-sm", str(venv)], capture_output=True, text=True).stdout.split()[0]
    print(f"result: torch {names.get('torch')}, no CUDA packages; virtual environment {size} MB")
    question = "Får vi reservera en upphandling för sociala företag?"
    answer = subprocess.run(
        ["hansyn", "ask", "--json", question], cwd=builder.workdir, env=env, capture_output=True, text=True
    )
    if answer.returncode != 0 or not json.loads(answer.stdout)["answered"]:
        raise SystemExit(f"hansyn ask failed in the built environment:\n{answer.stderr}")
    index = Path(env["HANSYN_INDEX_DIR"]) / "current" / "config.json"
    config = json.loads(index.read_text())
    print(
        f"result: index built at build time ({config['passages']} passages, {config['model']}); "
        f"hansyn ask answers offline"
    )


async def check_serve_and_healthcheck(builder: Builder, timeout: float = 60.0) -> None:
    """Start the image's CMD against the fake Bot API; the HEALTHCHECK must turn healthy, and
    unhealthy once the bot is gone."""
    sys.path.insert(0, str(ROOT / "tests"))
    from fake_telegram import TOKEN, FakeTelegram

    fake = FakeTelegram()
    base_url = await fake.start()
    data = Path(builder.env["HANSYN_DB"]).parent
    data.mkdir(parents=True, exist_ok=True)
    Path(builder.env["HANSYN_HEARTBEAT_FILE"]).unlink(missing_ok=True)
    env = {
        **builder.env,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "HANSYN_SECRET": "check-docker-steps",
        "TELEGRAM_API_BASE_URL": base_url,
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    cmd, health = builder.command_of("CMD"), builder.command_of("HEALTHCHECK")
    proc = await asyncio.create_subprocess_exec(
        *cmd, cwd=builder.workdir, env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE
    )
    started = time.monotonic()
    healthy_after = None
    try:
        while time.monotonic() - started < timeout and proc.returncode is None:
            check = await asyncio.create_subprocess_exec(
                *health,
                cwd=builder.workdir,
                env=env,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT,
            )
            out, _ = await check.communicate()
            if check.returncode == 0:
                healthy_after = time.monotonic() - started
                print(
                    f"healthcheck: healthy {healthy_after:.1f} s after `{' '.join(cmd)}` started "
                    f"({out.decode().strip()})"
                )
                break
            await asyncio.sleep(0.5)
    finally:
        if proc.returncode is None:
            proc.terminate()
        try:
            _, err = await asyncio.wait_for(proc.communicate(), 20)
        except TimeoutError:
            proc.kill()
            _, err = await proc.communicate()
        await fake.stop()
    if healthy_after is None:
        tail = err.decode(errors="replace")[-2000:] if err else ""
        raise SystemExit(
            "the HEALTHCHECK never turned healthy while `hansyn serve` polled the fake Bot API "
            f"({len(fake.calls_to('getUpdates'))} getUpdates calls). Is the heartbeat wired into "
            f"build_application (bot/telegram/health.py)?\n{tail}"
        )
    print(f"serve: stopped with exit code {proc.returncode} on SIGTERM")
    check_first_start_copy(builder)
    stale = {**env, "HANSYN_HEARTBEAT_MAX_AGE": "1"}
    await asyncio.sleep(1.5)
    check = subprocess.run(health, cwd=builder.workdir, env=stale, capture_output=True, text=True)
    if check.returncode == 0:
        raise SystemExit("the HEALTHCHECK still says healthy after the bot stopped")
    print(f"healthcheck: unhealthy once the bot is gone ({check.stderr.strip()})")


def check_first_start_copy(builder: Builder) -> None:
    """The first start copied the image's knowledge texts onto the (empty) volume, with the
    manifest that lets a later image report newer texts instead of overwriting."""
    shipped = Path(builder.env["HANSYN_SHIPPED_KNOWLEDGE_DIR"])
    volume = Path(builder.env["HANSYN_KNOWLEDGE_DIR"])
    want = sorted(str(p.relative_to(shipped)) for p in shipped.rglob("*.md"))
    have = sorted(str(p.relative_to(volume)) for p in volume.rglob("*.md") if ".history" not in p.parts)
    if want != have or not (volume / ".shipped.json").is_file():
        raise SystemExit(
            f"the first start did not copy the knowledge texts onto the volume ({len(have)} of {len(want)} files)"
        )
    print(f"volume: the first start copied {len(have)} knowledge files onto {volume} (with .shipped.json)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--build-arg", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--keep", action="store_true", help="keep the temporary root and print it")
    parser.add_argument("--no-serve", action="store_true", help="skip starting the bot for the healthcheck")
    parser.add_argument("--dockerfile", type=Path, default=ROOT / "Dockerfile")
    args = parser.parse_args(argv)
    build_args = dict(a.split("=", 1) for a in args.build_arg)
    dockerfile = parse_dockerfile(args.dockerfile.read_text(encoding="utf-8"))
    tmp = Path(tempfile.mkdtemp(prefix="hansyn-docker-check-"))
    started = time.perf_counter()
    try:
        builder = Builder(dockerfile, tmp, build_args)
        check_static(dockerfile, builder)
        builder.run()
        check_result(builder)
        if not args.no_serve:
            asyncio.run(check_serve_and_healthcheck(builder))
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"OK: the Dockerfile's steps build a working bot ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
