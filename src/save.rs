//! Writing a file the user chose (a PDF, a calendar): all or nothing.

use crate::error::{Error, ErrorCode, Result};
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// full disk or a pulled USB stick never leaves a half-written file under the chosen name.
pub fn save_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let fail = |e: std::io::Error| {
        let full = e.raw_os_error() == Some(28);
        Error::new(
            if full {
                ErrorCode::DiskFull
            } else {
                ErrorCode::Io
            },
            if full {
                format!(
                    "Ổ đĩa đã đầy nên chưa ghi được {}. Hãy giải phóng chỗ trống hoặc chọn ổ khác.",
                    path.display()
                )
            } else {
                format!(
                    "Không ghi được tệp {}. Hãy chọn thư mục khác hoặc kiểm tra quyền ghi.",
                    path.display()
                )
            },
        )
        .with_detail(e.to_string())
    };
    let mut tmp = tempfile_in(dir).map_err(fail)?;
    tmp.1
        .write_all(bytes)
        .and_then(|_| tmp.1.sync_all())
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp.0);
            fail(e)
        })?;
    std::fs::rename(&tmp.0, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp.0);
        fail(e)
    })
}

fn tempfile_in(dir: &Path) -> std::io::Result<(std::path::PathBuf, std::fs::File)> {
    let name = format!(".ttq-{}.tmp", uuid::Uuid::new_v4().simple());
    let p = dir.join(name);
    let f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&p)?;
    Ok((p, f))
}

#[cfg(test)]
mod tests {
    #[test]
    fn writes_whole_files_and_reports_a_missing_folder_in_vietnamese() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("a.pdf");
        super::save_file(&p, b"%PDF-1.7").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"%PDF-1.7");
        let e = super::save_file(&d.path().join("khong-co/a.pdf"), b"x").unwrap_err();
        assert!(e.message.starts_with("Không ghi được tệp"), "{}", e.message);
        assert_eq!(
            std::fs::read_dir(d.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }
}
