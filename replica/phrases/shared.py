"""Phrase pools any family draws from: the newsroom's common sentences, quotes, subheadings,
list intros and captions, title endings, foreign countries, and the names in quotes and bylines.
"""

from __future__ import annotations

#: Sentences any family that names places may use.
COMMON_SENTENCES = (
    "Theo {person}, kết quả trên là nhờ sự vào cuộc quyết liệt của cả hệ thống chính trị và sự "
    "đồng thuận của nhân dân.",
    "Bên cạnh những kết quả đạt được, vẫn còn một số khó khăn như địa bàn rộng, giao thông đi "
    "lại chưa thuận lợi.",
    "Thời gian tới, {place} sẽ tiếp tục rà soát, bổ sung các giải pháp phù hợp với điều kiện "
    "thực tế.",
    "Người dân đánh giá cao sự quan tâm, hỗ trợ kịp thời của chính quyền các cấp.",
    "Mục tiêu đến cuối năm {year} là hoàn thành {pct} các chỉ tiêu đề ra.",
    "Ngay sau hội nghị, các đơn vị đã triển khai thực hiện với tinh thần khẩn trương, trách nhiệm.",
    "Công tác phối hợp giữa các ngành, các cấp ngày càng chặt chẽ, hiệu quả hơn.",
    "Những kết quả bước đầu là động lực để {place} tiếp tục phấn đấu trong giai đoạn mới.",
)

#: One-paragraph quotes (the platform's articles often quote a local official).
QUOTES = (
    "“Chúng tôi xác định đây là nhiệm vụ quan trọng, phải làm thường xuyên, liên tục”, {person} "
    "cho biết.",
    "“Bà con ngày càng tin tưởng và tích cực tham gia”, {person} chia sẻ.",
    "“Thời gian tới, chúng tôi sẽ tiếp tục đồng hành cùng người dân”, {person} khẳng định.",
)

#: Subheadings (``<h2>`` in the body) any article may use: no places, no numbers.
SUBHEADINGS = (
    "Nhiều chuyển biến tích cực",
    "Khó khăn vẫn còn",
    "Giải pháp trong thời gian tới",
    "Phát huy vai trò của người dân",
    "Hướng tới mục tiêu bền vững",
    "Kết quả bước đầu",
    "Cần sự chung tay của cả cộng đồng",
    "Những con số ấn tượng",
    "Tạo động lực mới",
    "Nỗ lực vượt khó",
)

#: The short paragraph that introduces a bulleted list.
LIST_INTROS = ("Cụ thể:", "Trong đó:", "Một số kết quả nổi bật:", "Các nội dung chính gồm:")

#: Image captions any family that names places may use.
COMMON_CAPTIONS = (
    "Người dân {place} phấn khởi với kết quả đạt được.",
    "Các đại biểu tham quan mô hình tại {place}.",
    "Một góc {place} hôm nay.",
)

COUNTRIES = (
    "Trung Quốc",
    "Lào",
    "Nhật Bản",
    "Hàn Quốc",
    "Liên minh châu Âu",
    "Ấn Độ",
    "Australia",
    "Indonesia",
    "Thái Lan",
    "Brazil",
)

#: Endings that vary otherwise identical titles (the local ones only where places are named).
TITLE_ENDINGS = ("", "", "", " năm {year}", " thời gian tới", " trong giai đoạn mới")
LOCAL_TITLE_ENDINGS = (" từ cơ sở", " trong năm {year}")

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Lò", "Giàng", "Sùng", "Lý", "Hà")
GIVEN_MALE = ("Hùng", "Dũng", "Tuấn", "Minh", "Sơn", "Páo", "Chứ", "Quang", "Hải", "Thắng")
GIVEN_FEMALE = ("Hạnh", "Lan", "Mai", "Hương", "Thu", "Dung", "Sính", "Chi", "Hoa", "Nga")
ROLES = (
    "Bí thư Đảng ủy xã",
    "Chủ tịch UBND xã",
    "Trưởng phòng Kinh tế",
    "Giám đốc hợp tác xã",
    "Trưởng thôn",
    "cán bộ văn hóa xã",
)

#: Bylines as the site prints them: pen names, sometimes two reporters.
BYLINES = (
    "Anh Dũng",
    "Thu Trang",
    "Minh Đức",
    "Hồng Duyên",
    "Quang Huy",
    "Thanh Ba",
    "Lan Anh",
    "Tuấn Anh",
    "Ngọc Bích",
    "Văn Thông",
    "Hoàng Thu",
    "Mạnh Cường",
    "Bích Huệ",
    "Trọng Hải",
)
