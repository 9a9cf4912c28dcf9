"""The version of the extraction stage that every article row records (``extractor_version``):
archived captures whose row another version made are extracted again on the next run.

It follows the stage's rules (``rules``), its text normaliser (``text``), trafilatura's version
(the fallback path) and ``EXTRACTOR_CODE_VERSION``, which a person bumps when a change to the
code itself (``core``, ``metadata``, ``tree``) changes what extraction gives.
"""

from __future__ import annotations

from importlib.metadata import version

from foundation.versions import rules_digest, source_digest, stage_version

from . import rules, text

EXTRACTOR_CODE_VERSION = "5"


def extractor_version() -> str:
    return stage_version(
        EXTRACTOR_CODE_VERSION,
        rules_digest(rules),
        source_digest(text),
        version("trafilatura").encode(),
    )
