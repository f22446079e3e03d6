//! Checking a member's form and leaving, eligibility under Luật 30/2023 (Điều 13), and how
//! an ID number is shown.

use super::birth::{self, Birth};
use super::*;
use crate::date;
use crate::error::{Error, FieldError, Result};
use crate::model::commune::CommuneKind;
use crate::text::clean;
use chrono::NaiveDate;

const MIN_BIRTH_YEAR: i32 = 1900;

fn opt(s: &str) -> Option<String> {
    let c = clean(s);
    (!c.is_empty()).then_some(c)
}

fn parse_date(
    field: &str,
    what: &str,
    value: &str,
    required: bool,
    today: NaiveDate,
    errs: &mut Vec<FieldError>,
) -> Option<NaiveDate> {
    let v = value.trim();
    if v.is_empty() {
        if required {
            errs.push(FieldError::new(field, format!("Hãy nhập {what}.")));
        }
        return None;
    }
    match date::parse(v) {
        None => {
            errs.push(FieldError::new(
                field,
                date::wrong_date(&capitalise(what), v, "05/03/1975"),
            ));
            None
        }
        Some(d) if d > today => {
            errs.push(FieldError::new(
                field,
                format!("{} không thể ở tương lai.", capitalise(what)),
            ));
            None
        }
        Some(d) => Some(d),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Checks every field and returns the cleaned member, or all field errors at once.
pub fn validate(input: &MemberInput, today: NaiveDate) -> Result<ValidMember> {
    let mut errs = Vec::new();
    let full_name = clean(&input.full_name);
    if full_name.is_empty() {
        errs.push(FieldError::new("full_name", "Hãy nhập họ và tên."));
    } else if full_name.chars().count() > 100 {
        errs.push(FieldError::new("full_name", "Họ và tên dài quá 100 ký tự."));
    } else if full_name.chars().any(|c| c.is_ascii_digit()) {
        errs.push(FieldError::new("full_name", "Họ và tên không chứa chữ số."));
    }
    // Official lists often give only the year of birth: it is kept as a year.
    let birth_date = match birth::year_alone(&input.birth_date) {
        Some(y) => Some(Birth::Year(y)),
        None => parse_date(
            "birth_date",
            "ngày sinh",
            &input.birth_date,
            true,
            today,
            &mut errs,
        )
        .map(Birth::Day),
    };
    if let Some(b) = birth_date {
        if b.age_on(today) < 10 || b.year() < MIN_BIRTH_YEAR {
            errs.push(FieldError::new(
                "birth_date",
                "Ngày sinh không hợp lý. Hãy kiểm tra lại năm sinh.",
            ));
        }
    }
    let phone = match opt(&input.phone) {
        None => None,
        Some(p) => match phone::normalise(&p) {
            Some(n) => Some(n),
            None => {
                errs.push(FieldError::new(
                    "phone",
                    "Số điện thoại chưa đúng. Số di động gồm 10 chữ số và bắt đầu bằng 03, 05, 07, 08 hoặc 09 (ví dụ 0912 345 678).",
                ));
                None
            }
        },
    };
    let role = input.role;
    if role.is_none() {
        errs.push(FieldError::new("role", "Hãy chọn chức danh trong tổ."));
    }
    let joined_on = parse_date(
        "joined_on",
        "ngày vào tổ",
        &input.joined_on,
        true,
        today,
        &mut errs,
    );
    if let (Some(b), Some(j)) = (birth_date, joined_on) {
        if j < b.earliest() {
            errs.push(FieldError::new(
                "joined_on",
                "Ngày vào tổ không thể trước ngày sinh.",
            ));
        }
    }
    let cccd = match opt(&input.cccd) {
        None => None,
        Some(c) => {
            let c: String = c.chars().filter(|c| !c.is_whitespace()).collect();
            if c.len() == 12 && c.bytes().all(|b| b.is_ascii_digit()) {
                Some(c)
            } else {
                errs.push(FieldError::new(
                    "cccd",
                    "Số CCCD gồm đúng 12 chữ số. Có thể để trống nếu tổ viên không muốn cung cấp.",
                ));
                None
            }
        }
    };
    let health_cert_date = parse_date(
        "health_cert_date",
        "ngày giấy khám sức khỏe",
        &input.health_cert_date,
        false,
        today,
        &mut errs,
    );
    let consent_date = parse_date(
        "consent_date",
        "ngày đồng ý xử lý dữ liệu",
        &input.consent_date,
        false,
        today,
        &mut errs,
    );
    let consent_purpose = crate::text::clean(&input.consent_purpose);
    if consent_purpose.chars().count() > 500 {
        errs.push(FieldError::new(
            "consent_purpose",
            "Mục đích đồng ý dài quá 500 ký tự.",
        ));
    }
    if !consent_purpose.is_empty() && input.consent_date.trim().is_empty() {
        errs.push(FieldError::new(
            "consent_date",
            "Đã ghi mục đích thì hãy ghi cả ngày tổ viên đồng ý.",
        ));
    }
    let address = opt(&input.address);
    let notes = opt(&input.notes);
    if notes.as_ref().is_some_and(|n| n.chars().count() > 2000) {
        errs.push(FieldError::new("notes", "Ghi chú dài quá 2.000 ký tự."));
    }
    if !errs.is_empty() {
        return Err(Error::invalid(errs));
    }
    Ok(ValidMember {
        full_name,
        gender: input.gender,
        birth_date: birth_date.expect("checked"),
        phone,
        address,
        role: role.expect("checked"),
        joined_on: joined_on.expect("checked"),
        cccd,
        health_cert_date,
        consent_date,
        consent_purpose,
        notes,
    })
}

/// Checks a departure against the member's joining date.
pub fn validate_leave(
    input: &LeaveInput,
    joined_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(NaiveDate, String)> {
    let mut errs = Vec::new();
    let left_on = parse_date(
        "left_on",
        "ngày rời tổ",
        &input.left_on,
        true,
        today,
        &mut errs,
    );
    if let (Some(l), Some(j)) = (left_on, joined_on) {
        if l < j {
            errs.push(FieldError::new(
                "left_on",
                format!(
                    "Ngày rời tổ không thể trước ngày vào tổ ({}).",
                    date::format(j)
                ),
            ));
        }
    }
    let reason = clean(&input.reason);
    if reason.is_empty() {
        errs.push(FieldError::new(
            "reason",
            "Hãy ghi lý do rời tổ (ví dụ: chuyển nơi ở, lý do sức khỏe).",
        ));
    }
    if !errs.is_empty() {
        return Err(Error::invalid(errs));
    }
    Ok((left_on.expect("checked"), reason))
}

/// Eligibility warnings under Law 30/2023 (Điều 13) on `on`: age 18–70 and a health
/// certificate. They are advice for the leader, not a block.
pub fn eligibility_warnings(
    birth_date: Option<Birth>,
    health_cert_date: Option<NaiveDate>,
    on: NaiveDate,
    commune: CommuneKind,
) -> Vec<String> {
    let mut w = Vec::new();
    match birth_date {
        None => w.push("Thiếu ngày sinh".to_string()),
        Some(b) => {
            let age = b.age_on(on);
            if age < 18 {
                w.push(format!("Chưa đủ 18 tuổi ({age} tuổi)"));
            } else if age > 70 {
                w.push(format!(
                    "Trên 70 tuổi ({age} tuổi): cần ý kiến đồng ý của Chủ tịch UBND {}",
                    commune.word()
                ));
            }
        }
    }
    if health_cert_date.is_none() {
        w.push("Chưa có giấy khám sức khỏe".to_string());
    }
    w
}

/// Masks a CCCD number for lists, keeping the last three digits.
pub fn mask_cccd(cccd: &str) -> String {
    let n = cccd.chars().count();
    let keep = 3.min(n);
    let mut s: String = "•".repeat(n - keep);
    s.extend(cccd.chars().skip(n - keep));
    s
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    pub(crate) fn input(name: &str) -> MemberInput {
        MemberInput {
            full_name: name.into(),
            gender: Some(Gender::Nu),
            birth_date: "12/04/1985".into(),
            phone: "0912 345 678".into(),
            address: "Số 12, ngõ 5, Khu phố 3".into(),
            role: Some(Role::ToVien),
            joined_on: "01/03/2025".into(),
            cccd: "".into(),
            health_cert_date: "10/02/2025".into(),
            consent_date: "01/03/2025".into(),
            consent_purpose: "Quản lý tổ viên và phân công tuần tra".into(),
            notes: "".into(),
        }
    }

    #[test]
    fn accepts_a_normal_member() {
        let v = validate(&input("  Nguyễn Thị Thanh  Hảo "), today()).unwrap();
        assert_eq!(v.full_name, "Nguyễn Thị Thanh Hảo");
        assert_eq!(v.phone.as_deref(), Some("0912345678"));
    }

    #[test]
    fn names_each_bad_field() {
        let mut m = input("");
        m.birth_date = "30/02/1980".into();
        m.phone = "123".into();
        m.role = None;
        m.joined_on = "01/01/2030".into();
        m.cccd = "12345".into();
        let e = validate(&m, today()).unwrap_err();
        let fields: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "full_name",
                "birth_date",
                "phone",
                "role",
                "joined_on",
                "cccd"
            ]
        );
        assert!(e.fields[4].message.contains("tương lai"));
    }

    #[test]
    fn joining_before_birth_is_refused() {
        let mut m = input("Lê Văn Tám");
        m.joined_on = "01/01/1980".into();
        let e = validate(&m, today()).unwrap_err();
        assert_eq!(e.fields[0].field, "joined_on");
    }

    #[test]
    fn eligibility_flags_age_and_health() {
        let on = today();
        let b = |y| NaiveDate::from_ymd_opt(y, 1, 1);
        let eligibility_warnings = |birth: Option<NaiveDate>, health, on, commune| {
            eligibility_warnings(birth.map(Birth::Day), health, on, commune)
        };
        assert!(eligibility_warnings(b(1980), b(2025), on, CommuneKind::Phuong).is_empty());
        assert_eq!(
            eligibility_warnings(b(2010), b(2025), on, CommuneKind::Phuong),
            ["Chưa đủ 18 tuổi (16 tuổi)"]
        );
        assert_eq!(
            eligibility_warnings(b(1950), b(2025), on, CommuneKind::Phuong),
            ["Trên 70 tuổi (76 tuổi): cần ý kiến đồng ý của Chủ tịch UBND phường"]
        );
        assert!(
            eligibility_warnings(b(1950), b(2025), on, CommuneKind::Xa)[0].ends_with("UBND xã")
        );
        assert_eq!(
            eligibility_warnings(b(1980), None, on, CommuneKind::Phuong),
            ["Chưa có giấy khám sức khỏe"]
        );
        // 70 exactly is still eligible.
        assert!(eligibility_warnings(b(1956), b(2025), on, CommuneKind::Phuong).is_empty());
    }

    #[test]
    fn a_year_of_birth_alone_is_accepted_and_counted_by_year() {
        let mut m = input("Lê Văn Năm");
        m.birth_date = "1975".into();
        let v = validate(&m, today()).unwrap();
        assert_eq!(v.birth_date, Birth::Year(1975));
        m.birth_date = "2030".into();
        assert!(validate(&m, today()).is_err());
        let w = super::eligibility_warnings(
            Some(Birth::Year(1955)),
            NaiveDate::from_ymd_opt(2025, 1, 1),
            NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
            CommuneKind::Phuong,
        );
        assert!(w[0].starts_with("Trên 70 tuổi (71 tuổi)"), "{w:?}");
    }

    #[test]
    fn cccd_is_masked() {
        assert_eq!(mask_cccd("001085012345"), "•••••••••345");
    }

    #[test]
    fn leave_needs_date_after_joining_and_a_reason() {
        let j = NaiveDate::from_ymd_opt(2025, 3, 1);
        let e = validate_leave(
            &LeaveInput {
                left_on: "01/01/2025".into(),
                reason: " ".into(),
            },
            j,
            today(),
        )
        .unwrap_err();
        assert_eq!(e.fields.len(), 2);
        let ok = validate_leave(
            &LeaveInput {
                left_on: "15/10/2026".into(),
                reason: "Chuyển nơi ở".into(),
            },
            j,
            today(),
        )
        .unwrap();
        assert_eq!(ok.1, "Chuyển nơi ở");
    }
}
