"""The layout of bot/: wings whose imports run one way (import-linter), and small modules."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
MAX_LINES = 500


def lint_imports(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(project / "pyproject.toml"), "--no-cache"],
        cwd=project,
        env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_wings_contract_is_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Wings import downwards only KEPT" in result.stdout


def test_an_import_that_runs_upwards_breaks_the_contract(tmp_path):
    shutil.copytree(ROOT / "bot", tmp_path / "bot", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    fusion = tmp_path / "bot" / "search" / "fusion.py"
    fusion.write_text(fusion.read_text() + "\nfrom ..log import questionlog  # noqa\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "bot.search.fusion -> bot.log.questionlog" in result.stdout


def test_no_module_is_over_500_lines():
    long = {
        str(path.relative_to(ROOT)): n
        for path in (ROOT / "bot").rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, long


def test_every_wing_says_what_lives_there():
    for wing in ("knowledge", "search", "answer", "log", "telegram", "cli"):
        doc = (ROOT / "bot" / wing / "__init__.py").read_text(encoding="utf-8")
        assert doc.startswith('"""') and len(doc) > 120, wing
