//! Fixed sets of words, looked up by their [`code`](super::code)s.
//!
//! Rules ask of every word of an article whether it is a trigger, a word
//! of speech, an announcement …; almost none is. A table of the first and
//! last letters of the listed words turns most away before any hashing.

use super::code;
use rustc_hash::FxHashMap;

/// Folded words, each with a value, looked up by their codes.
///
/// # Example
/// ```
/// use majlis::text::{Normalized, WordMap};
/// let kinds = WordMap::new([("قمه", "summit"), ("اجتماع", "meeting")]);
/// let n = Normalized::new("عقدت القمة قمةً");
/// assert_eq!(kinds.get(&n.codes()[11..14]), Some(&"summit"));
/// assert_eq!(kinds.get(&n.codes()[5..10]), None);
/// ```
#[derive(Debug, Clone)]
pub struct WordMap<T> {
    words: FxHashMap<Box<[u8]>, T>,
    /// Bit `first << 8 | last` is set when a listed word begins with code
    /// `first` and ends with code `last`.
    ends: Box<[u64]>,
}

impl<T> WordMap<T> {
    /// The map of `entries` (folded words; the first value of a word
    /// repeated wins).
    pub fn new<W: AsRef<str>>(entries: impl IntoIterator<Item = (W, T)>) -> WordMap<T> {
        let mut words = FxHashMap::default();
        let mut ends = vec![0u64; (1 << 16) / 64].into_boxed_slice();
        for (w, v) in entries {
            let codes: Box<[u8]> = w.as_ref().chars().map(code).collect();
            if let Some(pair) = ends_of(&codes) {
                ends[pair / 64] |= 1 << (pair % 64);
                words.entry(codes).or_insert(v);
            }
        }
        WordMap { words, ends }
    }

    /// The value of the word whose codes are `word`.
    pub fn get(&self, word: &[u8]) -> Option<&T> {
        let pair = ends_of(word)?;
        if self.ends[pair / 64] & (1 << (pair % 64)) == 0 {
            return None;
        }
        self.words.get(word)
    }

    /// Whether the word whose codes are `word` is listed.
    pub fn contains(&self, word: &[u8]) -> bool {
        self.get(word).is_some()
    }
}

/// A set of folded words: a [`WordMap`] without values.
pub type WordSet = WordMap<()>;

impl WordSet {
    /// The set of `words` (folded).
    pub fn of<W: AsRef<str>>(words: impl IntoIterator<Item = W>) -> WordSet {
        WordMap::new(words.into_iter().map(|w| (w, ())))
    }
}

fn ends_of(word: &[u8]) -> Option<usize> {
    Some((*word.first()? as usize) << 8 | *word.last()? as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_listed_words_are_found() {
        let set = WordSet::of(["قال", "اكد", "a"]);
        let codes = |s: &str| -> Vec<u8> { s.chars().map(code).collect() };
        assert!(set.contains(&codes("قال")));
        assert!(set.contains(&codes("a")));
        for other in ["قالت", "وقال", "", "ال", "اكدت", "b"] {
            assert!(!set.contains(&codes(other)), "{other}");
        }
    }
}
