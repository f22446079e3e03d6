//! The group's own document settings, kept in `meta` on this computer (they do not travel
//! to the ward): whom the "Dân vận khéo" write-ups are addressed to, and who confirms the
//! monthly report.

use super::Store;
use crate::error::{Error, FieldError, Result};
use rusqlite::OptionalExtension;

/// A document setting of the group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// "Kính gửi: …" on the write-ups and the list of models.
    PracticeRecipient,
    /// Who confirms the monthly report beside the leader's signature ("Trưởng Khu phố 3");
    /// empty: no confirmation block.
    ReportConfirmation,
}

impl Setting {
    fn key(self) -> &'static str {
        match self {
            Setting::PracticeRecipient => "practice_recipient",
            Setting::ReportConfirmation => "report_confirmation",
        }
    }

    fn field(self) -> &'static str {
        match self {
            Setting::PracticeRecipient => "recipient",
            Setting::ReportConfirmation => "confirmation",
        }
    }
}

impl Store {
    /// A setting as typed (empty: not set).
    pub fn setting(&self, s: Setting) -> Result<String> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [s.key()], |r| {
                r.get(0)
            })
            .optional()?
            .unwrap_or_default())
    }

    /// Sets a setting (cleaned); empty clears it.
    pub fn set_setting(&mut self, s: Setting, text: &str) -> Result<()> {
        self.require_group()?;
        let text = crate::text::clean(text);
        if text.chars().count() > 200 {
            return Err(Error::invalid(vec![FieldError::new(
                s.field(),
                "Nội dung dài quá 200 ký tự. Hãy viết gọn lại.",
            )]));
        }
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [s.key(), &text],
        )?;
        Ok(())
    }
}
