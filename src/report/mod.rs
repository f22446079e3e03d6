//! Printed documents: a document model, its layout on A4 in the Nghị định 30/2020 format,
//! and the PDF writer. Every document the app prints goes through here.

pub mod doc;
pub mod fonts;
pub mod layout;
pub mod members;
pub mod monthly;
pub mod pdf;
pub mod personal;
pub mod practice;
pub mod prose;
pub mod roster;
pub mod ward;

pub use doc::{
    Align, BarChart, Block, Closing, Column, Digest, Document, Header, Orientation, Table,
};
pub use layout::{layout, Layout};

/// Lays out and writes a document; all text is NFC before it reaches the PDF, because
/// printpdf does no shaping and decomposed marks would be misplaced.
pub fn render(doc: &Document) -> (Layout, Vec<u8>) {
    let doc = nfc(doc);
    let l = layout(&doc);
    let bytes = pdf::write(&l, &doc.title);
    (l, bytes)
}

fn nfc(doc: &Document) -> Document {
    let c = |s: &String| crate::text::nfc(s);
    let mut d = doc.clone();
    d.title = c(&d.title);
    if let Some(h) = &mut d.header {
        h.parent_body = c(&h.parent_body);
        h.issuing_body = c(&h.issuing_body);
        h.number = c(&h.number);
        h.place_date = c(&h.place_date);
    }
    for b in &mut d.blocks {
        match b {
            Block::Title { kind, subject } => {
                *kind = c(kind);
                *subject = c(subject);
            }
            Block::Addressee(s)
            | Block::Heading(s)
            | Block::SubHeading(s)
            | Block::Paragraph(s)
            | Block::Note(s)
            | Block::Bullet(s) => *s = c(s),
            Block::Table(t) => {
                for col in &mut t.columns {
                    col.title = c(&col.title);
                }
                for row in &mut t.rows {
                    for cell in row {
                        *cell = c(cell);
                    }
                }
            }
            Block::Chart(ch) => {
                ch.title = c(&ch.title);
                for bar in &mut ch.bars {
                    bar.0 = c(&bar.0);
                }
            }
            Block::Closing(cl) => {
                for r in &mut cl.recipients {
                    *r = c(r);
                }
                cl.on_behalf = cl.on_behalf.as_ref().map(c);
                cl.role = c(&cl.role);
                cl.name = c(&cl.name);
            }
            Block::Digest(dg) => {
                for l in &mut dg.lines {
                    *l = c(l);
                }
            }
        }
    }
    d
}

/// Text a person wrote as blocks: a paragraph a line, lines starting "- " or "+ " as bullets;
/// `empty` (if any) printed when there is nothing.
pub fn text_blocks(text: &str, empty: &str) -> Vec<Block> {
    let blocks: Vec<Block> = text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(
            |l| match l.strip_prefix("- ").or_else(|| l.strip_prefix("+ ")) {
                Some(item) => Block::Bullet(prose::curly(item)),
                None => Block::Paragraph(prose::curly(l)),
            },
        )
        .collect();
    if blocks.is_empty() && !empty.is_empty() {
        return vec![Block::Paragraph(empty.to_string())];
    }
    blocks
}

/// A number in Vietnamese notation: 1.234,5 (one decimal only when needed).
pub fn number(v: f64) -> String {
    let neg = v < 0.0;
    let v = v.abs();
    let tenths = (v * 10.0).round() as u64;
    let (int, frac) = (tenths / 10, tenths % 10);
    let digits = int.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(ch);
    }
    if frac != 0 {
        out.push(',');
        out.push_str(&frac.to_string());
    }
    if neg {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_use_vietnamese_separators() {
        assert_eq!(super::number(1234.5), "1.234,5");
        assert_eq!(super::number(1_000_000.0), "1.000.000");
        assert_eq!(super::number(7.0), "7");
        assert_eq!(super::number(0.25), "0,3");
    }
}
