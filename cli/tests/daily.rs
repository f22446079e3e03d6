//! The daily work from the command line: marking a week present, regenerating a roster
//! that has hand edits, finding a commune's code in the national list, and a USB copy
//! sealed with a passphrase.

mod common;

use common::{ttq_at, GROUP_INIT};
use std::process::Output;

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(o: Output) -> String {
    assert!(o.status.success(), "{}", err(&o));
    out(&o)
}

/// The id a `… add` printed: "Đã thêm Hoàng Văn Nam (id)."
fn id_in(said: &str) -> String {
    said.rsplit_once('(')
        .unwrap()
        .1
        .split(')')
        .next()
        .unwrap()
        .to_string()
}

/// The shift id of a day in `ttq roster show` ("01a2…  04/12/2026  22:00–04:00  Ca đêm  …").
fn shift_on(show: &str, day: &str) -> String {
    show.lines()
        .find(|l| l.contains(day))
        .and_then(|l| l.split_whitespace().next())
        .unwrap()
        .to_string()
}

#[test]
fn a_week_is_marked_present_and_a_regeneration_names_the_hand_edits() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let nov = "2026-11-20T09:00:00+07:00";
    ok(ttq_at(d, nov, &GROUP_INIT));
    let mut ids = Vec::new();
    for (name, born) in [
        ("Hoàng Văn Nam", "02/02/1975"),
        ("Vũ Thị Lan", "03/03/1979"),
    ] {
        let said = ok(ttq_at(
            d,
            nov,
            &[
                "member",
                "add",
                "--name",
                name,
                "--birth-date",
                born,
                "--health-cert-date",
                "01/01/2026",
            ],
        ));
        ids.push(id_in(&said));
    }
    ok(ttq_at(
        d,
        nov,
        &[
            "patrol",
            "pattern-add",
            "--name",
            "Ca đêm",
            "--start",
            "22:00",
            "--end",
            "04:00",
            "--days",
            "T2-CN",
            "--needed",
            "2",
        ],
    ));
    ok(ttq_at(
        d,
        nov,
        &["roster", "generate", "--month", "2026-12"],
    ));
    let show = ok(ttq_at(d, nov, &["roster", "show", "--month", "2026-12"]));

    // A hand edit: Hoàng Văn Nam moves to a night he is not on.
    let (from, to) = show
        .lines()
        .filter(|l| l.contains("/12/2026"))
        .find(|l| l.contains("Hoàng Văn Nam"))
        .zip(
            show.lines()
                .filter(|l| l.contains("/12/2026"))
                .find(|l| !l.contains("Hoàng Văn Nam")),
        )
        .unwrap();
    let to_day = to
        .split_whitespace()
        .nth(1)
        .unwrap()
        .trim_end_matches('*')
        .to_string();
    let (from, to) = (
        from.split_whitespace().next().unwrap().to_string(),
        to.split_whitespace().next().unwrap().to_string(),
    );
    ok(ttq_at(
        d,
        "2026-11-20T09:05:00+07:00",
        &["roster", "move", &from, &ids[0], &to],
    ));

    // Regenerating would undo it: refused with the seat named, then done with --yes.
    let o = ttq_at(
        d,
        "2026-11-20T09:10:00+07:00",
        &["roster", "generate", "--month", "2026-12"],
    );
    assert!(!o.status.success());
    assert!(
        err(&o).contains(&format!(
            "Xếp lại lịch sẽ bỏ 1 chỗ đã sửa tay: {to_day} Ca đêm (Hoàng Văn Nam)"
        )),
        "{}",
        err(&o)
    );
    ok(ttq_at(
        d,
        "2026-11-20T09:10:00+07:00",
        &["roster", "generate", "--month", "2026-12", "--yes"],
    ));
    let show = ok(ttq_at(d, nov, &["roster", "show", "--month", "2026-12"]));

    // On 10/12 at 10:00 the shifts of 07–09/12 have been patrolled, 10–13/12 not yet.
    let tenth = "2026-12-10T10:00:00+07:00";
    let said = ok(ttq_at(
        d,
        tenth,
        &["patrol", "present", "--week", "09/12/2026"],
    ));
    assert!(said.contains(" lượt trong 3 ca."), "{said}");
    assert!(said.contains("4 ca chưa đến giờ nên chưa chấm."), "{said}");
    // A later night Vũ Thị Lan is on cannot be marked yet.
    let line = show
        .lines()
        .filter(|l| l.contains("/12/2026") && l.contains("Vũ Thị Lan"))
        .find(|l| {
            l.split_whitespace()
                .nth(1)
                .is_some_and(|d| d[..2].parse::<u32>().unwrap() > 13)
        })
        .unwrap();
    let day = line
        .split_whitespace()
        .nth(1)
        .unwrap()
        .trim_end_matches('*');
    let later = shift_on(&show, day);
    let o = ttq_at(
        d,
        tenth,
        &["patrol", "attend", &later, &ids[1], "--status", "co-mat"],
    );
    assert!(!o.status.success());
    assert!(
        err(&o).contains(&format!(
            "Ca ngày {day} bắt đầu lúc 22:00 nên chưa chấm công được"
        )),
        "{}",
        err(&o)
    );
    let o = ttq_at(d, tenth, &["patrol", "present", "--week", "31/02/2026"]);
    assert!(
        err(&o).contains("tháng 2 năm 2026 không có ngày 31"),
        "{}",
        err(&o)
    );
}

#[test]
fn a_commune_is_found_by_its_name_without_diacritics() {
    let dir = tempfile::tempdir().unwrap();
    let said = ok(ttq_at(
        dir.path(),
        "2026-12-02T09:00:00+07:00",
        &["places", "--search", "quang yen"],
    ));
    let first = said.lines().next().unwrap();
    assert_eq!(first, "07132  Phường Quảng Yên, Tỉnh Quảng Ninh (22)");
    assert!(said.contains("QĐ 19/2025/QĐ-TTg"));
    let provinces = ok(ttq_at(dir.path(), "2026-12-02T09:00:00+07:00", &["places"]));
    assert_eq!(
        provinces
            .lines()
            .filter(|l| l.len() > 4 && l.as_bytes()[2] == b' ')
            .count(),
        34
    );
    // Nothing is written: the list needs no data folder.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_usb_copy_sealed_with_a_passphrase_is_restored_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let (d, usb) = (dir.path().join("data"), dir.path().join("USB của An"));
    std::fs::create_dir(&usb).unwrap();
    let at = "2026-12-02T09:00:00+07:00";
    ok(ttq_at(&d, at, &GROUP_INIT));
    let usb_s = usb.to_str().unwrap();
    let with = |pass: Option<&str>, args: &[&str]| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_ttq"));
        c.arg("--data-dir")
            .arg(&d)
            .args(args)
            .env("TTQ_TEST_NOW", at);
        match pass {
            Some(p) => c.env("TTQ_BACKUP_PASSPHRASE", p),
            None => c.env_remove("TTQ_BACKUP_PASSPHRASE"),
        };
        c.output().unwrap()
    };
    let o = with(None, &["backup", "copy", "--to", usb_s, "--encrypt"]);
    assert!(err(&o).contains("TTQ_BACKUP_PASSPHRASE"), "{}", err(&o));
    let pass = "Tổ Thôn Đông năm 2026";
    ok(with(
        Some(pass),
        &["backup", "copy", "--to", usb_s, "--encrypt"],
    ));
    let file = std::fs::read_dir(&usb)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert!(file.to_string_lossy().ends_with(".sqlite.age"));
    let f = file.to_str().unwrap();
    let o = with(Some("sai mật khẩu rồi"), &["backup", "restore", f]);
    assert!(err(&o).contains("Mật khẩu chưa đúng"), "{}", err(&o));
    let said = ok(with(Some(pass), &["backup", "restore", f]));
    assert!(said.contains("Tổ bảo vệ ANTT Thôn Đông"), "{said}");
    assert!(said.contains("--yes"), "{said}");
}
