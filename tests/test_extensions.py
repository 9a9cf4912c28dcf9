"""DuckDB's extensions come from their PyPI packages, installed into a directory of ours and
never downloaded; DuckDB's signature check runs on a process's first load of a file and again
whenever the file changed."""

from __future__ import annotations

import os

import duckdb
import pytest

from foundation import settings
from warehouse.lake import with_extensions

pytestmark = pytest.mark.fast
NAMES = ["ducklake", "sqlite_scanner"]


def unsigned_allowed(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute("SELECT current_setting('allow_unsigned_extensions')").fetchone()[0]


def test_the_extension_directory_is_the_data_directorys_unless_a_setting_names_one(
    tmp_path, monkeypatch
):
    paths = settings.ArchivePaths(tmp_path / "data")
    monkeypatch.delenv("BAOARCHIVE_EXTENSIONS_DIR", raising=False)
    assert settings.extensions_dir(paths) == tmp_path / "data" / "extensions"
    monkeypatch.setenv("BAOARCHIVE_EXTENSIONS_DIR", str(tmp_path / "shared"))
    assert settings.extensions_dir(paths) == tmp_path / "shared"


def test_extensions_are_installed_from_the_packages_and_checked_again_when_changed(tmp_path):
    directory = tmp_path / "extensions"
    with with_extensions(directory, NAMES) as first:
        loaded = dict(
            first.execute(
                "SELECT extension_name, install_path FROM duckdb_extensions() WHERE loaded"
            ).fetchall()
        )
        assert not unsigned_allowed(first)  # the first load of a file is checked
    for name in NAMES:
        assert loaded[name].startswith(str(directory))
    with with_extensions(directory, NAMES) as again:
        assert unsigned_allowed(again)  # the same files, unchanged: trusted

    ducklake = loaded["ducklake"]
    middle = os.path.getsize(ducklake) // 2
    with open(ducklake, "r+b") as tampered:  # one byte changed, the size kept
        tampered.seek(middle)
        byte = tampered.read(1)
        tampered.seek(middle)
        tampered.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(duckdb.Error, match="signature"):
        with_extensions(directory, NAMES)
    with open(ducklake, "r+b") as restored_file:  # put back: checked again, loads
        restored_file.seek(middle)
        restored_file.write(byte)
    with with_extensions(directory, NAMES) as restored:
        assert not unsigned_allowed(restored)
