"""CDN-shaped paths of an article's pictures and clip, derived from ``(seed, post_id)``.

The site index, the article page and the story cards all name the same files, so the paths
are computed in one place; the server answers any path of these shapes (``replica.routes``).
"""

from __future__ import annotations

import hashlib


def image_path(seed: int, post_id: int, label: str, name: str) -> str:
    """A CDN-shaped image path (``/images/<hex>/<name>.jpg.webp``) the replica serves."""
    digest = hashlib.sha256(f"{seed}:{post_id}:{label}".encode()).hexdigest()
    return f"/images/{digest}/{name}.jpg.webp"


def video_path(seed: int, post_id: int, name: str) -> str:
    """The clip a video page plays (``/videos/<hex>/<name>.mp4``, served as a stub)."""
    digest = hashlib.sha256(f"{seed}:{post_id}:video".encode()).hexdigest()
    return f"/videos/{digest}/{name}.mp4"


def thumbnail_path(seed: int, post_id: int, slug: str) -> str:
    """The picture an article shows in lists and og:image when it has no body image."""
    return image_path(seed, post_id, "thumb", slug[:40] or "anh")


def image_2x(path: str) -> str:
    """The 2x variant: the platform changes only the hex prefix."""
    _, _, digest, name = path.split("/", 3)
    prefix = hashlib.sha256(digest.encode()).hexdigest()[:32]
    return f"/images/{prefix}{digest[32:]}/{name}"
