//! Dates as Vietnamese users write them (dd/mm/yyyy) and as the store keeps them (ISO).
//! Civil time on the ground is Asia/Ho_Chi_Minh: UTC+7, no daylight saving.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};

/// Vietnam's offset from UTC in seconds.
pub const VN_OFFSET_SECS: i32 = 7 * 3600;

/// Vietnam's UTC offset, +07:00 all year.
pub fn vn_offset() -> FixedOffset {
    FixedOffset::east_opt(VN_OFFSET_SECS).expect("valid offset")
}

/// The civil date in Vietnam at instant `now`.
pub fn vn_today(now: DateTime<Utc>) -> NaiveDate {
    let tz = FixedOffset::east_opt(VN_OFFSET_SECS).expect("valid offset");
    now.with_timezone(&tz).date_naive()
}

/// Parses a date typed by a user: `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`,
/// or ISO `yyyy-mm-dd`. Returns `None` for anything else, including impossible dates.
pub fn parse(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        if s.len() == 10 {
            return Some(d);
        }
    }
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    if parts.len() != 3 || parts[2].len() != 4 {
        return None;
    }
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let d: u32 = parts[0].parse().ok()?;
    let m: u32 = parts[1].parse().ok()?;
    let y: i32 = parts[2].parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Formats as `dd/mm/yyyy`.
pub fn format(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// ISO `yyyy-mm-dd`, the stored form.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Parses the stored ISO form.
pub fn from_iso(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A stored UTC timestamp (RFC 3339) as Vietnam time: `dd/mm/yyyy HH:MM`.
pub fn format_timestamp(rfc3339: &str) -> String {
    let tz = FixedOffset::east_opt(VN_OFFSET_SECS).expect("valid offset");
    DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| t.with_timezone(&tz).format("%d/%m/%Y %H:%M").to_string())
        .unwrap_or_else(|_| rfc3339.to_string())
}

/// Parses a month as `YYYY-MM` or `MM/YYYY` and returns it as `YYYY-MM`.
pub fn parse_month(s: &str) -> Option<String> {
    let s = s.trim();
    let (y, m) = match s.split_once('-') {
        Some((y, m)) if y.len() == 4 => (y, m),
        _ => {
            let (m, y) = s.split_once('/')?;
            (y, m)
        }
    };
    if y.len() != 4 || m.is_empty() || m.len() > 2 {
        return None;
    }
    let y: i32 = y.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, 1).map(|_| format!("{y:04}-{m:02}"))
}

/// `MM/YYYY` of a `YYYY-MM` month, as people write it.
pub fn month_label(month: &str) -> String {
    match month.split_once('-') {
        Some((y, m)) => format!("{m}/{y}"),
        None => month.to_string(),
    }
}

/// What is impossible about a date typed in the right form: "tháng 2 năm 2026 không có
/// ngày 31", "không có tháng 13". `None` when the form itself is wrong (or the date exists).
pub fn impossible(typed: &str) -> Option<String> {
    let parts: Vec<&str> = typed.trim().split(['/', '-', '.']).map(str::trim).collect();
    if parts.len() != 3 || parts[2].len() != 4 || parse(typed).is_some() {
        return None;
    }
    let n: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (d, m, y) = (n[0], n[1], n[2]);
    Some(if (1..=12).contains(&m) {
        format!("tháng {m} năm {y} không có ngày {d}")
    } else {
        format!("không có tháng {m}")
    })
}

/// The message for a date field typed wrong: what is impossible about it, or the form to
/// type it in (with `example`).
pub fn wrong_date(what: &str, typed: &str, example: &str) -> String {
    match impossible(typed) {
        Some(why) => format!("{what} chưa đúng: {why}."),
        None => format!("{what} chưa đúng. Hãy nhập theo dạng ngày/tháng/năm, ví dụ {example}."),
    }
}

/// The day of the week as printed: "Thứ Hai" … "Chủ nhật".
pub fn weekday_name(w: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match w {
        Mon => "Thứ Hai",
        Tue => "Thứ Ba",
        Wed => "Thứ Tư",
        Thu => "Thứ Năm",
        Fri => "Thứ Sáu",
        Sat => "Thứ Bảy",
        Sun => "Chủ nhật",
    }
}

/// The message for a month typed wrong.
pub fn bad_month(month: &str) -> crate::Error {
    crate::Error::invalid(vec![crate::error::FieldError::new(
        "month",
        format!("Tháng “{month}” chưa đúng (dạng 2026-11 hoặc 11/2026)."),
    )])
}

/// The first day of a month (`YYYY-MM` or `MM/YYYY`) and of the next, as ISO dates: the
/// half-open range `[from, to)` that stored dates are compared with.
pub fn month_range(month: &str) -> Option<(String, String)> {
    let m = parse_month(month)?;
    let (y, mo): (i32, u32) = (m[..4].parse().ok()?, m[5..].parse().ok()?);
    let next = if mo == 12 {
        format!("{:04}-01", y + 1)
    } else {
        format!("{y:04}-{:02}", mo + 1)
    };
    Some((format!("{m}-01"), format!("{next}-01")))
}

/// The `n` months ending with `month` (`YYYY-MM` or `MM/YYYY`), oldest first, as `YYYY-MM`.
pub fn months_ending(month: &str, n: u32) -> Option<Vec<String>> {
    let last = from_iso(&format!("{}-01", parse_month(month)?))?;
    let mut out: Vec<String> = (0..n)
        .filter_map(|k| last.checked_sub_months(chrono::Months::new(k)))
        .map(|d| d.format("%Y-%m").to_string())
        .collect();
    out.reverse();
    Some(out)
}

/// Full years of age on `on` for someone born on `born`.
pub fn age_on(born: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - born.year();
    if (on.month(), on.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    age
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_vietnamese_and_iso_forms() {
        assert_eq!(parse("05/12/2026"), Some(d(2026, 12, 5)));
        assert_eq!(parse("5/1/2026"), Some(d(2026, 1, 5)));
        assert_eq!(parse("05-12-2026"), Some(d(2026, 12, 5)));
        assert_eq!(parse("2026-12-05"), Some(d(2026, 12, 5)));
        assert_eq!(parse(" 29/02/2024 "), Some(d(2024, 2, 29)));
    }

    #[test]
    fn rejects_impossible_and_malformed() {
        for s in [
            "31/02/2026",
            "29/02/2025",
            "12/2026",
            "",
            "aa/bb/cccc",
            "1/1/26",
            "32/1/2026",
            "+1/1/2026",
        ] {
            assert_eq!(parse(s), None, "{s}");
        }
    }

    #[test]
    fn timestamps_shown_in_vietnam_time() {
        assert_eq!(
            format_timestamp("2026-11-27T17:05:00.000Z"),
            "28/11/2026 00:05"
        );
        assert_eq!(format_timestamp("junk"), "junk");
    }

    #[test]
    fn months_in_both_forms() {
        assert_eq!(parse_month("2026-11").as_deref(), Some("2026-11"));
        assert_eq!(parse_month("3/2026").as_deref(), Some("2026-03"));
        assert_eq!(parse_month("2026-13"), None);
        assert_eq!(parse_month("11-2026"), None);
        assert_eq!(parse_month("x"), None);
    }

    #[test]
    fn month_ranges_cross_the_year() {
        assert_eq!(
            month_range("12/2026"),
            Some(("2026-12-01".to_string(), "2027-01-01".to_string()))
        );
        assert_eq!(month_range("2026-13"), None);
    }

    #[test]
    fn months_ending_cross_the_year() {
        assert_eq!(
            months_ending("01/2027", 3).unwrap(),
            ["2026-11", "2026-12", "2027-01"]
        );
        assert_eq!(months_ending("2027-13", 3), None);
    }

    #[test]
    fn formats_with_leading_zeros() {
        assert_eq!(format(d(2026, 2, 3)), "03/02/2026");
    }

    #[test]
    fn age_counts_birthdays() {
        assert_eq!(age_on(d(2008, 11, 28), d(2026, 11, 27)), 17);
        assert_eq!(age_on(d(2008, 11, 27), d(2026, 11, 27)), 18);
        assert_eq!(
            wrong_date("Ngày sinh", "31/02/2026", "05/03/1975"),
            "Ngày sinh chưa đúng: tháng 2 năm 2026 không có ngày 31."
        );
        assert_eq!(impossible("29/02/2028"), None);
        assert_eq!(
            impossible("12/13/1980").as_deref(),
            Some("không có tháng 13")
        );
        assert!(wrong_date("Ngày", "abc", "15/11/2026").contains("ví dụ 15/11/2026"));
    }

    #[test]
    fn vietnam_day_starts_at_17_utc() {
        let t = DateTime::parse_from_rfc3339("2026-11-27T17:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(vn_today(t), d(2026, 11, 28));
    }
}
