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

/// The one-byte code of a folded char: ASCII stays itself, the Arabic
/// letters U+0621–U+064A take 0x80–0xA9, the Arabic comma, semicolon and
/// question mark and the two dotless letters have codes of their own, and
/// any other char is [`OTHER_WORD`] or [`OTHER`] by [`is_word_char`].
/// Folded text is almost all of these, so a code names its char, and the
/// rare other chars are told apart by comparing the text itself.
///
/// # Example
/// ```
/// use majlis::text::{code, OTHER, OTHER_WORD};
/// assert_eq!(code('a'), b'a');
/// assert_eq!(code('ء'), 0x80);
/// assert_eq!(code('é'), OTHER_WORD);
/// assert_eq!(code('—'), OTHER);
/// ```
pub fn code(c: char) -> u8 {
    match c {
        _ if c.is_ascii() => c as u8,
        '\u{0621}'..='\u{064A}' => 0x80 + (c as u32 - 0x0621) as u8,
        '،' => 0xB0,
        '؛' => 0xB1,
        '؟' => 0xB2,
        '\u{066E}' => 0xB3,
        '\u{066F}' => 0xB4,
        _ if is_word_char(c) => OTHER_WORD,
        _ => OTHER,
    }
}

/// The [`code`] of a word char that has none of its own.
pub const OTHER_WORD: u8 = 0xFE;
/// The [`code`] of a char that is not a word char and has none of its own.
pub const OTHER: u8 = 0xFF;

/// Whether a [`code`] stands for a word char ([`is_word_char`]).
///
/// # Example
/// ```
/// use majlis::text::{code, code_is_word};
/// assert!(code_is_word(code('ب')) && !code_is_word(code('،')));
/// ```
pub fn code_is_word(b: u8) -> bool {
    // Asked of every char by the word and sentence splitters and the
    // matcher: one load from a table made at compile time.
    const WORD: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            let c = b as u8;
            t[b] = c.is_ascii_alphanumeric()
                || (c >= 0x80 && c <= 0xA9)
                || matches!(c, 0xB3 | 0xB4 | OTHER_WORD);
            b += 1;
        }
        t
    };
    WORD[b as usize]
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
    tokenize_codes(&text.chars().map(code).collect::<Vec<u8>>())
}

/// [`tokenize`] over [`code`]s ([`Normalized::codes`](super::Normalized::codes)).
pub fn tokenize_codes(codes: &[u8]) -> Vec<Token> {
    let mut out = Vec::with_capacity(codes.len() / 5);
    let mut start = None;
    for (i, &b) in codes.iter().enumerate() {
        match (code_is_word(b), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Token { start: s, end: i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Token {
            start: s,
            end: codes.len(),
        });
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
    sentence_ends_codes(&text.chars().map(code).collect::<Vec<u8>>())
}

/// [`sentence_ends`] over [`code`]s ([`Normalized::codes`](super::Normalized::codes)).
pub fn sentence_ends_codes(codes: &[u8]) -> Vec<usize> {
    // The chars that may end a sentence; the scan jumps from one to the
    // next.
    const STOPS: [bool; 256] = {
        let mut t = [false; 256];
        t[b'\n' as usize] = true;
        t[b'!' as usize] = true;
        t[b'?' as usize] = true;
        t[b'.' as usize] = true;
        t[0xB1] = true;
        t[0xB2] = true;
        t
    };
    let mut ends = Vec::new();
    let mut from = 0;
    while let Some(at) = codes[from..].iter().position(|&b| STOPS[b as usize]) {
        let i = from + at;
        from = i + 1;
        let end = codes[i] != b'.' || {
            let prev = i.checked_sub(1).map(|p| codes[p]);
            let next = codes.get(i + 1).copied();
            let between_digits = prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            let abbreviation = next.is_some_and(code_is_word) || i >= 2 && codes[i - 2] == b'.';
            !between_digits && !abbreviation
        };
        if end && ends.last() != Some(&(i + 1)) {
            ends.push(i + 1);
        }
    }
    if ends.last() != Some(&codes.len()) {
        ends.push(codes.len());
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
    fn chars_without_a_code_of_their_own_keep_their_class() {
        let t = tokenize("café—中文 ١٢");
        assert_eq!(
            t,
            [
                Token { start: 0, end: 4 },
                Token { start: 5, end: 7 },
                Token { start: 8, end: 10 }
            ]
        );
        for c in ['é', '中', '—', '٫', 'ـ', 'ٮ'] {
            assert_eq!(code_is_word(code(c)), is_word_char(c), "{c}");
        }
    }

    #[test]
    fn sentences_respect_numbers_and_abbreviations() {
        assert_eq!(sentence_ends("بلغ 3.5 مليون."), vec![14]);
        assert_eq!(sentence_ends("(أ.ف.ب.) قال"), vec![12]);
        assert_eq!(sentence_ends(""), vec![0]);
    }
}
