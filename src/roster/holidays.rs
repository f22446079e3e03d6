//! Vietnam's public holidays (Bộ luật Lao động 2019, Điều 112), for deciding which nights
//! count as holiday nights in a roster. The government sets the exact Tết and National Day
//! days each year; this uses the usual pattern: the last day of the lunar year and the
//! first four days of the new one, and 1–2 September.

use super::lunar;
use chrono::{Duration, NaiveDate};

/// A public holiday.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: &'static str,
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// The public holidays that fall in solar year `year`, in date order.
pub fn holidays(year: i32) -> Vec<Holiday> {
    let mut out = vec![Holiday {
        date: ymd(year, 1, 1),
        name: "Tết Dương lịch",
    }];
    // Tết of this solar year, and the eve of next year's Tết when it falls before 31/12
    // (it never does between 2020 and 2050, but the rule costs nothing).
    for lunar_year in [year, year + 1] {
        let first = lunar::tet(lunar_year);
        for d in -1..=3 {
            let date = first + Duration::days(d);
            if date.year_is(year) {
                out.push(Holiday {
                    date,
                    name: "Tết Nguyên đán",
                });
            }
        }
    }
    if let Some(d) = lunar::lunar_to_solar(10, 3, year) {
        out.push(Holiday {
            date: d,
            name: "Giỗ Tổ Hùng Vương",
        });
    }
    out.push(Holiday {
        date: ymd(year, 4, 30),
        name: "Ngày Giải phóng miền Nam",
    });
    out.push(Holiday {
        date: ymd(year, 5, 1),
        name: "Ngày Quốc tế Lao động",
    });
    out.push(Holiday {
        date: ymd(year, 9, 1),
        name: "Quốc khánh (ngày liền kề)",
    });
    out.push(Holiday {
        date: ymd(year, 9, 2),
        name: "Quốc khánh",
    });
    out.sort_by_key(|h| h.date);
    out
}

/// Whether `date` is a public holiday.
pub fn is_holiday(date: NaiveDate) -> bool {
    use chrono::Datelike;
    holidays(date.year()).iter().any(|h| h.date == date)
}

trait YearIs {
    fn year_is(&self, year: i32) -> bool;
}

impl YearIs for NaiveDate {
    fn year_is(&self, year: i32) -> bool {
        use chrono::Datelike;
        self.year() == year
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tet_2026_is_five_days_from_the_last_day_of_the_old_year() {
        let tet: Vec<NaiveDate> = holidays(2026)
            .into_iter()
            .filter(|h| h.name == "Tết Nguyên đán")
            .map(|h| h.date)
            .collect();
        assert_eq!(tet, (16..=20).map(|d| ymd(2026, 2, d)).collect::<Vec<_>>());
        assert!(is_holiday(ymd(2026, 2, 17)));
        assert!(is_holiday(ymd(2026, 4, 26)), "Giỗ Tổ 10/3 âm lịch");
        assert!(is_holiday(ymd(2026, 9, 2)));
        assert!(!is_holiday(ymd(2026, 2, 21)));
    }

    #[test]
    fn every_year_from_2020_to_2050_has_eleven_holidays() {
        for y in 2020..=2050 {
            let h = holidays(y);
            assert_eq!(h.len(), 11, "{y}: {h:?}");
            assert!(
                h.windows(2).all(|w| w[0].date < w[1].date),
                "{y}: distinct, ordered"
            );
        }
    }
}
