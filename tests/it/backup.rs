//! Backups on real files: the day's copy, copies before risky tasks, what a copy holds,
//! restoring (and what is refused with nothing changed), a damaged file recovered with the
//! damaged one kept, an old schema copied before it is upgraded.

use crate::common::{later, member, now, store_with_group};
use chrono::Duration;
use std::path::{Path, PathBuf};
use ttq::app::backup;
use ttq::model::backup::DataKind;
use ttq::store::DB_FILE;
use ttq::{app, ErrorCode, Store};

fn backups(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir.join("sao-luu"))
        .map(|it| {
            it.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn members(s: &Store) -> usize {
    app::members::list(s, &Default::default(), now())
        .unwrap()
        .items
        .len()
}

#[test]
fn the_first_use_of_a_day_backs_up_once_and_a_copy_restores_what_it_held() {
    let (dir, mut s) = store_with_group();
    drop(s);
    // 27/11 09:00: the first opening of the day makes one copy, the second none.
    s = backup::open(dir.path(), now()).unwrap();
    s = {
        drop(s);
        backup::open(dir.path(), now() + Duration::hours(3)).unwrap()
    };
    assert_eq!(backups(dir.path()), ["ttq-2026-11-27-0900.sqlite"]);
    let first = dir.path().join("sao-luu/ttq-2026-11-27-0900.sqlite");
    let held = backup::verify(&first).unwrap();
    assert_eq!(held.kind, DataKind::Group);
    assert_eq!(held.members, 1);
    assert_eq!(held.name.as_deref(), Some("Tổ tự quản ANTT Thôn Đông"));

    app::members::add(&mut s, &member("Phạm Thị Hoa", "02/03/1980"), now()).unwrap();
    assert_eq!(members(&s), 2);
    // The next day (Vietnam time: 28/11 00:30 is still 27/11 in UTC) makes another copy.
    backup::daily(&s, now() + Duration::minutes(15 * 60 + 30));
    assert_eq!(backups(dir.path()).len(), 2, "{:?}", backups(dir.path()));

    let restored = backup::restore(&mut s, &first, false, now() + Duration::days(1)).unwrap();
    assert_eq!(restored.members, 1);
    assert_eq!(members(&s), 1, "the member added after the copy is gone");
    assert!(
        backups(dir.path())
            .iter()
            .any(|n| n.ends_with("-truoc-khoi-phuc.sqlite")),
        "the data was backed up before it was replaced: {:?}",
        backups(dir.path())
    );
    // The restored file is the store's from now on, also after reopening.
    app::members::add(&mut s, &member("Đỗ Văn Nam", "02/03/1982"), now()).unwrap();
    drop(s);
    let s = Store::open_dir(dir.path()).unwrap();
    assert_eq!(members(&s), 2);
    let list = backup::list(dir.path());
    assert!(list.iter().all(|b| b.problem.is_none()), "{list:?}");
}

#[test]
fn a_ward_a_damaged_file_and_another_groups_copy_are_refused_with_nothing_changed() {
    let (dir, mut s) = store_with_group();
    app::members::add(&mut s, &member("Phạm Thị Hoa", "02/03/1980"), now()).unwrap();
    drop(s);
    let before = std::fs::read(dir.path().join(DB_FILE)).unwrap();
    let mut s = Store::open_dir(dir.path()).unwrap();
    let other = tempfile::tempdir().unwrap();

    // A ward's file.
    let mut ward = Store::open_dir(&other.path().join("phuong")).unwrap();
    ttq::demo::fill_ward(&mut ward, now()).unwrap();
    let ward_copy = other.path().join("phuong.sqlite");
    ward.backup_to(&ward_copy).unwrap();
    let e = backup::restore(&mut s, &ward_copy, true, now()).unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert!(e.message.contains("của phường"), "{}", e.message);

    // Another group's file needs the confirmation.
    let mut g2 = Store::open_dir(&other.path().join("to-khac")).unwrap();
    ttq::demo::fill(&mut g2, now(), 7).unwrap();
    let g2_copy = other.path().join("to khác.sqlite");
    g2.backup_to(&g2_copy).unwrap();
    let e = backup::restore(&mut s, &g2_copy, false, now()).unwrap_err();
    assert_eq!(e.code, ErrorCode::NeedsConfirmation);
    assert!(e.message.contains("Khu phố 3"), "{}", e.message);

    // A damaged file, a file of another program, one from a newer version.
    let damaged = other.path().join("hong.sqlite");
    let mut bytes = std::fs::read(&g2_copy).unwrap();
    for b in &mut bytes[8192..40960] {
        *b = 0x5a;
    }
    std::fs::write(&damaged, &bytes).unwrap();
    let e = backup::restore(&mut s, &damaged, true, now()).unwrap_err();
    assert_eq!(e.code, ErrorCode::DatabaseCorrupt, "{e:?}");
    assert!(e.message.contains("bị hỏng"), "{}", e.message);
    let text = other.path().join("ghi chu.sqlite");
    std::fs::write(&text, "không phải cơ sở dữ liệu").unwrap();
    assert_eq!(
        backup::restore(&mut s, &text, true, now())
            .unwrap_err()
            .code,
        ErrorCode::DatabaseCorrupt
    );
    let newer = other.path().join("moi.sqlite");
    std::fs::copy(&g2_copy, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    assert_eq!(
        backup::restore(&mut s, &newer, true, now())
            .unwrap_err()
            .code,
        ErrorCode::DatabaseTooNew
    );

    drop(s);
    assert!(
        std::fs::read(dir.path().join(DB_FILE)).unwrap() == before,
        "the data file is as it was"
    );
    assert!(backups(dir.path()).is_empty(), "{:?}", backups(dir.path()));

    // Confirmed, another group's copy is restored.
    let mut s = Store::open_dir(dir.path()).unwrap();
    let c = backup::restore(&mut s, &g2_copy, true, now()).unwrap();
    assert_eq!(s.require_group().unwrap().name, c.name.unwrap());
}

#[test]
fn a_damaged_data_file_names_the_newest_good_copy_and_is_kept_aside_on_recovery() {
    let (dir, mut s) = store_with_group();
    app::members::add(&mut s, &member("Phạm Thị Hoa", "02/03/1980"), now()).unwrap();
    let good = backup::create(&s, ttq::backup::Occasion::Manual, now()).unwrap();
    drop(s);
    let live = dir.path().join(DB_FILE);
    let mut bytes = std::fs::read(&live).unwrap();
    let len = bytes.len();
    for b in &mut bytes[4096..len.min(4096 * 6)] {
        *b = 0xa5;
    }
    std::fs::write(&live, &bytes).unwrap();

    let e = backup::open(dir.path(), now()).err().expect("refused");
    assert_eq!(e.code, ErrorCode::DatabaseCorrupt);
    assert!(e.message.contains("bị hỏng"), "{}", e.message);
    assert!(
        e.message.contains("ttq-2026-11-27-0900-thu-cong.sqlite") && e.message.contains("sao lưu"),
        "{}",
        e.message
    );
    assert!(std::fs::read(&live).unwrap() == bytes, "nothing written");

    let (s, aside) = backup::recover(dir.path(), &good, now()).unwrap();
    assert_eq!(members(&s), 2);
    assert!(
        std::fs::read(&aside).unwrap() == bytes,
        "the damaged file is kept"
    );
    assert!(aside
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("ttq-hong-"));
}

#[test]
fn an_old_schema_is_copied_as_it_was_before_it_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let fixture =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/upgrade/v5-group.sqlite");
    std::fs::copy(&fixture, dir.path().join(DB_FILE)).unwrap();
    let s = backup::open(dir.path(), now()).unwrap();
    assert_eq!(s.user_version().unwrap(), ttq::store::schema_version());
    let names = backups(dir.path());
    assert_eq!(
        names,
        ["ttq-2026-11-27-0900-truoc-nang-cap.sqlite"],
        "no daily copy on top"
    );
    let copy = backup::verify(&dir.path().join("sao-luu").join(&names[0])).unwrap();
    assert_eq!(copy.schema_version, 5);
    assert_eq!(backup::status(&s, now()).unwrap().problem, None);
}

#[test]
fn a_usb_copy_sealed_with_a_passphrase_is_opened_only_with_it_and_restores() {
    let (dir, mut s) = store_with_group();
    let usb = dir.path().join("USB của An");
    std::fs::create_dir(&usb).unwrap();
    let pass = "Tổ Thôn Đông năm 2026";
    assert_eq!(
        backup::copy_to(&s, &usb, Some("ngắn"), now())
            .unwrap_err()
            .fields[0]
            .field,
        "passphrase"
    );
    assert_eq!(
        std::fs::read_dir(&usb).unwrap().count(),
        0,
        "nothing written"
    );
    let p = backup::copy_to(&s, &usb, Some(pass), now()).unwrap();
    assert!(
        p.to_string_lossy().ends_with(".sqlite.age"),
        "{}",
        p.display()
    );
    let bytes = std::fs::read(&p).unwrap();
    assert!(!bytes.windows(15).any(|w| w == b"SQLite format 3"));
    assert!(!bytes.windows(6).any(|w| w == "Thành".as_bytes()));
    // The stick holds only the sealed file; its plain copy stays on this PC.
    assert_eq!(std::fs::read_dir(&usb).unwrap().count(), 1);
    let info = backup::describe(&p);
    assert!(info.sealed && info.contents.is_none() && info.problem.is_none());

    s.add_member(&member("Phạm Thị Hoa", "02/03/1980"), later(5))
        .unwrap();
    let e = backup::unseal(dir.path(), &p, "Tổ Thôn Đông năm 2025", later(6)).unwrap_err();
    assert_eq!(e.fields[0].field, "passphrase");
    let opened = backup::unseal(dir.path(), &p, pass, later(6)).unwrap();
    assert_eq!(
        opened.occasion.as_deref(),
        Some("Mở từ bản sao USB có mật khẩu")
    );
    assert_eq!(opened.contents.as_ref().unwrap().members, 1);
    backup::restore(&mut s, Path::new(&opened.path), false, later(7)).unwrap();
    let members = s
        .list_members(&Default::default(), crate::common::today())
        .unwrap();
    assert_eq!(members.items.len(), 1, "Hoa came after the copy");
}

#[test]
fn a_copy_to_a_usb_stick_clears_the_reminder_for_30_days() {
    let (dir, s) = store_with_group();
    assert!(backup::status(&s, now()).unwrap().offsite_due);
    let usb = dir.path().join("USB của An");
    assert_eq!(
        backup::copy_to(&s, &usb, None, now()).unwrap_err().code,
        ErrorCode::NotFound
    );
    std::fs::create_dir(&usb).unwrap();
    let p = backup::copy_to(&s, &usb, None, now()).unwrap();
    assert!(p.starts_with(&usb));
    assert_eq!(backup::verify(&p).unwrap().members, 1);
    assert!(
        !backup::status(&s, now() + Duration::days(29))
            .unwrap()
            .offsite_due
    );
    assert!(
        backup::status(&s, now() + Duration::days(31))
            .unwrap()
            .offsite_due
    );
}

#[test]
fn a_backup_that_cannot_be_written_does_not_stop_the_work_and_is_shown() {
    let (dir, mut s) = store_with_group();
    // A file where the backup folder should be.
    std::fs::write(dir.path().join("sao-luu"), "x").unwrap();
    app::members::add(&mut s, &member("Phạm Thị Hoa", "02/03/1980"), now()).unwrap();
    backup::daily(&s, now());
    let st = backup::status(&s, now()).unwrap();
    assert!(
        st.problem
            .as_deref()
            .unwrap_or("")
            .starts_with("Không tạo được thư mục sao lưu"),
        "{st:?}"
    );
    std::fs::remove_file(dir.path().join("sao-luu")).unwrap();
    backup::daily(&s, now());
    assert_eq!(backup::status(&s, now()).unwrap().problem, None);
}
