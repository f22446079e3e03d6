//! Demo data: a realistic group so a newcomer sees a living group, and tests and
//! benchmarks have real material. Deterministic for a given seed and date.
//!
//! The story: Khu phố 3 of phường Yên Hải had thefts in its dark lanes; three months ago
//! residents put up cameras (a "Dân vận khéo" model since recognised) and thefts fell. Its
//! months are patrolled, recorded, written up and closed; each month's report says what
//! that month was. The ward's other groups are their own khu phố with their own habits.

mod cases;
mod ledger;
mod patrols;
mod practices;
mod reports;
mod story;
mod ward;

pub use ward::fill_ward;

use crate::error::Result;
use crate::model::group::{AreaKind, GroupInput, GroupKind, GroupSetup};
use crate::model::member::{Gender, LeaveInput, MemberInput, Role};
use crate::store::Store;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

/// A small deterministic generator (SplitMix64); the demo must not depend on a crate's RNG.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

/// What the demo's members agreed their data may be used for.
const CONSENT_PURPOSE: &str =
    "Quản lý tổ viên, phân công tuần tra và báo cáo Công an phường theo quy định";

const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý",
];
const MALE_MIDDLE: &[&str] = &["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thanh"];
const FEMALE_MIDDLE: &[&str] = &["Thị", "Thị Thu", "Thị Hồng", "Ngọc", "Thị Thanh", "Thu"];
const MALE_GIVEN: &[&str] = &[
    "Hùng", "Dũng", "Tuấn", "Thắng", "Cường", "Hải", "Long", "Sơn", "Tùng", "Quyết", "Khánh",
    "Đông", "Nghĩa", "Phúc",
];
const FEMALE_GIVEN: &[&str] = &[
    "Hảo", "Lan", "Hương", "Nga", "Thủy", "Hạnh", "Yến", "Loan", "Dung", "Mai",
];
const STREETS: &[&str] = &[
    "ngõ 12 đường Trần Khánh Dư",
    "ngõ 5 phố Lê Lợi",
    "đường Hoàng Hoa Thám",
    "ngõ 48 đường Ngô Quyền",
    "đường Yên Hải",
    "ngõ 7 phố Bạch Đằng",
];
const LEAVE_REASONS: &[&str] = &[
    "Chuyển nơi ở sang phường khác",
    "Lý do sức khỏe",
    "Đi làm ăn xa",
];

fn date(d: NaiveDate) -> String {
    crate::date::format(d)
}

fn mobile(rng: &mut Rng) -> String {
    let prefix = ["091", "098", "097", "086", "035", "039", "083", "077"][rng.below(8) as usize];
    format!("{prefix}{:07}", rng.below(10_000_000))
}

/// What makes one demo group unlike another: its khu phố and its habits.
pub(crate) struct Profile {
    /// Khu phố number.
    pub area: u32,
    /// Runs the camera model (Khu phố 3): thefts fall after it starts.
    pub camera: bool,
    /// Tổ viên besides the leader and the two deputies.
    pub members: usize,
    /// Members on the night shift, and its nights (Monday first).
    pub night_needed: u8,
    pub night_days: [bool; 7],
    /// A weekend evening shift too.
    pub evening: bool,
    /// Incidents other than thefts in a month: at least this many.
    pub busy: u64,
    pub households: i32,
}

impl Profile {
    /// The app's own demo group: Khu phố 3, the camera story.
    fn khu_pho_3() -> Profile {
        Profile {
            area: 3,
            camera: true,
            members: 16,
            night_needed: 3,
            night_days: [true; 7],
            evening: true,
            busy: 2,
            households: 312,
        }
    }

    /// The ward demo's Khu phố `area`, its habits from `seed`.
    pub(crate) fn of(area: u32, seed: u64) -> Profile {
        if area == 3 {
            return Profile::khu_pho_3();
        }
        let mut rng = Rng(seed ^ 0xA5A5);
        let nights: [[bool; 7]; 3] = [
            [true; 7],
            [false, true, false, true, true, true, true],
            [true, false, true, false, true, true, false],
        ];
        Profile {
            area,
            camera: false,
            members: 10 + rng.below(9) as usize,
            night_needed: 2 + rng.below(2) as u8,
            night_days: nights[rng.below(3) as usize],
            evening: rng.below(2) == 0,
            busy: 1 + rng.below(4),
            households: 180 + 40 * rng.below(6) as i32,
        }
    }

    fn area_name(&self) -> String {
        format!("Khu phố {}", self.area)
    }
}

/// The demo group's identity (a khu phố of phường Yên Hải, Quảng Ninh; codes illustrative).
pub fn demo_group() -> GroupInput {
    group_input(&Profile::khu_pho_3())
}

fn group_input(p: &Profile) -> GroupInput {
    let area = p.area_name();
    GroupInput {
        kind: GroupKind::BaoVeAntt,
        name: format!("Tổ bảo vệ an ninh, trật tự {area}"),
        province_code: "22".into(),
        province_name: "Quảng Ninh".into(),
        commune_code: "07069".into(),
        commune_name: "Phường Yên Hải".into(),
        area_kind: AreaKind::KhuPho,
        area_name: area,
        decision_number: format!("{}/QĐ-UBND", 122 + p.area),
        decision_date: "15/08/2024".into(),
        police_unit: "Công an phường Yên Hải".into(),
        households: Some(p.households),
        residents: Some(p.households * 38 / 10),
    }
}

/// Fills an empty store with the demo group, Khu phố 3: 20 members (leader, two deputies),
/// three leavers (one anonymised, leavers kept five years), a few eligibility warnings and one duplicate entry; seven
/// months (this one and the six before) of incidents (one corrected, one struck through),
/// activities and attended rosters with a patrol log; the six past months written up and
/// closed, and one group in five by seed with an amendment to last month.
pub fn fill(store: &mut Store, now: DateTime<Utc>, seed: u64) -> Result<()> {
    fill_profile(store, now, seed, &Profile::khu_pho_3())
}

/// Fills an empty store with the demo group of `profile`.
pub(crate) fn fill_profile(
    store: &mut Store,
    now: DateTime<Utc>,
    seed: u64,
    profile: &Profile,
) -> Result<()> {
    // Throw-away data: the app makes no automatic backups of it.
    store.set_local_value(crate::app::backup::DEMO, Some("1"))?;
    let mut rng = Rng(seed);
    let today = crate::date::vn_today(now);
    let founded = NaiveDate::from_ymd_opt(2024, 8, 15).expect("valid date");
    let area = profile.area_name();
    let person = |rng: &mut Rng, role: Role, female: bool, age: i32| -> MemberInput {
        let name = if female {
            format!(
                "{} {} {}",
                rng.pick(SURNAMES),
                rng.pick(FEMALE_MIDDLE),
                rng.pick(FEMALE_GIVEN)
            )
        } else {
            format!(
                "{} {} {}",
                rng.pick(SURNAMES),
                rng.pick(MALE_MIDDLE),
                rng.pick(MALE_GIVEN)
            )
        };
        let birth = NaiveDate::from_ymd_opt(
            today.year() - age,
            1 + rng.below(12) as u32,
            1 + rng.below(28) as u32,
        )
        .expect("valid date");
        let joined = founded + Duration::days(rng.below(400) as i64);
        let joined = joined.min(today);
        MemberInput {
            full_name: name,
            gender: Some(if female { Gender::Nu } else { Gender::Nam }),
            birth_date: date(birth),
            phone: mobile(rng),
            address: format!("Số {}, {}, {area}", 1 + rng.below(120), rng.pick(STREETS)),
            role: Some(role),
            joined_on: date(joined),
            cccd: if rng.below(3) == 0 {
                format!("0221{:08}", rng.below(100_000_000))
            } else {
                String::new()
            },
            health_cert_date: if rng.below(6) == 0 {
                String::new()
            } else {
                date(joined - Duration::days(10 + rng.below(60) as i64))
            },
            consent_date: date(joined),
            consent_purpose: CONSENT_PURPOSE.into(),
            notes: String::new(),
        }
    };

    let age = 55 + rng.below(8) as i32;
    let mut leader = person(&mut rng, Role::ToTruong, false, age);
    if profile.camera {
        leader.full_name = "Trần Văn Quyết".into();
    }
    leader.joined_on = date(founded);
    leader.notes = "Nguyên cán bộ Công an thị xã, nghỉ hưu năm 2020.".into();
    let leader_name = leader.full_name.clone();
    crate::app::group::create(
        store,
        &GroupSetup {
            group: group_input(profile),
            leader,
        },
        now,
    )?;

    let mut ids = Vec::new();
    let mut deputy = person(&mut rng, Role::ToPho, true, 47);
    if profile.camera {
        deputy.full_name = "Nguyễn Thị Thanh Hảo".into();
    }
    let deputy_name = deputy.full_name.clone();
    ids.push(store.add_member(&deputy, now)?.id);
    ids.push(
        store
            .add_member(&person(&mut rng, Role::ToPho, false, 41), now)?
            .id,
    );
    for i in 0..profile.members {
        let female = i % 3 == 1;
        let age = match i {
            3 => 72, // over 70: needs the chairman's approval
            9 => 17, // a keen youth volunteer, not yet 18
            _ => 20 + rng.below(45) as i32,
        };
        ids.push(
            store
                .add_member(&person(&mut rng, Role::ToVien, female, age), now)?
                .id,
        );
    }
    // The same person entered twice, as happens on a shared PC.
    let twin = store.member(&ids[5])?;
    let mut again = person(&mut rng, Role::ToVien, twin.gender == Some(Gender::Nu), 30);
    again.full_name = twin.full_name.clone();
    again.birth_date = twin.birth_date.clone().unwrap_or_default();
    store.add_member(&again, now)?;

    let leavers: Vec<usize> = [12, 15, 17]
        .into_iter()
        .filter(|i| *i < ids.len())
        .collect();
    for (k, idx) in leavers.iter().enumerate() {
        let m = store.member(&ids[*idx])?;
        let joined = m
            .joined_on
            .as_deref()
            .and_then(crate::date::from_iso)
            .unwrap_or(founded);
        let left = (joined + Duration::days(90 + 30 * k as i64)).min(today);
        store.leave_member(
            &ids[*idx],
            &LeaveInput {
                left_on: date(left),
                reason: LEAVE_REASONS[k].into(),
            },
            now,
        )?;
    }
    if let Some(idx) = leavers.get(1) {
        store.anonymise_member(&ids[*idx], now)?;
    }
    // The group keeps a leaver's data five years, as many groups decide.
    crate::app::retention::set(store, Some(5), today)?;
    let active: Vec<String> = ids
        .iter()
        .enumerate()
        .filter(|(i, _)| !leavers.contains(i))
        .map(|(_, id)| id.clone())
        .collect();
    let people = ledger::People {
        leader: &leader_name,
        deputy: &deputy_name,
        members: &active,
    };
    ledger::fill(store, now, &mut rng, profile, &people)?;
    patrols::fill(store, now, &mut rng, profile, &active)?;
    practices::fill(store, now, profile, &leader_name, &deputy_name)?;
    // One group in five (by seed, the app's own demo among them) amended last month.
    reports::fill(store, now, profile, &leader_name, seed % 5 == 1)?;
    practices::recognise(store, now, profile, &leader_name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::incident::IncidentFilter;
    use std::collections::HashSet;
    use std::path::Path;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn hour_fits(t: &str, (a, b): (u32, u32)) -> bool {
        let h: u32 = t[..2].parse().unwrap();
        if a <= b {
            (a..=b).contains(&h)
        } else {
            h >= a || h <= b
        }
    }

    /// The story holds on any day: the first of a month, the last, a new year, 29/02.
    #[test]
    fn the_demo_tells_one_true_story() {
        for now in [
            "2026-12-02T10:00:00+07:00",
            "2027-01-01T00:30:00+07:00",
            "2026-11-30T23:30:00+07:00",
            "2028-02-29T12:00:00+07:00",
        ] {
            let now = at(now);
            let mut s = Store::open(Path::new(":memory:")).unwrap();
            fill(&mut s, now, 2026).unwrap();
            let today = crate::date::vn_today(now);
            let list = s.list_incidents(&IncidentFilter::default()).unwrap().items;
            // No two records read alike, and each happened at an hour it can happen.
            let mut seen = HashSet::new();
            for i in &list {
                assert!(seen.insert(i.title.clone()), "{now}: twice: {}", i.title);
                let case = cases::THEFTS
                    .iter()
                    .chain(cases::OTHERS)
                    .find(|c| c.title == i.title);
                if let (Some(c), Some(t)) = (case, &i.occurred_time) {
                    assert!(hour_fits(t, c.hours), "{now}: {} at {t}", i.title);
                }
            }
            // Thefts fall after the cameras go up: the model's own measured results say so.
            let camera = s
                .list_practices()
                .unwrap()
                .into_iter()
                .find(|p| p.name.starts_with("Camera"))
                .unwrap();
            let p = s.practice(&camera.id).unwrap();
            let thefts = p
                .results
                .unwrap()
                .rows
                .into_iter()
                .find(|r| r.label.contains("Trộm cắp"))
                .unwrap();
            assert!(thefts.after < thefts.before, "{now}: {thefts:?}");
            // Every closed month was patrolled and has its own words.
            let group = s.require_group().unwrap();
            let mut situations = HashSet::new();
            let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap();
            for back in 1..=reports::CLOSED {
                let m = this_month - chrono::Months::new(back);
                let key = format!("{:04}-{:02}", m.year(), m.month());
                assert!(s.is_month_closed(&group.id, &key).unwrap(), "{now}: {key}");
                let f = crate::app::patrols::figures(&s, &key).unwrap();
                assert!(f.patrols_held > 20, "{now}: {key}: {f:?}");
                let n = s.narrative(&group.id, &key).unwrap();
                assert!(situations.insert(n.situation), "{now}: {key} repeats");
                // Notes are written during the night shift.
                for e in s.log_entries(&key).unwrap() {
                    assert!(hour_fits(&e.logged_at[11..], (22, 3)), "{now}: {e:?}");
                }
            }
        }
    }

    #[test]
    fn the_wards_groups_are_their_own() {
        let now = at("2026-12-02T10:00:00+07:00");
        let mut a = Store::open(Path::new(":memory:")).unwrap();
        fill_profile(&mut a, now, 101, &Profile::of(2, 101)).unwrap();
        let mut b = Store::open(Path::new(":memory:")).unwrap();
        fill_profile(&mut b, now, 103, &Profile::of(4, 103)).unwrap();
        let ga = a.require_group().unwrap();
        let gb = b.require_group().unwrap();
        assert_eq!(ga.name, "Tổ bảo vệ an ninh, trật tự Khu phố 2");
        assert_ne!(ga.leader_name, gb.leader_name);
        assert_ne!(ga.households, gb.households);
        let titles = |s: &Store| -> Vec<String> {
            s.list_incidents(&IncidentFilter::default())
                .unwrap()
                .items
                .into_iter()
                .map(|i| i.title)
                .collect()
        };
        assert_ne!(titles(&a), titles(&b));
        let key = "2026-10";
        assert_ne!(
            crate::app::patrols::figures(&a, key).unwrap(),
            crate::app::patrols::figures(&b, key).unwrap()
        );
        // Only Khu phố 3 runs the camera model.
        assert!(a
            .list_practices()
            .unwrap()
            .iter()
            .all(|p| !p.name.starts_with("Camera")));
    }
}
