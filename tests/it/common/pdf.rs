//! Checks a PDF with the poppler and qpdf tools, as a reader would see it.

use std::path::Path;
use std::process::Command;

fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd).args(args).output().unwrap_or_else(|e| {
        panic!("{cmd} is needed for the PDF checks (scripts/setup.sh installs it): {e}")
    });
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("tool output is UTF-8")
}

/// `qpdf --check` passes.
pub fn qpdf_ok(path: &Path) {
    let out = run("qpdf", &["--check", path.to_str().unwrap()]);
    assert!(out.contains("No syntax or stream encoding errors"), "{out}");
}

/// The text as `pdftotext -layout` gives it, pages separated by form feeds.
pub fn text(path: &Path) -> String {
    run("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"])
}

/// The text as `pdftotext -raw` gives it (content-stream order).
pub fn raw_text(path: &Path) -> String {
    run(
        "pdftotext",
        &["-raw", "-enc", "UTF-8", path.to_str().unwrap(), "-"],
    )
}

/// Collapses runs of white space (line breaks, table gaps) to single spaces.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text in content-stream order with white space collapsed, for `contains` checks.
pub fn flat_text(path: &Path) -> String {
    squash(&raw_text(path))
}

/// `pdffonts` rows: (name, embedded, subset).
pub fn fonts(path: &Path) -> Vec<(String, bool, bool)> {
    run("pdffonts", &[path.to_str().unwrap()])
        .lines()
        .skip(2)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            let n = cols.len();
            (
                cols[0].to_string(),
                cols[n - 5] == "yes",
                cols[n - 4] == "yes",
            )
        })
        .collect()
}

/// A word box of `pdftotext -bbox`.
#[derive(Debug)]
pub struct WordBox {
    pub page: usize,
    pub page_size: (f32, f32),
    pub x_min: f32,
    pub y_min: f32,
    pub x_max: f32,
    pub y_max: f32,
    pub word: String,
}

fn attr(tag: &str, name: &str) -> f32 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).unwrap() + key.len();
    let end = start + tag[start..].find('"').unwrap();
    tag[start..end].parse().unwrap()
}

/// Every word box with its page and page size.
pub fn boxes(path: &Path) -> Vec<WordBox> {
    let html = run("pdftotext", &["-bbox", path.to_str().unwrap(), "-"]);
    let mut out = Vec::new();
    let (mut page, mut size) = (0, (0.0, 0.0));
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
            size = (attr(line, "width"), attr(line, "height"));
        } else if line.starts_with("<word ") {
            let word =
                line[line.find('>').unwrap() + 1..line.rfind("</word>").unwrap()].to_string();
            out.push(WordBox {
                page,
                page_size: size,
                x_min: attr(line, "xMin"),
                y_min: attr(line, "yMin"),
                x_max: attr(line, "xMax"),
                y_max: attr(line, "yMax"),
                word,
            });
        }
    }
    out
}

/// Number of pages (`pdfinfo`).
pub fn pages(path: &Path) -> usize {
    run("pdfinfo", &[path.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// Asserts every page is A4 and every word lies inside the Nghị định 30 margins (top 20,
/// bottom 20, left 30, right 15 mm), page numbers in the top margin excepted.
pub fn assert_nd30_geometry(path: &Path, landscape: bool) {
    let mm = 72.0 / 25.4;
    let (w, h) = if landscape {
        (297.0 * mm, 210.0 * mm)
    } else {
        (210.0 * mm, 297.0 * mm)
    };
    let all = boxes(path);
    assert!(!all.is_empty(), "no text in {path:?}");
    for b in &all {
        assert!(
            (b.page_size.0 - w).abs() < 1.0 && (b.page_size.1 - h).abs() < 1.0,
            "page not A4: {b:?}"
        );
        let page_number = b.y_max < 20.0 * mm && b.word.chars().all(|c| c.is_ascii_digit());
        if page_number {
            assert!(b.page >= 2, "page number on page 1: {b:?}");
            assert!(
                (b.x_min + b.x_max) / 2.0 - w / 2.0 < 10.0,
                "page number not centred: {b:?}"
            );
            continue;
        }
        let slack = 1.5;
        assert!(b.x_min >= 30.0 * mm - slack, "left margin: {b:?}");
        assert!(b.x_max <= w - 15.0 * mm + slack, "right margin: {b:?}");
        assert!(b.y_min >= 20.0 * mm - slack, "top margin: {b:?}");
        assert!(b.y_max <= h - 20.0 * mm + slack, "bottom margin: {b:?}");
    }
}
