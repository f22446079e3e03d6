//! The document model: what a printed document says, before any geometry.

use serde::Serialize;

/// Page orientation on A4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// A document to print: NĐ 30 header, then blocks in reading order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// PDF metadata title.
    pub title: String,
    pub orientation: Orientation,
    pub header: Option<Header>,
    pub blocks: Vec<Block>,
}

/// The two-column header of page 1 (Nghị định 30/2020, Phụ lục I).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Header {
    /// Tên cơ quan chủ quản, e.g. "CÔNG AN PHƯỜNG YÊN HẢI" (upper-cased when laid out).
    pub parent_body: String,
    /// Tên cơ quan ban hành, e.g. "TỔ BẢO VỆ ANTT KHU PHỐ 3".
    pub issuing_body: String,
    /// "Số: 05/BC-TBV".
    pub number: String,
    /// "Yên Hải, ngày 05 tháng 12 năm 2026".
    pub place_date: String,
    /// A draft, not an issued document: "DỰ THẢO" is printed at the top of page 1.
    #[serde(default)]
    pub draft: bool,
}

/// One block of the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Block {
    /// Tên loại and trích yếu, centred, with a short rule under.
    Title {
        kind: String,
        subject: String,
    },
    /// "Kính gửi: …", centred.
    Addressee(String),
    /// A section heading ("I. ĐẶC ĐIỂM TÌNH HÌNH"), bold.
    Heading(String),
    /// A sub-heading ("1. Tuần tra"), bold, not upper-cased.
    SubHeading(String),
    /// A justified paragraph with a first-line indent.
    Paragraph(String),
    /// A paragraph in italics (notes, "không có").
    Note(String),
    /// A bulleted item ("- …").
    Bullet(String),
    Table(Table),
    Chart(BarChart),
    /// Nơi nhận (left) and the signature (right), kept together.
    Closing(Closing),
    /// A boxed data digest with its QR code, for matching paper with a file.
    Digest(Digest),
}

/// Horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A table column: its title, relative width and alignment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub title: String,
    pub width: f32,
    pub align: Align,
}

impl Column {
    /// A column titled `title`, `width` wide relative to the others.
    pub fn new(title: impl Into<String>, width: f32, align: Align) -> Column {
        Column {
            title: title.into(),
            width,
            align,
        }
    }
}

/// A table whose header row repeats on every page and whose rows never split.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// Font size of the cells in points.
    pub size: f32,
    /// Rows drawn in bold (e.g. a total), by index.
    pub bold_rows: Vec<usize>,
}

/// A horizontal bar chart: one labelled bar per item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarChart {
    pub title: String,
    pub bars: Vec<(String, f64)>,
}

/// The end of a document: recipients on the left, signature on the right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Closing {
    /// Lines after "Nơi nhận:", e.g. "- Công an phường Yên Hải;".
    pub recipients: Vec<String>,
    /// "TM. TỔ BẢO VỆ ANTT" when signing for the group.
    pub on_behalf: Option<String>,
    /// "TỔ TRƯỞNG".
    pub role: String,
    /// The signer's full name.
    pub name: String,
    /// A second signature on the left, under the recipients: "XÁC NHẬN CỦA TRƯỞNG KHU PHỐ 3".
    #[serde(default)]
    pub confirmation: Option<String>,
}

/// A digest line with a QR code of `payload`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Digest {
    pub lines: Vec<String>,
    pub payload: String,
}
