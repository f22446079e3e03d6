//! Sync to the ward by file, as formats: keys, the signed export package, the facts its rows
//! hold, receipts, spreadsheets and the ward's encryption key. The tasks (export, import, status) are in `app::sync` and
//! `app::ward`; the rows they read and merge in `store::sync` and `store::ward`.

pub mod facts;
pub mod keys;
pub mod package;
pub mod receipt;
pub mod sheet;
pub mod ward_key;
