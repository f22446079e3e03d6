//! Where "now" comes from. Core functions take `now` as an argument; only the programs at
//! the edge (the CLI, the desktop shell) read a clock, and they read this one.
//!
//! For tests, `TTQ_TEST_NOW` (an RFC 3339 instant, e.g. `2026-12-02T00:30:00+07:00`) starts
//! the clock at that instant; it then ticks as usual, so revisions stay ordered. The app never
//! sets it (README, "The two commands").

use crate::error::{Error, ErrorCode, Result};
use chrono::{DateTime, TimeDelta, Utc};

/// The environment variable that starts the clock at a chosen instant (tests only).
pub const TEST_NOW_VAR: &str = "TTQ_TEST_NOW";

/// A wall clock, possibly shifted to start at a chosen instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Clock {
    skew: TimeDelta,
}

impl Clock {
    /// The system clock, or the test instant when `TTQ_TEST_NOW` is set.
    pub fn from_env() -> Result<Clock> {
        match std::env::var(TEST_NOW_VAR) {
            Ok(v) if !v.trim().is_empty() => {
                let t = DateTime::parse_from_rfc3339(v.trim()).map_err(|e| {
                    Error::new(
                        ErrorCode::Invalid,
                        format!(
                            "Biến môi trường {TEST_NOW_VAR} (chỉ dùng khi kiểm thử) chưa đúng dạng thời điểm, ví dụ 2026-12-02T00:30:00+07:00. Hãy bỏ biến này đi."
                        ),
                    )
                    .with_detail(e.to_string())
                })?;
                Ok(Clock::starting_at(t.with_timezone(&Utc)))
            }
            _ => Ok(Clock::default()),
        }
    }

    /// A clock that reads `start` now and ticks from there.
    pub fn starting_at(start: DateTime<Utc>) -> Clock {
        Clock {
            skew: start - Utc::now(),
        }
    }

    /// The current instant.
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.skew
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_started_clock_reads_its_start_and_ticks() {
        let start = DateTime::parse_from_rfc3339("2026-12-01T17:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let c = Clock::starting_at(start);
        let a = c.now();
        assert!(a >= start && a - start < TimeDelta::seconds(5), "{a}");
        assert!(c.now() >= a);
    }
}
