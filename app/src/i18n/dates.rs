//! Dates as readers of each edition expect them ("19 avril 2015", "19 أبريل 2015",
//! "19 April 2015"). Our own small function: no date library in the WASM bundle.

use super::Lang;

/// Formats the date part of a stored ISO-8601 timestamp (`2015-04-19T08:00:00Z`) for
/// `lang`. A value that is not a date is shown as it is rather than hidden.
pub fn format_date(lang: Lang, iso: &str) -> String {
    let Some((year, month, day)) = parse_ymd(iso) else {
        return iso.to_owned();
    };
    let months = match lang {
        Lang::Fr => &super::fr::MONTHS,
        Lang::Ar => &super::ar::MONTHS,
        Lang::En => &super::en::MONTHS,
    };
    let month_name = months[(month - 1) as usize];
    match (lang.info().first_day, day) {
        (Some(first), 1) => format!("{first} {month_name} {year}"),
        _ => format!("{day} {month_name} {year}"),
    }
}

/// The year of a stored timestamp, for archives and copyright lines.
pub fn year_of(iso: &str) -> Option<i32> {
    parse_ymd(iso).map(|(y, _, _)| y)
}

fn parse_ymd(iso: &str) -> Option<(i32, u32, u32)> {
    let date = iso.get(0..10)?;
    let mut parts = date.split('-');
    let year = parts.next()?.parse::<i32>().ok()?;
    let month = parts.next()?.parse::<u32>().ok()?;
    let day = parts.next()?.parse::<u32>().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day))
}

/// A length in seconds as a clock shows it, the same in every edition: `75` → `1:15`
/// (episode lengths on pages, in the player and in the podcast feed).
pub fn clock(seconds: f64) -> String {
    let total = seconds.max(0.0).floor() as u64;
    format!("{}:{:02}", total / 60, total % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally_in_each_language() {
        let iso = "2015-04-19T08:00:00Z";
        assert_eq!(format_date(Lang::Fr, iso), "19 avril 2015");
        assert_eq!(format_date(Lang::Ar, iso), "19 أبريل 2015");
        assert_eq!(format_date(Lang::En, iso), "19 April 2015");
        assert_eq!(
            format_date(Lang::Fr, "2017-01-01T00:00:00Z"),
            "1er janvier 2017"
        );
        assert_eq!(format_date(Lang::Ar, "2020-08-03"), "3 غشت 2020");
    }

    #[test]
    fn malformed_dates_are_shown_verbatim() {
        assert_eq!(format_date(Lang::En, "soon"), "soon");
        assert_eq!(format_date(Lang::En, "2015-13-01"), "2015-13-01");
        assert_eq!(year_of("2015-04-19"), Some(2015));
    }
}
