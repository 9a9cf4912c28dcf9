"""Markup every page of the platform's older "v3" theme shares: head, header and menu, the
``div.banner`` ad slots with their inline scripts, breadcrumbs, story cards, the sidebar and
the footer.

Modelled on tinnhanhchungkhoan.vn's real pages (``../shared/fixtures/real/tinnhanhchungkhoan_*``:
an article and a category listing): multi-line, unminified markup; ``cmsConfig`` without
``pageType``/``objectId``; ``adsWeb_*`` banners each with a ``CMS_BANNER.pushAds`` script. The
words are ours, and the paper's name is its profile's.
"""

from __future__ import annotations

from foundation import sites

from .chrome import PLACEHOLDER_GIF, absolute, attr, breadcrumb_ld, json_ld, text
from .site_index import Site
from .taxonomy import Category, categories, children, root_of, roots
from .timefmt import epoch, iso, visible


def site_name(site: Site) -> str:
    """The paper's name, as its profile gives it."""
    return sites.site(site.site_id).name


def banner(position: str, classes: str = "banner clearfix", platform: bool = True) -> str:
    """An ad slot: ``div.banner#adsWeb_<position>`` and the script that fills or hides it."""
    slot = f"Web_{position}"
    marks = ' data-platform="1"' if platform else ""
    return (
        f'<div id="adsWeb_{position}" class="{classes}"{marks} '
        f'data-position="{slot}">\n<script>\n'
        "window.addEventListener('load', function(){\n"
        f"if(typeof {slot} != 'undefined')"
        f"{{window.CMS_BANNER.pushAds({slot}, 'adsWeb_{position}');}}"
        f"else{{document.getElementById('adsWeb_{position}').style.display = \"none\";}}\n"
        "});\n</script>\n</div>"
    )


def middle_ad(number: int) -> str:
    """The n-th ad inside the body: ``div.ads_middle > div.banner.fyi#adsWeb_AdsArticleMiddle…``."""
    position = f"AdsArticleMiddle{number or ''}"
    return f'<div class="ads_middle">\n {banner(position, "banner fyi", False)}\n</div>'


def head_common(site: Site, base_url: str) -> str:
    """The meta block every page opens with, and the platform marker ``var cmsConfig``."""
    static = f"{base_url}/v3/web"
    return "\n".join(
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
            '<meta http-equiv="X-UA-Compatible" content="IE=edge"/>',
            '<meta http-equiv="content-language" content="vi" />',
            '<meta name="viewport" content="width=device-width, initial-scale=1" />',
            f'<link rel="shortcut icon" href="{static}/styles/img/favicon.ico" '
            'type="image/x-icon" />',
            f'<link rel="alternate" type="application/rss+xml" title="{attr(site_name(site))}" '
            f'href="{base_url}/rss/home.rss" />',
            "<script>\nvar cmsConfig = {",
            f"domainDesktop: '{base_url}',",
            f"domainMobile: '{base_url}',",
            f"domainApi: '{base_url}',",
            f"domainStatic: '{static}',",
            f"domainLog: '{base_url}',",
            "googleAnalytics: 'G-REPLICA',",
            "siteId: 0,",
            "adsLazy: true",
            "};\n</script>",
        )
    )


def organisation_ld(site: Site, base_url: str) -> str:
    return json_ld(
        {
            "@context": "http://schema.org",
            "@type": "Organization",
            "name": site_name(site),
            "url": base_url,
            "logo": f"{base_url}/v3/web/styles/img/logo.png",
        }
    )


def section_ld(base_url: str, cat: Category) -> str:
    """The v3 pages' WebSite block names the section, then the BreadcrumbList."""
    website = json_ld(
        {
            "@context": "http://schema.org",
            "@type": "WebSite",
            "name": cat.name,
            "url": base_url + cat.path,
        }
    )
    crumbs = breadcrumb_ld(base_url, cat)
    return f"{website}\n{crumbs}"


def _menu_item(base_url: str, cat: Category) -> str:
    link = f'<a href="{base_url}{cat.path}" title="{attr(cat.name)}">\n{text(cat.name)}\n</a>'
    subs = [categories()[s] for s in children(cat.topic_id)]
    if not subs:
        return f"<li>\n{link}\n</li>"
    items = "\n".join(
        f'<li>\n<a href="{base_url}{s.path}" title="{attr(s.name)}">\n{text(s.name)}\n</a>\n</li>'
        for s in subs
    )
    return f'<li>\n{link}\n <ul class="sub-menu">\n{items}\n </ul>\n</li>'


def site_header(site: Site, base_url: str) -> str:
    """``header.site-header``: the top banner, then ``nav.nav-wrap`` with the logo and menu."""
    menu = "\n".join(_menu_item(base_url, c) for c in roots())
    return "\n".join(
        (
            '<header class="site-header">',
            banner("AdsTopFull"),
            '<nav class="nav-wrap">\n<div class="container">\n<div class="nav">',
            '<div class="nav-left">\n<h1>',
            f'<a href="/" class="site-logo" title="{attr(site_name(site))}"></a>',
            "</h1>\n</div>",
            '<div class="nav-right">',
            '<ul class="box-top">\n<li>\n<span class="time" id="fulltime"></span>\n</li>',
            '<li><a href="#" class="social-item" rel="facebook" title="Chia sẻ Facebook">'
            '<i class="fab fa-facebook-f"></i></a></li>',
            '<li><a href="javascript:void(0);" class="switch-mobile" title="Phiên bản Mobile">'
            '<i class="fa fa-mobile"></i></a></li>\n</ul>',
            f'<ul class="box-bottom">\n{menu}\n</ul>',
            "</div>\n</div>\n</div>\n</nav>\n</header>",
        )
    )


def breadcrumbs(cat: Category, base_url: str, listing: bool = False) -> str:
    """``ul.breadcrumbs``: the top-level section, then its subsections (not the page's own
    path: tinnhanhchungkhoan lists the parent and every sibling). A listing's own top-level
    section is its ``h1``."""
    root = categories()[root_of(cat.topic_id)]
    link = f'<a href="{base_url}{root.path}" title="{attr(root.name)}">{text(root.name)}</a>'
    head = (
        f' <li class="main-cate is-active">\n<h1>{link}</h1>\n</li>'
        if listing and root.topic_id == cat.topic_id
        else f' <li class="main-cate">\n{link}\n</li>'
    )
    subs = "\n".join(
        f' <li class="cate">\n<a href="{base_url}{categories()[s].path}" '
        f'title="{attr(categories()[s].name)}">{text(categories()[s].name)}</a>\n</li>'
        for s in children(root.topic_id)
    )
    return f'<ul class="breadcrumbs ">\n{head}\n{subs}\n </ul>'


def story(
    site: Site,
    post_id: int,
    base_url: str,
    *,
    classes: str = "story ",
    with_thumb: bool = True,
    with_meta: bool = True,
    with_summary: bool = False,
    with_id: bool = False,
) -> str:
    """One ``article.story`` card listing another article (lazy thumbnail, heading, time)."""
    entry = site.entry(post_id)
    link, title = absolute(base_url, entry.path), attr(entry.title)
    parts = []
    if with_thumb:
        image = absolute(base_url, site.thumbnail(post_id))
        parts.append(
            '<figure class="story__thumb">\n'
            f'<a class="cms-link" href="{link}" title="{title}">\n'
            f' <img class="img-responsive lazyload" src="{PLACEHOLDER_GIF}" data-src="{image}" '
            f'alt="{title}">\n</a>\n</figure>'
        )
    parts.append(
        f'<h2 class="story__heading" data-tracking="{post_id}">\n'
        f'<a class="cms-link" href="{link}" title="{title}">\n{text(entry.title)}\n</a>\n</h2>'
    )
    if with_meta:
        moment = entry.published_at
        parts.append(
            f'<div class="story__meta">\n<time datetime="{iso(moment, False)}" '
            f'data-time="{epoch(moment)}">\n{visible(moment)}\n</time>\n</div>'
        )
    if with_summary:
        parts.append(f'<div class="story__summary">\n{text(site.sapo(post_id))}\n</div>')
    data_id = f' data-id="{post_id}"' if with_id else ""
    body = "\n".join(parts)
    return f'<article class="{classes}"{data_id}>\n{body}\n</article>'


def sidebar(
    site: Site,
    base_url: str,
    zone: int,
    latest: list[int],
    exclude: int | None,
    boxes: str = "",
) -> str:
    """``div.sub-column``: the search box, banners, ``boxes``, and the "Tin mới nhận" / "Tin
    đọc nhiều" tabs (``latest-news-<zone>``, ``mostread-news-<zone>``): other articles."""
    latest_cards = "\n".join(story(site, i, base_url, with_thumb=False) for i in latest)
    read_cards = "\n".join(
        story(site, i, base_url, with_thumb=False) for i in site.most_read(exclude)
    )
    return "\n".join(
        (
            '<div class="sub-column">',
            '<div id="sidebar-top-1"><div class="box-style-9 fyi-position">',
            '<div class="search-wrap">\n<button class="search-button btn_search">'
            '<i class="icons-search"></i></button>',
            '<input type="text" id="txtsearchbox" autocomplete="off" class="search-input" '
            'placeholder="Gõ từ khóa tìm kiếm...">\n</div>\n</div>',
            banner("AdsRight1"),
            banner("AdsRight2"),
            boxes,
            '<div class="tab-box fyi-position">\n<h3 class="box-heading panel-title">',
            '<a href="javascript:void(0);" class="is-active" data-target="tab-01">'
            "Tin mới nhận</a>\n<span>/</span>",
            '<a href="javascript:void(0);" class="" data-target="tab-02">Tin đọc nhiều</a>',
            '</h3>\n<div class="box-content panel-content">',
            f'<div class="panel is-active" id="tab-01" data-source="latest-news-{zone}">',
            f"{latest_cards}\n</div>",
            f'<div class="panel tabcontents" id="tab-02" data-source="mostread-news-{zone}">',
            f"{read_cards}\n</div>",
            "</div>\n</div>\n</div>",
            f'<div id="sidebar-sticky-1">\n{banner("AdsRightBottom")}</div>',
            "</div>",
        )
    )


def site_footer(site: Site) -> str:
    name = attr(site_name(site))
    return "\n".join(
        (
            '<footer class="site-footer" style="clear: both">',
            '<div class="container">\n<div class="row">\n<div class="col-7">',
            f'<div class="logo-zone">\n<a class="site-logo" href="/" title="{name}"></a>\n</div>',
            '<div class="footer-info">',
            "<p>Trang mô phỏng ngoại tuyến dùng cho kiểm thử; nội dung do chương trình tạo ra.</p>",
            "</div>\n</div>\n</div>\n</div>",
            '<div class="copy-right">\n<div class="container">\n<div class="row">\n'
            f'<div class="col-12">\n<p>® Ghi rõ nguồn “{name}” khi bạn phát hành lại thông tin '
            "từ website này.</p>\n</div>\n</div>\n</div>\n</div>",
            "</footer>",
        )
    )


def page(site: Site, base_url: str, head: str, wrapper_class: str, content: str) -> str:
    """A whole page: the head, then the wrapper with header, body, bottom banner and footer,
    then the floating banners."""
    body = "\n".join(
        (
            "<body >",
            f'<div class="wrapper {wrapper_class}"> ',
            site_header(site, base_url),
            '<div class="site-body"> \n<div class="container">\n<div class="row">',
            content,
            "</div>\n</div>",
            f'<div style="clear:both">\n{banner("AdsBottom")}\n</div>',
            '<button class="back-to-top"></button>\n</div>',
            site_footer(site),
            "</div>",
            banner("AdsInPage"),
            banner("AdsBalloon"),
            "<script>if (typeof CMS_BANNER != 'undefined') {CMS_BANNER.display();}</script>",
            "</body>",
        )
    )
    return f'\n <!DOCTYPE html>\n<html lang="vi">\n<head>\n{head}\n</head>\n{body}\n</html>\n'
