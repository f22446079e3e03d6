//! The demo's incidents, each told once: what happened, where, at what hours it can happen,
//! what the group did and how it ended. A group draws from these without repeating one, so
//! no two records of a group read alike.

/// How a case ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Outcome {
    /// Handled by the group.
    Resolved,
    /// Mediated successfully.
    Mediated,
    /// Passed to the ward police.
    Transferred,
    /// Still followed.
    Watching,
}

/// One incident as it happened.
pub(super) struct Case {
    pub category: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    /// Where, after the house number if `numbered` ("Số 14, ngõ 12 …").
    pub place: &'static str,
    pub numbered: bool,
    /// The hours it can happen at, as (first, last) on a 24-hour clock; a range over
    /// midnight reads (22, 3).
    pub hours: (u32, u32),
    pub action: &'static str,
    pub outcome: Outcome,
    /// A tip worth passing on ("tin báo có giá trị").
    pub valuable: bool,
}

const fn case(
    category: &'static str,
    title: &'static str,
    description: &'static str,
    place: &'static str,
    hours: (u32, u32),
    action: &'static str,
    outcome: Outcome,
) -> Case {
    Case {
        category,
        title,
        description,
        place,
        numbered: false,
        hours,
        action,
        outcome,
        valuable: false,
    }
}

const fn at_house(c: Case) -> Case {
    Case {
        numbered: true,
        ..c
    }
}

const fn valuable(c: Case) -> Case {
    Case {
        valuable: true,
        ..c
    }
}

use Outcome::*;

/// Thefts, the story's measure: each a different thing stolen.
pub(super) const THEFTS: &[Case] = &[
    at_house(case("trom_cap", "Mất trộm xe máy trước cửa nhà", "Chủ nhà để xe trước cửa khoảng 10 phút; khi ra thì xe đã bị dắt đi, khóa cổ bị bẻ.", "ngõ 12 đường Trần Khánh Dư", (18, 21), "Tổ hỏi những người xung quanh, hướng dẫn chủ xe trình báo Công an phường.", Transferred)),
    at_house(case("trom_cap", "Trộm gà trong chuồng", "Nửa đêm nghe tiếng gà kêu, sáng ra mất 05 con; hàng rào lưới bị cắt.", "xóm Bãi", (0, 3), "Tổ đến xem hiện trường, nhắc các hộ trong xóm gia cố chuồng trại.", Watching)),
    at_house(case("trom_cap", "Mất xe đạp điện để trong sân", "Xe đạp điện khóa trong sân, sáng ra mất; ổ khóa cổng bị cắt.", "ngõ 5 phố Lê Lợi", (23, 4), "Tổ ghi nhận, hướng dẫn gia đình trình báo Công an phường.", Transferred)),
    at_house(case("trom_cap", "Kẻ gian thò tay qua cửa sổ lấy điện thoại", "Điện thoại sạc trên bàn cạnh cửa sổ để mở bị lấy mất trong lúc gia đình ăn tối.", "đường Hoàng Hoa Thám", (19, 21), "Tổ nhắc các hộ đóng cửa sổ tầng một khi không có người trong phòng.", Watching)),
    at_house(case("trom_cap", "Tháo trộm đồng hồ nước trước nhà", "Sáng ra gia đình thấy đồng hồ nước trước cửa bị tháo mất, nước chảy tràn ra ngõ.", "ngõ 48 đường Ngô Quyền", (1, 4), "Tổ báo công ty cấp nước khóa van, ghi nhận để theo dõi.", Watching)),
    at_house(case("trom_cap", "Mất máy bơm nước ở bể ngầm", "Máy bơm đặt cạnh bể nước ngoài sân bị tháo trộm; dây điện bị cắt.", "ngõ 7 phố Bạch Đằng", (0, 4), "Tổ đến xem, hướng dẫn chủ nhà trình báo Công an phường.", Transferred)),
    at_house(case("trom_cap", "Trộm két tiền quầy tạp hóa", "Chủ quầy quên khóa ngăn kéo đựng tiền; kẻ gian vào lúc đông khách, lấy khoảng 2 triệu đồng.", "đường Yên Hải", (16, 19), "Tổ cùng chủ quầy xem lại camera của quầy, chuyển hình ảnh cho Công an phường.", Transferred)),
    at_house(case("trom_cap", "Mất trộm chậu cây cảnh", "Hai chậu cây cảnh để trên bậc thềm bị bê đi trong đêm.", "ngõ 5 phố Lê Lợi", (23, 4), "Tổ ghi nhận, nhắc các hộ đưa đồ giá trị vào trong nhà.", Watching)),
    at_house(case("trom_cap", "Mất xe đạp của học sinh ở cổng trường", "Học sinh khóa xe ở hàng rào cổng trường; tan học thì xe không còn.", "cổng Trường Tiểu học Yên Hải", (7, 11), "Tổ trao đổi với bảo vệ nhà trường về chỗ để xe an toàn.", Resolved)),
    at_house(case("trom_cap", "Cắt trộm dây cáp điện thoại", "Khoảng 30 m dây cáp treo trên cột bị cắt mất; nhiều hộ mất mạng internet.", "ngõ 48 đường Ngô Quyền", (1, 4), "Tổ báo nhà mạng và Công an phường.", Transferred)),
    at_house(case("trom_cap", "Mất ví trong lúc mua hàng ở chợ", "Một phụ nữ để ví trong giỏ xe khi mua rau; quay lại thì ví đã mất.", "chợ Yên Hải", (6, 9), "Tổ nhắc ban quản lý chợ phát loa cảnh báo móc túi vào giờ đông.", Watching)),
    at_house(case("trom_cap", "Trộm bình ắc quy xe tải đỗ qua đêm", "Lái xe đỗ xe tải ở bãi đất trống qua đêm; sáng ra bình ắc quy bị tháo mất.", "bãi đất trống cạnh nhà văn hóa", (0, 4), "Tổ ghi biển số xe, hướng dẫn lái xe trình báo Công an phường.", Transferred)),
];

/// Everything else a group meets, one of each.
pub(super) const OTHERS: &[Case] = &[
    valuable(case("cuop_giat", "Giật điện thoại người đi bộ", "Hai đối tượng đi xe máy áp sát, giật điện thoại trên tay một học sinh rồi phóng về phía cầu.", "đường Hoàng Hoa Thám, gần trường tiểu học", (16, 18), "Tổ ghi lại đặc điểm xe và người, báo ngay Công an phường.", Transferred)),
    case("danh_nhau", "Xô xát sau bữa nhậu", "Nhóm thanh niên cãi nhau to tiếng, đẩy xô nhau trước quán; tổ tuần tra có mặt can ngăn, giải tán.", "quán ăn đêm đầu ngõ 48 đường Ngô Quyền", (22, 0), "Tổ tuần tra can ngăn, yêu cầu các bên về nhà, ghi tên người gây rối.", Resolved),
    case("danh_nhau", "Tụ tập rú ga sau 23 giờ", "Khoảng 08 thanh niên tụ tập, rú ga xe máy nhiều lần; tổ nhắc nhở, nhóm giải tán.", "bãi đất trống cạnh nhà văn hóa", (23, 0), "Tổ tuần tra nhắc nhở, ghi biển số các xe; nhóm đã giải tán.", Resolved),
    valuable(case("ma_tuy", "Phát hiện bơm kim tiêm vứt ở bãi cỏ", "Tổ tuần tra thấy 03 bơm kim tiêm đã dùng; thu gom, báo Công an phường để nắm tình hình.", "bờ mương sau chợ Yên Hải", (22, 2), "Thu gom an toàn, chụp ảnh vị trí, báo Công an phường.", Transferred)),
    valuable(case("co_bac", "Nghi có đánh bạc trong nhà kho", "Nhiều xe máy đỗ đêm khuya, người ra vào liên tục; đã báo Công an phường kiểm tra.", "kho cũ cuối ngõ 7 phố Bạch Đằng", (22, 1), "Tổ không vào kho, ghi lại số xe và giờ, báo Công an phường.", Transferred)),
    case("bao_luc_gia_dinh", "Chồng say rượu đánh vợ", "Hàng xóm nghe tiếng kêu cứu; tổ đến can ngăn, đưa người vợ sang nhà bà con tạm lánh.", "khu tập thể cũ, dãy B", (20, 23), "Tổ can ngăn, đưa người vợ đi lánh, hôm sau cùng Chi hội Phụ nữ đến gặp gia đình.", Watching),
    case("tranh_chap", "Tranh chấp lối đi chung", "Hai hộ lời qua tiếng lại vì một hộ xây bậc thềm lấn lối đi chung.", "ngõ 5 phố Lê Lợi", (8, 17), "Tổ cùng tổ hòa giải gặp hai hộ; hộ xây bậc thềm đồng ý thu hẹp lại.", Mediated),
    case("tranh_chap", "Mâu thuẫn do nuôi chó thả rông", "Chó nhà bên cắn gà của hộ bên cạnh; hai bên to tiếng.", "xóm Bãi", (7, 18), "Tổ hòa giải; chủ chó bồi thường gà và cam kết xích chó.", Mediated),
    case("tranh_chap", "Tranh chấp tiếng ồn karaoke", "Một hộ hát karaoke đến khuya; hộ bên cạnh có người ốm sang phản ánh, hai bên lời qua tiếng lại.", "ngõ 12 đường Trần Khánh Dư", (21, 23), "Tổ gặp hai hộ; hộ hát karaoke cam kết tắt loa trước 22 giờ.", Mediated),
    case("giao_thong", "Va chạm xe máy tại ngã ba", "Hai xe máy va chạm nhẹ, một người trầy xước; tổ hỗ trợ đưa đi sơ cứu và phân luồng.", "ngã ba Trần Khánh Dư – Ngô Quyền", (6, 18), "Tổ sơ cứu, phân luồng, giúp hai bên tự thỏa thuận.", Resolved),
    case("giao_thong", "Xe tải đỗ chắn lối vào ngõ", "Xe tải đỗ qua đêm chắn kín lối vào ngõ; tổ nhắc lái xe dời đi.", "đầu ngõ 12 đường Trần Khánh Dư", (21, 23), "Tổ tìm lái xe, yêu cầu dời xe ra bãi.", Resolved),
    case("chay_no", "Chập điện cháy công tơ", "Khói bốc ra từ hộp công tơ; tổ ngắt cầu dao tổng, dùng bình bột dập tắt, báo điện lực.", "số 34 ngõ 5 phố Lê Lợi", (17, 21), "Tổ ngắt điện, dập lửa bằng bình bột, báo điện lực thay công tơ.", Resolved),
    case("chay_no", "Cháy rác ở bãi đất trống", "Đống rác khô bốc cháy, khói bay vào các nhà gần đó.", "bãi đất trống cạnh nhà văn hóa", (13, 16), "Tổ cùng người dân dập lửa bằng nước, nhắc các hộ không đốt rác.", Resolved),
    case("thien_tai", "Cây đổ sau mưa giông chắn đường", "Cây bàng lớn đổ chắn nửa đường; tổ cùng người dân cưa cành, dọn đường.", "đường Yên Hải, trước trạm y tế", (14, 18), "Tổ căng dây cảnh báo, cùng người dân cưa cành, báo phường cho xe thu dọn.", Resolved),
    valuable(case("lua_dao", "Người cao tuổi bị gọi điện giả danh Công an", "Một cụ bà nhận cuộc gọi yêu cầu chuyển tiền để “giải quyết hồ sơ”; con cháu phát hiện kịp, chưa mất tiền.", "ngõ 48 đường Ngô Quyền", (9, 11), "Tổ đến nhà giải thích thủ đoạn, ghi số điện thoại gọi đến, báo Công an phường.", Transferred)),
    case("lua_dao", "Lừa đảo làm nhiệm vụ trên mạng", "Một người được rủ nạp tiền “làm nhiệm vụ” trên mạng, đã mất 15 triệu đồng.", "đường Hoàng Hoa Thám", (19, 22), "Tổ hướng dẫn người bị hại trình báo Công an phường, giữ lại tin nhắn, tài khoản nhận tiền.", Transferred),
    case("lua_dao", "Tin nhắn giả ngân hàng gửi đường dẫn lạ", "Nhiều hộ nhận tin nhắn báo tài khoản bị khóa, kèm đường dẫn; một hộ đã bấm vào nhưng chưa nhập mật khẩu.", "khu tập thể cũ, dãy A", (8, 20), "Tổ nhắc các hộ không bấm đường dẫn lạ, báo Công an phường số gửi tin.", Transferred),
    valuable(case("tin_dung_den", "Dán quảng cáo cho vay nặng lãi", "Phát hiện nhiều tờ rơi “cho vay không thế chấp” dán trên cột điện; tổ bóc bỏ, chụp số điện thoại báo Công an.", "cột điện dọc đường Hoàng Hoa Thám", (6, 9), "Tổ bóc bỏ tờ rơi, chụp lại số điện thoại, báo Công an phường.", Transferred)),
    case("cu_tru", "Người thuê trọ chưa khai báo tạm trú", "Bốn người đến ở tại nhà trọ được 05 ngày, chủ trọ chưa khai báo; tổ nhắc chủ trọ khai báo.", "nhà trọ số 21 ngõ 7 phố Bạch Đằng", (8, 17), "Tổ hướng dẫn chủ trọ khai báo tạm trú trên ứng dụng VNeID.", Resolved),
    valuable(case("cu_tru", "Người lạ dò từng nhà hỏi mua đồ cũ", "Hai người đi xe ba gác vào ngõ, nhìn vào sân các nhà; tổ hỏi thăm, ghi lại biển số xe.", "ngõ 12 đường Trần Khánh Dư", (9, 16), "Tổ hỏi giấy tờ, ghi biển số xe, báo Công an phường nắm.", Transferred)),
    case("khac", "Đèn chiếu sáng ngõ hỏng nhiều ngày", "Ba bóng đèn ngõ không sáng; người dân lo ngõ tối dễ xảy ra mất trộm.", "ngõ 48 đường Ngô Quyền", (19, 22), "Tổ báo phường đề nghị thay bóng đèn.", Resolved),
    case("khac", "Nắp cống vỡ giữa ngõ", "Nắp cống bê tông vỡ, hở một lỗ lớn giữa ngõ, trẻ em đi lại dễ sụt chân.", "ngõ 7 phố Bạch Đằng", (7, 17), "Tổ đặt biển cảnh báo, báo phường cho sửa nắp cống.", Resolved),
    case("danh_nhau", "Xô xát khi tranh chỗ đỗ xe", "Hai người cãi nhau, đẩy nhau vì tranh chỗ đỗ ô tô đầu ngõ.", "đầu ngõ 5 phố Lê Lợi", (18, 21), "Tổ can ngăn, bố trí lại chỗ đỗ xe, nhắc hai bên giữ bình tĩnh.", Resolved),
    case("giao_thong", "Xe máy phóng nhanh trong ngõ", "Nhiều xe máy đi tốc độ cao trong ngõ vào giờ tan tầm, suýt va vào trẻ em.", "ngõ 12 đường Trần Khánh Dư", (17, 19), "Tổ nhắc nhở người đi xe, đề nghị phường đặt biển hạn chế tốc độ.", Resolved),
    case("giao_thong", "Người say rượu ngã xe trước cửa hàng", "Một người đi xe máy say rượu tự ngã, trầy tay; tổ dựng xe, gọi người nhà đón về.", "đường Yên Hải", (21, 23), "Tổ sơ cứu, giữ xe, gọi người nhà đến đón.", Resolved),
    case("chay_no", "Rò rỉ khí gas ở quán ăn", "Quán ăn có mùi gas nồng; dây dẫn gas bị nứt.", "đường Hoàng Hoa Thám", (10, 13), "Tổ khóa van bình, mở cửa cho thoáng, nhắc chủ quán thay dây dẫn.", Resolved),
    case("thien_tai", "Ngập nước đầu ngõ sau mưa lớn", "Mưa lớn hơn một giờ, nước ngập đầu ngõ khoảng 30 cm, xe máy chết máy.", "đầu ngõ 48 đường Ngô Quyền", (15, 19), "Tổ đặt biển cảnh báo, hỗ trợ người dân dắt xe qua chỗ ngập.", Resolved),
    case("tranh_chap", "Mâu thuẫn về ranh giới tường rào", "Hai hộ liền kề không thống nhất chỗ xây lại bức tường rào chung.", "ngõ 7 phố Bạch Đằng", (8, 17), "Tổ cùng tổ hòa giải xem lại giấy tờ đất; hai hộ thống nhất xây đúng mốc cũ.", Mediated),
    valuable(case("lua_dao", "Giả danh nhân viên điện lực gọi điện đòi tiền", "Nhiều hộ nhận cuộc gọi xưng là điện lực, dọa cắt điện nếu không chuyển tiền ngay.", "khu tập thể cũ, dãy B", (8, 11), "Tổ nhắc các hộ không chuyển tiền, ghi số điện thoại gọi đến, báo Công an phường.", Transferred)),
    case("khac", "Trẻ em đi lạc ở chợ", "Một cháu bé khoảng 05 tuổi khóc một mình ở cổng chợ.", "chợ Yên Hải", (7, 10), "Tổ đưa cháu về nhà văn hóa, phát loa tìm người nhà; sau 30 phút gia đình đến đón.", Resolved),
    valuable(case("ma_tuy", "Nhóm thanh niên nghi sử dụng bóng cười", "Tổ tuần tra thấy nhóm thanh niên ngồi ở bờ sông, có nhiều vỏ bóng bay và bình khí.", "bờ sông cuối đường Yên Hải", (23, 2), "Tổ ghi lại số người, biển số xe, báo ngay Công an phường.", Transferred)),
];
