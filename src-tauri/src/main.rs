//! The desktop shell: a window over the core. Each command (declared once in `commands.rs`)
//! parses its arguments, calls one task of `ttq::app` and returns the answer; errors reach
//! the UI as `{code, message, detail, fields?, reason?}`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[macro_use]
mod commands;
mod backup;
mod dialog;
mod ledger;
mod lock;
mod members;
mod patrol;
mod practice;
mod report;
mod screen_lock;
mod session;
mod state;
mod sync;
mod todo;

/// The invoke handler for every declared command.
macro_rules! handler {
    ($($m:ident::$n:ident($($a:ident: $t:ty),* $(,)?) -> $r:ty;)*) => {
        tauri::generate_handler![$($m::$n),*]
    };
}

fn main() {
    state::run(for_each_command!(handler));
}
