"""Our own Vietnamese sentence templates, grouped by kind of news (data only, no logic).

Nothing here is copied from the site: these are generic newsroom phrasings written for the
replica. Slots are filled by ``replica.text``:

- ``{place}`` a unit as written ("xã Bát Xát"); only in families that name places
- ``{thing}`` the article's subject, one of the family's ``things``
- ``{country}`` a foreign country (world news)
- ``{person}`` "ông/bà <full name>, <role>"; ``{visitor}`` a bare full name
- numbers: ``{n}`` 2–30, ``{n2}`` 40–75, ``{n3}`` 100–999, ``{big}`` 1.000–95.000,
  ``{pct}`` "87,5%", ``{growth}`` "3,2%", ``{money}`` "12,5 tỷ đồng",
  ``{money_small}`` "150 triệu đồng", ``{wage}`` "7 triệu đồng", ``{ha}`` "350 ha"
- dates of the article: ``{day}`` "17/6", ``{month}``, ``{month_next}``, ``{year}``,
  ``{year_next}``, ``{year5}``, ``{school_year}`` "2025-2026"

A template that contains ``{place}`` is only used when the article names at least one place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    """Templates for one kind of news."""

    name: str
    things: tuple[str, ...]
    titles: tuple[str, ...]
    sapos: tuple[str, ...]
    sentences: tuple[str, ...]
    tags: tuple[str, ...]
    captions: tuple[str, ...] = ()
    local: bool = True  # False: the text names no place of the province
    common: bool = True  # also draw from COMMON_SENTENCES and QUOTES (newsroom voice)


POLITICS = Family(
    name="politics",
    things=(
        "công tác xây dựng Đảng",
        "công tác dân vận khéo",
        "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "nhiệm vụ quốc phòng địa phương",
        "công tác phát triển đảng viên",
        "công tác tuyển quân",
        "phong trào thi đua yêu nước",
        "công tác kiểm tra, giám sát",
        "công tác đối ngoại nhân dân",
        "xây dựng thế trận lòng dân",
    ),
    titles=(
        "Đẩy mạnh {thing} tại {place}",
        "{place} nâng cao hiệu quả {thing}",
        "Sơ kết {thing} ở {place}",
        "Nhiều cách làm sáng tạo trong {thing} tại {place}",
        "{place} tập trung thực hiện {thing}",
        "Kiểm tra {thing} tại {place}",
        "Chuyển biến tích cực trong {thing} ở {place}",
    ),
    sapos=(
        "Thời gian qua, {place} đã triển khai đồng bộ nhiều giải pháp trong {thing}, góp phần "
        "củng cố niềm tin của nhân dân với cấp ủy, chính quyền.",
        "Với phương châm sát dân, gần dân, {place} từng bước đưa {thing} đi vào chiều sâu, tạo "
        "chuyển biến rõ nét ở cơ sở.",
        "Sáng {day}, {place} tổ chức hội nghị đánh giá kết quả {thing} và triển khai nhiệm vụ "
        "thời gian tới.",
    ),
    sentences=(
        "Ngay từ đầu năm, {place} đã ban hành kế hoạch cụ thể, phân công rõ người, rõ việc, rõ "
        "thời gian hoàn thành.",
        "Đến nay, toàn đơn vị có {n} mô hình, cách làm hay được nhân rộng, thu hút hàng nghìn "
        "lượt người tham gia.",
        "Công tác tuyên truyền được đổi mới theo hướng ngắn gọn, dễ hiểu, gắn với đời sống hằng "
        "ngày của người dân.",
        "Cấp ủy các cấp thường xuyên kiểm tra, đôn đốc, kịp thời tháo gỡ khó khăn, vướng mắc "
        "phát sinh ở cơ sở.",
        "Trong năm {year}, {place} phấn đấu kết nạp {n} đảng viên mới, trong đó ưu tiên đoàn "
        "viên thanh niên ưu tú.",
        "Nhiều chi bộ đã đưa nội dung {thing} vào sinh hoạt định kỳ, tạo sự thống nhất trong "
        "nhận thức và hành động.",
        "Lực lượng vũ trang {place} duy trì nghiêm chế độ trực sẵn sàng chiến đấu, phối hợp chặt "
        "chẽ với các lực lượng trên địa bàn.",
        "Qua đó, vai trò nêu gương của cán bộ, đảng viên, nhất là người đứng đầu, được phát huy "
        "rõ nét.",
        "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt {pct}, tăng so với cùng kỳ năm "
        "trước.",
        "Hội nghị cũng chỉ ra một số hạn chế cần khắc phục như việc cụ thể hóa nghị quyết ở một "
        "số nơi còn chậm.",
    ),
    tags=("xây dựng Đảng", "dân vận", "quốc phòng", "học tập và làm theo Bác", "đảng viên"),
    captions=("Quang cảnh hội nghị.", "Các đại biểu biểu quyết thông qua nghị quyết."),
)

ECONOMY = Family(
    name="economy",
    things=(
        "sản xuất kinh doanh",
        "thu hút đầu tư",
        "phát triển sản phẩm OCOP",
        "giải ngân vốn đầu tư công",
        "xúc tiến thương mại",
        "phát triển hạ tầng giao thông",
        "phát triển doanh nghiệp",
        "thu ngân sách",
        "bình ổn thị trường",
        "phát triển công nghiệp chế biến",
    ),
    titles=(
        "{place} đẩy nhanh {thing}",
        "Tháo gỡ khó khăn trong {thing} tại {place}",
        "Tín hiệu vui từ {thing} ở {place}",
        "Giải pháp thúc đẩy {thing} tại {place}",
        "{place} phấn đấu hoàn thành mục tiêu {thing}",
        "Nhiều dự án mới trong {thing} tại {place}",
    ),
    sapos=(
        "Năm {year}, {place} đặt mục tiêu tăng trưởng cao hơn, trong đó {thing} được xác định là "
        "một trong những nhiệm vụ trọng tâm.",
        "Bằng nhiều giải pháp linh hoạt, {place} đang từng bước tháo gỡ điểm nghẽn trong "
        "{thing}, tạo động lực cho phát triển kinh tế - xã hội.",
    ),
    sentences=(
        "Tính đến hết tháng {month}, tổng giá trị thực hiện ước đạt {money}, bằng {pct} kế "
        "hoạch năm.",
        "Toàn {place} hiện có {n} doanh nghiệp, hợp tác xã đang hoạt động, giải quyết việc làm "
        "cho hàng nghìn lao động.",
        "Các sở, ngành chức năng đã phối hợp rà soát, tháo gỡ vướng mắc về mặt bằng, thủ tục "
        "cho nhà đầu tư.",
        "Nhiều sản phẩm đặc trưng của địa phương đã có mặt tại các siêu thị, sàn thương mại "
        "điện tử trong nước.",
        "Giá cả các mặt hàng thiết yếu trên thị trường cơ bản ổn định, nguồn cung dồi dào.",
        "Dự án có tổng mức đầu tư {money}, dự kiến hoàn thành trong năm {year_next}.",
        "Theo đại diện {place}, khó khăn lớn nhất hiện nay là nguồn vốn và chất lượng nguồn "
        "nhân lực.",
        "Thời gian tới, địa phương tiếp tục cải thiện môi trường đầu tư, kinh doanh, đồng hành "
        "cùng doanh nghiệp.",
        "Kim ngạch xuất nhập khẩu qua các cửa khẩu trên địa bàn tăng {pct} so với cùng kỳ.",
        "Hiện {place} có {n} sản phẩm đạt chứng nhận OCOP từ 3 sao trở lên.",
    ),
    tags=("OCOP", "đầu tư công", "doanh nghiệp", "thương mại", "xuất nhập khẩu"),
    captions=("Công nhân làm việc tại nhà máy.", "Sản phẩm được trưng bày tại hội chợ."),
)

AGRICULTURE = Family(
    name="agriculture",
    things=(
        "xây dựng nông thôn mới",
        "phát triển vùng chè hàng hóa",
        "trồng quế",
        "chăn nuôi đại gia súc",
        "trồng rừng sản xuất",
        "chuyển đổi cơ cấu cây trồng",
        "sản xuất lúa vụ xuân",
        "phòng chống dịch bệnh cho đàn gia súc",
        "phát triển cây ăn quả ôn đới",
    ),
    titles=(
        "Hiệu quả từ {thing} ở {place}",
        "Nông dân {place} hào hứng với {thing}",
        "Đẩy mạnh {thing} tại {place}",
        "{place}: Chuyển biến mới trong {thing}",
        "Hướng đi bền vững cho {thing} ở {place}",
    ),
    sapos=(
        "Những năm gần đây, {thing} đã giúp nhiều hộ dân {place} có thu nhập ổn định, từng "
        "bước vươn lên thoát nghèo.",
        "Xác định {thing} là hướng đi phù hợp, {place} đã tập trung chỉ đạo, hỗ trợ người dân "
        "mở rộng sản xuất.",
    ),
    sentences=(
        "Năm nay, bà con {place} đã trồng mới {ha} chè, quế và cây ăn quả các loại.",
        "Nhờ áp dụng tiến bộ khoa học kỹ thuật, năng suất bình quân đạt {n2} tạ/ha, cao hơn năm "
        "trước.",
        "Nhiều hộ gia đình đã có thu nhập từ {money_small} mỗi năm, vươn lên thoát nghèo bền vững.",
        "Cán bộ khuyến nông thường xuyên xuống thôn, bản hướng dẫn người dân chăm sóc cây trồng, "
        "vật nuôi.",
        "Đến nay, {place} đã có {n} thôn đạt chuẩn nông thôn mới kiểu mẫu.",
        "Tổng đàn gia súc trên địa bàn hiện đạt {big} con, tăng so với cùng kỳ năm trước.",
        "Thời tiết rét đậm, rét hại kéo dài là thách thức lớn đối với sản xuất nông nghiệp vùng "
        "cao.",
        "Người dân được hỗ trợ giống, phân bón và kỹ thuật để mở rộng sản xuất theo chuỗi giá trị.",
    ),
    tags=("nông thôn mới", "chè", "quế", "chăn nuôi", "nông nghiệp"),
    captions=("Người dân chăm sóc vườn chè.", "Thu hoạch lúa trên ruộng bậc thang."),
)

SOCIETY = Family(
    name="society",
    things=(
        "chăm sóc sức khỏe nhân dân",
        "giáo dục vùng cao",
        "giải quyết việc làm cho lao động nông thôn",
        "cải cách thủ tục hành chính",
        "thực hiện chính sách an sinh xã hội",
        "xóa nhà tạm, nhà dột nát",
        "bảo hiểm y tế toàn dân",
        "đào tạo nghề cho thanh niên",
        "chăm lo cho học sinh nghèo",
    ),
    titles=(
        "Nỗ lực trong {thing} ở {place}",
        "{place}: Kết quả tích cực trong {thing}",
        "Lan tỏa hiệu quả {thing} tại {place}",
        "Ưu tiên nguồn lực cho {thing} ở {place}",
        "Gỡ khó trong {thing} tại {place}",
    ),
    sapos=(
        "Thời gian qua, {place} đã dành nhiều nguồn lực cho {thing}, qua đó góp phần nâng cao "
        "đời sống vật chất, tinh thần của người dân.",
        "Dù còn nhiều khó khăn, {thing} ở {place} đã có những chuyển biến rõ rệt, được người "
        "dân đồng tình, ủng hộ.",
    ),
    sentences=(
        "Trong năm học {school_year}, toàn {place} có {big} học sinh các cấp.",
        "Trạm y tế đã khám, chữa bệnh cho hơn {big} lượt người, trong đó có nhiều người cao tuổi "
        "và trẻ em.",
        "Từ đầu năm đến nay, {place} đã hỗ trợ xóa {n} nhà tạm, nhà dột nát cho hộ nghèo, hộ cận "
        "nghèo.",
        "Tỷ lệ người dân tham gia bảo hiểm y tế đạt {pct}, vượt chỉ tiêu được giao.",
        "Bộ phận một cửa đã tiếp nhận và giải quyết {big} hồ sơ, tỷ lệ đúng hạn đạt {pct}.",
        "Nhiều lao động sau khi học nghề đã có việc làm ổn định với thu nhập từ {wage} mỗi tháng.",
        "Các thầy cô giáo vượt khó bám trường, bám lớp, vận động học sinh đến trường đầy đủ.",
        "Phiên giao dịch việc làm thu hút {n} doanh nghiệp tham gia tuyển dụng với hàng nghìn vị "
        "trí.",
        "Công tác chăm lo Tết cho các gia đình chính sách, hộ có hoàn cảnh khó khăn được triển "
        "khai chu đáo.",
    ),
    tags=("giáo dục", "y tế", "an sinh xã hội", "việc làm", "cải cách hành chính"),
    captions=("Học sinh trong giờ học.", "Cán bộ y tế khám bệnh cho người dân."),
)

CULTURE = Family(
    name="culture",
    things=(
        "bảo tồn văn hóa truyền thống",
        "lễ hội xuống đồng",
        "nghề dệt thổ cẩm",
        "hát then, đàn tính",
        "múa xòe",
        "nghề rèn truyền thống",
        "phong trào văn nghệ quần chúng",
        "bảo tồn di tích lịch sử",
        "nghệ thuật khèn Mông",
    ),
    titles=(
        "Giữ hồn {thing} ở {place}",
        "Đặc sắc {thing} tại {place}",
        "Người giữ lửa {thing} ở {place}",
        "{place} khôi phục {thing}",
        "Sức sống mới của {thing} tại {place}",
    ),
    sapos=(
        "Giữa nhịp sống hiện đại, {thing} ở {place} vẫn được đồng bào gìn giữ như một phần "
        "không thể thiếu của đời sống.",
        "Không chỉ là sinh hoạt văn hóa, {thing} còn là sợi dây gắn kết cộng đồng các dân tộc "
        "ở {place}.",
    ),
    sentences=(
        "Những người cao tuổi trong bản vẫn miệt mài truyền dạy cho thế hệ trẻ từ những điều "
        "giản dị nhất.",
        "Mỗi dịp lễ, Tết, tiếng khèn, tiếng trống lại vang lên khắp các bản làng.",
        "Hiện {place} có {n} câu lạc bộ văn hóa dân gian duy trì sinh hoạt thường xuyên.",
        "Lễ hội năm nay thu hút hàng nghìn người dân và du khách đến tham quan, trải nghiệm.",
        "Theo nghệ nhân {visitor}, cái khó nhất là giữ được nét nguyên bản trong từng điệu múa, "
        "câu hát.",
        "Nhiều sản phẩm thủ công đã trở thành quà tặng được du khách ưa chuộng.",
        "Chính quyền địa phương đã hỗ trợ kinh phí mua sắm trang phục, nhạc cụ cho các đội văn "
        "nghệ.",
    ),
    tags=("văn hóa dân tộc", "lễ hội", "nghệ nhân", "di sản"),
    captions=("Màn trình diễn tại lễ hội.", "Nghệ nhân truyền dạy cho thế hệ trẻ."),
)

TOURISM = Family(
    name="tourism",
    things=(
        "du lịch cộng đồng",
        "du lịch nông nghiệp",
        "mùa lúa chín",
        "săn mây",
        "homestay",
        "ẩm thực vùng cao",
        "du lịch trải nghiệm",
        "đón khách dịp cao điểm",
    ),
    titles=(
        "Hấp dẫn {thing} ở {place}",
        "Trải nghiệm {thing} tại {place}",
        "Khám phá {thing} ở {place}",
        "{place} hút khách nhờ {thing}",
        "Đánh thức tiềm năng {thing} tại {place}",
    ),
    sapos=(
        "Với cảnh quan thiên nhiên hùng vĩ và bản sắc văn hóa đặc sắc, {place} đang trở thành "
        "điểm đến hấp dẫn nhờ {thing}.",
        "Những năm gần đây, {thing} đã mở ra hướng đi mới, giúp người dân {place} tăng thu nhập "
        "ngay trên quê hương mình.",
    ),
    sentences=(
        "Từ đầu năm đến nay, {place} đón hơn {big} lượt khách, doanh thu ước đạt {money}.",
        "Những thửa ruộng bậc thang uốn lượn quanh sườn đồi tạo nên khung cảnh tuyệt đẹp.",
        "Nhiều hộ dân đã mạnh dạn cải tạo nhà ở để làm homestay, đón khách lưu trú.",
        "Du khách có thể tham gia gặt lúa, nấu cơm lam, thưởng thức các món ăn truyền thống của "
        "đồng bào.",
        "Dịp cuối tuần, lượng khách đến tham quan tăng mạnh, nhiều cơ sở lưu trú kín phòng.",
        "Địa phương đang đầu tư nâng cấp đường giao thông, bãi đỗ xe và biển chỉ dẫn tại các "
        "điểm đến.",
        "Chị {visitor}, một du khách đến từ Hà Nội, cho biết rất ấn tượng với sự thân thiện của "
        "người dân.",
    ),
    tags=("du lịch", "homestay", "ruộng bậc thang", "du lịch cộng đồng"),
    captions=("Du khách check-in tại điểm ngắm cảnh.", "Ruộng bậc thang mùa nước đổ."),
)

LAW = Family(
    name="law",
    things=(
        "phòng, chống tội phạm ma túy",
        "bảo đảm trật tự an toàn giao thông",
        "phòng, chống buôn lậu",
        "phổ biến, giáo dục pháp luật",
        "phòng, chống lừa đảo qua mạng",
        "giải quyết đơn thư",
        "xử lý vi phạm về khai thác khoáng sản",
    ),
    titles=(
        "Tăng cường {thing} tại {place}",
        "Cao điểm {thing} ở {place}",
        "Chủ động {thing} trên địa bàn {place}",
        "{place} siết chặt {thing}",
    ),
    sapos=(
        "Trước diễn biến phức tạp của tình hình, lực lượng chức năng {place} đã triển khai đồng "
        "bộ nhiều giải pháp trong {thing}.",
        "Thời gian qua, {thing} trên địa bàn {place} đạt nhiều kết quả, góp phần giữ vững an "
        "ninh trật tự.",
    ),
    sentences=(
        "Lực lượng công an đã phát hiện, bắt giữ {n} vụ việc, thu giữ nhiều tang vật liên quan.",
        "Tổ công tác đã kiểm tra {big} phương tiện, lập biên bản xử lý {n} trường hợp vi phạm.",
        "Qua tuyên truyền, người dân nâng cao ý thức chấp hành pháp luật, chủ động tố giác tội "
        "phạm.",
        "Cơ quan chức năng khuyến cáo người dân không cung cấp thông tin cá nhân cho người lạ qua "
        "điện thoại.",
        "Vụ việc đang được cơ quan điều tra tiếp tục làm rõ để xử lý theo quy định của pháp luật.",
        "So với cùng kỳ, số vụ tai nạn giao thông giảm {n} vụ, số người bị thương giảm đáng kể.",
    ),
    tags=("ma túy", "an toàn giao thông", "lừa đảo", "buôn lậu"),
    captions=("Lực lượng chức năng làm nhiệm vụ.", "Tang vật thu giữ trong vụ án."),
)

SPORT = Family(
    name="sport",
    things=(
        "giải bóng đá thanh niên",
        "giải việt dã",
        "hội thao các dân tộc",
        "giải bóng chuyền hơi",
        "đại hội thể dục thể thao",
        "giải chạy qua những cung đường đẹp",
    ),
    titles=(
        "Sôi nổi {thing} tại {place}",
        "{place} tổ chức {thing}",
        "Bế mạc {thing} ở {place}",
        "Khai mạc {thing} tại {place}",
    ),
    sapos=(
        "Sáng {day}, {place} long trọng tổ chức {thing}, thu hút đông đảo vận động viên và người "
        "dân tham gia.",
    ),
    sentences=(
        "Giải thu hút {n} đội với hơn {n3} vận động viên tham gia tranh tài.",
        "Các trận đấu diễn ra hấp dẫn, kịch tính trong sự cổ vũ nhiệt tình của đông đảo người dân.",
        "Ban tổ chức đã trao giải nhất, nhì, ba cho các đội xuất sắc.",
        "Đây là dịp để các vận động viên giao lưu, học hỏi, nâng cao thành tích.",
        "Phong trào rèn luyện thân thể theo gương Bác Hồ vĩ đại ngày càng lan tỏa ở cơ sở.",
    ),
    tags=("thể thao", "bóng đá", "việt dã"),
    captions=("Các vận động viên tranh tài.", "Ban tổ chức trao giải cho các đội."),
)

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

DIGITAL = Family(
    name="digital",
    things=(
        "chuyển đổi số",
        "thanh toán không dùng tiền mặt",
        "dịch vụ công trực tuyến",
        "thực hiện Đề án 06",
        "kỹ năng số cho người dân",
        "ứng dụng nền tảng số trong sản xuất",
    ),
    titles=(
        "{place} đẩy mạnh {thing}",
        "Tổ công nghệ số cộng đồng hỗ trợ {thing} ở {place}",
        "Hiệu quả {thing} tại {place}",
        "Đưa {thing} đến với người dân {place}",
    ),
    sapos=(
        "Xác định {thing} là nhiệm vụ đột phá, {place} đã triển khai nhiều cách làm phù hợp với "
        "điều kiện vùng cao.",
    ),
    sentences=(
        "Đến nay, tỷ lệ hồ sơ được xử lý trực tuyến toàn trình đạt {pct}.",
        "Các tổ công nghệ số cộng đồng đã đến từng nhà hướng dẫn người dân cài đặt, sử dụng ứng "
        "dụng.",
        "Nhiều tiểu thương tại chợ đã sử dụng mã QR để thanh toán, thuận tiện cho người mua hàng.",
        "Hạ tầng viễn thông được đầu tư mở rộng, {n} thôn, bản vùng sâu đã có sóng di động.",
        "Theo {person}, chuyển đổi số không chỉ là ứng dụng công nghệ mà còn là thay đổi thói "
        "quen, cách làm.",
    ),
    tags=("chuyển đổi số", "Đề án 06", "dịch vụ công trực tuyến"),
    captions=("Người dân được hướng dẫn sử dụng dịch vụ công trực tuyến.",),
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
