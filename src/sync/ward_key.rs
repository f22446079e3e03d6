//! The ward's encryption key (age X25519): the small text file a ward hands its groups,
//! signed with the ward's signing key, and packages encrypted to it. A group that has
//! pinned the key sends files only that ward can open; the signed package inside is
//! unchanged. Plain functions over bytes and strings.

use super::keys::{sign, verify};
use crate::error::{Error, Reason, Result};
use crate::model::ward::fingerprint;
use age::secrecy::ExposeSecret;

/// The key file format's name.
pub const FORMAT: &str = "ttq-ward-key";
/// Largest key file accepted (a real one is well under 1 KB).
const MAX_KEY_FILE: usize = 8 * 1024;

/// A new identity: (the secret `AGE-SECRET-KEY-1…`, the public recipient `age1…`).
pub fn generate() -> (String, String) {
    let id = age::x25519::Identity::generate();
    (
        id.to_string().expose_secret().to_string(),
        id.to_public().to_string(),
    )
}

/// The recipient (`age1…`) of a stored identity.
pub fn recipient_of(identity: &str) -> Result<String> {
    let id: age::x25519::Identity = identity
        .parse()
        .map_err(|_| Error::internal("stored ward identity is not an age X25519 key"))?;
    Ok(id.to_public().to_string())
}

/// What a ward key file says, its signature checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WardKey {
    pub ward_name: String,
    pub commune_code: String,
    /// The age X25519 recipient, `age1…`.
    pub recipient: String,
    /// The ward's Ed25519 signing key (hex), the one its receipts are signed with.
    pub signing_key: String,
}

impl WardKey {
    /// The short code read out by phone to compare the key.
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.recipient)
    }

    /// The lines the signature covers.
    fn message(&self) -> String {
        format!(
            "{FORMAT}\n1\n{}\n{}\n{}\n{}",
            self.ward_name, self.commune_code, self.recipient, self.signing_key
        )
    }
}

/// The key file's text: a few Vietnamese lines for whoever opens it in Notepad, then the
/// fields and the ward's signature over them. Lines end in CRLF, as Windows' own text files
/// do (older Notepads show LF-only files as one long line).
pub fn write(key: &WardKey, secret_hex: &str) -> Result<String> {
    let signature = sign(secret_hex, key.message().as_bytes())?;
    let text = format!(
        "# Khóa mã hóa của {name} (mã {code}), dùng trong ứng dụng Tổ tự quản ANTT.\n\
         # Tổ trưởng mở “Gửi phường”, bấm “Ghi nhận khóa của phường…” và chọn tệp này.\n\
         # Từ đó tệp gửi phường được mã hóa: chỉ {name} mở được.\n\
         # Mã kiểm tra (đọc qua điện thoại để so): {fp}\n\
         format: {FORMAT}\n\
         version: 1\n\
         ward_name: {name}\n\
         commune_code: {code}\n\
         recipient: {recipient}\n\
         signing_key: {signing}\n\
         signature: {signature}\n",
        name = key.ward_name,
        code = key.commune_code,
        fp = key.fingerprint(),
        recipient = key.recipient,
        signing = key.signing_key,
    );
    Ok(text.replace('\n', "\r\n"))
}

fn not_a_key() -> Error {
    Error::rejected(
        Reason::NotAPackage,
        "Tệp này không phải tệp khóa của phường (tệp .txt phường gửi, có dòng “format: ttq-ward-key”). Hãy xin phường gửi lại tệp khóa.",
    )
}

/// Reads a key file (as saved, or after Notepad added a BOM and CRLF) and checks the ward's
/// signature over it.
pub fn read(bytes: &[u8]) -> Result<WardKey> {
    if bytes.len() > MAX_KEY_FILE {
        return Err(not_a_key());
    }
    let text = std::str::from_utf8(bytes).map_err(|_| not_a_key())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut fields = std::collections::BTreeMap::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (k, v) = line.split_once(':').ok_or_else(not_a_key)?;
        fields.insert(k.trim(), v.trim());
    }
    let field = |k: &str| fields.get(k).copied().ok_or_else(not_a_key);
    if field("format")? != FORMAT {
        return Err(not_a_key());
    }
    if field("version")? != "1" {
        return Err(Error::rejected(
            Reason::TooNew,
            "Tệp khóa được tạo bởi phiên bản ứng dụng mới hơn. Hãy cập nhật ứng dụng rồi ghi nhận lại.",
        ));
    }
    let key = WardKey {
        ward_name: crate::text::nfc(field("ward_name")?),
        commune_code: field("commune_code")?.to_string(),
        recipient: field("recipient")?.to_string(),
        signing_key: field("signing_key")?.to_string(),
    };
    if key.recipient.parse::<age::x25519::Recipient>().is_err() {
        return Err(not_a_key());
    }
    if !verify(
        &key.signing_key,
        key.message().as_bytes(),
        field("signature")?,
    ) {
        return Err(Error::rejected(
            Reason::BadSignature,
            "Chữ ký trong tệp khóa không đúng: tệp đã bị sửa sau khi phường lưu. Hãy xin phường gửi lại tệp khóa.",
        ));
    }
    Ok(key)
}

/// `plain` encrypted to the ward's recipient: an age file, binary.
pub fn encrypt(recipient: &str, plain: &[u8]) -> Result<Vec<u8>> {
    let r: age::x25519::Recipient = recipient
        .parse()
        .map_err(|_| Error::internal("pinned ward recipient is not an age X25519 key"))?;
    age::encrypt(&r, plain).map_err(|e| Error::internal(e.to_string()))
}

/// What is inside an age file: a package encrypted to a ward, a copy sealed with a
/// passphrase, or something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sealing {
    /// Encrypted to one or more X25519 recipients.
    ToWard,
    /// Sealed with a passphrase (a backup copy for USB).
    Passphrase,
    /// Not an age file.
    None,
}

/// How `bytes` are sealed, read from the age header's first stanza.
pub fn sealing(bytes: &[u8]) -> Sealing {
    let Some(rest) = bytes.strip_prefix(b"age-encryption.org/v1\n") else {
        return Sealing::None;
    };
    if rest.starts_with(b"-> scrypt ") {
        Sealing::Passphrase
    } else {
        Sealing::ToWard
    }
}

/// The package inside a file encrypted to the ward whose identity this is; a file for
/// another ward, a backup copy or a damaged file is refused in one sentence.
pub fn decrypt(identity: &str, sealed: &[u8]) -> Result<Vec<u8>> {
    if sealing(sealed) == Sealing::Passphrase {
        return Err(Error::rejected(
            Reason::NotAPackage,
            "Tệp này là bản sao lưu có mật khẩu, không phải tệp báo cáo tổ gửi phường. Hãy chọn đúng tệp tổ gửi.",
        ));
    }
    let id: age::x25519::Identity = identity
        .parse()
        .map_err(|_| Error::internal("stored ward identity is not an age X25519 key"))?;
    if sealed.len() as u64 > super::package::MAX_PACKAGE_BYTES + 64 * 1024 {
        return Err(Error::rejected(
            Reason::TooLarge,
            "Tệp quá lớn (trên 20 MB), không phải tệp báo cáo của tổ. Hãy kiểm tra lại tệp.",
        ));
    }
    age::decrypt(&id, sealed).map_err(|e| match e {
        age::DecryptError::NoMatchingKeys => Error::rejected(
            Reason::OtherWard,
            "Tệp này được mã hóa cho một phường, xã khác nên phường không mở được. Hãy báo tổ ghi nhận đúng khóa của phường rồi xuất lại tệp.",
        ),
        other => Error::rejected(
            Reason::Damaged,
            "Tệp đã mã hóa bị hỏng hoặc thiếu (có thể do chép, tải về chưa xong). Hãy xin tổ gửi lại tệp.",
        )
        .with_detail(other.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::keys;

    fn key(signing: &keys::KeyPair) -> (WardKey, String) {
        let (identity, recipient) = generate();
        (
            WardKey {
                ward_name: "Phường Yên Hải".into(),
                commune_code: "07069".into(),
                recipient,
                signing_key: signing.public_hex.clone(),
            },
            identity,
        )
    }

    #[test]
    fn a_key_file_reads_back_after_notepad_and_refuses_an_edit() {
        let signing = keys::generate().unwrap();
        let (k, identity) = key(&signing);
        assert_eq!(recipient_of(&identity).unwrap(), k.recipient);
        let text = write(&k, &signing.secret_hex).unwrap();
        assert!(text.contains(&k.fingerprint()));
        assert_eq!(read(text.as_bytes()).unwrap(), k);
        // Written with Windows line ends; read back as Notepad saves it (with a BOM) and as a
        // Linux editor saves it (LF only).
        assert!(text.split_inclusive('\n').all(|l| l.ends_with("\r\n")));
        let notepad = format!("\u{feff}{text}");
        assert_eq!(read(notepad.as_bytes()).unwrap(), k);
        assert_eq!(read(text.replace("\r\n", "\n").as_bytes()).unwrap(), k);
        let (other, _) = key(&signing);
        let swapped = text.replace(&k.recipient, &other.recipient);
        assert_eq!(
            read(swapped.as_bytes()).unwrap_err().reason,
            Some(Reason::BadSignature)
        );
        assert_eq!(
            read(b"age1abc").unwrap_err().reason,
            Some(Reason::NotAPackage)
        );
    }

    #[test]
    fn only_the_ward_opens_what_is_encrypted_to_it() {
        let signing = keys::generate().unwrap();
        let (ours, identity) = key(&signing);
        let (_, someone_else) = key(&signing);
        let sealed = encrypt(&ours.recipient, b"PK\x03\x04 the package").unwrap();
        assert_eq!(sealing(&sealed), Sealing::ToWard);
        assert_eq!(
            decrypt(&identity, &sealed).unwrap(),
            b"PK\x03\x04 the package"
        );
        assert_eq!(
            decrypt(&someone_else, &sealed).unwrap_err().reason,
            Some(Reason::OtherWard)
        );
        let cut = &sealed[..sealed.len() - 7];
        assert_eq!(
            decrypt(&identity, cut).unwrap_err().reason,
            Some(Reason::Damaged)
        );
        let backup = crate::sealed::seal(b"SQLite", "một câu dễ nhớ").unwrap();
        assert_eq!(sealing(&backup), Sealing::Passphrase);
        assert_eq!(
            decrypt(&identity, &backup).unwrap_err().reason,
            Some(Reason::NotAPackage)
        );
        assert_eq!(sealing(b"PK\x03\x04"), Sealing::None);
    }
}
