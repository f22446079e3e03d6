//! Backups of the data file: made automatically (at the first use of a day, and before a
//! migration, an import, a restore, a month close or an anonymisation) and on request,
//! listed with what each holds, copied off the PC, restored, and a damaged file recovered
//! from the newest good copy. An automatic backup never stops the user's work: a failure is
//! kept and shown on the first screen.

use crate::backup::{self as policy, Occasion, FOLDER};
use crate::date;
use crate::error::{Error, ErrorCode, Result};
use crate::model::backup::{BackupInfo, BackupStatus, Contents, DataKind};
use crate::store::{self, Store, DB_FILE};
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use std::path::{Path, PathBuf};

/// `meta` key: the last automatic backup that failed, as "<RFC 3339>|<message>".
const PROBLEM: &str = "backup_problem";
/// `meta` key: when the data was last copied off this PC (RFC 3339).
const OFFSITE: &str = "backup_offsite_at";
/// `meta` key set in a demo's file: no automatic backups of throw-away data.
pub const DEMO: &str = "demo";
/// After this long without a copy off the PC, the first screen reminds the user.
const OFFSITE_EVERY_DAYS: i64 = 30;

/// The folder of automatic backups of the data in `data_dir`.
pub fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join(FOLDER)
}

fn data_dir(store: &Store) -> PathBuf {
    store
        .path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Opens the data in `dir` as the app and the CLI do: a copy is made first when the schema
/// is about to be upgraded, and the day's copy after; a damaged file is refused with a
/// message naming the newest good backup.
pub fn open(dir: &Path, now: DateTime<Utc>) -> Result<Store> {
    let path = dir.join(DB_FILE);
    let before = store::backup::peek_version(&path).map_err(|e| damaged(dir, e))?;
    let mut problem = None;
    if matches!(before, Some(v) if v > 0 && v < store::schema_version()) {
        let copy = (|| {
            let folder = folder(dir);
            make_folder(&folder)?;
            let name =
                policy::file_name(now, Occasion::BeforeMigration, &|n| folder.join(n).exists());
            store::backup::copy_file(&path, &folder.join(name))
        })();
        problem = copy.err();
    }
    let mut store = Store::open_dir(dir).map_err(|e| damaged(dir, e))?;
    super::ward::ensure_encryption_key(&mut store)?;
    match problem {
        Some(e) => record_problem(&store, &e, now),
        None => daily(&store, now),
    }
    Ok(store)
}

/// The error for a file that cannot be opened; a damaged one names the newest good backup
/// and how to restore it.
fn damaged(dir: &Path, e: Error) -> Error {
    if e.code != ErrorCode::DatabaseCorrupt {
        return e;
    }
    let file = dir.join(DB_FILE);
    let message = match latest_good(dir) {
        Some(b) => format!(
            "Tệp dữ liệu {} bị hỏng. Bản sao lưu gần nhất còn tốt là {} ({}). Hãy khôi phục bản sao lưu này: trong ứng dụng bấm “Khôi phục bản sao lưu này”, hoặc chạy lệnh: ttq backup restore \"{}\". Tệp hỏng được giữ lại, không bị xóa.",
            file.display(),
            b.file_name,
            b.made_at.as_deref().map(date::format_timestamp).unwrap_or_default(),
            b.path
        ),
        None => format!(
            "Tệp dữ liệu {} bị hỏng và trong thư mục {} chưa có bản sao lưu nào còn tốt. Nếu có bản sao lưu trên USB hoặc máy khác, hãy khôi phục từ đó (ttq backup restore TỆP). Tệp hỏng được giữ lại, không bị xóa.",
            file.display(),
            folder(dir).display()
        ),
    };
    Error { message, ..e }
}

/// The newest backup of the data in `dir` that passes the integrity check.
pub fn latest_good(dir: &Path) -> Option<BackupInfo> {
    list(dir)
        .into_iter()
        .find(|b| b.problem.is_none() && b.contents.is_some())
}

fn make_folder(folder: &Path) -> Result<()> {
    std::fs::create_dir_all(folder).map_err(|e| {
        Error::new(
            ErrorCode::Io,
            format!(
                "Không tạo được thư mục sao lưu {}. Hãy kiểm tra quyền ghi.",
                folder.display()
            ),
        )
        .with_detail(e.to_string())
    })
}

/// Makes a backup now in the backup folder, then thins out old copies; the new file's path.
pub fn create(store: &Store, occasion: Occasion, now: DateTime<Utc>) -> Result<PathBuf> {
    let folder = folder(&data_dir(store));
    make_folder(&folder)?;
    remove_leftovers(&folder);
    let name = policy::file_name(now, occasion, &|n| folder.join(n).exists());
    let path = folder.join(name);
    store
        .backup_to(&path)
        .map_err(|e| not_written(e, &folder))?;
    prune(&folder, now);
    let _ = store.set_local_value(PROBLEM, None);
    Ok(path)
}

/// "Chưa sao lưu được: …" with what to do.
fn not_written(e: Error, folder: &Path) -> Error {
    let message = match e.code {
        ErrorCode::DiskFull => format!(
            "Chưa sao lưu được vì ổ đĩa chứa {} đã đầy. Dữ liệu vẫn nguyên vẹn; hãy giải phóng dung lượng hoặc sao lưu ra USB.",
            folder.display()
        ),
        _ => format!(
            "Chưa sao lưu được vào {}. Dữ liệu vẫn nguyên vẹn; hãy kiểm tra dung lượng và quyền ghi của ổ đĩa, hoặc sao lưu ra USB.",
            folder.display()
        ),
    };
    Error { message, ..e }
}

/// A backup the app makes on its own: it never stops the user's work. A failure is kept
/// for the first screen; an empty data file is not backed up.
pub fn automatic(store: &Store, occasion: Occasion, now: DateTime<Utc>) {
    let skip = store.is_empty().unwrap_or(true) || store.local_value(DEMO).ok().flatten().is_some();
    if skip {
        return;
    }
    if let Err(e) = create(store, occasion, now) {
        record_problem(store, &e, now);
    }
}

fn record_problem(store: &Store, e: &Error, now: DateTime<Utc>) {
    let _ = store.set_local_value(PROBLEM, Some(&format!("{}|{}", stamp(now), e.message)));
}

/// The first use of a day (Vietnam time): a backup when none was made today.
pub fn daily(store: &Store, now: DateTime<Utc>) {
    let today = date::vn_today(now);
    let made_today = names(&folder(&data_dir(store)))
        .iter()
        .any(|(_, at, _)| date::vn_today(*at) == today);
    if !made_today {
        automatic(store, Occasion::Daily, now);
    }
}

/// The backups the app named in `folder`: (file name, made at, occasion).
fn names(folder: &Path) -> Vec<(String, DateTime<Utc>, Occasion)> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let (at, why) = policy::parse_name(&name)?;
            Some((name, at, why))
        })
        .collect()
}

/// Deletes the copies the retention policy no longer keeps; a file it did not name is
/// never touched.
fn prune(folder: &Path, now: DateTime<Utc>) {
    for name in policy::to_prune(&names(folder), now) {
        let _ = std::fs::remove_file(folder.join(name));
    }
}

/// Removes temporary files a backup killed midway left in the folder.
fn remove_leftovers(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for e in entries.filter_map(|e| e.ok()) {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with(".ttq-") && (name.ends_with(".tmp") || name.ends_with(".tmp-journal")) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Every backup in the backup folder of `data_dir`, newest first, each checked whole.
pub fn list(data_dir: &Path) -> Vec<BackupInfo> {
    let folder = folder(data_dir);
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Vec::new();
    };
    let mut out: Vec<BackupInfo> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "sqlite"))
        .map(|p| describe(&p))
        .collect();
    // Copies of the same minute ("-2", "-3"…) in the order they were written.
    let written = |b: &BackupInfo| std::fs::metadata(&b.path).and_then(|m| m.modified()).ok();
    out.sort_by(|a, b| {
        b.made_at
            .cmp(&a.made_at)
            .then_with(|| written(b).cmp(&written(a)))
    });
    out
}

/// What the backup file at `path` is and holds; a problem instead of contents when it
/// cannot be restored.
pub fn describe(path: &Path) -> BackupInfo {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let meta = std::fs::metadata(path).ok();
    let named = policy::parse_name(&file_name);
    let made_at = named.map(|(at, _)| at).or_else(|| {
        meta.as_ref()
            .and_then(|m| m.modified().ok())
            .map(DateTime::<Utc>::from)
    });
    let sealed = is_sealed(path);
    let (contents, problem) = match verify(path) {
        _ if sealed => (None, None),
        Ok(c) => (Some(c), None),
        Err(e) => (None, Some(e.message)),
    };
    BackupInfo {
        path: path.display().to_string(),
        file_name,
        made_at: made_at.map(stamp),
        occasion: named.map(|(_, o)| o.label().to_string()),
        size: meta.map(|m| m.len()).unwrap_or(0),
        contents,
        problem,
        sealed,
    }
}

/// Checks the file at `path` whole and says what it holds; refuses a damaged file, one
/// that is not this app's and one made by a newer version.
pub fn verify(path: &Path) -> Result<Contents> {
    if !path.is_file() {
        return Err(Error::new(
            ErrorCode::NotFound,
            format!(
                "Không thấy tệp {}. Hãy kiểm tra đường dẫn hoặc USB.",
                path.display()
            ),
        ));
    }
    store::backup::inspect(path).map_err(|e| match e.code {
        ErrorCode::DatabaseCorrupt | ErrorCode::Internal => Error {
            code: ErrorCode::DatabaseCorrupt,
            message: format!(
                "Tệp {} bị hỏng hoặc không phải bản sao lưu của ứng dụng này nên không khôi phục được. Hãy chọn bản sao lưu khác.",
                path.display()
            ),
            ..e
        },
        _ => e,
    })
}

/// Restores the backup at `path` over the open data, after backing the current data up.
/// Refused, with nothing changed: a damaged or newer file, a ward's file into a group's
/// data and the reverse, a file with nothing set up, and another group's (or ward's) file
/// unless `other_owner_ok`.
pub fn restore(
    store: &mut Store,
    path: &Path,
    other_owner_ok: bool,
    now: DateTime<Utc>,
) -> Result<Contents> {
    let theirs = verify(path)?;
    let ours = current(store)?;
    check_owner(&ours, &theirs, other_owner_ok)?;
    if ours.kind != DataKind::Empty {
        create(store, Occasion::BeforeRestore, now).map_err(|e| Error {
            message: format!(
                "Chưa khôi phục: trước khi khôi phục phải sao lưu dữ liệu hiện tại nhưng chưa sao lưu được. {} ",
                e.message
            )
            .trim_end()
            .to_string(),
            ..e
        })?;
    }
    let offsite = store.local_value(OFFSITE)?;
    store.restore_from(path)?;
    // When this PC last copied the data off is a fact about the PC, not about the copy.
    store.set_local_value(OFFSITE, offsite.as_deref())?;
    store.set_local_value(PROBLEM, None)?;
    Ok(theirs)
}

/// What the open data is, in the terms of a backup's contents.
fn current(store: &Store) -> Result<Contents> {
    let mut c = Contents {
        kind: DataKind::Empty,
        name: None,
        group_id: None,
        members: 0,
        incidents: 0,
        closed_months: Vec::new(),
        groups: 0,
        last_record_at: None,
        schema_version: store.user_version()?,
    };
    if let Some(w) = store.ward()? {
        c.kind = DataKind::Ward;
        c.name = Some(w.name);
    } else if let Some(g) = store.group()? {
        c.kind = DataKind::Group;
        c.name = Some(g.name);
        c.group_id = Some(g.id);
    }
    Ok(c)
}

fn check_owner(ours: &Contents, theirs: &Contents, other_ok: bool) -> Result<()> {
    let name = |c: &Contents| c.name.clone().unwrap_or_default();
    let refuse = |m: String| Err(Error::new(ErrorCode::Conflict, m));
    match (ours.kind, theirs.kind) {
        (_, DataKind::Empty) => refuse(
            "Bản sao lưu này chưa có dữ liệu nào (chưa khai báo tổ hay phường) nên không khôi phục. Hãy chọn bản sao lưu khác.".into(),
        ),
        (DataKind::Group, DataKind::Ward) => refuse(format!(
            "Đây là bản sao lưu của phường, xã ({}), không khôi phục vào dữ liệu của tổ được. Dữ liệu chưa thay đổi.",
            name(theirs)
        )),
        (DataKind::Ward, DataKind::Group) => refuse(format!(
            "Đây là bản sao lưu của tổ “{}”, không khôi phục vào dữ liệu của phường, xã được. Dữ liệu chưa thay đổi.",
            name(theirs)
        )),
        (DataKind::Empty, _) => Ok(()),
        _ => {
            let same = match ours.kind {
                DataKind::Group => ours.group_id == theirs.group_id,
                _ => ours.name == theirs.name,
            };
            if same || other_ok {
                Ok(())
            } else {
                Err(Error::new(
                    ErrorCode::NeedsConfirmation,
                    format!(
                        "Bản sao lưu này là dữ liệu của “{}”, không phải của “{}” đang mở. Khôi phục sẽ thay toàn bộ dữ liệu hiện tại (dữ liệu hiện tại được sao lưu trước). Chỉ làm khi chắc chắn, và xác nhận lại.",
                        name(theirs),
                        name(ours)
                    ),
                ))
            }
        }
    }
}

/// Recovers a damaged data file in `dir` from the backup at `path`: the damaged file is
/// kept aside under a new name (never overwritten or deleted), the backup copied in and
/// opened. The path the damaged file was moved to is returned beside the store.
pub fn recover(dir: &Path, path: &Path, now: DateTime<Utc>) -> Result<(Store, PathBuf)> {
    verify(path)?;
    let live = dir.join(DB_FILE);
    let aside = {
        let base = format!(
            "ttq-hong-{}",
            now.with_timezone(&date::vn_offset())
                .format("%Y-%m-%d-%H%M")
        );
        let mut p = dir.join(format!("{base}.sqlite"));
        let mut n = 2;
        while p.exists() {
            p = dir.join(format!("{base}-{n}.sqlite"));
            n += 1;
        }
        p
    };
    let companions = |p: &Path, suffix: &str| PathBuf::from(format!("{}{suffix}", p.display()));
    if live.exists() {
        std::fs::rename(&live, &aside)?;
        for s in ["-wal", "-shm"] {
            if companions(&live, s).exists() {
                std::fs::rename(companions(&live, s), companions(&aside, s))?;
            }
        }
    }
    let result = Store::open_dir(dir).and_then(|mut s| {
        s.restore_from(path)?;
        Ok(s)
    });
    match result {
        Ok(s) => Ok((s, aside)),
        Err(e) => {
            // Put everything back as it was.
            for s in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(companions(&live, s));
                if companions(&aside, s).exists() {
                    let _ = std::fs::rename(companions(&aside, s), companions(&live, s));
                }
            }
            Err(e)
        }
    }
}

/// Copies the data to `target` (a USB stick, another folder) as a backup file named for
/// the group or ward and the time; the new file's path.
pub fn copy_to(
    store: &Store,
    target: &Path,
    passphrase: Option<&str>,
    now: DateTime<Utc>,
) -> Result<PathBuf> {
    if let Some(p) = passphrase {
        crate::sealed::check_passphrase(p)?;
    }
    let ext = if passphrase.is_some() {
        "sqlite.age"
    } else {
        "sqlite"
    };
    let owner = current(store)?
        .name
        .map(|n| super::file_safe(&n).replace(' ', "-"))
        .unwrap_or_else(|| "du-lieu".into());
    let stem = format!(
        "ttq-sao-luu-{owner}-{}",
        now.with_timezone(&date::vn_offset())
            .format("%Y-%m-%d-%H%M")
    );
    let mut path = target.join(format!("{stem}.{ext}"));
    let mut n = 2;
    while path.exists() {
        path = target.join(format!("{stem}-{n}.{ext}"));
        n += 1;
    }
    if !target.is_dir() {
        return Err(Error::new(
            ErrorCode::NotFound,
            format!(
                "Không thấy thư mục {}. Hãy cắm USB hoặc chọn thư mục khác.",
                target.display()
            ),
        ));
    }
    match passphrase {
        None => store.backup_to(&path).map_err(|e| not_written(e, target))?,
        Some(p) => {
            // The plain copy is made on this PC, next to its own backups, and never reaches
            // the stick: only the sealed bytes do.
            let plain = create(store, Occasion::Manual, now)?;
            let bytes = std::fs::read(&plain)?;
            crate::save::save_file(&path, &crate::sealed::seal(&bytes, p)?)
                .map_err(|e| not_written(e, target))?;
        }
    }
    store.set_local_value(OFFSITE, Some(&stamp(now)))?;
    Ok(path)
}

/// Whether a chosen file is a USB copy sealed with a passphrase.
pub fn is_sealed(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 32];
    std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .is_ok_and(|n| crate::sealed::is_sealed(&head[..n]))
}

/// Opens a sealed USB copy with its passphrase into this PC's backup folder, where it is
/// then described, checked and restored like any other copy (and pruned like them).
pub fn unseal(
    data_dir: &Path,
    sealed: &Path,
    passphrase: &str,
    now: DateTime<Utc>,
) -> Result<BackupInfo> {
    let plain = crate::sealed::open(&std::fs::read(sealed)?, passphrase)?;
    let folder = folder(data_dir);
    make_folder(&folder)?;
    let name = crate::backup::file_name(now, Occasion::FromUsb, &|n| folder.join(n).exists());
    let path = folder.join(name);
    crate::save::save_file(&path, &plain).map_err(|e| not_written(e, &folder))?;
    Ok(describe(&path))
}

/// How this PC's backups stand at `now`.
pub fn status(store: &Store, now: DateTime<Utc>) -> Result<BackupStatus> {
    let folder = folder(&data_dir(store));
    let last_backup_at = names(&folder).into_iter().map(|(_, at, _)| at).max();
    let problem = store
        .local_value(PROBLEM)?
        .and_then(|v| v.split_once('|').map(|(_, m)| m.to_string()));
    let offsite = store
        .local_value(OFFSITE)?
        .and_then(|v| DateTime::parse_from_rfc3339(&v).ok())
        .map(|t| t.with_timezone(&Utc));
    let offsite_due =
        !store.is_empty()? && offsite.is_none_or(|t| now - t > Duration::days(OFFSITE_EVERY_DAYS));
    Ok(BackupStatus {
        folder: folder.display().to_string(),
        last_backup_at: last_backup_at.map(stamp),
        problem,
        last_offsite_at: offsite.map(stamp),
        offsite_due,
    })
}
