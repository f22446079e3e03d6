//! Whatever a user types, validation answers with field errors and never panics.

use chrono::NaiveDate;
use proptest::prelude::*;
use ttq::model::group::{self, AreaKind, GroupInput, GroupKind};
use ttq::model::member::{self, MemberInput, Role};
use ttq::model::phone;
use ttq::{date, text};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

// Mixed text: Vietnamese letters, combining marks, digits, separators and odd code points.
fn typed() -> impl Strategy<Value = String> {
    prop::string::string_regex(
        "[0-9/.\\-+ a-zA-ZđĐăâêôơưạảãáàễ\u{0300}\u{0301}\u{0323}\u{200b}\u{1F600}]{0,24}",
    )
    .unwrap()
}

proptest! {
    #[test]
    fn parsers_never_panic(s in typed()) {
        let _ = date::parse(&s);
        if let Some(p) = phone::normalise(&s) {
            prop_assert!(p.bytes().all(|b| b.is_ascii_digit()));
        }
        let folded = text::fold(&s);
        prop_assert_eq!(text::fold(&folded), folded.clone(), "folding is idempotent");
        prop_assert!(text::matches(&folded, &s));
    }

    #[test]
    fn member_validation_answers_with_fields(
        name in typed(), birth in typed(), phone_s in typed(), cccd in typed(), joined in typed()
    ) {
        let input = MemberInput {
            full_name: name,
            birth_date: birth,
            phone: phone_s,
            cccd,
            joined_on: joined,
            role: Some(Role::ToVien),
            ..Default::default()
        };
        if let Err(e) = member::validate(&input, today()) {
            prop_assert!(!e.fields.is_empty());
            prop_assert!(e.fields.iter().all(|f| !f.message.is_empty()));
        }
    }

    #[test]
    fn group_validation_answers_with_fields(
        name in typed(), pc in typed(), cc in typed(), dd in typed(), h in any::<i32>(), r in any::<i32>()
    ) {
        let input = GroupInput {
            kind: GroupKind::Khac,
            name,
            province_code: pc,
            province_name: "Quảng Ninh".into(),
            commune_code: cc,
            commune_name: "Phường Yên Hải".into(),
            area_kind: AreaKind::Thon,
            area_name: "Thôn 1".into(),
            decision_number: String::new(),
            decision_date: dd,
            police_unit: "Công an phường Yên Hải".into(),
            households: Some(h),
            residents: Some(r),
        };
        if let Err(e) = group::validate(&input, today()) {
            prop_assert!(!e.fields.is_empty());
        }
    }
}
