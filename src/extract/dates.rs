//! Dates in Arabic news text: "11 مايو 2022", "9 مارس/آذار", "حزيران 2016",
//! "13-05-2022", and, when the article's date is known, what it anchors:
//! "الثلاثاء", "أمس", "اليوم", "الشهر الماضي", "أبريل المقبل".
//!
//! Works on folded text (see [`crate::text::fold`]); spans are folded chars.

use crate::gazetteer::PartialDate;
use crate::text::{Normalized, Token, WordMap, is_word_char, tokenize_codes};
use regex::{Captures, Regex};
use std::sync::LazyLock;
use std::sync::OnceLock;

/// A date as precise as the text gives it; the year may be unknown
/// (`--03-09`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextDate {
    /// Year, when stated or anchored.
    pub year: Option<u16>,
    /// Month, when stated.
    pub month: Option<u8>,
    /// Day, when stated.
    pub day: Option<u8>,
}

impl TextDate {
    /// ISO 8601, partial where the text is: `2022-05-11`, `2016-06`,
    /// `--03-09`, `--04`, `2016`.
    ///
    /// # Example
    /// ```
    /// use majlis::extract::TextDate;
    /// let d = TextDate { year: None, month: Some(3), day: Some(9) };
    /// assert_eq!(d.iso(), "--03-09");
    /// ```
    pub fn iso(&self) -> String {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (None, Some(m), None) => format!("--{m:02}"),
            (None, None, _) => String::new(),
        }
    }

    /// Whether two dates can be the same day: no stated part differs.
    pub fn compatible(&self, other: &TextDate) -> bool {
        fn ok<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            a.is_none() || b.is_none() || a == b
        }
        ok(self.year, other.year) && ok(self.month, other.month) && ok(self.day, other.day)
    }

    /// How many parts are known (for preferring the more precise date).
    pub fn precision(&self) -> u8 {
        self.year.is_some() as u8 + self.month.is_some() as u8 + self.day.is_some() as u8
    }

    /// Parses the ISO forms [`iso`](Self::iso) writes.
    pub fn parse_iso(s: &str) -> Option<TextDate> {
        if let Some(rest) = s.strip_prefix("--") {
            let mut p = rest.split('-');
            let month = p.next()?.parse().ok()?;
            let day = p.next().map(|d| d.parse().ok()).unwrap_or(None);
            return Some(TextDate {
                year: None,
                month: Some(month),
                day,
            });
        }
        let d: PartialDate = s.parse().ok()?;
        Some(TextDate {
            year: Some(d.year),
            month: d.month,
            day: d.day,
        })
    }
}

/// A date found in text, with its folded char span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateHit {
    /// The date.
    pub date: TextDate,
    /// First folded char.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// Whether the expression points to the future (المقبل, القادم).
    pub future: bool,
    /// Whether it is a bare weekday read backwards from the publication
    /// date ("الثلاثاء" = the latest Tuesday); an announced meeting means
    /// the next one, see [`DateHit::forward`].
    pub weekday: bool,
}

impl DateHit {
    /// The same weekday a week later: for a planned meeting, "الثلاثاء"
    /// is the coming Tuesday. Other dates are returned unchanged.
    pub fn forward(&self) -> TextDate {
        match (self.weekday, self.date.year, self.date.month, self.date.day) {
            (true, Some(y), Some(m), Some(d)) => {
                to_text_date(days_from_civil(y as i32, m as u32, d as u32) + 7)
            }
            _ => self.date,
        }
    }
}

/// Folded month names: Egyptian/Gulf, Levantine and Maghrebi forms.
const MONTHS: [(&str, u8); 36] = [
    ("يناير", 1),
    ("كانون الثاني", 1),
    ("جانفي", 1),
    ("فبراير", 2),
    ("شباط", 2),
    ("فيفري", 2),
    ("مارس", 3),
    ("اذار", 3),
    ("ابريل", 4),
    ("نيسان", 4),
    ("افريل", 4),
    ("مايو", 5),
    ("ايار", 5),
    ("ماي", 5),
    ("يونيو", 6),
    ("حزيران", 6),
    ("جوان", 6),
    ("يوليو", 7),
    ("تموز", 7),
    ("جويليه", 7),
    ("اغسطس", 8),
    ("اب", 8),
    ("اوت", 8),
    ("سبتمبر", 9),
    ("ايلول", 9),
    ("اكتوبر", 10),
    ("تشرين الاول", 10),
    ("نوفمبر", 11),
    ("تشرين الثاني", 11),
    ("نونبر", 11),
    ("ديسمبر", 12),
    ("كانون الاول", 12),
    ("دجنبر", 12),
    ("يونيه", 6),
    ("يوليه", 7),
    ("اغشت", 8),
];

/// Words after which a bare month name is a month.
const MONTH_CUES: [&str; 10] = [
    "شهر",
    "في",
    "خلال",
    "مطلع",
    "منتصف",
    "اواخر",
    "اوايل",
    "بدايه",
    "نهايه",
    "حتي",
];

/// Folded weekday names (also words that end a name: «… الأحد»).
pub(super) const WEEKDAYS: [&str; 7] = [
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "السبت",
    "الاحد",
];

fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.join("|")
}

fn month_number(name: &str) -> Option<u8> {
    MONTHS.iter().find(|(n, _)| *n == name).map(|(_, m)| *m)
}

struct Patterns {
    full: Regex,
    numeric: Regex,
    relative: Regex,
    year: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let m = month_alternation();
        // Day? month (/ or (other month))? year? then an optional anchor word.
        let full = format!(
            r"(?:(?P<day>\d{{1,2}})\s+)?(?:شهر\s+)?(?P<month>{m})(?P<alt>\s*(?:/|\()\s*(?:{m})(?:\s*\))?)?(?:\s+(?:من\s+)?(?:العام\s+|عام\s+)?(?P<year>(?:19|20)\d\d))?(?:\s+(?P<anchor>الحالي|الجاري|المقبل|القادم|الماضي))?"
        );
        let relative = format!(
            r"(?P<word>امس|اليوم|غدا|{})|(?P<span>الشهر|العام|الاسبوع)\s+(?P<dir>الماضي|المقبل|القادم|الحالي|الجاري)",
            WEEKDAYS.join("|")
        );
        Patterns {
            full: Regex::new(&full).expect("date pattern"),
            numeric: Regex::new(r"(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>(?:19|20)\d\d)")
                .expect("numeric date pattern"),
            relative: Regex::new(&relative).expect("relative date pattern"),
            year: Regex::new(r"(?:عام|العام|سنه)\s+(?P<y>(?:19|20)\d\d)").expect("year pattern"),
        }
    })
}

/// The matches of `re` inside `windows` that stand between word
/// boundaries, with their groups. Month names like اب hide inside many
/// words; finding is cheap and capturing is not, so groups are read only
/// for whole words.
fn bounded<'t>(
    re: &'t Regex,
    text: &'t str,
    windows: &'t [(usize, usize)],
) -> impl Iterator<Item = Captures<'t>> + 't {
    windows
        .iter()
        .flat_map(move |&(from, to)| {
            re.find_iter(&text[from..to])
                .map(move |m| (from + m.start(), from + m.end()))
        })
        .filter(|&(s, e)| is_boundary(text, s, true) && is_boundary(text, e, false))
        .filter_map(|(s, e)| re.captures_at(&text[..e], s))
}

/// The date pattern a word can be part of; each pattern runs only around
/// the words it cannot do without.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// The first word of a month name: `full` ("11 مايو 2022").
    Month,
    /// امس، اليوم، غدا, the weekdays, الشهر، الاسبوع: `relative`.
    Relative,
    /// عام، سنه: `year`.
    Year,
    /// العام: both `year` ("العام 2018") and `relative` ("العام الماضي").
    TheYear,
}

fn cue_of(word: &[u8]) -> Option<Cue> {
    static CUES: LazyLock<WordMap<Cue>> = LazyLock::new(|| {
        WordMap::new(
            MONTHS
                .iter()
                .filter_map(|(name, _)| name.split(' ').next())
                .map(|w| (w, Cue::Month))
                .chain(WEEKDAYS.map(|w| (w, Cue::Relative)))
                .chain(["امس", "اليوم", "غدا", "الشهر", "الاسبوع"].map(|w| (w, Cue::Relative)))
                .chain(["عام", "سنه"].map(|w| (w, Cue::Year)))
                .chain([("العام", Cue::TheYear)]),
        )
    });
    CUES.get(word).copied()
}

/// Byte ranges of the folded text where each pattern may match: around
/// the words it needs, wide enough for its longest expression. The
/// regexes run there only, not over the whole text.
#[derive(Default)]
struct Windows {
    numeric: Vec<(usize, usize)>,
    full: Vec<(usize, usize)>,
    relative: Vec<(usize, usize)>,
    year: Vec<(usize, usize)>,
}

impl Windows {
    fn new(text: &Normalized, words: &[Token]) -> Windows {
        let codes = text.codes();
        let mut w = Windows::default();
        // Words before and after the cue that an expression can take in.
        let around = |k: usize, before: usize, after: usize| {
            (
                text.byte_of_char(words[k.saturating_sub(before)].start),
                text.byte_of_char(words[(k + after).min(words.len() - 1)].end),
            )
        };
        for (k, t) in words.iter().enumerate() {
            let word = &codes[t.start..t.end];
            if word.last().is_some_and(u8::is_ascii_digit)
                && matches!(codes.get(t.end), Some(b'-' | b'/' | b'.'))
            {
                add(&mut w.numeric, around(k, 0, 2));
            }
            match cue_of(word) {
                // [day] [شهر] month [/ month] [من] [العام] [year] [anchor]
                Some(Cue::Month) => add(&mut w.full, around(k, 2, 8)),
                Some(Cue::Relative) => add(&mut w.relative, around(k, 0, 1)),
                Some(Cue::Year) => add(&mut w.year, around(k, 0, 1)),
                Some(Cue::TheYear) => {
                    add(&mut w.relative, around(k, 0, 1));
                    add(&mut w.year, around(k, 0, 1));
                }
                None => {}
            }
        }
        w
    }
}

/// Adds a window, merging it with the last one where they touch.
fn add(windows: &mut Vec<(usize, usize)>, (from, to): (usize, usize)) {
    match windows.last_mut() {
        Some(last) if from <= last.1 => last.1 = last.1.max(to),
        _ => windows.push((from, to)),
    }
}

fn is_boundary(s: &str, byte: usize, before: bool) -> bool {
    let c = if before {
        s[..byte].chars().next_back()
    } else {
        s[byte..].chars().next()
    };
    c.is_none_or(|c| !is_word_char(c))
}

/// Every date expression in `text`, anchored on `published` when the
/// expression needs it, in text order, non-overlapping. The text is folded
/// first (folding folded text changes nothing); spans are chars of the
/// folded text.
///
/// # Example
/// ```
/// use majlis::extract::find_dates;
/// let hits = find_dates("في 11 مايو 2022 في مراكش", None);
/// assert_eq!(hits[0].date.iso(), "2022-05-11");
/// let anchored = find_dates("عقد الثلاثاء", Some("2017-05-26".parse().unwrap()));
/// assert_eq!(anchored[0].date.iso(), "2017-05-23");
/// ```
pub fn find_dates(text: &str, published: Option<PartialDate>) -> Vec<DateHit> {
    let folded = Normalized::new(text);
    find_dates_in(&folded, &tokenize_codes(folded.codes()), published)
}

/// [`find_dates`] over folded text and its words, as extraction has them.
pub(crate) fn find_dates_in(
    folded: &Normalized,
    words: &[Token],
    published: Option<PartialDate>,
) -> Vec<DateHit> {
    let text = folded.as_str();
    let p = patterns();
    let char_at = |byte: usize| folded.char_index_of_byte(byte);
    let mut hits: Vec<DateHit> = Vec::new();
    // Matches come from `bounded`, so they stand between word boundaries;
    // a hit is kept unless an earlier pattern took its place.
    let push = |hits: &mut Vec<DateHit>, c: &Captures, date: TextDate, future: bool| -> bool {
        let whole = c.get(0).expect("group 0 is the match");
        let (s, e) = (char_at(whole.start()), char_at(whole.end()));
        let free = hits.iter().all(|h| e <= h.start || h.end <= s);
        if free {
            hits.push(DateHit {
                date,
                start: s,
                end: e,
                future,
                weekday: false,
            });
        }
        free
    };
    let windows = Windows::new(folded, words);
    for c in bounded(&p.numeric, text, &windows.numeric) {
        let (d, m, y) = (
            c["d"].parse::<u8>(),
            c["m"].parse::<u8>(),
            c["y"].parse::<u16>(),
        );
        if let (Ok(d), Ok(m), Ok(y)) = (d, m, y)
            && (1..=31).contains(&d)
            && (1..=12).contains(&m)
        {
            push(
                &mut hits,
                &c,
                TextDate {
                    year: Some(y),
                    month: Some(m),
                    day: Some(d),
                },
                false,
            );
        }
    }
    for c in bounded(&p.full, text, &windows.full) {
        let whole = c.get(0).expect("match");
        let month = month_number(&c["month"]);
        let day = c.name("day").and_then(|d| d.as_str().parse::<u8>().ok());
        let mut year = c.name("year").and_then(|y| y.as_str().parse::<u16>().ok());
        let anchor = c.name("anchor").map(|a| a.as_str());
        // "ماي" and "اب" are also ordinary words: only with a day or year.
        // Other month names alone (مارس is also "he practised") need a
        // word that announces a time, an anchor or a second month name.
        let short = matches!(&c["month"], "ماي" | "اب");
        if day.is_none() && year.is_none() {
            let before = text[..whole.start()].trim_end();
            let prev = before.rsplit(' ').next().unwrap_or("");
            let announced = MONTH_CUES.contains(&prev)
                || anchor.is_some()
                || c.name("alt").is_some()
                || before.ends_with("شهر");
            if short || !announced {
                continue;
            }
        }
        if day.is_some_and(|d| !(1..=31).contains(&d)) {
            continue;
        }
        let future = matches!(anchor, Some("المقبل" | "القادم"));
        if year.is_none()
            && let (Some(pub_date), Some(m)) = (published, month)
        {
            let py = pub_date.year;
            let pm = pub_date.month.unwrap_or(1);
            year = Some(match anchor {
                Some("المقبل" | "القادم") if m <= pm => py + 1,
                Some("الماضي") if m >= pm => py - 1,
                Some(_) => py,
                None => py,
            });
        }
        push(&mut hits, &c, TextDate { year, month, day }, future);
    }
    if let Some(pub_date) = published.filter(|d| d.day.is_some()) {
        for c in bounded(&p.relative, text, &windows.relative) {
            let (date, future) = if let Some(w) = c.name("word") {
                match w.as_str() {
                    "امس" => (shift(pub_date, -1), false),
                    "اليوم" => (shift(pub_date, 0), false),
                    "غدا" => (shift(pub_date, 1), true),
                    day => {
                        if push(&mut hits, &c, last_weekday(pub_date, day), false)
                            && let Some(h) = hits.last_mut()
                        {
                            h.weekday = true;
                        }
                        continue;
                    }
                }
            } else {
                let dir = &c["dir"];
                let future = matches!(dir, "المقبل" | "القادم");
                let step: i32 = match dir {
                    "الماضي" => -1,
                    "المقبل" | "القادم" => 1,
                    _ => 0,
                };
                let (y, m) = (pub_date.year as i32, pub_date.month.unwrap_or(1) as i32);
                let date = match &c["span"] {
                    "الشهر" => {
                        let months = y * 12 + (m - 1) + step;
                        TextDate {
                            year: Some((months / 12) as u16),
                            month: Some((months % 12 + 1) as u8),
                            day: None,
                        }
                    }
                    "العام" => TextDate {
                        year: Some((y + step) as u16),
                        month: None,
                        day: None,
                    },
                    _ => continue,
                };
                (date, future)
            };
            push(&mut hits, &c, date, future);
        }
    }
    for c in bounded(&p.year, text, &windows.year) {
        if let Ok(y) = c["y"].parse::<u16>() {
            push(
                &mut hits,
                &c,
                TextDate {
                    year: Some(y),
                    month: None,
                    day: None,
                },
                false,
            );
        }
    }
    hits.sort_by_key(|h| h.start);
    hits
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

fn days_of(d: PartialDate) -> i64 {
    days_from_civil(
        d.year as i32,
        d.month.unwrap_or(1) as u32,
        d.day.unwrap_or(1) as u32,
    )
}

fn to_text_date(days: i64) -> TextDate {
    let (y, m, d) = civil_from_days(days);
    TextDate {
        year: Some(y as u16),
        month: Some(m as u8),
        day: Some(d as u8),
    }
}

fn shift(d: PartialDate, by: i64) -> TextDate {
    to_text_date(days_of(d) + by)
}

/// The latest `weekday` on or before the publication date: news reports
/// "held on Tuesday" in the days after.
fn last_weekday(d: PartialDate, weekday: &str) -> TextDate {
    let days = days_of(d);
    // 1970-01-01 was a Thursday; WEEKDAYS starts on Monday.
    let today = (days + 3).rem_euclid(7) as usize;
    let want = WEEKDAYS.iter().position(|w| *w == weekday).unwrap_or(today);
    let back = (today + 7 - want) % 7;
    to_text_date(days - back as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn iso(text: &str, published: Option<&str>) -> Vec<String> {
        find_dates(&fold(text), published.map(|p| p.parse().unwrap()))
            .iter()
            .map(|h| h.date.iso())
            .collect()
    }

    #[test]
    fn explicit_dates_in_every_spelling() {
        assert_eq!(iso("الصادر في 9 مارس/آذار، هو", None), ["--03-09"]);
        assert_eq!(iso("في 12 يوليو (تموز) 2018 مع", None), ["2018-07-12"]);
        assert_eq!(iso("في حزيران 2016، وأكثر", None), ["2016-06"]);
        assert_eq!(iso("الجمعة، 13-05-2022 الساعة", None), ["2022-05-13"]);
        assert_eq!(iso("الأربعاء ١١ مايو ٢٠٢٢، في", None), ["2022-05-11"]);
        assert_eq!(iso("خلال شهر أبريل/نيسان القادم", None), ["--04"]);
        assert_eq!(iso("ماي هو", None), Vec::<String>::new());
    }

    #[test]
    fn anchored_on_the_publication_date() {
        let p = Some("2019-02-06");
        assert_eq!(iso("في 15 فبراير (شباط) الحالي", p), ["2019-02-15"]);
        assert_eq!(iso("أمس", p), ["2019-02-05"]);
        assert_eq!(iso("الشهر الماضي", p), ["2019-01"]);
        assert_eq!(iso("في أبريل المقبل", p), ["2019-04"]);
        assert_eq!(iso("في يناير المقبل", p), ["2020-01"]);
        // 2019-02-06 was a Wednesday; the Tuesday before is the 5th.
        assert_eq!(iso("عقد الثلاثاء", p), ["2019-02-05"]);
        assert_eq!(iso("عقد الأربعاء", p), ["2019-02-06"]);
    }

    #[test]
    fn an_announced_weekday_is_the_coming_one() {
        let hits = find_dates("يعقد الثلاثاء", Some("2019-02-06".parse().unwrap()));
        assert!(hits[0].weekday);
        assert_eq!(hits[0].date.iso(), "2019-02-05");
        assert_eq!(hits[0].forward().iso(), "2019-02-12");
        let explicit = find_dates("في 11 مايو 2022", None);
        assert_eq!(explicit[0].forward(), explicit[0].date);
    }

    #[test]
    fn calendar_arithmetic_round_trips() {
        for days in [-1000, 0, 17_000, 20_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
    }

    #[test]
    fn compatibility_ignores_what_is_unknown() {
        let full = TextDate::parse_iso("2025-03-09").unwrap();
        assert!(full.compatible(&TextDate::parse_iso("--03-09").unwrap()));
        assert!(full.compatible(&TextDate::parse_iso("2025-03").unwrap()));
        assert!(!full.compatible(&TextDate::parse_iso("2025-04").unwrap()));
    }
}
