"""Phrase families with their own rules: world news names no place of the province
(``local=False``), sponsored content has no newsroom voice (``common=False``), and ``GENERAL``
is the plain text of sections with mixed content (multimedia, print issues, specials).
"""

from __future__ import annotations

from .family import Family

WORLD = Family(
    name="world",
    local=False,
    things=(
        "hợp tác kinh tế",
        "ứng phó biến đổi khí hậu",
        "an ninh lương thực",
        "thương mại toàn cầu",
        "chuyển đổi năng lượng",
        "hợp tác y tế",
    ),
    titles=(
        "{country} thúc đẩy {thing}",
        "{country} công bố kế hoạch mới về {thing}",
        "{country} và các đối tác tăng cường {thing}",
        "Hội nghị quốc tế về {thing} khai mạc tại {country}",
    ),
    sapos=(
        "Chính phủ {country} vừa công bố một loạt biện pháp nhằm thúc đẩy {thing} trong bối "
        "cảnh kinh tế thế giới còn nhiều biến động.",
        "Vấn đề {thing} tiếp tục là tâm điểm chú ý khi {country} đưa ra các cam kết mới.",
    ),
    sentences=(
        "Theo các chuyên gia, {thing} sẽ tiếp tục là ưu tiên hàng đầu trong những năm tới.",
        "Kế hoạch có tổng kinh phí khoảng {n} tỷ USD, được triển khai trong giai đoạn "
        "{year}-{year5}.",
        "Nhiều quốc gia trong khu vực bày tỏ sẵn sàng phối hợp để cùng ứng phó với các thách "
        "thức chung.",
        "Giới phân tích cho rằng cần có thêm thời gian để đánh giá tác động của các chính sách "
        "mới.",
        "Người phát ngôn cho biết các cuộc đàm phán sẽ tiếp tục trong những tuần tới.",
        "Số liệu mới nhất cho thấy tăng trưởng của {country} đạt {growth} trong quý vừa qua.",
    ),
    tags=("thế giới", "kinh tế thế giới", "ngoại giao"),
    captions=("Toàn cảnh phiên họp.", "Các đại biểu tham dự hội nghị."),
)

SPONSORED = Family(
    name="sponsored",
    common=False,
    things=(
        "sản phẩm nông sản sạch",
        "dịch vụ viễn thông",
        "chương trình khuyến mại",
        "dự án khu đô thị",
        "sản phẩm bảo hiểm",
    ),
    titles=(
        "Ra mắt {thing} mới tại {place}",
        "Ưu đãi hấp dẫn cho khách hàng sử dụng {thing} ở {place}",
        "{thing}: Lựa chọn tin cậy của người tiêu dùng {place}",
    ),
    sapos=(
        "Nhằm tri ân khách hàng, đơn vị triển khai {thing} với nhiều ưu đãi dành cho người "
        "tiêu dùng {place}.",
    ),
    sentences=(
        "Chương trình áp dụng từ ngày {day} đến hết tháng {month_next} cho tất cả khách hàng.",
        "Khách hàng tại {place} có thể liên hệ đường dây nóng để được tư vấn miễn phí.",
        "Điểm giao dịch mới tại {place} mở cửa tất cả các ngày trong tuần.",
        "Sản phẩm đã được cấp giấy chứng nhận chất lượng và nhận được nhiều phản hồi tích cực.",
        "Đơn vị cam kết mang đến trải nghiệm tốt nhất với mức giá cạnh tranh & dịch vụ chu đáo.",
    ),
    tags=("thông tin quảng cáo", "khuyến mại"),
)

GENERAL = Family(
    name="general",
    things=(
        "đời sống đồng bào vùng cao",
        "những đổi thay ở bản vùng cao",
        "hành trình về nguồn",
        "tình đoàn kết các dân tộc",
        "những tấm gương bình dị",
    ),
    titles=(
        "Ghi nhận về {thing} ở {place}",
        "Câu chuyện về {thing} tại {place}",
        "Góc nhìn: {thing} ở {place}",
    ),
    sapos=(
        "Ghi nhận của phóng viên về {thing} ở {place} cho thấy nhiều chuyển biến tích cực trong "
        "thời gian gần đây.",
    ),
    sentences=(
        "Con đường bê tông mới mở giúp việc đi lại, giao thương của người dân thuận lợi hơn.",
        "Nhiều gia đình đã xây được nhà mới, mua sắm thêm phương tiện phục vụ sản xuất.",
        "Những câu chuyện bình dị ấy góp phần lan tỏa tinh thần tương thân, tương ái.",
    ),
    tags=("vùng cao", "đời sống"),
)
