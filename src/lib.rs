//! Tổ tự quản ANTT: the core. Domain types, storage, and everything the desktop app and
//! the `ttq` command-line tool do; it knows nothing of Tauri.

pub mod app;
pub mod backup;
pub mod clock;
pub mod date;
pub mod demo;
pub mod error;
pub mod figures;
pub mod ledger_sheet;
pub mod legacy_text;
pub mod lock;
pub mod member_sheet;
pub mod model;
pub mod places;
pub mod report;
pub mod roster;
pub mod save;
pub mod sealed;
pub mod session;
pub mod store;
pub mod sync;
pub mod text;

pub use error::{Error, ErrorCode, Reason, Result};
pub use store::Store;
