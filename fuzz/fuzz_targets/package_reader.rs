#![no_main]
//! Any bytes given to the package reader are refused or read; it never panics or hangs.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = ttq::sync::package::read(data) {
        assert_eq!(e.code, ttq::ErrorCode::PackageRejected);
    }
    let _ = ttq::sync::receipt::read(data);
});
