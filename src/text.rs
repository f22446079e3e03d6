//! Vietnamese text: NFC normalisation for storage and printing, and the one search folding
//! used by every search in the project.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Returns `s` in NFC with surrounding white space trimmed and inner runs collapsed to one space.
pub fn clean(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Composes text to NFC, leaving its spacing and line breaks as they are.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Folds text for search: decompose, drop combining marks, map đ/Đ to d, lower-case,
/// collapse white space. "Đặng Nguyễn" and "dang nguyen" fold to the same string.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = true;
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        };
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
            continue;
        }
        for l in c.to_lowercase() {
            out.push(l);
        }
        last_space = false;
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// True when every word of the folded `query` occurs in the folded `haystack`,
/// so "hao nguyen" finds "Nguyễn Thị Thanh Hảo".
pub fn matches(folded_haystack: &str, query: &str) -> bool {
    fold(query)
        .split(' ')
        .all(|w| w.is_empty() || folded_haystack.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_diacritics_case_and_d() {
        assert_eq!(fold("Đặng Nguyễn"), "dang nguyen");
        assert_eq!(fold("NGUYỄN"), "nguyen");
        assert_eq!(fold("  Đường   Nguyễn Trãi "), "duong nguyen trai");
        assert_eq!(fold("Hảo"), "hao");
    }

    #[test]
    fn decomposed_and_composed_fold_alike() {
        let nfd: String = "Nguyễn Thị Thanh Hảo".nfd().collect();
        assert_eq!(fold(&nfd), fold("Nguyễn Thị Thanh Hảo"));
        assert_eq!(clean(&nfd), "Nguyễn Thị Thanh Hảo");
    }

    #[test]
    fn every_query_form_finds_the_name() {
        let hay = fold("Đặng Nguyễn");
        for q in [
            "nguyen",
            "Nguyễn",
            "NGUYEN",
            "dang",
            "Đặng",
            "dang nguyen",
            "nguyen dang",
        ] {
            assert!(matches(&hay, q), "{q}");
        }
        assert!(!matches(&hay, "hao"));
        assert!(matches(&hay, "  "));
    }

    #[test]
    fn clean_collapses_space() {
        assert_eq!(clean("  Lê \t Văn\nAn "), "Lê Văn An");
    }
}
