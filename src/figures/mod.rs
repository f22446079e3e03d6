//! The month's figures computed from plain rows: pure functions, no storage. The group's
//! store and the ward (from the rows a package carries) feed the same functions, so both
//! count the same way; `digest` is what the issued report prints.

use crate::model::activity::{ActivityKind, ActivitySummary};
use crate::model::figures::{
    ActivityFact, Facts, IncidentCounts, IncidentFact, MemberCounts, MemberFact, MonthFigures,
    PatrolFigures, Period, SeatFact, ShiftFact,
};
use crate::model::incident::IncidentStatus;
use crate::model::member::Role;
use crate::model::patrol::{shift_minutes, Attendance};
use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest as _, Sha256};

/// Everything counted for `period`.
pub fn month(rows: &Facts, period: Period) -> MonthFigures {
    MonthFigures {
        members: members(&rows.members, period),
        patrols: patrols(&rows.shifts, period),
        incidents: incidents(&rows.incidents, period),
        activities: activities(&rows.activities, period),
    }
}

/// Whether a member is in the group on the period's last day.
fn active_at_end(m: &MemberFact, p: Period) -> bool {
    m.joined_on.is_none_or(|d| d < p.to) && m.left_on.is_none_or(|d| d >= p.to)
}

/// Members at the end of the period, and who joined or left during it.
pub fn members(rows: &[MemberFact], p: Period) -> MemberCounts {
    let mut c = MemberCounts::default();
    for m in rows {
        c.joined += u32::from(m.joined_on.is_some_and(|d| p.contains(d)));
        c.left += u32::from(m.left_on.is_some_and(|d| p.contains(d)));
        if active_at_end(m, p) {
            c.active += 1;
            c.leaders += u32::from(m.role == Role::ToTruong);
            c.deputies += u32::from(m.role == Role::ToPho);
        }
    }
    c
}

/// The names of those who joined and those who left during the period, in row order.
pub fn member_changes(rows: &[MemberFact], p: Period) -> (Vec<String>, Vec<String>) {
    let names = |f: fn(&MemberFact) -> Option<NaiveDate>| {
        rows.iter()
            .filter(|m| f(m).is_some_and(|d| p.contains(d)))
            .map(|m| m.name.clone())
            .collect()
    };
    (names(|m| m.joined_on), names(|m| m.left_on))
}

/// The period's patrols: shifts planned and held, member-turns, minutes, seats recorded.
pub fn patrols(shifts: &[ShiftFact], p: Period) -> PatrolFigures {
    let mut f = PatrolFigures::default();
    for s in shifts.iter().filter(|s| p.contains(s.date)) {
        f.shifts_planned += 1;
        let covered: Vec<&SeatFact> = s
            .seats
            .iter()
            .filter(|x| x.attendance.is_some_and(Attendance::covered))
            .collect();
        f.seats_recorded += s.seats.iter().filter(|x| x.attendance.is_some()).count() as u32;
        f.patrols_held += u32::from(!covered.is_empty());
        f.member_turns += covered.len() as u32;
        for seat in covered {
            f.minutes += match &seat.actual {
                Some((a, b)) => shift_minutes(a, b),
                None => shift_minutes(&s.start, &s.end),
            };
        }
    }
    f
}

/// The period's incidents by status, tip and category.
pub fn incidents(rows: &[IncidentFact], p: Period) -> IncidentCounts {
    let mut c = IncidentCounts::default();
    for i in rows.iter().filter(|i| p.contains(i.occurred_on)) {
        c.total += 1;
        c.transferred += u32::from(i.status == IncidentStatus::DaChuyenCongAn);
        c.valuable_tips += u32::from(i.valuable_tip);
        *c.by_category.entry(i.category.clone()).or_default() += 1;
    }
    c
}

/// The period's activities: meetings, awareness, mediations, residence support, fire and
/// rescue, commitments.
pub fn activities(rows: &[ActivityFact], p: Period) -> ActivitySummary {
    let mut s = ActivitySummary::default();
    let n = |v: Option<i32>| v.unwrap_or(0).max(0) as u32;
    for a in rows.iter().filter(|a| p.contains(a.held_on)) {
        match a.kind {
            ActivityKind::HopTo => s.group_meetings += 1,
            ActivityKind::HopDan => {
                s.resident_meetings += 1;
                s.resident_meeting_attendees += n(a.people);
            }
            ActivityKind::TuyenTruyen => {
                s.awareness_sessions += 1;
                s.people_reached += n(a.people);
            }
            ActivityKind::HoaGiai => {
                s.mediations += 1;
                s.mediations_successful += u32::from(a.mediation_success == Some(true));
            }
            ActivityKind::HoTroCuTru => s.residence_support += 1,
            ActivityKind::PcccCuuNan => s.fire_rescue += 1,
            ActivityKind::CamKet => s.households_committed += n(a.households),
        }
    }
    s
}

/// The version of the digest's canonical form (`docs/export-format.md`).
pub const DIGEST_VERSION: u32 = 2;

/// What the digest is computed over, in this field order.
#[derive(Serialize)]
struct Canonical<'a> {
    digest: u32,
    group: &'a str,
    month: &'a str,
    figures: &'a MonthFigures,
}

/// The exact text the digest hashes: compact JSON of the digest version, the group id, the
/// month and the figures, fields in declaration order, categories sorted by code.
pub fn canonical(group_id: &str, month: &str, f: &MonthFigures) -> String {
    serde_json::to_string(&Canonical {
        digest: DIGEST_VERSION,
        group: group_id,
        month,
        figures: f,
    })
    .expect("figures serialise")
}

/// The month's data digest printed on the issued report and carried in its package:
/// the first 8 bytes of SHA-256 of `canonical`, as `XXXX-XXXX-XXXX-XXXX`.
pub fn digest(group_id: &str, month: &str, f: &MonthFigures) -> String {
    crate::model::ward::short_code(&Sha256::digest(canonical(group_id, month, f).as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn nov() -> Period {
        Period::month("2026-11").unwrap()
    }

    fn seat(a: Option<Attendance>, actual: Option<(&str, &str)>) -> SeatFact {
        SeatFact {
            attendance: a,
            actual: actual.map(|(x, y)| (x.into(), y.into())),
        }
    }

    #[test]
    fn members_count_at_the_months_last_day() {
        let m = |role, joined: Option<NaiveDate>, left: Option<NaiveDate>| MemberFact {
            name: format!("{role:?}{joined:?}"),
            role,
            joined_on: joined,
            left_on: left,
        };
        let rows = vec![
            m(Role::ToTruong, None, None),
            m(Role::ToPho, Some(d(2025, 1, 1)), None),
            m(Role::ToVien, Some(d(2026, 11, 30)), None),
            // Joins on the 1st of the next month: not yet a member.
            m(Role::ToVien, Some(d(2026, 12, 1)), None),
            // Leaves during the month, and on the 1st of the next (still in on the 30th).
            m(Role::ToVien, Some(d(2025, 1, 1)), Some(d(2026, 11, 15))),
            m(Role::ToPho, Some(d(2025, 1, 1)), Some(d(2026, 12, 1))),
        ];
        let c = members(&rows, nov());
        assert_eq!(
            c,
            MemberCounts {
                active: 4,
                leaders: 1,
                deputies: 2,
                joined: 1,
                left: 1
            }
        );
        let (joined, left) = member_changes(&rows, nov());
        assert_eq!((joined.len(), left.len()), (1, 1));
    }

    #[test]
    fn patrol_time_uses_actual_times_and_crosses_midnight() {
        let night = |day, seats| ShiftFact {
            date: d(2026, 11, day),
            start: "22:00".into(),
            end: "04:00".into(),
            seats,
        };
        let shifts = vec![
            night(
                1,
                vec![
                    seat(Some(Attendance::CoMat), None),
                    seat(Some(Attendance::CoMat), Some(("22:30", "01:00"))),
                    seat(Some(Attendance::VangKhongLyDo), None),
                ],
            ),
            night(2, vec![seat(None, None), seat(None, None)]),
            night(3, vec![seat(Some(Attendance::ThayBoi), None)]),
            // The 1st of the next month is not this month's.
            ShiftFact {
                date: d(2026, 12, 1),
                ..night(1, vec![seat(Some(Attendance::CoMat), None)])
            },
        ];
        let f = patrols(&shifts, nov());
        assert_eq!(
            f,
            PatrolFigures {
                shifts_planned: 3,
                patrols_held: 2,
                member_turns: 3,
                minutes: 360 + 150 + 360,
                seats_recorded: 4
            }
        );
        assert_eq!(f.hours(), 14.5);
        assert_eq!(f.attendance_rate(), Some(0.75));
        assert_eq!(PatrolFigures::default().attendance_rate(), None);
    }

    #[test]
    fn incidents_and_activities_count_in_their_month() {
        let inc = |day, cat: &str, status, tip| IncidentFact {
            occurred_on: day,
            category: cat.into(),
            status,
            valuable_tip: tip,
        };
        let rows = Facts {
            incidents: vec![
                inc(
                    d(2026, 11, 1),
                    "trom_cap",
                    IncidentStatus::DaChuyenCongAn,
                    true,
                ),
                inc(d(2026, 11, 30), "trom_cap", IncidentStatus::Moi, false),
                inc(
                    d(2026, 11, 9),
                    "chay_no",
                    IncidentStatus::DaGiaiQuyet,
                    false,
                ),
                inc(d(2026, 12, 1), "trom_cap", IncidentStatus::Moi, true),
            ],
            activities: vec![
                ActivityFact {
                    kind: ActivityKind::HopDan,
                    held_on: d(2026, 11, 5),
                    people: Some(40),
                    households: None,
                    mediation_success: None,
                },
                ActivityFact {
                    kind: ActivityKind::HoaGiai,
                    held_on: d(2026, 11, 6),
                    people: None,
                    households: None,
                    mediation_success: Some(true),
                },
                ActivityFact {
                    kind: ActivityKind::CamKet,
                    held_on: d(2026, 10, 31),
                    people: None,
                    households: Some(12),
                    mediation_success: None,
                },
            ],
            ..Default::default()
        };
        let f = month(&rows, nov());
        assert_eq!(f.incidents.total, 3);
        assert_eq!(f.incidents.transferred, 1);
        assert_eq!(f.incidents.valuable_tips, 1);
        assert_eq!(f.incidents.by_category["trom_cap"], 2);
        assert_eq!(f.activities.resident_meetings, 1);
        assert_eq!(f.activities.resident_meeting_attendees, 40);
        assert_eq!(f.activities.mediations_successful, 1);
        assert_eq!(f.activities.households_committed, 0);
    }

    #[test]
    fn the_digest_is_over_canonical_integers_and_codes() {
        let mut f = MonthFigures::default();
        f.incidents.total = 2;
        f.incidents.by_category.insert("trom_cap".into(), 2);
        f.patrols.minutes = 720;
        let text = canonical("g1", "2026-11", &f);
        assert!(
            text.starts_with(
                r#"{"digest":2,"group":"g1","month":"2026-11","figures":{"members":{"active":0,"#
            ),
            "{text}"
        );
        assert!(text.contains(r#""by_category":{"trom_cap":2}"#), "{text}");
        assert!(
            !text.contains(' ') && !text.contains('.'),
            "no display strings or reals: {text}"
        );
        let a = digest("g1", "2026-11", &f);
        assert_eq!(a.len(), 19);
        assert!(a
            .chars()
            .all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_lowercase()));
        f.incidents.total = 3;
        assert_ne!(digest("g1", "2026-11", &f), a);
        assert_ne!(digest("g2", "2026-11", &f), digest("g1", "2026-11", &f));
    }

    /// The worked example in `docs/export-format.md` is what the code computes.
    #[test]
    fn the_specified_example_digest_is_what_the_code_computes() {
        let doc = include_str!("../../docs/export-format.md");
        let start = doc
            .find("{\"digest\":2,")
            .expect("the canonical text in the spec");
        let text = &doc[start..start + doc[start..].find('\n').unwrap()];
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        let f: MonthFigures = serde_json::from_value(v["figures"].clone()).unwrap();
        let group = v["group"].as_str().unwrap();
        assert_eq!(canonical(group, "2026-10", &f), text);
        let d = digest(group, "2026-10", &f);
        assert!(doc.contains(&format!("gives `{d}`")), "{d}");
    }
}
