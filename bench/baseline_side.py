"""The baseline's side of ``bench pipeline --baseline REF``, run as a script in REF's own tree
(see bench/baseline.py); today's code never imports it.

It does the three runs with that tree's ``bench.pipeline._run(label, replica, data_dir,
articles, size)``, so each run is measured as that commit measured it, against the replica
that the parent serves. Each run's figures go to ``--results-fd`` as one JSON line; before the
1% run it waits for the parent to change the replica and send the count on ``--go-fd``.

The tree's modules are imported inside ``main`` only: a process the old code spawns re-imports
this script (as ``__mp_main__``) and must load nothing.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from types import SimpleNamespace


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--replica-pid", type=int, required=True)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--results-fd", type=int, required=True)
    parser.add_argument("--go-fd", type=int, required=True)
    args = parser.parse_args()

    from bench.pipeline import _run  # the baseline tree's, on PYTHONPATH

    replica = SimpleNamespace(url=args.url, pid=args.replica_pid)
    with os.fdopen(args.results_fd, "w") as results, os.fdopen(args.go_fd) as go:

        def run(label: str, articles: int) -> bool:
            figures = _run(label, replica, args.data_dir, articles, args.size)
            results.write(json.dumps(figures) + "\n")
            results.flush()
            return figures["ok"]

        ok = run("full", args.size) & run("nothing new", 0)
        changed = go.readline()
        if not changed:  # the parent is gone
            return 1
        ok &= run("1% new or changed", int(changed))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
