//! The app lock's rules, as plain functions: what a PIN or passphrase must be, how it is
//! kept (an argon2id hash, salted), how long a wrong try makes the next one wait, and the
//! recovery code. The lock hides the data from a passer-by on a shared office PC; it does
//! not encrypt the data file.

use crate::error::{Error, FieldError, Result};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::Duration;

/// Checks a new PIN (at least 4 digits) or passphrase (at least 6 characters), as typed.
pub fn check_new(secret: &str) -> Result<String> {
    let s = crate::text::nfc(secret.trim());
    let digits = !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let ok = if digits {
        s.len() >= 4
    } else {
        s.chars().count() >= 6
    };
    if ok {
        Ok(s)
    } else {
        Err(Error::invalid(vec![FieldError::new(
            "secret",
            "Mã khóa cần ít nhất 4 chữ số, hoặc một câu mật khẩu từ 6 ký tự trở lên.",
        )]))
    }
}

/// The stored form of a secret: an argon2id PHC string with this salt.
pub fn hash(secret: &str, salt: &[u8; 16]) -> Result<String> {
    let salt = SaltString::encode_b64(salt).map_err(|e| Error::internal(e.to_string()))?;
    Ok(Argon2::default()
        .hash_password(crate::text::nfc(secret.trim()).as_bytes(), &salt)
        .map_err(|e| Error::internal(e.to_string()))?
        .to_string())
}

/// Whether `typed` is the secret `stored` was made from.
pub fn verify(typed: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| {
        Argon2::default()
            .verify_password(crate::text::nfc(typed.trim()).as_bytes(), &h)
            .is_ok()
    })
}

/// How long to wait before the next try after `failures` wrong ones in a row: three free
/// tries, then 5 s, doubling, at most 5 minutes.
pub fn wait_after(failures: u32) -> Duration {
    if failures < 3 {
        return Duration::zero();
    }
    let secs = 5_i64.saturating_mul(1 << (failures - 3).min(16));
    Duration::seconds(secs.min(300))
}

/// Letters and digits that cannot be mistaken for one another when copied by hand.
const ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// The recovery code from 16 random bytes: "ABCD-EFGH-JKLM-NPQR", shown once at set-up.
pub fn recovery_code(random: &[u8; 16]) -> String {
    random
        .iter()
        .map(|b| ALPHABET[usize::from(b & 31)] as char)
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A recovery code as typed ("abcd efgh-…"): upper case, separators dropped, then grouped.
pub fn normalise_recovery(typed: &str) -> String {
    let plain: String = typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    plain
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_checked_hashed_and_verified() {
        assert!(check_new("123").is_err());
        assert!(check_new("abc12").is_err());
        assert_eq!(check_new(" 2468 ").unwrap(), "2468");
        assert!(check_new("mật khẩu").is_ok());
        let h = hash("2468", &[7; 16]).unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify("2468", &h));
        assert!(verify(" 2468\n", &h), "as typed, spaces around ignored");
        assert!(!verify("2469", &h));
        assert!(!verify("2468", "not a hash"));
        assert_ne!(h, hash("2468", &[8; 16]).unwrap(), "salted");
    }

    #[test]
    fn wrong_tries_wait_longer_and_longer() {
        let w: Vec<i64> = (0..12).map(|n| wait_after(n).num_seconds()).collect();
        assert_eq!(w, [0, 0, 0, 5, 10, 20, 40, 80, 160, 300, 300, 300]);
        assert_eq!(wait_after(u32::MAX).num_seconds(), 300);
    }

    #[test]
    fn the_recovery_code_is_easy_to_copy() {
        let c = recovery_code(&[0, 1, 2, 3, 31, 30, 29, 28, 8, 9, 10, 11, 12, 13, 14, 15]);
        assert_eq!(c, "ABCD-9876-JKLM-NPQR");
        assert_eq!(normalise_recovery("abcd 9876 jklm-npqr"), c);
    }
}
