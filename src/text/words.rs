//! Fixed sets of words, looked up by their [`code`](super::code)s.
//!
//! Rules ask of every word of an article whether it is a trigger, a word
//! of speech, an announcement …; almost none is. A bitmap indexed by a
//! cheap fingerprint of the listed words (their length and first and last
//! four letters) turns nearly all others away before any hashing.

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
    /// Bit [`fingerprint`] of every listed word.
    seen: Box<[u64]>,
}

impl<T> WordMap<T> {
    /// The map of `entries` (folded words; the first value of a word
    /// repeated wins).
    pub fn new<W: AsRef<str>>(entries: impl IntoIterator<Item = (W, T)>) -> WordMap<T> {
        let mut words = FxHashMap::default();
        let mut seen = vec![0u64; BITS / 64].into_boxed_slice();
        for (w, v) in entries {
            let codes: Box<[u8]> = w.as_ref().chars().map(code).collect();
            let bit = fingerprint(&codes);
            seen[bit / 64] |= 1 << (bit % 64);
            words.entry(codes).or_insert(v);
        }
        WordMap { words, seen }
    }

    /// The value of the word whose codes are `word`.
    pub fn get(&self, word: &[u8]) -> Option<&T> {
        let bit = fingerprint(word);
        if self.seen[bit / 64] & (1 << (bit % 64)) == 0 {
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
    ///
    /// # Example
    /// ```
    /// use majlis::text::{Normalized, WordSet};
    /// let speech = WordSet::of(["قال", "اكد"]);
    /// assert!(speech.contains(Normalized::new("أكد").codes()));
    /// ```
    pub fn of<W: AsRef<str>>(words: impl IntoIterator<Item = W>) -> WordSet {
        WordMap::new(words.into_iter().map(|w| (w, ())))
    }
}

/// Bits in [`WordMap::seen`]: a few hundred listed words leave about one
/// other word in a hundred to the hash map.
const BITS: usize = 1 << 16;

/// A bit of [`WordMap::seen`] for a word: its length and its first and
/// last four codes (overlapping in short words), mixed by one multiply.
fn fingerprint(word: &[u8]) -> usize {
    let n = word.len();
    let key = if n >= 4 {
        let first = u32::from_le_bytes([word[0], word[1], word[2], word[3]]);
        let last = u32::from_le_bytes([word[n - 4], word[n - 3], word[n - 2], word[n - 1]]);
        (first as u64) << 32 | last as u64
    } else {
        word.iter().fold(0u64, |k, &b| k << 8 | b as u64)
    };
    let mixed = (key ^ (n as u64).rotate_right(8)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> (64 - 16)) as usize
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
