//! "Dân vận khéo" models (practices): register and edit them, write them up (versions kept),
//! measure their results from the records, finalise, and print.

use super::File;
use crate::date;
use crate::error::Result;
use crate::model::practice::{
    default_recipient, Measure, Practice, PracticeInput, PracticeRow, WriteupVersion,
};
use crate::report;
use crate::store::{Setting, Store};
use chrono::{DateTime, NaiveDate, Utc};

/// Every model with its counters, for the list and the ward.
pub fn list(store: &Store) -> Result<Vec<PracticeRow>> {
    store.list_practices()
}

/// One model with its write-up and results.
pub fn get(store: &Store, id: &str) -> Result<Practice> {
    store.practice(id)
}

/// Registers a model.
pub fn add(store: &mut Store, input: &PracticeInput, now: DateTime<Utc>) -> Result<Practice> {
    store.add_practice(input, now)
}

/// Changes a model's details and recognition.
pub fn edit(
    store: &mut Store,
    id: &str,
    input: &PracticeInput,
    now: DateTime<Utc>,
) -> Result<Practice> {
    store.edit_practice(id, input, now)
}

/// Saves the write-up's sections as typed (saves close together extend one version).
pub fn save_writeup(
    store: &mut Store,
    id: &str,
    sections: &[String],
    now: DateTime<Utc>,
) -> Result<Practice> {
    store.save_writeup(id, sections, now)
}

/// The write-up's versions.
pub fn versions(store: &Store, id: &str) -> Result<Vec<WriteupVersion>> {
    store.writeup_versions(id)
}

/// Restores an earlier version of the write-up (as a new version).
pub fn restore(store: &mut Store, id: &str, version: i32, now: DateTime<Utc>) -> Result<Practice> {
    store.restore_writeup(id, version, now)
}

/// Chooses the indicators and periods the results are measured on.
pub fn measure(store: &mut Store, id: &str, m: &Measure, now: DateTime<Utc>) -> Result<Practice> {
    store.set_measure(id, m, now)
}

/// Freezes the write-up and its results.
pub fn finalise(store: &mut Store, id: &str, now: DateTime<Utc>) -> Result<Practice> {
    store.finalise_practice(id, now)
}

/// Whom the write-ups and the list are addressed to ("Kính gửi: …"), the default if not set.
pub fn recipient(store: &Store) -> Result<String> {
    let typed = store.setting(Setting::PracticeRecipient)?;
    if typed.is_empty() {
        return Ok(default_recipient(&store.require_group()?.commune_name));
    }
    Ok(typed)
}

/// Sets whom the write-ups are addressed to (empty: the default) and answers the result.
pub fn set_recipient(store: &mut Store, text: &str) -> Result<String> {
    store.set_setting(Setting::PracticeRecipient, text)?;
    recipient(store)
}

fn document(store: &Store, id: &str, issued_on: NaiveDate) -> Result<(Practice, report::Document)> {
    let p = store.practice(id)?;
    let group = store.require_group()?;
    let doc = report::practice::document(&p, &group, &recipient(store)?, &date::iso(issued_on));
    Ok((p, doc))
}

/// A model's write-up laid out as it prints, dated `issued_on`, for the preview.
pub fn layout(store: &Store, id: &str, issued_on: NaiveDate) -> Result<report::Layout> {
    Ok(report::layout(&document(store, id, issued_on)?.1))
}

/// A model's write-up as a PDF dated `issued_on`, and whether it is finalised.
pub fn pdf(store: &Store, id: &str, issued_on: NaiveDate) -> Result<(File, bool)> {
    let (p, doc) = document(store, id, issued_on)?;
    let (_, bytes) = report::render(&doc);
    Ok((
        File {
            name: format!("Mo hinh - {}.pdf", super::file_safe(&p.name)),
            bytes,
        },
        p.finalised_at.is_some(),
    ))
}

/// The list of models for the ward, as a PDF dated `issued_on`.
pub fn list_pdf(store: &Store, issued_on: NaiveDate) -> Result<File> {
    let rows = store.list_practices()?;
    let group = store.require_group()?;
    let (_, bytes) = report::render(&report::practice::list_document(
        &rows,
        &group,
        &recipient(store)?,
        &date::iso(issued_on),
    ));
    Ok(File {
        name: "Danh sach mo hinh.pdf".into(),
        bytes,
    })
}
