//! Numbers and lists in Vietnamese administrative prose (`domain/wording.md`): small counts
//! with a leading zero, zeros said as people say them (or left out), lists joined with "và".

use super::number;

/// A count in prose as police reports write it: "01", "09", "10", "1.234".
pub fn count(n: u32) -> String {
    if n < 10 {
        format!("{n:02}")
    } else {
        number(f64::from(n))
    }
}

/// "a", "a và b", "a, b và c".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} và {last}", init.join(", ")),
    }
}

/// The text with its first letter capitalised.
pub fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Clauses joined into one sentence ("; " between them), capitalised, with a full stop; empty
/// when there are none.
pub fn sentence(clauses: &[String]) -> String {
    if clauses.is_empty() {
        return String::new();
    }
    format!("{}.", capitalised(&clauses.join("; ")))
}

/// A percentage with one decimal as people write it: "88,9%", "100%".
pub fn percent(part: u32, whole: u32) -> String {
    if whole == 0 {
        return String::new();
    }
    format!("{}%", number(f64::from(part) * 100.0 / f64::from(whole)))
}

/// Straight double quotes as printed quotes: "Khu phố 3" becomes “Khu phố 3”. A quote opens
/// at the start or after a space or bracket, and closes otherwise.
pub fn curly(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for c in s.chars() {
        out.push(match c {
            '"' if prev.is_none_or(|p| p.is_whitespace() || "([{‘“".contains(p)) => '“',
            '"' => '”',
            c => c,
        });
        prev = Some(c);
    }
    out
}

/// A name in quotes, its own quotes turned into inner ones: Nhóm Zalo “Khu phố 3 bình yên”
/// becomes “Nhóm Zalo ‘Khu phố 3 bình yên’”.
pub fn quoted(s: &str) -> String {
    let inner: String = curly(s)
        .chars()
        .map(|c| match c {
            '“' => '‘',
            '”' => '’',
            c => c,
        })
        .collect();
    format!("“{inner}”")
}

/// “tham gia hòa giải 03 vụ, hòa giải thành 02 vụ”, or none without mediations.
pub fn mediation_clause(mediations: u32, successful: u32) -> Option<String> {
    match (mediations, successful) {
        (0, _) => None,
        (m, 0) => Some(format!(
            "tham gia hòa giải {} vụ, chưa có vụ hòa giải thành",
            count(m)
        )),
        (m, s) => Some(format!(
            "tham gia hòa giải {} vụ, hòa giải thành {} vụ",
            count(m),
            count(s)
        )),
    }
}

/// A change as an indicator table shows it: "+3", "−2", "0"; empty without a comparison.
pub fn change(now: f64, then: Option<f64>) -> String {
    match then {
        None => String::new(),
        Some(t) if (now - t).abs() < 0.05 => "0".into(),
        Some(t) if now > t => format!("+{}", number(now - t)),
        Some(t) => format!("−{}", number(t - now)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_lists_read_as_reports_write_them() {
        assert_eq!(count(1), "01");
        assert_eq!(count(9), "09");
        assert_eq!(count(10), "10");
        assert_eq!(count(1234), "1.234");
        let l = |v: &[&str]| and_list(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(&["a"]), "a");
        assert_eq!(l(&["a", "b", "c"]), "a, b và c");
        assert_eq!(
            sentence(&["tổ chức 01 buổi".into(), "02 hộ".into()]),
            "Tổ chức 01 buổi; 02 hộ."
        );
        assert_eq!(sentence(&[]), "");
        assert_eq!(percent(8, 9), "88,9%");
        assert_eq!(percent(39, 39), "100%");
        assert_eq!(
            curly(r#"Nhóm Zalo "Khu phố 3" (tên "An")"#),
            "Nhóm Zalo “Khu phố 3” (tên “An”)"
        );
        assert_eq!(
            quoted("Nhóm Zalo “Khu phố 3 bình yên”"),
            "“Nhóm Zalo ‘Khu phố 3 bình yên’”"
        );
        assert_eq!(quoted(r#"Nhóm "Bình yên""#), "“Nhóm ‘Bình yên’”");
    }
}
