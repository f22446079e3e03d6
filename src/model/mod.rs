//! Plain data types shared by the store, the CLI and the UI, with their validation.

pub mod activity;
pub mod figures;
pub mod group;
pub mod history;
pub mod incident;
pub mod member;
pub mod month;
pub mod patrol;
pub mod phone;
pub mod practice;
pub mod ward;

/// The Vietnamese label of an input field, for messages.
pub fn field_label(field: &str) -> &'static str {
    match field.strip_prefix("leader.").unwrap_or(field) {
        "full_name" => "Họ và tên",
        "gender" => "Giới tính",
        "birth_date" => "Ngày sinh",
        "phone" => "Số điện thoại",
        "address" => "Địa chỉ",
        "role" => "Chức danh",
        "joined_on" => "Ngày vào tổ",
        "cccd" => "Số CCCD",
        "health_cert_date" => "Giấy khám sức khỏe",
        "consent_date" => "Ngày đồng ý xử lý dữ liệu",
        "notes" => "Ghi chú",
        "left_on" => "Ngày rời tổ",
        "reason" => "Lý do",
        "name" => "Tên tổ",
        "province_code" => "Mã tỉnh",
        "province_name" => "Tên tỉnh",
        "commune_code" => "Mã xã, phường",
        "commune_name" => "Tên xã, phường",
        "area_name" => "Tên địa bàn",
        "decision_number" => "Số quyết định",
        "decision_date" => "Ngày quyết định",
        "police_unit" => "Đơn vị Công an",
        "households" => "Số hộ",
        "residents" => "Số nhân khẩu",
        "month" => "Tháng",
        "date" => "Ngày",
        "weekday" => "Thứ",
        "editor" => "Người ghi",
        "issued_on" => "Ngày ký báo cáo",
        "max_consecutive" => "Số đêm trực liền tối đa",
        "actual_start" => "Giờ bắt đầu thực tế",
        "actual_end" => "Giờ kết thúc thực tế",
        _ => "Thông tin",
    }
}
