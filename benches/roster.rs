//! Benchmark: a month's roster for 100 members, 3 patterns a night, 31 days
//! (target: under 100 ms in release). Run with `cargo bench --bench roster`.

use chrono::{Duration, NaiveDate};
use std::time::Instant;
use ttq::roster::generate::{generate, Candidate, Pattern, Request};

fn main() {
    let first = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let candidates: Vec<Candidate> = (0..100i32)
        .map(|i| Candidate {
            id: format!("m{i:03}"),
            not_eligible: (i % 17 == 0).then(|| "Chưa có giấy khám sức khỏe".to_string()),
            blocked_dates: (0..(i % 4))
                .map(|k| first + Duration::days((i * 7 + k * 5) as i64 % 31))
                .collect(),
            blocked_weekdays: [i % 9 == 0, false, false, false, false, i % 11 == 0, false],
            carry_over: (i % 5) - 2,
        })
        .collect();
    let patterns: Vec<Pattern> = ["Ca tối", "Ca đêm", "Ca rạng sáng"]
        .iter()
        .enumerate()
        .map(|(i, name)| Pattern {
            id: format!("p{i}"),
            name: name.to_string(),
            weekdays: [true; 7],
            needed: 3,
        })
        .collect();
    let req = Request {
        year: 2026,
        month: 12,
        patterns,
        candidates,
        max_consecutive: 3,
    };
    let mut times = Vec::new();
    let mut gaps = 0;
    for _ in 0..30 {
        let t = Instant::now();
        let r = generate(&req);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        gaps = r.gaps.len();
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "roster: 100 members, 3 patterns x 3 members, 31 nights: median {:.2} ms, max {:.2} ms ({gaps} gaps)",
        times[times.len() / 2],
        times[times.len() - 1]
    );
}
