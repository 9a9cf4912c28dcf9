"""A PostgreSQL server of the tests' own: a new cluster in a temporary directory, on a free
port of 127.0.0.1, stopped at the end. PostgreSQL refuses to run as root, so as root the
server runs as the ``postgres`` user (Debian's package makes it; .ci/run installs the
package)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def _binary(name: str) -> str | None:
    for directory in BIN_DIRS:
        if (directory / name).is_file():
            return str(directory / name)
    return shutil.which(name)


def available() -> bool:
    return all(_binary(name) for name in ("initdb", "pg_ctl", "postgres", "psql"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def postgres_server(database: str = "baoarchive") -> Iterator[str]:
    """A running server with ``database`` made; yields the libpq connection string. Its
    cluster lives in a directory of its own under the system's temporary directory (the
    tests' own are closed to other users), removed at the end."""
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    cluster = Path(tempfile.mkdtemp(prefix="baoarchive-postgres-"))
    if as_user:
        shutil.chown(cluster, "postgres")
    port = _free_port()
    run = {"check": True, "capture_output": True, "timeout": 120}
    subprocess.run([*as_user, _binary("initdb"), "-D", str(cluster), "--auth=trust",
                    "-U", "postgres", "--encoding=UTF8"], **run)  # fmt: skip
    options = f"-p {port} -k {cluster} -c listen_addresses=127.0.0.1"
    subprocess.run([*as_user, _binary("pg_ctl"), "-D", str(cluster), "-o", options, "-w",
                    "-l", str(cluster / "server.log"), "start"], **run)  # fmt: skip
    try:
        dsn = f"host=127.0.0.1 port={port} user=postgres"
        subprocess.run([_binary("psql"), f"{dsn} dbname=postgres", "-c",
                        f"CREATE DATABASE {database}"], **run)  # fmt: skip
        yield f"{dsn} dbname={database}"
    finally:
        subprocess.run([*as_user, _binary("pg_ctl"), "-D", str(cluster), "-m", "immediate",
                        "stop"], capture_output=True, timeout=120)  # fmt: skip
        shutil.rmtree(cluster, ignore_errors=True)


def psql(dsn: str, statement: str) -> str:
    """One statement through psql; its unaligned output."""
    done = subprocess.run([_binary("psql"), dsn, "-At", "-c", statement],
                          capture_output=True, text=True, check=True, timeout=60)  # fmt: skip
    return done.stdout.strip()
