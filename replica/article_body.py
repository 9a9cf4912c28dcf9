"""The inside of an article's body: paragraphs, subheadings, lists, quotes, the info box,
images with their captions, the video player, in-body ads, "Tin liên quan" boxes and the byline.

Normal, photo and video pages put it in ``div.article__body``, e-magazines in
``div.emag-content``; ``ReplicaArticle.kinds`` says how each paragraph is marked up and
``Layout`` which variant of the platform's markup is used.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable

from . import chrome
from .article import ReplicaArticle
from .cdn import thumbnail_path, video_path
from .chrome import absolute, ad, attr, text
from .site_index import Site

#: Inline style the body opens with (the real page styles its byline classes this way).
_BODY_STYLE = "<style>.t1 { text-align: right; } .t2 { font-weight: bold; }</style>"


def _inline(value: str) -> str:
    """Paragraph text: escaped, a "\n" as a ``<br>`` line break."""
    return text(value).replace("\n", "<br>")


def _paragraph(article: ReplicaArticle, index: int, paragraph: str, tag: str) -> str:
    if tag == "p":
        return f"<p>{_inline(paragraph)}</p>"
    # baolaocai's imported bodies: a leading space, often a trailing &nbsp;, a newline.
    tail = "&nbsp;" if (article.post_id + index) % 3 == 0 else ""
    return f"<div> {_inline(paragraph)}{tail}\n</div>"


def render_image(style: str, base_url: str, url: str, caption: str) -> str:
    src, cap = attr(absolute(base_url, url)), _inline(caption)
    if style == "table":
        return (
            '<table class="picture" align="center"> <tbody> <tr> <td class="pic">'
            f'<img src="{src}" class="cms-photo" alt="{attr(caption)}"></td> </tr> '
            f'<tr> <td class="caption"><p>{cap}</p></td> </tr> </tbody> </table>'
        )
    if style == "picture":  # the photo template (tienphong's: the alt is the file name)
        name = url.rsplit("/", 1)[-1].removesuffix(".webp")
        return (
            f'<figure class="picture"> <img class="lazyload" src="{chrome.PLACEHOLDER_GIF}" '
            f'data-src="{src}" alt="{attr(name)}"> <figcaption>{cap}</figcaption> </figure>'
        )
    if style == "imgdesc":  # the v3 theme's: the caption is a paragraph after the figure
        img = f'<img class="cms-photo" src="{src}" alt="{attr(caption)}" '
        img += f'cms-photo-caption="{attr(caption)}"/>'
        desc = f'<p class="imgdesc" style="text-align: center;"><em>{cap}</em></p>'
        return f'<figure class="article__avatar">\n{img}\n</figure>' + ("\n" + desc) * bool(cap)
    if style == "lazy":
        img = (
            f'<img class="lazyload cms-photo" src="{chrome.PLACEHOLDER_GIF}" data-src="{src}" '
            f'alt="{attr(caption)}">'
        )
    else:
        img = f'<img class="cms-photo" src="{src}" alt="{attr(caption)}">'
    return f'<figure class="image align-center"> {img} <figcaption>{cap}</figcaption> </figure>'


def paragraph_groups(article: ReplicaArticle) -> list[list[tuple[int, str, str]]]:
    """The paragraphs as rendered blocks: consecutive list items (one list), consecutive notes
    (one box), anything else alone. Items are (1-based index, kind, text)."""
    groups: list[list[tuple[int, str, str]]] = []
    for index, (kind, paragraph) in enumerate(article.blocks, start=1):
        joins = kind in ("li", "oli", "note") and groups and groups[-1][-1][1] == kind
        if joins:
            groups[-1].append((index, kind, paragraph))
        else:
            groups.append([(index, kind, paragraph)])
    return groups


def _sda_middle(number: int) -> str:
    """The 2026 theme's in-body ad: ``div.sda_middle > div.rennab#sdaWeb_SdaArticleMiddle…``."""
    suffix = str(number) if number else ""
    return f'<div class="sda_middle"> {ad(f"SdaArticleMiddle{suffix}", "fyi", False)}\n</div>'


def render_content(
    article: ReplicaArticle,
    site: Site,
    base_url: str,
    *,
    middle_ad: Callable[[int], str] = _sda_middle,
    opening: str = _BODY_STYLE,
) -> list[str]:
    """The article's blocks in page order (video player, paragraphs, images, in-body ads and
    related boxes), then the in-body byline: the inside of ``div.article__body`` or
    ``div.emag-content``. ``middle_ad(n)`` is the n-th in-body ad and ``opening`` what the body
    opens with, in the theme's markup (the 2026 theme's by default)."""
    layout = article.layout
    emagazine = layout.template == "emagazine"
    tag = "p" if emagazine else layout.paragraphs
    style = "picture" if layout.template == "photo" else layout.images
    pending = list(article.images)  # (url, caption) not rendered yet, in order

    def images_up_to_caption() -> list[str]:
        out = []
        while pending:
            url, caption = pending.pop(0)
            out.append(render_image(style, base_url, url, caption))
            if caption:
                break
        return out

    rendered: list[str] = []
    kinds: list[str] = []  # of each rendered block
    for group in paragraph_groups(article):
        kind = group[0][1]
        kinds.append(kind)
        if kind == "caption":
            rendered.append("\n".join(images_up_to_caption()))
        elif kind in ("li", "oli"):
            items = " ".join(f"<li>{_inline(p)}</li>" for _, _, p in group)
            list_tag = "ul" if kind == "li" else "ol"
            rendered.append(f"<{list_tag}> {items} </{list_tag}>")
        elif kind == "note":
            inner = " ".join(f"<p>{_inline(p)}</p>" for _, _, p in group)
            rendered.append(f'<div class="notebox align-center cms-note"> {inner} </div>')
        elif kind in ("h2", "h3"):
            rendered.append(f"<{kind}>{_inline(group[0][2])}</{kind}>")
        elif kind == "quote":
            rendered.append(f"<blockquote><p>{_inline(group[0][2])}</p></blockquote>")
        else:
            index, _, paragraph = group[0]
            rendered.append(_paragraph(article, index, paragraph, tag))
    if pending:  # uncaptioned images after the last caption
        rendered.append("\n".join(render_image(style, base_url, u, c) for u, c in pending))
        kinds.append("caption")

    # In-body related boxes go between two blocks, spread evenly, never right after a
    # subheading nor between a list and its intro.
    boxes = _relate_boxes(article, site, base_url)
    between = [
        n for n in range(1, len(rendered))
        if kinds[n - 1] not in ("h2", "h3") and kinds[n] not in ("li", "oli")
    ] or [len(rendered)]  # fmt: skip
    slots: dict[int, list[str]] = {}
    for b, box in enumerate(boxes):
        at = max(1, min(len(between), round((b + 1) * len(between) / (len(boxes) + 1))))
        slots.setdefault(between[at - 1], []).append(box)

    parts = [] if emagazine or not opening else [opening]
    if layout.template == "video":
        parts.append(_video_player(article, site, base_url))
    parts.extend(slots.get(0, []))  # (a body without blocks)
    ads = 0
    for number, block in enumerate(rendered, start=1):
        parts.append(block)
        parts.extend(slots.get(number, []))
        if not emagazine and number % 3 == 0 and ads < 3:
            parts.append(middle_ad(ads))
            ads += 1
    if article.author and layout.byline == "author":
        parts.append(
            f'<div class="article__author"> <p class="name">{text(article.author)}</p> </div>'
        )
    elif article.author and layout.byline == "t1":
        parts.append(f'<div class="t1"> <span class="t2">{text(article.author)}</span>\n</div>')
    return parts


def render_body(article: ReplicaArticle, site: Site, base_url: str) -> str:
    """``div.article__body``: the content, then the after-body ad."""
    parts = [*render_content(article, site, base_url), ad("SdaArticleAfterBody")]
    return (
        '<div class="article__body zce-content-body cms-body" itemprop="articleBody"> '
        + "\n".join(parts)
        + " </div>"
    )


def _video_player(article: ReplicaArticle, site: Site, base_url: str) -> str:
    """What a video page's body opens with: the platform's player or an embed."""
    lead = article.images[0][0] if article.images else None  # the og:image
    poster = absolute(base_url, lead or thumbnail_path(site.seed, article.post_id, article.slug))
    if article.layout.video == "iframe":
        digest = hashlib.sha256(f"{site.seed}:{article.post_id}:embed".encode()).digest()
        clip = base64.urlsafe_b64encode(digest).decode()[:11]
        return (
            f'<iframe src="https://www.youtube.com/embed/{clip}" width="100%" height="450" '
            'frameborder="0" allowfullscreen></iframe>'
        )
    src = absolute(base_url, video_path(site.seed, article.post_id, article.slug[:40] or "video"))
    return (
        '<div class="video-player"> <video class="cms-video" controls preload="none" '
        f'data-src="{attr(src)}" poster="{attr(poster)}"></video> </div>'
    )


def _relate_boxes(article: ReplicaArticle, site: Site, base_url: str) -> list[str]:
    """The in-body "Tin liên quan" boxes (tienphong's ``div.article-relate``), one story each."""
    return [
        '<div class="article-relate " data-source="related-news" align=""> '
        f"{chrome.story(site, i, base_url, with_id=False, link_class='cms-link ')} </div>"
        for i in article.related_in_body
    ]
