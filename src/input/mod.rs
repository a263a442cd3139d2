//! Reading articles: text files, JSON Lines (plain or gzipped), folders.
//!
//! Articles are read one at a time and handed to a callback, so memory does
//! not grow with the input. A bad file or line is reported as a
//! [`Problem`] and the rest goes on.

mod decode;
mod html;

pub use decode::decode;
pub use html::html_text;

use crate::gazetteer::PartialDate;
use flate2::read::MultiGzDecoder;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// One news article, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Its id: the path relative to the argument for text files, the `id`
    /// field for JSON Lines.
    pub id: String,
    /// The text that offsets refer to. For JSON Lines with a title, the
    /// title, a blank line, then the body.
    pub text: String,
    /// Publication date, when known.
    pub published: Option<PartialDate>,
    /// The outlet, when known.
    pub source: Option<String>,
    /// The original address, when known.
    pub url: Option<String>,
    /// The encoding the file was decoded from, for text and HTML files.
    pub encoding: Option<&'static str>,
}

impl Article {
    /// An article from plain text.
    ///
    /// # Example
    /// ```
    /// let a = majlis::input::Article::new("a1", "نص");
    /// assert_eq!(a.id, "a1");
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            published: None,
            source: None,
            url: None,
            encoding: None,
        }
    }

    /// What the graph keeps of the article: everything but its text.
    ///
    /// # Example
    /// ```
    /// let mut a = majlis::input::Article::new("a1", "نص");
    /// a.encoding = Some("windows-1256");
    /// a.published = Some("2018-02-19".parse().unwrap());
    /// let meta = a.meta();
    /// assert_eq!(meta.id, "a1");
    /// assert_eq!(meta.published.as_deref(), Some("2018-02-19"));
    /// assert_eq!(meta.encoding.as_deref(), Some("windows-1256"));
    /// assert_eq!(meta.source, None);
    /// ```
    pub fn meta(&self) -> ArticleMeta {
        ArticleMeta {
            id: self.id.clone(),
            published: self.published.map(|d| d.to_string()),
            source: self.source.clone(),
            url: self.url.clone(),
            encoding: self.encoding.map(str::to_string),
        }
    }
}

/// An article as the graph records it: its id and what is known of where
/// it came from, without its text. Written in the JSON graph's `articles`
/// list; absent fields are left out.
///
/// # Example
/// ```
/// use majlis::input::ArticleMeta;
/// let mut a = ArticleMeta::new("a1");
/// let mut b = ArticleMeta::new("a1");
/// b.source = Some("ANT".into());
/// a.fill_from(&b);
/// assert_eq!(a.source.as_deref(), Some("ANT"));
/// assert_eq!(serde_json::to_string(&a).unwrap(), r#"{"id":"a1","source":"ANT"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// The article id.
    pub id: String,
    /// Publication date (ISO 8601, partial where the input is), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The outlet, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The original address, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The encoding a text or HTML file was decoded from (`UTF-8`,
    /// `UTF-16LE`, `UTF-16BE`, `windows-1256`, `ISO-8859-6`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

impl ArticleMeta {
    /// An article known by its id alone.
    ///
    /// # Example
    /// ```
    /// assert_eq!(majlis::input::ArticleMeta::new("a1").url, None);
    /// ```
    pub fn new(id: impl Into<String>) -> ArticleMeta {
        ArticleMeta {
            id: id.into(),
            ..ArticleMeta::default()
        }
    }

    /// Fills the fields this record lacks from `other`, a record of the
    /// same article read elsewhere; what is already known stays, so the
    /// first input read wins and the result does not depend on threads.
    ///
    /// # Example
    /// ```
    /// use majlis::input::ArticleMeta;
    /// let mut a = ArticleMeta { encoding: Some("UTF-8".into()), ..ArticleMeta::new("a1") };
    /// let b = ArticleMeta { encoding: Some("UTF-16LE".into()), url: Some("https://x".into()), ..ArticleMeta::new("a1") };
    /// a.fill_from(&b);
    /// assert_eq!(a.encoding.as_deref(), Some("UTF-8"));
    /// assert_eq!(a.url.as_deref(), Some("https://x"));
    /// ```
    pub fn fill_from(&mut self, other: &ArticleMeta) {
        let fill = |mine: &mut Option<String>, theirs: &Option<String>| {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        };
        fill(&mut self.published, &other.published);
        fill(&mut self.source, &other.source);
        fill(&mut self.url, &other.url);
        fill(&mut self.encoding, &other.encoding);
    }
}

/// A file or line that could not be read, or that was read with a caveat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file.
    pub path: String,
    /// The 1-based line, for JSON Lines.
    pub line: Option<usize>,
    /// What went wrong and what to do.
    pub message: String,
    /// The kind of problem, for counting them.
    pub reason: Reason,
}

/// What kind of problem a [`Problem`] is, so that a summary can count them.
///
/// # Example
/// ```
/// use majlis::input::Reason;
/// assert_eq!(Reason::NotJson.to_string(), "not a JSON article");
/// assert!(Reason::NotJson.skips());
/// assert!(!Reason::BadDate.skips());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// Missing, or cannot be opened, listed or read to the end.
    Unreadable,
    /// A file type majlis does not read.
    NotArticles,
    /// No text, or no articles.
    Empty,
    /// Binary data, not text.
    Binary,
    /// Bytes that do not decode in the detected encoding.
    Undecodable,
    /// A JSON Lines line that is not JSON, or not an object with `id` and
    /// `text`.
    NotJson,
    /// A JSON article without a usable `id`.
    NoId,
    /// A saved graph that cannot be read.
    BadGraph,
    /// A `published` that is not a date; the article is read without one.
    BadDate,
}

impl Reason {
    /// Whether the file or line is skipped; otherwise it is read with a
    /// caveat.
    pub fn skips(self) -> bool {
        self != Reason::BadDate
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Reason::Unreadable => "unreadable",
            Reason::NotArticles => "not an article file",
            Reason::Empty => "empty",
            Reason::Binary => "binary",
            Reason::Undecodable => "undecodable bytes",
            Reason::NotJson => "not a JSON article",
            Reason::NoId => "no id",
            Reason::BadGraph => "not a readable graph",
            Reason::BadDate => "bad published date",
        })
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// What reading produces, in input order.
#[derive(Debug)]
pub enum Item {
    /// An article.
    Article(Article),
    /// A file or line that was skipped.
    Problem(Problem),
}

/// The file types majlis reads.
pub const EXTENSIONS: &str = ".txt, .html, .htm, .jsonl, .jsonl.gz";

/// How to read.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Decode bytes that do not decode as U+FFFD instead of skipping the
    /// article.
    pub lossy: bool,
    /// Counts the bytes of input files read so far (compressed bytes for
    /// `.jsonl.gz`), for a progress bar measured against [`input_bytes`].
    pub bytes_read: Option<Arc<AtomicU64>>,
}

/// The size on disk of every file under `paths`, to measure
/// [`ReadOptions::bytes_read`] against.
///
/// # Example
/// ```
/// assert!(majlis::input::input_bytes(&["seeds".into()]) > 10_000);
/// ```
pub fn input_bytes(paths: &[PathBuf]) -> u64 {
    fn size(p: &Path) -> u64 {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => std::fs::read_dir(p)
                .map(|entries| {
                    entries
                        .filter_map(|e| e.ok())
                        .map(|e| size(&e.path()))
                        .sum()
                })
                .unwrap_or(0),
            Ok(m) => m.len(),
            Err(_) => 0,
        }
    }
    paths.iter().map(|p| size(p)).sum()
}

/// A reader that adds what it reads to a counter.
struct Counted<R> {
    inner: R,
    count: Option<Arc<AtomicU64>>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(c) = &self.count {
            c.fetch_add(n as u64, Ordering::Relaxed);
        }
        Ok(n)
    }
}

/// Reads every input (files and folders, folders walked recursively in
/// sorted order) and hands each article or problem to `sink`.
///
/// # Example
/// ```
/// use majlis::input::{Item, read_inputs};
/// let mut n = 0;
/// read_inputs(&["seeds".into()], &mut |item| {
///     if let Item::Article(_) = item { n += 1 }
/// });
/// assert_eq!(n, 5);
/// ```
pub fn read_inputs(paths: &[PathBuf], sink: &mut dyn FnMut(Item)) {
    read_inputs_with(paths, &ReadOptions::default(), sink)
}

/// As [`read_inputs`], with options.
pub fn read_inputs_with(paths: &[PathBuf], options: &ReadOptions, sink: &mut dyn FnMut(Item)) {
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            if let Err(p) = walk(path, &mut files) {
                sink(Item::Problem(p));
            }
            for file in files {
                let id = file
                    .strip_prefix(path)
                    .unwrap_or(&file)
                    .to_string_lossy()
                    .replace('\\', "/");
                read_file(&file, &id, options, sink);
            }
        } else if path.exists() {
            let id = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            read_file(path, &id, options, sink);
        } else {
            sink(Item::Problem(Problem {
                path: path.display().to_string(),
                line: None,
                message: "no such file or folder".into(),
                reason: Reason::Unreadable,
            }));
        }
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Problem> {
    let entries = std::fs::read_dir(dir).map_err(|e| Problem {
        path: dir.display().to_string(),
        line: None,
        message: format!("cannot list the folder: {e}"),
        reason: Reason::Unreadable,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

fn read_file(path: &Path, id: &str, options: &ReadOptions, sink: &mut dyn FnMut(Item)) {
    let shown = path.display().to_string();
    let problem = |reason: Reason, message: String| {
        Item::Problem(Problem {
            path: shown.clone(),
            line: None,
            message,
            reason,
        })
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.ends_with(".jsonl.gz") || name.ends_with(".jsonl") {
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => return sink(problem(Reason::Unreadable, format!("cannot open: {e}"))),
        };
        if file.metadata().map(|m| m.len() == 0).unwrap_or(false) {
            return sink(problem(Reason::Empty, "empty file (no articles)".into()));
        }
        let file = Counted {
            inner: file,
            count: options.bytes_read.clone(),
        };
        let reader: Box<dyn Read> = if name.ends_with(".gz") {
            Box::new(MultiGzDecoder::new(file))
        } else {
            Box::new(file)
        };
        read_jsonl(BufReader::with_capacity(1 << 16, reader), &shown, sink);
    } else if name.ends_with(".txt") || name.ends_with(".html") || name.ends_with(".htm") {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return sink(problem(Reason::Unreadable, format!("cannot read: {e}"))),
        };
        if let Some(c) = &options.bytes_read {
            c.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        }
        let html = !name.ends_with(".txt");
        match decode::classified(&bytes, options.lossy) {
            Ok((text, encoding)) => {
                let text = if html { html_text(&text) } else { text };
                if text.trim().is_empty() {
                    sink(problem(Reason::Empty, "empty file".into()))
                } else {
                    let mut a = Article::new(id, text);
                    a.encoding = Some(encoding);
                    sink(Item::Article(a))
                }
            }
            Err((reason, message)) => sink(problem(reason, message)),
        }
    } else {
        sink(problem(
            Reason::NotArticles,
            format!("not an article file; majlis reads {EXTENSIONS}"),
        ));
    }
}

#[derive(Deserialize)]
struct JsonArticle {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// Reads JSON Lines from any reader; `shown` names the source in problems.
pub fn read_jsonl(mut reader: impl BufRead, shown: &str, sink: &mut dyn FnMut(Item)) {
    let mut buf = Vec::new();
    let mut line_no = 0;
    let mut any = false;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                sink(Item::Problem(Problem {
                    path: shown.to_string(),
                    line: Some(line_no + 1),
                    message: format!("cannot read further: {e}"),
                    reason: Reason::Unreadable,
                }));
                return;
            }
        }
        line_no += 1;
        let problem = |reason: Reason, message: String| {
            Item::Problem(Problem {
                path: shown.to_string(),
                line: Some(line_no),
                message,
                reason,
            })
        };
        // Arabic text is all multi-byte characters, where the standard
        // library's check is at its slowest; simdutf8 checks them in bulk.
        let line = match simdutf8::compat::from_utf8(&buf) {
            Ok(l) => l.trim_start_matches('\u{FEFF}').trim(),
            Err(e) => {
                sink(problem(
                    Reason::Undecodable,
                    format!("not valid UTF-8 at byte {} of the line", e.valid_up_to()),
                ));
                continue;
            }
        };
        if line.is_empty() {
            continue;
        }
        any = true;
        let parsed: JsonArticle = match serde_json::from_str(line) {
            Ok(a) => a,
            Err(e) => {
                sink(problem(
                    Reason::NotJson,
                    format!(
                        "not a JSON article ({e}); each line needs an object with \"id\" and \"text\""
                    ),
                ));
                continue;
            }
        };
        let id = match parsed.id {
            serde_json::Value::String(s) if !s.is_empty() => s,
            serde_json::Value::Number(n) => n.to_string(),
            _ => {
                sink(problem(
                    Reason::NoId,
                    "\"id\" must be a non-empty string or a number".into(),
                ));
                continue;
            }
        };
        let published = match parsed.published.as_deref().map(parse_published) {
            Some(Ok(d)) => Some(d),
            Some(Err(m)) => {
                sink(problem(
                    Reason::BadDate,
                    format!("{m}; the article is read without a date"),
                ));
                None
            }
            None => None,
        };
        let text = match parsed.title.filter(|t| !t.trim().is_empty()) {
            Some(title) => format!("{title}\n\n{}", parsed.text),
            None => parsed.text,
        };
        sink(Item::Article(Article {
            id,
            text,
            published,
            source: parsed.source,
            url: parsed.url,
            encoding: None,
        }));
    }
    if !any {
        sink(Item::Problem(Problem {
            path: shown.to_string(),
            line: None,
            message: "empty file (no articles)".into(),
            reason: Reason::Empty,
        }));
    }
}

/// Reads the date part of an ISO 8601 date or timestamp.
///
/// # Example
/// ```
/// let d = majlis::input::parse_published("2018-02-19T10:00:00Z").unwrap();
/// assert_eq!(d.to_string(), "2018-02-19");
/// ```
pub fn parse_published(s: &str) -> Result<PartialDate, String> {
    let date = s.trim().split(['T', ' ']).next().unwrap_or("");
    date.parse()
        .map_err(|_| format!("\"published\" '{s}' is not an ISO 8601 date"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(content: &str) -> (Vec<Article>, Vec<Problem>) {
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        read_jsonl(content.as_bytes(), "x.jsonl", &mut |item| match item {
            Item::Article(a) => articles.push(a),
            Item::Problem(p) => problems.push(p),
        });
        (articles, problems)
    }

    #[test]
    fn jsonl_reports_bad_lines_and_keeps_the_rest() {
        let (articles, problems) = collect(
            "{\"id\": \"a\", \"text\": \"نص\", \"title\": \"عنوان\", \"published\": \"2018-02-19\"}\n\
             {broken\n\
             \n\
             {\"id\": 7, \"text\": \"ب\", \"published\": \"yesterday\"}\n\
             {\"text\": \"no id\"}\n",
        );
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].text, "عنوان\n\nنص");
        assert_eq!(articles[0].published.unwrap().to_string(), "2018-02-19");
        assert_eq!(articles[1].id, "7");
        let lines: Vec<Option<usize>> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(2), Some(4), Some(5)]);
        assert!(
            problems[0]
                .to_string()
                .starts_with("x.jsonl:2: not a JSON article")
        );
    }

    #[test]
    fn empty_jsonl_is_a_problem() {
        let (articles, problems) = collect("\n\n");
        assert!(articles.is_empty());
        assert_eq!(problems.len(), 1);
    }
}
