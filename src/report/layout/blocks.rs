//! The blocks that are more than flowing text: the NĐ 30 header, the title, tables, charts,
//! the closing (recipients and signature) and the digest with its QR code.

use super::{column, wrap, Align, Flow, Item, Line, Pager, BODY, LEADING, PARA_GAP};
use crate::report::doc::{BarChart, Closing, Digest, Header, Table};
use crate::report::fonts::{width, Style};

pub(super) fn header(p: &mut Pager, h: &Header) {
    let left = p.left();
    let tw = p.text_width();
    if h.draft {
        draft_mark(p);
        p.y += 28.0;
    }
    let (lw, rx, rw) = (tw * 0.42, left + tw * 0.42, tw * 0.58);
    let top = p.y;
    // Left: parent body, issuing body with a short rule under it.
    let (y, _) = column(
        p,
        &h.parent_body.to_uppercase(),
        (Style::Regular, 12.0),
        left,
        lw,
        top,
        Align::Center,
    );
    let (y, widest) = column(
        p,
        &h.issuing_body.to_uppercase(),
        (Style::Bold, 12.0),
        left,
        lw,
        y,
        Align::Center,
    );
    let rule = widest / 3.0;
    let ly = y + 1.0;
    p.rule(left + (lw - rule) / 2.0, left + (lw + rule) / 2.0, ly);
    // Right: national title and motto with a rule of the motto's length.
    let (y2, _) = column(
        p,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        (Style::Bold, 12.0),
        rx,
        rw,
        top,
        Align::Center,
    );
    let motto = "Độc lập - Tự do - Hạnh phúc";
    let (y2, mw) = column(p, motto, (Style::Bold, 13.0), rx, rw, y2, Align::Center);
    let ry = y2 + 1.0;
    p.rule(rx + (rw - mw) / 2.0, rx + (rw + mw) / 2.0, ry);
    // Number on the left, place and date on the right, on one line.
    let row = ly.max(ry) + 8.0;
    let (y3, _) = column(
        p,
        &h.number,
        (Style::Regular, 13.0),
        left,
        lw,
        row,
        Align::Center,
    );
    let (y4, _) = column(
        p,
        &h.place_date,
        (Style::Italic, 13.0),
        rx,
        rw,
        row,
        Align::Center,
    );
    p.y = y3.max(y4) + 14.0;
}

pub(super) fn title(p: &mut Pager, kind: &str, subject: &str) {
    let (x, w) = (p.left(), p.text_width());
    p.keep(BODY * LEADING * 3.0);
    p.text(
        &kind.to_uppercase(),
        (Style::Bold, BODY),
        0.0,
        Flow::Align(Align::Center),
        x,
        w,
    );
    let lines = wrap(subject, (Style::Bold, BODY), w, 0.0);
    let widest = lines.iter().map(|l| l.natural).fold(0.0, f32::max);
    p.text(
        subject,
        (Style::Bold, BODY),
        0.0,
        Flow::Align(Align::Center),
        x,
        w,
    );
    let rule = (widest / 3.0).min(120.0);
    let y = p.y + 3.0;
    p.rule(x + (w - rule) / 2.0, x + (w + rule) / 2.0, y);
    p.y += 14.0;
}

/// "DỰ THẢO" in a box, centred at the top of page 1, above the header.
fn draft_mark(p: &mut Pager) {
    let (text, size) = ("DỰ THẢO", 14.0);
    let w = width(text, Style::Bold, size);
    let x = p.left() + (p.text_width() - w) / 2.0;
    let base = p.y + size + 2.0;
    p.push(Item::Text {
        x,
        y: base,
        size,
        style: Style::Bold,
        text: text.into(),
        word_space: 0.0,
    });
    let (x1, x2, y1, y2) = (x - 6.0, x + w + 6.0, base - size, base + 5.0);
    for (a, b, c, d) in [
        (x1, y1, x2, y1),
        (x2, y1, x2, y2),
        (x2, y2, x1, y2),
        (x1, y2, x1, y1),
    ] {
        p.push(Item::Line {
            x1: a,
            y1: b,
            x2: c,
            y2: d,
            width: 0.8,
        });
    }
}

/// Tables up to this many rows are kept on one page with what introduces them.
pub(super) const SHORT_TABLE: usize = 15;

/// The height of a table's header and of each of its rows, as `table` draws them.
pub(super) fn table_heights(p: &Pager, t: &Table) -> (f32, Vec<f32>) {
    let tw = p.text_width();
    let total: f32 = t.columns.iter().map(|c| c.width).sum::<f32>().max(0.001);
    let (pad_x, pad_y) = (3.0, 2.5);
    let lh = t.size * LEADING;
    let lines = |row: &[String], style: Style| -> f32 {
        t.columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                wrap(
                    row.get(i).map_or("", |s| s),
                    (style, t.size),
                    c.width / total * tw - 2.0 * pad_x,
                    0.0,
                )
                .len()
            })
            .max()
            .unwrap_or(1) as f32
            * lh
            + 2.0 * pad_y
    };
    let titles: Vec<String> = t.columns.iter().map(|c| c.title.clone()).collect();
    let rows = t
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let style = if t.bold_rows.contains(&i) {
                Style::Bold
            } else {
                Style::Regular
            };
            lines(r, style)
        })
        .collect();
    (lines(&titles, Style::Bold), rows)
}

/// What must go on the same page as the start of a table: all of a short table, else its
/// header and first row.
pub(super) fn table_lead(p: &Pager, t: &Table) -> f32 {
    let (head, rows) = table_heights(p, t);
    let body: f32 = if t.rows.len() <= SHORT_TABLE {
        rows.iter().sum()
    } else {
        rows.first().copied().unwrap_or(0.0)
    };
    head + body
}

/// The height `closing` needs.
/// The side of the digest's QR code, in points.
const DIGEST_SIDE: f32 = 62.0;

/// The height a digest box needs.
pub(super) fn digest_height(d: &Digest) -> f32 {
    let text_h = d.lines.len() as f32 * 11.0 * LEADING;
    DIGEST_SIDE.max(text_h) + 12.0
}

/// Room left to sign above a name, in points.
const SIGNING_SPACE: f32 = 60.0;
/// Between the recipients and the confirmation under them.
const CONFIRMATION_GAP: f32 = 18.0;

pub(super) fn closing_height(c: &Closing) -> f32 {
    let left_h = 12.0 * LEADING + c.recipients.len() as f32 * 11.0 * LEADING * 1.5;
    let right_h = 13.0 * LEADING * 3.0 + 70.0;
    let confirmation = if c.confirmation.is_some() {
        CONFIRMATION_GAP + 12.0 * LEADING * 2.0 + SIGNING_SPACE + 13.0 * LEADING
    } else {
        0.0
    };
    left_h.max(right_h) + confirmation + 6.0
}

/// The height `chart` needs.
pub(super) fn chart_height(c: &BarChart) -> f32 {
    20.0 + 17.0 * c.bars.len() as f32 + 8.0
}

pub(super) fn table(p: &mut Pager, t: &Table) {
    // A short table stays whole on one page (a longer one repeats its header instead).
    let lead = table_lead(p, t);
    p.keep(lead.min(p.full()));
    let (x0, tw) = (p.left(), p.text_width());
    let total: f32 = t.columns.iter().map(|c| c.width).sum::<f32>().max(0.001);
    let widths: Vec<f32> = t.columns.iter().map(|c| c.width / total * tw).collect();
    let (pad_x, pad_y) = (3.0, 2.5);
    let lh = t.size * LEADING;
    let cells = |row: &[String], style: Style| -> Vec<Vec<Line>> {
        widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                wrap(
                    row.get(i).map_or("", |s| s),
                    (style, t.size),
                    w - 2.0 * pad_x,
                    0.0,
                )
            })
            .collect()
    };
    let height =
        |c: &[Vec<Line>]| c.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * pad_y;
    let titles: Vec<String> = t.columns.iter().map(|c| c.title.clone()).collect();
    let head = cells(&titles, Style::Bold);
    let head_h = height(&head);
    let draw = |p: &mut Pager, c: &[Vec<Line>], h: f32, style: Style, header: bool| {
        let top = p.y;
        let mut x = x0;
        p.rule(x0, x0 + tw, top);
        for (i, lines) in c.iter().enumerate() {
            let align = if header {
                Align::Center
            } else {
                t.columns[i].align
            };
            for (k, l) in lines.iter().enumerate() {
                p.line(
                    l,
                    x + pad_x,
                    widths[i] - 2.0 * pad_x,
                    top + pad_y + k as f32 * lh,
                    (style, t.size),
                    Flow::Align(align),
                );
            }
            p.push(Item::Line {
                x1: x,
                y1: top,
                x2: x,
                y2: top + h,
                width: 0.6,
            });
            x += widths[i];
        }
        p.push(Item::Line {
            x1: x0 + tw,
            y1: top,
            x2: x0 + tw,
            y2: top + h,
            width: 0.6,
        });
        p.rule(x0, x0 + tw, top + h);
        p.y = top + h;
    };
    let first_h = t
        .rows
        .first()
        .map_or(0.0, |r| height(&cells(r, Style::Regular)));
    p.keep(head_h + first_h);
    draw(p, &head, head_h, Style::Bold, true);
    for (i, row) in t.rows.iter().enumerate() {
        let style = if t.bold_rows.contains(&i) {
            Style::Bold
        } else {
            Style::Regular
        };
        let mut c = cells(row, style);
        // A row taller than an empty page is cut to what fits, marked with an ellipsis.
        let max_lines = ((p.full() - head_h - 2.0 * pad_y) / lh).floor().max(1.0) as usize;
        for lines in &mut c {
            if lines.len() > max_lines {
                lines.truncate(max_lines);
                if let Some(last) = lines.last_mut() {
                    last.words.push("…".into());
                }
            }
        }
        let h = height(&c);
        if h > p.room() {
            p.new_page();
            draw(p, &head, head_h, Style::Bold, true);
        }
        draw(p, &c, h, style, false);
    }
    p.y += PARA_GAP + 4.0;
}

pub(super) fn chart(p: &mut Pager, c: &BarChart) {
    let (x0, tw) = (p.left(), p.text_width());
    let size = 12.0;
    let row = 17.0;
    p.keep(chart_height(c).min(p.full()));
    p.text(
        &c.title,
        (Style::Italic, 13.0),
        0.0,
        Flow::Align(Align::Center),
        x0,
        tw,
    );
    p.y += 4.0;
    let max = c.bars.iter().map(|b| b.1).fold(0.0, f64::max).max(1.0);
    let label_w = tw * 0.42;
    let bar_x = x0 + label_w + 6.0;
    let bar_w = tw - label_w - 6.0 - 36.0;
    for (label, value) in &c.bars {
        p.keep(row);
        let top = p.y;
        let l = wrap(label, (Style::Regular, size), label_w, 0.0);
        if let Some(first) = l.first() {
            p.line(
                first,
                x0,
                label_w,
                top + 1.5,
                (Style::Regular, size),
                Flow::Align(Align::Right),
            );
        }
        let w = (value / max) as f32 * bar_w;
        if w > 0.0 {
            p.push(Item::Rect {
                x: bar_x,
                y: top + 3.0,
                w,
                h: row - 6.0,
                gray: 0.45,
            });
        }
        let v = crate::report::number(*value);
        p.push(Item::Text {
            x: bar_x + w + 4.0,
            y: top + 1.5 + size * 0.93,
            size,
            style: Style::Regular,
            text: v,
            word_space: 0.0,
        });
        p.y += row;
    }
    p.push(Item::Line {
        x1: bar_x,
        y1: p.y - row * c.bars.len() as f32,
        x2: bar_x,
        y2: p.y,
        width: 0.6,
    });
    p.y += PARA_GAP + 4.0;
}

pub(super) fn closing(p: &mut Pager, c: &Closing) {
    let (x0, tw) = (p.left(), p.text_width());
    let (lw, rx, rw) = (tw * 0.45, x0 + tw * 0.45, tw * 0.55);
    p.keep(closing_height(c));
    let top = p.y + 6.0;
    let (mut y, _) = column(
        p,
        "Nơi nhận:",
        (Style::BoldItalic, 12.0),
        x0,
        lw,
        top,
        Align::Left,
    );
    for r in &c.recipients {
        y = column(p, r, (Style::Regular, 11.0), x0, lw, y, Align::Left).0;
    }

    let mut ry = top;
    if let Some(b) = &c.on_behalf {
        ry = column(
            p,
            &b.to_uppercase(),
            (Style::Bold, 13.0),
            rx,
            rw,
            ry,
            Align::Center,
        )
        .0;
    }
    ry = column(
        p,
        &c.role.to_uppercase(),
        (Style::Bold, 13.0),
        rx,
        rw,
        ry,
        Align::Center,
    )
    .0;
    ry = column(
        p,
        "(Ký, ghi rõ họ tên)",
        (Style::Italic, 12.0),
        rx,
        rw,
        ry,
        Align::Center,
    )
    .0;
    ry += SIGNING_SPACE;
    ry = column(p, &c.name, (Style::Bold, 13.0), rx, rw, ry, Align::Center).0;
    let mut bottom = y.max(ry);
    // The confirmation signs under both, on the left, with its own room to sign.
    if let Some(who) = &c.confirmation {
        // Wider than the recipients' column: the title stays on one line.
        let cw = tw * 0.6;
        let y = column(
            p,
            &who.to_uppercase(),
            (Style::Bold, 12.0),
            x0,
            cw,
            bottom + CONFIRMATION_GAP,
            Align::Center,
        )
        .0;
        let y = column(
            p,
            "(Ký, ghi rõ họ tên)",
            (Style::Italic, 12.0),
            x0,
            cw,
            y,
            Align::Center,
        )
        .0;
        bottom = y + SIGNING_SPACE + 13.0 * LEADING;
    }
    p.y = bottom + PARA_GAP;
}

pub(super) fn digest(p: &mut Pager, d: &Digest) {
    let x0 = p.left();
    let Ok(code) =
        qrcode::QrCode::with_error_correction_level(d.payload.as_bytes(), qrcode::EcLevel::M)
    else {
        return;
    };
    let n = code.width();
    let side = DIGEST_SIDE;
    let module = side / n as f32;
    p.keep(digest_height(d));
    let top = p.y + 8.0;
    let colors = code.to_colors();
    for r in 0..n {
        // One rectangle per run of dark modules keeps the page small.
        let mut c = 0;
        while c < n {
            if colors[r * n + c] == qrcode::Color::Dark {
                let start = c;
                while c < n && colors[r * n + c] == qrcode::Color::Dark {
                    c += 1;
                }
                p.push(Item::Rect {
                    x: x0 + start as f32 * module,
                    y: top + r as f32 * module,
                    w: (c - start) as f32 * module,
                    h: module,
                    gray: 0.0,
                });
            } else {
                c += 1;
            }
        }
    }
    let mut y = top;
    let tx = x0 + side + 10.0;
    let tw = p.text_width() - side - 10.0;
    for l in &d.lines {
        y = column(p, l, (Style::Italic, 11.0), tx, tw, y, Align::Left).0;
    }
    p.y = top + side.max(y - top) + PARA_GAP;
}
