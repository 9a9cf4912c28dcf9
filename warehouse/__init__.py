"""The DuckDB warehouse: schema (``schema/*.sql``), loading and read queries (``sql/*.sql``).

All SQL of the project lives here. One process writes; readers open the file read-only.
"""

from warehouse.archive import Archive
from warehouse.db import connect_reader, connect_writer

__all__ = ["Archive", "connect_reader", "connect_writer"]
