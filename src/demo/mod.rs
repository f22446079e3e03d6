//! Demo data: a realistic group so a newcomer sees a living group, and tests and
//! benchmarks have real material. Deterministic for a given seed and date.

mod ledger;
mod patrols;
mod practices;
mod reports;
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

/// The demo group's identity (a khu phố of phường Yên Hải, Quảng Ninh; codes illustrative).
pub fn demo_group() -> GroupInput {
    GroupInput {
        kind: GroupKind::BaoVeAntt,
        name: "Tổ bảo vệ an ninh, trật tự Khu phố 3".into(),
        province_code: "22".into(),
        province_name: "Quảng Ninh".into(),
        commune_code: "07069".into(),
        commune_name: "Phường Yên Hải".into(),
        area_kind: AreaKind::KhuPho,
        area_name: "Khu phố 3".into(),
        decision_number: "125/QĐ-UBND".into(),
        decision_date: "15/08/2024".into(),
        police_unit: "Công an phường Yên Hải".into(),
        households: Some(312),
        residents: Some(1_186),
    }
}

/// Fills an empty store with the demo group: 20 members (leader, two deputies), three
/// leavers (one anonymised), a few eligibility warnings and one duplicate entry; six months
/// of incidents (one corrected, one struck through) and activities; two shift patterns and
/// rosters for the three months before this one and this one, attended up to yesterday,
/// with a patrol log; those three months closed, and one group in five by seed with an
/// amendment to last month.
pub fn fill(store: &mut Store, now: DateTime<Utc>, seed: u64) -> Result<()> {
    let mut rng = Rng(seed);
    let today = crate::date::vn_today(now);
    let founded = NaiveDate::from_ymd_opt(2024, 8, 15).expect("valid date");
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
            address: format!(
                "Số {}, {}, Khu phố 3",
                1 + rng.below(120),
                rng.pick(STREETS)
            ),
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
            notes: String::new(),
        }
    };

    let mut leader = person(&mut rng, Role::ToTruong, false, 58);
    leader.full_name = "Trần Văn Quyết".into();
    leader.joined_on = date(founded);
    leader.notes = "Nguyên cán bộ Công an thị xã, nghỉ hưu năm 2020.".into();
    crate::app::group::create(
        store,
        &GroupSetup {
            group: demo_group(),
            leader,
        },
        now,
    )?;

    let mut ids = Vec::new();
    let mut deputy = person(&mut rng, Role::ToPho, true, 47);
    deputy.full_name = "Nguyễn Thị Thanh Hảo".into();
    ids.push(store.add_member(&deputy, now)?.id);
    ids.push(
        store
            .add_member(&person(&mut rng, Role::ToPho, false, 41), now)?
            .id,
    );
    for i in 0..16 {
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

    const LEAVERS: [usize; 3] = [12, 15, 17];
    for (k, idx) in LEAVERS.into_iter().enumerate() {
        let m = store.member(&ids[idx])?;
        let joined = m
            .joined_on
            .as_deref()
            .and_then(crate::date::from_iso)
            .unwrap_or(founded);
        let left = (joined + Duration::days(90 + 30 * k as i64)).min(today);
        store.leave_member(
            &ids[idx],
            &LeaveInput {
                left_on: date(left),
                reason: LEAVE_REASONS[k].into(),
            },
            now,
        )?;
    }
    store.anonymise_member(&ids[LEAVERS[1]], now)?;
    let active: Vec<String> = ids
        .iter()
        .enumerate()
        .filter(|(i, _)| !LEAVERS.contains(i))
        .map(|(_, id)| id.clone())
        .collect();
    ledger::fill(store, now, &mut rng, "Trần Văn Quyết", &active)?;
    patrols::fill(store, now, &mut rng, &active)?;
    practices::fill(store, now, "Trần Văn Quyết")?;
    // One group in five (by seed, the app's own demo among them) amended last month.
    reports::fill(store, now, "Trần Văn Quyết", seed % 5 == 1)
}
