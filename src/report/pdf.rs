//! Writes a [`Layout`] as a PDF with printpdf: Liberation Serif embedded as subsets, text kept
//! as real (searchable, copyable) text.

use super::fonts::{font_bytes, Style};
use super::layout::{Item, Layout};
use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem,
};
use std::collections::HashMap;
use std::sync::OnceLock;

fn parsed(style: Style) -> &'static ParsedFont {
    static ALL: OnceLock<Vec<ParsedFont>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        Style::ALL
            .iter()
            .map(|s| {
                // The bundled files are checked by tests; failing here is a build defect.
                ParsedFont::from_bytes(font_bytes(*s), 0, &mut Vec::new())
                    .expect("bundled font parses")
            })
            .collect()
    });
    &all[style as usize]
}

/// The TJ items for a run: words with extra space after each gap when justified.
fn text_items(text: &str, size: f32, word_space: f32) -> Vec<TextItem> {
    if word_space.abs() < 0.01 {
        return vec![TextItem::Text(text.to_string())];
    }
    // TJ offsets are thousandths of an em; negative moves right.
    let offset = -word_space * 1000.0 / size;
    let mut items = Vec::new();
    let mut words = text.split(' ').peekable();
    while let Some(w) = words.next() {
        if words.peek().is_some() {
            items.push(TextItem::Text(format!("{w} ")));
            items.push(TextItem::Offset(offset));
        } else {
            items.push(TextItem::Text(w.to_string()));
        }
    }
    items
}

fn gray(level: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: level,
        icc_profile: None,
    })
}

/// Renders the pages to PDF bytes; `title` goes into the document information.
pub fn write(layout: &Layout, title: &str) -> Vec<u8> {
    let mut doc = PdfDocument::new(title);
    doc.metadata.info.creator = "Tổ tự quản ANTT".into();
    doc.metadata.info.producer = "Tổ tự quản ANTT".into();
    let mut fonts: HashMap<Style, FontId> = HashMap::new();
    let mut pages = Vec::with_capacity(layout.pages.len());
    for page in &layout.pages {
        let h = page.height;
        let mut ops = Vec::with_capacity(page.items.len() * 5);
        let mut fill_set = false;
        for item in &page.items {
            match item {
                Item::Text {
                    x,
                    y,
                    size,
                    style,
                    text,
                    word_space,
                } => {
                    let id = fonts
                        .entry(*style)
                        .or_insert_with(|| doc.add_font(parsed(*style)))
                        .clone();
                    if !fill_set {
                        ops.push(Op::SetFillColor { col: gray(0.0) });
                        fill_set = true;
                    }
                    ops.push(Op::StartTextSection);
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(id),
                        size: Pt(*size),
                    });
                    ops.push(Op::SetTextCursor {
                        pos: Point {
                            x: Pt(*x),
                            y: Pt(h - y),
                        },
                    });
                    ops.push(Op::ShowText {
                        items: text_items(text, *size, *word_space),
                    });
                    ops.push(Op::EndTextSection);
                }
                Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                } => {
                    ops.push(Op::SetOutlineColor { col: gray(0.0) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint {
                                    p: Point {
                                        x: Pt(*x1),
                                        y: Pt(h - y1),
                                    },
                                    bezier: false,
                                },
                                LinePoint {
                                    p: Point {
                                        x: Pt(*x2),
                                        y: Pt(h - y2),
                                    },
                                    bezier: false,
                                },
                            ],
                            is_closed: false,
                        },
                    });
                }
                Item::Rect {
                    x,
                    y,
                    w,
                    h: rh,
                    gray: g,
                } => {
                    ops.push(Op::SetFillColor { col: gray(*g) });
                    fill_set = false;
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            x: Pt(*x),
                            y: Pt(h - y - rh),
                            width: Pt(*w),
                            height: Pt(*rh),
                            mode: Some(PaintMode::Fill),
                            winding_order: None,
                        },
                    });
                }
            }
        }
        pages.push(PdfPage::new(
            Mm(page.width * 25.4 / 72.0),
            Mm(h * 25.4 / 72.0),
            ops,
        ));
    }
    doc.with_pages(pages);
    doc.save(&PdfSaveOptions::default(), &mut Vec::new())
}
