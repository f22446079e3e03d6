//! The document engine, checked as PDFs by real readers.

use crate::common::pdf;
use ttq::report::{
    render, Align, BarChart, Block, Closing, Column, Digest, Document, Header, Orientation, Table,
};

fn sample(rows: usize, nfd: bool) -> Document {
    use unicode_normalization::UnicodeNormalization;
    let t = |s: &str| {
        if nfd {
            s.nfd().collect()
        } else {
            s.to_string()
        }
    };
    Document {
        title: t("Báo cáo mẫu"),
        orientation: Orientation::Portrait,
        header: Some(Header {
            parent_body: t("Công an phường Yên Hải"),
            issuing_body: t("Tổ tự quản ANTT Thôn Đông"),
            number: t("Số: 05/BC-TTQ"),
            place_date: t("Yên Hải, ngày 05 tháng 12 năm 2026"),
            draft: false,
        }),
        blocks: vec![
            Block::Title { kind: t("Báo cáo"), subject: t("Kết quả công tác bảo đảm an ninh, trật tự tháng 11 năm 2026") },
            Block::Addressee(t("Kính gửi: Công an phường Yên Hải")),
            Block::Heading(t("I. Đặc điểm tình hình")),
            Block::Paragraph(t("Thôn Đông có 80 hộ với 310 nhân khẩu; tình hình an ninh, trật tự trên địa bàn cơ bản ổn định, không để xảy ra vụ việc phức tạp. Tổ duy trì tuần tra đêm trên các tuyến đường chính và các ngõ xóm.")),
            Block::Bullet(t("Số lượt tuần tra: 31 lượt, 93 lượt người tham gia.")),
            Block::Table(Table {
                columns: vec![
                    Column { title: t("STT"), width: 1.0, align: Align::Center },
                    Column { title: t("Ngày giờ"), width: 2.2, align: Align::Left },
                    Column { title: t("Tóm tắt vụ việc"), width: 5.0, align: Align::Left },
                    Column { title: t("Kết quả xử lý"), width: 2.5, align: Align::Left },
                ],
                rows: (1..=rows)
                    .map(|i| vec![
                        i.to_string(),
                        t(&format!("{:02}/11/2026 22:{:02}", i % 30 + 1, i % 60)),
                        t(&format!("Vụ việc số {i}: phát hiện người lạ đi xe máy không biển số lảng vảng quanh khu vực nhà văn hóa thôn, tổ đã nhắc nhở và ghi nhận.")),
                        t("Đã chuyển Công an phường"),
                    ])
                    .collect(),
                size: 12.0,
                bold_rows: vec![],
            }),
            Block::Chart(BarChart { title: t("Vụ việc theo loại"), bars: vec![(t("Trộm cắp tài sản"), 3.0), (t("Đánh nhau, gây rối"), 1.0)] }),
            Block::Closing(Closing {
                recipients: vec![t("- Công an phường Yên Hải;"), t("- Lưu: Tổ.")],
                on_behalf: Some(t("TM. Tổ tự quản")),
                role: t("Tổ trưởng"),
                name: t("Nguyễn Văn Hùng"),
                confirmation: None,
            }),
            Block::Digest(Digest { lines: vec![t("Mã đối chiếu dữ liệu: 3F2A-91C0-7B44-E1D2")], payload: "TTQ1|test".into() }),
        ],
    }
}

fn write(doc: &Document) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, render(doc).1).unwrap();
    if let Ok(keep) = std::env::var("TTQ_KEEP_PDF") {
        std::fs::copy(&path, keep).unwrap();
    }
    (dir, path)
}

#[test]
fn a_document_reads_back_as_vietnamese_with_embedded_subset_fonts_inside_the_margins() {
    let (_d, path) = write(&sample(3, false));
    pdf::qpdf_ok(&path);
    let text = pdf::flat_text(&path);
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "CÔNG AN PHƯỜNG YÊN HẢI",
        "TỔ TỰ QUẢN ANTT THÔN ĐÔNG",
        "Số: 05/BC-TTQ",
        "Yên Hải, ngày 05 tháng 12 năm 2026",
        "BÁO CÁO",
        "Kết quả công tác bảo đảm an ninh, trật tự tháng 11 năm 2026",
        "Kính gửi: Công an phường Yên Hải",
        "I. ĐẶC ĐIỂM TÌNH HÌNH",
        "Thôn Đông có 80 hộ với 310 nhân khẩu; tình hình an ninh, trật tự trên địa bàn cơ bản ổn định",
        "Nơi nhận:",
        "TM. TỔ TỰ QUẢN",
        "Nguyễn Văn Hùng",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // Reading order: the title before the body, the body before the signature.
    let pos = |s: &str| text.find(s).unwrap();
    assert!(pos("BÁO CÁO") < pos("I. ĐẶC ĐIỂM") && pos("I. ĐẶC ĐIỂM") < pos("Nguyễn Văn Hùng"));
    let fonts = pdf::fonts(&path);
    assert!(!fonts.is_empty());
    for (name, embedded, subset) in &fonts {
        assert!(*embedded && *subset, "{name} not embedded as a subset");
        assert!(name.contains("LiberationSerif"), "{name}");
    }
    pdf::assert_nd30_geometry(&path, false);
    assert_eq!(pdf::pages(&path), 1);
}

#[test]
fn decomposed_input_still_prints_composed_vietnamese() {
    let (_d, path) = write(&sample(2, true));
    let text = pdf::flat_text(&path);
    assert!(
        text.contains("Yên Hải, ngày 05 tháng 12 năm 2026"),
        "{text}"
    );
    assert!(text.contains("Nguyễn Văn Hùng"));
}

#[test]
fn a_long_table_runs_over_pages_repeating_its_header_and_numbering_pages() {
    let (_d, path) = write(&sample(200, false));
    pdf::qpdf_ok(&path);
    let n = pdf::pages(&path);
    assert!(n >= 5, "{n} pages");
    let text = pdf::raw_text(&path);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), n);
    // Every page after the first that carries table rows starts the table with its header.
    for (i, p) in pages.iter().enumerate().skip(1) {
        if p.contains("Vụ việc số") {
            assert!(
                pdf::squash(p).contains("STT Ngày giờ Tóm tắt vụ việc Kết quả xử lý"),
                "page {} lacks the header",
                i + 1
            );
            assert!(
                p.lines().next().unwrap().trim() == (i + 1).to_string(),
                "page {} number",
                i + 1
            );
        }
    }
    // No row is cut: each of the 200 rows appears whole on one page.
    for i in [1, 57, 200] {
        let needle = format!("Vụ việc số {i}: phát hiện");
        let page = pages
            .iter()
            .find(|p| pdf::squash(p).contains(&needle))
            .unwrap_or_else(|| panic!("row {i}"));
        assert!(
            pdf::squash(page).contains(&format!("{needle} người lạ đi xe máy không biển số")),
            "row {i} split"
        );
    }
    pdf::assert_nd30_geometry(&path, false);
}

#[test]
fn landscape_pages_are_a4_turned() {
    let mut d = sample(30, false);
    d.orientation = Orientation::Landscape;
    let (_d, path) = write(&d);
    pdf::assert_nd30_geometry(&path, true);
}

/// The page each text run starting with `start` is drawn on.
fn page_of(l: &ttq::report::Layout, start: &str) -> Vec<usize> {
    l.pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            p.items.iter().filter_map(move |it| match it {
                ttq::report::layout::Item::Text { text, .. } if text.starts_with(start) => Some(i),
                _ => None,
            })
        })
        .collect()
}

#[test]
fn what_belongs_together_stays_on_one_page() {
    let t = |s: &str| s.to_string();
    let filler = |n: usize| -> Vec<Block> {
        (0..n)
            .map(|i| Block::Paragraph(format!("Đoạn văn số {i} kể lại công việc của tổ trong tháng, đủ dài để chiếm hai dòng trên trang giấy khổ A4 dọc.")))
            .collect()
    };
    let rows: Vec<Vec<String>> = (1..=12)
        .map(|i| vec![i.to_string(), format!("Chỉ tiêu {i}"), t("5")])
        .collect();
    let table = Block::Table(Table {
        columns: vec![
            Column {
                title: t("STT"),
                width: 0.6,
                align: Align::Center,
            },
            Column {
                title: t("Chỉ tiêu"),
                width: 5.0,
                align: Align::Left,
            },
            Column {
                title: t("Số"),
                width: 1.2,
                align: Align::Right,
            },
        ],
        rows,
        size: 12.0,
        bold_rows: vec![],
    });
    let closing = Block::Closing(Closing {
        recipients: vec![t("- Công an phường Yên Hải;"), t("- Lưu: Tổ.")],
        on_behalf: None,
        role: t("Tổ trưởng"),
        name: t("Trần Văn Quyết"),
        confirmation: Some(t("Xác nhận của Trưởng Khu phố 3")),
    });
    // Whatever fills the page before them, a heading, its introducing line and a short
    // table stay together; so do the last sentence, the signature and the digest.
    for n in 10..24 {
        let mut blocks = filler(n);
        blocks.push(Block::Heading(t("II. Kết quả công tác")));
        blocks.push(Block::Paragraph(t("Các chỉ tiêu chính như sau:")));
        blocks.push(table.clone());
        blocks.extend(filler(n % 7));
        blocks.push(Block::Paragraph(t("Trên đây là báo cáo của tổ./.")));
        blocks.push(closing.clone());
        blocks.push(Block::Digest(Digest {
            lines: vec![t("Mã đối chiếu dữ liệu: 3F2A-91C0")],
            payload: "TTQ|1".into(),
        }));
        let l = ttq::report::layout(&Document {
            title: t("x"),
            orientation: Orientation::Portrait,
            header: None,
            blocks,
        });
        let heading = page_of(&l, "II. KẾT QUẢ");
        let intro = page_of(&l, "Các chỉ tiêu chính");
        let rows: Vec<usize> = (1..=12)
            .flat_map(|i| page_of(&l, &format!("Chỉ tiêu {i}")))
            .collect();
        assert_eq!(heading.len(), 1);
        assert!(
            intro == heading && rows.iter().all(|p| *p == heading[0]),
            "{n}: {heading:?} {intro:?} {rows:?}"
        );
        let last = page_of(&l, "Trên đây");
        for part in [
            "TỔ TRƯỞNG",
            "XÁC NHẬN CỦA",
            "Trần Văn Quyết",
            "Mã đối chiếu",
        ] {
            assert_eq!(page_of(&l, part), last, "{n}: {part}");
        }
    }
}
