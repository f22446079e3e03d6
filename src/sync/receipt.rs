//! The ward's signed receipt: "Phường đã nhận báo cáo tháng M" for one package.

use super::keys::{sign, verify};
use crate::error::{Error, Reason, Result};
use serde::{Deserialize, Serialize};

/// The receipt format's name.
pub const FORMAT: &str = "ttq-receipt";
/// The receipt version this build writes (2 carries the ward's encryption key) and the
/// newest it reads.
pub const VERSION: u32 = 2;

/// What the ward received, signed by the ward's key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Receipt {
    pub format: String,
    pub version: u32,
    pub ward_name: String,
    pub commune_code: String,
    pub ward_public_key: String,
    pub group_id: String,
    pub group_name: String,
    /// `YYYY-MM`.
    pub period: String,
    /// SHA-256 of the package received.
    pub package_sha256: String,
    /// UTC, RFC 3339.
    pub received_at: String,
    /// The ward's encryption key (`age1…`), from version 2 on: a group without one pins it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ward_recipient: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Signed {
    receipt: Receipt,
    signature: String,
}

/// The receipt file's bytes: the receipt and its signature, as JSON.
pub fn write(receipt: Receipt, secret_hex: &str) -> Result<Vec<u8>> {
    let body = serde_json::to_vec(&receipt).map_err(|e| Error::internal(e.to_string()))?;
    let signature = sign(secret_hex, &body)?;
    serde_json::to_vec_pretty(&Signed { receipt, signature })
        .map_err(|e| Error::internal(e.to_string()))
}

/// Reads a receipt file and checks its signature.
pub fn read(bytes: &[u8]) -> Result<Receipt> {
    if bytes.len() > 64 * 1024 {
        return Err(Error::rejected(
            Reason::TooLarge,
            "Tệp quá lớn, không phải giấy biên nhận của phường.",
        ));
    }
    let signed: Signed = serde_json::from_slice(bytes).map_err(|_| {
        Error::rejected(
            Reason::NotAPackage,
            "Tệp không phải giấy biên nhận của phường hoặc đã bị hỏng.",
        )
    })?;
    if signed.receipt.format != FORMAT {
        return Err(Error::rejected(
            Reason::NotAPackage,
            "Tệp không phải giấy biên nhận của phường.",
        ));
    }
    if signed.receipt.version > VERSION {
        return Err(Error::rejected(
            Reason::TooNew,
            "Giấy biên nhận được tạo bởi phiên bản ứng dụng mới hơn. Hãy cập nhật ứng dụng.",
        ));
    }
    let body = serde_json::to_vec(&signed.receipt).map_err(|e| Error::internal(e.to_string()))?;
    if !verify(&signed.receipt.ward_public_key, &body, &signed.signature) {
        return Err(Error::rejected(
            Reason::BadSignature,
            "Chữ ký trên giấy biên nhận không đúng: tệp đã bị sửa. Hãy xin phường gửi lại.",
        ));
    }
    Ok(signed.receipt)
}
