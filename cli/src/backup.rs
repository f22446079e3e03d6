//! `ttq backup`: make, list, check and restore copies of the data file, and copy it to a
//! USB stick. Restoring works even when the data file is damaged and cannot be opened.

use clap::Subcommand;
use std::path::{Path, PathBuf};
use ttq::backup::Occasion;
use ttq::model::backup::{BackupInfo, Contents, DataKind};
use ttq::{app, date, ErrorCode, Result};

#[derive(Subcommand)]
pub enum BackupCmd {
    /// Back the data up now into the backup folder beside it (sao-luu).
    Create,
    /// The backups in the backup folder, newest first, each checked whole.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Check a backup file whole and say what it holds.
    Verify { file: PathBuf },
    /// Replace the data with a backup (the current data is backed up first). Without
    /// --yes, only shows what would be restored.
    Restore {
        file: PathBuf,
        /// Restore, confirmed (also needed for another group's backup).
        #[arg(long)]
        yes: bool,
    },
    /// Copy the data to a USB stick or another folder.
    Copy {
        #[arg(long)]
        to: PathBuf,
        /// Seal the copy with the passphrase in TTQ_BACKUP_PASSPHRASE (a .sqlite.age file
        /// whoever finds the stick cannot read).
        #[arg(long)]
        encrypt: bool,
    },
}

/// The passphrase of a sealed USB copy, from the environment (never on the command line,
/// where other users of the PC could see it).
fn passphrase() -> Result<String> {
    std::env::var("TTQ_BACKUP_PASSPHRASE").map_err(|_| {
        ttq::Error::new(
            ErrorCode::Invalid,
            "Hãy đặt mật khẩu của bản sao vào biến môi trường TTQ_BACKUP_PASSPHRASE rồi chạy lại lệnh.",
        )
    })
}

/// The file to restore from: a sealed USB copy is opened first, with its passphrase, into
/// the backup folder.
fn plain_copy(dir: &Path, file: PathBuf, now: chrono::DateTime<chrono::Utc>) -> Result<PathBuf> {
    if !app::backup::is_sealed(&file) {
        return Ok(file);
    }
    let opened = app::backup::unseal(dir, &file, &passphrase()?, now)?;
    say!("Đã mở bản sao có mật khẩu {}.", file.display());
    Ok(PathBuf::from(opened.path))
}

/// Runs a backup command on the data in `dir`.
pub fn run(dir: &Path, cmd: BackupCmd, now: chrono::DateTime<chrono::Utc>) -> Result<()> {
    match cmd {
        BackupCmd::Create => {
            let store = app::backup::open(dir, now)?;
            let path = app::backup::create(&store, Occasion::Manual, now)?;
            say!("Đã sao lưu vào {}.", path.display());
        }
        BackupCmd::List { json } => {
            let list = app::backup::list(dir);
            if json {
                crate::print_json(&list)?;
            } else if list.is_empty() {
                say!(
                    "Chưa có bản sao lưu nào trong {}.",
                    app::backup::folder(dir).display()
                );
            } else {
                for b in &list {
                    print_info(b);
                }
            }
        }
        BackupCmd::Verify { file } => {
            let file = plain_copy(dir, file, now)?;
            let c = app::backup::verify(&file)?;
            say!("Tệp {} nguyên vẹn, khôi phục được.", file.display());
            print_contents(&c);
        }
        BackupCmd::Restore { file, yes } => {
            let file = plain_copy(dir, file, now)?;
            let c = app::backup::verify(&file)?;
            let store = app::backup::open(dir, now);
            if let Err(e) = &store {
                if e.code != ErrorCode::DatabaseCorrupt {
                    return Err(e.clone());
                }
            }
            if !yes {
                say!("Bản sao lưu {} chứa:", file.display());
                print_contents(&c);
                if let Ok(s) = &store {
                    if let Some(g) = s.group()? {
                        if c.group_id.as_deref() != Some(g.id.as_str()) {
                            say!("Chú ý: đây không phải dữ liệu của “{}” đang dùng.", g.name);
                        }
                    }
                }
                say!("Khôi phục sẽ thay toàn bộ dữ liệu hiện tại (dữ liệu hiện tại được sao lưu trước). Chạy lại lệnh với --yes để khôi phục.");
                return Ok(());
            }
            match store {
                Ok(mut s) => {
                    app::backup::restore(&mut s, &file, true, now)?;
                    say!("Đã khôi phục dữ liệu từ {}.", file.display());
                }
                Err(_) => {
                    let (_, aside) = app::backup::recover(dir, &file, now)?;
                    say!(
                        "Đã khôi phục dữ liệu từ {}. Tệp hỏng được giữ lại ở {}.",
                        file.display(),
                        aside.display()
                    );
                }
            }
        }
        BackupCmd::Copy { to, encrypt } => {
            let store = app::backup::open(dir, now)?;
            let secret = encrypt.then(passphrase).transpose()?;
            let path = app::backup::copy_to(&store, &to, secret.as_deref(), now)?;
            say!(
                "Đã sao lưu ra {}. Hãy cất USB ở nơi an toàn.",
                path.display()
            );
        }
    }
    Ok(())
}

fn print_info(b: &BackupInfo) {
    let when = b
        .made_at
        .as_deref()
        .map(date::format_timestamp)
        .unwrap_or_default();
    let why = b.occasion.as_deref().unwrap_or("");
    match (&b.contents, &b.problem) {
        (Some(c), _) => say!("{when}  {why:<22} {}  {}", summary(c), b.path),
        (None, Some(p)) => say!("{when}  {why:<22} KHÔNG DÙNG ĐƯỢC: {p}  {}", b.path),
        (None, None) => say!("{when}  {why:<22} {}", b.path),
    }
}

fn summary(c: &Contents) -> String {
    let owner = c.name.clone().unwrap_or_default();
    match c.kind {
        DataKind::Ward => format!("{owner}: {} tổ, {} tổ viên", c.groups, c.members),
        _ => format!(
            "{owner}: {} tổ viên, {} vụ việc, {} tháng đã khóa sổ",
            c.members,
            c.incidents,
            c.closed_months.len()
        ),
    }
}

fn print_contents(c: &Contents) {
    let kind = match c.kind {
        DataKind::Group => "Dữ liệu của tổ",
        DataKind::Ward => "Dữ liệu của phường, xã",
        DataKind::Empty => "Chưa có dữ liệu",
    };
    say!("  {kind}: {}", c.name.as_deref().unwrap_or(""));
    say!("  Tổ viên: {}", c.members);
    if c.kind == DataKind::Ward {
        say!("  Số tổ đã gửi tệp: {}", c.groups);
    } else {
        say!("  Vụ việc, tin báo: {}", c.incidents);
        let months: Vec<String> = c
            .closed_months
            .iter()
            .map(|m| date::month_label(m))
            .collect();
        say!(
            "  Tháng đã khóa sổ: {}",
            if months.is_empty() {
                "chưa có".into()
            } else {
                months.join(", ")
            }
        );
    }
    if let Some(t) = &c.last_record_at {
        say!("  Ghi chép mới nhất: {}", date::format_timestamp(t));
    }
}
