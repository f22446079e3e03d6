//! `ttq`: the command-line tool. Same core functions as the desktop app.

use clap::{Args, Parser, Subcommand};
#[macro_use]
mod output;
mod activity;
mod backup;
mod choice;
mod incident;
mod ledger;
mod member;
mod member_sheet;
mod patrol;
mod places;
mod practice;
mod report;
mod sync;
mod todo;

use std::path::PathBuf;
use std::process::ExitCode;
use ttq::model::group::{AreaKind, GroupInput, GroupKind, GroupSetup};
use ttq::model::member::{Gender, MemberFilter, MemberInput, Role};
use ttq::{app, date, Error, ErrorCode, Result};

#[derive(Parser)]
#[command(name = "ttq", version, about = "Tổ tự quản ANTT — công cụ dòng lệnh")]
struct Cli {
    /// Data directory (default: the app's data directory of this user).
    #[arg(long, global = true, env = "TTQ_DATA_DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Create the group and its leader (first-run set-up).
    Init(InitArgs),
    /// Fill an empty data directory with a realistic demo group.
    Demo {
        /// Seed of the generator; the same seed gives the same group.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Make a demo ward workspace instead: five groups' files imported.
        #[arg(long)]
        ward: bool,
    },
    /// Show the group.
    Group {
        #[arg(long)]
        json: bool,
    },
    /// Members: add, edit, leave, anonymise, list, history.
    #[command(subcommand)]
    Member(member::MemberCmd),
    /// Incidents and tips: add, edit, strike, list, show, counts, categories.
    #[command(subcommand)]
    Incident(incident::IncidentCmd),
    /// Activities: meetings, awareness, mediations, commitments…
    #[command(subcommand)]
    Activity(activity::ActivityCmd),
    /// The month's patrol roster: generate, show.
    #[command(subcommand)]
    Roster(patrol::RosterCmd),
    /// Patrols: shift patterns, availability, attendance, the log, the month's figures.
    #[command(subcommand)]
    Patrol(patrol::PatrolCmd),
    /// The monthly report: print, narrative, issued copies.
    #[command(subcommand)]
    Report(report::ReportCmd),
    /// Closing (khóa sổ) and reopening a month.
    #[command(subcommand)]
    Month(report::MonthCmd),
    /// "Dân vận khéo" models (practices): add, write, measure, finalise, print.
    #[command(subcommand, alias = "model")]
    Practice(practice::PracticeCmd),
    /// Write the month's package for the ward (a signed .zip) into a folder.
    Export {
        #[arg(long)]
        month: String,
        #[arg(long)]
        out: PathBuf,
        /// Also include sensitive fields (phones, ID numbers, people involved).
        #[arg(long)]
        sensitive: bool,
    },
    /// (Ward) import groups' packages: each is checked before anything is written.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Only show what would change.
        #[arg(long)]
        dry_run: bool,
        /// Accept a group's new key, confirmed (by phone) by this person.
        #[arg(long)]
        accept_new_key: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The ward workspace: set-up and reporting status.
    #[command(subcommand)]
    Ward(sync::WardCmd),
    /// The ward's encryption key, as the group pinned it.
    #[command(subcommand)]
    Recipient(sync::RecipientCmd),
    /// Receipts: the ward issues them, the group imports them.
    #[command(subcommand)]
    Receipt(sync::ReceiptCmd),
    /// Backups: create, list, verify, restore, copy to a USB stick.
    #[command(subcommand)]
    Backup(backup::BackupCmd),
    /// The national list of provinces and communes (QĐ 19/2025): find a commune's code.
    Places {
        /// Words of the commune's name, with or without diacritics ("quang yen").
        #[arg(long)]
        search: Option<String>,
        /// Only in this province (its 2-digit code).
        #[arg(long)]
        province: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// What to do now ("Tháng này"), then the month's key figures so far.
    Todo {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
struct InitArgs {
    #[arg(long, value_parser = crate::choice::choice::<GroupKind>(), default_value = "bao-ve-antt")]
    kind: GroupKind,
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
    #[arg(long, value_parser = crate::choice::choice::<AreaKind>(), default_value = "khu-pho")]
    area_kind: AreaKind,
    #[arg(long)]
    area_name: String,
    #[arg(long, default_value = "")]
    decision_number: String,
    /// dd/mm/yyyy
    #[arg(long, default_value = "")]
    decision_date: String,
    /// The police unit reports are addressed to ("Kính gửi").
    #[arg(long)]
    police_unit: String,
    #[arg(long)]
    households: Option<i32>,
    #[arg(long)]
    residents: Option<i32>,
    /// The leader's full name.
    #[arg(long)]
    leader_name: String,
    /// The leader's birth date, dd/mm/yyyy.
    #[arg(long)]
    leader_birth_date: String,
    #[arg(long, default_value = "")]
    leader_phone: String,
    #[arg(long, value_parser = crate::choice::choice::<Gender>())]
    leader_gender: Option<Gender>,
}

fn data_dir(cli_dir: Option<PathBuf>) -> Result<PathBuf> {
    match cli_dir {
        Some(d) => Ok(d),
        None => ttq::store::default_data_dir(),
    }
}

fn print_json<T: serde::Serialize>(v: &T) -> Result<()> {
    let s = serde_json::to_string_pretty(v).map_err(|e| Error::internal(e.to_string()))?;
    say!("{s}");
    Ok(())
}

fn iso_to_vn(s: &Option<String>) -> String {
    s.as_deref()
        .and_then(date::from_iso)
        .map(date::format)
        .unwrap_or_default()
}

fn run(cli: Cli) -> Result<()> {
    let now = ttq::clock::Clock::from_env()?.now();
    let today = date::vn_today(now);
    let dir = data_dir(cli.data_dir)?;
    // Backups open the data themselves: restoring must work on a file that cannot be opened.
    let cmd = match cli.cmd {
        Cmd::Backup(c) => return backup::run(&dir, c, now),
        Cmd::Places {
            search,
            province,
            json,
        } => return places::run(search.as_deref(), province.as_deref(), json),
        other => other,
    };
    let mut store = app::backup::open(&dir, now)?;
    match cmd {
        Cmd::Init(a) => {
            let setup = GroupSetup {
                group: GroupInput {
                    kind: a.kind,
                    name: a.name,
                    province_code: a.province_code,
                    province_name: a.province_name,
                    commune_code: a.commune_code,
                    commune_name: a.commune_name,
                    area_kind: a.area_kind,
                    area_name: a.area_name,
                    decision_number: a.decision_number,
                    decision_date: a.decision_date,
                    police_unit: a.police_unit,
                    households: a.households,
                    residents: a.residents,
                },
                leader: MemberInput {
                    full_name: a.leader_name,
                    gender: a.leader_gender,
                    birth_date: a.leader_birth_date,
                    phone: a.leader_phone,
                    role: Some(Role::ToTruong),
                    joined_on: date::format(today),
                    ..Default::default()
                },
            };
            let g = app::group::create(&mut store, &setup, now)?;
            say!("Đã tạo {} ({}).", g.name, store.path().display());
            let g = &setup.group;
            for w in app::group::place_warnings(&g.commune_code, &g.commune_name, &g.province_code)
            {
                say!("Lưu ý: {w}");
            }
        }
        Cmd::Demo { ward: true, .. } => {
            ttq::demo::fill_ward(&mut store, now)?;
            let status = ttq::app::ward::status(&store, &[], now)?;
            let sent = status
                .groups
                .iter()
                .filter(|g| !g.group_id.is_empty())
                .count();
            say!(
                "Đã tạo dữ liệu mẫu của phường: {} tổ, {sent} tổ đã gửi tệp ({}).",
                status.groups.len(),
                store.path().display()
            );
        }
        Cmd::Demo { seed, .. } => {
            if app::group::get(&store).is_ok() {
                return Err(Error::new(
                    ErrorCode::GroupExists,
                    "Thư mục dữ liệu này đã có một tổ. Hãy chọn thư mục trống (--data-dir) để tạo dữ liệu mẫu.",
                ));
            }
            ttq::demo::fill(&mut store, now, seed)?;
            let list = app::members::list(&store, &MemberFilter::default(), now)?;
            say!(
                "Đã tạo dữ liệu mẫu: {} tổ viên đang hoạt động, {} đã rời tổ ({}).",
                list.active_count,
                list.left_count,
                store.path().display()
            );
        }
        Cmd::Group { json } => {
            let g = app::group::get(&store)?;
            if json {
                print_json(&g)?;
            } else {
                say!("{} — {}", g.name, g.kind.label());
                say!(
                    "{}, {} ({}), {} ({})",
                    g.area_name,
                    g.commune_name,
                    g.commune_code,
                    g.province_name,
                    g.province_code
                );
                say!("Kính gửi: {}", g.police_unit);
                if let Some(l) = &g.leader_name {
                    say!("Tổ trưởng: {l}");
                }
            }
        }
        Cmd::Incident(c) => incident::incident(&mut store, c, now)?,
        Cmd::Activity(c) => activity::activity(&mut store, c, now)?,
        Cmd::Roster(c) => patrol::roster(&mut store, c, now)?,
        Cmd::Patrol(c) => patrol::patrol(&mut store, c, now)?,
        Cmd::Report(c) => report::report(&mut store, c, now)?,
        Cmd::Month(c) => report::month(&mut store, c, now)?,
        Cmd::Practice(c) => practice::run(&mut store, c, now)?,
        Cmd::Todo { json } => todo::run(&store, json, now)?,
        Cmd::Export {
            month,
            out,
            sensitive,
        } => sync::export(&mut store, &month, &out, sensitive, now)?,
        Cmd::Import {
            files,
            dry_run,
            accept_new_key,
            json,
        } => sync::import(&mut store, &files, dry_run, accept_new_key, json, now)?,
        Cmd::Ward(c) => sync::ward(&mut store, c, now)?,
        Cmd::Receipt(c) => sync::receipt(&mut store, c, now)?,
        Cmd::Recipient(c) => sync::recipient(&mut store, c, now)?,
        Cmd::Backup(_) | Cmd::Places { .. } => {
            unreachable!("these commands run before the data is opened")
        }
        Cmd::Member(c) => member::run(&mut store, c, now)?,
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => {
            output::flush();
            ExitCode::SUCCESS
        }
        Err(e) => {
            warn!("Lỗi: {}", e.message);
            for f in &e.fields {
                warn!("  - {}: {}", ttq::model::field_label(&f.field), f.message);
            }
            if let Some(d) = &e.detail {
                warn!("  (chi tiết: {d})");
            }
            ExitCode::from(match e.code {
                ErrorCode::Invalid => 2,
                _ => 1,
            })
        }
    }
}
