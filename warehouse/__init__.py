"""The warehouse, a DuckLake: schema (``schema/*.sql``), loading and read queries (``sql/*.sql``).

All SQL of the project lives here. One process writes; readers attach the lake read-only.
The public names load on first use, so a command that only connects (``baoarchive query``)
does not pay for the research API's imports (pyarrow).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warehouse.archive import Archive
    from warehouse.db import connect_reader, connect_writer

__all__ = ["Archive", "connect_reader", "connect_writer"]

_WHERE = {"Archive": "warehouse.archive", "connect_reader": "warehouse.db",
          "connect_writer": "warehouse.db"}  # fmt: skip


def __getattr__(name: str) -> object:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'warehouse' has no attribute {name!r}")
