//! The layers of `docs/architecture.md`, held: what each part of the code may use, and how
//! long a file may grow.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file with one of `exts` below `dir` (relative to the repository).
fn files(dir: &str, exts: &[&str]) -> Vec<PathBuf> {
    fn walk(d: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                if !p.ends_with("bindings") && !p.ends_with("node_modules") {
                    walk(&p, exts, out);
                }
            } else if p.extension().is_some_and(|x| exts.iter().any(|e| x == *e)) {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join(dir), exts, &mut out);
    out.sort();
    out
}

/// The lines of the files below `dir` that contain any of `banned`, as "file:line: text".
fn uses(dir: &str, banned: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for f in files(dir, &["rs"]) {
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, line) in text.lines().enumerate() {
            if banned.iter().any(|b| line.contains(b)) && !line.trim_start().starts_with("//") {
                out.push(format!("{}:{}: {}", f.display(), i + 1, line.trim()));
            }
        }
    }
    out
}

#[test]
fn the_store_keeps_rows_and_uses_no_engine_or_task() {
    let found = uses(
        "src/store",
        &[
            "crate::report",
            "crate::sync",
            "crate::figures",
            "crate::roster",
            "crate::app",
        ],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_pure_engines_use_neither_the_store_nor_the_tasks() {
    for dir in [
        "src/model",
        "src/figures",
        "src/roster",
        "src/report",
        "src/sync",
        "src/places",
    ] {
        let found = uses(dir, &["crate::store", "crate::app", "rusqlite"]);
        assert!(found.is_empty(), "{dir}: {found:#?}");
    }
}

#[test]
fn the_domain_does_not_know_the_command_line_parser() {
    let found = uses("src", &["clap"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_cli_and_the_shell_reach_the_store_only_through_the_tasks() {
    for dir in ["cli/src", "src-tauri/src"] {
        let found: Vec<String> = files(dir, &["rs"])
            .iter()
            .flat_map(|f| {
                let text = std::fs::read_to_string(f).unwrap();
                text.lines()
                    .enumerate()
                    .filter(|(_, l)| {
                        (l.contains("store.") || l.contains("store().")) && {
                            // The handle goes to tasks as `store` or `s.store()`; only its
                            // path is read directly.
                            let calls: Vec<&str> = l
                                .split("store")
                                .skip(1)
                                .filter(|rest| rest.starts_with('.') || rest.starts_with("()."))
                                .collect();
                            calls.iter().any(|rest| {
                                let rest = rest.trim_start_matches("()").trim_start_matches('.');
                                !rest.starts_with("path()")
                            })
                        }
                    })
                    .map(|(i, l)| format!("{}:{}: {}", f.display(), i + 1, l.trim()))
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(found.is_empty(), "{dir}: {found:#?}");
    }
}

#[test]
fn no_source_file_is_over_600_lines() {
    let mut long = Vec::new();
    for dir in ["src", "cli", "src-tauri/src", "tests", "benches", "ui/src"] {
        for f in files(dir, &["rs", "ts", "svelte", "mjs"]) {
            let n = std::fs::read_to_string(&f).unwrap().lines().count();
            if n > 600 {
                long.push(format!("{}: {n} lines", f.display()));
            }
        }
    }
    assert!(long.is_empty(), "{long:#?}");
}
