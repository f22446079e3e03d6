//! Privacy from the command line: the ward's encryption key travels as a text file, a group
//! pins it and its file for the ward is then encrypted; another ward's key is refused; and
//! leavers past the group's retention are listed before they are anonymised.

mod common;

use common::{ttq_at, GROUP_INIT};
use std::path::Path;
use std::process::Output;

const AT: &str = "2026-12-02T09:00:00+07:00";

fn ok(o: Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn failed(o: Output) -> String {
    assert!(!o.status.success(), "{o:?}");
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `ttq ward init` for a ward of `commune`, then its key file saved into `out`.
fn ward_with_key(d: &Path, commune: &str, name: &str, out: &Path) -> String {
    ok(ttq_at(
        d,
        AT,
        &[
            "ward",
            "init",
            "--name",
            name,
            "--province-code",
            "22",
            "--province-name",
            "Tỉnh Quảng Ninh",
            "--commune-code",
            commune,
            "--commune-name",
            "Phường Quảng Yên",
        ],
    ));
    ok(ttq_at(
        d,
        AT,
        &["ward", "key", "--out", out.to_str().unwrap()],
    ))
}

#[test]
fn a_pinned_ward_key_encrypts_the_file_and_only_that_ward_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("Dữ liệu tổ");
    let (ward, other, group) = (
        root.join("phường"),
        root.join("phường khác"),
        root.join("tổ"),
    );
    let key_file = root.join("Khóa phường Quảng Yên.txt");
    std::fs::create_dir_all(&root).unwrap();
    let said = ward_with_key(&ward, "07132", "Công an phường Quảng Yên", &key_file);
    assert!(said.contains("Mã kiểm tra"), "{said}");
    let text = std::fs::read_to_string(&key_file).unwrap();
    assert!(text.contains("age1"), "{text}");

    ok(ttq_at(&group, AT, &GROUP_INIT));
    let export = |into: &Path| {
        ok(ttq_at(
            &group,
            AT,
            &[
                "export",
                "--month",
                "2026-11",
                "--out",
                into.to_str().unwrap(),
            ],
        ))
    };
    let said = export(&root.join("lần 1"));
    assert!(said.contains("chưa mã hóa"), "{said}");

    // A look first writes nothing; then the key is pinned.
    let k = key_file.to_str().unwrap();
    let said = ok(ttq_at(&group, AT, &["recipient", "set", k, "--dry-run"]));
    assert!(said.contains("Công an phường Quảng Yên"), "{said}");
    assert!(ok(ttq_at(&group, AT, &["recipient", "show"])).contains("Chưa"));
    ok(ttq_at(&group, AT, &["recipient", "set", k]));
    assert!(ok(ttq_at(&group, AT, &["recipient", "show"])).contains("Công an phường Quảng Yên"));

    let out = root.join("lần 2");
    let said = export(&out);
    assert!(
        said.contains("chỉ Công an phường Quảng Yên mở được"),
        "{said}"
    );
    let file = std::fs::read_dir(&out)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.ends_with(".ttq"), "{name}");
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"));
    assert!(
        !bytes.windows(4).any(|w| w == b"PK\x03\x04"),
        "no zip inside in the clear"
    );
    for plain in ["Lê Văn Thành", "Thôn Đông"] {
        assert!(
            !bytes.windows(plain.len()).any(|w| w == plain.as_bytes()),
            "{plain}"
        );
    }

    let f = file.to_str().unwrap();
    let said = ok(ttq_at(&ward, AT, &["import", f]));
    assert!(said.contains("Tổ bảo vệ ANTT Thôn Đông"), "{said}");

    // Another ward of another commune: its key is refused by the group, and the file made
    // for the first ward is refused by it, in one sentence, its data unchanged.
    let other_key = root.join("Khóa phường khác.txt");
    ward_with_key(&other, "07069", "Công an phường Yên Hải", &other_key);
    let said = failed(ttq_at(
        &group,
        AT,
        &["recipient", "set", other_key.to_str().unwrap()],
    ));
    assert!(said.contains("không phải của Phường Quảng Yên"), "{said}");
    let before = std::fs::read(other.join("ttq.sqlite")).unwrap();
    let said = failed(ttq_at(&other, AT, &["import", f]));
    assert!(said.contains("mã hóa cho một phường, xã khác"), "{said}");
    assert_eq!(std::fs::read(other.join("ttq.sqlite")).unwrap(), before);
}

#[test]
fn leavers_past_the_retention_are_listed_then_anonymised_on_yes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(ttq_at(d, AT, &GROUP_INIT));
    let add = |name: &str| {
        let said = ok(ttq_at(
            d,
            AT,
            &[
                "member",
                "add",
                "--name",
                name,
                "--birth-date",
                "02/09/1970",
                "--joined-on",
                "01/03/2019",
                "--json",
            ],
        ));
        let added: serde_json::Value = serde_json::from_str(&said).unwrap();
        added["id"].as_str().unwrap().to_string()
    };
    let (old, recent) = (add("Đỗ Văn Cường"), add("Trần Thị Hoa"));
    ok(ttq_at(
        d,
        AT,
        &[
            "member",
            "leave",
            &old,
            "--on",
            "15/06/2023",
            "--reason",
            "Chuyển nơi ở",
        ],
    ));
    ok(ttq_at(
        d,
        AT,
        &[
            "member",
            "leave",
            &recent,
            "--on",
            "10/01/2025",
            "--reason",
            "Sức khỏe yếu",
        ],
    ));

    assert!(ok(ttq_at(d, AT, &["member", "retention"])).contains("Chưa đặt"));
    let said = failed(ttq_at(d, AT, &["member", "retention", "--years", "30"]));
    assert!(said.contains("từ 1 đến 20"), "{said}");
    let said = ok(ttq_at(d, AT, &["member", "retention", "--years", "3"]));
    assert!(
        said.contains("giữ 3 năm") && said.contains("Hiện có 1 người"),
        "{said}"
    );
    let todo = ok(ttq_at(d, AT, &["todo"]));
    assert!(todo.contains("đến hạn ẩn danh"), "{todo}");

    let said = ok(ttq_at(d, AT, &["member", "anonymise-due"]));
    assert!(
        said.contains("Đỗ Văn Cường") && said.contains("15/06/2026"),
        "{said}"
    );
    assert!(!said.contains("Trần Thị Hoa"), "{said}");
    assert!(ok(ttq_at(d, AT, &["member", "list", "--status", "left"])).contains("Đỗ Văn Cường"));
    let said = ok(ttq_at(d, AT, &["member", "anonymise-due", "--yes"]));
    assert!(said.contains("Đã ẩn danh 1 người"), "{said}");
    let left = ok(ttq_at(d, AT, &["member", "list", "--status", "left"]));
    assert!(
        !left.contains("Đỗ Văn Cường") && left.contains("Trần Thị Hoa"),
        "{left}"
    );
    assert!(ok(ttq_at(d, AT, &["member", "anonymise-due"])).contains("Không có ai"));
}
