//! Calendar dates as the data file writes them (`YYYY-MM-DD`) and as people read them.

use std::fmt;

/// A calendar date. Ordering is chronological because the fields are compared year first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// How dates are written for people (`board.dateStyle`); `<time datetime>` always has the
/// ISO date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// `2026.07.12`, as Korean boards (and the ministry's English site) write them.
    Dotted,
    /// `12 July 2026`, `2026년 7월 12일`: the words of the interface language.
    Long,
}

impl DateStyle {
    /// The value in the data file (`"dotted"`, `"long"`).
    pub fn from_key(key: &str) -> Option<DateStyle> {
        match key {
            "dotted" => Some(DateStyle::Dotted),
            "long" => Some(DateStyle::Long),
            _ => None,
        }
    }
}

impl Date {
    /// Parses the strict `YYYY-MM-DD` form, rejecting days that do not exist (`2023-02-29`).
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = &text[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let year = number(0..4)?;
        let month = number(5..7)? as u8;
        let day = number(8..10)? as u8;
        let valid =
            year >= 1 && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before), for date arithmetic.
    pub fn day_number(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` days after 1970-01-01 (the inverse of [`Date::day_number`]).
    pub fn from_day_number(days: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let days = days + 719_468;
        let era = days.div_euclid(146_097);
        let day_of_era = days - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_index = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_index + 2) / 5 + 1;
        let month = if month_index < 10 {
            month_index + 3
        } else {
            month_index - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date {
            year: year.clamp(1, 9999) as u16,
            month: month as u8,
            day: day as u8,
        }
    }

    /// Published within the last `days` days before `today` (and not in the future).
    pub fn is_within_days_before(&self, today: Date, days: i64) -> bool {
        (0..days).contains(&(today.day_number() - self.day_number()))
    }

    /// The machine-readable form, for `<time datetime>`.
    pub fn iso(&self) -> String {
        self.to_string()
    }

    /// The dotted form Korean boards use: `2016.07.12`. (Long forms are the interface
    /// language's: [`crate::i18n::Text::date`].)
    pub fn dotted(&self) -> String {
        format!("{:04}.{:02}.{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_dates_including_leap_days() {
        assert_eq!(
            Date::parse("2016-07-12"),
            Some(Date {
                year: 2016,
                month: 7,
                day: 12
            })
        );
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2000-02-29").is_some());
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in [
            "",
            "2016-7-12",
            "2016.07.12",
            "12/07/2016",
            "2016-13-01",
            "2016-00-10",
            "2016-04-31",
            "2023-02-29",
            "1900-02-29",
            "0000-01-01",
            "2016-07-12T00:00",
            "２０１６-07-12",
            "+016-07-12",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad:?} should be rejected");
        }
    }

    #[test]
    fn orders_chronologically() {
        let earlier = Date::parse("2019-12-26").unwrap();
        let later = Date::parse("2020-01-02").unwrap();
        assert!(earlier < later);
    }

    #[test]
    fn counts_days_across_months_and_leap_years() {
        let day = |s| Date::parse(s).unwrap().day_number();
        assert_eq!(day("1970-01-01"), 0);
        assert_eq!(day("2000-03-01") - day("2000-02-28"), 2);
        assert_eq!(day("2027-01-01") - day("2026-12-25"), 7);
        assert_eq!(day("2026-11-28"), 20_785);
    }

    #[test]
    fn new_means_the_last_seven_days() {
        let today = Date::parse("2026-11-28").unwrap();
        let is_new = |s| Date::parse(s).unwrap().is_within_days_before(today, 7);
        assert!(is_new("2026-11-28"));
        assert!(is_new("2026-11-22"));
        assert!(!is_new("2026-11-21"));
        assert!(!is_new("2026-11-29"), "a future date is not new yet");
    }

    #[test]
    fn formats_for_machines_and_people() {
        let date = Date::parse("2016-07-02").unwrap();
        assert_eq!(date.iso(), "2016-07-02");
        assert_eq!(date.dotted(), "2016.07.02");
        let en = crate::i18n::Locale::En.text();
        let ko = crate::i18n::Locale::Ko.text();
        assert_eq!(en.date(&date, None), "2 July 2016");
        assert_eq!(ko.date(&date, None), "2016.07.02");
        assert_eq!(en.date(&date, Some(DateStyle::Dotted)), "2016.07.02");
        assert_eq!(ko.date(&date, Some(DateStyle::Long)), "2016년 7월 2일");
    }

    #[test]
    fn day_numbers_convert_back_to_dates() {
        for text in [
            "1970-01-01",
            "2000-02-29",
            "2016-07-12",
            "2026-12-31",
            "1969-12-31",
        ] {
            let date = Date::parse(text).unwrap();
            assert_eq!(Date::from_day_number(date.day_number()), date, "{text}");
        }
    }
}
