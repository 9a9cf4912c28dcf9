"""Shared fixtures: the replica site on a free port, and the path of ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
REPLICA_ARTICLES = 60
REPLICA_SEED = 7


@pytest.fixture(scope="session")
def replica():
    """A running replica of baolaocai.vn (real HTTP on 127.0.0.1) with its ground truth."""
    from replica.server import ReplicaServer

    with ReplicaServer(articles=REPLICA_ARTICLES, seed=REPLICA_SEED) as server:
        yield server


@pytest.fixture(scope="session")
def truth(replica) -> list:
    """The replica's articles as generated: the ground truth the archive is compared with."""
    return list(replica.site.articles())


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED
