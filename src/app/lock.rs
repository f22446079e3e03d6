//! The app lock on this computer: set, change or remove the PIN or passphrase, and unlock
//! with it or with the recovery code shown once at set-up. Wrong tries are counted in the
//! data file, so restarting the app does not reset the wait.

use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::lock;
use crate::store::Store;
use chrono::{DateTime, Utc};

const SECRET: &str = "lock:secret";
const RECOVERY: &str = "lock:recovery";
const IDLE: &str = "lock:idle_minutes";
const FAILURES: &str = "lock:failures";

/// Minutes of no use after which the app locks itself, when a lock is set.
pub fn idle_minutes(store: &Store) -> Result<Option<u32>> {
    if store.local_value(SECRET)?.is_none() {
        return Ok(None);
    }
    Ok(Some(
        store
            .local_value(IDLE)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(5),
    ))
}

fn random16() -> Result<[u8; 16]> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).map_err(|e| Error::internal(e.to_string()))?;
    Ok(b)
}

/// Wrong tries in a row and when the last one was.
fn failures(store: &Store) -> Result<(u32, Option<DateTime<Utc>>)> {
    let v = store.local_value(FAILURES)?.unwrap_or_default();
    let (n, at) = v.split_once('|').unwrap_or(("0", ""));
    let at = DateTime::parse_from_rfc3339(at)
        .ok()
        .map(|t| t.with_timezone(&Utc));
    Ok((n.parse().unwrap_or(0), at))
}

/// Checks what was typed against the PIN or the recovery code, counting wrong tries and
/// refusing, without checking, while the wait after them lasts.
fn check(store: &Store, typed: &str, field: &str, now: DateTime<Utc>) -> Result<()> {
    let (n, last) = failures(store)?;
    if let Some(last) = last {
        let until = last + lock::wait_after(n);
        if now < until {
            let secs = (until - now).num_seconds().max(1);
            return Err(Error::new(
                ErrorCode::Conflict,
                format!("Đã nhập sai {n} lần. Hãy chờ {secs} giây rồi thử lại."),
            ));
        }
    }
    let secret = store.local_value(SECRET)?.unwrap_or_default();
    let recovery = store.local_value(RECOVERY)?.unwrap_or_default();
    if lock::verify(typed, &secret) || lock::verify(&lock::normalise_recovery(typed), &recovery) {
        store.set_local_value(FAILURES, None)?;
        return Ok(());
    }
    let n = n + 1;
    let at = now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    store.set_local_value(FAILURES, Some(&format!("{n}|{at}")))?;
    let wait = lock::wait_after(n).num_seconds();
    let then = if wait > 0 {
        format!(" Lần thử tiếp theo sau {wait} giây.")
    } else {
        String::new()
    };
    Err(Error::invalid(vec![FieldError::new(
        field,
        format!("Mã khóa chưa đúng (đã sai {n} lần).{then}"),
    )]))
}

/// Sets the lock (or changes it, with the current PIN or recovery code) and returns the
/// new recovery code, to be shown once. It locks itself after `minutes` (1–120) unused.
pub fn set(
    store: &Store,
    current: Option<&str>,
    secret: &str,
    minutes: u32,
    now: DateTime<Utc>,
) -> Result<String> {
    if idle_minutes(store)?.is_some() {
        check(store, current.unwrap_or(""), "current", now)?;
    }
    let secret = lock::check_new(secret)?;
    if !(1..=120).contains(&minutes) {
        return Err(Error::invalid(vec![FieldError::new(
            "idle_minutes",
            "Số phút tự khóa từ 1 đến 120.",
        )]));
    }
    let code = lock::recovery_code(&random16()?);
    // The secret last: the lock is on only once everything it needs is written.
    store.set_local_value(RECOVERY, Some(&lock::hash(&code, &random16()?)?))?;
    store.set_local_value(IDLE, Some(&minutes.to_string()))?;
    store.set_local_value(FAILURES, None)?;
    store.set_local_value(SECRET, Some(&lock::hash(&secret, &random16()?)?))?;
    Ok(code)
}

/// Removes the lock, with the current PIN or recovery code.
pub fn remove(store: &Store, current: &str, now: DateTime<Utc>) -> Result<()> {
    if idle_minutes(store)?.is_none() {
        return Ok(());
    }
    check(store, current, "current", now)?;
    for k in [SECRET, RECOVERY, IDLE, FAILURES] {
        store.set_local_value(k, None)?;
    }
    Ok(())
}

/// Checks a PIN or recovery code typed on the lock screen.
pub fn unlock(store: &Store, typed: &str, now: DateTime<Utc>) -> Result<()> {
    if idle_minutes(store)?.is_none() {
        return Ok(());
    }
    check(store, typed, "secret", now)
}
