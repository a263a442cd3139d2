//! The text layer: folding for matching, words and sentences.
//!
//! Every span the rest of the pipeline reports is in characters of the
//! decoded original text; folded text is only for matching.

mod normalize;
mod tokens;
mod words;

pub use normalize::{Normalized, fold};
pub use tokens::{
    OTHER, OTHER_WORD, Token, code, code_is_word, is_word_char, sentence_ends, sentence_ends_codes,
    tokenize, tokenize_codes,
};
pub use words::{WordMap, WordSet};

/// Slices `text` by char indices `[start, end)`.
///
/// # Example
/// ```
/// assert_eq!(majlis::text::char_slice("عمّان اليوم", 0, 5), "عمّان");
/// ```
pub fn char_slice(text: &str, start: usize, end: usize) -> &str {
    let mut it = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let s = it.nth(start).unwrap_or(text.len());
    let e = if end > start {
        it.nth(end - start - 1).unwrap_or(text.len())
    } else {
        s
    };
    &text[s..e]
}
