"""The baseline mode of the pipeline benchmark (``bench pipeline --baseline d7fcee1``): the same
three runs by the code of an older commit, so that today's figures stand beside the old ones
measured in one invocation, on one machine, under the same load (issue 15: no slower than the
single DuckDB file of d7fcee1).

The old code runs from its own tree (``git archive`` of the commit into a temporary directory,
removed afterwards; no worktree is registered in the repository) in a process of its own, with
this interpreter and its packages. The replica is today's for both sides, built from the same
size and seed and changed by the same function, so that both crawl the same pages.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from replica.process import ReplicaProcess
from replica.site_index import Site

REPO = Path(__file__).resolve().parents[1]
#: Run in the old tree: its own ``bench.pipeline._run`` measures each run.
SIDE_SCRIPT = Path(__file__).with_name("baseline_side.py")


def _git(*args: str) -> bytes:
    done = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, check=False)
    if done.returncode:
        raise RuntimeError(f"git {' '.join(args)}: {done.stderr.decode().strip()}")
    return done.stdout


def describe(ref: str) -> str:
    """'<short hash> <subject>' of ``ref``, for the report."""
    return _git("log", "-1", "--format=%h %s", f"{ref}^{{commit}}").decode().strip()


@contextmanager
def old_tree(ref: str) -> Iterator[Path]:
    """The files of commit ``ref`` in a temporary directory, removed on exit."""
    commit = _git("rev-parse", "--verify", f"{ref}^{{commit}}").decode().strip()
    with tempfile.TemporaryDirectory(prefix=f"bench-baseline-{commit[:7]}-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(_git("archive", commit))) as archive:
            archive.extractall(tmp, filter="data")
        yield Path(tmp)


def bench(
    tree: Path, size: int, seed: int, data_dir: Path, change: Callable[[Site, int], int]
) -> list[dict]:
    """The three runs by the code in ``tree`` against today's replica of ``size`` articles
    (``change(site, count)`` makes the 1% run's edits): full, nothing new, 1% new or changed."""
    started = time.perf_counter()
    with ReplicaProcess(size, seed) as replica:
        print(f"replica: {size} articles, serving after {time.perf_counter() - started:.1f} s")
        results_r, results_w = os.pipe()
        go_r, go_w = os.pipe()
        # -P: the script's directory (today's bench/) must not come first on sys.path
        command = [sys.executable, "-P", str(SIDE_SCRIPT), "--url", replica.url,
                   "--replica-pid", str(replica.pid), "--data-dir", str(data_dir),
                   "--size", str(size), "--results-fd", str(results_w),
                   "--go-fd", str(go_r)]  # fmt: skip
        # the old tree's packages before the editable install's (today's), in every process
        env = dict(os.environ, PYTHONPATH=str(tree))
        process = subprocess.Popen(command, cwd=tree, env=env, pass_fds=(results_w, go_r))
        os.close(results_w)
        os.close(go_r)
        with os.fdopen(results_r) as results, os.fdopen(go_w, "w") as go:

            def figures() -> dict:
                line = results.readline()
                if not line:
                    raise RuntimeError(
                        f"the baseline's process in {tree} ended early (exit {process.wait()})"
                    )
                return json.loads(line)

            runs = [figures(), figures()]
            go.write(f"{replica.apply(change, max(1, size // 100))}\n")
            go.flush()
            runs.append(figures())
        code = process.wait(timeout=600)
    if code and all(r["ok"] for r in runs):
        raise RuntimeError(f"the baseline's process in {tree} ended with exit code {code}")
    return runs
