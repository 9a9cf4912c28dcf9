"""Extraction on real pages of the platform, site by site (../shared/fixtures/real, see
PROVENANCE.md there): identity, times, sapo, body, author, tags, related blocks, images, hash.

Expected values were read off the pages by hand, not copied from the extractor's output.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from extraction import RELATED_HEADINGS, Article, extract_article
from tests.real_pages import BAOLAOCAI, NHANDAN, REAL, TIENPHONG, TNCK, extracted, raw

pytestmark = pytest.mark.fast

if not REAL.is_dir():
    pytest.skip(f"real fixtures not found at {REAL}", allow_module_level=True)

ICT = timezone(timedelta(hours=7))

EXPECTED = {
    BAOLAOCAI: dict(
        post_id=404649,
        url="https://baolaocai.vn/song-dep-tu-nhung-dieu-gian-di-post404649.html",
        title="Sống đẹp từ những điều giản dị",
        sapo=(
            "Không ồn ào, không phô trương thành tích, nhưng dấu ấn của Thiếu tá Đoàn Thị Hạnh"
            " - cán bộ Phòng Tham mưu Bộ Chỉ huy Quân sự tỉnh lại lặng lẽ khắc sâu trong đồng đội"
            " bằng những việc làm thiết thực."
        ),
        published_at=datetime(2025, 6, 17, 13, 43, 2, tzinfo=ICT),
        modified_at=datetime(2025, 6, 17, 13, 43, 2, tzinfo=ICT),
        author="Anh Dũng",
        tags=["Thiếu tá Đoàn Thị Hạnh"],
        category="review-lao-cai",
        category_name="Review Lào Cai",
        first_paragraph=(
            "Từ nhiệm vụ chuyên môn quân sự đến những buổi sinh hoạt hội phụ nữ, từ những sáng"
            " kiến kỹ thuật cấp Quân khu đến mô hình tiết kiệm nuôi ước mơ đến trường cho trẻ em"
            " nghèo, chị đã và đang viết nên một câu chuyện sống động về người phụ nữ quân đội"
            " thời kỳ mới: trí tuệ, bản lĩnh và đầy nhân ái."
        ),
        last_paragraph=(
            "Trong hàng ngũ phụ nữ quân đội, có những gương mặt rạng ngời giữa thao trường, có"
            " những dấu chân bền bỉ nơi biên cương, còn Thiếu tá Đoàn Thị Hạnh âm thầm ở hậu"
            " phương, lặng lẽ góp sức bằng những việc làm ý nghĩa."
        ),
        paragraphs=10,  # ten bare <div>s (PROVENANCE.md)
        # (block, count of distinct items, a few titles of other articles listed there)
        related={
            "suggest": (
                8,
                ["Nét duyên thầm của thiếu nữ Thái Mường Lò", "Thanh âm và sắc màu truyền thống"],
            ),
            "timeline": (
                20,
                [
                    "Khu Tưởng niệm Chủ tịch Hồ Chí Minh tại Nghĩa Lộ",
                    "Tìm hiểu di tích lịch sử văn hoá Căng và Đồn Nghĩa Lộ",
                ],
            ),
        },
        first_related=("suggest", 884948, "Nét duyên thầm của thiếu nữ Thái Mường Lò"),
        # page text that is not the article's
        junk=[
            "Tiếp nối hành trình khám phá Nghĩa Lộ",  # a timeline summary
            "Chia sẻ qua Twitter",
            "Từ khóa",
            "Đọc nhiều",
            "Tin địa phương",
        ],
        captions=[],
    ),
    NHANDAN: dict(
        post_id=976641,
        url="https://nhandan.vn/danh-bai-argentina-tay-ban-nha-vo-dich-world-cup-lan-thu-hai-post976641.html",
        title="Đánh bại Argentina, Tây Ban Nha vô địch World Cup lần thứ hai",
        sapo=(
            "Đội tuyển Tây Ban Nha đã trở thành tân vương của World Cup 2026 sau khi đánh bại"
            " Argentina 1-0 sau hiệp phụ trong trận chung kết diễn ra rạng sáng 20/7 (giờ Việt Nam)"
            ' trên sân New York New Jersey. Người hùng của "La Roja" là tiền đạo Ferran Torres với'
            " bàn thắng quyết định ở phút 106."
        ),
        published_at=datetime(2026, 7, 20, 6, 31, 56, tzinfo=ICT),
        modified_at=datetime(2026, 7, 20, 6, 31, 56, tzinfo=ICT),
        author="TP",
        tags=["World Cup", "World Cup 2026", "Đội tuyển Tây Ban Nha", "Đội tuyển Argentina"],
        category="tin-tuc-world-cup-2026",  # the active (deepest) breadcrumb level
        category_name="Tin tức",
        first_paragraph="Bàn thắng",  # the notebox (line-ups) opens the body and is kept
        second_paragraph="Tây Ban Nha: Ferran Torres (106')",
        real_first_paragraph=(  # inline a.cms-relate links keep their text
            "Đây là chức vô địch World Cup thứ hai trong lịch sử của bóng đá Tây Ban Nha, sau lần"
            " đăng quang tại Nam Phi năm 2010. Đáng chú ý, giống như cách đây 16 năm, đội bóng xứ"
            " sở bò tót cũng phải chờ đến hiệp phụ mới có thể khuất phục đối thủ trong trận"
            " chung kết."
        ),
        last_paragraph=(
            "Với bàn thắng quyết định mang về chức vô địch cho Tây Ban Nha, Ferran Torres được FIFA"
            " trao danh hiệu Cầu thủ xuất sắc nhất trận chung kết."
        ),
        related={
            "related": (
                4,
                [
                    "[Ảnh] Chung kết World Cup 2026: Cổ động viên Argentina biến New York thành sàn"
                    " diễn Tango",
                    "[Infographic] Đường vào chung kết World Cup 2026 của Tây Ban Nha và Argentina",
                    "Cuộc đối đầu giữa bản lĩnh và chiến thuật",
                    "Triết lý kiểm soát bóng làm nên thành công cho bóng đá Tây Ban Nha",
                ],
            ),
            "suggest": (
                28,
                [
                    "Saka tự hào gia nhập nhóm huyền thoại ghi hat-trick của tuyển Anh tại"
                    " World Cup",
                    "FIFA lần đầu trao nhẫn vô địch",
                ],
            ),
        },
        first_related=(  # page order: "Tin liên quan" comes before "Có thể bạn quan tâm"
            "related",
            976567,  # no data-id on these stories: the id comes from the URL
            "[Ảnh] Chung kết World Cup 2026: Cổ động viên Argentina biến New York thành sàn diễn"
            " Tango",
        ),
        junk=["Prefer Nhan Dan on Google", "Tin đọc nhiều", "Thời tiết", "Tỷ giá"],
        # the lead image sits above the body: its caption goes with the image, not the body
        captions=[
            "Cầu thủ vào sân thay người Ferran Torres ghi bàn ấn định chiến thắng cho Tây Ban Nha."
            " (Ảnh: FIFA)"
        ],
    ),
    TIENPHONG: dict(
        post_id=1874068,
        url="https://tienphong.vn/sieu-mau-noi-y-bi-mang-khap-mang-xa-hoi-post1874068.tpo",
        title="Siêu mẫu nội y bị mắng khắp mạng xã hội",
        sapo=(
            'TPO - Tỉnh Bách Nhiên vừa nổi tiếng với bộ phim ngôn tình "Đầu xuân tươi sáng", bạn'
            " gái anh là siêu mẫu Lưu Văn bị chỉ trích tạo ra nhiều ý kiến trái chiều."
        ),
        published_at=datetime(2026, 9, 6, 15, 33, 28, tzinfo=ICT),
        modified_at=datetime(2026, 9, 6, 14, 36, 46, tzinfo=ICT),  # earlier: kept as published
        author="Minh Vũ",
        tags=[
            "Lưu Văn",
            "siêu mẫu Lưu Văn",
            "Tỉnh Bách Nhiên",
            "Đầu xuân tươi sáng",
            "sao Hoa ngữ",
            "phim Trung Quốc",
        ],
        category="giai-tri",
        category_name="Giải trí",
        # photo-led: the nine figcaptions ARE the text
        first_paragraph=(
            "Trang QQ đưa tin dù không tham gia đóng phim, siêu mẫu Lưu Văn cũng trở thành tâm điểm"
            " được bàn luận khi tác phẩm Đầu xuân tươi sáng bùng nổ. Siêu mẫu nội y bị chỉ trích vì"
            ' đã "thả tim" bức hình bạn trai Tỉnh Bách Nhiên. Loạt hình ảnh được Tỉnh Bách Nhiên'
            " đăng trên trang mạng quốc tế Instagram."
        ),
        last_paragraph=(
            "Xét về độ nổi tiếng quốc tế và vị thế nghề nghiệp, Lưu Văn bỏ xa Tỉnh Bách Nhiên."
            " Cô có hơn 5,8 triệu người theo dõi trên Instagram, còn nam diễn viên chỉ đạt khoảng"
            " một triệu. Từ năm 2013, Lưu Văn liên tục có tên trong Top 10 người mẫu đắt giá nhất"
            " thế giới do tạp chí Forbes công bố."
        ),
        paragraphs=9,
        related={
            # five div.article-relate boxes inside the body + the "Xem thêm" block: same 5 items
            "related": (
                5,
                [
                    "7 ngôi sao khiến nhà đầu tư mạnh tay xuống tiền",
                    "'Tiểu thư ngậm thìa vàng' đang khuấy đảo toàn cầu",
                    "'Cứu vớt giới tổng tài' Trung Quốc",
                    "'Gầy trơ xương, miệng đầy răng sứ' - thẩm mỹ méo mó trong ngành giải trí Trung"
                    " Quốc",
                    "Lee Byung Hun và vợ chiếm trọn chú ý giữa dàn sao quyền lực",
                ],
            ),
            "more": (9, ["3 ca sĩ lên tiếng khi bị loại thẳng tay"]),
        },
        first_related=("related", 1873740, "7 ngôi sao khiến nhà đầu tư mạnh tay xuống tiền"),
        junk=["copy link", "Lưu tin", "Trở về", "luu-van18.jpg"],
        captions=[],
    ),
    TNCK: dict(
        post_id=397051,
        # the canonical link, not og:url's short /post-397051.html
        url=(
            "https://www.tinnhanhchungkhoan.vn/thai-nguyen-du-an-1100-ty-dong-dang-do-sau-4-nam"
            "-229-ho-dan-van-cho-chi-tra-boi-thuong-post397051.html"
        ),
        title=(
            "Thái Nguyên: Dự án 1.100 tỷ đồng dang dở sau 4 năm, 229 hộ dân vẫn chờ chi trả bồi"
            " thường"
        ),
        sapo=(
            "Được chấp thuận đầu tư 4 năm trước, từng được kỳ vọng hoàn thành vào cuối năm 2026,"
            " nhưng đến nay dự án Khu đô thị Thành Nam (phường Quyết Thắng, Thái Nguyên) vẫn chưa"
            " thể chi trả kinh phí bồi thường, hỗ trợ, tái định cư cho 229 hộ dân."
        ),
        published_at=datetime(2026, 9, 5, 9, 18, 48, tzinfo=ICT),
        modified_at=datetime(2026, 9, 5, 20, 39, 34, tzinfo=ICT),
        author="Anh Hoa",
        tags=[
            "BV Land",
            "Hừng Đông",
            "Diamond Hill Thái Nguyên",
            "Hừng Đông Group",
            "BVL",
            "Khu đô thị Thành Nam",
        ],
        category="quy-hoach",  # JSON-LD BreadcrumbList; ul.breadcrumbs lists sibling sections
        category_name="Quy hoạch",
        # the lead image's p.imgdesc caption is inside the body
        first_paragraph=(
            "Hiện trạng khu đất nằm trong quy hoạch dự án vẫn chỉ là ruộng đồng. Ảnh: Phóng viên"
        ),
        real_first_paragraph=(
            "Theo văn bản số 04/2026/CV-HĐ do Công ty CP Tập đoàn Hừng Đông (nhà đầu tư dự án) gửi"
            " Chi nhánh Trung tâm phát triển quỹ đất khu vực I ngày 26/6/2026, đơn vị bồi thường đã"
            " thống kê, kiểm đếm được 31,3 ha trên tổng số 37,67 ha đất dự án, tương ứng 229 hộ"
            " dân, trong đó có 160 hộ đất ở với diện tích khoảng 3,46 ha."
        ),
        last_paragraph=(
            "Tuy nhiên, văn bản gửi Chi nhánh Trung tâm phát triển quỹ đất khu vực I được ký bởi"
            " ông Nguyễn Đức Minh với chức danh Tổng Giám đốc, cho thấy hiện nay ông Nguyễn Hoài"
            " Phú đã không còn là lãnh đạo tại Hừng Đông."
        ),
        # PROVENANCE.md: the body text collapses to exactly 4,371 characters
        collapsed_length=4371,
        related={
            "related": (
                3,
                [
                    "Thái Nguyên “mở đại công trường” nhà ở xã hội, mục tiêu 60.000 căn đến năm"
                    " 2030",
                    "Thái Nguyên tìm nhà đầu tư cho khu đô thị 3.800 tỷ đồng",
                ],
            ),
            "more": (
                6,
                ["TP.HCM tập trung rà soát, xử lý tình trạng quy hoạch không khả thi"],
            ),
        },
        first_related=(
            "related",
            392541,
            "Thái Nguyên “mở đại công trường” nhà ở xã hội, mục tiêu 60.000 căn đến năm 2030",
        ),
        junk=["pushAds", "CMS_BANNER", "addEventListener", "Nam miền Bắc", "In bài", "Tác giả"],
        captions=[
            "Hiện trạng khu đất nằm trong quy hoạch dự án vẫn chỉ là ruộng đồng. Ảnh: Phóng viên"
        ],
    ),
}

#: Text of ads, share bars and the site chrome: never in any body.
CHROME = ["fb yt zl", "Theo dõi Báo Lào Cai", "Google News", "sdaWeb", "adsWeb", "rennab", "<"]


@pytest.fixture(params=list(EXPECTED), ids=lambda name: name.split("_")[0])
def case(request: pytest.FixtureRequest) -> tuple[Article, dict]:
    return extracted(request.param), EXPECTED[request.param]


def test_identity_and_title(case):
    article, exp = case
    assert article.post_id == exp["post_id"]
    assert article.url == exp["url"]
    assert article.title == exp["title"]
    assert article.method == "platform"


def test_times_are_exact_and_aware(case):
    article, exp = case
    for field in ("published_at", "modified_at"):
        value = getattr(article, field)
        assert value == exp[field]
        assert value.utcoffset() == timedelta(hours=7)


def test_sapo(case):
    article, exp = case
    assert article.sapo == exp["sapo"]
    assert article.sapo not in article.body


def test_body_first_and_last_paragraph(case):
    article, exp = case
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0] == exp["first_paragraph"]
    assert paragraphs[-1] == exp["last_paragraph"]
    if "second_paragraph" in exp:
        assert paragraphs[1] == exp["second_paragraph"]
    if "real_first_paragraph" in exp:
        assert exp["real_first_paragraph"] in paragraphs
    if "paragraphs" in exp:
        assert len(paragraphs) == exp["paragraphs"]
    if "collapsed_length" in exp:
        assert len(" ".join(article.body.split())) == exp["collapsed_length"]
    assert all(p.strip() == p and p for p in paragraphs)


def test_body_has_no_related_blocks(case):
    article, exp = case
    for heading in RELATED_HEADINGS:
        assert heading.casefold() not in article.body.casefold(), heading
    for _count, titles in exp["related"].values():
        for title in titles:
            assert title not in article.body, title
    # and every title the extractor found in the related blocks
    for item in article.related:
        assert item.title not in article.body, item.title


def test_body_has_no_chrome_ads_or_byline(case):
    article, exp = case
    for text in CHROME + exp["junk"]:
        assert text not in article.body, text
    assert article.author
    assert article.author not in article.body.split("\n\n")
    assert not article.body.rstrip().endswith(article.author)


def test_author(case):
    article, exp = case
    assert article.author == exp["author"]


def test_baolaocai_byline_is_not_in_the_body():
    assert "Anh Dũng" not in extracted(BAOLAOCAI).body


def test_tags_and_category(case):
    article, exp = case
    assert article.tags == exp["tags"]
    assert article.category == exp["category"]
    assert article.category_name == exp["category_name"]


def test_related_blocks(case):
    article, exp = case
    blocks = {item.block for item in article.related}
    assert blocks == set(exp["related"])
    for block, (count, titles) in exp["related"].items():
        listed = [item for item in article.related if item.block == block]
        assert len(listed) == count, block
        assert set(titles) <= {item.title for item in listed}, block
        assert all(item.post_id and item.url.startswith("https://") for item in listed)
    block, post_id, title = exp["first_related"]
    first = article.related[0]
    assert (first.block, first.post_id, first.title) == (block, post_id, title)


def test_captions(case):
    article, exp = case
    captions = [image.caption for image in article.images]
    for caption in exp["captions"]:
        assert caption in captions
    assert all(not image.url.startswith("data:") for image in article.images)


def test_tienphong_body_is_its_figcaptions():
    article = extracted(TIENPHONG)
    # 9 div.layout-image-2 blocks, 2 lazy images each (data-src, not the data: GIF)
    assert len(article.images) == 18
    assert article.images[0].url == (
        "https://cdn.tienphong.vn/images/bHf8WHaaBy0A3KLmhYiRU6mY7C2wywe5O3Vfumd5tCy4QfqG1sgaKl2"
        "qIVVk5OgR/luu-van18.jpg.avif"
    )
    # the two images of a block share its figcaption, which is also a body paragraph
    assert article.images[0].caption == article.images[1].caption
    assert article.images[0].caption == article.body.split("\n\n")[0]
    assert {image.caption for image in article.images} == set(article.body.split("\n\n"))


def test_baolaocai_lead_image_from_og_image():
    article = extracted(BAOLAOCAI)
    assert [image.url for image in article.images] == [
        "https://cdn.baolaocai.vn/images/463974ce6d97d8cb8df387bbe715721ba6ba781cbf2a6a2809bdde69b0c"
        "bec05fc6084570ed3cd3a994af81b2c9ac87753f6e28aecc261efb261caf1f0e1c402/351860_song-dep.jpg.webp"
    ]


def test_content_hash_is_stable_and_text_sensitive():
    article = extracted(BAOLAOCAI)
    assert len(article.content_hash) == 64
    assert extract_article(raw(BAOLAOCAI)).content_hash == article.content_hash
    edited = raw(BAOLAOCAI).replace("298 sáng kiến".encode(), "299 sáng kiến".encode())
    assert extract_article(edited).content_hash != article.content_hash
