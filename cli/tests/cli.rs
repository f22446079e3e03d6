//! The `ttq` command-line tool, run as a user runs it.

mod common;

use common::ttq_at;
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

#[test]
fn ledger_through_the_cli_keeps_sensitive_fields_out_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(ttq(d, &["demo"]).status.success());
    let o = ttq(
        d,
        &[
            "incident",
            "add",
            "--category",
            "trom_cap",
            "--title",
            "Mất xe đạp điện màu xanh",
            "--place",
            "Ngõ 9",
            "--time",
            "22h15",
            "--people",
            "Anh Nguyễn Văn D",
            "--json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let added: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let id = added["id"].as_str().unwrap().to_string();
    assert_eq!(added["occurred_time"], "22:15");

    let o = ttq(
        d,
        &[
            "incident",
            "edit",
            &id,
            "--status",
            "da-giai-quyet",
            "--editor",
            "Vũ Thị Lan",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = ttq(d, &["incident", "show", &id, "--json"]);
    let shown: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        shown["incident"]["people_involved"].is_null(),
        "sensitive left out"
    );
    assert_eq!(shown["history"].as_array().unwrap().len(), 2);
    assert_eq!(shown["history"][1]["editor"], "Vũ Thị Lan");
    let o = ttq(
        d,
        &["incident", "show", &id, "--json", "--include-sensitive"],
    );
    let shown: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(shown["incident"]["people_involved"], "Anh Nguyễn Văn D");

    let o = ttq(
        d,
        &[
            "incident",
            "list",
            "--search",
            "XE DAP DIEN MAU XANH",
            "--json",
        ],
    );
    let list: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(list["total"], 1);

    let o = ttq(d, &["incident", "strike", &id, "--reason", "Ghi nhầm"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = ttq(
        d,
        &[
            "incident",
            "list",
            "--search",
            "xe dap dien mau xanh",
            "--json",
        ],
    );
    let list: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(list["total"], 0);

    let o = ttq(d, &["activity", "list", "--kind", "hoa-giai", "--json"]);
    let acts: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(!acts.as_array().unwrap().is_empty());
    assert!(acts
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["parties"].is_null()));

    let o = ttq(d, &["incident", "list", "--month", "13/2026"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("chưa đúng"));
}

#[test]
fn the_demo_has_closed_months_and_prints_reports_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(ttq(d, &["demo"]).status.success());
    let o = ttq(d, &["report", "issued", "--json"]);
    let issued: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let issued = issued.as_array().unwrap();
    assert_eq!(
        issued.len(),
        6,
        "the demo closes the six months before this one"
    );
    let models: serde_json::Value =
        serde_json::from_str(&stdout(&ttq(d, &["model", "list", "--json"]))).unwrap(); // the old name still works
    assert_eq!(
        models.as_array().unwrap().len(),
        2,
        "the demo has two models"
    );
    let out_model = d.join("mo-hinh.pdf");
    let id = models[1]["id"].as_str().unwrap();
    let o = ttq(
        d,
        &[
            "practice",
            "print",
            id,
            "--out",
            out_model.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&out_model).unwrap().starts_with(b"%PDF"));
    let month = issued[0]["month"].as_str().unwrap().to_string();
    let out = d.join("bao-cao.pdf");
    let o = ttq(
        d,
        &[
            "report",
            "monthly",
            "--month",
            &month,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("bản đã phát hành"));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    // A closed month cannot be closed twice; the message says so in Vietnamese.
    let o = ttq(
        d,
        &[
            "month",
            "close",
            "--month",
            &month,
            "--editor",
            "Trần Văn Quyết",
        ],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("đã khóa sổ rồi"), "{}", stderr(&o));
    let o = ttq(
        d,
        &[
            "month",
            "reopen",
            "--month",
            &month,
            "--editor",
            "Trần Văn Quyết",
            "--reason",
            "Bổ sung vụ việc",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = ttq(d, &["month", "show", "--month", &month]);
    assert!(
        stdout(&o).contains("Mở lại") && stdout(&o).contains("Bổ sung vụ việc"),
        "{}",
        stdout(&o)
    );
    // A bad month gets a field message.
    let o = ttq(
        d,
        &[
            "report",
            "monthly",
            "--month",
            "13/2026",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(stderr(&o).contains("chưa đúng"), "{}", stderr(&o));
}

#[test]
fn the_ward_demo_tells_its_story_on_any_day_of_the_month() {
    // (when, the latest month with every file in, the months after it that are not due)
    let cases = [
        ("2026-12-02T00:30:00+07:00", "2026-10", &["2026-11"][..]),
        ("2026-12-05T23:59:00+07:00", "2026-10", &["2026-11"][..]),
        ("2026-12-06T00:00:00+07:00", "2026-10", &[][..]),
        ("2026-12-20T10:00:00+07:00", "2026-11", &[][..]),
        ("2027-01-01T00:30:00+07:00", "2026-11", &["2026-12"][..]),
        ("2028-02-29T12:00:00+07:00", "2028-01", &[][..]),
    ];
    for (now, story, not_due) in cases {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let o = ttq_at(d, now, &["demo", "--ward"]);
        assert!(o.status.success(), "{now}: {}", stderr(&o));
        let last = not_due.last().copied().unwrap_or(story);
        let o = ttq_at(
            d,
            now,
            &["ward", "status", "--month", last, "--months", "4", "--json"],
        );
        assert!(o.status.success(), "{now}: {}", stderr(&o));
        let status: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        let months: Vec<&str> = status["months"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["month"].as_str().unwrap())
            .collect();
        let col = |m: &str| months.iter().position(|x| *x == m).unwrap();
        let states = |m: &str| -> Vec<String> {
            status["groups"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| g["months"][col(m)]["state"].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(
            states(story),
            ["on_time", "on_time", "on_time", "late", "missing", "missing"],
            "{now}: {story}"
        );
        // The month before: Khu phố 5 sent it, on time.
        let before = months[col(story) - 1];
        assert_eq!(states(before)[4], "on_time", "{now}: {before}");
        assert_eq!(status["months"][col(story)]["due"], true, "{now}");
        for m in not_due {
            let s = states(m);
            assert!(
                s.iter().all(|x| x == "on_time" || x == "not_due"),
                "{now}: {m}: {s:?}"
            );
            assert!(s[3..].iter().all(|x| x == "not_due"), "{now}: {m}: {s:?}");
            assert_eq!(status["months"][col(m)]["due"], false, "{now}");
            // Before its deadline the consolidated report says it is provisional.
            let out = d.join("tong-hop.pdf");
            let o = ttq_at(
                d,
                now,
                &[
                    "report",
                    "ward",
                    "--month",
                    m,
                    "--out",
                    out.to_str().unwrap(),
                ],
            );
            assert!(o.status.success(), "{now}: {}", stderr(&o));
            let text = std::process::Command::new("pdftotext")
                .args(["-enc", "UTF-8", out.to_str().unwrap(), "-"])
                .output()
                .unwrap()
                .stdout;
            let text = String::from_utf8(text)
                .unwrap()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                text.contains("số liệu dưới đây tạm tính đến ngày"),
                "{now}: {text}"
            );
            assert!(text.contains("chưa đến hạn"), "{now}: {text}");
            assert!(text.starts_with("DỰ THẢO"), "{now}: {text}");
        }
    }
    // A group data folder cannot be turned into a ward, and the other way round.
    let dir = tempfile::tempdir().unwrap();
    assert!(ttq(dir.path(), &["demo", "--ward"]).status.success());
    let o = ttq(dir.path(), &["demo"]);
    assert!(!o.status.success());
}

#[test]
fn the_test_clock_is_refused_when_malformed() {
    let dir = tempfile::tempdir().unwrap();
    let o = ttq_at(dir.path(), "ngày mai", &["member", "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("TTQ_TEST_NOW"), "{}", stderr(&o));
}

#[test]
fn a_closed_pipe_ends_the_tool_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(ttq(d, &["demo"]).status.success());
    for args in [
        &["incident", "list", "--json"][..],
        &["member", "list"][..],
        &["--help"][..],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ttq"))
            .arg("--data-dir")
            .arg(d)
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before the tool writes anything, as `| head -c 0` would.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {:?} {err}", out.status);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn a_member_list_is_previewed_then_imported_with_a_column_corrected() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(ttq(d, &["demo"]).status.success());
    let list = d.join("Danh sách tổ viên.csv");
    std::fs::write(
        &list,
        "DANH SÁCH TỔ VIÊN\n\nSTT;Họ và tên;Năm sinh;Điện thoại;Ghi chú\n1;Hà Văn Sáu;1972;912888999;Xóm 4\n2;Lò Thị Bảy;31/02/1985;;\n",
    )
    .unwrap();
    let path = list.to_str().unwrap();
    let o = ttq(d, &["member", "import", path, "--dry-run"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("dòng tiêu đề 3"), "{out}");
    assert!(
        out.contains("Dòng 4: thêm — Hà Văn Sáu, sinh 1972"),
        "{out}"
    );
    assert!(out.contains("Dòng 5: lỗi — Lò Thị Bảy"), "{out}");
    assert!(out.contains("tháng 2 năm 1985 không có ngày 31"), "{out}");
    assert!(out.contains("Sẽ nhập 1 tổ viên"), "{out}");
    let o = ttq(d, &["member", "list", "--search", "ha van sau"]);
    assert!(
        !stdout(&o).contains("Hà Văn Sáu"),
        "a dry run saves nothing"
    );

    let o = ttq(
        d,
        &["member", "import", path, "--column", "E=address", "--json"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let p: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(p["to_add"], 1);
    assert_eq!(p["rows"][0]["member"]["address"], "Xóm 4");
    assert_eq!(p["rows"][0]["member"]["phone"], "0912888999");
    let o = ttq(d, &["member", "list", "--search", "ha van sau"]);
    assert!(stdout(&o).contains("Hà Văn Sáu"));

    let o = ttq(d, &["member", "import", path, "--column", "Z9=address"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--column CỘT=TRƯỜNG"), "{}", stderr(&o));
}

#[test]
fn the_demo_ledger_and_roster_are_exported_to_excel() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(ttq(d, &["demo"]).status.success());
    let out = d.join("Sổ vụ việc.xlsx");
    let o = ttq(
        d,
        &[
            "incident",
            "export",
            "--out",
            out.to_str().unwrap(),
            "--struck",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("Đã lưu sổ vụ việc vào "),
        "{}",
        stdout(&o)
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
    let out = d.join("Hoạt động.xlsx");
    let o = ttq(d, &["activity", "export", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
    let out = d.join("Lịch.xlsx");
    let o = ttq(
        d,
        &[
            "roster",
            "export",
            "--month",
            "2026-11",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
}

#[test]
fn todo_lists_what_is_due_then_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let now = "2026-12-02T09:00:00+07:00";
    assert!(ttq_at(d, now, &["demo"]).status.success());
    let o = ttq_at(d, now, &["todo", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    for key in [
        "month",
        "month_label",
        "today",
        "todo",
        "figures",
        "incidents_by_month",
        "incidents_by_category",
        "attendance",
    ] {
        assert!(m.get(key).is_some(), "{key} missing: {m}");
    }
    assert_eq!(m["month"], "2026-12");
    assert_eq!(m["incidents_by_month"].as_array().unwrap().len(), 12);
    let todo = m["todo"].as_array().unwrap();
    assert!(!todo.is_empty());
    assert!(todo
        .iter()
        .all(|t| t["kind"].is_string() && t["text"].is_string() && t["area"].is_string()));
    let o = ttq_at(d, now, &["todo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.starts_with("Tháng 12/2026 (hôm nay 02/12/2026)"),
        "{text}"
    );
    assert!(text.contains("Việc cần làm:"), "{text}");
    assert!(text.contains("Số liệu tháng đến nay:"), "{text}");
}
