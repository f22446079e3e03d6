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
