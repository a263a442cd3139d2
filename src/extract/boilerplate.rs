//! Page furniture left in scraped text: site footers, tag lists, "read
//! also" headings. Names in them are not the article's, so hits inside
//! them are dropped (the text itself stays, so offsets do not move).

use crate::text::Normalized;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// Phrases of site footers (folded); a line with two of them is a footer.
const FOOTER: [&str; 12] = [
    "من نحن",
    "سياسه الخصوصيه",
    "الاحكام والشروط",
    "جميع الحقوق محفوظه",
    "اتصل بنا",
    "تواصل معنا",
    "ملفات تعريف الارتباط",
    "النشرات البريديه",
    "اعلن معنا",
    "خريطه الموقع",
    "شروط الاستخدام",
    "حقوق النشر",
];

/// Openings of lines that list links or tags rather than say anything.
const LISTS: [&str; 6] = [
    "كلمات دلاليه",
    "اقرا ايضا",
    "اقرا المزيد",
    "المزيد من",
    "الاكثر قراءه",
    "تابع الجزيره",
];

/// Folded char ranges `[start, end)` of boilerplate lines.
///
/// # Example
/// ```
/// use majlis::text::Normalized;
/// let n = Normalized::new("خبر عن الأردن\nمن نحن | اتصل بنا | جميع الحقوق محفوظة");
/// assert_eq!(majlis::extract::boilerplate_lines(&n), vec![(14, n.char_len())]);
/// ```
pub fn boilerplate_lines(text: &Normalized) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.as_str().split('\n') {
        let len = line.chars().count();
        let trimmed = line.trim();
        let footer = is_footer(trimmed);
        let list = LISTS.iter().any(|p| trimmed.starts_with(p));
        if footer || list {
            out.push((start, start + len));
        }
        start += len + 1;
    }
    out
}

/// Whether two different footer phrases stand in `line`.
fn is_footer(line: &str) -> bool {
    // Leftmost (not overlapping) search keeps the automaton's prefilter,
    // a vectorised scan that skips most lines whole; footer phrases do not
    // overlap one another.
    static PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(FOOTER)
            .expect("footer phrases are plain strings")
    });
    let mut first = None;
    PHRASES.find_iter(line).any(|m| {
        let p = m.pattern();
        first.get_or_insert(p) != &p
    })
}
