//! `ttq activity …`: meetings, awareness sessions, mediations, commitments.

use super::ledger::{default_editor, month};
use super::{iso_to_vn, print_json};
use chrono::{DateTime, Utc};
use clap::Subcommand;
use ttq::model::activity::{ActivityFilter, ActivityInput, ActivityKind, Assignment};
use ttq::{app, date, Result, Store};

#[derive(Subcommand)]
pub enum ActivityCmd {
    /// Record an activity.
    Add {
        #[arg(long, value_parser = crate::choice::choice::<ActivityKind>())]
        kind: ActivityKind,
        /// dd/mm/yyyy (default: today).
        #[arg(long)]
        on: Option<String>,
        #[arg(long, default_value = "")]
        title: String,
        #[arg(long, default_value = "")]
        place: String,
        #[arg(long, default_value = "")]
        content: String,
        /// Attendees or people reached.
        #[arg(long)]
        people: Option<i32>,
        /// Households concerned or committed.
        #[arg(long)]
        households: Option<i32>,
        #[arg(long, default_value = "")]
        conclusions: String,
        /// A meeting assignment "who|what|dd/mm/yyyy"; repeatable.
        #[arg(long = "assign")]
        assignments: Vec<String>,
        /// Mediation parties (sensitive).
        #[arg(long, default_value = "")]
        parties: String,
        /// Mediation succeeded (true/false).
        #[arg(long)]
        success: Option<bool>,
        #[arg(long)]
        editor: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List activities, newest first.
    List {
        #[arg(long)]
        month: Option<String>,
        #[arg(long, value_parser = crate::choice::choice::<ActivityKind>())]
        kind: Option<ActivityKind>,
        #[arg(long, default_value = "")]
        search: String,
        /// Include sensitive fields (mediation parties).
        #[arg(long)]
        include_sensitive: bool,
        #[arg(long)]
        json: bool,
    },
    /// Write the activities (as `list` filters them, oldest first) to an Excel workbook.
    Export {
        /// The .xlsx file to write.
        #[arg(long)]
        out: std::path::PathBuf,
        #[arg(long)]
        month: Option<String>,
        #[arg(long, value_parser = crate::choice::choice::<ActivityKind>())]
        kind: Option<ActivityKind>,
        #[arg(long, default_value = "")]
        search: String,
        /// Include struck-through records.
        #[arg(long)]
        struck: bool,
        /// Include the parties of mediations (sensitive).
        #[arg(long)]
        sensitive: bool,
    },
    /// Strike an activity through with a reason.
    Strike {
        id: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        editor: Option<String>,
    },
    /// The month's figures for the report.
    Summary {
        #[arg(long)]
        month: String,
        #[arg(long)]
        json: bool,
    },
}

/// Runs `ttq activity …`.
pub fn activity(store: &mut Store, cmd: ActivityCmd, now: DateTime<Utc>) -> Result<()> {
    match cmd {
        ActivityCmd::Add {
            kind,
            on,
            title,
            place,
            content,
            people,
            households,
            conclusions,
            assignments,
            parties,
            success,
            editor,
            json,
        } => {
            let assignments = assignments
                .iter()
                .map(|a| {
                    let mut p = a.splitn(3, '|').map(str::to_string);
                    Assignment {
                        who: p.next().unwrap_or_default(),
                        what: p.next().unwrap_or_default(),
                        due: p.next().unwrap_or_default(),
                    }
                })
                .collect();
            let input = ActivityInput {
                kind,
                held_on: on.unwrap_or_else(|| date::format(date::vn_today(now))),
                title,
                place,
                content,
                people,
                households,
                conclusions,
                assignments,
                parties,
                mediation_success: success,
                editor: editor.map_or_else(|| default_editor(store), Ok)?,
            };
            let a = app::ledger::add_activity(store, &input, now)?;
            if json {
                print_json(&a)?;
            } else {
                say!(
                    "Đã ghi {} “{}” ({}).",
                    a.kind.label().to_lowercase(),
                    a.title,
                    a.id
                );
            }
        }
        ActivityCmd::List {
            month: m,
            kind,
            search,
            include_sensitive,
            json,
        } => {
            let mut list = app::ledger::activities(
                store,
                &ActivityFilter {
                    month: month(m)?,
                    kind,
                    search,
                    include_struck: false,
                },
            )?;
            if !include_sensitive {
                for a in &mut list {
                    a.parties = None;
                }
            }
            if json {
                print_json(&list)?;
            } else {
                for a in &list {
                    say!(
                        "{}  {} {:<22} {}",
                        a.id,
                        iso_to_vn(&Some(a.held_on.clone())),
                        a.kind.label(),
                        a.title
                    );
                }
                say!("{} hoạt động.", list.len());
            }
        }
        ActivityCmd::Export {
            out,
            month: m,
            kind,
            search,
            struck,
            sensitive,
        } => {
            let filter = ActivityFilter {
                month: month(m)?,
                kind,
                search,
                include_struck: struck,
            };
            let file = app::ledger::activities_xlsx(store, &filter, sensitive, now)?;
            ttq::save::save_file(&out, &file.bytes)?;
            say!(
                "Đã lưu sổ hoạt động vào {}{}.",
                out.display(),
                if sensitive {
                    " (có các bên hòa giải: hãy giữ tệp cẩn thận)"
                } else {
                    ""
                }
            );
        }
        ActivityCmd::Strike { id, reason, editor } => {
            let editor = editor.map_or_else(|| default_editor(store), Ok)?;
            let a = app::ledger::strike_activity(store, &id, &reason, &editor, now)?;
            say!("Đã gạch bỏ “{}”; bản ghi vẫn được lưu.", a.title);
        }
        ActivityCmd::Summary { month: m, json } => {
            let m = month(Some(m))?.unwrap_or_default();
            let s = app::ledger::activity_summary(store, &m)?;
            if json {
                print_json(&s)?;
            } else {
                say!(
                    "Họp tổ: {} buổi; họp dân: {} buổi, {} lượt người",
                    s.group_meetings,
                    s.resident_meetings,
                    s.resident_meeting_attendees
                );
                say!(
                    "Tuyên truyền: {} buổi, {} lượt người",
                    s.awareness_sessions,
                    s.people_reached
                );
                say!(
                    "Hòa giải: {} vụ, thành {} vụ",
                    s.mediations,
                    s.mediations_successful
                );
                say!(
                    "Hỗ trợ quản lý cư trú: {}; PCCC, cứu nạn: {}; hộ ký cam kết: {}",
                    s.residence_support,
                    s.fire_rescue,
                    s.households_committed
                );
            }
        }
    }
    Ok(())
}
