//! Sync to the ward by file: keys, the signed export package, and receipts. What touches the
//! database (exporting rows, merging imports, the ward's tables) is in `store::sync`.

pub mod keys;
pub mod package;
pub mod receipt;
pub mod sheet;
