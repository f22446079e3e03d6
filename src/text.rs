//! Vietnamese text: NFC normalisation for storage and printing, the one search folding
//! used by every search in the project, and the one collation every sorted list uses.

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

/// The collation key with numbers compared by their value, so "Khu phố 2" comes before
/// "Khu phố 10".
pub fn natural_key(s: &str) -> CollationKey {
    let mut padded = String::with_capacity(s.len() + 16);
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if !digits.is_empty() {
            out.push_str(&format!("{digits:0>12}"));
            digits.clear();
        }
    };
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut padded);
            padded.push(c);
        }
    }
    flush(&mut digits, &mut padded);
    collation_key(&padded)
}

/// Vietnamese collation order for text: letters in the Vietnamese alphabet (a ă â b c d đ e
/// ê … o ô ơ … u ư …), tones only breaking ties (a à á ả ã ạ), case last.
pub fn collate(a: &str, b: &str) -> std::cmp::Ordering {
    collation_key(a).cmp(&collation_key(b))
}

/// Vietnamese order for people's names: by given name (the last word), then the middle
/// names, then the family name, each by [`collate`]. "Dung" comes before "Đông"; "Nguyễn
/// Đức Tuấn" before "Đỗ Quang Tuấn".
pub fn collate_names(a: &str, b: &str) -> std::cmp::Ordering {
    name_collation_key(a).cmp(&name_collation_key(b))
}

/// The key [`collate_names`] compares, for `sort_by_cached_key`.
pub fn name_collation_key(full_name: &str) -> CollationKey {
    let words: Vec<&str> = full_name.split_whitespace().collect();
    let reordered = match words.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [family, middle @ .., given] => std::iter::once(*given)
            .chain(middle.iter().copied())
            .chain(std::iter::once(*family))
            .collect::<Vec<_>>()
            .join(" "),
    };
    collation_key(&reordered)
}

/// A sort key: letters first, then tones, then case, then the text itself.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct CollationKey {
    letters: Vec<u32>,
    tones: Vec<u8>,
    case: Vec<bool>,
    text: String,
}

/// The key [`collate`] compares, for `sort_by_cached_key`.
pub fn collation_key(s: &str) -> CollationKey {
    const ALPHABET: &str = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";
    let mut key = CollationKey {
        letters: Vec::new(),
        tones: Vec::new(),
        case: Vec::new(),
        text: s.to_string(),
    };
    let mut last_space = true;
    for word_char in s.nfc() {
        if word_char.is_whitespace() {
            if !last_space {
                key.letters.push(0);
                key.tones.push(0);
                last_space = true;
            }
            continue;
        }
        last_space = false;
        // Split the letter into its base (with the vowel's own marks) and its tone.
        let mut base = String::new();
        let mut tone = 0u8;
        for c in word_char.nfd() {
            match c {
                '\u{300}' => tone = 1,
                '\u{301}' => tone = 2,
                '\u{309}' => tone = 3,
                '\u{303}' => tone = 4,
                '\u{323}' => tone = 5,
                _ => base.push(c),
            }
        }
        let base: String = base.nfc().collect();
        let mut chars = base.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            // Not a letter with a Vietnamese tone: keep its code points.
            key.letters
                .extend(base.chars().map(|c| 0x1_0000 + c as u32));
            key.tones.push(tone);
            continue;
        };
        let lower = c.to_lowercase().next().unwrap_or(c);
        key.case.push(lower != c);
        let weight = match ALPHABET.chars().position(|l| l == lower) {
            // Digits (and other signs) before letters, letters after.
            Some(i) => 0x20_0000 + i as u32,
            None if lower.is_alphanumeric() && !lower.is_ascii_digit() => 0x30_0000 + lower as u32,
            None => 1 + lower as u32,
        };
        key.letters.push(weight);
        key.tones.push(tone);
    }
    if last_space && !key.letters.is_empty() {
        key.letters.pop();
        key.tones.pop();
    }
    key
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

    #[test]
    fn vietnamese_letters_sort_in_their_own_order() {
        let mut words = vec![
            "Đông", "Dung", "ơn", "ôm", "om", "ưa", "ua", "ăn", "ân", "an", "Ê", "e",
        ];
        words.sort_by(|a, b| collate(a, b));
        assert_eq!(
            words,
            ["an", "ăn", "ân", "Dung", "Đông", "e", "Ê", "om", "ôm", "ơn", "ua", "ưa"]
        );
        // Tones only break ties, in the order a à á ả ã ạ; the letters decide first.
        let mut tones = vec!["ạ", "ã", "ả", "á", "à", "a", "ab"];
        tones.sort_by(|a, b| collate(a, b));
        assert_eq!(tones, ["a", "à", "á", "ả", "ã", "ạ", "ab"]);
        let nfd: String = "Nguyễn".nfd().collect();
        assert_eq!(collation_key(&nfd).letters, collation_key("Nguyễn").letters);
    }

    #[test]
    fn names_sort_by_given_name_then_middle_then_family() {
        let mut names = vec![
            "Trần Văn Đông",
            "Nguyễn Thị Dung",
            "Bùi Công Thắng",
            "Lê Văn An",
            "Phạm An",
            "Bùi Thị Thanh",
            "Đỗ Quang Tuấn",
            "Lê Văn Tuấn",
            "Nguyễn Đức Tuấn",
        ];
        names.sort_by(|a, b| collate_names(a, b));
        assert_eq!(
            names,
            [
                "Phạm An",
                "Lê Văn An",
                "Nguyễn Thị Dung",
                "Trần Văn Đông",
                "Bùi Thị Thanh",
                "Bùi Công Thắng",
                "Nguyễn Đức Tuấn",
                "Đỗ Quang Tuấn",
                "Lê Văn Tuấn",
            ]
        );
    }
}
