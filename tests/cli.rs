//! The `ttq` command-line tool, run as a user runs it.

use std::process::{Command, Output};

fn ttq(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ttq"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("TTQ_DATA_DIR")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn init_add_search_edit_leave_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let o = ttq(d, &["member", "list"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("Chưa có thông tin tổ"),
        "{}",
        stderr(&o)
    );

    let o = ttq(
        d,
        &[
            "init",
            "--name",
            "Tổ bảo vệ ANTT Tổ dân phố 5",
            "--province-code",
            "01",
            "--province-name",
            "Hà Nội",
            "--commune-code",
            "00004",
            "--commune-name",
            "Phường Ba Đình",
            "--area-kind",
            "to-dan-pho",
            "--area-name",
            "Tổ dân phố 5",
            "--police-unit",
            "Công an phường Ba Đình",
            "--leader-name",
            "Phạm Quốc Hưng",
            "--leader-birth-date",
            "12/05/1968",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));

    let o = ttq(
        d,
        &[
            "member",
            "add",
            "--name",
            "Nguyễn Thị Thanh Hảo",
            "--birth-date",
            "03/03/1986",
            "--phone",
            "0987 111 222",
            "--json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let added: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let id = added["id"].as_str().unwrap().to_string();
    assert_eq!(added["phone"], "0987111222");

    let o = ttq(d, &["member", "list", "--search", "HAO", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["items"][0]["full_name"], "Nguyễn Thị Thanh Hảo");
    assert_eq!(list["active_count"], 2);

    let o = ttq(d, &["member", "edit", &id, "--role", "to-pho"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Joined today (the default), so the leaving date defaults to today too.
    let o = ttq(d, &["member", "leave", &id, "--reason", "Chuyển nơi ở"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = ttq(d, &["member", "list", "--status", "left", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(list["items"][0]["role"], "to_pho");
    assert!(list["items"][0]["left_on"].is_string());
    assert_eq!(list["items"][0]["left_reason"], "Chuyển nơi ở");
}

#[test]
fn bad_input_goes_to_stderr_in_vietnamese_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(ttq(d, &["demo"]).status.success());
    let o = ttq(
        d,
        &[
            "member",
            "add",
            "--name",
            "Lê Văn Bốn",
            "--birth-date",
            "30/02/1990",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    assert!(
        stderr(&o).contains("Ngày sinh: Ngày sinh chưa đúng"),
        "{}",
        stderr(&o)
    );
    // A second demo into the same directory is refused, not duplicated.
    let o = ttq(d, &["demo"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("đã có một tổ"));
}
