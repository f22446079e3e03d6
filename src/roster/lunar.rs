//! The Vietnamese lunar calendar (âm lịch), computed for the meridian of UTC+7.
//! Astronomical algorithm after Hồ Ngọc Đức ("Âm lịch Việt Nam"), from Jean Meeus'
//! "Astronomical Algorithms": new moons and the sun's longitude give the months; month 11
//! holds the winter solstice; a year with 13 months repeats the first month without a
//! major solar term. Vietnam's calendar differs from China's in some years because it is
//! computed at UTC+7, which is why this is not a table copied from a Chinese source.

use chrono::NaiveDate;
use std::f64::consts::PI;

const TZ: f64 = 7.0;

fn jd_from_date(d: NaiveDate) -> i64 {
    use chrono::Datelike;
    let (dd, mm, yy) = (d.day() as i64, d.month() as i64, d.year() as i64);
    let a = (14 - mm) / 12;
    let y = yy + 4800 - a;
    let m = mm + 12 * a - 3;
    dd + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
}

fn date_from_jd(jd: i64) -> NaiveDate {
    let a = jd + 32044;
    let b = (4 * a + 3) / 146097;
    let c = a - b * 146097 / 4;
    let d = (4 * c + 3) / 1461;
    let e = c - 1461 * d / 4;
    let m = (5 * e + 2) / 153;
    let day = e - (153 * m + 2) / 5 + 1;
    let month = m + 3 - 12 * (m / 10);
    let year = b * 100 + d - 4800 + m / 10;
    NaiveDate::from_ymd_opt(year as i32, month as u32, day as u32).expect("valid Julian day")
}

/// Julian day (local, UTC+7) of the k-th new moon after 1/1/1900.
fn new_moon_day(k: i64) -> i64 {
    let k = k as f64;
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let mut jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
    jd1 += 0.00033 * ((166.56 + 132.87 * t - 0.009173 * t2) * dr).sin();
    let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
    let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
    let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
    let mut c1 = (0.1734 - 0.000393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin();
    c1 = c1 - 0.4068 * (mpr * dr).sin() + 0.0161 * (dr * 2.0 * mpr).sin();
    c1 -= 0.0004 * (dr * 3.0 * mpr).sin();
    c1 = c1 + 0.0104 * (dr * 2.0 * f).sin() - 0.0051 * (dr * (m + mpr)).sin();
    c1 = c1 - 0.0074 * (dr * (m - mpr)).sin() + 0.0004 * (dr * (2.0 * f + m)).sin();
    c1 = c1 - 0.0004 * (dr * (2.0 * f - m)).sin() - 0.0006 * (dr * (2.0 * f + mpr)).sin();
    c1 = c1 + 0.0010 * (dr * (2.0 * f - mpr)).sin() + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let deltat = if t < -11.0 {
        0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    } else {
        -0.000278 + 0.000265 * t + 0.000262 * t2
    };
    let jd_new = jd1 + c1 - deltat;
    (jd_new + 0.5 + TZ / 24.0).floor() as i64
}

/// The sun's longitude at local midnight of Julian day `jdn`, as a major term 0..11.
fn sun_longitude_term(jdn: i64) -> i64 {
    let t = (jdn as f64 - 2451545.5 - TZ / 24.0) / 36525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    let mut dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * (dr * m).sin();
    dl += (0.019993 - 0.000101 * t) * (dr * 2.0 * m).sin() + 0.000290 * (dr * 3.0 * m).sin();
    let mut l = (l0 + dl) * dr;
    l -= PI * 2.0 * (l / (PI * 2.0)).floor();
    (l / PI * 6.0).floor() as i64
}

/// Julian day of the start of lunar month 11 (the month with the winter solstice) of year `yy`.
fn lunar_month_11(yy: i32) -> i64 {
    let off = jd_from_date(NaiveDate::from_ymd_opt(yy, 12, 31).expect("valid")) - 2415021;
    let k = (off as f64 / 29.530588853).floor() as i64;
    let nm = new_moon_day(k);
    if sun_longitude_term(nm) >= 9 {
        new_moon_day(k - 1)
    } else {
        nm
    }
}

/// Which month after month 11 is the leap month, in a 13-month year starting at `a11`.
fn leap_month_offset(a11: i64) -> i64 {
    let k = ((a11 as f64 - 2415021.076998695) / 29.530588853 + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = sun_longitude_term(new_moon_day(k + i));
    loop {
        let last = arc;
        i += 1;
        arc = sun_longitude_term(new_moon_day(k + i));
        if arc == last || i >= 14 {
            break;
        }
    }
    i - 1
}

/// The solar date of lunar day `day` of (non-leap) lunar month `month` of lunar year `year`.
/// Returns `None` for a day the month does not have.
pub fn lunar_to_solar(day: u32, month: u32, year: i32) -> Option<NaiveDate> {
    let (a11, b11) = if month < 11 {
        (lunar_month_11(year - 1), lunar_month_11(year))
    } else {
        (lunar_month_11(year), lunar_month_11(year + 1))
    };
    let k = (0.5 + (a11 as f64 - 2415021.076998695) / 29.530588853).floor() as i64;
    let mut off = month as i64 - 11;
    if off < 0 {
        off += 12;
    }
    if b11 - a11 > 365 {
        // A 13-month year: months from the leap month on sit one new moon later.
        if off >= leap_month_offset(a11) {
            off += 1;
        }
    }
    let month_start = new_moon_day(k + off);
    let next_start = new_moon_day(k + off + 1);
    let jd = month_start + day as i64 - 1;
    (day >= 1 && jd < next_start).then(|| date_from_jd(jd))
}

/// The first day of the lunar year that starts in solar year `year` (mùng 1 Tết).
pub fn tet(year: i32) -> NaiveDate {
    lunar_to_solar(1, 1, year).expect("every lunar month has a first day")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn tet_dates_match_the_published_calendar() {
        let known = [
            (2020, d(2020, 1, 25)),
            (2021, d(2021, 2, 12)),
            (2022, d(2022, 2, 1)),
            (2023, d(2023, 1, 22)),
            (2024, d(2024, 2, 10)),
            (2025, d(2025, 1, 29)),
            (2026, d(2026, 2, 17)),
            (2027, d(2027, 2, 6)),
            (2028, d(2028, 1, 26)),
            (2029, d(2029, 2, 13)),
            // The new moon falls at 23:07 on 2 February in Vietnam, 00:07 on 3 February in
            // China: Vietnam's Tết 2030 is a day before China's Spring Festival.
            (2030, d(2030, 2, 2)),
        ];
        for (y, date) in known {
            assert_eq!(tet(y), date, "Tết {y}");
        }
    }

    #[test]
    fn hung_kings_day_is_the_tenth_of_the_third_month() {
        assert_eq!(lunar_to_solar(10, 3, 2024), Some(d(2024, 4, 18)));
        assert_eq!(lunar_to_solar(10, 3, 2025), Some(d(2025, 4, 7)));
        assert_eq!(lunar_to_solar(10, 3, 2026), Some(d(2026, 4, 26)));
    }

    #[test]
    fn julian_days_round_trip() {
        for jd in (2_440_000..2_480_000).step_by(37) {
            assert_eq!(jd_from_date(date_from_jd(jd)), jd);
        }
    }

    #[test]
    fn tet_falls_between_21_january_and_20_february_every_year() {
        for y in 2020..=2050 {
            let t = tet(y);
            assert!(t >= d(y, 1, 21) && t <= d(y, 2, 20), "{y}: {t}");
        }
    }
}
