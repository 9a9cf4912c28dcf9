"""The repo is a Dagster project: ``dagster definitions validate`` in its root, with no
arguments and no environment of ours, loads the code location from ``[tool.dagster]``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from dagster import AssetChecksDefinition, AssetsDefinition, EnvVar

from pipeline import assets, checks
from pipeline.definitions import ASSET_CHECKS, ASSETS, defs

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.fast
def test_dagster_definitions_validate_in_the_repo_root(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BAOARCHIVE_", "DAGSTER_"))}
    env["DAGSTER_HOME"] = str(tmp_path)  # no temporary home left in the repo
    dagster = Path(sys.executable).with_name("dagster")
    done = subprocess.run(
        [str(dagster), "definitions", "validate"], cwd=REPO, env=env,
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Validation successful for code location baoarchive" in done.stdout + done.stderr


@pytest.mark.fast
def test_assets_and_checks_come_from_their_modules_and_settings_from_the_environment():
    def keys(definitions) -> set[str]:
        return {key.to_user_string() for d in definitions for key in d.keys}

    in_module = [v for v in vars(assets).values() if isinstance(v, AssetsDefinition)]
    assert keys(ASSETS) == keys(in_module) and len(in_module) == 14
    checks_in_module = [v for v in vars(checks).values() if isinstance(v, AssetChecksDefinition)]
    names = {key.name for c in ASSET_CHECKS for key in c.check_keys}
    assert names == {key.name for c in checks_in_module for key in c.check_keys}
    assert len(names) == 6
    archive = defs.resources["archive"]
    assert isinstance(archive.data_dir, EnvVar) and archive.data_dir == "BAOARCHIVE_DATA_DIR"
    assert archive.sites == ""  # where each paper is: read when a run starts (site_choice)
