//! Officials the gazetteer does not know, found by their title: "وزير
//! الخارجية القطري سلطان بن سعد المريخي", "المبعوث الأميركي الخاص إلى سوريا
//! توم باراك". After a title come, optionally, the country's nisba and
//! qualifiers (الخاص، السابق، باسم وزارة الخارجية …), then the name: two to
//! four words with their particles (بن، أبو، آل، عبد). What is not a name
//! (a ministry, a country, a verb) stops the reading, and a name the
//! gazetteer knows keeps its gazetteer identity.

use super::dates::WEEKDAYS;
use super::mentions::Resolved;
use crate::evidence::Evidence;
use crate::gazetteer::{AliasForm, Candidate, EntityKind, Gazetteer, TitleHit};
use crate::text::{Normalized, Token};
use rustc_hash::FxHashSet;
use std::sync::Arc;

/// A person found by title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discovered {
    /// The name as written (original text).
    pub name_ar: String,
    /// The folded name, which identifies the person across articles.
    pub key: String,
    /// A Latin transliteration, for ids and English labels.
    pub latin: String,
    /// The title's code (`foreign_minister`); empty when only a nisba
    /// introduced the name.
    pub title: String,
    /// The title in English; empty without a title.
    pub role: String,
    /// The country the title names (gazetteer index).
    pub country: Option<usize>,
    /// The title-and-name quote, then later surname mentions.
    pub evidence: Vec<Evidence>,
}

/// Words that can stand between a title and the name.
const QUALIFIERS: [&str; 26] = [
    "انذاك",
    "التنظيم",
    "الخاص",
    "السابق",
    "الجديد",
    "الحالي",
    "الاسبق",
    "المكلف",
    "المستقيل",
    "الدوله",
    "للشوون",
    "الخارجيه",
    "الدفاع",
    "الداخليه",
    "باسم",
    "وزاره",
    "الجيش",
    "الحكومه",
    "الاعلي",
    "العام",
    "الي",
    "لشوون",
    "الاممي",
    "الدولي",
    "الشيخ",
    "الامير",
];

/// Honorifics and ranks before a name: skipped, not part of it.
const HONORIFICS: [&str; 14] = [
    "الادميرال",
    "الشيخ",
    "الامير",
    "الملك",
    "الدكتور",
    "د",
    "اللواء",
    "العميد",
    "الجنرال",
    "العقيد",
    "المشير",
    "الفريق",
    "السيد",
    "السيده",
];

/// Words that grade an office named after them (مساعدة وزير الخارجية).
const ROLE_PREFIXES: [&str; 8] = [
    "مساعده",
    "مساعد",
    "نايب",
    "نايبه",
    "مستشار",
    "مستشاره",
    "كبير",
    "كبيره",
];

/// Given names written with ئ or ؤ, folded.
const HAMZA_NAMES: [&str; 12] = [
    "وايل",
    "فايز",
    "رايد",
    "هايل",
    "نايل",
    "عايشه",
    "لوي",
    "مويد",
    "فواد",
    "رووف",
    "مومن",
    "سوسن",
];

/// Particles inside Arabic names.
const PARTICLES: [&str; 6] = ["بن", "ابن", "ابو", "ال", "عبد", "بنت"];

/// Words that end a name: prepositions, conjunctions, verbs of speech,
/// time words.
const STOP: [&str; 43] = [
    "غير",
    "قد",
    "لقد",
    "سوف",
    "لم",
    "لن",
    "ما",
    "هو",
    "هي",
    "هم",
    "وقد",
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "ان",
    "انه",
    "قال",
    "قالت",
    "اكد",
    "اكدت",
    "يوم",
    "اليوم",
    "امس",
    "خلال",
    "الذي",
    "التي",
    "بان",
    "لان",
    "حيث",
    "كما",
    "بعد",
    "قبل",
    "عبر",
    "او",
    "ثم",
    "لكن",
    "حول",
    "بشان",
    "اثناء",
    "لدي",
];

/// Everything the reading of one article needs.
struct Reader<'a> {
    g: &'a Gazetteer,
    text: &'a Normalized,
    original: &'a [char],
    tokens: &'a [Token],
    candidates: &'a [Candidate],
    resolved: &'a [Resolved],
    titles: &'a [TitleHit],
    first_names: &'a FxHashSet<String>,
}

impl Reader<'_> {
    fn word(&self, t: &Token) -> &str {
        &self.text.as_str()[self.text.byte_of_char(t.start)..self.text.byte_of_char(t.end)]
    }

    /// The gazetteer mention covering token `t`: kind, form, entity, end.
    fn mention_at(&self, t: &Token) -> Option<(EntityKind, AliasForm, usize, usize)> {
        // Mentions are in text order and at most nested two deep (a country
        // inside an organisation): look just before the token's end.
        let upto = self
            .resolved
            .partition_point(|r| self.candidates[r.candidate].start < t.end);
        self.resolved[upto.saturating_sub(3)..upto]
            .iter()
            .rev()
            .find(|r| {
                let c = &self.candidates[r.candidate];
                c.start < t.end && t.start < c.end
            })
            .map(|r| {
                (
                    self.g.entities()[r.entity].kind,
                    r.form,
                    r.entity,
                    self.candidates[r.candidate].end,
                )
            })
    }

    /// What separates two positions: `Some(true)` for spaces only,
    /// `Some(false)` for one comma, `None` for anything else.
    fn gap(&self, a: usize, b: usize) -> Option<bool> {
        if b < a {
            return None;
        }
        let between = &self.text.as_str()[self.text.byte_of_char(a)..self.text.byte_of_char(b)];
        // Quotes fold to spaces for matching; a name does not run across one.
        let (oa, ob) = (
            self.text.original_span(a.saturating_sub(1), a).1,
            self.text.original_span(b, b + 1).0,
        );
        let quotes = self.original.get(oa..ob).map_or(0, |o| {
            o.iter()
                .filter(|c| matches!(c, '"' | '«' | '»' | '“' | '”'))
                .count()
        });
        let commas = between.chars().filter(|c| matches!(c, '،' | ',')).count() + quotes;
        let other = between.chars().any(|c| !matches!(c, ' ' | '،' | ','));
        // (Folded quotes are spaces, counted above from the original.)
        match (commas, other) {
            (0, false) => Some(true),
            (1, false) => Some(false),
            _ => None,
        }
    }

    fn is_given(&self, w: &str) -> bool {
        self.first_names.contains(w)
    }

    /// Whether the original spelling has ئ or ؤ where a given name has
    /// none: جئنا ("we came") folds to the name جينا. Names spelled with
    /// them (وائل، فؤاد، لؤي …) are listed.
    fn hamza_word(&self, k: &Token) -> bool {
        let (s, e) = self.text.original_span(k.start, k.end);
        let hamza = self
            .original
            .get(s..e)
            .is_some_and(|o| o.iter().any(|c| matches!(c, 'ئ' | 'ؤ')));
        hamza && !HAMZA_NAMES.contains(&self.word(k))
    }

    /// Whether token `k` ends a name. على and علي fold alike: the
    /// original's final ى tells the preposition from the name.
    fn is_stop(&self, k: &Token) -> bool {
        let w = self.word(k);
        if w == "علي" {
            let (_, e) = self.text.original_span(k.start, k.end);
            return e > 0 && self.original.get(e - 1) == Some(&'ى');
        }
        STOP.contains(&w) || WEEKDAYS.contains(&w)
    }

    /// Reads a name from token `i` on: a given name (عبد الله, أبو بكر and
    /// نور الدين count as one), then words and particle chains (بن سعد، آل
    /// ثاني). A surname with ال ends it; a third plain word comes only after
    /// a compound given name (محمد جواد ظريف); a word with و starts something
    /// else. Returns the name's tokens.
    fn read_name(&self, mut i: usize) -> Vec<usize> {
        let mut name: Vec<usize> = Vec::new();
        let mut real = 0;
        let mut after_particle = false;
        let mut prev_given = false;
        let mut last_end = None;
        while i < self.tokens.len() && real < 4 {
            let k = &self.tokens[i];
            if last_end.is_some_and(|e| self.gap(e, k.start) != Some(true)) {
                break;
            }
            let w = self.word(k);
            let arabic = w.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c));
            if !arabic || self.is_stop(k) || self.mention_at(k).is_some() {
                break;
            }
            let particle = PARTICLES.contains(&w);
            if name.is_empty() {
                // A name opens with a given name, or أبو / عبد; not with بن.
                let opens = matches!(w, "ابو" | "عبد")
                    || (!particle
                        && self.is_given(w)
                        && !self.hamza_word(k)
                        && !QUALIFIERS.contains(&w));
                if !opens {
                    break;
                }
            } else if !after_particle && !particle && !matches!(w, "الدين" | "اوغلو") {
                if w.starts_with('و') && w.chars().count() > 3 {
                    break;
                }
                // "الرئيس", "وزير": the next title, not this name.
                if self
                    .titles
                    .binary_search_by_key(&k.start, |t| t.start)
                    .is_ok()
                {
                    break;
                }
                // A surname with ال follows a given name: عادل الجبير, سعد
                // المريخي; after ترمب, "المفاجئ" is an adjective.
                if w.starts_with("ال") && !prev_given {
                    break;
                }
                // A third plain word follows only a compound given name; not
                // a verb (سيلتقي) or a word with a preposition (لتحديث).
                let clitic = ["ل", "ب", "ف", "ك", "سي", "ست", "ي", "ت"]
                    .iter()
                    .any(|c| w.starts_with(c));
                if !w.starts_with("ال") && real >= 2 && (!prev_given || clitic) {
                    break;
                }
            }
            name.push(i);
            last_end = Some(k.end);
            i += 1;
            if particle {
                after_particle = true;
                continue;
            }
            // عبد الله, أبو بكر: one name in two words; نور الدين and جاويش
            // أوغلو: a second word that belongs to the first.
            let suffix = matches!(w, "الدين" | "اوغلو");
            let unit = after_particle
                && name.len() >= 2
                && matches!(self.word(&self.tokens[name[name.len() - 2]]), "عبد" | "ابو");
            after_particle = false;
            if !suffix {
                real += 1;
            }
            prev_given = unit || suffix || self.is_given(w);
            // A surname with ال ends the name, unless a second nisba follows
            // (أبو إبراهيم الهاشمي القرشي).
            let nisba_next = w.ends_with('ي')
                && self.tokens.get(i).is_some_and(|n| {
                    let nw = self.word(n);
                    nw.starts_with("ال")
                        && nw.ends_with('ي')
                        && self.gap(k.end, n.start) == Some(true)
                });
            if w.starts_with("ال") && !unit && real >= 2 && !nisba_next {
                break;
            }
            prev_given |= nisba_next;
        }
        while name
            .last()
            .is_some_and(|&j| PARTICLES.contains(&self.word(&self.tokens[j])))
        {
            name.pop();
        }
        let words: Vec<&str> = name.iter().map(|&j| self.word(&self.tokens[j])).collect();
        let real = words
            .iter()
            .filter(|w| !PARTICLES.contains(w) && !matches!(**w, "الدين" | "اوغلو"))
            .count();
        if (2..=4).contains(&real) {
            name
        } else {
            Vec::new()
        }
    }

    /// After a title or nisba ending at `from`: the country its nisba names
    /// and the first token of the name, skipping qualifiers, organisations,
    /// destinations and one comma.
    fn after(&self, from: usize, mut country: Option<usize>) -> Option<(Option<usize>, usize)> {
        let mut i = self.tokens.partition_point(|k| k.start < from);
        let mut last_end = from;
        let mut skipped = 0;
        let mut comma_used = false;
        while i < self.tokens.len() && skipped < 7 {
            let k = &self.tokens[i];
            match self.gap(last_end, k.start) {
                Some(true) => {}
                Some(false) if !comma_used => comma_used = true,
                _ => return None,
            }
            let w = self.word(k);
            match self.mention_at(k) {
                // The nisba names the official's country; a country's name
                // ("المبعوث الخاص إلى سوريا") is where the office points.
                Some((EntityKind::Country, form, e, end)) => {
                    // "رئيس نيكاراغوا دانيال أورتيغا": a name right after the
                    // title is its country too.
                    if matches!(form, AliasForm::Adjective | AliasForm::People) || skipped == 0 {
                        country.get_or_insert(e);
                    }
                    while i < self.tokens.len() && self.tokens[i].end <= end {
                        i += 1;
                    }
                    last_end = end;
                    skipped += 1;
                    continue;
                }
                Some((kind @ (EntityKind::Organisation | EntityKind::Place), _, e, end)) => {
                    // "أمين مجلس الأمن القومي الإيراني": a national body names
                    // its country.
                    if kind == EntityKind::Organisation
                        && let Some(iso) = self.g.entities()[e].country.as_deref()
                        && let Some(c) = self.g.position(EntityKind::Country, iso)
                    {
                        country.get_or_insert(c);
                    }
                    while i < self.tokens.len() && self.tokens[i].end <= end {
                        i += 1;
                    }
                    last_end = end;
                    skipped += 1;
                    continue;
                }
                Some(_) => return None,
                None => {}
            }
            // "باسم" after المتحدث is "in the name of", not the name Basim.
            if (self.is_given(w) && !self.is_stop(k) && !QUALIFIERS.contains(&w))
                || matches!(w, "ابو" | "عبد")
            {
                return Some((country, i));
            }
            // Qualifiers, and one unknown word before a given name
            // ("وزير داخليته أنس خطاب").
            let next_given = self
                .tokens
                .get(i + 1)
                .is_some_and(|n| self.is_given(self.word(n)));
            if QUALIFIERS.contains(&w) || HONORIFICS.contains(&w) || next_given && !self.is_stop(k)
            {
                i += 1;
                last_end = k.end;
                skipped += 1;
                continue;
            }
            return None;
        }
        None
    }

    /// A name standing just before a title ("فيكتوريا نولاند، مساعدة وزير",
    /// "براد كوبر قائد القيادة المركزية").
    fn before(&self, to: usize) -> Vec<usize> {
        let mut end = self.tokens.partition_point(|k| k.end <= to);
        // "نولاند، مساعدة وزير الخارجية": a word that grades the office.
        if end > 0 && ROLE_PREFIXES.contains(&self.word(&self.tokens[end - 1])) {
            let start = self.tokens[end - 1].start;
            end -= 1;
            if end == 0 || self.gap(self.tokens[end - 1].end, start).is_none() {
                return Vec::new();
            }
            return self.name_ending_at(end);
        }
        if end == 0 || self.gap(self.tokens[end - 1].end, to).is_none() {
            return Vec::new();
        }
        self.name_ending_at(end)
    }

    /// The longest name whose last token is `end - 1`, not itself right
    /// after a title ("المتحدث باسم التحالف العقيد …" names no باسم).
    fn name_ending_at(&self, end: usize) -> Vec<usize> {
        for back in (2..=5).rev() {
            let Some(start) = end.checked_sub(back) else {
                continue;
            };
            let after_title =
                crate::gazetteer::title_ends_before(self.titles, self.tokens[start].start);
            if after_title {
                continue;
            }
            let name = self.read_name(start);
            if name.last() == Some(&(end - 1)) {
                return name;
            }
        }
        Vec::new()
    }
}

/// Discovers officials named with a title (or a nisba) in one article.
#[allow(clippy::too_many_arguments)]
pub fn discover(
    g: &Gazetteer,
    text: &Normalized,
    original: &[char],
    article: &Arc<str>,
    tokens: &[Token],
    candidates: &[Candidate],
    resolved: &[Resolved],
    titles: &[TitleHit],
    first_names: &FxHashSet<String>,
) -> Vec<Discovered> {
    let r = Reader {
        g,
        text,
        original,
        tokens,
        candidates,
        resolved,
        titles,
        first_names,
    };
    // Where to look: after every title, and after a nisba that a given name
    // follows ("ونظرائه العراقي فالح فياض والسوري علي المملوك").
    let mut starts: Vec<(usize, usize, Option<usize>, Option<usize>)> = titles
        .iter()
        .map(|t| (t.start, t.end, Some(t.title), None))
        .collect();
    for m in resolved {
        let c = &candidates[m.candidate];
        if g.entities()[m.entity].kind == EntityKind::Country
            && matches!(m.form, AliasForm::Adjective)
            && !crate::gazetteer::title_ends_before(titles, c.start)
        {
            starts.push((c.start, c.end, None, Some(m.entity)));
        }
    }
    starts.sort();
    let mut out: Vec<Discovered> = Vec::new();
    for &(t_start, t_end, title, country) in &starts {
        let (country, name) = match r.after(t_end, country) {
            Some((c, i)) => (c, r.read_name(i)),
            None => (country, Vec::new()),
        };
        let (name, quote_from) = if name.is_empty() && title.is_some() && country.is_none() {
            let before = r.before(t_start);
            let from = before.first().map(|&j| tokens[j].start).unwrap_or(t_start);
            (before, from)
        } else {
            (name, t_start)
        };
        let Some(&last) = name.last() else {
            continue;
        };
        let (first, last) = (&tokens[name[0]], &tokens[last]);
        let (os, oe) = text.original_span(first.start, last.end);
        let (qs, _) = text.original_span(quote_from, quote_from + 1);
        let (_, qe) = text.original_span(t_end.max(last.end) - 1, t_end.max(last.end));
        let key = name
            .iter()
            .map(|&j| r.word(&tokens[j]))
            .collect::<Vec<_>>()
            .join(" ");
        let quote = Evidence {
            article: article.clone(),
            start: qs,
            end: qe,
            text: original[qs..qe].iter().collect(),
            basis: None,
        };
        // A nisba alone ("المصري محمد صلاح") gives a nationality, not an
        // office.
        let (code, role) = match title {
            Some(t) => (g.titles()[t].code.clone(), g.titles()[t].name_en.clone()),
            None => (String::new(), String::new()),
        };
        match out.iter_mut().find(|d| d.key == key) {
            Some(d) => {
                // One name read both after a title and before the next
                // ("وزير … توماس شتاينباخ نظيره") is one mention.
                if !d
                    .evidence
                    .iter()
                    .any(|e| e.start < quote.end && quote.start < e.end)
                {
                    d.evidence.push(quote);
                }
                if d.country.is_none() {
                    d.country = country;
                }
            }
            None => out.push(Discovered {
                name_ar: original[os..oe].iter().collect(),
                latin: transliterate(&key),
                key,
                title: code,
                role,
                country,
                evidence: vec![quote],
            }),
        }
    }
    // Later bare surnames (لافروف after سيرغي لافروف) join their person.
    for d in &mut out {
        let surname = d.key.rsplit(' ').next().unwrap_or("").to_string();
        if surname.chars().count() < 4 || surname.starts_with("ال") && surname.chars().count() < 6
        {
            continue;
        }
        let first_end = d.evidence[0].end;
        for k in tokens {
            let w = r.word(k);
            let bare = w.strip_prefix('و').unwrap_or(w);
            if bare != surname || r.mention_at(k).is_some() {
                continue;
            }
            let (s, e) = text.original_span(k.start + (w.len() != bare.len()) as usize, k.end);
            if s < first_end {
                continue;
            }
            d.evidence.push(Evidence {
                article: article.clone(),
                start: s,
                end: e,
                text: original[s..e].iter().collect(),
                basis: None,
            });
        }
    }
    out
}

/// A transliteration in title case, for English labels: "twm barak" →
/// "Twm Barak".
///
/// # Example
/// ```
/// assert_eq!(majlis::extract::latin_label("twm barak"), "Twm Barak");
/// ```
pub fn latin_label(latin: &str) -> String {
    latin
        .split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A plain Latin rendering of folded Arabic, for ids and labels of people
/// the gazetteer does not know.
///
/// # Example
/// ```
/// assert_eq!(majlis::extract::transliterate("توم باراك"), "twm barak");
/// ```
pub fn transliterate(folded: &str) -> String {
    folded
        .chars()
        .map(|c| match c {
            'ا' => "a",
            'ب' => "b",
            'ت' => "t",
            'ث' => "th",
            'ج' => "j",
            'ح' => "h",
            'خ' => "kh",
            'د' => "d",
            'ذ' => "dh",
            'ر' => "r",
            'ز' => "z",
            'س' => "s",
            'ش' => "sh",
            'ص' => "s",
            'ض' => "d",
            'ط' => "t",
            'ظ' => "z",
            'ع' => "a",
            'غ' => "gh",
            'ف' => "f",
            'ق' => "q",
            'ك' => "k",
            'ل' => "l",
            'م' => "m",
            'ن' => "n",
            'ه' => "h",
            'و' => "w",
            'ي' => "y",
            ' ' => " ",
            _ => "",
        })
        .collect()
}
