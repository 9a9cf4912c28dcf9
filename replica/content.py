"""The replica's site as data: a deterministic index of articles, and each article's ground truth.

``build_site`` fixes the cheap facts of every article up front (id, dates, category, title,
slug, the places it names) so that sitemaps, listings and feeds need no body text; the body,
sapo, byline, tags, images and layout are generated on demand from streams seeded with
``(seed, post_id, part)`` (the layout first: its template, from the category, shapes the text;
the "blocks" stream then adds subheadings, lists, quotes, the info box and the captions' places).
100,000 articles therefore index in a few seconds, and the same seed and count give the same
site byte for byte.

``ReplicaArticle`` is what tests compare extraction output with: everything in it is exactly
what the rendered page carries in the article itself, and ``suggest``/``timeline``/``related``
name the *other* articles the page lists around it (which must never leak into the body).
``Layout`` says how the page marks it up; a hand-made article can pick any variant with it.
"""

from __future__ import annotations

import hashlib
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from extraction.text import markdown

from . import phrases
from .draw import pick, pick_some
from .phrases import GENERAL
from .places import choose_mentions
from .slugs import slugify
from .taxonomy import (
    Category,
    article_weight,
    categories,
    category,
    root_of,
    with_descendants,
)
from .text import (
    ARTICLE_PARAGRAPHS,
    Headline,
    family_for,
    write_blocks,
    write_byline,
    write_captions,
    write_headline,
    write_sapo,
    write_tags,
)
from .timefmt import MERGER, VN, month_of

#: Share of generated articles filed under the sponsored category (to be excluded downstream).
SPONSORED_SHARE = 0.015

#: The id series the site has used: two newsrooms before the merger (old Lào Cai and Yên Bái
#: content), then new blocks. Ids grow inside a series but not across them, so ids do not
#: follow dates (as on the real site: 404xxx in Jun 2025, 649xxx in Jul, 88xxxx in Dec).
_ID_SERIES: tuple[tuple[datetime | None, tuple[tuple[int, int], ...]], ...] = (
    (MERGER, ((300_000, 400_000), (400_000, 600_000))),
    (datetime(2025, 12, 1, tzinfo=VN), ((600_000, 800_000),)),
    (None, ((800_000, 1_000_000),)),
)

SUGGEST_SIZE = 8
TIMELINE_SIZE = 10
RELATED_SIZE = 3  # stories in the "Tin liên quan" block after the body
RELATED_INSIDE_SIZE = 2  # in-body "Tin liên quan" boxes when the page also has the block after
MOST_READ_SIZE = 5

#: Page templates, and the categories whose articles use a special one (the rest: "normal").
TEMPLATES = ("normal", "emagazine", "photo", "video")
TEMPLATE_OF_CATEGORY = {"e-magazine": "emagazine", "goc-anh": "photo", "video": "video"}

#: Kinds of body paragraphs (``ReplicaArticle.kinds``).
KINDS = frozenset({"p", "h2", "h3", "li", "oli", "quote", "note", "caption"})

_CHOICES = {
    "template": TEMPLATES,
    "paragraphs": ("div", "p"),
    "images": ("figure", "table", "lazy"),
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
      "lazy" (``figure > img.lazyload[data-src] + figcaption``).
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
        return f"/{self.slug}-post{self.post_id}.html"

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


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """What the index knows of an article without generating its text."""

    post_id: int
    published_at: datetime
    modified_at: datetime
    category: str
    headline: Headline
    slug: str

    @property
    def title(self) -> str:
        return self.headline.title

    @property
    def path(self) -> str:
        return f"/{self.slug}-post{self.post_id}.html"


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


class Site:
    """The replica's articles: the index, lazy ground truth, and the lists pages are built from.

    Hand-made articles (``add``) join the index like generated ones; add them before serving.
    """

    def __init__(self, seed: int, entries: list[IndexEntry]):
        self.seed = seed
        self._entries: dict[int, IndexEntry] = {e.post_id: e for e in entries}
        self._hand_made: dict[int, ReplicaArticle] = {}
        self._reindex()

    # -- index ---------------------------------------------------------------------------

    def _reindex(self) -> None:
        def newest_first(entry: IndexEntry) -> tuple[datetime, int]:
            return (entry.published_at, entry.post_id)

        ordered = sorted(self._entries.values(), key=newest_first, reverse=True)
        self._newest = [e.post_id for e in ordered]
        self._by_topic: dict[str, list[int]] = {t: [] for t in categories()}
        self._months: dict[tuple[int, int], list[int]] = {}
        for entry in reversed(ordered):  # oldest first
            self._months.setdefault(month_of(entry.published_at), []).append(entry.post_id)
        for entry in ordered:
            self._by_topic[entry.category].append(entry.post_id)
        self._listing_cache: dict[str, list[int]] = {}
        self._position = {post_id: i for i, post_id in enumerate(self._newest)}
        picker = random.Random(f"{self.seed}:most-read")
        self._most_read = picker.sample(self._newest, k=min(len(self._newest), MOST_READ_SIZE + 1))

    def add(self, article: ReplicaArticle) -> None:
        """Serve a hand-made article too (replacing a generated one with the same id)."""
        category(article.category)  # raises on an unknown category
        if article.published_at.tzinfo is None or article.modified_at.tzinfo is None:
            raise ValueError("published_at and modified_at must be timezone-aware")
        self._hand_made[article.post_id] = article
        self._entries[article.post_id] = IndexEntry(
            article.post_id,
            article.published_at,
            article.modified_at,
            article.category,
            Headline(article.title, (), "", ""),
            article.slug,
        )
        self._reindex()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, post_id: object) -> bool:
        return post_id in self._entries

    def entry(self, post_id: int) -> IndexEntry:
        return self._entries[post_id]

    def ids(self) -> list[int]:
        """All post ids, newest first."""
        return list(self._newest)

    def newest(self, count: int) -> list[int]:
        return self._newest[:count]

    def listing(self, topic_id: str) -> list[int]:
        """A category's articles, newest first, including its subcategories' (as the site lists)."""
        if topic_id not in self._listing_cache:
            ids = [i for t in with_descendants(topic_id) for i in self._by_topic[t]]
            ids.sort(key=self._position.__getitem__)
            self._listing_cache[topic_id] = ids
        return self._listing_cache[topic_id]

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month with a publication, oldest first."""
        return sorted(self._months)

    def published_in(self, year: int, month: int) -> list[int]:
        """Ids published that month (Asia/Ho_Chi_Minh), oldest first."""
        return list(self._months.get((year, month), []))

    def most_read(self, exclude: int | None = None) -> list[int]:
        """The "Đọc nhiều" sidebar: the same few articles on every page, minus the page's own."""
        return [i for i in self._most_read if i != exclude][:MOST_READ_SIZE]

    def articles(self) -> Iterator[ReplicaArticle]:
        """Every article's ground truth, newest first (generates text: slow for huge sites)."""
        return (self.article(post_id) for post_id in self._newest)

    # -- per-article facts -------------------------------------------------------------

    def _rng(self, post_id: int, part: str) -> random.Random:
        return random.Random(f"{self.seed}:{post_id}:{part}")

    def sapo(self, post_id: int) -> str:
        """The sapo alone (listings show it as the summary), without generating the body."""
        if post_id in self._hand_made:
            return self._hand_made[post_id].sapo
        entry = self._entries[post_id]
        family = family_for(entry.category)
        return write_sapo(self._rng(post_id, "sapo"), family, entry.published_at, entry.headline)

    def thumbnail(self, post_id: int) -> str:
        """The list thumbnail and og:image: the first body image, else a picture of its own."""
        article = self._hand_made.get(post_id)
        if article and article.images:
            return article.images[0][0]
        return thumbnail_path(self.seed, post_id, self._entries[post_id].slug)

    def article(self, post_id: int) -> ReplicaArticle:
        """The ground truth of one article (KeyError for an unknown id)."""
        if post_id in self._hand_made:
            return self._hand_made[post_id]
        entry = self._entries[post_id]
        family = family_for(entry.category)
        head = entry.headline
        layout = choose_layout(self._rng(post_id, "layout"), entry.category)
        template = layout.template
        rng = self._rng(post_id, "body")
        sizes = (2, 4) if template == "video" else ARTICLE_PARAGRAPHS
        written = write_blocks(rng, family, entry.published_at, head, sizes)
        author = write_byline(rng)
        tags = write_tags(rng, family, head)
        count = rng.choice((0, 0, 1, 1, 2, 3)) if template in ("normal", "emagazine") else 0
        captions = write_captions(rng, family, entry.published_at, head, count)
        arrange = self._rng(post_id, "blocks")
        if template == "photo":
            blocks = _photo_blocks(written)
        elif template == "video":
            blocks = [("p", " ".join(sentences)) for _, sentences in written]
        else:
            blocks = _structure(arrange, written, template == "emagazine")
        if layout.notebox:
            blocks = _notebox(arrange, blocks)
        if captions:
            blocks = _with_captions(blocks, captions)
        images = [
            (image_path(self.seed, post_id, f"img{k}", f"{entry.slug[:30]}-{k + 1}"), caption)
            for k, caption in enumerate(text for kind, text in blocks if kind == "caption")
        ]
        related = (RELATED_SIZE if layout.related_news else 0) + (
            RELATED_INSIDE_SIZE if layout.related_inside else 0
        )
        return ReplicaArticle(
            post_id=post_id,
            slug=entry.slug,
            title=head.title,
            sapo=self.sapo(post_id),
            paragraphs=[text for _, text in blocks],
            published_at=entry.published_at,
            modified_at=entry.modified_at,
            category=entry.category,
            author=author,
            tags=tags,
            images=images,
            localities=list(dict.fromkeys(m.locality_id for m in head.mentions)),
            suggest=self._suggest(post_id),
            timeline=self._timeline(post_id),
            related=self._related(post_id, related) if related else [],
            layout=layout,
            kinds=[kind for kind, _ in blocks],
        )

    def _timeline(self, post_id: int) -> list[int]:
        """Same-category articles published just before this one, then just after."""
        same = self._by_topic[self._entries[post_id].category]
        at = same.index(post_id)
        older, newer = same[at + 1 :], same[:at][::-1]
        return (older + newer)[:TIMELINE_SIZE]

    def _suggest(self, post_id: int) -> list[int]:
        """Drawn from the newest articles (recommendation boxes favour fresh news), never the
        page itself."""
        rng = self._rng(post_id, "suggest")
        pool = self._newest[:200]
        picks = [i for i in rng.sample(pool, k=min(len(pool), SUGGEST_SIZE + 1)) if i != post_id]
        return picks[:SUGGEST_SIZE]

    def _related(self, post_id: int, count: int) -> list[int]:
        """A few recent articles of the same top-level section ("Tin liên quan")."""
        rng = self._rng(post_id, "related")
        section = self.listing(root_of(self._entries[post_id].category))[:200]
        pool = [i for i in section if i != post_id] or [i for i in self._newest if i != post_id]
        return rng.sample(pool, k=min(len(pool), count))


# -- arranging the written text into blocks -----------------------------------------------

#: Share of normal articles whose body has subheadings, a list or a quote (e-magazines: most).
STRUCTURED_SHARE = 0.25
STRUCTURED_SHARE_EMAGAZINE = 0.8


def _structure(
    rng: random.Random, written: list[tuple[str, list[str]]], emagazine: bool
) -> list[tuple[str, str]]:
    """(kind, text) blocks: plain paragraphs, or (some articles) with a quote, a paragraph's
    sentences as a bulleted list after a short intro, and subheadings between paragraphs. The
    text is the written text (plus headings and intros, which name no place)."""
    share = STRUCTURED_SHARE_EMAGAZINE if emagazine else STRUCTURED_SHARE
    structured = rng.random() < share
    want_h2, want_li, want_quote = (rng.random() < x for x in (0.6, 0.4, 0.4))
    if emagazine:
        want_h2 = True
    if structured and not (want_h2 or want_li or want_quote):
        want_h2 = True
    kinds = [kind if structured and want_quote else "p" for kind, _ in written]
    if structured and want_quote and "quote" not in kinds and len(written) > 1:
        kinds[1 + int(rng.random() * (len(written) - 1))] = "quote"
    listed = -1
    if structured and want_li:
        candidates = [
            i for i, (_, sentences) in enumerate(written)
            if i and kinds[i] == "p" and len(sentences) >= 2
        ]  # fmt: skip
        listed = pick(rng, candidates) if candidates else -1
    headings: set[int] = set()
    if structured and want_h2 and len(written) > 1:
        wanted = (2 + int(rng.random() * 2)) if emagazine else 1 + int(rng.random() * 2)
        for i in pick_some(rng, range(1, len(written)), wanted):
            if not headings & {i - 1, i + 1}:
                headings.add(i)
    titles = pick_some(rng, phrases.SUBHEADINGS, len(headings))
    blocks: list[tuple[str, str]] = []
    for i, ((_, sentences), kind) in enumerate(zip(written, kinds, strict=True)):
        if i in headings:
            blocks.append(("h2", titles.pop(0)))
        if i == listed:
            blocks.append(("p", pick(rng, phrases.LIST_INTROS)))
            blocks.extend(("li", sentence) for sentence in sentences)
        else:
            blocks.append((kind, " ".join(sentences)))
    return blocks


def _photo_blocks(written: list[tuple[str, list[str]]]) -> list[tuple[str, str]]:
    """A photo story: the first paragraph (and the last, for five or more) as text, every
    other paragraph the caption of a picture."""
    texts = [" ".join(sentences) for _, sentences in written]
    last = len(texts) - 1 if len(texts) >= 5 else len(texts)
    return [("p" if i in (0, last) else "caption", t) for i, t in enumerate(texts)]


def _notebox(rng: random.Random, blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """One or two consecutive plain paragraphs become the info box's ("note"): at the top of
    the body (as nhandan's) or further down. A list's intro stays with its list."""
    plain = [
        i for i, (kind, _) in enumerate(blocks)
        if kind == "p" and not (i + 1 < len(blocks) and blocks[i + 1][0] == "li")
    ]  # fmt: skip
    if not plain:
        return blocks
    first = plain[0] if rng.random() < 0.5 else pick(rng, plain)
    chosen = {first} | ({first + 1} if first + 1 in plain and rng.random() < 0.5 else set())
    return [("note" if i in chosen else kind, text) for i, (kind, text) in enumerate(blocks)]


def _with_captions(blocks: list[tuple[str, str]], captions: list[str]) -> list[tuple[str, str]]:
    """Caption paragraphs spread evenly over the body, the first early, never inside a list or
    an info box nor between a list's intro and its items."""
    grouped = ("li", "oli", "note")
    boundaries = [
        j for j in range(1, len(blocks) + 1)
        if j == len(blocks)
        or not (blocks[j][0] in grouped and blocks[j - 1][0] == blocks[j][0])
        and blocks[j][0] not in ("li", "oli")
    ]  # fmt: skip
    slots: dict[int, list[str]] = {}
    for k, caption in enumerate(captions):
        at = max(1, min(len(boundaries), round((k + 1) * len(boundaries) / (len(captions) + 1))))
        slots.setdefault(boundaries[at - 1], []).append(caption)
    result: list[tuple[str, str]] = []
    for j, block in enumerate(blocks, start=1):
        result.append(block)
        result.extend(("caption", caption) for caption in slots.get(j, []))
    return result


# -- building the index ------------------------------------------------------------------


def build_site(
    articles: int = 300,
    seed: int = 20250701,
    start: date = date(2025, 1, 1),
    end: date = date(2026, 10, 31),
) -> Site:
    """A deterministic site of ``articles`` articles published between ``start`` and ``end``."""
    if articles < 1:
        raise ValueError("a site needs at least one article")
    if end < start:
        raise ValueError("end is before start")
    rng = random.Random(seed)
    published = _publication_times(rng, articles, start, end)
    topics = _categories(rng, articles)
    ids = _post_ids(rng, published)
    modified = [_modification(rng, moment) for moment in published]

    entries: list[IndexEntry] = []
    titles: set[str] = set()
    heads = random.Random(f"{seed}:headlines")  # one stream for the whole index: cheap
    for post_id, pub, mod, topic in zip(ids, published, modified, topics, strict=True):
        head = _unique_headline(heads, topic, pub, titles)
        titles.add(head.title)
        entries.append(IndexEntry(post_id, pub, mod, topic, head, slugify(head.title)))
    return Site(seed, entries)


def _publication_times(rng: random.Random, count: int, start: date, end: date) -> list[datetime]:
    """Evenly spread over the days (so every month gets its share), 05:00–23:00 local, ascending."""
    days = (end - start).days + 1
    first = datetime.combine(start, time(5, 0), tzinfo=VN)
    moments = []
    for i in range(count):
        position = (i + rng.random()) / count * days
        day = int(position)
        seconds = int((position - day) * 18 * 3600)
        moments.append(first + timedelta(days=day, seconds=seconds))
    return moments


def _category_weight(cat: Category) -> float:
    """The taxonomy's weight, lowered for sections of mixed content (multimedia, print
    issues, specials) whose text is the generic kind: news sections carry most articles."""
    weight = article_weight(cat)
    return weight / 4 if family_for(cat.topic_id) is GENERAL else weight


def _categories(rng: random.Random, count: int) -> list[str]:
    cats = [c for c in categories().values() if _category_weight(c) > 0]
    ordinary = [c.topic_id for c in cats]
    cumulative = list(itertools.accumulate(_category_weight(c) for c in cats))
    sponsored = [c.topic_id for c in categories().values() if c.sponsored]
    result = []
    for _ in range(count):
        if sponsored and rng.random() < SPONSORED_SHARE:
            result.append(pick(rng, sponsored))
        else:
            result.append(rng.choices(ordinary, cum_weights=cumulative)[0])
    return result


def _post_ids(rng: random.Random, published: list[datetime]) -> list[int]:
    """Six-digit unique ids drawn from the series of each article's period."""
    series_of: list[tuple[int, int]] = []
    for moment in published:
        for until, series in _ID_SERIES:
            if until is None or moment < until:
                series_of.append(pick(rng, series))
                break
    members: dict[tuple[int, int], list[int]] = {}
    for index, series in enumerate(series_of):
        members.setdefault(series, []).append(index)
    ids = [0] * len(published)
    for (low, high), indexes in sorted(members.items()):
        if len(indexes) > high - low:
            raise ValueError(f"too many articles for the id series {low}–{high}")
        drawn = sorted(rng.sample(range(low, high), len(indexes)))
        for j in range(len(drawn) - 1):  # a few out-of-order ids inside a series too
            if rng.random() < 0.1:
                drawn[j], drawn[j + 1] = drawn[j + 1], drawn[j]
        for index, post_id in zip(indexes, drawn, strict=True):
            ids[index] = post_id
    return ids


def _modification(rng: random.Random, published: datetime) -> datetime:
    """Most articles are never edited; some are fixed within hours, a few days later."""
    roll = rng.random()
    if roll < 0.6:
        return published
    if roll < 0.9:
        return published + timedelta(seconds=rng.randint(300, 6 * 3600))
    return published + timedelta(days=rng.randint(1, 20), seconds=rng.randint(0, 3600))


def _unique_headline(
    rng: random.Random, topic: str, published: datetime, taken: set[str]
) -> Headline:
    """A headline whose title no other article has (the site's titles differ; so must ours,
    or a test could not tell an article's own title from a listed neighbour's)."""
    family = family_for(topic)
    mentions = choose_mentions(rng, published, family.local)
    head = write_headline(rng, family, published, mentions)
    for _ in range(3):
        if head.title not in taken:
            return head
        head = write_headline(rng, family, published, mentions)
    part = 2
    while f"{head.title} (kỳ {part})" in taken:
        part += 1
    return replace(head, title=f"{head.title} (kỳ {part})")
