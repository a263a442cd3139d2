//! The span model every stage shares: a quote from an article, located in
//! characters of the decoded original text.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Where a claim comes from: `text` is exactly the article's text sliced
/// at `[start, end)` (Unicode characters, not bytes).
///
/// # Example
/// ```
/// use majlis::evidence::Evidence;
/// let text = "وزير الخارجية التركي";
/// let e = Evidence::from_text("a1", text, 14, 20);
/// assert_eq!(e.text, "التركي");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// The article id, shared by every quote of the article.
    pub article: Arc<str>,
    /// First character (inclusive).
    pub start: usize,
    /// Last character (exclusive).
    pub end: usize,
    /// The quoted text.
    pub text: String,
    /// How the claim was made when it is not read off the quote alone:
    /// `gazetteer` for a role taken from the gazetteer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

impl Evidence {
    /// Evidence quoting `text[start..end]` (in chars).
    pub fn from_text(article: &str, text: &str, start: usize, end: usize) -> Evidence {
        Evidence {
            article: article.into(),
            start,
            end,
            text: crate::text::char_slice(text, start, end).to_string(),
            basis: None,
        }
    }
}
