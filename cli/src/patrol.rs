//! `ttq roster …` and `ttq patrol …`: shift patterns, availability, the month's roster,
//! attendance, the patrol log and the month's figures.

use super::{iso_to_vn, print_json};
use chrono::{DateTime, Utc};
use clap::Subcommand;
use ttq::model::patrol::{
    parse_weekdays, Attendance, PatternInput, PresentScope, RosterView, SeatEdit,
};
use ttq::{app, Error, ErrorCode, Result, Store};

#[derive(Subcommand)]
pub enum RosterCmd {
    /// Generate (or regenerate, before attendance) the month's roster.
    Generate {
        /// YYYY-MM or MM/YYYY.
        #[arg(long)]
        month: String,
        /// Regenerate even though seats were changed by hand (they are undone).
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        json: bool,
    },
    /// Show the month's roster with each member's tallies.
    Show {
        #[arg(long)]
        month: String,
        #[arg(long)]
        json: bool,
    },
    /// Put another member on a shift in place of one.
    Replace {
        shift: String,
        member_out: String,
        member_in: String,
    },
    /// Swap two members between two shifts.
    Swap {
        shift_a: String,
        member_a: String,
        shift_b: String,
        member_b: String,
    },
    /// Move a member from one shift to another.
    Move {
        from_shift: String,
        member: String,
        to_shift: String,
    },
    /// Write the month's roster as a printable PDF (A4 landscape, with each member's tallies).
    Pdf {
        #[arg(long)]
        month: String,
        #[arg(long)]
        out: std::path::PathBuf,
        /// Date printed on it (dd/mm/yyyy); today by default.
        #[arg(long)]
        date: Option<String>,
    },
    /// Write the month's roster (or one member's shifts) as an iCalendar (.ics) file.
    Ics {
        #[arg(long)]
        month: String,
        /// Only this member's shifts.
        #[arg(long)]
        member: Option<String>,
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Write the month's roster to an Excel workbook (a row a shift, and each member's
    /// number of shifts on the sheet "Tổng hợp").
    Export {
        #[arg(long)]
        month: String,
        #[arg(long)]
        out: std::path::PathBuf,
    },
}

#[derive(Subcommand)]
pub enum PatrolCmd {
    /// Add a shift pattern, e.g. --name "Ca đêm" --start 22:00 --end 04:00 --days T2-CN --needed 3.
    PatternAdd {
        #[arg(long)]
        name: String,
        #[arg(long)]
        start: String,
        #[arg(long)]
        end: String,
        /// Weekdays: "T2,T4,T6", "2-6", "T7,CN" or "tất cả".
        #[arg(long, default_value = "tất cả")]
        days: String,
        #[arg(long, default_value_t = 2)]
        needed: u8,
        #[arg(long, default_value = "")]
        route: String,
    },
    /// List shift patterns.
    Patterns {
        #[arg(long)]
        json: bool,
    },
    /// Record that a member is busy on a date (--on) or every week on a weekday (--weekday).
    #[command(alias = "busy")]
    AvailabilityAdd {
        member: String,
        #[arg(long)]
        on: Option<String>,
        /// T2 … T7 or CN.
        #[arg(long)]
        weekday: Option<String>,
        #[arg(long)]
        reason: String,
    },
    /// List members' busy dates and weekdays.
    #[command(alias = "busy-list")]
    AvailabilityList {
        #[arg(long)]
        json: bool,
    },
    /// Remove a busy date or weekday (by the id `availability-list` shows).
    #[command(alias = "busy-remove")]
    AvailabilityRemove { id: String },
    /// Set the rest rule: at most this many nights in a row (1–7).
    Rest {
        #[arg(long)]
        nights: i64,
    },
    /// Record when a member actually started and ended a shift (HH:MM; both empty clears).
    Times {
        shift: String,
        member: String,
        #[arg(long, default_value = "")]
        start: String,
        #[arg(long, default_value = "")]
        end: String,
    },
    /// Record a member's attendance on a shift.
    Attend {
        shift: String,
        member: String,
        #[arg(long, value_parser = crate::choice::choice::<Attendance>())]
        status: Attendance,
        /// The member who substituted (with --status thay-boi).
        #[arg(long)]
        substitute: Option<String>,
    },
    /// Mark everyone not yet marked "có mặt" on a shift, or on every started shift of a week.
    Present {
        /// One shift.
        #[arg(long, conflicts_with = "week", required_unless_present = "week")]
        shift: Option<String>,
        /// Any day of the week (dd/mm/yyyy), Monday to Sunday.
        #[arg(long)]
        week: Option<String>,
    },
    /// Add a note to the patrol log.
    Log {
        /// "dd/mm/yyyy HH:MM" (Vietnam time).
        #[arg(long)]
        at: String,
        #[arg(long)]
        note: String,
        #[arg(long)]
        shift: Option<String>,
    },
    /// The month's patrol figures for the report.
    Figures {
        #[arg(long)]
        month: String,
        #[arg(long)]
        json: bool,
    },
}

fn print_roster(v: &RosterView) {
    for s in &v.shifts {
        let names: Vec<String> = s
            .seats
            .iter()
            .map(|x| match (x.attendance, &x.substitute_name) {
                (Some(Attendance::ThayBoi), Some(sub)) => format!("{} (thay bởi {sub})", x.name),
                (Some(a), _) => format!("{} ({})", x.name, a.label().to_lowercase()),
                (None, _) => x.name.clone(),
            })
            .collect();
        say!(
            "{}  {}{} {}–{}  {:<10} {}",
            s.id,
            iso_to_vn(&Some(s.date.clone())),
            if s.special { "*" } else { " " },
            s.start,
            s.end,
            s.pattern_name,
            names.join(", ")
        );
    }
    for g in &v.gaps {
        say!(
            "Thiếu: {} {} — {} người. {}",
            iso_to_vn(&Some(g.date.clone())),
            g.pattern_name,
            g.missing,
            g.reason
        );
    }
    for w in &v.warnings {
        say!("Cần lưu ý: {w}");
    }
    for (name, why) in &v.not_rostered {
        say!("Không xếp tự động: {name} — {why}");
    }
    say!("Số ca từng người (* = cuối tuần, ngày lễ):");
    for t in &v.tallies {
        say!(
            "  {:<28} {:>3} ca, {:>2} ca cuối tuần/lễ",
            t.name,
            t.total,
            t.special
        );
    }
}

/// Runs `ttq roster …`.
pub fn roster(store: &mut Store, cmd: RosterCmd, now: DateTime<Utc>) -> Result<()> {
    let (v, json) = match cmd {
        RosterCmd::Pdf {
            month,
            out,
            date: d,
        } => {
            let on = app::document_date(d.as_deref(), now)?;
            ttq::save::save_file(&out, &app::patrols::pdf(store, &month, on)?.bytes)?;
            say!("Đã ghi lịch tuần tra ra {}.", out.display());
            return Ok(());
        }
        RosterCmd::Ics { month, member, out } => {
            let file = app::patrols::ics(store, &month, member.as_deref(), now)?;
            ttq::save::save_file(&out, &file.bytes)?;
            say!("Đã ghi lịch ra {}.", out.display());
            return Ok(());
        }
        RosterCmd::Export { month, out } => {
            let file = app::patrols::roster_xlsx(store, &month, now)?;
            ttq::save::save_file(&out, &file.bytes)?;
            say!("Đã lưu lịch tuần tra vào {}.", out.display());
            return Ok(());
        }
        RosterCmd::Generate { month, yes, json } => {
            let edits = app::patrols::hand_edits(store, &month)?;
            if !edits.is_empty() && !yes {
                let named: Vec<String> = edits
                    .iter()
                    .map(|e| {
                        format!(
                            "{} {} ({})",
                            iso_to_vn(&Some(e.date.clone())),
                            e.pattern_name,
                            e.name
                        )
                    })
                    .collect();
                return Err(Error::new(
                    ErrorCode::NeedsConfirmation,
                    format!(
                        "Xếp lại lịch sẽ bỏ {} chỗ đã sửa tay: {}. Nếu vẫn muốn xếp lại, chạy lại lệnh với --yes.",
                        edits.len(),
                        named.join("; ")
                    ),
                ));
            }
            (app::patrols::generate(store, &month, now)?, json)
        }
        RosterCmd::Show { month, json } => (app::patrols::roster(store, &month)?, json),
        RosterCmd::Replace {
            shift,
            member_out,
            member_in,
        } => {
            let edit = SeatEdit::Replace {
                shift_id: shift,
                member_out,
                member_in,
            };
            (app::patrols::edit(store, &edit, now)?, false)
        }
        RosterCmd::Swap {
            shift_a,
            member_a,
            shift_b,
            member_b,
        } => {
            let edit = SeatEdit::Swap {
                shift_a,
                member_a,
                shift_b,
                member_b,
            };
            (app::patrols::edit(store, &edit, now)?, false)
        }
        RosterCmd::Move {
            from_shift,
            member,
            to_shift,
        } => {
            let edit = SeatEdit::Move {
                from_shift,
                member_id: member,
                to_shift,
            };
            (app::patrols::edit(store, &edit, now)?, false)
        }
    };
    if json {
        print_json(&v)
    } else {
        print_roster(&v);
        Ok(())
    }
}

/// Runs `ttq patrol …`.
pub fn patrol(store: &mut Store, cmd: PatrolCmd, now: DateTime<Utc>) -> Result<()> {
    match cmd {
        PatrolCmd::PatternAdd {
            name,
            start,
            end,
            days,
            needed,
            route,
        } => {
            let weekdays = parse_weekdays(&days).ok_or_else(|| {
                Error::new(
                    ErrorCode::Invalid,
                    format!(
                        "Ngày trong tuần “{days}” chưa đúng. Ví dụ: T2,T4,T6 hoặc 2-6 hoặc T7,CN."
                    ),
                )
            })?;
            let p = app::patrols::add_pattern(
                store,
                &PatternInput {
                    name,
                    start,
                    end,
                    weekdays,
                    needed,
                    route,
                },
                now,
            )?;
            say!("Đã tạo {} {}–{} ({}).", p.name, p.start, p.end, p.id);
        }
        PatrolCmd::Patterns { json } => {
            let ps = app::patrols::patterns(store)?;
            if json {
                print_json(&ps)?;
            } else {
                for p in ps {
                    say!(
                        "{}  {:<14} {}–{}  {} người  {}",
                        p.id,
                        p.name,
                        p.start,
                        p.end,
                        p.needed,
                        p.route.unwrap_or_default()
                    );
                }
            }
        }
        PatrolCmd::AvailabilityAdd {
            member,
            on,
            weekday,
            reason,
        } => {
            let wd = match weekday {
                None => None,
                Some(w) => Some(
                    parse_weekdays(&w)
                        .and_then(|d| d.iter().position(|x| *x))
                        .ok_or_else(|| {
                            Error::new(
                                ErrorCode::Invalid,
                                format!("Thứ “{w}” chưa đúng; ghi T2 … T7 hoặc CN."),
                            )
                        })? as u8,
                ),
            };
            app::patrols::add_availability(store, &member, on.as_deref(), wd, &reason, now)?;
            say!("Đã ghi lịch bận.");
        }
        PatrolCmd::AvailabilityList { json } => {
            let list = app::patrols::availability(store)?;
            if json {
                return print_json(&list);
            }
            const DAYS: [&str; 7] = [
                "Thứ Hai",
                "Thứ Ba",
                "Thứ Tư",
                "Thứ Năm",
                "Thứ Sáu",
                "Thứ Bảy",
                "Chủ nhật",
            ];
            for b in list {
                let when = match (&b.date, b.weekday) {
                    (Some(d), _) => iso_to_vn(&Some(d.clone())),
                    (None, Some(w)) => format!("mỗi {}", DAYS[usize::from(w.min(6))]),
                    _ => String::new(),
                };
                say!("{}  {:<24} {:<16} {}", b.id, b.member_name, when, b.reason);
            }
        }
        PatrolCmd::AvailabilityRemove { id } => {
            app::patrols::remove_availability(store, &id, now)?;
            say!("Đã xóa lịch bận.");
        }
        PatrolCmd::Rest { nights } => {
            app::patrols::set_rest_rule(store, nights, now)?;
            say!("Từ nay mỗi người trực tối đa {nights} đêm liền (áp dụng khi xếp lịch).");
        }
        PatrolCmd::Times {
            shift,
            member,
            start,
            end,
        } => {
            app::patrols::set_times(store, &shift, &member, &start, &end, now)?;
            say!("Đã ghi giờ thực tế.");
        }
        PatrolCmd::Attend {
            shift,
            member,
            status,
            substitute,
        } => {
            app::patrols::set_attendance(
                store,
                &shift,
                &member,
                status,
                substitute.as_deref(),
                now,
            )?;
            say!("Đã chấm công: {}.", status.label());
        }
        PatrolCmd::Present { shift, week } => {
            let scope = match (shift, week) {
                (Some(shift_id), _) => PresentScope::Shift { shift_id },
                (None, Some(day)) => PresentScope::Week {
                    day: ttq::date::parse(&day).map(ttq::date::iso).ok_or_else(|| {
                        Error::invalid(vec![ttq::error::FieldError::new(
                            "week",
                            ttq::date::wrong_date("Ngày --week", &day, "07/12/2026"),
                        )])
                    })?,
                },
                (None, None) => unreachable!("clap requires one"),
            };
            let r = app::patrols::mark_present(store, &scope, now)?;
            say!("Đã chấm có mặt {} lượt trong {} ca.", r.marked, r.shifts);
            if r.not_started > 0 {
                say!("{} ca chưa đến giờ nên chưa chấm.", r.not_started);
            }
        }
        PatrolCmd::Log { at, note, shift } => {
            let e = app::patrols::add_log(store, shift.as_deref(), &at, &note, now)?;
            say!("Đã ghi nhật ký lúc {}.", e.logged_at);
        }
        PatrolCmd::Figures { month, json } => {
            let f = app::patrols::figures(store, &month)?;
            if json {
                print_json(&f)?;
            } else {
                let rate = f.attendance_rate().map_or("chưa chấm công".into(), |r| {
                    format!("tỷ lệ có mặt {:.0}%", r * 100.0)
                });
                say!(
                    "{} ca tuần tra, {} lượt người, {} giờ công, {rate}",
                    f.patrols_held,
                    f.member_turns,
                    ttq::report::number(f.hours()),
                );
            }
        }
    }
    Ok(())
}
