"""``python -m replica --port 8000 --articles 300``: serve the replica in the foreground."""

from __future__ import annotations

import argparse

from foundation.sites import DEFAULT_SITE

from .server import serve


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m replica", description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20250701)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--site", default=DEFAULT_SITE, help="the paper's profile id")
    args = parser.parse_args(argv)
    serve(args.port, args.articles, args.seed, args.host, args.site)


if __name__ == "__main__":
    main()
