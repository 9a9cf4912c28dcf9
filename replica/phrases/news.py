"""Phrase families of the province's own news sections: every one names places and speaks in
the newsroom's voice (``local`` and ``common``), so ``replica.text`` fills them the same way.
"""

from __future__ import annotations

from .family import Family

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
