"""One article's ground truth (``ReplicaArticle``) and how its page marks it up (``Layout``).

``ReplicaArticle`` is what tests compare extraction output with: everything in it is exactly
what the rendered page carries in the article itself, and ``suggest``/``timeline``/``related``
name the *other* articles the page lists around it (which must never leak into the body).
``Layout`` says how the page marks it up; a hand-made article can pick any variant with it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime

from extraction.text import markdown

RELATED_INSIDE_SIZE = 2  # in-body "Tin liên quan" boxes when the page also has the block after

#: Page templates, and the categories whose articles use a special one (the rest: "normal").
TEMPLATES = ("normal", "emagazine", "photo", "video")
TEMPLATE_OF_CATEGORY = {"e-magazine": "emagazine", "goc-anh": "photo", "video": "video"}

#: Kinds of body paragraphs (``ReplicaArticle.kinds``).
KINDS = frozenset({"p", "h2", "h3", "li", "oli", "quote", "note", "caption"})

_CHOICES = {
    "template": TEMPLATES,
    "paragraphs": ("div", "p"),
    "images": ("figure", "table", "lazy", "imgdesc"),
    "byline": ("t1", "author", "p.author"),
    "video": ("player", "iframe"),
}


@dataclass(frozen=True)
class Layout:
    """How one article page is marked up. The defaults are the real baolaocai page's; every
    variant comes from a sister site on the platform and can be chosen by hand.

    - ``template``: "normal" (the real page) | "emagazine" (``body.emagazine``,
      ``div.emag-wrapper`` with ``div.emag-content`` and no ``div.article__body``; paragraphs
      are always ``<p>``) | "photo" (every image is ``figure.picture > img.lazyload[data-src] +
      figcaption``) | "video" (the body opens with the player, see ``video``).
    - ``paragraphs``: "div" (bare ``<div>`` paragraphs, baolaocai) | "p".
    - ``images``: "figure" (``figure > img + figcaption``) | "table" (``table.picture``) |
      "lazy" (``figure > img.lazyload[data-src] + figcaption``) | "imgdesc" (``figure >
      img.cms-photo[cms-photo-caption]`` then the caption in ``p.imgdesc > em``, the v3 theme).
    - ``byline``: "t1" (``div.t1 > span.t2`` last in the body, baolaocai) | "author"
      (``div.article__author > p.name`` last in the body, nhandan) | "p.author"
      (``p.author > a.cms-author + em.cms-source`` in ``div.article__meta``,
      tinnhanhchungkhoan).
    - ``related_news``: a "Tin liên quan" block after the body (nhandan).
    - ``related_inside``: ``div.article-relate[data-source=related-news]`` boxes, one story
      each, between body paragraphs (tienphong).
    - ``notebox``: the body has ``div.notebox.align-center.cms-note`` holding the paragraphs of
      kind "note" (nhandan); it must be True exactly when the article has "note" paragraphs.
    - ``ld_author``: the JSON-LD ``author.name`` carries the byline (baolaocai leaves it "").
    - ``video``: template "video" only: "player" (``div.video-player > video[data-src][poster]``)
      | "iframe" (an embedded player).
    - ``offset_colon``: times as "+07:00" instead of baolaocai's "+0700".
    """

    template: str = "normal"
    paragraphs: str = "div"
    images: str = "figure"
    byline: str = "t1"
    related_news: bool = False
    related_inside: bool = False
    notebox: bool = False
    ld_author: bool = False
    video: str = "player"
    offset_colon: bool = False

    def __post_init__(self) -> None:
        for name, allowed in _CHOICES.items():
            value = getattr(self, name)
            if value not in allowed:
                raise ValueError(f"Layout.{name} must be one of {allowed}, not {value!r}")

    @property
    def name(self) -> str:
        parts = [self.template] if self.template != "normal" else []
        parts += [self.paragraphs, self.images, self.byline]
        parts += [self.video] if self.template == "video" else []
        parts += ["related"] if self.related_news else []
        parts += ["inside"] if self.related_inside else []
        parts += ["notebox"] if self.notebox else []
        parts += ["ld"] if self.ld_author else []
        parts += ["colon"] if self.offset_colon else []
        return "-".join(parts)


#: What a theme's pages mark up whatever the draw: a site in that theme replaces these fields
#: of every article's layout. The v3 theme (tinnhanhchungkhoan's real page) has one article
#: template: ``<p>`` paragraphs, the ``p.author`` byline, "+0700" times, the byline in the
#: JSON-LD, images captioned by ``p.imgdesc``, and a "Tin bài liên quan" block after the body.
THEME_LAYOUTS: dict[str, dict[str, object]] = {
    "v3": {
        "template": "normal",
        "paragraphs": "p",
        "images": "imgdesc",
        "byline": "p.author",
        "related_news": True,
        "related_inside": False,
        "ld_author": True,
        "offset_colon": False,
    },
}


def choose_layout(rng: random.Random, topic_id: str = "") -> Layout:
    """Mostly the real page's markup; the variants come from sister sites on the platform. The
    template follows the category; every draw is made whatever the template, so the stream is
    used the same way for every article."""
    template = TEMPLATE_OF_CATEGORY.get(topic_id, "normal")
    paragraphs = "div" if rng.random() < 0.7 else "p"
    images = rng.choices(("figure", "table", "lazy"), weights=(2, 1, 1))[0]
    roll = rng.random()
    byline = "t1" if roll < 0.7 else "author" if roll < 0.88 else "p.author"
    related_news = rng.random() < 0.3
    offset_colon = rng.random() < 0.15
    related_inside = rng.random() < 0.15
    notebox = rng.random() < 0.15
    ld_author = rng.random() < 0.2
    video = "player" if rng.random() < 0.7 else "iframe"
    if template in ("emagazine", "photo"):
        paragraphs = "p"  # e-magazine and photo pages are written in <p>
    if template == "photo":
        images = "lazy"  # (the photo template has its own figure.picture markup)
    return Layout(
        template=template,
        paragraphs=paragraphs,
        images=images,
        byline=byline,
        related_news=related_news,
        related_inside=related_inside,
        notebox=notebox and template in ("normal", "emagazine"),
        ld_author=ld_author,
        video=video if template == "video" else "player",
        offset_colon=offset_colon,
    )


@dataclass(frozen=True)
class ReplicaArticle:
    """One article's ground truth: exactly what its page carries.

    ``paragraphs`` are the body's paragraphs in page order, as plain text (NFC, no markup; a
    "\n" inside one is a ``<br>`` line break). ``kinds`` says what each one is (empty: all
    "p"):

    - "p" a paragraph; "h2"/"h3" a subheading; "li"/"oli" an item of a bulleted/numbered list
      (consecutive items are one ``<ul>``/``<ol>``); "quote" a ``<blockquote><p>``;
    - "note" a paragraph of the ``div.notebox`` info box (consecutive notes share one box;
      requires ``layout.notebox``): the box is article content, in place;
    - "caption" an image caption. **Captions are body paragraphs**: the platform's extractor
      keeps ``figcaption``/``td.caption`` text as a paragraph at the image's place, so the
      ground truth does too. The k-th "caption" paragraph is the caption of the k-th image in
      ``images`` that has one, and the image is rendered there (``images[k][1]`` must equal
      it). An image with an empty caption has no paragraph: it is rendered just before the
      next captioned image, or after the last paragraph if none follows.

    ``body`` is ``"\n\n".join(paragraphs)``; ``markdown`` is the same text with headings,
    lists and quotes marked up. Bylines, ads, related boxes and the video player are never
    paragraphs. ``author`` is the byline wherever the layout prints it. ``related`` lists
    every "Tin liên quan" story, in page order: the in-body boxes (``related_inside``) show the
    first ``RELATED_INSIDE_SIZE`` when the page also has the block after the body
    (``related_news``), which shows the rest; otherwise the one block shows them all.
    """

    post_id: int
    slug: str
    title: str
    sapo: str
    paragraphs: list[str]  # NFC, no markup; the body is "\n\n".join(paragraphs)
    published_at: datetime  # aware, +07:00
    modified_at: datetime
    category: str  # topic_id, e.g. "kinh-te/thi-truong"
    author: str = ""  # the byline ("" when there is none)
    tags: list[str] = field(default_factory=list)  # without "#"
    images: list[tuple[str, str]] = field(default_factory=list)  # in-body (url, caption)
    localities: list[str] = field(default_factory=list)  # locality_ids the text names
    suggest: list[int] = field(default_factory=list)  # "Có thể bạn quan tâm"
    timeline: list[int] = field(default_factory=list)  # "Tin cùng chuyên mục" (same category)
    related: list[int] = field(default_factory=list)  # "Tin liên quan" (in and after the body)
    layout: Layout = field(default_factory=Layout)
    kinds: list[str] = field(default_factory=list)  # parallel to paragraphs; [] = all "p"
    suffix: str = ".html"  # how the site's article URLs end (tienphong: ".tpo")

    def __post_init__(self) -> None:
        where = f"article {self.post_id}"
        if self.kinds and len(self.kinds) != len(self.paragraphs):
            raise ValueError(f"{where}: kinds must be empty or one per paragraph")
        unknown = set(self.kinds) - KINDS
        if unknown:
            raise ValueError(f"{where}: unknown kinds {sorted(unknown)} (known: {sorted(KINDS)})")
        if any(not p.strip() for p in self.paragraphs):
            raise ValueError(f"{where}: an empty paragraph cannot be on the page")
        captions = [text for kind, text in self.blocks if kind == "caption"]
        captioned = [caption for _, caption in self.images if caption]
        if captions != captioned:
            raise ValueError(
                f"{where}: every non-empty image caption must also be a paragraph of kind "
                f"'caption', in image order (captions {captioned!r}, caption paragraphs "
                f"{captions!r})"
            )
        if ("note" in self.kinds) != self.layout.notebox:
            raise ValueError(f"{where}: layout.notebox must be True exactly when a kind is 'note'")
        if self.related and not (self.layout.related_news or self.layout.related_inside):
            raise ValueError(f"{where}: related ids need layout.related_news or related_inside")

    @property
    def path(self) -> str:
        return f"/{self.slug}-post{self.post_id}{self.suffix}"

    def url(self, base_url: str) -> str:
        return base_url.rstrip("/") + self.path

    @property
    def body(self) -> str:
        """The body as ``extraction.record.Article.body`` holds it."""
        return "\n\n".join(self.paragraphs)

    @property
    def blocks(self) -> list[tuple[str, str]]:
        """``(kind, text)`` of every paragraph."""
        kinds = self.kinds or ["p"] * len(self.paragraphs)
        return list(zip(kinds, self.paragraphs, strict=True))

    @property
    def markdown(self) -> str:
        """The body as Markdown, as the extractor writes it (``extraction.text.markdown``:
        headings, lists and quotes marked up; p, note and caption as plain text). The gold
        set's hand-written Markdown checks that function; here it only renders the kinds."""
        return markdown(self.blocks)

    @property
    def related_in_body(self) -> list[int]:
        """The ``related`` stories shown in the body's ``div.article-relate`` boxes."""
        if not self.layout.related_inside:
            return []
        return self.related[:RELATED_INSIDE_SIZE] if self.layout.related_news else self.related

    @property
    def related_after_body(self) -> list[int]:
        """The ``related`` stories shown in the "Tin liên quan" block after the body."""
        if not self.layout.related_news:
            return []
        return self.related[len(self.related_in_body) :]
