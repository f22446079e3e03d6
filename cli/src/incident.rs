//! `ttq incident …`: incidents and tips, their categories and history.

use super::ledger::{default_editor, month};
use super::{iso_to_vn, print_json};
use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use ttq::model::incident::{IncidentFilter, IncidentInput, IncidentStatus, ReporterKind};
use ttq::{app, date, Result, Store};

#[derive(Args)]
pub struct IncidentFields {
    /// Date it happened, dd/mm/yyyy (default: today).
    #[arg(long)]
    on: Option<String>,
    /// Time, HH:MM (24-hour).
    #[arg(long)]
    time: Option<String>,
    /// The time is approximate ("khoảng").
    #[arg(long)]
    approx: Option<bool>,
    #[arg(long)]
    place: Option<String>,
    #[arg(long)]
    landmark: Option<String>,
    /// Category code (see `ttq incident categories`).
    #[arg(long)]
    category: Option<String>,
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    description: Option<String>,
    /// People involved (sensitive).
    #[arg(long)]
    people: Option<String>,
    /// Id of the member who reported it.
    #[arg(long)]
    reporter_member: Option<String>,
    /// Name of the resident who reported it.
    #[arg(long)]
    reporter_name: Option<String>,
    #[arg(long)]
    action: Option<String>,
    #[arg(long, value_parser = crate::choice::choice::<IncidentStatus>())]
    status: Option<IncidentStatus>,
    /// Date passed to police, dd/mm/yyyy.
    #[arg(long)]
    transferred_on: Option<String>,
    /// Passed to whom.
    #[arg(long)]
    transferred_to: Option<String>,
    /// A tip of value passed to police.
    #[arg(long)]
    tip: Option<bool>,
    /// Who records this (default: the group leader).
    #[arg(long)]
    editor: Option<String>,
}

impl IncidentFields {
    fn apply(self, mut b: IncidentInput) -> IncidentInput {
        let set = |f: &mut String, v: Option<String>| {
            if let Some(v) = v {
                *f = v;
            }
        };
        set(&mut b.occurred_on, self.on);
        set(&mut b.occurred_time, self.time);
        set(&mut b.place, self.place);
        set(&mut b.landmark, self.landmark);
        set(&mut b.category, self.category);
        set(&mut b.title, self.title);
        set(&mut b.description, self.description);
        set(&mut b.people_involved, self.people);
        set(&mut b.reporter_name, self.reporter_name);
        set(&mut b.action_taken, self.action);
        set(&mut b.transferred_on, self.transferred_on);
        set(&mut b.transferred_to, self.transferred_to);
        set(&mut b.editor, self.editor);
        if let Some(m) = self.reporter_member {
            b.reporter_kind = ReporterKind::Member;
            b.reporter_member_id = Some(m);
        }
        b.time_approx = self.approx.unwrap_or(b.time_approx);
        b.status = self.status.unwrap_or(b.status);
        b.valuable_tip = self.tip.unwrap_or(b.valuable_tip);
        b
    }
}

#[derive(Subcommand)]
pub enum IncidentCmd {
    /// Record an incident.
    Add {
        #[command(flatten)]
        fields: IncidentFields,
        #[arg(long)]
        json: bool,
    },
    /// Change an incident (only the flags given); the previous version is kept.
    Edit {
        id: String,
        #[command(flatten)]
        fields: IncidentFields,
        #[arg(long)]
        json: bool,
    },
    /// Strike an incident through with a reason (it is kept).
    Strike {
        id: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        editor: Option<String>,
    },
    /// List incidents, newest first.
    List {
        /// YYYY-MM or MM/YYYY.
        #[arg(long)]
        month: Option<String>,
        #[arg(long)]
        category: Option<String>,
        #[arg(long, value_parser = crate::choice::choice::<IncidentStatus>())]
        status: Option<IncidentStatus>,
        #[arg(long, default_value = "")]
        search: String,
        /// Include struck-through records.
        #[arg(long)]
        struck: bool,
        #[arg(long)]
        json: bool,
    },
    /// Write the incidents (as `list` filters them, oldest first) to an Excel workbook.
    Export {
        /// The .xlsx file to write.
        #[arg(long)]
        out: std::path::PathBuf,
        /// YYYY-MM or MM/YYYY.
        #[arg(long)]
        month: Option<String>,
        #[arg(long)]
        category: Option<String>,
        #[arg(long, value_parser = crate::choice::choice::<IncidentStatus>())]
        status: Option<IncidentStatus>,
        #[arg(long, default_value = "")]
        search: String,
        /// Include struck-through records.
        #[arg(long)]
        struck: bool,
        /// Include the people involved and who reported (sensitive).
        #[arg(long)]
        sensitive: bool,
    },
    /// Show one incident and its history.
    Show {
        id: String,
        /// Include sensitive fields (people involved).
        #[arg(long)]
        include_sensitive: bool,
        #[arg(long)]
        json: bool,
    },
    /// Incidents by category and month.
    Counts {
        #[arg(long)]
        month: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List categories, or add one of the group's own with --add.
    Categories {
        #[arg(long)]
        add: Option<String>,
    },
}

/// Runs `ttq incident …`.
pub fn incident(store: &mut Store, cmd: IncidentCmd, now: DateTime<Utc>) -> Result<()> {
    let today = date::vn_today(now);
    match cmd {
        IncidentCmd::Add { fields, json } => {
            let base = IncidentInput {
                occurred_on: date::format(today),
                occurred_time: String::new(),
                time_approx: false,
                place: String::new(),
                landmark: String::new(),
                category: String::new(),
                title: String::new(),
                description: String::new(),
                people_involved: String::new(),
                reporter_kind: ReporterKind::Resident,
                reporter_member_id: None,
                reporter_name: String::new(),
                action_taken: String::new(),
                status: IncidentStatus::Moi,
                transferred_on: String::new(),
                transferred_to: String::new(),
                valuable_tip: false,
                patrol_log_id: None,
                editor: default_editor(store)?,
            };
            let i = app::ledger::add_incident(store, &fields.apply(base), now)?;
            if json {
                print_json(&i)?;
            } else {
                say!("Đã ghi vụ việc “{}” ({}).", i.title, i.id);
            }
        }
        IncidentCmd::Edit { id, fields, json } => {
            let current = app::ledger::incident(store, &id)?;
            let i = app::ledger::edit_incident(
                store,
                &id,
                &fields.apply(current.to_input(&default_editor(store)?)),
                now,
            )?;
            if json {
                print_json(&i)?;
            } else {
                say!("Đã lưu vụ việc “{}”, phiên bản {}.", i.title, i.version);
            }
        }
        IncidentCmd::Strike { id, reason, editor } => {
            let editor = editor.map_or_else(|| default_editor(store), Ok)?;
            let i = app::ledger::strike_incident(store, &id, &reason, &editor, now)?;
            say!("Đã gạch bỏ vụ việc “{}”; bản ghi vẫn được lưu.", i.title);
        }
        IncidentCmd::List {
            month: m,
            category,
            status,
            search,
            struck,
            json,
        } => {
            let list = app::ledger::incidents(
                store,
                &IncidentFilter {
                    month: month(m)?,
                    category,
                    status,
                    search,
                    include_struck: struck,
                    limit: None,
                },
            )?;
            if json {
                print_json(&list)?;
            } else {
                for r in &list.items {
                    say!(
                        "{}  {} {:<5} {:<32} {:<40} {}{}",
                        r.id,
                        iso_to_vn(&Some(r.occurred_on.clone())),
                        r.occurred_time.as_deref().unwrap_or(""),
                        r.category_name,
                        r.title,
                        r.status.label(),
                        if r.struck { " (đã gạch bỏ)" } else { "" }
                    );
                }
                say!("{} vụ việc.", list.total);
            }
        }
        IncidentCmd::Export {
            out,
            month: m,
            category,
            status,
            search,
            struck,
            sensitive,
        } => {
            let filter = IncidentFilter {
                month: month(m)?,
                category,
                status,
                search,
                include_struck: struck,
                limit: None,
            };
            let file = app::ledger::incidents_xlsx(store, &filter, sensitive, now)?;
            ttq::save::save_file(&out, &file.bytes)?;
            say!(
                "Đã lưu sổ vụ việc vào {}{}.",
                out.display(),
                if sensitive {
                    " (có người liên quan và người báo tin: hãy giữ tệp cẩn thận)"
                } else {
                    ""
                }
            );
        }
        IncidentCmd::Show {
            id,
            include_sensitive,
            json,
        } => {
            let mut i = app::ledger::incident(store, &id)?;
            if !include_sensitive {
                i.people_involved = None;
            }
            let history = app::ledger::incident_history(store, &id)?;
            if json {
                print_json(&serde_json::json!({ "incident": i, "history": history }))?;
            } else {
                say!("{} — {}", i.title, i.category_name);
                say!(
                    "{} {} tại {}",
                    iso_to_vn(&Some(i.occurred_on.clone())),
                    i.occurred_time.unwrap_or_default(),
                    i.place
                );
                say!("{}", i.description);
                say!("Tình trạng: {}", i.status.label());
                for v in history {
                    say!(
                        "  v{} {} {} — {}",
                        v.version,
                        date::format_timestamp(&v.at),
                        v.editor,
                        v.summary
                    );
                    for c in v.changes {
                        say!("      {}: “{}” → “{}”", c.field, c.before, c.after);
                    }
                }
            }
        }
        IncidentCmd::Counts { month: m, json } => {
            let counts = app::ledger::category_counts(store, month(m)?.as_deref())?;
            if json {
                print_json(&counts)?;
            } else {
                for c in counts {
                    say!("{}  {:<40} {}", c.month, c.name, c.count);
                }
            }
        }
        IncidentCmd::Categories { add } => {
            if let Some(name) = add {
                let c = app::ledger::add_category(store, &name, now)?;
                say!("Đã thêm loại “{}” (mã {}).", c.name, c.code);
            } else {
                for c in app::ledger::categories(store)? {
                    say!("{:<38} {}", c.code, c.name);
                }
            }
        }
    }
    Ok(())
}
