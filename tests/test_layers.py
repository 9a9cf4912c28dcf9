"""The layers of pyproject.toml's import-linter contract hold: no package imports one above it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.fast
def test_the_layers_contract_is_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert "Contracts: 1 kept, 0 broken." in done.stdout, done.stdout + done.stderr
    assert done.returncode == 0


@pytest.mark.fast
def test_a_broken_layer_is_caught(tmp_path):
    """The contract can fail: a foundation module importing the CLI breaks it."""
    copy = tmp_path / "repo"
    for name in ["pyproject.toml", *sorted(_packages())]:
        source = REPO / name
        target = copy / name
        if source.is_dir():
            subprocess.run(["cp", "-r", str(source), str(target)], check=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    (copy / "foundation" / "upward.py").write_text("import baoarchive.cli\n", encoding="utf-8")
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint)], cwd=copy, capture_output=True, text=True, timeout=300,
        env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert done.returncode != 0
    assert "foundation.upward -> baoarchive.cli" in done.stdout


def _packages() -> list[str]:
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["importlinter"]["root_packages"]


@pytest.mark.fast
def test_no_module_is_over_500_lines():
    """Small modules with one job each: a module past 500 lines is split, not grown."""
    packages = [*_packages(), "tests", "tools"]
    long = {
        str(path.relative_to(REPO)): lines
        for package in packages
        for path in (REPO / package).rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert long == {}
