//! Files sealed with a passphrase (age, scrypt): a copy of the data for a USB stick that
//! whoever finds the stick cannot read. Plain functions over bytes.

use crate::error::{Error, ErrorCode, FieldError, Result};
use age::secrecy::SecretString;

/// What every age file starts with.
const MAGIC: &[u8] = b"age-encryption.org/v1";

/// Checks a new passphrase: at least 8 characters.
pub fn check_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.trim().chars().count() < 8 {
        return Err(Error::invalid(vec![FieldError::new(
            "passphrase",
            "Mật khẩu của bản sao cần ít nhất 8 ký tự (nên là một câu dễ nhớ).",
        )]));
    }
    Ok(())
}

fn secret(passphrase: &str) -> SecretString {
    SecretString::from(crate::text::nfc(passphrase.trim()))
}

/// `plain` sealed with `passphrase`.
pub fn seal(plain: &[u8], passphrase: &str) -> Result<Vec<u8>> {
    check_passphrase(passphrase)?;
    let recipient = age::scrypt::Recipient::new(secret(passphrase));
    age::encrypt(&recipient, plain).map_err(|e| Error::internal(e.to_string()))
}

/// Whether these bytes are a sealed file (they start as every age file does).
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// The bytes `sealed` holds; a wrong passphrase or a damaged file is said so, in Vietnamese.
pub fn open(sealed: &[u8], passphrase: &str) -> Result<Vec<u8>> {
    if !is_sealed(sealed) {
        return Err(Error::new(
            ErrorCode::Invalid,
            "Tệp này không phải bản sao lưu có mật khẩu của ứng dụng.",
        ));
    }
    let identity = age::scrypt::Identity::new(secret(passphrase));
    age::decrypt(&identity, sealed).map_err(|e| match e {
        age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
            Error::invalid(vec![FieldError::new(
                "passphrase",
                "Mật khẩu chưa đúng. Hãy nhập đúng mật khẩu đã đặt khi sao lưu ra USB.",
            )])
        }
        other => Error::new(
            ErrorCode::DatabaseCorrupt,
            "Bản sao lưu có mật khẩu bị hỏng (có thể do USB lỗi). Hãy dùng một bản sao khác.",
        )
        .with_detail(other.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_copy_opens_only_with_its_passphrase() {
        let plain = b"SQLite format 3\0 data of the group".to_vec();
        assert_eq!(
            seal(&plain, "ngắn").unwrap_err().fields[0].field,
            "passphrase"
        );
        let sealed = seal(&plain, "Tổ Khu phố 3 năm 2026").unwrap();
        assert!(is_sealed(&sealed));
        assert!(
            !sealed.windows(6).any(|w| w == b"SQLite"),
            "nothing readable"
        );
        assert_eq!(open(&sealed, " Tổ Khu phố 3 năm 2026 ").unwrap(), plain);
        let wrong = open(&sealed, "Tổ Khu phố 4 năm 2026").unwrap_err();
        assert_eq!(wrong.fields[0].field, "passphrase");
        let mut cut = sealed.clone();
        cut.truncate(sealed.len() - 10);
        assert_eq!(
            open(&cut, "Tổ Khu phố 3 năm 2026").unwrap_err().code,
            ErrorCode::DatabaseCorrupt
        );
        assert!(open(&plain, "x").is_err());
    }
}
