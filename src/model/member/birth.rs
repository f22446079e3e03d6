//! A birth date as it is known: official lists often give only the year of birth.

use crate::date;
use chrono::{Datelike, NaiveDate};

/// A member's birth: the day, or the year alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Birth {
    Day(NaiveDate),
    Year(i32),
}

impl Birth {
    /// The stored form: an ISO date, or the four digits of the year.
    pub fn stored(self) -> String {
        match self {
            Birth::Day(d) => date::iso(d),
            Birth::Year(y) => format!("{y:04}"),
        }
    }

    /// Reads the stored form.
    pub fn from_stored(s: &str) -> Option<Birth> {
        if let Some(d) = date::from_iso(s) {
            return Some(Birth::Day(d));
        }
        year_alone(s).map(Birth::Year)
    }

    /// Reads the form's typed value: dd/mm/yyyy, or the year.
    pub fn from_typed(s: &str) -> Option<Birth> {
        match year_alone(s) {
            Some(y) => Some(Birth::Year(y)),
            None => date::parse(s).map(Birth::Day),
        }
    }

    /// As the form shows it: dd/mm/yyyy, or the year.
    pub fn shown(self) -> String {
        match self {
            Birth::Day(d) => date::format(d),
            Birth::Year(y) => format!("{y:04}"),
        }
    }

    /// The year of birth.
    pub fn year(self) -> i32 {
        match self {
            Birth::Day(d) => d.year(),
            Birth::Year(y) => y,
        }
    }

    /// Age on `on`; for a year alone, the age reached during `on`'s year (as people count
    /// it when only the year is known).
    pub fn age_on(self, on: NaiveDate) -> i32 {
        match self {
            Birth::Day(d) => date::age_on(d, on),
            Birth::Year(y) => on.year() - y,
        }
    }

    /// The earliest day the birth can be, to compare with other dates.
    pub fn earliest(self) -> NaiveDate {
        match self {
            Birth::Day(d) => d,
            Birth::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(NaiveDate::MIN),
        }
    }
}

/// "1980" → 1980: exactly four digits.
pub fn year_alone(s: &str) -> Option<i32> {
    let s = s.trim();
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_alone_is_kept_as_a_year() {
        let y = Birth::from_stored("1980").unwrap();
        assert_eq!(y, Birth::Year(1980));
        assert_eq!(y.stored(), "1980");
        assert_eq!(y.shown(), "1980");
        let on = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
        assert_eq!(y.age_on(on), 46);
        let d = Birth::from_stored("1980-05-12").unwrap();
        assert_eq!(d.shown(), "12/05/1980");
        assert_eq!(d.age_on(on), 45);
        assert_eq!(Birth::from_stored("80"), None);
        assert_eq!(Birth::from_stored("19801"), None);
    }
}
