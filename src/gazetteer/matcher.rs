//! Finding gazetteer aliases in folded text.
//!
//! One Aho-Corasick automaton holds every folded alias (and the inflected
//! forms of adjectives). A hit counts only at word boundaries: what stands
//! between the start of the word and the hit must be a clitic sequence
//! (و ف ب ل ك, and ال / لل where the alias allows the article), and the hit
//! must end the word. `للأمم` is `ل` + `لأمم`, so aliases that begin with
//! ال also get a variant without the alef that only matches after ل.

use super::Gazetteer;
use super::model::{AliasForm, EntityKind};
use crate::text::{Normalized, OTHER_WORD, code, code_is_word, fold};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;

/// One entity a matched string may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// Index into [`Gazetteer::entities`].
    pub entity: usize,
    /// Index into that entity's aliases.
    pub alias: usize,
    /// The alias's form.
    pub form: AliasForm,
    /// Whether the alias is weak.
    pub weak: bool,
    /// Whether the hit is the alef-less variant that follows ل (للأمم).
    pub after_lam: bool,
    /// Whether the alias begins with the article ال (then a ل before it
    /// would be spelled لل, which the alef-less variant covers).
    pub definite: bool,
}

/// A hit: a folded char span and every entity the string may name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// First folded char of the name (after any clitic; includes ال for
    /// adjectives that carry it).
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// Start of the word the hit begins in (before clitics).
    pub word_start: usize,
    /// The entities it may name.
    pub targets: Vec<Target>,
}

/// A title found in text: its code and folded span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleHit {
    /// Index into [`Gazetteer::titles`].
    pub title: usize,
    /// First folded char.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
}

/// Whether a title ends at most one char before `pos` (titles come sorted
/// and do not overlap, so this is a bisection).
///
/// # Example
/// ```
/// use majlis::gazetteer::{TitleHit, title_ends_before};
/// let t = [TitleHit { title: 0, start: 0, end: 4 }];
/// assert!(title_ends_before(&t, 5));
/// assert!(!title_ends_before(&t, 9));
/// ```
pub fn title_ends_before(titles: &[TitleHit], pos: usize) -> bool {
    let i = titles.partition_point(|t| t.end <= pos);
    i > 0 && pos - titles[i - 1].end <= 1
}

/// The compiled matcher for one gazetteer.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Over [`Normalized::codes`]: match offsets are char offsets.
    automaton: AhoCorasick,
    targets: Vec<Vec<Target>>,
    /// The folded text of patterns holding a char without a code of its
    /// own, which a hit must equal.
    ambiguous: Vec<Option<String>>,
    titles: AhoCorasick,
    title_of: Vec<usize>,
    /// As `ambiguous`, for the title patterns.
    title_ambiguous: Vec<Option<String>>,
    /// Per entity: its kind and the country it belongs to (for nesting).
    kinds: Vec<(EntityKind, Option<String>)>,
}

/// Clitic sequences allowed before a name.
const CLITICS: [&str; 12] = [
    "", "و", "ف", "ب", "ك", "ل", "وب", "فب", "ول", "فل", "وك", "فك",
];
/// The longest clitic sequence, in chars (وبال، ولل).
const MAX_CLITIC_CHARS: usize = 4;
/// Suffixes that inflect a nisba: feminine, plurals, duals, and the
/// accusative ـيًّا (فلسطينيا).
const NISBA_SUFFIXES: [&str; 9] = ["", "ه", "ين", "ون", "ان", "تين", "تان", "ات", "ا"];

impl Matcher {
    /// Compiles the gazetteer's aliases.
    ///
    /// # Example
    /// ```
    /// use majlis::gazetteer::{Gazetteer, Matcher};
    /// use majlis::text::Normalized;
    /// let g = Gazetteer::builtin().unwrap();
    /// let m = Matcher::new(&g);
    /// let text = Normalized::new("اجتمع ممثلو العراق، ولبنان، والأردن");
    /// let names: Vec<String> = m
    ///     .find(&text)
    ///     .iter()
    ///     .map(|c| g.entities()[c.targets[0].entity].id.clone())
    ///     .collect();
    /// assert_eq!(names, ["IRQ", "LBN", "JOR"]);
    /// ```
    pub fn new(gazetteer: &Gazetteer) -> Matcher {
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut by_pattern: FxHashMap<String, usize> = FxHashMap::default();
        let mut add = |pattern: String, target: Target| {
            if pattern.chars().count() < 2 {
                return;
            }
            let i = *by_pattern.entry(pattern.clone()).or_insert_with(|| {
                patterns.push(pattern);
                targets.push(Vec::new());
                targets.len() - 1
            });
            if !targets[i].contains(&target) {
                targets[i].push(target);
            }
        };
        for (ei, entity) in gazetteer.entities().iter().enumerate() {
            for (ai, alias) in entity.aliases.iter().enumerate() {
                let target = Target {
                    entity: ei,
                    alias: ai,
                    form: alias.form,
                    weak: alias.weak,
                    after_lam: false,
                    definite: false,
                };
                let folded = fold(&alias.text);
                if folded.is_empty() {
                    continue;
                }
                match alias.form {
                    AliasForm::Adjective => {
                        for form in inflect_nisba(&folded) {
                            add(form, target);
                        }
                    }
                    _ => {
                        let definite = folded.starts_with("ال");
                        if let Some(rest) = folded.strip_prefix('ا').filter(|_| definite) {
                            add(
                                rest.to_string(),
                                Target {
                                    after_lam: true,
                                    definite,
                                    ..target
                                },
                            );
                        }
                        add(folded, Target { definite, ..target });
                    }
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            // A DFA of these patterns is 16 times larger (9.6 MB against
            // 0.6 MB) and, sharing the cache with the other stages, slower.
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .prefilter(false)
            .build(patterns.iter().map(|p| codes_of(p)))
            .expect("gazetteer patterns are plain strings");
        let ambiguous = patterns.iter().map(|p| ambiguous_text(p)).collect();
        let mut title_patterns = Vec::new();
        let mut title_of = Vec::new();
        for (ti, t) in gazetteer.titles().iter().enumerate() {
            for form in &t.forms_ar {
                let f = fold(form);
                if !f.is_empty() {
                    title_patterns.push(f);
                    title_of.push(ti);
                }
            }
        }
        let title_ambiguous = title_patterns.iter().map(|p| ambiguous_text(p)).collect();
        let titles = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .prefilter(false)
            .build(title_patterns.iter().map(|p| codes_of(p)))
            .expect("title patterns are plain strings");
        let kinds = gazetteer
            .entities()
            .iter()
            .map(|e| match e.kind {
                EntityKind::Country => (e.kind, Some(e.id.clone())),
                _ => (e.kind, e.country.clone()),
            })
            .collect();
        Matcher {
            automaton,
            targets,
            ambiguous,
            titles,
            title_of,
            title_ambiguous,
            kinds,
        }
    }

    /// Every valid hit in `text`, non-overlapping (the longest wins, then
    /// the earliest), in text order.
    pub fn find(&self, text: &Normalized) -> Vec<Candidate> {
        let mut hits: Vec<Candidate> = Vec::new();
        for m in self.automaton.find_overlapping_iter(text.codes()) {
            let Some((word_start, prefix)) = placed(text, &m, &self.ambiguous) else {
                continue;
            };
            let (start, end, pattern) = (m.start(), m.end(), m.pattern().as_usize());
            let valid: Vec<Target> = self.targets[pattern]
                .iter()
                .filter(|t| prefix_allowed(prefix, t))
                .copied()
                .collect();
            if valid.is_empty() {
                continue;
            }
            let takes_article = matches!(valid[0].form, AliasForm::Adjective | AliasForm::People);
            let start = if takes_article && prefix.ends_with("ال") {
                start - 2
            } else {
                start
            };
            hits.push(Candidate {
                start,
                end,
                word_start,
                targets: valid,
            });
        }
        let countries: Vec<Candidate> = hits
            .iter()
            .filter(|h| self.all_of(h, EntityKind::Country))
            .cloned()
            .collect();
        let mut kept = select_longest(hits);
        // A country named inside an organisation's name (وزارة الخارجية
        // الروسية) is still named; inside a place's name only when it is the
        // place's own country (العاصمة المغربية, not أمريكا اللاتينية); a
        // person's name (تركي المالكي) names no country.
        let hosts: Vec<(usize, usize, Vec<Target>)> = kept
            .iter()
            .filter(|k| !self.all_of(k, EntityKind::Country))
            .map(|k| (k.start, k.end, k.targets.clone()))
            .collect();
        // Kept hits do not overlap: the one host that may hold a country is
        // the last to start at or before it.
        let nested: Vec<Candidate> = countries
            .into_iter()
            .filter(|c| {
                let i = hosts.partition_point(|(s, _, _)| *s <= c.start);
                i.checked_sub(1)
                    .map(|i| &hosts[i])
                    .is_some_and(|(s, e, targets)| {
                        c.end <= *e
                            && (*s, *e) != (c.start, c.end)
                            && targets.iter().all(|t| self.may_contain(t, c))
                    })
            })
            .collect();
        kept.extend(select_longest(nested));
        kept.sort_by_key(|k| (k.start, k.end));
        kept
    }

    fn all_of(&self, c: &Candidate, kind: EntityKind) -> bool {
        c.targets.iter().all(|t| self.kinds[t.entity].0 == kind)
    }

    /// Whether a host hit (organisation or place) may contain the country
    /// hit `c`.
    fn may_contain(&self, host: &Target, c: &Candidate) -> bool {
        match &self.kinds[host.entity] {
            (EntityKind::Organisation, _) => true,
            (EntityKind::Place, Some(country)) => c
                .targets
                .iter()
                .any(|t| self.kinds[t.entity].1.as_ref() == Some(country)),
            _ => false,
        }
    }

    /// Every title form in `text` at word boundaries (clitics allowed),
    /// the longest at each place, in text order.
    pub fn find_titles(&self, text: &Normalized) -> Vec<TitleHit> {
        let mut hits = Vec::new();
        for m in self.titles.find_overlapping_iter(text.codes()) {
            let Some((word_start, prefix)) = placed(text, &m, &self.title_ambiguous) else {
                continue;
            };
            if !["", "و", "ف", "ل", "ب"].contains(&prefix) {
                continue;
            }
            hits.push(Candidate {
                start: m.start(),
                end: m.end(),
                word_start,
                targets: vec![Target {
                    entity: self.title_of[m.pattern().as_usize()],
                    alias: 0,
                    form: AliasForm::Name,
                    weak: false,
                    after_lam: false,
                    definite: false,
                }],
            });
        }
        select_longest(hits)
            .into_iter()
            .map(|c| TitleHit {
                title: c.targets[0].entity,
                start: c.start,
                end: c.end,
            })
            .collect()
    }
}

/// Keeps non-overlapping hits, longest first, and returns them in text
/// order; targets of identical spans are merged.
fn select_longest(mut hits: Vec<Candidate>) -> Vec<Candidate> {
    hits.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
    });
    // Which chars a kept hit covers: linear in the text, whatever the
    // number of hits (a long article can have a million).
    let len = hits.iter().map(|h| h.end).max().unwrap_or(0);
    let mut taken = vec![false; len];
    let mut kept: Vec<Candidate> = Vec::new();
    // Hits of one span sort next to each other: the span before, and
    // whether it was kept.
    let mut last: Option<((usize, usize), bool)> = None;
    for h in hits {
        let span = (h.start, h.end);
        if let Some((s, was_kept)) = last
            && s == span
        {
            if was_kept && let Some(k) = kept.last_mut() {
                for t in h.targets {
                    if !k.targets.contains(&t) {
                        k.targets.push(t);
                    }
                }
            }
            continue;
        }
        let free = !taken[h.start..h.end].iter().any(|&t| t);
        last = Some((span, free));
        if free {
            taken[h.start..h.end].iter_mut().for_each(|t| *t = true);
            kept.push(h);
        }
    }
    kept.sort_by_key(|k| k.start);
    kept
}

/// Where a raw automaton hit (char offsets) stands: the start of its word
/// and the clitics before it, when it ends a word, at most a clitic
/// sequence precedes it, and its text is the pattern's own (see
/// `ambiguous`). Most raw hits sit inside longer words and go here.
fn placed<'t>(
    text: &'t Normalized,
    m: &aho_corasick::Match,
    ambiguous: &[Option<String>],
) -> Option<(usize, &'t str)> {
    let (codes, s) = (text.codes(), text.as_str());
    if !ends_word(codes, m.end()) {
        return None;
    }
    let word_start = clitic_start(codes, m.start())?;
    if let Some(folded) = &ambiguous[m.pattern().as_usize()]
        && &s[text.byte_of_char(m.start())..text.byte_of_char(m.end())] != folded
    {
        return None;
    }
    Some((
        word_start,
        &s[text.byte_of_char(word_start)..text.byte_of_char(m.start())],
    ))
}

/// Whether no word char follows char `end`.
fn ends_word(codes: &[u8], end: usize) -> bool {
    codes.get(end).is_none_or(|&b| !code_is_word(b))
}

/// The char where the word holding char `start` begins, when at most
/// [`MAX_CLITIC_CHARS`] word chars stand before it (no allowed clitic
/// sequence is longer, so a longer run means the hit is inside a word).
fn clitic_start(codes: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    while i > 0 && code_is_word(codes[i - 1]) {
        if start - i == MAX_CLITIC_CHARS {
            return None;
        }
        i -= 1;
    }
    Some(i)
}

/// The folded pattern itself when one of its chars has no code of its own
/// (so a hit on the codes may be another char and must be compared).
fn ambiguous_text(folded: &str) -> Option<String> {
    folded
        .chars()
        .any(|c| code(c) >= OTHER_WORD)
        .then(|| folded.to_string())
}

fn codes_of(folded: &str) -> Vec<u8> {
    folded.chars().map(code).collect()
}

fn prefix_allowed(prefix: &str, t: &Target) -> bool {
    if t.after_lam {
        return matches!(prefix, "ل" | "ول" | "فل");
    }
    match t.form {
        AliasForm::Adjective | AliasForm::People => {
            CLITICS.contains(&prefix)
                || prefix
                    .strip_suffix("ال")
                    .is_some_and(|c| CLITICS.contains(&c) && !c.ends_with('ل'))
                || matches!(prefix, "لل" | "ولل" | "فلل")
        }
        AliasForm::Name | AliasForm::Short => {
            CLITICS.contains(&prefix) && !(t.definite && prefix.ends_with('ل'))
        }
    }
}

/// The inflected forms of a (possibly multi-word) nisba, each word agreeing
/// with the first; later words may carry the article.
fn inflect_nisba(base: &str) -> Vec<String> {
    let words: Vec<&str> = base.split(' ').collect();
    let mut out = Vec::new();
    for suffix in NISBA_SUFFIXES {
        let first = format!("{}{suffix}", words[0]);
        if words.len() == 1 {
            out.push(first);
            continue;
        }
        let rest: Vec<String> = words[1..].iter().map(|w| format!("{w}{suffix}")).collect();
        out.push(format!("{first} {}", rest.join(" ")));
        let definite: Vec<String> = rest.iter().map(|w| format!("ال{w}")).collect();
        out.push(format!("{first} {}", definite.join(" ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer() -> Gazetteer {
        let mut g = Gazetteer::default();
        let countries = "iso3\tiso2\tname_en\tname_ar\taliases_ar\tadjectives_ar\tpeoples_ar\n\
            JOR\tJO\tJordan\tالأردن\t-\tأردني\t-\n\
            TUR\tTR\tTurkey\tتركيا\t-\tتركي\tأتراك\n\
            MLI\tML\tMali\t~مالي\t-\t-\t-\n\
            MYS\tMY\tMalaysia\tماليزيا\t-\tماليزي\t-\n\
            PRK\tKP\tNorth Korea\tكوريا الشمالية\t-\tكوري شمالي\t-\n";
        let orgs = "id\tname_en\tname_ar\taliases_ar\taliases_en\tkind\tcountry\n\
            un\tUnited Nations\tالأمم المتحدة\t-\tUN\tinternational\t-\n\
            cafe\tCafé Club\tنادي café\t-\t-\tpolitical\t-\n";
        assert!(g.add_file("countries.tsv", "c", countries).is_empty());
        assert!(g.add_file("organisations.tsv", "o", orgs).is_empty());
        g
    }

    fn ids(g: &Gazetteer, text: &str) -> Vec<String> {
        let m = Matcher::new(g);
        let n = Normalized::new(text);
        m.find(&n)
            .iter()
            .map(|c| g.entities()[c.targets[0].entity].id.clone())
            .collect()
    }

    #[test]
    fn chars_sharing_a_code_are_told_apart() {
        let g = gazetteer();
        assert_eq!(ids(&g, "في نادي café"), ["cafe"]);
        assert!(ids(&g, "في نادي cafè").is_empty());
        assert!(ids(&g, "في نادي cafü").is_empty());
    }

    #[test]
    fn clitics_and_article_are_recognised() {
        let g = gazetteer();
        let cases: [(&str, &[&str]); 9] = [
            ("والأردن", &["JOR"]),
            ("بالأردن", &["JOR"]),
            ("للأمم المتحدة", &["un"]),
            ("وللأمم المتحدة", &["un"]),
            ("التركي والتركية", &["TUR", "TUR"]),
            ("الأتراك", &["TUR"]),
            ("الأميركيين الأتراك", &["TUR"]),
            ("الكوريين الشماليين", &["PRK"]),
            ("لتركيا", &["TUR"]),
        ];
        for (text, want) in cases {
            assert_eq!(ids(&g, text), want, "text {text}");
        }
    }

    #[test]
    fn words_that_merely_contain_a_name_do_not_match() {
        let g = gazetteer();
        for text in [
            "شمالي",
            "المالية",
            "الاجتماعية",
            "الأردنيةx",
            "تركياه",
            "لالأردن",
        ] {
            let found = ids(&g, text);
            assert!(
                found.iter().all(|id| id != "MLI") && (text != "لالأردن" || found.is_empty()),
                "text {text} gave {found:?}"
            );
        }
        assert_eq!(ids(&g, "ماليزيا"), ["MYS"]);
    }

    #[test]
    fn the_span_excludes_the_conjunction_but_keeps_the_article() {
        let g = gazetteer();
        let m = Matcher::new(&g);
        let n = Normalized::new("والتركية");
        let c = &m.find(&n)[0];
        assert_eq!((c.word_start, c.start, c.end), (0, 1, 8));
    }
}
