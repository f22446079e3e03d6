//! The bundled Liberation Serif faces and their glyph advances, for measuring text.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A face of the one family the documents use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, ts_rs::TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum Style {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Style {
    /// All faces, in the order of [`FONT_FILES`].
    pub const ALL: [Style; 4] = [
        Style::Regular,
        Style::Bold,
        Style::Italic,
        Style::BoldItalic,
    ];

    fn index(self) -> usize {
        self as usize
    }
}

/// The font files, embedded in the binary (SIL Open Font License, see `assets/fonts/`).
pub const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-BoldItalic.ttf"),
];

/// The bytes of a face.
pub fn font_bytes(style: Style) -> &'static [u8] {
    FONT_FILES[style.index()]
}

struct Metrics {
    units_per_em: f32,
    advances: HashMap<char, u16>,
    fallback: u16,
}

fn metrics(style: Style) -> &'static Metrics {
    static ALL: OnceLock<Vec<Metrics>> = OnceLock::new();
    &ALL.get_or_init(|| Style::ALL.iter().map(|s| load(*s)).collect())[style.index()]
}

fn load(style: Style) -> Metrics {
    // The files are ours and checked by tests; a failure here is a build defect.
    let face = ttf_parser::Face::parse(font_bytes(style), 0).expect("bundled font parses");
    let mut advances = HashMap::new();
    if let Some(cmap) = face.tables().cmap {
        for sub in cmap.subtables {
            if !sub.is_unicode() {
                continue;
            }
            sub.codepoints(|cp| {
                if let (Some(ch), Some(gid)) = (char::from_u32(cp), sub.glyph_index(cp)) {
                    if let Some(adv) = face.glyph_hor_advance(gid) {
                        advances.entry(ch).or_insert(adv);
                    }
                }
            });
        }
    }
    let fallback = advances.get(&'?').copied().unwrap_or(500);
    Metrics {
        units_per_em: f32::from(face.units_per_em()),
        advances,
        fallback,
    }
}

/// Width of `text` in points at `size`, from the font's advances (no kerning: printpdf
/// places glyphs by the same advances).
pub fn width(text: &str, style: Style, size: f32) -> f32 {
    let m = metrics(style);
    let units: u32 = text
        .chars()
        .map(|c| u32::from(*m.advances.get(&c).unwrap_or(&m.fallback)))
        .sum();
    units as f32 * size / m.units_per_em
}

/// Whether every character of `text` has a glyph in the face.
pub fn covers(text: &str, style: Style) -> bool {
    let m = metrics(style);
    text.chars().all(|c| m.advances.contains_key(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_is_covered_in_every_face() {
        let s = "Ấp Đông Hòa, ngày 05 tháng 12 năm 2026: ỹ ữ ợ ặ ẫ Ư Ơ Đ đ “mô hình” − – … •";
        for style in Style::ALL {
            assert!(covers(s, style), "{style:?}");
        }
    }

    #[test]
    fn widths_grow_with_size_and_weight() {
        let w = width("Tổ bảo vệ", Style::Regular, 14.0);
        assert!(w > 40.0 && w < 90.0, "{w}");
        assert!((width("Tổ bảo vệ", Style::Regular, 28.0) - 2.0 * w).abs() < 0.01);
        assert!(width("TỔ BẢO VỆ", Style::Bold, 14.0) > width("TỔ BẢO VỆ", Style::Regular, 14.0));
    }
}
