//! Patrols (tuần tra): shift patterns, members' availability, the month's roster,
//! attendance and the patrol log.

use crate::error::{Error, FieldError, Result};
use crate::model::incident::parse_time;
use crate::text::clean;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A shift pattern as typed: "Ca đêm", 22:00–04:00, on chosen weekdays, N members, a route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct PatternInput {
    pub name: String,
    /// HH:MM, 24-hour.
    pub start: String,
    /// HH:MM; earlier than `start` means the shift ends the next morning.
    pub end: String,
    /// Monday first.
    pub weekdays: [bool; 7],
    pub needed: u8,
    /// The route or area covered (tuyến / khu vực).
    pub route: String,
}

/// A stored shift pattern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ShiftPattern {
    pub id: String,
    pub name: String,
    pub start: String,
    pub end: String,
    pub weekdays: [bool; 7],
    pub needed: u8,
    pub route: Option<String>,
}

/// A pattern after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPattern {
    pub name: String,
    pub start: String,
    pub end: String,
    pub weekdays: [bool; 7],
    pub needed: u8,
    pub route: Option<String>,
}

/// Checks a pattern.
pub fn validate_pattern(p: &PatternInput) -> Result<ValidPattern> {
    let mut errs = Vec::new();
    let name = clean(&p.name);
    if name.is_empty() {
        errs.push(FieldError::new("name", "Hãy đặt tên ca, ví dụ: Ca đêm."));
    }
    let start = parse_time(&p.start);
    if start.is_none() {
        errs.push(FieldError::new(
            "start",
            "Giờ bắt đầu chưa đúng (giờ:phút, 24 giờ), ví dụ 22:00.",
        ));
    }
    let end = parse_time(&p.end);
    if end.is_none() {
        errs.push(FieldError::new(
            "end",
            "Giờ kết thúc chưa đúng (giờ:phút, 24 giờ), ví dụ 04:00.",
        ));
    }
    if start.is_some() && start == end {
        errs.push(FieldError::new(
            "end",
            "Giờ kết thúc phải khác giờ bắt đầu.",
        ));
    }
    if !p.weekdays.iter().any(|d| *d) {
        errs.push(FieldError::new(
            "weekdays",
            "Hãy chọn ít nhất một ngày trong tuần.",
        ));
    }
    if !(1..=10).contains(&p.needed) {
        errs.push(FieldError::new("needed", "Mỗi ca cần từ 1 đến 10 người."));
    }
    if !errs.is_empty() {
        return Err(Error::invalid(errs));
    }
    let route = clean(&p.route);
    Ok(ValidPattern {
        name,
        start: start.expect("checked"),
        end: end.expect("checked"),
        weekdays: p.weekdays,
        needed: p.needed,
        route: (!route.is_empty()).then_some(route),
    })
}

/// Length of a shift in minutes; a shift ending at or before its start ends the next day.
pub fn shift_minutes(start: &str, end: &str) -> u32 {
    let m = |t: &str| -> u32 {
        let (h, mm) = t.split_once(':').unwrap_or(("0", "0"));
        h.parse::<u32>().unwrap_or(0) * 60 + mm.parse::<u32>().unwrap_or(0)
    };
    let (s, e) = (m(start), m(end));
    if e > s {
        e - s
    } else {
        e + 24 * 60 - s
    }
}

/// Weekdays as stored: seven '0'/'1' characters, Monday first.
pub(crate) fn weekdays_to_str(w: &[bool; 7]) -> String {
    w.iter().map(|d| if *d { '1' } else { '0' }).collect()
}

pub(crate) fn weekdays_from_str(s: &str) -> [bool; 7] {
    let mut w = [false; 7];
    for (i, c) in s.chars().take(7).enumerate() {
        w[i] = c == '1';
    }
    w
}

/// Parses weekdays as a user writes them: "T2,T4,T6", "CN", "2-6", "all"/"tất cả".
pub fn parse_weekdays(s: &str) -> Option<[bool; 7]> {
    let s = crate::text::fold(s);
    if s == "all" || s == "tat ca" || s == "hang ngay" {
        return Some([true; 7]);
    }
    let mut w = [false; 7];
    let day = |t: &str| -> Option<usize> {
        let t = t.trim().trim_start_matches("thu ").trim_start_matches('t');
        match t {
            "cn" | "chu nhat" | "8" => Some(6),
            _ => t
                .parse::<usize>()
                .ok()
                .filter(|n| (2..=7).contains(n))
                .map(|n| n - 2),
        }
    };
    for part in s.split([',', ' ']).filter(|p| !p.is_empty()) {
        if let Some((a, b)) = part.split_once('-') {
            let (a, b) = (day(a)?, day(b)?);
            if a > b {
                return None;
            }
            for d in w.iter_mut().take(b + 1).skip(a) {
                *d = true;
            }
        } else {
            w[day(part)?] = true;
        }
    }
    w.iter().any(|d| *d).then_some(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn night_shifts_cross_midnight() {
        assert_eq!(shift_minutes("22:00", "04:00"), 360);
        assert_eq!(shift_minutes("18:30", "22:00"), 210);
    }

    #[test]
    fn weekdays_in_vietnamese() {
        assert_eq!(
            parse_weekdays("T2,T4,T6"),
            Some([true, false, true, false, true, false, false])
        );
        assert_eq!(
            parse_weekdays("t7, CN"),
            Some([false, false, false, false, false, true, true])
        );
        assert_eq!(
            parse_weekdays("2-6"),
            Some([true, true, true, true, true, false, false])
        );
        assert_eq!(parse_weekdays("Tất cả"), Some([true; 7]));
        assert_eq!(parse_weekdays("T9"), None);
        assert_eq!(parse_weekdays(""), None);
        let w = [true, false, true, false, true, false, true];
        assert_eq!(weekdays_from_str(&weekdays_to_str(&w)), w);
    }

    #[test]
    fn pattern_checks() {
        let p = PatternInput {
            name: " Ca đêm ".into(),
            start: "22h".into(),
            end: "4:00".into(),
            weekdays: [true; 7],
            needed: 3,
            route: "Tuyến chợ – bờ sông".into(),
        };
        let v = validate_pattern(&p).unwrap();
        assert_eq!(
            (v.name.as_str(), v.start.as_str(), v.end.as_str()),
            ("Ca đêm", "22:00", "04:00")
        );
        let bad = PatternInput {
            start: "25:00".into(),
            needed: 0,
            weekdays: [false; 7],
            ..p
        };
        assert_eq!(validate_pattern(&bad).unwrap_err().fields.len(), 3);
    }
}

/// A member's attendance on a shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum Attendance {
    /// Có mặt.
    CoMat,
    /// Vắng có lý do.
    VangCoLyDo,
    /// Vắng không lý do.
    VangKhongLyDo,
    /// Thay bởi (another member did the shift).
    ThayBoi,
}

impl Attendance {
    /// The Vietnamese label.
    pub fn label(self) -> &'static str {
        match self {
            Attendance::CoMat => "Có mặt",
            Attendance::VangCoLyDo => "Vắng có lý do",
            Attendance::VangKhongLyDo => "Vắng không lý do",
            Attendance::ThayBoi => "Thay bởi",
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Attendance::CoMat => "co_mat",
            Attendance::VangCoLyDo => "vang_co_ly_do",
            Attendance::VangKhongLyDo => "vang_khong_ly_do",
            Attendance::ThayBoi => "thay_boi",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Attendance> {
        [
            Attendance::CoMat,
            Attendance::VangCoLyDo,
            Attendance::VangKhongLyDo,
            Attendance::ThayBoi,
        ]
        .into_iter()
        .find(|a| a.as_str() == s)
    }

    /// Whether the seat was actually covered (by the member or a substitute).
    pub fn covered(self) -> bool {
        matches!(self, Attendance::CoMat | Attendance::ThayBoi)
    }
}

/// One member's seat on a shift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Seat {
    pub member_id: String,
    pub name: String,
    pub attendance: Option<Attendance>,
    pub substitute_name: Option<String>,
    /// The member who stood in, when the attendance is "thay bởi".
    pub substitute_id: Option<String>,
    /// When the member actually started and ended (HH:MM), if recorded.
    pub actual_start: Option<String>,
    pub actual_end: Option<String>,
}

/// The shifts "Cả ca có mặt" marks: one shift, or the week (Monday to Sunday) of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum PresentScope {
    Shift {
        shift_id: String,
    },
    /// Any ISO date of the week.
    Week {
        day: String,
    },
}

/// What marking a shift or a week present did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct PresentMarked {
    /// Seats newly marked "có mặt".
    pub marked: u32,
    /// Shifts looked at that had started.
    pub shifts: u32,
    /// Shifts left alone because they have not started.
    pub not_started: u32,
}

/// A seat changed by hand since the roster was made, which "Xếp lại lịch" would undo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct HandEdit {
    /// ISO date of the shift.
    pub date: String,
    pub pattern_name: String,
    /// Who holds the seat now.
    pub name: String,
}

/// A hand edit of the roster, previewed before it is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum SeatEdit {
    /// Another member takes a seat.
    Replace {
        shift_id: String,
        member_out: String,
        member_in: String,
    },
    /// Two members trade seats.
    Swap {
        shift_a: String,
        member_a: String,
        shift_b: String,
        member_b: String,
    },
    /// A member moves to another shift.
    Move {
        from_shift: String,
        member_id: String,
        to_shift: String,
    },
}

/// A member's busy date or weekly busy day (bận), with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Availability {
    pub id: String,
    pub member_id: String,
    pub member_name: String,
    /// ISO date, for a single busy date.
    pub date: Option<String>,
    /// 0 = Monday … 6 = Sunday, for a busy day every week.
    pub weekday: Option<u8>,
    pub reason: String,
}

/// A shift of the month's roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct RosterShift {
    pub id: String,
    /// ISO date the shift starts.
    pub date: String,
    pub pattern_id: String,
    pub pattern_name: String,
    pub start: String,
    pub end: String,
    /// Saturday, Sunday or a public holiday.
    pub special: bool,
    pub needed: u8,
    pub seats: Vec<Seat>,
}

/// A member's nights in the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MemberTally {
    pub member_id: String,
    pub name: String,
    /// Shifts on the roster.
    pub total: u32,
    /// Of those, on a weekend or holiday.
    pub special: u32,
    /// Rostered shifts marked present.
    pub done: u32,
    /// Shifts done in another member's place.
    pub stood_in: u32,
}

/// A seat without a member, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct RosterGap {
    pub date: String,
    pub pattern_name: String,
    pub missing: u8,
    pub reason: String,
}

/// The month's roster as shown and printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct RosterView {
    /// `YYYY-MM`.
    pub month: String,
    pub shifts: Vec<RosterShift>,
    pub tallies: Vec<MemberTally>,
    pub gaps: Vec<RosterGap>,
    /// Members not rostered automatically: name and reason.
    pub not_rostered: Vec<(String, String)>,
    /// Rules the saved roster breaks (after hand edits), in Vietnamese.
    pub warnings: Vec<String>,
    /// The rest rule: at most this many nights in a row.
    pub max_consecutive: u8,
}

/// An entry of the patrol log (nhật ký tuần tra).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct LogEntry {
    pub id: String,
    pub shift_id: Option<String>,
    /// Local time in Vietnam, `YYYY-MM-DD HH:MM`.
    pub logged_at: String,
    pub note: String,
    /// The incident this entry was turned into, if any.
    pub incident_id: Option<String>,
}

super::named!(Attendance: [CoMat, VangCoLyDo, VangKhongLyDo, ThayBoi]);
