//! Files only the ward can open: the ward's key file, pinned by a group (or brought by a
//! receipt), packages encrypted to it and opened by the ward (and by Debian's `age` with the
//! ward's identity); files for another ward, cut short or forged by someone without the
//! group's signing key leave the ward's data byte for byte as it was.

use crate::common::*;
use crate::sync::{at, demo, export, import, ward};
use std::path::Path;
use ttq::app::{self, recipient::PinOptions};
use ttq::sync::{keys, package, ward_key};
use ttq::{Reason, Store};

/// The ward's key file, as the ward saves it.
fn key_file(w: &mut Store) -> Vec<u8> {
    let f = app::ward::key_file(w).unwrap();
    let code = app::ward::get(w).unwrap().commune_code;
    assert_eq!(f.name, format!("Khoa-ma-hoa-phuong-{code}.txt"));
    f.bytes
}

fn pin(g: &mut Store, bytes: &[u8], confirmed_by: Option<&str>) -> ttq::Result<()> {
    let opts = PinOptions {
        dry_run: false,
        confirmed_by: confirmed_by.map(str::to_string),
    };
    app::recipient::pin(g, bytes, &opts, later(1)).map(|_| ())
}

/// The ward's identity as stored, for the `age` command.
fn identity(dir: &Path) -> String {
    rusqlite::Connection::open(dir.join("ttq.sqlite"))
        .unwrap()
        .query_row("SELECT age_identity FROM ward", [], |r| r.get(0))
        .unwrap()
}

/// Imports `bad` into the ward at `dir` and checks it is refused for `reason` with the
/// ward's data file unchanged, byte for byte.
fn refused(dir: &Path, bad: &[u8], reason: Reason) {
    let file = dir.join("ttq.sqlite");
    let before = std::fs::read(&file).unwrap();
    {
        let mut w = Store::open_dir(dir).unwrap();
        let e = import(&mut w, bad).unwrap_err();
        assert_eq!(e.reason, Some(reason), "{}", e.message);
    }
    assert!(
        std::fs::read(&file).unwrap() == before,
        "the ward's data changed"
    );
}

#[test]
fn a_group_with_the_wards_key_sends_a_file_only_that_ward_opens() {
    let gd = tempfile::tempdir().unwrap();
    let mut g = demo(gd.path());
    let wd = tempfile::tempdir().unwrap();
    let mut w = ward(wd.path());
    let ward_fp = app::ward::get(&w).unwrap().encryption_fingerprint.unwrap();

    // Without the ward's key the file is signed only, a zip anyone can open.
    assert!(app::recipient::pinned(&g).unwrap().is_none());
    let plain = export(&mut g, "2026-10", at("2026-11-03T02:00:00Z"));
    assert!(plain.starts_with(b"PK"));

    // The key file reads in Notepad, names the ward and its fingerprint, and pins.
    let key = key_file(&mut w);
    let text = String::from_utf8(key.clone()).unwrap();
    assert!(
        text.contains("Công an phường Yên Hải (mã 07069)") && text.contains(&ward_fp),
        "{text}"
    );
    let preview = app::recipient::pin(
        &mut g,
        &key,
        &PinOptions {
            dry_run: true,
            ..Default::default()
        },
        later(1),
    )
    .unwrap();
    assert_eq!(preview.key.fingerprint, ward_fp);
    assert!(!preview.applied && preview.replaces.is_none());
    assert!(
        app::recipient::pinned(&g).unwrap().is_none(),
        "a preview pins nothing"
    );
    pin(&mut g, &key, None).unwrap();
    assert_eq!(
        app::recipient::pinned(&g).unwrap().unwrap().fingerprint,
        ward_fp
    );

    // Now the file is encrypted: its name and bytes reveal nothing of the members.
    let file = app::sync::export(&mut g, "2026-10", false, at("2026-11-03T02:05:00Z")).unwrap();
    assert!(file.name.ends_with("_2026-10.ttq"), "{}", file.name);
    assert!(file.bytes.starts_with(b"age-encryption.org/v1\n-> X25519 "));
    let members = app::members::list(&g, &Default::default(), now()).unwrap();
    for m in &members.items {
        for needle in [
            m.full_name.as_bytes(),
            ttq::text::fold(&m.full_name).as_bytes(),
        ] {
            assert!(
                !file.bytes.windows(needle.len()).any(|x| x == needle),
                "{} readable in the file",
                m.full_name
            );
        }
    }

    // The ward opens it transparently; the same file again is recognised.
    let p = import(&mut w, &file.bytes).unwrap();
    assert!(p.applied && p.new > 100, "{p:?}");
    assert_eq!(Some(p.fingerprint.clone()), g.group_fingerprint().unwrap());
    let again = import(&mut w, &file.bytes).unwrap();
    assert!(again.already_imported && again.new == 0);

    // Debian's `age` opens it with the ward's identity: it is a plain age file.
    let id_file = wd.path().join("ward.key");
    std::fs::write(&id_file, identity(wd.path())).unwrap();
    let sealed = wd.path().join(&file.name);
    std::fs::write(&sealed, &file.bytes).unwrap();
    let out = std::process::Command::new("age")
        .arg("--decrypt")
        .arg("--identity")
        .arg(&id_file)
        .arg(&sealed)
        .output()
        .expect("the `age` command is missing: run scripts/setup.sh (Debian package age)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let inner = package::read(&out.stdout).unwrap();
    assert_eq!(inner.manifest.period, "2026-10");
    assert_eq!(inner.manifest.group.name, g.require_group().unwrap().name);
}

#[test]
fn hostile_encrypted_files_leave_the_ward_as_it_was() {
    let gd = tempfile::tempdir().unwrap();
    let mut g = demo(gd.path());
    let wd = tempfile::tempdir().unwrap();
    let mut w = ward(wd.path());
    // A signed-only file made before the key was pinned, as someone may have kept it.
    let plain = export(&mut g, "2026-10", at("2026-11-03T01:00:00Z"));
    pin(&mut g, &key_file(&mut w), None).unwrap();
    let good = export(&mut g, "2026-10", at("2026-11-03T02:00:00Z"));
    import(&mut w, &good).unwrap();
    let recipient = app::recipient::pinned(&g).unwrap().unwrap().recipient;
    drop(w);

    // Made for another ward (say the ward's PC was set up again without its backup).
    let other_dir = tempfile::tempdir().unwrap();
    let mut other = ward(other_dir.path());
    let gd2 = tempfile::tempdir().unwrap();
    let mut g2 = demo(gd2.path());
    pin(&mut g2, &key_file(&mut other), None).unwrap();
    let for_other = export(&mut g2, "2026-10", at("2026-11-03T02:00:00Z"));
    refused(wd.path(), &for_other, Reason::OtherWard);

    // Cut short on the way.
    refused(wd.path(), &good[..good.len() - 100], Reason::Damaged);
    refused(wd.path(), &good[..40], Reason::Damaged);

    // Someone with the ward's public key but not the group's signing key: the manifest
    // changed after signing, and a package signed with a key of their own, each encrypted
    // to the ward.
    let mut pkg = package::read(&plain).unwrap();
    pkg.manifest.figures.incidents.total += 5;
    let data = serde_json::to_vec(&pkg.data).unwrap();
    let forger = keys::generate().unwrap();
    // Signed by the forger while claiming the group's key: the signature does not check.
    let changed = package::write(
        pkg.manifest.clone(),
        vec![("data.json", data.clone())],
        &forger.secret_hex,
    )
    .unwrap();
    refused(
        wd.path(),
        &ward_key::encrypt(&recipient, &changed).unwrap(),
        Reason::BadSignature,
    );
    // Signed with the forger's own key: a new key for a group the ward knows.
    pkg.manifest.public_key = forger.public_hex.clone();
    let resigned =
        package::write(pkg.manifest, vec![("data.json", data)], &forger.secret_hex).unwrap();
    refused(
        wd.path(),
        &ward_key::encrypt(&recipient, &resigned).unwrap(),
        Reason::KeyChanged,
    );
}

#[test]
fn a_group_pins_only_its_own_wards_key_and_a_change_needs_a_name() {
    let gd = tempfile::tempdir().unwrap();
    let mut g = demo(gd.path());
    let wd = tempfile::tempdir().unwrap();
    let mut w = ward(wd.path());
    let key = key_file(&mut w);

    // A key file edited by hand is refused.
    let text = String::from_utf8(key.clone()).unwrap();
    let edited = text.replace("07069", "07070");
    assert_eq!(
        pin(&mut g, edited.as_bytes(), None).unwrap_err().reason,
        Some(Reason::BadSignature)
    );
    assert_eq!(
        pin(&mut g, b"not a key", None).unwrap_err().reason,
        Some(Reason::NotAPackage)
    );

    // Another commune's ward.
    let od = tempfile::tempdir().unwrap();
    let mut o = Store::open_dir(od.path()).unwrap();
    let mut input = crate::sync::ward_input();
    input.commune_code = "07132".into();
    input.commune_name = "Phường Quảng Yên".into();
    input.name = "Công an phường Quảng Yên".into();
    app::ward::init(&mut o, &input, now()).unwrap();
    let e = pin(&mut g, &key_file(&mut o), None).unwrap_err();
    assert_eq!(e.reason, Some(Reason::WrongCommune));
    assert!(
        e.message.contains("Công an phường Quảng Yên (mã 07132)"),
        "{}",
        e.message
    );

    // The ward's key, then the same again, then a new one that needs who confirmed it.
    pin(&mut g, &key, None).unwrap();
    pin(&mut g, &key, None).unwrap();
    let wd2 = tempfile::tempdir().unwrap();
    let mut w2 = ward(wd2.path());
    let new_key = key_file(&mut w2);
    let e = pin(&mut g, &new_key, None).unwrap_err();
    assert_eq!(e.reason, Some(Reason::WardKeyChanged));
    let old_fp = app::ward::get(&w).unwrap().encryption_fingerprint.unwrap();
    assert!(e.message.contains(&old_fp), "{}", e.message);
    assert_eq!(
        app::recipient::pinned(&g).unwrap().unwrap().fingerprint,
        old_fp,
        "a refused change keeps the key"
    );
    pin(&mut g, &new_key, Some("Đ/c Hùng, gọi ngày 03/12")).unwrap();
    let now_pinned = app::recipient::pinned(&g).unwrap().unwrap();
    assert_eq!(
        now_pinned.confirmed_by.as_deref(),
        Some("Đ/c Hùng, gọi ngày 03/12")
    );
}

#[test]
fn the_wards_first_receipt_brings_its_key_and_an_old_ward_gets_one_on_opening() {
    let gd = tempfile::tempdir().unwrap();
    let mut g = demo(gd.path());
    let wd = tempfile::tempdir().unwrap();
    let mut w = ward(wd.path());
    let plain = export(&mut g, "2026-10", at("2026-11-03T02:00:00Z"));
    let p = import(&mut w, &plain).unwrap();
    let receipt = app::ward::issue_receipt(&w, &p.group_id, "2026-10").unwrap();
    let r = app::sync::import_receipt(&mut g, &receipt.bytes, later(20)).unwrap();
    let ward_fp = app::ward::get(&w).unwrap().encryption_fingerprint.unwrap();
    assert_eq!(r.pinned_key.as_deref(), Some(ward_fp.as_str()));
    let pinned = app::recipient::pinned(&g).unwrap().unwrap();
    assert_eq!(pinned.source, "biên nhận");
    // The next file is encrypted and the ward opens it.
    let sealed = export(&mut g, "2026-11", later(30));
    assert!(sealed.starts_with(b"age-encryption.org/v1"));
    assert!(import(&mut w, &sealed).unwrap().applied);
    // A second receipt pins nothing new.
    let again = app::sync::import_receipt(&mut g, &receipt.bytes, later(40)).unwrap();
    assert_eq!(again.pinned_key, None);

    // A ward made before encryption (no key in its file) gets one the next time it opens.
    drop(w);
    rusqlite::Connection::open(wd.path().join("ttq.sqlite"))
        .unwrap()
        .execute("UPDATE ward SET age_identity = '', age_recipient = ''", [])
        .unwrap();
    let w = Store::open_dir(wd.path()).unwrap();
    assert_eq!(app::ward::get(&w).unwrap().encryption_fingerprint, None);
    drop(w);
    let w = app::backup::open(wd.path(), later(50)).unwrap();
    let fp = app::ward::get(&w).unwrap().encryption_fingerprint.unwrap();
    assert_ne!(fp, ward_fp);
}

#[test]
fn the_wards_printed_notice_carries_the_fingerprint_the_group_compares() {
    let wd = tempfile::tempdir().unwrap();
    let mut w = ward(wd.path());
    let sheet = app::ward::key_sheet(&mut w, at("2026-12-03T10:00:00+07:00")).unwrap();
    let code = app::ward::get(&w).unwrap().commune_code;
    assert_eq!(sheet.name, format!("Khoa-ma-hoa-phuong-{code}.pdf"));
    let path = wd.path().join(&sheet.name);
    std::fs::write(&path, &sheet.bytes).unwrap();
    pdf::qpdf_ok(&path);
    pdf::assert_nd30_geometry(&path, false);
    assert!(pdf::fonts(&path).iter().all(|(_, embedded, _)| *embedded));
    let text = pdf::flat_text(&path);
    // The fingerprint the group sees when it reads the key file, the file's name, the date.
    let gd = tempfile::tempdir().unwrap();
    let mut g = demo(gd.path());
    let dry = PinOptions {
        dry_run: true,
        confirmed_by: None,
    };
    let shown = app::recipient::pin(&mut g, &key_file(&mut w), &dry, later(1)).unwrap();
    assert!(text.contains(&shown.key.fingerprint), "{text}");
    assert!(
        text.contains(&format!("Khoa-ma-hoa-phuong-{code}.txt")),
        "{text}"
    );
    assert!(text.contains("THÔNG BÁO"), "{text}");
    assert!(text.contains("ngày 03 tháng 12 năm 2026"), "{text}");
    assert!(text.contains("/TB-CAP"), "{text}");
}
