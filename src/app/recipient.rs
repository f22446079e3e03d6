//! The ward's encryption key on the group's side: pinned from the ward's key file (or from
//! its first receipt that carries one), so that the month's files only the ward can open.

use crate::error::{Error, Reason, Result};
use crate::model::ward::{fingerprint, RecipientPreview, WardRecipient};
use crate::store::Store;
use crate::sync::ward_key;
use chrono::{DateTime, Utc};

/// Where the pinned key is kept: this computer's `meta` (it never travels in a package).
const PINNED: &str = "ward_recipient";

/// How the ward's key file is taken.
#[derive(Debug, Clone, Default)]
pub struct PinOptions {
    /// Only say what it would do.
    pub dry_run: bool,
    /// A key other than the pinned one, confirmed by this person at the ward (by phone).
    pub confirmed_by: Option<String>,
}

/// The ward's key the group encrypts to, if one is pinned.
pub fn pinned(store: &Store) -> Result<Option<WardRecipient>> {
    match store.local_value(PINNED)? {
        None => Ok(None),
        Some(json) => serde_json::from_str(&json)
            .map(Some)
            .map_err(|e| Error::internal(format!("pinned ward key unreadable: {e}"))),
    }
}

fn save(store: &Store, key: &WardRecipient) -> Result<()> {
    let json = serde_json::to_string(key).map_err(|e| Error::internal(e.to_string()))?;
    store.set_local_value(PINNED, Some(&json))
}

/// Reads the ward's key file and pins it: it must be signed by the ward, for the group's
/// own commune, and, if it differs from the key pinned before (or was signed by another
/// key than the ward's receipts), confirmed by someone at the ward.
pub fn pin(
    store: &mut Store,
    bytes: &[u8],
    opts: &PinOptions,
    now: DateTime<Utc>,
) -> Result<RecipientPreview> {
    let group = store.require_group()?;
    let key = ward_key::read(bytes)?;
    if key.commune_code != group.commune_code {
        return Err(Error::rejected(
            Reason::WrongCommune,
            format!(
                "Tệp khóa này của {} (mã {}), không phải của {} nơi tổ hoạt động (mã {}). Hãy xin đúng tệp khóa của phường, xã mình.",
                key.ward_name, key.commune_code, group.commune_name, group.commune_code
            ),
        ));
    }
    let before = pinned(store)?;
    let unchanged = before
        .as_ref()
        .is_some_and(|b| b.recipient == key.recipient);
    let replaces = match &before {
        Some(b) if !unchanged => Some(b.fingerprint.clone()),
        // A first key signed by another key than the ward's receipts is a change too.
        None => store
            .pinned_ward_key()?
            .filter(|k| *k != key.signing_key)
            .map(|_| "khóa ký trên biên nhận của phường".to_string()),
        _ => None,
    };
    let confirmed_by = opts
        .confirmed_by
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    let pinned_key = WardRecipient {
        fingerprint: key.fingerprint(),
        ward_name: key.ward_name,
        commune_code: key.commune_code,
        recipient: key.recipient,
        signing_key: key.signing_key,
        pinned_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        source: "tệp khóa".into(),
        confirmed_by: replaces.as_ref().and(confirmed_by),
    };
    if !opts.dry_run && !unchanged {
        if let (Some(old), None) = (&replaces, &pinned_key.confirmed_by) {
            return Err(Error::rejected(
                Reason::WardKeyChanged,
                format!(
                    "Tệp khóa này khác khóa của phường đã ghi nhận ({old}); mã kiểm tra mới là {}. Hãy gọi điện cho cán bộ phường để so mã mới, rồi ghi tên người đã xác nhận.",
                    pinned_key.fingerprint
                ),
            ));
        }
        save(store, &pinned_key)?;
    }
    Ok(RecipientPreview {
        key: pinned_key,
        replaces,
        unchanged,
        applied: !opts.dry_run,
    })
}

/// Pins the encryption key a receipt from the ward carries when the group has none yet
/// (the receipt's signature and the ward's signing key are already checked); the
/// fingerprint when it did.
pub fn pin_from_receipt(
    store: &Store,
    ward_name: &str,
    commune_code: &str,
    signing_key: &str,
    recipient: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<String>> {
    let Some(recipient) = recipient else {
        return Ok(None);
    };
    if pinned(store)?.is_some()
        || store.require_group()?.commune_code != commune_code
        || recipient.parse::<age::x25519::Recipient>().is_err()
    {
        return Ok(None);
    }
    let key = WardRecipient {
        ward_name: ward_name.to_string(),
        commune_code: commune_code.to_string(),
        recipient: recipient.to_string(),
        signing_key: signing_key.to_string(),
        fingerprint: fingerprint(recipient),
        pinned_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        source: "biên nhận".into(),
        confirmed_by: None,
    };
    save(store, &key)?;
    Ok(Some(key.fingerprint))
}
