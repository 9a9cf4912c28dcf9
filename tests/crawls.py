"""A real Scrapy crawl in a subprocess, as the pipeline runs it (``python -m spiders.crawl``):
its figures, the last line it prints."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def crawl_with(*arguments: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "spiders.crawl", *arguments],
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def crawl(site_url: str, data_dir: Path, *extra: str) -> dict:
    """The default paper at ``site_url``."""
    return crawl_with("--site-url", site_url, "--data-dir", str(data_dir), *extra)
