//! The roster as an iCalendar file (RFC 5545): one event per shift, times in
//! Asia/Ho_Chi_Minh (with its VTIMEZONE: UTC+7, no daylight saving), for the whole group or
//! one member.

use crate::model::patrol::RosterView;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets without splitting a UTF-8 character (§3.1).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn local(d: NaiveDate, hhmm: &str) -> String {
    let t = NaiveTime::parse_from_str(hhmm, "%H:%M").unwrap_or(NaiveTime::MIN);
    d.and_time(t).format("%Y%m%dT%H%M%S").to_string()
}

/// The calendar of `view`; with `member_id`, only that member's shifts.
pub fn to_ics(
    view: &RosterView,
    group_name: &str,
    member_id: Option<&str>,
    stamp: DateTime<Utc>,
) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//To tu quan ANTT//Lich tuan tra//VI".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!(
            "X-WR-CALNAME:{}",
            escape(&format!("Lịch tuần tra {group_name}"))
        ),
        "X-WR-TIMEZONE:Asia/Ho_Chi_Minh".into(),
        "BEGIN:VTIMEZONE".into(),
        "TZID:Asia/Ho_Chi_Minh".into(),
        "BEGIN:STANDARD".into(),
        "DTSTART:19750613T000000".into(),
        "TZOFFSETFROM:+0700".into(),
        "TZOFFSETTO:+0700".into(),
        "TZNAME:ICT".into(),
        "END:STANDARD".into(),
        "END:VTIMEZONE".into(),
    ];
    let dtstamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for s in &view.shifts {
        if member_id.is_some_and(|m| !s.seats.iter().any(|x| x.member_id == m)) {
            continue;
        }
        let Some(day) = crate::date::from_iso(&s.date) else {
            continue;
        };
        // A shift ending at or before its start ends the next morning.
        let end_day = if s.end <= s.start {
            day + Duration::days(1)
        } else {
            day
        };
        let names: Vec<&str> = s.seats.iter().map(|x| x.name.as_str()).collect();
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!(
                "UID:{}{}@ttq",
                s.id,
                member_id.map(|m| format!("-{m}")).unwrap_or_default()
            ),
            format!("DTSTAMP:{dtstamp}"),
            format!("DTSTART;TZID=Asia/Ho_Chi_Minh:{}", local(day, &s.start)),
            format!("DTEND;TZID=Asia/Ho_Chi_Minh:{}", local(end_day, &s.end)),
            format!(
                "SUMMARY:{}",
                escape(&format!("Tuần tra – {}", s.pattern_name))
            ),
            format!(
                "DESCRIPTION:{}",
                escape(&format!("Tổ viên: {}", names.join(", ")))
            ),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in &lines {
        fold(l, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_vietnamese_lines_fold_on_character_boundaries() {
        let mut out = String::new();
        let line = format!("DESCRIPTION:{}", "Nguyễn Thị Thanh Hảo, ".repeat(8));
        fold(&line, &mut out);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.strip_suffix("\r\n"), Some(line.as_str()));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
