//! Words and sentences over folded text.
//!
//! Spans here are char indices into [`Normalized`](super::Normalized) text;
//! map them back with [`Normalized::original_span`](super::Normalized::original_span).

/// A word: a maximal run of word characters, as a char span `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First char (inclusive).
    pub start: usize,
    /// Last char (exclusive).
    pub end: usize,
}

/// Whether `c` belongs to a word: letters (Arabic or other) and digits.
///
/// # Example
/// ```
/// assert!(majlis::text::is_word_char('ب'));
/// assert!(!majlis::text::is_word_char('،'));
/// ```
pub fn is_word_char(c: char) -> bool {
    // Arabic letters and ASCII answer without Unicode table lookups, which
    // otherwise dominate the matcher's boundary checks.
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}' => true,
        ' ' | '\n' | '.' | '،' | ',' | ':' | '؛' | '"' | '(' | ')' | '-' | '/' => false,
        c if c.is_ascii() => false,
        c => c.is_alphanumeric(),
    }
}

/// Splits folded text into words.
///
/// # Example
/// ```
/// let words = majlis::text::tokenize("العراق، ولبنان");
/// assert_eq!(words.len(), 2);
/// assert_eq!((words[1].start, words[1].end), (8, 14));
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    let mut i = 0;
    for c in text.chars() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Token { start: s, end: i });
                start = None;
            }
            _ => {}
        }
        i += 1;
    }
    if let Some(s) = start {
        out.push(Token { start: s, end: i });
    }
    out
}

/// Char indices where sentences end (exclusive), in order; the last one is
/// the text's length.
///
/// A sentence ends at `.`, `!`, `?`, `؟`, `؛` or a line break. Dots between
/// digits or inside abbreviations like `أ.ف.ب` do not end one.
///
/// # Example
/// ```
/// let ends = majlis::text::sentence_ends("قال. ثم عاد\nوانتهى");
/// assert_eq!(ends, vec![4, 12, 18]);
/// ```
pub fn sentence_ends(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut ends = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let end = match c {
            '\n' | '!' | '?' | '؟' | '؛' => true,
            '.' => {
                let prev = i.checked_sub(1).map(|p| chars[p]);
                let next = chars.get(i + 1).copied();
                let between_digits = prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit());
                let abbreviation = next.is_some_and(is_word_char) || i >= 2 && chars[i - 2] == '.';
                !between_digits && !abbreviation
            }
            _ => false,
        };
        if end && ends.last() != Some(&(i + 1)) {
            ends.push(i + 1);
        }
    }
    if ends.last() != Some(&chars.len()) {
        ends.push(chars.len());
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_punctuation_and_space() {
        let t = tokenize("كلًا من العراق، ولبنان، والأردن");
        let words: Vec<String> = t
            .iter()
            .map(|w| {
                "كلًا من العراق، ولبنان، والأردن"
                    .chars()
                    .skip(w.start)
                    .take(w.end - w.start)
                    .collect()
            })
            .collect();
        assert_eq!(words, ["كلًا", "من", "العراق", "ولبنان", "والأردن"]);
    }

    #[test]
    fn sentences_respect_numbers_and_abbreviations() {
        assert_eq!(sentence_ends("بلغ 3.5 مليون."), vec![14]);
        assert_eq!(sentence_ends("(أ.ف.ب.) قال"), vec![12]);
        assert_eq!(sentence_ends(""), vec![0]);
    }
}
