//! Property tests of the roster invariants over random groups and months.

use chrono::{Datelike, Duration, NaiveDate};
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};
use ttq::roster::generate::{generate, is_special, Candidate, Pattern, Request, Roster};

fn member(i: usize) -> Candidate {
    Candidate {
        id: format!("m{i:03}"),
        not_eligible: None,
        blocked_dates: vec![],
        blocked_weekdays: [false; 7],
        carry_over: 0,
    }
}

fn patterns() -> impl Strategy<Value = Vec<Pattern>> {
    prop::collection::vec((prop::array::uniform7(any::<bool>()), 1u8..=4), 1..=3).prop_map(|ps| {
        ps.into_iter()
            .enumerate()
            .map(|(i, (weekdays, needed))| Pattern {
                id: format!("p{i}"),
                name: format!("Ca {i}"),
                weekdays,
                needed,
            })
            .collect()
    })
}

fn month() -> impl Strategy<Value = (i32, u32)> {
    (2020i32..=2050, 1u32..=12)
}

/// Random groups with some blocked dates and weekdays, some ineligible members.
fn request() -> impl Strategy<Value = Request> {
    (month(), patterns(), 1usize..=25, 1u32..=6, any::<u64>()).prop_map(
        |((y, m), patterns, n, k, seed)| {
            let mut s = seed;
            let mut next = move |r: u64| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (s >> 33) % r
            };
            let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap();
            let candidates = (0..n)
                .map(|i| {
                    let mut c = member(i);
                    if next(5) == 0 {
                        c.not_eligible = Some("Chưa có giấy khám sức khỏe".into());
                    }
                    for _ in 0..next(6) {
                        c.blocked_dates
                            .push(first + Duration::days(next(31) as i64));
                    }
                    if next(4) == 0 {
                        c.blocked_weekdays[next(7) as usize] = true;
                    }
                    c.carry_over = next(5) as i32 - 2;
                    c
                })
                .collect();
            Request {
                year: y,
                month: m,
                patterns,
                candidates,
                max_consecutive: k,
            }
        },
    )
}

fn nights_of(r: &Roster) -> HashMap<&str, Vec<NaiveDate>> {
    let mut out: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
    for s in &r.shifts {
        for m in &s.members {
            out.entry(m.as_str()).or_default().push(s.date);
        }
    }
    out
}

fn longest_run(dates: &[NaiveDate]) -> u32 {
    let set: HashSet<_> = dates.iter().collect();
    dates
        .iter()
        .filter(|d| !set.contains(&(**d - Duration::days(1))))
        .map(|d| {
            (0..)
                .take_while(|k| set.contains(&(*d + Duration::days(*k))))
                .count() as u32
        })
        .max()
        .unwrap_or(0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn rules_are_never_broken(req in request()) {
        let r = generate(&req);
        prop_assert_eq!(&generate(&req), &r, "deterministic");
        let by_id: HashMap<&str, &Candidate> = req.candidates.iter().map(|c| (c.id.as_str(), c)).collect();
        let mut per_night: HashMap<NaiveDate, HashSet<&str>> = HashMap::new();
        for s in &r.shifts {
            prop_assert_eq!(s.date.month(), req.month);
            for m in &s.members {
                let c = by_id[m.as_str()];
                prop_assert!(c.not_eligible.is_none(), "ineligible rostered");
                prop_assert!(!c.blocked_dates.contains(&s.date), "blocked date");
                prop_assert!(!c.blocked_weekdays[s.date.weekday().num_days_from_monday() as usize]);
                prop_assert!(per_night.entry(s.date).or_default().insert(m.as_str()), "twice in one night");
            }
        }
        for (m, dates) in nights_of(&r) {
            prop_assert!(longest_run(&dates) <= req.max_consecutive, "{} over the rest rule", m);
        }
        // Every seat is filled or reported, and a gap means nobody could take it.
        let needed: HashMap<&str, u8> = req.patterns.iter().map(|p| (p.id.as_str(), p.needed)).collect();
        let nights = nights_of(&r);
        for s in &r.shifts {
            let gap = r.gaps.iter().find(|g| g.date == s.date && g.pattern_id == s.pattern_id);
            let missing = gap.map_or(0, |g| g.missing);
            prop_assert_eq!(s.members.len() as u8 + missing, needed[s.pattern_id.as_str()]);
            if gap.is_some() {
                for c in req.candidates.iter().filter(|c| c.not_eligible.is_none()) {
                    let mine: HashSet<NaiveDate> = nights.get(c.id.as_str()).cloned().unwrap_or_default().into_iter().collect();
                    let blocked = c.blocked_dates.contains(&s.date)
                        || c.blocked_weekdays[s.date.weekday().num_days_from_monday() as usize];
                    let run = |step: i64| (1..).take_while(|k| mine.contains(&(s.date + Duration::days(step * k)))).count() as u32;
                    let rest = run(-1) + 1 + run(1) > req.max_consecutive;
                    prop_assert!(blocked || mine.contains(&s.date) || rest, "{} could have filled a gap", c.id);
                }
            }
        }
    }

    #[test]
    fn equal_members_get_equal_shares(((y, m), patterns, extra) in (month(), patterns(), 0usize..=10)) {
        // Enough members for every night, same availability, no carry-over, no rest limit.
        let per_night: usize = patterns.iter().map(|p| p.needed as usize).sum();
        let candidates: Vec<Candidate> = (0..per_night + extra).map(member).collect();
        let req = Request { year: y, month: m, patterns, candidates, max_consecutive: 31 };
        let r = generate(&req);
        prop_assert!(r.gaps.is_empty());
        let totals: Vec<u32> = r.tallies.values().map(|t| t.total).collect();
        let specials: Vec<u32> = r.tallies.values().map(|t| t.special).collect();
        prop_assert!(totals.iter().max().unwrap() - totals.iter().min().unwrap() <= 1, "totals {:?}", totals);
        prop_assert!(specials.iter().max().unwrap() - specials.iter().min().unwrap() <= 1, "specials {:?}", specials);
    }
}

#[test]
fn tet_nights_count_as_special_and_are_shared() {
    // February 2026: Tết from 16 to 20 February (Monday to Friday).
    let req = Request {
        year: 2026,
        month: 2,
        patterns: vec![Pattern {
            id: "dem".into(),
            name: "Ca đêm".into(),
            weekdays: [true; 7],
            needed: 2,
        }],
        candidates: (0..6).map(member).collect(),
        max_consecutive: 3,
    };
    let r = generate(&req);
    let tet: Vec<_> = r
        .shifts
        .iter()
        .filter(|s| (16..=20).contains(&s.date.day()))
        .collect();
    assert!(tet.iter().all(|s| s.special && s.members.len() == 2));
    assert!(is_special(NaiveDate::from_ymd_opt(2026, 2, 17).unwrap()));
    assert!(!is_special(NaiveDate::from_ymd_opt(2026, 2, 23).unwrap()));
    // 8 weekend nights + 5 Tết nights = 13 special nights, 26 seats over 6 members.
    let specials: Vec<u32> = r.tallies.values().map(|t| t.special).collect();
    assert_eq!(specials.iter().sum::<u32>(), 26);
    assert!(specials.iter().max().unwrap() - specials.iter().min().unwrap() <= 1);
    assert!(r.gaps.is_empty());
}
