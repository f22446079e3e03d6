//! `ttq model …`: "Dân vận khéo" models, their write-ups, measured results and printing.

use super::print_json;
use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use std::path::PathBuf;
use ttq::model::practice::{
    Indicator, IndicatorKind, Measure, PracticeField, PracticeInput, PracticeLevel, PracticeScope,
    PracticeStatus, SECTION_TITLES,
};
use ttq::{app, Error, ErrorCode, Result, Store};

#[derive(Args)]
pub struct Fields {
    #[arg(long)]
    name: String,
    #[arg(long, value_parser = crate::choice::choice::<PracticeField>(), default_value = "quoc-phong-an-ninh")]
    field: PracticeField,
    #[arg(long, value_parser = crate::choice::choice::<PracticeScope>(), default_value = "tap-the")]
    scope: PracticeScope,
    /// Đơn vị hoặc cá nhân thực hiện.
    #[arg(long)]
    runner: String,
    #[arg(long, default_value = "")]
    address: String,
    /// dd/mm/yyyy.
    #[arg(long)]
    started_on: String,
    #[arg(long)]
    person_in_charge: String,
    #[arg(long, value_parser = crate::choice::choice::<PracticeStatus>(), default_value = "dang-thuc-hien")]
    status: PracticeStatus,
    #[arg(long, value_parser = crate::choice::choice::<PracticeLevel>())]
    level: Option<PracticeLevel>,
    #[arg(long, default_value = "")]
    decision: String,
    #[arg(long)]
    places: Option<i32>,
    #[arg(long)]
    groups: Option<i32>,
}

impl Fields {
    fn input(self) -> PracticeInput {
        PracticeInput {
            name: self.name,
            field: self.field,
            scope: self.scope,
            runner: self.runner,
            address: self.address,
            started_on: self.started_on,
            person_in_charge: self.person_in_charge,
            status: self.status,
            level: self.level,
            decision: self.decision,
            places: self.places,
            groups_applying: self.groups,
        }
    }
}

#[derive(Subcommand)]
pub enum PracticeCmd {
    /// Register a model.
    Add {
        #[command(flatten)]
        fields: Fields,
        #[arg(long)]
        json: bool,
    },
    /// Change a model's details (status, recognition…).
    Edit {
        id: String,
        #[command(flatten)]
        fields: Fields,
    },
    /// List the models.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show a model with its write-up and results.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Set the text of one section (1–8) of the write-up.
    Write {
        id: String,
        #[arg(long)]
        section: usize,
        #[arg(long)]
        text: String,
    },
    /// Choose indicators and periods to measure results, e.g. --indicator incidents
    /// --indicator category:trom_cap --before 01/01/2026-30/06/2026 --after 01/07/2026-30/11/2026.
    Measure {
        id: String,
        #[arg(long = "indicator", required = true)]
        indicators: Vec<String>,
        #[arg(long)]
        before: String,
        #[arg(long)]
        after: String,
    },
    /// Finalise the write-up: text and figures are frozen.
    Finalise { id: String },
    /// Write a model's write-up as a PDF.
    Print {
        id: String,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        date: Option<String>,
    },
    /// Write the list of models (for the ward) as a PDF.
    PrintList {
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        date: Option<String>,
    },
    /// Whom the write-ups and the list are addressed to ("Kính gửi"): shows it, or sets it
    /// with --set (an empty value goes back to the commune's steering board).
    Recipient {
        #[arg(long)]
        set: Option<String>,
    },
}

fn indicator(s: &str) -> Result<Indicator> {
    if let Some(c) = s.strip_prefix("category:") {
        return Ok(Indicator {
            kind: IndicatorKind::IncidentsOfCategory,
            category: Some(c.to_string()),
        });
    }
    let kind: IndicatorKind =
        serde_json::from_value(serde_json::Value::String(s.replace('-', "_"))).map_err(|_| {
            let all: Vec<String> = IndicatorKind::ALL
                .iter()
                .filter(|k| **k != IndicatorKind::IncidentsOfCategory)
                .map(|k| {
                    serde_json::to_value(k)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                })
                .collect();
            Error::new(
                ErrorCode::Invalid,
                format!(
                    "Chỉ số “{s}” không có. Dùng: {}, hoặc category:MÃ_LOẠI.",
                    all.join(", ")
                ),
            )
        })?;
    Ok(Indicator {
        kind,
        category: None,
    })
}

fn period(s: &str) -> Result<(String, String)> {
    s.split_once('-')
        .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
        .ok_or_else(|| {
            Error::new(
                ErrorCode::Invalid,
                format!("Khoảng thời gian “{s}” chưa đúng; ghi dạng 01/01/2026-30/06/2026."),
            )
        })
}

/// Runs `ttq model …`.
pub fn run(store: &mut Store, cmd: PracticeCmd, now: DateTime<Utc>) -> Result<()> {
    match cmd {
        PracticeCmd::Add { fields, json } => {
            let p = app::practices::add(store, &fields.input(), now)?;
            if json {
                return print_json(&p);
            }
            say!("Đã ghi mô hình “{}” ({}).", p.name, p.id);
        }
        PracticeCmd::Edit { id, fields } => {
            let p = app::practices::edit(store, &id, &fields.input(), now)?;
            say!("Đã sửa mô hình “{}”.", p.name);
        }
        PracticeCmd::List { json } => {
            let list = app::practices::list(store)?;
            if json {
                return print_json(&list);
            }
            for p in list {
                say!(
                    "{}  {:<40} {:<26} {:<16} {} điểm, {} tổ{}",
                    p.id,
                    p.name,
                    p.field.label(),
                    p.status.label(),
                    p.places.unwrap_or(0),
                    p.groups_applying.unwrap_or(0),
                    if p.finalised {
                        "  (đã hoàn thiện)"
                    } else {
                        ""
                    }
                );
            }
        }
        PracticeCmd::Show { id, json } => {
            let p = app::practices::get(store, &id)?;
            if json {
                return print_json(&p);
            }
            say!("{} — {} — {}", p.name, p.field.label(), p.status.label());
            for (title, text) in SECTION_TITLES.iter().zip(&p.sections) {
                say!(
                    "\n{title}\n{}",
                    if text.is_empty() {
                        "(chưa viết)"
                    } else {
                        text
                    }
                );
            }
            if let Some(r) = &p.results {
                say!(
                    "\nKết quả: trước {} · sau {}",
                    r.before_label,
                    r.after_label
                );
                for row in &r.rows {
                    say!("  {:<36} {:>5} → {:<5}", row.label, row.before, row.after);
                }
            }
        }
        PracticeCmd::Write { id, section, text } => {
            let mut sections = app::practices::get(store, &id)?.sections;
            let slot = section
                .checked_sub(1)
                .and_then(|i| sections.get_mut(i))
                .ok_or_else(|| Error::new(ErrorCode::Invalid, "Mục phải từ 1 đến 8 (I–VIII)."))?;
            *slot = text;
            app::practices::save_writeup(store, &id, &sections, now)?;
            say!("Đã lưu mục {}.", SECTION_TITLES[section - 1]);
        }
        PracticeCmd::Measure {
            id,
            indicators,
            before,
            after,
        } => {
            let (before_from, before_to) = period(&before)?;
            let (after_from, after_to) = period(&after)?;
            let m = Measure {
                indicators: indicators
                    .iter()
                    .map(|s| indicator(s))
                    .collect::<Result<_>>()?,
                before_from,
                before_to,
                after_from,
                after_to,
            };
            let p = app::practices::measure(store, &id, &m, now)?;
            if let Some(r) = p.results {
                for row in r.rows {
                    say!("{:<36} {:>5} → {:<5}", row.label, row.before, row.after);
                }
            }
        }
        PracticeCmd::Finalise { id } => {
            let p = app::practices::finalise(store, &id, now)?;
            say!("Đã hoàn thiện bản viết “{}”; số liệu đã chốt.", p.name);
        }
        PracticeCmd::Print { id, out, date } => {
            let (pdf, _) =
                app::practices::pdf(store, &id, app::document_date(date.as_deref(), now)?)?;
            ttq::save::save_file(&out, &pdf.bytes)?;
            say!("Đã ghi bản viết mô hình ra {}.", out.display());
        }
        PracticeCmd::PrintList { out, date } => {
            let pdf = app::practices::list_pdf(store, app::document_date(date.as_deref(), now)?)?;
            ttq::save::save_file(&out, &pdf.bytes)?;
            say!("Đã ghi danh sách mô hình ra {}.", out.display());
        }
        PracticeCmd::Recipient { set } => {
            let r = match set {
                Some(text) => app::practices::set_recipient(store, &text)?,
                None => app::practices::recipient(store)?,
            };
            say!("Kính gửi: {r}");
        }
    }
    Ok(())
}
