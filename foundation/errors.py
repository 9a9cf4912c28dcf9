"""Typed errors of the library: plain messages that name no command-line flag.

Library code raises these; the CLI (``baoarchive.cli``) turns each into its one line, naming
the flag that carries a bad value (``BadValue.parameter`` ``since`` is the option ``--since``)
and what to run when the archive is missing.
"""

from __future__ import annotations


class ArchiveError(Exception):
    """Anything the archive refuses or cannot do; the message is one plain line."""


class BadValue(ArchiveError, ValueError):
    """A value given by the caller that cannot be used: ``parameter`` names it as the Python
    API does (``since``, ``limit``), so a caller can tell which one."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter} {message}")
        self.parameter = parameter
        self.detail = message


class NotFound(ArchiveError, LookupError):
    """Something the caller named is not in the archive (a topic, a locality)."""


class UnknownName(NotFound):
    """A name of a kind the archive lists (a topic, a locality) that it does not know."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class NoArchive(ArchiveError, FileNotFoundError):
    """There is no archive (database) where one was looked for."""

    def __init__(self, path: object) -> None:
        super().__init__(f"no archive database at {path}")
        self.path = path


class NotReady(ArchiveError):
    """The archive exists but lacks what was asked of it (a search index before any run)."""


class Refused(ArchiveError, PermissionError):
    """An operation refused for the archive's safety (writing through a reader, writing an
    export outside its directory)."""
