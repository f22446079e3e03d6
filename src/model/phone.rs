//! Vietnamese phone numbers: mobiles (10 digits, 03/05/07/08/09) and landlines (11 digits, 02).

/// Normalises a typed phone number to its domestic form (`0912345678`), accepting spaces,
/// dots, dashes and a `+84`/`84` prefix. Returns `None` if it is not a Vietnamese number.
pub fn normalise(s: &str) -> Option<String> {
    let mut digits: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')'))
        .collect();
    if let Some(rest) = digits.strip_prefix("+84") {
        digits = format!("0{rest}");
    } else if digits.starts_with("84") && digits.len() == 11 {
        digits = format!("0{}", &digits[2..]);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let ok = match digits.len() {
        10 => matches!(&digits[..2], "03" | "05" | "07" | "08" | "09"),
        11 => digits.starts_with("02"),
        _ => false,
    };
    ok.then_some(digits)
}

/// Displays a domestic number in groups: `0912 345 678`.
pub fn display(n: &str) -> String {
    if n.len() == 10 {
        format!("{} {} {}", &n[..4], &n[4..7], &n[7..])
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_common_forms() {
        assert_eq!(normalise("0912 345 678").as_deref(), Some("0912345678"));
        assert_eq!(normalise("+84 912.345.678").as_deref(), Some("0912345678"));
        assert_eq!(normalise("84912345678").as_deref(), Some("0912345678"));
        assert_eq!(normalise("0333-123-456").as_deref(), Some("0333123456"));
        assert_eq!(normalise("02033 123 456").as_deref(), Some("02033123456"));
    }

    #[test]
    fn rejects_others() {
        for s in [
            "091234567",
            "01234567890",
            "0112345678",
            "09123456789",
            "abc",
            "",
            "0912-34a-678",
        ] {
            assert_eq!(normalise(s), None, "{s}");
        }
    }

    #[test]
    fn display_groups_digits() {
        assert_eq!(display("0912345678"), "0912 345 678");
    }
}
