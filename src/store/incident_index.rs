//! The incident list held in memory for search and filtering. A ward can hold 100,000
//! incidents; scanning their folded text in memory answers a search in milliseconds, where
//! SQLite would read every wide row. This store's own writes update one entry; the whole index
//! is read again only when another connection (the CLI, say) has committed since.

use crate::model::incident::{IncidentFilter, IncidentRow, IncidentStatus};
use crate::text::fold;
use std::collections::HashMap;

/// One incident as the list needs it.
pub(super) struct Entry {
    pub group_id: String,
    pub row: IncidentRow,
    /// Folded title, description, place and landmark.
    pub text: String,
}

/// All incidents, newest first, and the database version they were read at.
pub(super) struct IncidentIndex {
    pub data_version: i64,
    pub entries: Vec<Entry>,
}

/// The list's order, newest first: date, then time (none last), then id.
fn newer_first(e: &Entry) -> std::cmp::Reverse<(&str, Option<&str>, &str)> {
    std::cmp::Reverse((
        e.row.occurred_on.as_str(),
        e.row.occurred_time.as_deref(),
        e.row.id.as_str(),
    ))
}

impl IncidentIndex {
    /// Puts `entry` in place of the entry with the same id (or adds it), keeping the order.
    pub fn upsert(&mut self, entry: Entry) {
        self.entries.retain(|e| e.row.id != entry.row.id);
        let key = newer_first(&entry);
        let at = self.entries.partition_point(|e| newer_first(e) < key);
        self.entries.insert(at, entry);
    }

    /// The rows of `group_id` that pass `filter`, newest first, and how many there are in all.
    /// Every search word must occur in the folded text ("hao" finds "Hảo", "dang" finds "Đặng").
    pub fn query(
        &self,
        group_id: &str,
        filter: &IncidentFilter,
        month: Option<&(String, String)>,
        names: &HashMap<String, String>,
    ) -> (Vec<IncidentRow>, u32) {
        let folded = fold(&filter.search);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        let status = filter.status.map(IncidentStatus::as_str);
        // A search finds an incident by what it is too: its category's and status's names.
        let category_text: HashMap<&str, String> =
            names.iter().map(|(c, n)| (c.as_str(), fold(n))).collect();
        let status_text: HashMap<&str, String> = IncidentStatus::ALL
            .iter()
            .map(|s| (s.as_str(), fold(s.label())))
            .collect();
        let mut total = 0u32;
        let mut items = Vec::new();
        let limit = filter.limit.map_or(usize::MAX, |l| l as usize);
        for e in &self.entries {
            let r = &e.row;
            let ok = e.group_id == group_id
                && (filter.include_struck || !r.struck)
                && month.is_none_or(|(from, to)| r.occurred_on >= *from && r.occurred_on < *to)
                && filter.category.as_ref().is_none_or(|c| *c == r.category)
                && status.is_none_or(|s| s == r.status.as_str())
                && words.iter().all(|w| {
                    e.text.contains(w)
                        || category_text
                            .get(r.category.as_str())
                            .is_some_and(|t| t.contains(w))
                        || status_text
                            .get(r.status.as_str())
                            .is_some_and(|t| t.contains(w))
                });
            if ok {
                total += 1;
                if items.len() < limit {
                    let mut row = r.clone();
                    if let Some(n) = names.get(&row.category) {
                        row.category_name = n.clone();
                    }
                    items.push(row);
                }
            }
        }
        (items, total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, on: &str, time: Option<&str>) -> Entry {
        Entry {
            group_id: "g".into(),
            row: IncidentRow {
                id: id.into(),
                occurred_on: on.into(),
                occurred_time: time.map(str::to_string),
                time_approx: false,
                place: String::new(),
                category: "khac".into(),
                category_name: String::new(),
                title: id.into(),
                status: IncidentStatus::Moi,
                valuable_tip: false,
                struck: false,
            },
            text: id.into(),
        }
    }

    fn order(i: &IncidentIndex) -> Vec<&str> {
        i.entries.iter().map(|e| e.row.id.as_str()).collect()
    }

    #[test]
    fn upsert_keeps_newest_first_and_replaces_by_id() {
        let mut i = IncidentIndex {
            data_version: 0,
            entries: Vec::new(),
        };
        i.upsert(entry("a", "2026-11-02", Some("08:00")));
        i.upsert(entry("b", "2026-11-03", None));
        i.upsert(entry("c", "2026-11-03", Some("23:00")));
        i.upsert(entry("d", "2026-11-01", Some("01:00")));
        // Same day: a time sorts before no time (as SQLite orders NULLs last when descending).
        assert_eq!(order(&i), ["c", "b", "a", "d"]);
        i.upsert(entry("d", "2026-11-04", None));
        assert_eq!(order(&i), ["d", "c", "b", "a"]);
    }
}
