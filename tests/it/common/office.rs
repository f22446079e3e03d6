//! LibreOffice headless, to read exported workbooks as another program does.

use std::path::Path;

/// Under libfaketime LibreOffice does not start: the tests that need it leave it to the
/// normal run.
pub fn unavailable() -> bool {
    std::env::var_os("FAKETIME").is_some()
}

/// Converts `files` with `soffice --convert-to to` into `dir`, with a profile of its own.
pub fn convert(dir: &Path, files: &[&Path], to: &str) {
    let profile = dir.join("lo-profile");
    let out = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(dir)
        .args(files)
        .output()
        .expect("LibreOffice (soffice) is installed by scripts/setup.sh");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
