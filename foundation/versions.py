"""Stage versions: one rule for re-deriving data after a change.

Each derived stage (extraction, locality matching, search documents) stores on every row the
version of what made it. The version is the stage's code version (a constant a person bumps
when the code itself changes what it gives) and a digest of what it reads besides its input:
its rules (the public values of a rules module: rules are data), its data files (their bytes)
and the text normaliser it uses (its source). A run re-derives exactly the rows whose version
differs from the current one, from the archived captures, without fetching.

Versions are computed when asked for, never cached, so a rule changed in a running process (a
test) is a new version at once.
"""

from __future__ import annotations

import hashlib
import inspect
from pathlib import Path
from types import ModuleType


def _canonical(value: object) -> str:
    """A repr that is the same in every process: sets sorted (their order follows the string
    hash seed), containers element by element; a compiled pattern's repr holds its flags."""
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(_canonical(item) for item in value)) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_canonical(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_canonical(k)}: {_canonical(v)}" for k, v in value.items()) + "}"
    return repr(value)


def rules_digest(module: ModuleType) -> bytes:
    """The public constants of a rules module (UPPER_CASE names; helpers are code)."""
    names = sorted(
        name
        for name, value in vars(module).items()
        if name.isupper() and not name.startswith("_") and not callable(value)
    )
    return "\n".join(f"{name}={_canonical(getattr(module, name))}" for name in names).encode()


def source_digest(module: ModuleType) -> bytes:
    """The source of a code module (a normaliser): its behaviour is its code."""
    return inspect.getsource(module).encode()


def file_digest(path: Path) -> bytes:
    return Path(path).read_bytes()


def stage_version(code_version: str, *parts: bytes) -> str:
    """'<code version>.<12 hex digits>': readable, and different whenever a part differs."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return f"{code_version}.{digest.hexdigest()[:12]}"
