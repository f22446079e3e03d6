//! `ttq export`, `ttq import`, `ttq ward …`, `ttq recipient …` and `ttq receipt …`: sync to
//! the ward by file.

use super::print_json;
use chrono::{DateTime, Utc};
use clap::Subcommand;
use std::path::PathBuf;
use ttq::app::{self, ward::ImportOptions};
use ttq::model::ward::{ImportPreview, KeyStatus, WardInput};
use ttq::{Error, ErrorCode, Result, Store};

#[derive(Subcommand)]
pub enum WardCmd {
    /// Set an empty data folder up as a ward workspace.
    Init {
        #[arg(long)]
        name: String,
        #[arg(long)]
        province_code: String,
        #[arg(long)]
        province_name: String,
        #[arg(long)]
        commune_code: String,
        #[arg(long)]
        commune_name: String,
        /// Reports are on time until this day of the next month.
        #[arg(long, default_value_t = 5)]
        deadline_day: u8,
    },
    /// Add groups the ward expects reports from, so one that never sends shows as missing.
    Expect {
        #[arg(long = "name", required = true)]
        names: Vec<String>,
    },
    /// Change the ward's settings: the day of the next month reports are due, and how its
    /// documents are headed and signed (an empty value goes back to the default). Without
    /// options, shows them.
    Settings {
        /// Reports are on time until this day (1–28) of the next month.
        #[arg(long)]
        deadline_day: Option<u8>,
        /// Tên cơ quan chủ quản, e.g. "CÔNG AN TỈNH QUẢNG NINH".
        #[arg(long)]
        parent_body: Option<String>,
        /// The issuer's abbreviation in "Số: …/BC-CAP".
        #[arg(long)]
        issuer_code: Option<String>,
        /// "KT. TRƯỞNG CÔNG AN PHƯỜNG" when a deputy signs.
        #[arg(long)]
        signer_on_behalf: Option<String>,
        /// "TRƯỞNG CÔNG AN PHƯỜNG".
        #[arg(long)]
        signer_title: Option<String>,
        #[arg(long)]
        signer_name: Option<String>,
    },
    /// Save the ward's encryption key as a small text file for its groups; they pin it with
    /// `ttq recipient set`, and from then on their files only the ward can open.
    Key {
        #[arg(long)]
        out: PathBuf,
        /// Also print the notice of the key (PDF) to hand the groups with it.
        #[arg(long)]
        sheet: Option<PathBuf>,
    },
    /// Who has reported: groups × months (the month given and the ones before it).
    Status {
        #[arg(long)]
        month: String,
        /// How many months to show, ending with --month.
        #[arg(long, default_value_t = 3)]
        months: u32,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum ReceiptCmd {
    /// (Ward) write a signed receipt for a group's file of a month.
    Issue {
        #[arg(long)]
        group: String,
        #[arg(long)]
        month: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// (Group) import the ward's receipt.
    Import { file: PathBuf },
    /// (Group) list the receipts received.
    List,
}

#[derive(Subcommand)]
pub enum RecipientCmd {
    /// (Group) pin the ward's encryption key from its key file: files for the ward are then
    /// encrypted to it.
    Set {
        file: PathBuf,
        /// A key other than the one pinned, confirmed (by phone) by this person at the ward.
        #[arg(long)]
        confirmed_by: Option<String>,
        /// Only show the key and what would change.
        #[arg(long)]
        dry_run: bool,
    },
    /// (Group) show the ward's key files are encrypted to.
    Show,
}

/// Runs `ttq recipient …`.
pub fn recipient(store: &mut Store, cmd: RecipientCmd, now: DateTime<Utc>) -> Result<()> {
    match cmd {
        RecipientCmd::Set {
            file,
            confirmed_by,
            dry_run,
        } => {
            let opts = app::recipient::PinOptions {
                dry_run,
                confirmed_by,
            };
            let p = app::recipient::pin(store, &app::read_file(&file)?, &opts, now)?;
            let k = &p.key;
            let what = match (p.unchanged, p.applied) {
                (true, _) => "Khóa này đã được ghi nhận từ trước",
                (false, true) => "Đã ghi nhận khóa mã hóa",
                (false, false) => "Sẽ ghi nhận khóa mã hóa",
            };
            say!(
                "{what}: {} (mã {}), mã kiểm tra {}.",
                k.ward_name,
                k.commune_code,
                k.fingerprint
            );
            if let Some(old) = &p.replaces {
                say!("Khóa này thay cho khóa trước ({old}).");
            }
            if p.applied || p.unchanged {
                say!("Từ nay tệp gửi phường được mã hóa: chỉ {} mở được.", k.ward_name);
            }
        }
        RecipientCmd::Show => match app::recipient::pinned(store)? {
            Some(k) => say!(
                "Tệp gửi phường được mã hóa cho {} (mã {}), mã kiểm tra {}, ghi nhận từ {} lúc {}.",
                k.ward_name,
                k.commune_code,
                k.fingerprint,
                k.source,
                ttq::date::format_timestamp(&k.pinned_at)
            ),
            None => say!(
                "Chưa có khóa mã hóa của phường: tệp gửi phường chỉ được ký, chưa mã hóa. Xin phường tệp khóa rồi chạy: ttq recipient set TỆP"
            ),
        },
    }
    Ok(())
}

/// Runs `ttq export`.
pub fn export(
    store: &mut Store,
    month: &str,
    out: &std::path::Path,
    sensitive: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    let file = app::sync::export(store, month, sensitive, now)?;
    let (name, bytes) = (file.name, file.bytes);
    std::fs::create_dir_all(out).map_err(|e| {
        Error::new(
            ErrorCode::Io,
            format!("Không tạo được thư mục {}.", out.display()),
        )
        .with_detail(e.to_string())
    })?;
    let path = out.join(&name);
    ttq::save::save_file(&path, &bytes)?;
    app::sync::saved(store, month, now)?;
    say!(
        "Đã xuất tệp gửi phường: {} ({} KB).",
        path.display(),
        bytes.len() / 1024
    );
    if let Some(f) = app::sync::fingerprint(store)? {
        say!("Mã nhận diện của Tổ: {f}");
    }
    match app::recipient::pinned(store)? {
        Some(k) => say!("Tệp đã được mã hóa: chỉ {} mở được.", k.ward_name),
        None => say!("Tệp chỉ được ký, chưa mã hóa (chưa có khóa mã hóa của phường)."),
    }
    Ok(())
}

/// One file's outcome, as a line a person reads.
fn print_preview(p: &ImportPreview) {
    let key = match p.key {
        KeyStatus::New => " — khóa của tổ được ghi nhận lần đầu",
        KeyStatus::Changed => " — đã nhận khóa mới của tổ",
        KeyStatus::Known => "",
    };
    let what = if p.applied {
        "Đã nhận"
    } else {
        "Sẽ nhận"
    };
    let draft = if p.draft {
        " — bản nháp (tổ chưa khóa sổ)"
    } else {
        ""
    };
    say!(
        "{what} {}: {} tháng {}{draft} — {} mới, {} thay đổi, {} không đổi{key} (mã nhận diện {}).",
        p.file_name,
        p.group_name,
        ttq::date::month_label(&p.period),
        p.new,
        p.changed,
        p.unchanged,
        p.fingerprint
    );
    let f = &p.figures;
    say!(
        "  Số liệu tháng: {} vụ việc, tin báo ({} chuyển Công an), {} ca tuần tra, {} tổ viên.",
        f.incidents.total,
        f.incidents.transferred,
        f.patrols.patrols_held,
        f.members.active
    );
    if let Some(other) = &p.same_name_as {
        say!(
            "  Chú ý: đã có một tổ tên “{}” với mã nhận diện khác ({other}). Hãy gọi tổ trưởng xác nhận đây đúng là tổ của mình trước khi nhận.",
            p.group_name
        );
    }
    if p.amendments > 0 {
        say!(
            "  Có {} đính chính số liệu các tháng đã chốt.",
            p.amendments
        );
    }
    for w in &p.warnings {
        say!("  Lưu ý: {w}");
    }
}

/// Runs `ttq import`: each file is checked and merged on its own; a refused file changes
/// nothing and the others still go in.
pub fn import(
    store: &mut Store,
    files: &[PathBuf],
    dry_run: bool,
    accept_new_key_by: Option<String>,
    json: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    let opts = ImportOptions {
        dry_run,
        accept_new_key_by,
    };
    let outcomes = app::ward::import_files(store, files, &opts, now, &mut |_| {});
    let failed = outcomes.iter().filter(|o| o.error.is_some()).count();
    if json {
        print_json(&outcomes)?;
    } else {
        for o in &outcomes {
            match (&o.preview, &o.error) {
                (Some(p), _) => print_preview(p),
                (None, Some(e)) => warn!("Không nhận {}: {}", o.file, e.message),
                (None, None) => {}
            }
        }
    }
    if failed > 0 {
        return Err(Error::new(
            ErrorCode::PackageRejected,
            format!(
                "{failed}/{} tệp không nhận được (xem lý do ở trên).",
                files.len()
            ),
        ));
    }
    Ok(())
}

/// Runs `ttq ward …`.
pub fn ward(store: &mut Store, cmd: WardCmd, now: DateTime<Utc>) -> Result<()> {
    match cmd {
        WardCmd::Init {
            name,
            province_code,
            province_name,
            commune_code,
            commune_name,
            deadline_day,
        } => {
            let w = app::ward::init(
                store,
                &WardInput {
                    name,
                    province_code,
                    province_name,
                    commune_code,
                    commune_name,
                    deadline_day,
                },
                now,
            )?;
            say!(
                "Đã thiết lập {} ({}). Mã nhận diện của phường: {}",
                w.name,
                w.commune_name,
                w.fingerprint
            );
        }
        WardCmd::Expect { names } => {
            for n in &names {
                app::ward::expect(store, n, now)?;
            }
            say!("Đã ghi {} tổ cần nộp báo cáo.", names.len());
        }
        WardCmd::Status {
            month,
            months,
            json,
        } => {
            let list = ttq::date::months_ending(&month, months.max(1))
                .ok_or_else(|| ttq::date::bad_month(&month))?;
            let status = app::ward::status(store, &list, now)?;
            if json {
                return print_json(&status);
            }
            const CELL: usize = 20;
            let heads: Vec<String> = status
                .months
                .iter()
                .map(|m| format!("{:<CELL$}", ttq::date::month_label(&m.month)))
                .collect();
            say!("{:<40} {}", "Tổ", heads.join(" "));
            for g in &status.groups {
                let cells: Vec<String> = g
                    .months
                    .iter()
                    .map(|c| {
                        let mut s = c.state.label().to_string();
                        if c.draft {
                            s.push_str(", nháp");
                        }
                        if c.amended {
                            s.push_str(", đính chính");
                        }
                        if !c.warnings.is_empty() {
                            s.push_str(" (!)");
                        }
                        format!("{s:<CELL$}")
                    })
                    .collect();
                let last = g
                    .last_file
                    .as_ref()
                    .map(|(m, at)| {
                        format!(
                            "  (tệp cuối: tháng {}, nhận {at})",
                            ttq::date::month_label(m)
                        )
                    })
                    .unwrap_or_default();
                say!("{:<40} {}{last}", g.name, cells.join(" "));
            }
            for m in &status.months {
                let d = ttq::date::from_iso(&m.deadline)
                    .map(ttq::date::format)
                    .unwrap_or_default();
                let when = if m.due {
                    "đã hết hạn"
                } else {
                    "chưa đến hạn"
                };
                say!(
                    "Tháng {}: hạn nộp {d} ({when}).",
                    ttq::date::month_label(&m.month)
                );
            }
            let t = &status.totals;
            if t.due > 0 {
                say!(
                    "Các tháng đã đến hạn: nhận {}/{} báo cáo, {} đúng hạn.",
                    t.received,
                    t.due,
                    t.on_time
                );
            }
            for g in &status.groups {
                for (c, m) in g.months.iter().zip(&status.months) {
                    for w in &c.warnings {
                        say!(
                            "(!) {} tháng {}: {w}",
                            g.name,
                            ttq::date::month_label(&m.month)
                        );
                    }
                }
            }
        }
        WardCmd::Key { out, sheet } => {
            let file = app::ward::key_file(store)?;
            ttq::save::save_file(&out, &file.bytes)?;
            let w = app::ward::get(store)?;
            say!(
                "Đã ghi khóa mã hóa của phường ra {}. Mã kiểm tra: {}.",
                out.display(),
                w.encryption_fingerprint.unwrap_or_default()
            );
            if let Some(sheet) = sheet {
                ttq::save::save_file(&sheet, &app::ward::key_sheet(store, now)?.bytes)?;
                say!("Đã in thông báo khóa mã hóa ra {}.", sheet.display());
            }
        }
        WardCmd::Settings {
            deadline_day,
            parent_body,
            issuer_code,
            signer_on_behalf,
            signer_title,
            signer_name,
        } => {
            let mut w = app::ward::get(store)?;
            if let Some(day) = deadline_day {
                w = app::ward::set_deadline_day(store, day)?;
            }
            if parent_body.is_some()
                || issuer_code.is_some()
                || signer_on_behalf.is_some()
                || signer_title.is_some()
                || signer_name.is_some()
            {
                // Only the fields given change.
                let mut d = w.documents.clone();
                for (given, field) in [
                    (parent_body, &mut d.parent_body),
                    (issuer_code, &mut d.issuer_code),
                    (signer_on_behalf, &mut d.signer_on_behalf),
                    (signer_title, &mut d.signer_title),
                    (signer_name, &mut d.signer_name),
                ] {
                    if let Some(v) = given {
                        *field = v;
                    }
                }
                w = app::ward::set_documents(store, &d)?;
            }
            let d = &w.documents;
            say!(
                "Hạn nộp: hết ngày {} tháng sau.\nCơ quan chủ quản: {}\nSố, ký hiệu: …/BC{}\nNgười ký: {}{} {}",
                w.deadline_day,
                d.parent_body,
                if d.issuer_code.is_empty() { String::new() } else { format!("-{}", d.issuer_code) },
                if d.signer_on_behalf.is_empty() { String::new() } else { format!("{} / ", d.signer_on_behalf) },
                d.signer_title,
                d.signer_name
            );
        }
    }
    Ok(())
}

/// Runs `ttq report ward`.
pub fn ward_report(
    store: &Store,
    month: &str,
    out: &std::path::Path,
    xlsx: Option<PathBuf>,
    date: Option<String>,
    now: DateTime<Utc>,
) -> Result<()> {
    let pdf = app::ward::report_pdf(store, month, app::document_date(date.as_deref(), now)?, now)?;
    ttq::save::save_file(out, &pdf.bytes)?;
    say!("Đã ghi báo cáo tổng hợp ra {}.", out.display());
    if let Some(x) = xlsx {
        ttq::save::save_file(&x, &app::ward::report_xlsx(store, month, now)?.bytes)?;
        say!("Đã ghi bảng tính ra {}.", x.display());
    }
    Ok(())
}

/// Runs `ttq receipt …`.
pub fn receipt(store: &mut Store, cmd: ReceiptCmd, now: DateTime<Utc>) -> Result<()> {
    match cmd {
        ReceiptCmd::Issue { group, month, out } => {
            let file = app::ward::issue_receipt(store, &group, &month)?;
            ttq::save::save_file(&out, &file.bytes)?;
            say!("Đã ghi giấy biên nhận ra {}.", out.display());
        }
        ReceiptCmd::Import { file } => {
            let r = app::sync::import_receipt(store, &app::read_file(&file)?, now)?;
            say!(
                "{} đã nhận báo cáo tháng {} (lúc {}).",
                r.ward_name,
                r.period,
                r.received_at
            );
            if let Some(fp) = &r.pinned_key {
                say!("Đã ghi nhận khóa mã hóa của phường (mã kiểm tra {fp}): từ nay tệp gửi phường được mã hóa.");
            }
        }
        ReceiptCmd::List => {
            for r in app::sync::receipts(store)? {
                say!(
                    "Tháng {}: {} đã nhận lúc {}",
                    r.period,
                    r.ward_name,
                    r.received_at
                );
            }
        }
    }
    Ok(())
}
