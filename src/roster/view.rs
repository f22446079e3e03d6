//! The month's roster as people read it, from its saved shifts: weekend and holiday marks,
//! each member's tallies, understaffed shifts, and the rules it breaks (double bookings,
//! busy dates, members who left or are not eligible, the rest rule). Also a hand edit
//! applied to a copy, to see what it would break before it is made.

use super::generate::is_special;
use crate::date;
use crate::error::{Error, Result};
use crate::model::member::{not_rostered_reason, DUPLICATE_NOTE};
use crate::model::patrol::{
    Attendance, Availability, MemberTally, RosterGap, RosterShift, RosterView, SeatEdit,
};
use crate::text;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// Where a member stands on the month's first day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub name: String,
    pub left: bool,
    /// Why they are not eligible (empty when they are).
    pub warnings: Vec<String>,
    /// Another record has the same name and birth date.
    pub possible_duplicate: bool,
}

/// The roster of `month` (`YYYY-MM`) from its shifts, with the rest rule `max_consecutive`.
pub fn build(
    month: &str,
    mut shifts: Vec<RosterShift>,
    max_consecutive: u8,
    availability: &[Availability],
    members: &HashMap<String, Standing>,
) -> RosterView {
    let mut tallies: HashMap<String, MemberTally> = HashMap::new();
    let mut gaps = Vec::new();
    let tally = |tallies: &mut HashMap<String, MemberTally>, id: &str, name: &str| {
        tallies
            .entry(id.to_string())
            .or_insert_with(|| MemberTally {
                member_id: id.to_string(),
                name: name.to_string(),
                total: 0,
                special: 0,
                done: 0,
                stood_in: 0,
            });
    };
    for s in &mut shifts {
        s.special = date::from_iso(&s.date).is_some_and(is_special);
        for seat in &s.seats {
            tally(&mut tallies, &seat.member_id, &seat.name);
            let t = tallies.get_mut(&seat.member_id).expect("just added");
            t.total += 1;
            t.special += u32::from(s.special);
            t.done += u32::from(seat.attendance == Some(Attendance::CoMat));
            if let (Some(id), Some(name)) = (&seat.substitute_id, &seat.substitute_name) {
                tally(&mut tallies, id, name);
                tallies.get_mut(id).expect("just added").stood_in += 1;
            }
        }
        let have = s.seats.len() as u8;
        if have < s.needed {
            gaps.push(RosterGap {
                date: s.date.clone(),
                pattern_name: s.pattern_name.clone(),
                missing: s.needed - have,
                reason: format!("Thiếu {} người.", s.needed - have),
            });
        }
    }
    let mut tallies: Vec<MemberTally> = tallies.into_values().collect();
    tallies.sort_by(|a, b| {
        b.total
            .cmp(&a.total)
            .then_with(|| text::collate_names(&a.name, &b.name))
    });
    let mut not_rostered: Vec<(String, String)> = members
        .values()
        .filter(|m| !m.left)
        .filter_map(|m| {
            not_rostered_reason(&m.warnings, m.possible_duplicate).map(|w| (m.name.clone(), w))
        })
        .collect();
    tidy_not_rostered(&mut not_rostered);
    let mut view = RosterView {
        month: month.to_string(),
        shifts,
        tallies,
        gaps,
        not_rostered,
        warnings: Vec::new(),
        max_consecutive,
    };
    view.warnings = warnings(&view, availability, members);
    view
}

/// Orders who is left off the roster by name, and lists two records of one name (a possible
/// duplicate) once, with every reason either gives.
pub fn tidy_not_rostered(list: &mut Vec<(String, String)>) {
    list.sort_by(|a, b| text::collate_names(&a.0, &b.0).then_with(|| a.1.cmp(&b.1)));
    let mut out: Vec<(String, String)> = Vec::with_capacity(list.len());
    for (name, why) in list.drain(..) {
        match out.last_mut() {
            Some((last, reasons))
                if *last == name
                    && reasons.contains(DUPLICATE_NOTE)
                    && why.contains(DUPLICATE_NOTE) =>
            {
                let fold = |c: &str| text::fold(c);
                for clause in why.split("; ") {
                    if !reasons.split("; ").any(|c| fold(c) == fold(clause)) {
                        let mut chars = clause.chars();
                        let lowered: String = chars
                            .next()
                            .map(|f| f.to_lowercase().chain(chars).collect())
                            .unwrap_or_default();
                        // Before the duplicate note, which stays last.
                        let at = reasons.find(DUPLICATE_NOTE).unwrap_or(reasons.len());
                        reasons.insert_str(at, &format!("{lowered}; "));
                    }
                }
            }
            _ => out.push((name, why)),
        }
    }
    *list = out;
}

/// What the roster breaks, member by member (by name).
pub fn warnings(
    v: &RosterView,
    availability: &[Availability],
    members: &HashMap<String, Standing>,
) -> Vec<String> {
    let k = i64::from(v.max_consecutive);
    let mut nights: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
    let mut names: HashMap<&str, &str> = HashMap::new();
    for s in &v.shifts {
        let Some(d) = date::from_iso(&s.date) else {
            continue;
        };
        for seat in &s.seats {
            nights.entry(&seat.member_id).or_default().push(d);
            names.insert(&seat.member_id, &seat.name);
        }
    }
    let mut out = Vec::new();
    let mut ids: Vec<&str> = nights.keys().copied().collect();
    ids.sort_by(|a, b| text::collate_names(names[a], names[b]).then_with(|| a.cmp(b)));
    for id in ids {
        let name = names[id];
        let mut dates = nights[id].clone();
        dates.sort();
        for w in dates.windows(2) {
            if w[0] == w[1] {
                out.push(format!(
                    "{name} trực hai ca trong đêm {}.",
                    date::format(w[0])
                ));
            }
        }
        for d in &dates {
            for a in availability.iter().filter(|a| a.member_id == id) {
                let hit = a.date.as_deref() == Some(date::iso(*d).as_str())
                    || a.weekday == Some(d.weekday().num_days_from_monday() as u8);
                if hit {
                    out.push(format!(
                        "{name} đã báo bận ngày {} ({}).",
                        date::format(*d),
                        a.reason
                    ));
                }
            }
        }
        match members.get(id) {
            Some(m) if m.left => out.push(format!("{name} đã rời tổ.")),
            Some(m) if !m.warnings.is_empty() => out.push(format!(
                "{name} chưa đủ điều kiện: {}.",
                m.warnings.join("; ")
            )),
            _ => {}
        }
        dates.dedup();
        let mut run = 1;
        for i in 1..=dates.len() {
            if i < dates.len() && dates[i] - dates[i - 1] == chrono::Duration::days(1) {
                run += 1;
                continue;
            }
            if run > k {
                out.push(format!(
                    "{name} trực {run} đêm liền (tối đa {k}), đến đêm {}.",
                    date::format(dates[i - 1])
                ));
            }
            run = 1;
        }
    }
    out
}

/// The roster as it would be after `edit`; `name_of` gives a member's name for a
/// replacement.
pub fn apply(
    v: &RosterView,
    edit: &SeatEdit,
    name_of: impl Fn(&str) -> Option<String>,
) -> Result<RosterView> {
    let mut after = v.clone();
    let seat_of = |v: &RosterView, shift: &str, member: &str| -> Result<(usize, usize)> {
        v.shifts
            .iter()
            .enumerate()
            .find_map(|(i, s)| {
                (s.id == shift)
                    .then(|| {
                        s.seats
                            .iter()
                            .position(|x| x.member_id == member)
                            .map(|k| (i, k))
                    })
                    .flatten()
            })
            .ok_or_else(|| Error::not_found("tổ viên trong ca này"))
    };
    match edit {
        SeatEdit::Replace {
            shift_id,
            member_out,
            member_in,
        } => {
            let (i, k) = seat_of(&after, shift_id, member_out)?;
            let name = name_of(member_in).ok_or_else(|| Error::not_found("tổ viên"))?;
            let seat = &mut after.shifts[i].seats[k];
            seat.member_id = member_in.clone();
            seat.name = name;
        }
        SeatEdit::Swap {
            shift_a,
            member_a,
            shift_b,
            member_b,
        } => {
            let (ia, ka) = seat_of(&after, shift_a, member_a)?;
            let (ib, kb) = seat_of(&after, shift_b, member_b)?;
            let a = after.shifts[ia].seats[ka].clone();
            let b = std::mem::replace(&mut after.shifts[ib].seats[kb], a);
            after.shifts[ia].seats[ka] = b;
        }
        SeatEdit::Move {
            from_shift,
            member_id,
            to_shift,
        } => {
            let (i, k) = seat_of(&after, from_shift, member_id)?;
            let seat = after.shifts[i].seats.remove(k);
            after
                .shifts
                .iter_mut()
                .find(|s| s.id == *to_shift)
                .ok_or_else(|| Error::not_found("ca tuần tra"))?
                .seats
                .push(seat);
        }
    }
    Ok(after)
}

#[cfg(test)]
mod tests {
    #[test]
    fn two_records_of_one_name_are_listed_once_with_every_reason() {
        let dup = super::DUPLICATE_NOTE;
        let mut list = vec![
            (
                "Bùi Công Thắng".to_string(),
                format!("Trên 70 tuổi (72 tuổi); {dup}"),
            ),
            (
                "An Văn Bình".to_string(),
                "Chưa đủ 18 tuổi (17 tuổi)".to_string(),
            ),
            (
                "Bùi Công Thắng".to_string(),
                format!("Trên 70 tuổi (72 tuổi); chưa có giấy khám sức khỏe; {dup}"),
            ),
            (
                "Lê Văn Bình".to_string(),
                "Chưa có giấy khám sức khỏe".to_string(),
            ),
        ];
        super::tidy_not_rostered(&mut list);
        assert_eq!(list.len(), 3, "{list:?}");
        assert_eq!(list[0].0, "An Văn Bình");
        assert_eq!(
            list[1].0, "Lê Văn Bình",
            "namesakes who are not duplicates stay apart"
        );
        assert_eq!(
            list[2].1,
            format!("Trên 70 tuổi (72 tuổi); chưa có giấy khám sức khỏe; {dup}")
        );
    }
}
