//! Plain data types shared by the store, the CLI and the UI, with their validation.

pub mod activity;
pub mod backup;
pub mod commune;
pub mod figures;
pub mod group;
pub mod history;
pub mod incident;
pub mod member;
pub mod month;
pub mod patrol;
pub mod phone;
pub mod practice;
pub mod todo;
pub mod ward;

/// An enum whose values have stable snake_case names: as stored, exported, serialised to the
/// UI and typed on the command line (with dashes).
pub trait Named: Sized + Copy + 'static {
    /// Every value, in the order offered to people.
    const ALL: &'static [Self];
    /// The value's stable name, e.g. `to_truong`.
    fn name(self) -> &'static str;
    /// The value with that name.
    fn from_name(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.name() == s)
    }
}

/// Implements `Named` with the type's own `as_str`.
macro_rules! named {
    ($t:ty: [$($v:ident),* $(,)?]) => {
        impl $crate::model::Named for $t {
            const ALL: &'static [Self] = &[$(<$t>::$v),*];
            fn name(self) -> &'static str {
                self.as_str()
            }
        }
    };
}
pub(crate) use named;

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
        "consent_purpose" => "Mục đích đồng ý",
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
