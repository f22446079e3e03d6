//! Lays a [`Document`] out on A4 pages: wrapping by measured advances, justification, tables
//! that repeat their header and never split a row, page numbers from page 2.
//!
//! Coordinates are points from the page's top-left corner; `y` of a text item is its
//! baseline. The PDF writer flips them; the app's preview draws them as they are.

use super::doc::{Align, Block, Document, Orientation};

mod blocks;
use super::fonts::{width, Style};
use blocks::{
    chart, chart_height, closing, closing_height, digest, digest_height, header, table, table_lead,
    title,
};
use serde::Serialize;
use ts_rs::TS;

/// Millimetres to points.
pub const MM: f32 = 72.0 / 25.4;
/// A4 in points, portrait.
pub const A4: (f32, f32) = (210.0 * MM, 297.0 * MM);
/// Margins in points (Nghị định 30/2020): top, bottom, left, right.
pub const MARGINS: (f32, f32, f32, f32) = (20.0 * MM, 20.0 * MM, 30.0 * MM, 15.0 * MM);
/// Body text size.
pub const BODY: f32 = 14.0;
const LEADING: f32 = 1.2;
const INDENT: f32 = 1.27 * 10.0 * MM;
const PARA_GAP: f32 = 6.0;

/// A laid-out document: pages of positioned items.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Layout {
    pub pages: Vec<Page>,
}

/// One page and what is drawn on it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
}

/// A positioned piece of a page.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum Item {
    /// A run of text on one baseline; `word_space` is added to every space (justification).
    Text {
        x: f32,
        y: f32,
        size: f32,
        style: Style,
        text: String,
        word_space: f32,
    },
    /// A stroked line.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    /// A filled rectangle; `gray` 0 is black, 1 white.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        gray: f32,
    },
}

/// A wrapped line: its words and their natural width.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    words: Vec<String>,
    natural: f32,
}

impl Line {
    fn text(&self) -> String {
        self.words.join(" ")
    }
}

/// Breaks `text` into lines no wider than `max` (the first `indent` narrower). Words longer
/// than a line are cut between characters.
fn wrap(text: &str, font: Font, max: f32, indent: f32) -> Vec<Line> {
    let (style, size) = font;
    let space = width(" ", style, size);
    let mut lines = Vec::new();
    let mut cur = Line {
        words: Vec::new(),
        natural: 0.0,
    };
    let limit = |lines: &Vec<Line>| if lines.is_empty() { max - indent } else { max };
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        loop {
            let w = width(&word, style, size);
            let add = if cur.words.is_empty() { w } else { space + w };
            if cur.natural + add <= limit(&lines) + 0.01 {
                cur.natural += add;
                cur.words.push(word);
                break;
            }
            if !cur.words.is_empty() {
                lines.push(std::mem::replace(
                    &mut cur,
                    Line {
                        words: Vec::new(),
                        natural: 0.0,
                    },
                ));
                continue;
            }
            // A word wider than the whole line: cut it where it stops fitting.
            let mut cut = String::new();
            for ch in word.chars() {
                let mut next = cut.clone();
                next.push(ch);
                if width(&next, style, size) > limit(&lines) && !cut.is_empty() {
                    break;
                }
                cut = next;
            }
            let rest = word[cut.len()..].to_string();
            cur.natural = width(&cut, style, size);
            cur.words.push(cut);
            if rest.is_empty() {
                break;
            }
            lines.push(std::mem::replace(
                &mut cur,
                Line {
                    words: Vec::new(),
                    natural: 0.0,
                },
            ));
            word = rest;
        }
    }
    if !cur.words.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

/// A face and a size in points.
type Font = (Style, f32);

/// How a run of lines is placed across its box.
#[derive(Clone, Copy, PartialEq)]
enum Flow {
    Justify,
    Align(Align),
}

/// The state of the page being filled.
struct Pager {
    pages: Vec<Page>,
    size: (f32, f32),
    y: f32,
}

impl Pager {
    fn new(orientation: Orientation) -> Pager {
        let size = match orientation {
            Orientation::Portrait => A4,
            Orientation::Landscape => (A4.1, A4.0),
        };
        let mut p = Pager {
            pages: Vec::new(),
            size,
            y: 0.0,
        };
        p.new_page();
        p
    }

    fn left(&self) -> f32 {
        MARGINS.2
    }

    fn text_width(&self) -> f32 {
        self.size.0 - MARGINS.2 - MARGINS.3
    }

    fn bottom(&self) -> f32 {
        self.size.1 - MARGINS.1
    }

    /// Room left on the page below the cursor.
    fn room(&self) -> f32 {
        self.bottom() - self.y
    }

    /// Height of an empty page's text area.
    fn full(&self) -> f32 {
        self.size.1 - MARGINS.0 - MARGINS.1
    }

    fn new_page(&mut self) {
        let n = self.pages.len() + 1;
        self.pages.push(Page {
            width: self.size.0,
            height: self.size.1,
            items: Vec::new(),
        });
        self.y = MARGINS.0;
        if n >= 2 {
            // Page numbers sit centred in the top margin, from page 2 on.
            let label = n.to_string();
            let size = 13.0;
            let x = (self.size.0 - width(&label, Style::Regular, size)) / 2.0;
            self.push(Item::Text {
                x,
                y: MARGINS.0 / 2.0 + size / 3.0,
                size,
                style: Style::Regular,
                text: label,
                word_space: 0.0,
            });
        }
    }

    /// Starts a new page unless `need` points fit (or the page is still empty).
    fn keep(&mut self, need: f32) {
        if need > self.room() && self.y > MARGINS.0 + 0.5 {
            self.new_page();
        }
    }

    fn push(&mut self, item: Item) {
        if let Some(p) = self.pages.last_mut() {
            p.items.push(item);
        }
    }

    /// Draws one line of text in the box [x, x+w] with its top at `top`.
    fn line(&mut self, line: &Line, x: f32, w: f32, top: f32, font: Font, flow: Flow) {
        let (style, size) = font;
        let text = line.text();
        let (x, word_space) = match flow {
            Flow::Justify if line.words.len() > 1 => (
                x,
                ((w - line.natural) / (line.words.len() - 1) as f32).max(0.0),
            ),
            Flow::Justify | Flow::Align(Align::Left) => (x, 0.0),
            Flow::Align(Align::Center) => (x + (w - line.natural) / 2.0, 0.0),
            Flow::Align(Align::Right) => (x + w - line.natural, 0.0),
        };
        if text.is_empty() {
            return;
        }
        self.push(Item::Text {
            x,
            y: top + size * 0.93,
            size,
            style,
            text,
            word_space,
        });
    }

    /// Flows a block of text at the cursor, breaking pages between lines.
    fn text(&mut self, text: &str, font: Font, indent: f32, flow: Flow, x: f32, w: f32) {
        let lh = font.1 * LEADING;
        let lines = wrap(text, font, w, indent);
        let n = lines.len();
        for (i, line) in lines.iter().enumerate() {
            self.keep(lh);
            let first = if i == 0 { indent } else { 0.0 };
            // The last line of a justified paragraph is set flush left.
            let flow = if flow == Flow::Justify && i + 1 == n {
                Flow::Align(Align::Left)
            } else {
                flow
            };
            let y = self.y;
            self.line(line, x + first, w - first, y, font, flow);
            self.y += lh;
        }
    }

    fn rule(&mut self, x1: f32, x2: f32, y: f32) {
        self.push(Item::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width: 0.6,
        });
    }
}

/// Lines of `text` centred in a column, returned as (line, y-top) from `top`; used where two
/// columns are laid side by side and must not break pages.
fn column(
    p: &mut Pager,
    text: &str,
    font: Font,
    x: f32,
    w: f32,
    top: f32,
    align: Align,
) -> (f32, f32) {
    let lh = font.1 * LEADING;
    let lines = wrap(text, font, w, 0.0);
    let mut y = top;
    let mut widest: f32 = 0.0;
    for l in &lines {
        p.line(l, x, w, y, font, Flow::Align(align));
        widest = widest.max(l.natural);
        y += lh;
    }
    (y, widest)
}

/// The height of a paragraph of `text` in the body's width.
fn text_height(p: &Pager, text: &str, style: Style) -> f32 {
    wrap(text, (style, BODY), p.text_width(), INDENT).len() as f32 * BODY * LEADING + PARA_GAP
}

/// What must go on the same page as the start of `b`: a short table or chart whole, a
/// signature block whole, the first two lines of a paragraph.
fn lead(p: &Pager, b: &Block) -> f32 {
    match b {
        Block::Table(t) => table_lead(p, t),
        Block::Chart(c) => chart_height(c),
        Block::Closing(c) => closing_height(c),
        Block::Paragraph(_) | Block::Note(_) | Block::Bullet(_) => BODY * LEADING * 2.0,
        Block::Heading(_) | Block::SubHeading(_) => BODY * LEADING * 3.0,
        _ => 0.0,
    }
}

/// Keeps a block with the start of what follows where a reader expects them together: a
/// heading is never the last line of a page; a heading or an introducing line ("…như
/// sau:") stays with a short table; the last lines before the signature stay with it, and
/// the signature with the data digest under it. Chains: a heading before an introducing
/// line keeps both with the table.
fn keep_with_next(p: &Pager, blocks: &[Block]) -> f32 {
    let [b, next, ..] = blocks else { return 0.0 };
    // What the next block needs at the top of the page: its own chain, or its start.
    let then = || keep_with_next(p, &blocks[1..]).max(lead(p, next));
    match (b, next) {
        (Block::Heading(h) | Block::SubHeading(h), _) => text_height(p, h, Style::Bold) + then(),
        (Block::Paragraph(t) | Block::Note(t) | Block::Bullet(t), Block::Closing(_)) => {
            text_height(p, t, Style::Regular) + then()
        }
        (Block::Paragraph(t), Block::Table(_) | Block::Chart(_)) if t.trim_end().ends_with(':') => {
            text_height(p, t, Style::Regular) + then()
        }
        (Block::Closing(c), Block::Digest(d)) => closing_height(c) + digest_height(d),
        _ => 0.0,
    }
}

/// Lays out a document.
pub fn layout(doc: &Document) -> Layout {
    let mut p = Pager::new(doc.orientation);
    if let Some(h) = &doc.header {
        header(&mut p, h);
    }
    let (x, w) = (p.left(), p.text_width());
    for (i, block) in doc.blocks.iter().enumerate() {
        let need = keep_with_next(&p, &doc.blocks[i..]);
        if need > 0.0 {
            p.keep(need.min(p.full()));
        }
        match block {
            Block::Title { kind, subject } => title(&mut p, kind, subject),
            Block::Addressee(a) => {
                p.text(
                    a,
                    (Style::Regular, BODY),
                    0.0,
                    Flow::Align(Align::Center),
                    x,
                    w,
                );
                p.y += PARA_GAP * 2.0;
            }
            Block::Heading(h) => {
                p.text(
                    &h.to_uppercase(),
                    (Style::Bold, BODY),
                    INDENT,
                    Flow::Align(Align::Left),
                    x,
                    w,
                );
                p.y += PARA_GAP;
            }
            Block::SubHeading(h) => {
                p.text(
                    h,
                    (Style::Bold, BODY),
                    INDENT,
                    Flow::Align(Align::Left),
                    x,
                    w,
                );
                p.y += PARA_GAP / 2.0;
            }
            Block::Paragraph(t) | Block::Note(t) | Block::Bullet(t) => {
                let style = if matches!(block, Block::Note(_)) {
                    Style::Italic
                } else {
                    Style::Regular
                };
                let bullet;
                let t = if matches!(block, Block::Bullet(_)) {
                    bullet = format!("- {t}");
                    &bullet
                } else {
                    t
                };
                for para in t.split('\n').filter(|s| !s.trim().is_empty()) {
                    p.text(para, (style, BODY), INDENT, Flow::Justify, x, w);
                    p.y += PARA_GAP;
                }
            }
            Block::Table(t) => table(&mut p, t),
            Block::Chart(c) => chart(&mut p, c),
            Block::Closing(c) => closing(&mut p, c),
            Block::Digest(d) => digest(&mut p, d),
        }
    }
    Layout { pages: p.pages }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_fits_every_line_and_keeps_every_word() {
        let text = "Tổ đã tổ chức tuần tra đêm trên các tuyến đường Nguyễn Trãi, Lê Lợi và hẻm 12, kết hợp tuyên truyền phòng chống trộm cắp tài sản.";
        let lines = wrap(text, (Style::Regular, 14.0), 200.0, 30.0);
        assert!(lines.len() > 2);
        assert!(lines[0].natural <= 170.01);
        assert!(lines.iter().all(|l| l.natural <= 200.01));
        let back: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(back.join(" "), text);
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut() {
        let long = "x".repeat(200);
        let lines = wrap(&long, (Style::Regular, 12.0), 100.0, 0.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.iter().map(Line::text).collect::<String>(), long);
    }
}
