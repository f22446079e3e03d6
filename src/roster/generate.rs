//! Monthly roster generation: pure, deterministic, fair.
//!
//! # Algorithm
//! 1. Every night of the month and every shift pattern running that weekday gives a slot
//!    needing N members. A shift belongs to the date it starts (22:00–04:00 on the 5th is the
//!    5th's night). Nights that start on a Saturday, a Sunday or a public holiday are
//!    *special* nights.
//! 2. Special slots are filled first, in date order, then ordinary slots, in date order.
//!    Each seat goes to the available member with the lowest load, where load is
//!    `(special nights, total nights + carry-over)` for a special slot and
//!    `(total nights + carry-over, special nights)` for an ordinary one. Ties are broken by a
//!    hash of (member, date, pattern), so the result depends only on the input, and partners
//!    vary from night to night instead of following the member list.
//! 3. A member is available for a slot when eligible (active, age and health certificate —
//!    decided by the caller, with the reason kept), not blocked that date or weekday, not
//!    already on another pattern that night, and when taking it keeps their run of
//!    consecutive nights at most `max_consecutive` (checked on both sides, since special
//!    nights are filled before the ordinary nights between them).
//! 4. A seat nobody can take is reported as a gap with the reason, never filled by
//!    breaking a rule.
//!
//! # Fairness guarantee
//! With no carry-over, among members with the same availability (same blocks) and no rest
//! rule binding, totals differ by at most one and special nights differ by at most one:
//! phase 1 gives each special seat to a member with the fewest special nights, so special
//! counts (and totals, all equal to them after phase 1) stay within one of each other; phase
//! 2 gives each ordinary seat to a member with the fewest total nights, which keeps totals
//! within one and does not touch special counts. A member who did more last month starts
//! with that surplus as carry-over and so gets fewer nights this month. The property tests in
//! `tests/roster.rs` check these bounds over random groups and months.

use super::holidays::is_holiday;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::collections::{HashMap, HashSet};

/// A shift pattern: a named shift on chosen weekdays needing some members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub id: String,
    pub name: String,
    /// Monday first.
    pub weekdays: [bool; 7],
    pub needed: u8,
}

/// A member as the roster sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: String,
    /// Why the member is not rostered automatically (left, under 18, no health certificate).
    pub not_eligible: Option<String>,
    pub blocked_dates: Vec<NaiveDate>,
    /// Monday first.
    pub blocked_weekdays: [bool; 7],
    /// Nights done last month above (positive) or below the group's average.
    pub carry_over: i32,
}

/// What to roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub year: i32,
    pub month: u32,
    pub patterns: Vec<Pattern>,
    pub candidates: Vec<Candidate>,
    /// No member works more than this many nights in a row.
    pub max_consecutive: u32,
}

/// One shift of the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shift {
    pub date: NaiveDate,
    pub pattern_id: String,
    pub members: Vec<String>,
    /// Saturday, Sunday or a public holiday.
    pub special: bool,
}

/// A seat that could not be filled, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub date: NaiveDate,
    pub pattern_id: String,
    pub missing: u8,
    /// In Vietnamese, for the leader.
    pub reason: String,
}

/// A member's nights in the roster.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: u32,
    pub special: u32,
}

/// The generated roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    pub shifts: Vec<Shift>,
    pub gaps: Vec<Gap>,
    pub tallies: HashMap<String, Tally>,
    /// Members left out of automatic rostering, with the reason.
    pub not_rostered: Vec<(String, String)>,
}

fn weekday_index(d: NaiveDate) -> usize {
    d.weekday().num_days_from_monday() as usize
}

/// Whether a night is special (weekend or public holiday).
pub fn is_special(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun) || is_holiday(d)
}

/// FNV-1a over the parts: a stable tie-breaker.
fn tie(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    h
}

/// Why a candidate cannot take a slot, if they cannot.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Unavailable {
    Blocked,
    SameNight,
    Rest,
}

struct State<'a> {
    req: &'a Request,
    nights: HashMap<&'a str, HashSet<NaiveDate>>,
    tallies: HashMap<&'a str, Tally>,
}

impl<'a> State<'a> {
    fn check(&self, c: &Candidate, date: NaiveDate) -> Result<(), Unavailable> {
        if c.blocked_weekdays[weekday_index(date)] || c.blocked_dates.contains(&date) {
            return Err(Unavailable::Blocked);
        }
        let mine = &self.nights[c.id.as_str()];
        if mine.contains(&date) {
            return Err(Unavailable::SameNight);
        }
        let run = |step: i64| {
            (1..)
                .take_while(|k| mine.contains(&(date + Duration::days(step * k))))
                .count() as u32
        };
        if run(-1) + 1 + run(1) > self.req.max_consecutive {
            return Err(Unavailable::Rest);
        }
        Ok(())
    }
}

/// Generates the roster for the requested month.
pub fn generate(req: &Request) -> Roster {
    let eligible: Vec<&Candidate> = req
        .candidates
        .iter()
        .filter(|c| c.not_eligible.is_none())
        .collect();
    let not_rostered = req
        .candidates
        .iter()
        .filter_map(|c| c.not_eligible.clone().map(|r| (c.id.clone(), r)))
        .collect();
    let mut state = State {
        req,
        nights: eligible
            .iter()
            .map(|c| (c.id.as_str(), HashSet::new()))
            .collect(),
        tallies: eligible
            .iter()
            .map(|c| (c.id.as_str(), Tally::default()))
            .collect(),
    };

    let first = NaiveDate::from_ymd_opt(req.year, req.month, 1);
    let days: Vec<NaiveDate> = first
        .map(|f| {
            f.iter_days()
                .take_while(|d| d.month() == req.month)
                .collect()
        })
        .unwrap_or_default();
    let mut shifts: Vec<Shift> = Vec::new();
    for &date in &days {
        for p in &req.patterns {
            if p.weekdays[weekday_index(date)] && p.needed > 0 {
                shifts.push(Shift {
                    date,
                    pattern_id: p.id.clone(),
                    members: Vec::new(),
                    special: is_special(date),
                });
            }
        }
    }
    let needed: HashMap<&str, u8> = req
        .patterns
        .iter()
        .map(|p| (p.id.as_str(), p.needed))
        .collect();

    let mut gaps = Vec::new();
    for phase_special in [true, false] {
        for shift in shifts.iter_mut().filter(|s| s.special == phase_special) {
            let want = needed[shift.pattern_id.as_str()];
            for _ in 0..want {
                let mut reasons: HashMap<Unavailable, u32> = HashMap::new();
                let pick = eligible
                    .iter()
                    .filter(|c| match state.check(c, shift.date) {
                        Ok(()) => true,
                        Err(why) => {
                            *reasons.entry(why).or_default() += 1;
                            false
                        }
                    })
                    .min_by_key(|c| {
                        let t = &state.tallies[c.id.as_str()];
                        let total = t.total as i64 + i64::from(c.carry_over);
                        let load = if phase_special {
                            (i64::from(t.special), total)
                        } else {
                            (total, i64::from(t.special))
                        };
                        let date = shift.date.to_string();
                        (load, tie(&[&c.id, &date, &shift.pattern_id]))
                    });
                match pick {
                    Some(c) => {
                        state
                            .nights
                            .get_mut(c.id.as_str())
                            .expect("known")
                            .insert(shift.date);
                        let t = state.tallies.get_mut(c.id.as_str()).expect("known");
                        t.total += 1;
                        t.special += u32::from(shift.special);
                        shift.members.push(c.id.clone());
                    }
                    None => {
                        let missing = want - shift.members.len() as u8;
                        gaps.push(Gap {
                            date: shift.date,
                            pattern_id: shift.pattern_id.clone(),
                            missing,
                            reason: gap_reason(eligible.len(), &reasons, req.max_consecutive),
                        });
                        break;
                    }
                }
            }
        }
    }
    gaps.sort_by(|a, b| (a.date, &a.pattern_id).cmp(&(b.date, &b.pattern_id)));
    Roster {
        tallies: state
            .tallies
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        shifts,
        gaps,
        not_rostered,
    }
}

fn gap_reason(eligible: usize, reasons: &HashMap<Unavailable, u32>, k: u32) -> String {
    if eligible == 0 {
        return "Chưa có tổ viên nào đủ điều kiện để xếp lịch.".into();
    }
    let mut parts = Vec::new();
    if let Some(n) = reasons.get(&Unavailable::Blocked) {
        parts.push(format!("{n} người báo bận"));
    }
    if let Some(n) = reasons.get(&Unavailable::SameNight) {
        parts.push(format!("{n} người đã trực ca khác đêm đó"));
    }
    if let Some(n) = reasons.get(&Unavailable::Rest) {
        parts.push(format!("{n} người đã trực {k} đêm liền"));
    }
    format!("Không đủ người: {}.", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: &str) -> Candidate {
        Candidate {
            id: id.into(),
            not_eligible: None,
            blocked_dates: vec![],
            blocked_weekdays: [false; 7],
            carry_over: 0,
        }
    }

    fn night(needed: u8) -> Pattern {
        Pattern {
            id: "dem".into(),
            name: "Ca đêm".into(),
            weekdays: [true; 7],
            needed,
        }
    }

    #[test]
    fn a_small_group_shares_a_month_evenly_and_deterministically() {
        let req = Request {
            year: 2026,
            month: 11,
            patterns: vec![night(2)],
            candidates: (1..=7).map(|i| member(&format!("m{i}"))).collect(),
            max_consecutive: 2,
        };
        let r = generate(&req);
        assert!(r.gaps.is_empty());
        assert_eq!(r.shifts.len(), 30);
        let totals: Vec<u32> = r.tallies.values().map(|t| t.total).collect();
        assert_eq!(totals.iter().sum::<u32>(), 60);
        assert!(totals.iter().max().unwrap() - totals.iter().min().unwrap() <= 1);
        assert_eq!(generate(&req), r, "same input, same roster");
    }

    #[test]
    fn gaps_say_why() {
        let mut a = member("a");
        a.blocked_dates = vec![NaiveDate::from_ymd_opt(2026, 11, 3).unwrap()];
        let mut b = member("b");
        b.not_eligible = Some("Chưa có giấy khám sức khỏe".into());
        let req = Request {
            year: 2026,
            month: 11,
            patterns: vec![night(1)],
            candidates: vec![a, b],
            max_consecutive: 31,
        };
        let r = generate(&req);
        assert_eq!(r.gaps.len(), 1);
        assert_eq!(
            r.gaps[0].date,
            NaiveDate::from_ymd_opt(2026, 11, 3).unwrap()
        );
        assert_eq!(r.gaps[0].reason, "Không đủ người: 1 người báo bận.");
        assert_eq!(
            r.not_rostered,
            [("b".to_string(), "Chưa có giấy khám sức khỏe".to_string())]
        );
    }

    #[test]
    fn carry_over_gives_fewer_nights_to_who_did_more() {
        let mut busy = member("busy");
        busy.carry_over = 3;
        let req = Request {
            year: 2026,
            month: 11,
            patterns: vec![night(1)],
            candidates: vec![busy, member("b"), member("c")],
            max_consecutive: 31,
        };
        let r = generate(&req);
        assert_eq!(r.tallies["busy"].total, 8);
        assert_eq!(r.tallies["b"].total + r.tallies["c"].total, 22);
    }
}
