//! What the CLI's process-level tests share.
#![allow(dead_code)]

/// `ttq ward init` for the demo group's ward, Phường Yên Hải (Quảng Ninh).
pub const WARD_INIT: [&str; 12] = [
    "ward",
    "init",
    "--name",
    "Công an phường Yên Hải",
    "--province-code",
    "22",
    "--province-name",
    "Quảng Ninh",
    "--commune-code",
    "07069",
    "--commune-name",
    "Phường Yên Hải",
];

/// `ttq init` for a group in Phường Quảng Yên (Quảng Ninh), led by Lê Văn Thành.
pub const GROUP_INIT: [&str; 21] = [
    "init",
    "--name",
    "Tổ bảo vệ ANTT Thôn Đông",
    "--province-code",
    "22",
    "--province-name",
    "Tỉnh Quảng Ninh",
    "--commune-code",
    "07132",
    "--commune-name",
    "Phường Quảng Yên",
    "--area-kind",
    "thon",
    "--area-name",
    "Thôn Đông",
    "--police-unit",
    "Công an phường Quảng Yên",
    "--leader-name",
    "Lê Văn Thành",
    "--leader-birth-date",
    "10/10/1965",
];

/// Runs the CLI on `dir` with its clock started at `now` (RFC 3339), the test-only knob.
pub fn ttq_at(dir: &std::path::Path, now: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_ttq"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("TTQ_DATA_DIR")
        .env("TTQ_TEST_NOW", now)
        .output()
        .unwrap()
}
