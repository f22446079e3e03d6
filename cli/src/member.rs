//! `ttq member …`: the group's members, one by one and as lists.

use super::{iso_to_vn, member_sheet, print_json};
use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use std::path::PathBuf;
use ttq::model::member::{
    Gender, LeaveInput, MemberFilter, MemberInput, MemberRow, MemberStatus, Role,
};
use ttq::{app, date, Result, Store};

#[derive(Args)]
pub struct MemberFields {
    #[arg(long)]
    name: Option<String>,
    #[arg(long, value_parser = crate::choice::choice::<Gender>())]
    gender: Option<Gender>,
    /// dd/mm/yyyy
    #[arg(long)]
    birth_date: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    address: Option<String>,
    #[arg(long, value_parser = crate::choice::choice::<Role>())]
    role: Option<Role>,
    /// dd/mm/yyyy (default: today)
    #[arg(long)]
    joined_on: Option<String>,
    #[arg(long)]
    cccd: Option<String>,
    /// Date of the health certificate, dd/mm/yyyy.
    #[arg(long)]
    health_cert_date: Option<String>,
    /// Date the member consented to data processing, dd/mm/yyyy.
    #[arg(long)]
    consent_date: Option<String>,
    /// What the member agreed their data may be used for.
    #[arg(long)]
    consent_purpose: Option<String>,
    #[arg(long)]
    notes: Option<String>,
}

impl MemberFields {
    /// Overlays the given flags on `base`.
    fn apply(self, mut base: MemberInput) -> MemberInput {
        let set = |field: &mut String, v: Option<String>| {
            if let Some(v) = v {
                *field = v;
            }
        };
        set(&mut base.full_name, self.name);
        set(&mut base.birth_date, self.birth_date);
        set(&mut base.phone, self.phone);
        set(&mut base.address, self.address);
        set(&mut base.joined_on, self.joined_on);
        set(&mut base.cccd, self.cccd);
        set(&mut base.health_cert_date, self.health_cert_date);
        set(&mut base.consent_date, self.consent_date);
        set(&mut base.consent_purpose, self.consent_purpose);
        set(&mut base.notes, self.notes);
        base.gender = self.gender.or(base.gender);
        base.role = self.role.or(base.role);
        base
    }
}

#[derive(Subcommand)]
pub enum MemberCmd {
    /// Add a member.
    Add {
        #[command(flatten)]
        fields: MemberFields,
        #[arg(long)]
        json: bool,
    },
    /// Change a member's fields (only the flags given).
    Edit {
        id: String,
        #[command(flatten)]
        fields: MemberFields,
        #[arg(long)]
        json: bool,
    },
    /// Record that a member left the group.
    Leave {
        id: String,
        /// dd/mm/yyyy (default: today)
        #[arg(long)]
        on: Option<String>,
        #[arg(long)]
        reason: String,
    },
    /// Erase a leaver's personal data.
    Anonymise { id: String },
    /// How many years after leaving a leaver's data is kept before it is anonymised; without
    /// options, shows the setting.
    Retention {
        /// Years after leaving (1–20).
        #[arg(long, conflicts_with = "off")]
        years: Option<u32>,
        /// Leavers are anonymised only by hand.
        #[arg(long)]
        off: bool,
    },
    /// List the leavers due to be anonymised under the setting; with --yes, anonymise them.
    AnonymiseDue {
        #[arg(long)]
        yes: bool,
    },
    /// List members.
    List {
        #[arg(long, default_value = "")]
        search: String,
        #[arg(long, value_parser = crate::choice::choice::<Role>())]
        role: Option<Role>,
        #[arg(long, value_parser = crate::choice::choice::<MemberStatus>(), default_value = "active")]
        status: MemberStatus,
        #[arg(long)]
        json: bool,
    },
    /// Import members from the group's list in Excel (.xlsx, .xls, .ods) or .csv.
    Import {
        file: PathBuf,
        /// The sheet to read (default: the first with a member list).
        #[arg(long)]
        sheet: Option<String>,
        /// What a column holds, e.g. `--column C=birth-date` or `--column F=none`.
        #[arg(long = "column")]
        columns: Vec<String>,
        /// Only show what would be imported.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Save the member list as an Excel workbook.
    Export {
        #[arg(long)]
        out: PathBuf,
        /// Also include phone and CCCD numbers.
        #[arg(long)]
        sensitive: bool,
    },
    /// Save "DANH SÁCH TỔ VIÊN" as a printable PDF.
    Pdf {
        #[arg(long)]
        out: PathBuf,
        /// Also print phone numbers.
        #[arg(long)]
        phones: bool,
        /// Date on the list (dd/mm/yyyy); today by default.
        #[arg(long)]
        date: Option<String>,
    },
    /// Save everything the group holds about one member, for that person, as a PDF.
    Data {
        id: String,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        date: Option<String>,
    },
    /// Show a member's history.
    History {
        id: String,
        #[arg(long)]
        json: bool,
    },
}
fn print_rows(rows: &[MemberRow]) {
    for r in rows {
        let mut flags = r.warnings.clone();
        if r.possible_duplicate {
            flags.push("Có thể trùng".into());
        }
        if let Some(l) = &r.left_on {
            flags.push(format!("Đã rời tổ {}", iso_to_vn(&Some(l.clone()))));
        }
        say!(
            "{}  {:<28} {:<10} {:<10} {:<12} {}",
            r.id,
            r.full_name,
            r.role.label(),
            iso_to_vn(&r.birth_date),
            r.phone.as_deref().unwrap_or(""),
            flags.join("; ")
        );
    }
}

/// Runs `ttq member …`.
pub fn run(store: &mut Store, cmd: MemberCmd, now: DateTime<Utc>) -> Result<()> {
    let today = date::vn_today(now);
    match cmd {
        MemberCmd::Add { fields, json } => {
            let base = MemberInput {
                role: Some(Role::ToVien),
                joined_on: date::format(today),
                ..Default::default()
            };
            let m = app::members::add(store, &fields.apply(base), now)?;
            if json {
                print_json(&m)?;
            } else {
                say!("Đã thêm {} ({}).", m.full_name, m.id);
            }
        }
        MemberCmd::Edit { id, fields, json } => {
            let current = app::members::get(store, &id)?;
            let m = app::members::edit(store, &id, &fields.apply(current.to_input()), now)?;
            if json {
                print_json(&m)?;
            } else {
                say!("Đã lưu {}.", m.full_name);
            }
        }
        MemberCmd::Leave { id, on, reason } => {
            let m = app::members::leave(
                store,
                &id,
                &LeaveInput {
                    left_on: on.unwrap_or_else(|| date::format(today)),
                    reason,
                },
                now,
            )?;
            say!("Đã ghi nhận {} rời tổ.", m.full_name);
        }
        MemberCmd::Anonymise { id } => {
            let m = app::members::anonymise(store, &id, now)?;
            say!("Đã ẩn danh: {}.", m.full_name);
        }
        MemberCmd::Retention { years, off } => {
            let r = if years.is_some() || off {
                app::retention::set(store, years, today)?
            } else {
                app::retention::get(store, today)?
            };
            match r.years {
                Some(y) => say!(
                    "Dữ liệu cá nhân của người đã rời tổ được giữ {y} năm rồi ẩn danh. Hiện có {} người đến hạn.",
                    r.due.len()
                ),
                None => say!("Chưa đặt thời hạn giữ dữ liệu: người đã rời tổ chỉ được ẩn danh khi bấm tay."),
            }
        }
        MemberCmd::AnonymiseDue { yes } => {
            let r = app::retention::get(store, today)?;
            if r.due.is_empty() {
                say!("Không có ai đến hạn ẩn danh.");
                return Ok(());
            }
            for d in &r.due {
                say!(
                    "{}  {}  rời tổ {}, đến hạn {}",
                    d.id,
                    d.full_name,
                    iso_to_vn(&Some(d.left_on.clone())),
                    iso_to_vn(&Some(d.due_on.clone()))
                );
            }
            if yes {
                let ids: Vec<String> = r.due.iter().map(|d| d.id.clone()).collect();
                let done = app::retention::apply(store, &ids, now)?;
                say!("Đã ẩn danh {} người.", done.len());
            } else {
                say!(
                    "{} người đến hạn ẩn danh. Chạy lại với --yes để ẩn danh đúng những người trên.",
                    r.due.len()
                );
            }
        }
        MemberCmd::List {
            search,
            role,
            status,
            json,
        } => {
            let list = app::members::list(
                store,
                &MemberFilter {
                    search,
                    role,
                    status,
                },
                now,
            )?;
            if json {
                print_json(&list)?;
            } else {
                print_rows(&list.items);
                say!(
                    "{} tổ viên trong danh sách ({} đang hoạt động, {} đã rời tổ).",
                    list.items.len(),
                    list.active_count,
                    list.left_count
                );
            }
        }
        MemberCmd::Import {
            file,
            sheet,
            columns,
            dry_run,
            json,
        } => member_sheet::import(store, &file, sheet, &columns, dry_run, json, now)?,
        MemberCmd::Export { out, sensitive } => member_sheet::export(store, &out, sensitive, now)?,
        MemberCmd::Pdf { out, phones, date } => {
            member_sheet::pdf(store, &out, phones, date.as_deref(), now)?
        }
        MemberCmd::Data { id, out, date } => {
            member_sheet::personal(store, &id, &out, date.as_deref(), now)?
        }
        MemberCmd::History { id, json } => {
            let h = app::members::history(store, &id)?;
            if json {
                print_json(&h)?;
            } else {
                for e in h {
                    say!("{}  {}", date::format_timestamp(&e.at), e.summary);
                }
            }
        }
    }
    Ok(())
}
