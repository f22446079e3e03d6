//! What the demo leader writes in each month's report: the month's own situation,
//! shortcomings, plans and proposals, following the story (the camera model three months
//! ago in Khu phố 3), never a figure the records would contradict.

use crate::model::month::Narrative;

fn n(situation: &str, shortcomings: &str, plans: &str, proposals: &str) -> Narrative {
    Narrative {
        situation: situation.into(),
        shortcomings: shortcomings.into(),
        plans: plans.into(),
        proposals: proposals.into(),
        ..Default::default()
    }
}

/// The narrative of the month `back` months before this one (6 = the oldest demo month).
/// `camera`: the group of the camera story, whose model starts 3 months back; the others
/// (Khu phố `area`) write their own months.
pub(super) fn narrative(camera: bool, area: u32, back: u32) -> Narrative {
    match (camera, back) {
        (true, 6) => n(
            "Người tạm trú chủ yếu là công nhân các khu công nghiệp. Trộm cắp tài sản xảy ra ở các ngõ nhỏ, thiếu ánh sáng, chủ yếu vào ban đêm.",
            "- Lực lượng tuần tra ca đêm còn mỏng vào các đêm trong tuần.\n- Việc ghi nhật ký tuần tra chưa đều.",
            "- Duy trì tuần tra đêm theo lịch, chú ý các ngõ nhỏ.\n- Nhắc các hộ khóa cổng, không để xe ngoài sân qua đêm.",
            "",
        ),
        (true, 5) => n(
            "Trộm cắp tài sản tiếp tục xảy ra ở các ngõ thiếu ánh sáng; người dân lo lắng, nhiều hộ đề nghị tổ có cách phòng ngừa.",
            "- Tổ chưa có cách phát hiện sớm kẻ gian vào ngõ ban đêm.",
            "- Họp dân bàn việc các hộ góp tiền lắp camera ở các ngõ.\n- Duy trì tuần tra đêm theo lịch.",
            "Đề nghị Công an phường hướng dẫn tổ cách lắp đặt, quản lý camera an ninh ở khu dân cư.",
        ),
        (true, 4) => n(
            "Qua họp dân, các hộ ở 8 ngõ đồng ý tự nguyện góp tiền lắp camera; tổ lập danh sách hộ góp, hộ khó khăn được miễn.",
            "- Một số ca tuần tra đêm thứ Bảy còn vắng người không báo trước.",
            "- Lắp camera ở các ngõ từ đầu tháng tới, giao mỗi ngõ một người giữ mật khẩu đầu ghi.\n- Công khai thu chi tiền góp.",
            "",
        ),
        (true, 3) => n(
            "Từ đầu tháng, camera được lắp ở các ngõ; tổ tuần tra xem lại hình ảnh khi có tin báo.",
            "- Hình ảnh ban đêm ở một số ngõ còn mờ do thiếu đèn.",
            "- Hoàn thành lắp camera ở các ngõ còn lại.\n- Rà soát nhà trọ, người tạm trú.",
            "Đề nghị Ủy ban nhân dân phường hỗ trợ lắp thêm đèn chiếu sáng ở các ngõ có camera.",
        ),
        (true, 2) => n(
            "Camera đã hoạt động ở các ngõ; người dân chủ động báo tin cho tổ khi thấy người lạ. Trộm cắp ở các ngõ có camera giảm so với trước khi lắp.",
            "- Một số hộ kinh doanh còn để hàng hóa ngoài hiên qua đêm.",
            "- Lập nhóm Zalo của khu phố để người dân báo tin nhanh cho tổ.\n- Phối hợp Công an phường tuyên truyền phòng chống lừa đảo qua mạng cho người cao tuổi.",
            "",
        ),
        (true, _) => n(
            "Nhóm Zalo “Khu phố 3 bình yên” bắt đầu hoạt động, mỗi hộ một người tham gia; tổ đăng cảnh báo thủ đoạn lừa đảo mới hằng tuần.",
            "- Việc ghi giờ kết thúc thực tế của các ca tuần tra chưa đầy đủ.",
            "- Duy trì tuần tra đêm, tăng người các đêm cuối tuần.\n- Tiếp tục tuyên truyền phòng chống lừa đảo qua điện thoại.",
            "Đề nghị Công an phường cung cấp thông tin các thủ đoạn lừa đảo mới để tổ đăng trong nhóm Zalo.",
        ),
        (false, b) => {
            const SITUATIONS: [&str; 6] = [
                "Tình hình an ninh, trật tự trên địa bàn cơ bản ổn định; khu vực quán ăn đêm là nơi cần chú ý.",
                "Trên địa bàn có một số nhà cho thuê trọ, người tạm trú thay đổi thường xuyên.",
                "Khu vực bãi đất trống cạnh nhà văn hóa hay có thanh niên tụ tập vào buổi tối.",
                "Trong tháng có nhiều hộ đi làm ăn xa, nhà vắng người; tổ nhắc các hộ nhờ hàng xóm trông nhà.",
                "Đường Hoàng Hoa Thám đông xe vào giờ tan học, dễ xảy ra va chạm giao thông.",
                "Một số hộ kinh doanh mở cửa đến khuya, để hàng hóa ngoài hiên qua đêm.",
            ];
            const SHORTCOMINGS: [&str; 3] = [
                "- Một số ca tuần tra còn vắng người không báo trước.",
                "- Việc ghi nhật ký tuần tra chưa đều.",
                "- Tổ chưa nắm hết người tạm trú mới đến.",
            ];
            const PLANS: [&str; 6] = [
                "- Duy trì tuần tra theo lịch.\n- Nắm các hộ có nhà cho thuê trọ.",
                "- Phối hợp chủ nhà trọ khai báo tạm trú đầy đủ.\n- Duy trì tuần tra theo lịch.",
                "- Tăng cường tuần tra buổi tối ở khu vực nhà văn hóa.",
                "- Tuyên truyền phòng chống lừa đảo qua điện thoại cho người cao tuổi.",
                "- Phối hợp nhà trường nhắc học sinh chấp hành luật giao thông.",
                "- Nhắc các hộ kinh doanh thu dọn hàng hóa, khóa cửa trước khi ngủ.",
            ];
            let k = (b + area) as usize % 6;
            n(SITUATIONS[k], SHORTCOMINGS[k % 3], PLANS[k], "")
        }
    }
}

/// What the leader counted on the area for the month `back` months before this one.
pub(super) fn with_counts(mut n: Narrative, camera: bool, area: u32, back: u32) -> Narrative {
    n.lodging_houses = Some(2 + area % 3);
    n.temporary_residents = Some(30 + 2 * back + 3 * area);
    n.hot_spots = if camera {
        "khu vực chợ Yên Hải và bờ mương sau chợ vào ban đêm".into()
    } else {
        "bãi đất trống cạnh nhà văn hóa vào buổi tối".into()
    };
    n
}

/// This month's report, just started.
pub(super) fn this_month() -> Narrative {
    n("Tình hình an ninh, trật tự cơ bản ổn định.", "", "", "")
}
