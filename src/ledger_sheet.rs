//! The ledger and the roster as Excel workbooks: the incidents of a period, its activities,
//! and a month's patrol roster with each member's number of shifts. Like the member list:
//! the title in row 0, what was exported in row 1, Vietnamese headings in bold in row 2,
//! frozen under them with a filter on them, widths that fit, dates as real dates shown
//! dd/mm/yyyy, times as text. Sensitive fields (people involved, who reported, mediation
//! parties) only when asked for. Struck-through records are written crossed out, with the
//! reason, when they are given.

use crate::date;
use crate::error::{Error, Result};
use crate::model::activity::{Activity, ActivityKind};
use crate::model::incident::{Incident, ReporterKind};
use crate::model::patrol::{Attendance, RosterShift, RosterView, Seat};
use chrono::{Datelike, NaiveDate, Weekday};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;

fn err(e: XlsxError) -> Error {
    Error::internal(format!("xlsx: {e}"))
}

/// The cell formats of a row: text wrapped, everything at the top of its cell; crossed out
/// for a struck-through record.
struct Cells {
    text: Format,
    day: Format,
    num: Format,
}

impl Cells {
    fn new(struck: bool) -> Cells {
        let base = Format::new().set_align(FormatAlign::Top);
        let base = if struck {
            base.set_font_strikethrough()
        } else {
            base
        };
        Cells {
            text: base.clone().set_text_wrap(),
            day: base.clone().set_num_format("dd/mm/yyyy"),
            num: base,
        }
    }
}

/// One row being written, a cell after another.
struct Line<'a> {
    ws: &'a mut Worksheet,
    row: u32,
    col: u16,
    cells: &'a Cells,
}

impl Line<'_> {
    fn next(&mut self) -> u16 {
        self.col += 1;
        self.col - 1
    }

    fn text(&mut self, s: &str) -> Result<()> {
        let c = self.next();
        if !s.is_empty() {
            self.ws
                .write_string_with_format(self.row, c, s, &self.cells.text)
                .map_err(err)?;
        }
        Ok(())
    }

    /// An ISO date as a real date; nothing when absent or unreadable.
    fn day(&mut self, iso: Option<&str>) -> Result<()> {
        let c = self.next();
        if let Some(d) = iso.and_then(date::from_iso) {
            self.ws
                .write_datetime_with_format(self.row, c, excel_day(d)?, &self.cells.day)
                .map_err(err)?;
        }
        Ok(())
    }

    fn num(&mut self, n: Option<f64>) -> Result<()> {
        let c = self.next();
        if let Some(n) = n {
            self.ws
                .write_number_with_format(self.row, c, n, &self.cells.num)
                .map_err(err)?;
        }
        Ok(())
    }
}

fn excel_day(d: NaiveDate) -> Result<ExcelDateTime> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).map_err(err)
}

/// A new worksheet `name` with its title, the line under it, headings and widths, frozen
/// under the headings.
fn sheet<'a>(
    wb: &'a mut Workbook,
    name: &str,
    title: &str,
    under: &str,
    heads: &[(&str, f64)],
) -> Result<&'a mut Worksheet> {
    let bold = Format::new().set_bold();
    let heading = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let ws = wb.add_worksheet();
    ws.set_name(name).map_err(err)?;
    ws.write_string_with_format(0, 0, title, &bold)
        .map_err(err)?;
    if !under.is_empty() {
        ws.write_string(1, 0, under).map_err(err)?;
    }
    for (c, (h, width)) in heads.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &heading)
            .map_err(err)?;
        ws.set_column_width(c as u16, *width).map_err(err)?;
    }
    ws.set_freeze_panes(3, 0).map_err(err)?;
    Ok(ws)
}

/// A filter on the headings over `rows` rows of `columns` columns.
fn filter(ws: &mut Worksheet, rows: usize, columns: usize) -> Result<()> {
    ws.autofilter(2, 0, 2 + rows as u32, columns.saturating_sub(1) as u16)
        .map_err(err)?;
    Ok(())
}

/// "Đã gạch bỏ: lý do" for a struck-through record.
fn struck(struck: bool, reason: Option<&str>) -> String {
    match (struck, reason.map(str::trim).filter(|r| !r.is_empty())) {
        (false, _) => String::new(),
        (true, Some(r)) => format!("Đã gạch bỏ: {r}"),
        (true, None) => "Đã gạch bỏ".into(),
    }
}

/// Who reported an incident: only the kind, or with the name when `sensitive` (members'
/// names from `members`, by id).
fn reporter(i: &Incident, members: &HashMap<String, String>, sensitive: bool) -> String {
    let (kind, name) = match i.reporter_kind {
        ReporterKind::Member => (
            "Tổ viên",
            i.reporter_member_id
                .as_ref()
                .and_then(|id| members.get(id))
                .map(String::as_str),
        ),
        ReporterKind::Resident => ("Người dân", i.reporter_name.as_deref()),
    };
    match name.map(str::trim).filter(|n| sensitive && !n.is_empty()) {
        Some(n) => format!("{kind}: {n}"),
        None => kind.to_string(),
    }
}

/// What was done, and to whom it was passed and when.
fn action(i: &Incident) -> String {
    let on = i
        .transferred_on
        .as_deref()
        .and_then(date::from_iso)
        .map(date::format);
    let to = i
        .transferred_to
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let passed = match (to, on) {
        (Some(t), Some(d)) => Some(format!("Chuyển {t} ngày {d}")),
        (Some(t), None) => Some(format!("Chuyển {t}")),
        (None, Some(d)) => Some(format!("Chuyển Công an ngày {d}")),
        (None, None) => None,
    };
    [i.action_taken.clone(), passed]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The incident ledger of `incidents` (in the order given) of the group `group`, `period`
/// saying which records they are. `sensitive` adds the people involved and the reporter's
/// name (members' names from `members`, by id).
pub fn incidents_workbook(
    group: &str,
    period: &str,
    incidents: &[Incident],
    members: &HashMap<String, String>,
    sensitive: bool,
) -> Result<Vec<u8>> {
    let mut heads: Vec<(&str, f64)> = vec![
        ("STT", 5.0),
        ("Ngày", 11.0),
        ("Giờ", 10.0),
        ("Địa điểm", 28.0),
        ("Loại", 24.0),
        ("Nội dung tóm tắt", 32.0),
        ("Diễn biến", 50.0),
    ];
    if sensitive {
        heads.push(("Người liên quan", 28.0));
    }
    heads.extend([
        ("Người báo tin", if sensitive { 28.0 } else { 12.0 }),
        ("Xử lý, chuyển cơ quan", 34.0),
        ("Tình trạng", 16.0),
        ("Tin có giá trị", 10.0),
        ("Gạch bỏ", 28.0),
    ]);
    let mut wb = Workbook::new();
    let ws = sheet(
        &mut wb,
        "Vụ việc",
        &format!("SỔ THEO DÕI VỤ VIỆC, TIN BÁO — {group}"),
        period,
        &heads,
    )?;
    let (plain, crossed) = (Cells::new(false), Cells::new(true));
    for (n, i) in incidents.iter().enumerate() {
        let mut l = Line {
            ws: &mut *ws,
            row: 3 + n as u32,
            col: 0,
            cells: if i.struck { &crossed } else { &plain },
        };
        l.num(Some((n + 1) as f64))?;
        l.day(Some(&i.occurred_on))?;
        let time = i.occurred_time.as_deref().unwrap_or("");
        l.text(&if i.time_approx && !time.is_empty() {
            format!("khoảng {time}")
        } else {
            time.to_string()
        })?;
        l.text(
            &match i.landmark.as_deref().filter(|l| !l.trim().is_empty()) {
                Some(near) => format!("{} ({near})", i.place),
                None => i.place.clone(),
            },
        )?;
        l.text(&i.category_name)?;
        l.text(&i.title)?;
        l.text(&i.description)?;
        if sensitive {
            l.text(i.people_involved.as_deref().unwrap_or(""))?;
        }
        l.text(&reporter(i, members, sensitive))?;
        l.text(&action(i))?;
        l.text(i.status.label())?;
        l.text(if i.valuable_tip { "Có" } else { "Không" })?;
        l.text(&struck(i.struck, i.strike_reason.as_deref()))?;
    }
    filter(ws, incidents.len(), heads.len())?;
    wb.save_to_buffer().map_err(err)
}

/// The activities `activities` (in the order given) of the group `group`, `period` saying
/// which they are. `sensitive` adds the parties of mediations.
pub fn activities_workbook(
    group: &str,
    period: &str,
    activities: &[Activity],
    sensitive: bool,
) -> Result<Vec<u8>> {
    let mut heads: Vec<(&str, f64)> = vec![
        ("STT", 5.0),
        ("Ngày", 11.0),
        ("Loại", 20.0),
        ("Tiêu đề", 30.0),
        ("Địa điểm", 22.0),
        ("Nội dung", 45.0),
        ("Số người dự, được tuyên truyền", 14.0),
        ("Số hộ", 8.0),
        ("Kết luận", 34.0),
        ("Phân công", 34.0),
    ];
    if sensitive {
        heads.push(("Các bên hòa giải", 28.0));
    }
    heads.extend([("Kết quả hòa giải", 12.0), ("Gạch bỏ", 28.0)]);
    let mut wb = Workbook::new();
    let ws = sheet(
        &mut wb,
        "Hoạt động",
        &format!("SỔ THEO DÕI HOẠT ĐỘNG — {group}"),
        period,
        &heads,
    )?;
    let (plain, crossed) = (Cells::new(false), Cells::new(true));
    for (n, a) in activities.iter().enumerate() {
        let mut l = Line {
            ws: &mut *ws,
            row: 3 + n as u32,
            col: 0,
            cells: if a.struck { &crossed } else { &plain },
        };
        l.num(Some((n + 1) as f64))?;
        l.day(Some(&a.held_on))?;
        l.text(a.kind.label())?;
        l.text(&a.title)?;
        l.text(a.place.as_deref().unwrap_or(""))?;
        l.text(a.content.as_deref().unwrap_or(""))?;
        l.num(a.people.map(f64::from))?;
        l.num(a.households.map(f64::from))?;
        l.text(a.conclusions.as_deref().unwrap_or(""))?;
        let tasks: Vec<String> = a
            .assignments
            .iter()
            .map(|t| {
                let due = date::from_iso(&t.due).map(date::format);
                let who = t.who.trim();
                let mut s = if who.is_empty() {
                    t.what.trim().to_string()
                } else {
                    format!("{who}: {}", t.what.trim())
                };
                if let Some(d) = due {
                    s.push_str(&format!(" (hạn {d})"));
                }
                s
            })
            .collect();
        l.text(&tasks.join("\n"))?;
        if sensitive {
            l.text(a.parties.as_deref().unwrap_or(""))?;
        }
        l.text(match (a.kind, a.mediation_success) {
            (ActivityKind::HoaGiai, Some(true)) => "Thành",
            (ActivityKind::HoaGiai, Some(false)) => "Không thành",
            _ => "",
        })?;
        l.text(&struck(a.struck, a.strike_reason.as_deref()))?;
    }
    filter(ws, activities.len(), heads.len())?;
    wb.save_to_buffer().map_err(err)
}

/// A seat as read on the roster: the name, and how it went when that is recorded.
fn seat(s: &Seat) -> String {
    match (s.attendance, &s.substitute_name) {
        (None | Some(Attendance::CoMat), _) => s.name.clone(),
        (Some(Attendance::ThayBoi), Some(sub)) => format!("{} (thay bởi {sub})", s.name),
        (Some(a), _) => format!("{} ({})", s.name, a.label().to_lowercase()),
    }
}

/// The month's roster of the group `group`: a row a shift, then the sheet "Tổng hợp" with
/// each member's number of shifts. `under` is the line under the title.
pub fn roster_workbook(group: &str, view: &RosterView, under: &str) -> Result<Vec<u8>> {
    let month = date::month_label(&view.month);
    let heads = [
        ("Ngày", 11.0),
        ("Thứ", 16.0),
        ("Ca", 16.0),
        ("Giờ", 13.0),
        ("Người trực", 50.0),
        ("Thiếu", 7.0),
    ];
    let mut wb = Workbook::new();
    let ws = sheet(
        &mut wb,
        "Lịch tuần tra",
        &format!("LỊCH TUẦN TRA THÁNG {month} — {group}"),
        under,
        &heads,
    )?;
    let mut shifts: Vec<&RosterShift> = view.shifts.iter().collect();
    shifts.sort_by(|a, b| {
        (&a.date, &a.start, &a.pattern_name).cmp(&(&b.date, &b.start, &b.pattern_name))
    });
    let cells = Cells::new(false);
    for (n, s) in shifts.iter().enumerate() {
        let mut l = Line {
            ws: &mut *ws,
            row: 3 + n as u32,
            col: 0,
            cells: &cells,
        };
        l.day(Some(&s.date))?;
        let day = date::from_iso(&s.date).map(|d| d.weekday());
        let mut w = day.map(date::weekday_name).unwrap_or("").to_string();
        if s.special && !matches!(day, Some(Weekday::Sat | Weekday::Sun)) {
            w.push_str(" (ngày lễ)");
        }
        l.text(&w)?;
        l.text(&s.pattern_name)?;
        l.text(&format!("{}–{}", s.start, s.end))?;
        l.text(&s.seats.iter().map(seat).collect::<Vec<_>>().join(", "))?;
        let missing = usize::from(s.needed).saturating_sub(s.seats.len());
        l.num((missing > 0).then_some(missing as f64))?;
    }
    filter(ws, shifts.len(), heads.len())?;

    let heads = [
        ("STT", 5.0),
        ("Họ và tên", 26.0),
        ("Số ca", 8.0),
        ("Ca cuối tuần, ngày lễ", 12.0),
        ("Ca có mặt", 10.0),
        ("Ca trực thay", 10.0),
    ];
    let ws = sheet(
        &mut wb,
        "Tổng hợp",
        &format!("SỐ CA TRỰC CỦA TỪNG TỔ VIÊN THÁNG {month} — {group}"),
        under,
        &heads,
    )?;
    for (n, t) in view.tallies.iter().enumerate() {
        let mut l = Line {
            ws: &mut *ws,
            row: 3 + n as u32,
            col: 0,
            cells: &cells,
        };
        l.num(Some((n + 1) as f64))?;
        l.text(&t.name)?;
        for v in [t.total, t.special, t.done, t.stood_in] {
            l.num(Some(f64::from(v)))?;
        }
    }
    filter(ws, view.tallies.len(), heads.len())?;
    wb.save_to_buffer().map_err(err)
}
