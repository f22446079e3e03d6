//! `ttq report …` and `ttq month …`: the monthly report, its narrative, closing and reopening.

use super::print_json;
use chrono::{DateTime, Utc};
use clap::Subcommand;
use std::path::PathBuf;
use ttq::model::month::Narrative;
use ttq::{app, date, Result, Store};

#[derive(Subcommand)]
pub enum ReportCmd {
    /// Write the month's report as a PDF (the issued copy once the month is closed).
    Monthly {
        /// YYYY-MM or MM/YYYY.
        #[arg(long)]
        month: String,
        #[arg(long)]
        out: PathBuf,
        /// Date on the report (dd/mm/yyyy); today by default. Ignored for a closed month.
        #[arg(long)]
        date: Option<String>,
    },
    /// Set the parts of the month's report the leader writes (omitted ones stay as they are).
    Narrative {
        #[arg(long)]
        month: String,
        #[arg(long)]
        situation: Option<String>,
        #[arg(long)]
        shortcomings: Option<String>,
        #[arg(long)]
        plans: Option<String>,
        #[arg(long)]
        proposals: Option<String>,
        /// Nhà trọ, cơ sở cho thuê lưu trú on the area.
        #[arg(long)]
        lodging_houses: Option<u32>,
        /// Người tạm trú on the area.
        #[arg(long)]
        temporary_residents: Option<u32>,
        /// Điểm, tụ điểm phức tạp về ANTT.
        #[arg(long)]
        hot_spots: Option<String>,
    },
    /// Who confirms the monthly report beside the leader ("Trưởng Khu phố 3"): shows it, or
    /// sets it with --set (an empty value removes the confirmation block).
    Confirmation {
        #[arg(long)]
        set: Option<String>,
    },
    /// (Ward) the consolidated report of all groups for a month.
    Ward {
        #[arg(long)]
        month: String,
        #[arg(long)]
        out: PathBuf,
        /// Also write the table as a spreadsheet.
        #[arg(long)]
        xlsx: Option<PathBuf>,
        #[arg(long)]
        date: Option<String>,
    },
    /// List the issued reports.
    Issued {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum MonthCmd {
    /// Close a month (khóa sổ): issue its report and freeze its records.
    Close {
        #[arg(long)]
        month: String,
        /// Who closes it.
        #[arg(long)]
        editor: String,
        /// Date on the report (dd/mm/yyyy); today by default.
        #[arg(long)]
        date: Option<String>,
    },
    /// Reopen a closed month, with a reason.
    Reopen {
        #[arg(long)]
        month: String,
        #[arg(long)]
        editor: String,
        #[arg(long)]
        reason: String,
    },
    /// Show whether a month is closed, its issued reports and its log.
    Show {
        #[arg(long)]
        month: String,
        #[arg(long)]
        json: bool,
    },
}

/// Runs `ttq report …`.
pub fn report(store: &mut Store, cmd: ReportCmd, now: DateTime<Utc>) -> Result<()> {
    match cmd {
        ReportCmd::Monthly {
            month,
            out,
            date: d,
        } => {
            let (pdf, issued) =
                app::month::pdf(store, &month, app::document_date(d.as_deref(), now)?)?;
            ttq::save::save_file(&out, &pdf.bytes)?;
            let kind = if issued {
                "bản đã phát hành"
            } else {
                "bản nháp"
            };
            say!("Đã ghi báo cáo tháng ({kind}) ra {}.", out.display());
        }
        ReportCmd::Narrative {
            month,
            situation,
            shortcomings,
            plans,
            proposals,
            lodging_houses,
            temporary_residents,
            hot_spots,
        } => {
            let old = app::month::state(store, &month)?.narrative;
            let n = Narrative {
                situation: situation.unwrap_or(old.situation),
                shortcomings: shortcomings.unwrap_or(old.shortcomings),
                plans: plans.unwrap_or(old.plans),
                proposals: proposals.unwrap_or(old.proposals),
                lodging_houses: lodging_houses.or(old.lodging_houses),
                temporary_residents: temporary_residents.or(old.temporary_residents),
                hot_spots: hot_spots.unwrap_or(old.hot_spots),
            };
            app::month::save_narrative(store, &month, &n, now)?;
            say!("Đã lưu phần viết của báo cáo.");
        }
        ReportCmd::Confirmation { set } => {
            let c = match set {
                Some(text) => app::month::set_confirmation(store, &text)?,
                None => app::month::confirmation(store)?,
            };
            if c.is_empty() {
                say!("Báo cáo tháng không in ô xác nhận.");
            } else {
                say!("Báo cáo tháng in ô “Xác nhận của {c}”.");
            }
        }
        ReportCmd::Ward {
            month,
            out,
            xlsx,
            date: d,
        } => super::sync::ward_report(store, &month, &out, xlsx, d, now)?,
        ReportCmd::Issued { json } => {
            let list = app::month::issued_list(store)?;
            if json {
                return print_json(&list);
            }
            if list.is_empty() {
                say!("Chưa có báo cáo nào được phát hành (khóa sổ).");
            }
            for r in list {
                let w = if r.withdrawn {
                    " (đã thu hồi, sổ mở lại)"
                } else {
                    ""
                };
                say!(
                    "{}  tháng {}  Số {}  phát hành {} bởi {}  mã {}{w}",
                    r.id,
                    r.month,
                    r.number,
                    date::format_timestamp(&r.issued_at),
                    r.editor,
                    r.digest
                );
            }
        }
    }
    Ok(())
}

/// Runs `ttq month …`.
pub fn month(store: &mut Store, cmd: MonthCmd, now: DateTime<Utc>) -> Result<()> {
    match cmd {
        MonthCmd::Close {
            month,
            editor,
            date: d,
        } => {
            let r = app::month::close(
                store,
                &month,
                app::document_date(d.as_deref(), now)?,
                &editor,
                now,
            )?;
            say!(
                "Đã khóa sổ tháng {}: báo cáo Số {}, mã đối chiếu {}.",
                r.month,
                r.number,
                r.digest
            );
        }
        MonthCmd::Reopen {
            month,
            editor,
            reason,
        } => {
            app::month::reopen(store, &month, &editor, &reason, now)?;
            say!(
                "Đã mở lại sổ tháng {month}. Báo cáo đã phát hành được giữ lại, đánh dấu thu hồi."
            );
        }
        MonthCmd::Show { month, json } => {
            let s = app::month::state(store, &month)?;
            if json {
                return print_json(&s);
            }
            say!(
                "Tháng {}: {}",
                s.month,
                if s.closed {
                    "đã khóa sổ"
                } else {
                    "chưa khóa sổ"
                }
            );
            for e in &s.events {
                let what = if e.action == "close" {
                    "Khóa sổ"
                } else {
                    "Mở lại"
                };
                let why = if e.reason.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", e.reason)
                };
                say!("  {} {} ({}){why}", e.at, what, e.editor);
            }
        }
    }
    Ok(())
}
