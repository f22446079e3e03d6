//! `ttq todo`: what is due now ("Tháng này"), then the month's key figures so far.

use super::print_json;
use chrono::{DateTime, Utc};
use ttq::{app, Result, Store};

pub fn run(store: &Store, json: bool, now: DateTime<Utc>) -> Result<()> {
    let m = app::todo::this_month(store, now)?;
    if json {
        return print_json(&m);
    }
    say!("Tháng {} (hôm nay {})", m.month_label, m.today);
    if m.todo.is_empty() {
        say!("Không có việc gì cần làm ngay.");
    } else {
        say!("Việc cần làm:");
        for t in &m.todo {
            say!("- {}", t.text);
        }
    }
    let f = &m.figures;
    say!();
    say!("Số liệu tháng đến nay:");
    say!(
        "  Vụ việc: {} (chuyển Công an: {})",
        f.incidents,
        f.transferred
    );
    say!("  Tin báo có giá trị: {}", f.valuable_tips);
    say!(
        "  Ca tuần tra: {} đã thực hiện / {} theo lịch",
        f.patrols_held,
        f.shifts_planned
    );
    say!("  Hoạt động: {}", f.activities);
    say!("  Tổ viên: {}", f.members);
    Ok(())
}
