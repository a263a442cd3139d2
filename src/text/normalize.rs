//! Normalisation of Arabic text for matching, with a map back to the original.
//!
//! Matching happens on a folded copy of the text (no diacritics, one alef,
//! ى→ي, ة→ه, Western digits, …), but everything a user sees (evidence
//! offsets, quotes) refers to the original. [`Normalized`] keeps, for every
//! character of the folded copy, the index of the original character it came
//! from, so any span found in the copy maps back exactly.

use super::tokens::code;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// Text folded for matching, with a map from its characters to the original.
///
/// # Example
/// ```
/// use majlis::text::Normalized;
/// let n = Normalized::new("عمّان وأنقرة");
/// assert_eq!(n.as_str(), "عمان وانقره");
/// // "وانقره" starts at folded char 5 and at original char 6 (the shadda was dropped).
/// assert_eq!(n.original_span(5, 11), (6, 12));
/// ```
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    /// One [`code`](super::code) per char of `text`: byte offsets in it
    /// are char offsets, and an automaton over it reads half the bytes.
    codes: Vec<u8>,
    /// Char index in the original for each char of `text`.
    origin: Vec<u32>,
    /// Byte offset in `text` of each char, plus one entry for the end.
    byte_starts: Vec<u32>,
    /// Number of chars in the original text.
    original_len: usize,
}

impl Normalized {
    /// Folds `original` for matching.
    pub fn new(original: &str) -> Normalized {
        Normalized::build(original, None)
    }

    /// Folds `original` and returns its chars as well: extraction quotes
    /// the original by char offsets, and decoding it once serves both.
    ///
    /// # Example
    /// ```
    /// use majlis::text::Normalized;
    /// let (n, chars) = Normalized::with_chars("عمّان");
    /// assert_eq!((n.as_str(), chars.len()), ("عمان", 5));
    /// ```
    pub fn with_chars(original: &str) -> (Normalized, Vec<char>) {
        let mut chars = Vec::new();
        let n = Normalized::build(original, Some(&mut chars));
        (n, chars)
    }

    fn build(original: &str, mut chars: Option<&mut Vec<char>>) -> Normalized {
        // Counting first is cheap and saves growing the buffers.
        let count = original.chars().count();
        if let Some(chars) = chars.as_deref_mut() {
            chars.reserve_exact(count);
        }
        let mut folded = Folded {
            text: String::with_capacity(original.len()),
            origin: Vec::with_capacity(count),
            codes: Vec::with_capacity(count),
            byte_starts: Vec::with_capacity(count + 1),
            after_space: false,
        };
        let table = &*BASIC;
        for (i, c) in original.chars().enumerate() {
            if let Some(chars) = chars.as_deref_mut() {
                chars.push(c);
            }
            if let Some(&(f, code)) = table.get(c as usize) {
                if let Some(f) = f {
                    folded.push(f, code, i);
                }
            } else if needs_compatibility_fold(c) {
                for d in c.nfkc() {
                    if let Some(f) = fold_char(d) {
                        folded.push(f, code(f), i);
                    }
                }
            } else if let Some(f) = fold_char(c) {
                folded.push(f, code(f), i);
            }
        }
        let Folded {
            text,
            origin,
            codes,
            mut byte_starts,
            ..
        } = folded;
        byte_starts.push(text.len() as u32);
        Normalized {
            text,
            codes,
            origin,
            byte_starts,
            original_len: count,
        }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The folded text as one [`code`](super::code) per char.
    ///
    /// # Example
    /// ```
    /// use majlis::text::{Normalized, code};
    /// let n = Normalized::new("عمّان 2");
    /// assert_eq!(n.codes().len(), n.char_len());
    /// assert_eq!(n.codes()[0], code('ع'));
    /// ```
    pub fn codes(&self) -> &[u8] {
        &self.codes
    }

    /// Number of characters of the folded text.
    pub fn char_len(&self) -> usize {
        self.origin.len()
    }

    /// The folded character at char index `i`.
    pub fn char_at(&self, i: usize) -> Option<char> {
        let start = *self.byte_starts.get(i)? as usize;
        self.text[start..].chars().next()
    }

    /// Char index in the folded text of a byte offset in the folded text.
    pub fn char_index_of_byte(&self, byte: usize) -> usize {
        match self.byte_starts.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset in the folded text of a char index.
    pub fn byte_of_char(&self, i: usize) -> usize {
        self.byte_starts[i.min(self.byte_starts.len() - 1)] as usize
    }

    /// Maps the folded char span `[start, end)` to a char span of the
    /// original text. The original span starts at the first character's
    /// source and ends after the last character's source, so characters
    /// dropped inside the span (diacritics, tatweel) stay inside it.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || start >= self.origin.len() {
            let at = self
                .origin
                .get(start)
                .map(|&o| o as usize)
                .unwrap_or(self.original_len);
            return (at, at);
        }
        let end = end.min(self.origin.len());
        let s = self.origin[start] as usize;
        let e = self.origin[end - 1] as usize + 1;
        (s, e)
    }

    /// Number of characters in the original text.
    pub fn original_len(&self) -> usize {
        self.original_len
    }
}

/// Folds one Arabic string the way [`Normalized`] does, without the map.
///
/// Gazetteer aliases and gold names go through this so they compare equal to
/// folded article text. Runs of separators collapse to one space.
///
/// # Example
/// ```
/// assert_eq!(majlis::text::fold("الأُمَمُ  المتّحدة"), "الامم المتحده");
/// ```
pub fn fold(s: &str) -> String {
    Normalized::new(s).as_str().trim().to_string()
}

/// [`fold_char`] and the [`code`](super::code) of its result for every char
/// of ASCII and the basic Arabic block, which is nearly all of an Arabic
/// article: one lookup instead of a match and a classification per char.
/// None of them needs the compatibility fold.
static BASIC: LazyLock<Vec<(Option<char>, u8)>> = LazyLock::new(|| {
    (0..0x0700u32)
        .map(|u| {
            let c = char::from_u32(u).expect("below the surrogates");
            let f = fold_char(c);
            (f, f.map_or(0, code))
        })
        .collect()
});

/// The folded text as it grows.
struct Folded {
    text: String,
    origin: Vec<u32>,
    codes: Vec<u8>,
    byte_starts: Vec<u32>,
    after_space: bool,
}

impl Folded {
    fn push(&mut self, c: char, code: u8, at: usize) {
        // Runs of spaces fold to one, so multi-word names match across
        // line breaks and double spaces.
        let space = c == ' ';
        if space && self.after_space {
            return;
        }
        self.after_space = space;
        self.byte_starts.push(self.text.len() as u32);
        self.origin.push(at as u32);
        self.codes.push(code);
        self.text.push(c);
    }
}

/// Presentation forms and other compatibility characters go through NFKC;
/// the basic Arabic block and ASCII never need it, which keeps the hot path
/// cheap.
fn needs_compatibility_fold(c: char) -> bool {
    let u = c as u32;
    (0xFB50..=0xFDFF).contains(&u)
        || (0xFE70..=0xFEFF).contains(&u)
        || (0xFF00..=0xFFEF).contains(&u)
        || (0x2000..=0x206F).contains(&u) && c != '\u{200C}' && c != '\u{200D}'
}

/// The folding of one character; `None` drops it.
fn fold_char(c: char) -> Option<char> {
    let u = c as u32;
    Some(match c {
        // Harakat, shadda, sukun, superscript alef, Quranic marks, tatweel.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => return None,
        // Zero-width and bidi controls carry no letters.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => {
            return None;
        }
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ى' | 'ی' | 'ې' => 'ي',
        'ئ' => 'ي',
        'ؤ' => 'و',
        'ة' | 'ۃ' => 'ه',
        'ک' => 'ك',
        'ہ' | 'ە' => 'ه',
        '\u{0660}'..='\u{0669}' => char::from_u32(u - 0x0660 + '0' as u32)?,
        '\u{06F0}'..='\u{06F9}' => char::from_u32(u - 0x06F0 + '0' as u32)?,
        // Hashtags write phrases as #قطاع_غزة, and quotes cut into names
        // (تحالف "دعم الشرعية"): both separate words, nothing more.
        '_' | '#' | '"' | '«' | '»' | '“' | '”' | '„' => ' ',
        // Line breaks end sentences and headlines, so they survive folding.
        '\n' => '\n',
        c if c.is_whitespace() => ' ',
        c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
        c => c,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_what_arabic_spelling_varies() {
        let cases = [
            ("عمّان", "عمان"),
            ("إيران", "ايران"),
            ("آستانا", "استانا"),
            ("مصطفى", "مصطفي"),
            ("سورية", "سوريه"),
            ("الـــعراق", "العراق"),
            ("٢٠١٨", "2018"),
            ("۲۰۱۸", "2018"),
            ("#قطاع_غزة", " قطاع غزه"),
            ("مسئول", "مسيول"),
            ("ﻻ", "لا"),
            ("NATO", "nato"),
        ];
        for (input, want) in cases {
            assert_eq!(Normalized::new(input).as_str(), want, "input {input}");
        }
    }

    #[test]
    fn spans_map_back_to_the_original() {
        let original = "قال وزيرُ الخارجيّة الأميركيّ";
        let n = Normalized::new(original);
        let folded = n.as_str();
        let start_byte = folded.find("الاميركي").unwrap();
        let start = n.char_index_of_byte(start_byte);
        let end = start + "الاميركي".chars().count();
        let (s, e) = n.original_span(start, end);
        let slice: String = original.chars().skip(s).take(e - s).collect();
        assert_eq!(slice, "الأميركي");
    }

    #[test]
    fn fold_is_idempotent_and_collapses_space() {
        for s in ["  الأمم   المتّحدة ", "سوريا_الديمقراطية", "ﺍﻟﻌﺮﺍﻕ"]
        {
            let once = fold(s);
            assert_eq!(fold(&once), once);
            assert!(!once.contains("  "));
        }
        assert_eq!(fold("ﺍﻟﻌﺮﺍﻕ"), "العراق");
    }

    #[test]
    fn the_table_folds_as_the_rules_do() {
        for u in (0..0x0700u32).chain(0xFB50..0xFEFF) {
            let c = char::from_u32(u).unwrap();
            let n = Normalized::new(&format!("x{c}"));
            let want: String = if needs_compatibility_fold(c) {
                c.nfkc().filter_map(fold_char).collect()
            } else {
                fold_char(c).into_iter().collect()
            };
            assert_eq!(&n.as_str()[1..], want, "U+{u:04X}");
            assert!(
                n.codes()
                    .iter()
                    .zip(n.as_str().chars())
                    .all(|(&b, c)| b == code(c))
            );
        }
    }

    #[test]
    fn empty_and_odd_input_do_not_panic() {
        let n = Normalized::new("");
        assert_eq!(n.original_span(0, 0), (0, 0));
        let n = Normalized::new("\u{064B}\u{0640}");
        assert_eq!(n.char_len(), 0);
        assert_eq!(n.original_span(0, 1), (2, 2));
    }
}
