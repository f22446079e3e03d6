//! Backup policy, as plain functions: what a backup file is called (when it was made, and
//! why), and which copies to keep: every copy of the last two days, the newest of each of
//! the last 7 days, 4 weeks and 12 months, and those made before a migration for a year.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDateTime, TimeZone, Utc};

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Occasion {
    /// The first use of a day.
    Daily,
    /// Asked for ("Sao lưu ngay").
    Manual,
    /// Before the schema is upgraded.
    BeforeMigration,
    /// Before a package is imported (ward).
    BeforeImport,
    /// Before a backup is restored over the data.
    BeforeRestore,
    /// Before a month is closed.
    BeforeClose,
    /// Before a member's details are anonymised.
    BeforeAnonymise,
    /// A USB copy sealed with a passphrase, opened to be restored.
    FromUsb,
}

impl Occasion {
    const ALL: [Occasion; 8] = [
        Occasion::Daily,
        Occasion::Manual,
        Occasion::BeforeMigration,
        Occasion::BeforeImport,
        Occasion::BeforeRestore,
        Occasion::BeforeClose,
        Occasion::BeforeAnonymise,
        Occasion::FromUsb,
    ];

    /// The file name's suffix; a daily copy has none.
    fn suffix(self) -> &'static str {
        match self {
            Occasion::Daily => "",
            Occasion::Manual => "-thu-cong",
            Occasion::BeforeMigration => "-truoc-nang-cap",
            Occasion::BeforeImport => "-truoc-nhan-tep",
            Occasion::BeforeRestore => "-truoc-khoi-phuc",
            Occasion::BeforeClose => "-truoc-chot-thang",
            Occasion::BeforeAnonymise => "-truoc-an-danh",
            Occasion::FromUsb => "-mo-tu-usb",
        }
    }

    /// What the user reads: "Hằng ngày", "Trước khi nâng cấp", ….
    pub fn label(self) -> &'static str {
        match self {
            Occasion::Daily => "Hằng ngày",
            Occasion::Manual => "Sao lưu ngay",
            Occasion::BeforeMigration => "Trước khi nâng cấp",
            Occasion::BeforeImport => "Trước khi nhận tệp",
            Occasion::BeforeRestore => "Trước khi khôi phục",
            Occasion::BeforeClose => "Trước khi chốt tháng",
            Occasion::BeforeAnonymise => "Trước khi ẩn danh",
            Occasion::FromUsb => "Mở từ bản sao USB có mật khẩu",
        }
    }
}

/// The folder of backups inside the data directory.
pub const FOLDER: &str = "sao-luu";

fn vn() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("valid offset")
}

/// "ttq-2026-12-02-0815.sqlite" (Vietnam time), with the reason's suffix, and `-2`, `-3`…
/// when `taken` already holds that name.
pub fn file_name(at: DateTime<Utc>, reason: Occasion, taken: &dyn Fn(&str) -> bool) -> String {
    let stem = format!(
        "ttq-{}{}",
        at.with_timezone(&vn()).format("%Y-%m-%d-%H%M"),
        reason.suffix()
    );
    let mut name = format!("{stem}.sqlite");
    let mut n = 2;
    while taken(&name) {
        name = format!("{stem}-{n}.sqlite");
        n += 1;
    }
    name
}

/// When and why a backup file was made, from its name; `None` for any other file.
pub fn parse_name(name: &str) -> Option<(DateTime<Utc>, Occasion)> {
    let rest = name.strip_prefix("ttq-")?.strip_suffix(".sqlite")?;
    let (stamp, tail) = rest.split_at_checked(15)?;
    let local = NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d-%H%M").ok()?;
    // A tie-break "-2" after the suffix belongs to the same reason.
    let tail = match tail.rsplit_once('-') {
        Some((head, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => head,
        _ => tail,
    };
    let reason = Occasion::ALL.into_iter().find(|r| r.suffix() == tail)?;
    let at = vn()
        .from_local_datetime(&local)
        .single()?
        .with_timezone(&Utc);
    Some((at, reason))
}

/// Of `backups` (name, made at, reason), the names to delete at `now`. The newest copy is
/// always kept.
pub fn to_prune(backups: &[(String, DateTime<Utc>, Occasion)], now: DateTime<Utc>) -> Vec<String> {
    let mut sorted: Vec<&(String, DateTime<Utc>, Occasion)> = backups.iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
    let local = |t: &DateTime<Utc>| t.with_timezone(&vn()).date_naive();
    let today = local(&now);
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    let mut months = Vec::new();
    let mut out = Vec::new();
    for (i, (name, at, reason)) in sorted.into_iter().enumerate() {
        let day = local(at);
        let age = today - day;
        let week = (day.iso_week().year(), day.iso_week().week());
        let month = (day.year(), day.month());
        let mut keep = i == 0 || age < Duration::days(2);
        keep |= *reason == Occasion::BeforeMigration && age < Duration::days(365);
        // The newest of each of the last 7 days, 4 weeks and 12 months that have a copy.
        if !days.contains(&day) && days.len() < 7 {
            days.push(day);
            keep = true;
        }
        if !weeks.contains(&week) && weeks.len() < 4 {
            weeks.push(week);
            keep = true;
        }
        if !months.contains(&month) && months.len() < 12 {
            months.push(month);
            keep = true;
        }
        if !keep {
            out.push(name.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn names_say_when_in_vietnam_and_why_and_read_back() {
        let t = at("2026-12-01T17:15:00Z"); // 02/12 00:15 in Vietnam
        let none = |_: &str| false;
        assert_eq!(
            file_name(t, Occasion::Daily, &none),
            "ttq-2026-12-02-0015.sqlite"
        );
        let taken = |n: &str| n == "ttq-2026-12-02-0015-truoc-nhan-tep.sqlite";
        let second = file_name(t, Occasion::BeforeImport, &taken);
        assert_eq!(second, "ttq-2026-12-02-0015-truoc-nhan-tep-2.sqlite");
        assert_eq!(parse_name(&second), Some((t, Occasion::BeforeImport)));
        for r in Occasion::ALL {
            assert_eq!(parse_name(&file_name(t, r, &none)), Some((t, r)));
        }
        assert_eq!(parse_name("ttq.sqlite"), None);
        assert_eq!(parse_name("ttq-2026-13-02-0015.sqlite"), None);
        assert_eq!(parse_name("ttq-2026-12-02-0015-la.sqlite"), None);
    }

    #[test]
    fn a_year_of_daily_copies_thins_to_days_weeks_and_months() {
        let now = at("2027-12-31T03:00:00Z");
        let mut all = Vec::new();
        for d in 0..400 {
            let t = now - Duration::days(d);
            all.push((format!("d{d}"), t, Occasion::Daily));
        }
        // Two event copies today and a migration copy 200 days ago, one 380 days ago.
        all.push((
            "event".into(),
            now - Duration::hours(1),
            Occasion::BeforeImport,
        ));
        all.push((
            "mig".into(),
            now - Duration::days(200),
            Occasion::BeforeMigration,
        ));
        all.push((
            "old-mig".into(),
            now - Duration::days(380),
            Occasion::BeforeMigration,
        ));
        let gone = to_prune(&all, now);
        let kept: Vec<&String> = all
            .iter()
            .map(|b| &b.0)
            .filter(|n| !gone.contains(n))
            .collect();
        assert!(kept.contains(&&"event".to_string()));
        assert!(kept.contains(&&"mig".to_string()));
        assert!(!kept.contains(&&"old-mig".to_string()));
        // 7 days + a few more weeks + up to 12 months, and the two extras.
        assert!((7 + 2..=7 + 3 + 12 + 2).contains(&kept.len()), "{kept:?}");
        for d in 0..7 {
            assert!(kept.contains(&&format!("d{d}")), "day {d}");
        }
        assert!(!kept.contains(&&"d399".to_string()));
    }

    #[test]
    fn the_newest_copy_is_kept_however_old() {
        let now = at("2027-12-31T03:00:00Z");
        let all = vec![(
            "only".to_string(),
            now - Duration::days(900),
            Occasion::Daily,
        )];
        assert!(to_prune(&all, now).is_empty());
    }
}
