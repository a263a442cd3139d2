//! Meetings: trigger words (اجتماع، قمة، مؤتمر، محادثات، زيارة، التقى …), the
//! place and host, the date, the status (held or planned), the kind, and who
//! took part.
//!
//! A meeting needs a place (a city from the places gazetteer) or a host
//! country (في تركيا, تستضيف تركيا). Later sentences that speak of "the
//! meeting" (الاجتماع، اللقاء، القمة، الدول المشاركة) join the latest
//! meeting. Participation is only read where the text says it: a country
//! listed after a participation cue (بمشاركة، بحضور، كلًا من، بين), a
//! delegate's nisba (وزير الخارجية القطري), a person named in a meeting
//! sentence and the country that person represents. A country named as the
//! subject (القضية السورية), as a place (في سوريا) or as a target (ضد،
//! إدانة) does not attend.

use super::dates::{DateHit, TextDate};
use super::mentions::Resolved;
use super::relations::Relation;
use crate::evidence::Evidence;
use crate::gazetteer::{AliasForm, Candidate, EntityKind, Gazetteer, TitleHit};
use crate::text::{Normalized, Token, WordMap, WordSet};
use rustc_hash::FxHashSet;

use std::sync::Arc;
use std::sync::LazyLock;

/// Whether a meeting took place or is announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// It took place.
    Held,
    /// It is announced, expected or called for.
    Planned,
}

impl Status {
    /// `held` or `planned`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::Planned => "planned",
        }
    }
}

/// A meeting found in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// The place entity (gazetteer index), when a city is named.
    pub place: Option<usize>,
    /// The host country (gazetteer index).
    pub host: Option<usize>,
    /// The date, as precise as the text gives it.
    pub date: Option<TextDate>,
    /// Held or planned.
    pub status: Status,
    /// summit, foreign ministers, defence ministers, security chiefs,
    /// talks, visit, conference, meeting.
    pub kind: &'static str,
    /// Quotes that mention the meeting.
    pub evidence: Vec<Evidence>,
    /// Participants: (gazetteer index, quote).
    pub attendees: Vec<(usize, Evidence)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// A noun or verb that names a meeting.
    Meeting(&'static str),
    /// A verb of hosting (استضافت).
    Host,
}

/// Clitics that may stand before a trigger word, tried in this order.
const TRIGGER_CLITICS: [&str; 10] = ["وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"];

/// What the word with codes `word` triggers.
fn trigger_of(word: &[u8]) -> Option<Trigger> {
    // Every word of every sentence is asked, so the answer comes from one
    // lookup over all the spellings that can answer at all.
    static WORDS: LazyLock<WordMap<Trigger>> = LazyLock::new(|| {
        WordMap::new(
            with_prefixes(&TRIGGER_STEMS.map(|(stem, _)| stem), &TRIGGER_CLITICS)
                .filter_map(|w| trigger_by_rules(&w).map(|t| (w, t))),
        )
    });
    WORDS.get(word).copied()
}

/// What [`trigger_of`] answers, worked out by the rules.
fn trigger_by_rules(word: &str) -> Option<Trigger> {
    // واجتمع، فالتقى، وبحضور …: a conjunction or preposition in front.
    std::iter::once(word)
        .chain(TRIGGER_CLITICS.iter().filter_map(|p| word.strip_prefix(p)))
        .find_map(trigger_stem)
}

/// Trigger words and the kind of gathering they name; `None` marks the
/// verbs of hosting (استضافت), which name the host, not a meeting.
const TRIGGER_STEMS: [(&str, Option<&str>); 71] = [
    ("اجتماع", Some("meeting")),
    ("اجتماعا", Some("meeting")),
    ("اجتماعات", Some("meeting")),
    ("اجتماعه", Some("meeting")),
    ("اجتماعها", Some("meeting")),
    ("اجتماعهم", Some("meeting")),
    ("الاجتماع", Some("meeting")),
    ("اجتمع", Some("meeting")),
    ("اجتمعوا", Some("meeting")),
    ("اجتمعت", Some("meeting")),
    ("يجتمع", Some("meeting")),
    ("يجتمعون", Some("meeting")),
    ("سيجتمع", Some("meeting")),
    ("ستجتمع", Some("meeting")),
    ("تجتمع", Some("meeting")),
    ("المجتمعين", Some("meeting")),
    ("المجتمعون", Some("meeting")),
    ("قمه", Some("summit")),
    ("القمه", Some("summit")),
    ("قمتها", Some("summit")),
    ("قمتهم", Some("summit")),
    ("موتمر", Some("conference")),
    ("الموتمر", Some("conference")),
    ("موتمرا", Some("conference")),
    ("لقاء", Some("meeting")),
    ("اللقاء", Some("meeting")),
    ("لقاءات", Some("meeting")),
    ("لقاءا", Some("meeting")),
    ("التقي", Some("meeting")),
    ("يلتقي", Some("meeting")),
    ("سيلتقي", Some("meeting")),
    ("التقوا", Some("meeting")),
    ("التقت", Some("meeting")),
    ("يلتقون", Some("meeting")),
    ("تلتقي", Some("meeting")),
    ("محادثات", Some("talks")),
    ("المحادثات", Some("talks")),
    ("مباحثات", Some("talks")),
    ("المباحثات", Some("talks")),
    ("مفاوضات", Some("talks")),
    ("المفاوضات", Some("talks")),
    ("زياره", Some("visit")),
    ("الزياره", Some("visit")),
    ("زيارته", Some("visit")),
    ("زيارتها", Some("visit")),
    ("زار", Some("visit")),
    ("زارت", Some("visit")),
    ("يزور", Some("visit")),
    ("تزور", Some("visit")),
    ("سيزور", Some("visit")),
    ("ستزور", Some("visit")),
    ("سيذهب", Some("visit")),
    ("ستذهب", Some("visit")),
    ("استقبل", Some("meeting")),
    ("استقبلت", Some("meeting")),
    ("يستقبل", Some("meeting")),
    ("تستقبل", Some("meeting")),
    ("سيستقبل", Some("meeting")),
    ("استقبال", Some("meeting")),
    ("استقباله", Some("meeting")),
    ("مشاورات", Some("talks")),
    ("المشاورات", Some("talks")),
    ("منتدي", Some("conference")),
    ("حوار", Some("conference")),
    ("استضافت", None),
    ("استضاف", None),
    ("تستضيف", None),
    ("يستضيف", None),
    ("ستستضيف", None),
    ("سيستضيف", None),
    ("استضافه", None),
];

fn trigger_stem(stem: &str) -> Option<Trigger> {
    TRIGGER_STEMS
        .iter()
        .find(|(w, _)| *w == stem)
        .map(|(_, kind)| kind.map_or(Trigger::Host, Trigger::Meeting))
}

/// Nouns that refer back to a meeting already named.
const ANAPHORA: [&str; 9] = [
    "الاجتماع",
    "اللقاء",
    "القمه",
    "الموتمر",
    "المشاركه",
    "المشاركين",
    "المشاركون",
    "المجتمعون",
    "الختامي",
];

/// Words after which the countries listed take part.
const PARTICIPATION: [&str; 32] = [
    "بمعيه",
    "برفقه",
    "بصحبه",
    "مندوبو",
    "مندوبي",
    "ضم",
    "يضم",
    "تضم",
    "بمشاركه",
    "بحضور",
    "ضمت",
    "شارك",
    "شاركت",
    "المشاركه",
    "كل",
    "كلا",
    "حضره",
    "حضرها",
    "ممثلو",
    "ممثلي",
    "وفود",
    "وفد",
    "بين",
    "اجتمع",
    "اجتمعوا",
    "روساء",
    "قاده",
    "زعماء",
    "وزراء",
    "رييسا",
    "زعيما",
    "وزيرا",
];

/// How many words after a participation cue a list may run.
const LIST_REACH: usize = 14;

/// Words that make what follows the adversary of a meeting.
const AGAINST: [&str; 10] = [
    "لمواجهه",
    "مواجهه",
    "لمحاربه",
    "محاربه",
    "لمكافحه",
    "مكافحه",
    "لهزيمه",
    "هزيمه",
    "لقتال",
    "قتال",
];

/// Words that make a following country a subject, target or location.
const NOT_A_PARTY: [&str; 22] = [
    "في",
    "ضد",
    "غياب",
    "دون",
    "بدون",
    "عدا",
    "باستثناء",
    "ادانه",
    "الاحتلال",
    "العدوان",
    "حول",
    "بشان",
    "لمناقشه",
    "مستجدات",
    "القضيه",
    "الازمه",
    "الملف",
    "الاراضي",
    "الحدود",
    "تجاه",
    "انتهاكات",
    "عن",
];

/// Nouns after which a nisba names a delegate's country.
const DELEGATE_NOUNS: [&str; 16] = [
    "وزير",
    "وزيره",
    "وزراء",
    "وفد",
    "الوفد",
    "المندوب",
    "ممثل",
    "الرييس",
    "رييس",
    "الجانب",
    "العاهل",
    "نظيره",
    "نظرائه",
    "المسوول",
    "مسوول",
    "الملك",
];

const PLANNED: [&str; 30] = [
    "سيعقد",
    "ستعقد",
    "سيجتمع",
    "ستجتمع",
    "المقرر",
    "المقرره",
    "المقبل",
    "المقبله",
    "القادم",
    "القادمه",
    "المرتقب",
    "المرتقبه",
    "مرتقب",
    "مرتقبه",
    "يتوقع",
    "المتوقع",
    "تقرر",
    "سيلتقي",
    "ستستضيف",
    "سيستضيف",
    "سيجري",
    "ستجري",
    "يعتزم",
    "تعتزم",
    "سيشارك",
    "ستشارك",
    "ستنطلق",
    "سينطلق",
    "سيزور",
    "ستبدا",
];

fn strip_clitics(word: &str) -> &str {
    for prefix in ["وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"] {
        if let Some(rest) = word.strip_prefix(prefix)
            && rest.chars().count() >= 4
            && (trigger_like(rest) || ANAPHORA.contains(&rest))
        {
            return rest;
        }
    }
    word
}

/// Whether a trigger word is a noun (اجتماع، قمة …) rather than a verb.
fn is_noun_trigger(w: &str) -> bool {
    trigger_like(w)
        || w.contains("محادثات")
        || w.contains("مفاوضات")
        || w.contains("موتمر")
        || w == "حوار"
        || w == "منتدي"
}

fn trigger_like(s: &str) -> bool {
    s.starts_with("اجتماع")
        || s.starts_with("الاجتماع")
        || s.starts_with("لقاء")
        || s.starts_with("اللقاء")
        || s.starts_with("قم")
        || s.starts_with("القم")
        || s.starts_with("موتمر")
        || s.starts_with("الموتمر")
        || s.starts_with("زيار")
        || s.starts_with("الزيار")
        || s.ends_with("محادثات")
        || s.ends_with("مباحثات")
}

/// Everything meetings need from the earlier stages of one article.
pub struct Context<'a> {
    /// The gazetteer.
    pub g: &'a Gazetteer,
    /// Folded text.
    pub text: &'a Normalized,
    /// Original characters.
    pub original: &'a [char],
    /// Article id.
    pub article: &'a Arc<str>,
    /// Gazetteer hits.
    pub candidates: &'a [Candidate],
    /// Resolved mentions.
    pub resolved: &'a [Resolved],
    /// `represents` relations.
    pub relations: &'a [Relation],
    /// Titles found.
    pub titles: &'a [TitleHit],
    /// Dates found.
    pub dates: &'a [DateHit],
    /// Words.
    pub tokens: &'a [Token],
    /// Sentence ends.
    pub sentences: &'a [usize],
    /// The article's publication date.
    pub published: Option<crate::gazetteer::PartialDate>,
}

impl Context<'_> {
    /// The relations whose source is `entity` (relations are grouped by
    /// source; see [`find`]).
    fn relations_of(&self, entity: usize) -> impl Iterator<Item = &Relation> {
        let from = self.relations.partition_point(|r| r.source < entity);
        self.relations[from..]
            .iter()
            .take_while(move |r| r.source == entity)
    }

    fn codes(&self, t: &Token) -> &[u8] {
        &self.text.codes()[t.start..t.end]
    }

    fn word(&self, t: &Token) -> &str {
        &self.text.as_str()[self.text.byte_of_char(t.start)..self.text.byte_of_char(t.end)]
    }

    fn quote(&self, start: usize, end: usize) -> Evidence {
        let (s, e) = self.text.original_span(start, end);
        let e = e.min(self.original.len());
        Evidence {
            article: self.article.clone(),
            start: s,
            end: e,
            text: self.original[s..e].iter().collect::<String>(),
            basis: None,
        }
    }

    /// The sentence span `[start, end)` of sentence `i`, trimmed.
    fn sentence(&self, i: usize) -> (usize, usize) {
        let start = if i == 0 { 0 } else { self.sentences[i - 1] };
        let end = self.sentences[i];
        // Folding leaves no whitespace but the space and the line break.
        let space = |b: &u8| matches!(b, b' ' | b'\n');
        let span = &self.text.codes()[start..end];
        let lead = span.iter().take_while(|b| space(b)).count();
        let trail = span[lead..].iter().rev().take_while(|b| space(b)).count();
        (start + lead, end - trail)
    }

    fn kind_of(&self, r: &Resolved) -> EntityKind {
        self.g.entities()[r.entity].kind
    }
}

/// Finds the meetings of one article.
pub fn find(cx: &Context) -> Vec<Meeting> {
    let mut meetings: Vec<Meeting> = Vec::new();
    // A later "the meeting" is the one the previous sentence introduced,
    // else the article's main (first) meeting.
    let mut introduced_last: Option<usize> = None;
    // Whether the previous sentence was about a meeting: officials who go on
    // speaking (قال، أكد، طالب …) are speaking there.
    let mut chain: Option<usize> = None;
    for si in 0..cx.sentences.len() {
        let (start, end) = cx.sentence(si);
        if start >= end {
            continue;
        }
        // Tokens and mentions are in text order: slice, don't scan, so a
        // long article stays linear.
        let from = cx.tokens.partition_point(|t| t.start < start);
        let to = cx.tokens.partition_point(|t| t.start < end);
        // No word runs over a sentence end (ends are punctuation or line
        // breaks, and trimmed spaces), so the sentence's words are a slice.
        let words: Vec<&Token> = cx.tokens[from..to].iter().collect();
        let triggers: Vec<(&Token, Trigger)> = words
            .iter()
            .filter_map(|t| trigger_of(cx.codes(t)).map(|k| (*t, k)))
            .collect();
        let r_from = cx
            .resolved
            .partition_point(|r| cx.candidates[r.candidate].start < start);
        let r_to = cx
            .resolved
            .partition_point(|r| cx.candidates[r.candidate].start < end);
        let in_sentence: Vec<&Resolved> = cx.resolved[r_from..r_to]
            .iter()
            .filter(|r| {
                let c = &cx.candidates[r.candidate];
                c.start >= start && c.end <= end
            })
            .collect();
        static PLANNED_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(PLANNED));
        let planned_sentence = words.iter().any(|t| PLANNED_WORDS.contains(cx.codes(t)));
        let mut targets: Vec<usize> = Vec::new();
        let mut introduced: Vec<(usize, usize)> = Vec::new(); // (anchor, meeting)
        let mut claimed: Vec<usize> = Vec::new(); // trigger starts that found a place
        // One meeting per place named near a trigger: "مؤتمر ... في بروكسل في
        // 12 يوليو، بينما شهدت الرباط آخر اجتماع في 26 يونيو" is two. A date
        // belongs to the place nearest to it.
        let near_trigger = |pos: usize| {
            triggers
                .iter()
                .map(|(t, _)| t.start.abs_diff(pos))
                .min()
                .unwrap_or(usize::MAX)
        };
        let mut candidates_places: Vec<(usize, usize)> = Vec::new(); // (position, entity)
        for r in in_sentence
            .iter()
            .filter(|r| cx.kind_of(r) == EntityKind::Place)
        {
            let c = &cx.candidates[r.candidate];
            let place = &cx.g.entities()[r.entity];
            // A region of no one country (أمريكا اللاتينية) is no venue.
            let countryless_region =
                place.country.is_none() && place.category.as_deref() == Some("region");
            // "قمة … حول القدس في مدينة إسطنبول": the place after حول is the
            // subject.
            let topic = words
                .iter()
                .rev()
                .find(|t| t.end <= c.word_start)
                .is_some_and(|t| TOPIC.contains(&cx.word(t)));
            if near_trigger(c.start) > PLACE_REACH || countryless_region || topic {
                continue;
            }
            // "زافيدوفا شمال العاصمة الروسية": the second place only says
            // where the first one is.
            let describes_previous = !candidates_places.is_empty()
                && words
                    .iter()
                    .rev()
                    .filter(|t| t.end <= c.word_start)
                    .take(2)
                    .any(|t| RELATIVE_LOCATION.contains(&cx.word(t)));
            if !describes_previous {
                candidates_places.push((c.start, r.entity));
            }
        }
        // Each trigger claims the place nearest to it; places no trigger
        // claims (the subject: "لبحث الوضع في إدلب") make no meeting.
        let mut places: Vec<(usize, usize)> = Vec::new();
        for (t, _) in &triggers {
            // A venue is introduced as one: after في / إلى / مدينة /
            // العاصمة / شهدت, or right after the noun (قمة طهران). A city
            // that acts (أكدت طهران) or is the topic (الهجوم على عفرين) is not.
            let noun = is_noun_trigger(strip_clitics(cx.word(t)));
            let venue = |pos: usize| {
                locative_before(cx, &words, pos) || (noun && pos >= t.end && pos - t.end <= 2)
            };
            let cost = |&&(pos, _): &&(usize, usize)| pos.abs_diff(t.start);
            if let Some(&(pos, e)) = candidates_places
                .iter()
                .filter(|(pos, _)| pos.abs_diff(t.start) <= PLACE_REACH && venue(*pos))
                .min_by_key(cost)
                && !places.iter().any(|(_, o)| *o == e)
            {
                places.push((pos, e));
            }
        }
        // "إلى مسقط وصنعاء": places listed together share the trigger.
        let listed: Vec<(usize, usize)> = candidates_places
            .iter()
            .filter(|(pos, e)| {
                !places.iter().any(|(_, o)| o == e)
                    && places.iter().any(|(p, _)| {
                        let (a, b) = if p < pos { (*p, *pos) } else { (*pos, *p) };
                        let between =
                            &cx.text.as_str()[cx.text.byte_of_char(a)..cx.text.byte_of_char(b)];
                        between.split_whitespace().count() <= 2
                            && between
                                .split_whitespace()
                                .nth(1)
                                .is_some_and(|w| w.starts_with('و'))
                    })
            })
            .copied()
            .collect();
        places.extend(listed);
        places.sort();
        let mut anchors: Vec<(usize, Option<usize>, Option<usize>)> = places
            .iter()
            .map(|&(pos, p)| {
                let host = cx.g.entities()[p]
                    .country
                    .as_deref()
                    .and_then(|iso| cx.g.position(EntityKind::Country, iso));
                (pos, Some(p), host)
            })
            .collect();
        if anchors.is_empty()
            && !triggers.is_empty()
            && let Some((pos, h)) = host_country(cx, &words, &triggers, &in_sentence)
                .or_else(|| host_by_person(cx, &triggers, &in_sentence))
        {
            anchors.push((pos, None, Some(h)));
        }
        let nearest_anchor = |pos: usize| -> usize {
            (0..anchors.len())
                .min_by_key(|&k| anchors[k].0.abs_diff(pos))
                .unwrap_or(0)
        };
        for (ai, &(pos, place, host)) in anchors.iter().enumerate() {
            // The venue follows its trigger ("الاجتماع الذي عقد … في
            // موسكو"): the nearest trigger before it, else the nearest.
            let trigger = triggers
                .iter()
                .filter(|(t, _)| t.start <= pos && pos - t.start <= PLACE_REACH)
                .max_by_key(|(t, _)| t.start)
                .or_else(|| triggers.iter().min_by_key(|(t, _)| t.start.abs_diff(pos)))
                .map(|(t, k)| (*t, *k));
            let Some((trigger, tk)) = trigger else {
                continue;
            };
            claimed.push(trigger.start);
            let kind = match tk {
                Trigger::Meeting(k) => k,
                Trigger::Host => triggers
                    .iter()
                    .find_map(|(_, k)| match k {
                        Trigger::Meeting(k) => Some(*k),
                        Trigger::Host => None,
                    })
                    .unwrap_or("meeting"),
            };
            let kind = refine_kind(cx, start, end, kind);
            let date = cx
                .dates
                .iter()
                // A bare year ("بحلول عام 2024") dates a plan, not a meeting;
                // a date inside a quotation dates what the speaker recalls.
                .filter(|d| d.date.month.is_some() && !inside_quote(cx, start, d.start))
                .filter(|d| d.start >= start && d.end <= end && nearest_anchor(d.start) == ai)
                // "بعد مشاركته في الجمعية العامة في سبتمبر الماضي في نيويورك":
                // a date next to another place dates what happened there.
                .filter(|d| {
                    let nearest = in_sentence
                        .iter()
                        .filter(|r| cx.kind_of(r) == EntityKind::Place)
                        .map(|r| (cx.candidates[r.candidate].start, Some(r.entity)))
                        .chain(std::iter::once((pos, place)))
                        .min_by_key(|(p, _)| p.abs_diff(d.start));
                    nearest.is_some_and(|(p, e)| p == pos || (e.is_some() && e == place))
                })
                .min_by_key(|d| d.start.abs_diff(pos).min(d.start.abs_diff(trigger.start)))
                .copied();
            let planned = planned_sentence || date.is_some_and(|d| d.future);
            // A weekday read backwards fits a report; an announcement means
            // the coming one. Today counts as coming.
            let date = date.map(|d| {
                let mut d = d;
                if planned && d.weekday && published_day(cx) != Some(d.date) {
                    d.date = d.forward();
                }
                d
            });
            let m = Meeting {
                place,
                host,
                date: date.map(|d| d.date),
                status: if planned {
                    Status::Planned
                } else {
                    Status::Held
                },
                kind,
                evidence: vec![cx.quote(start, end)],
                attendees: Vec::new(),
            };
            let i = merge_into(&mut meetings, m);
            introduced.push((ai, i));
            if !targets.contains(&i) {
                targets.push(i);
            }
        }
        // "هذا الاجتماع" points to the meeting just named; a bare "الاجتماع"
        // to the article's main (first) meeting.
        let demonstrative = words.windows(2).any(|w| {
            matches!(cx.word(w[0]), "هذا" | "هذه" | "ذلك" | "تلك") && is_anaphora(cx.codes(w[1]))
        });
        let current = if demonstrative {
            introduced_last.or((!meetings.is_empty()).then_some(0))
        } else {
            (!meetings.is_empty()).then_some(0)
        };
        // Where a sentence both names new meetings and says "the meeting"
        // (الاجتماع الجديد الذي تم بحضور …، بعد شهر على الاجتماع الذي عقد في
        // موسكو), what stands near "the meeting" belongs to the one in view.
        let mut refs: Vec<(usize, usize)> = introduced
            .iter()
            .map(|&(ai, m)| (anchors[ai].0, m))
            .collect();
        if !targets.is_empty()
            && let Some(cur) = current
        {
            for (t, k) in &triggers {
                let w = strip_clitics(cx.word(t));
                if matches!(k, Trigger::Meeting(_))
                    && !claimed.contains(&t.start)
                    && is_noun_trigger(w)
                    && w.starts_with("ال")
                {
                    refs.push((t.start, cur));
                    if !targets.contains(&cur) {
                        targets.push(cur);
                    }
                }
            }
        }
        // A definite noun (الاجتماع) or a verb (اجتمع) speaks of a meeting
        // already in view; an indefinite one with no place of its own
        // ("اجتماع السلام الذي تقوده الأمم المتحدة") is another meeting, and
        // what follows is not about ours.
        let indefinite_other = targets.is_empty()
            && triggers.iter().any(|(t, k)| {
                let w = strip_clitics(cx.word(t));
                matches!(k, Trigger::Meeting(_)) && is_noun_trigger(w) && !w.starts_with("ال")
            });
        let refers_back = !indefinite_other
            && (triggers
                .iter()
                .any(|(_, t)| matches!(t, Trigger::Meeting(_)))
                || words.iter().any(|t| is_anaphora(cx.codes(t))));
        let mut chained = false;
        if targets.is_empty()
            && !refers_back
            && let Some(i) = chain
            && words
                .iter()
                .take(SPEECH_REACH)
                .any(|t| is_speech(cx.codes(t)))
        {
            chained = true;
            targets.push(i);
        }
        if targets.is_empty()
            && refers_back
            && let Some(i) = current
        {
            targets.push(i);
            let m = &mut meetings[i];
            m.evidence.push(cx.quote(start, end));
            // A final communiqué is dated the day of its meeting.
            let communique = words.iter().any(|t| cx.word(t) == "الختامي");
            if m.date.is_none() && communique {
                m.date = cx
                    .dates
                    .iter()
                    .find(|d| d.start >= start && d.end <= end)
                    .map(|d| d.date);
            }
        }
        // With several meetings in one sentence, each participant goes to
        // the meeting whose trigger is nearest.
        let nearest_target = |pos: usize| -> usize {
            if targets.len() == 1 {
                return targets[0];
            }
            refs.iter()
                .min_by_key(|(p, _)| p.abs_diff(pos))
                .map(|(_, m)| *m)
                .unwrap_or(targets[0])
        };
        if !targets.is_empty() {
            let trigger_starts: Vec<usize> = triggers.iter().map(|(t, _)| t.start).collect();
            let found = participants(cx, &words, &in_sentence, start, chained, &trigger_starts);
            for (pos, e, ev) in found {
                let i = nearest_target(pos);
                let host = meetings[i].host;
                let m = &mut meetings[i];
                if ev.is_none() && Some(e) == host {
                    continue;
                }
                if !m.attendees.iter().any(|(a, _)| *a == e) {
                    m.attendees.push((e, cx.quote(start, end)));
                }
            }
        }
        introduced_last = introduced.last().map(|(_, m)| *m);
        chain = if indefinite_other {
            None
        } else {
            targets.first().copied()
        };
    }
    meetings
}

/// Words that place what follows relative to what precedes.
const RELATIVE_LOCATION: [&str; 8] = [
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "قرب",
    "بالقرب",
    "ضواحي",
    "غربي",
];

/// How far (folded chars) from its trigger a place may stand.
const PLACE_REACH: usize = 80;

/// Adds `m` to the article's meetings, or merges it into one with the same
/// place and a compatible date; returns its index.
fn merge_into(meetings: &mut Vec<Meeting>, m: Meeting) -> usize {
    let same = meetings.iter().position(|o| {
        let same_place = o.place.or(o.host) == m.place.or(m.host)
            || (o.host.is_some() && o.host == m.host && (o.place.is_none() || m.place.is_none()));
        same_place
            && match (o.date, m.date) {
                (Some(a), Some(b)) => a.compatible(&b),
                _ => true,
            }
    });
    match same {
        Some(i) => {
            let o = &mut meetings[i];
            if m.date.map(|d| d.precision()) > o.date.map(|d| d.precision()) {
                o.date = m.date;
            }
            if o.place.is_none() {
                o.place = m.place;
            }
            if o.kind == "meeting" {
                o.kind = m.kind;
            }
            if o.evidence.last() != m.evidence.first() {
                o.evidence.extend(m.evidence);
            }
            i
        }
        None => {
            meetings.push(m);
            meetings.len() - 1
        }
    }
}

fn refine_kind(cx: &Context, start: usize, end: usize, kind: &'static str) -> &'static str {
    let s = &cx.text.as_str()[cx.text.byte_of_char(start)..cx.text.byte_of_char(end)];
    if s.contains("وزراء الخارجيه") || s.contains("وزراء خارجيه") {
        "foreign ministers"
    } else if s.contains("وزراء الدفاع") || s.contains("وزراء دفاع") {
        "defence ministers"
    } else if s.contains("الامن القومي") && kind == "meeting" {
        "security chiefs"
    } else {
        kind
    }
}

/// A host named without a city: "تستضيف تركيا", "اجتماع آخر في تركيا".
fn host_country(
    cx: &Context,
    words: &[&Token],
    triggers: &[(&Token, Trigger)],
    in_sentence: &[&Resolved],
) -> Option<(usize, usize)> {
    for r in in_sentence {
        if cx.kind_of(r) != EntityKind::Country || r.form != AliasForm::Name {
            continue;
        }
        let c = &cx.candidates[r.candidate];
        let i = words.iter().position(|t| t.start == c.word_start)?;
        let prev = i.checked_sub(1).map(|p| cx.word(words[p]));
        let after_host_verb = i
            .checked_sub(1)
            .is_some_and(|p| trigger_of(cx.codes(words[p])) == Some(Trigger::Host));
        let in_country_after_trigger = prev == Some("في")
            && triggers.iter().any(|(t, k)| {
                matches!(k, Trigger::Meeting(_)) && t.end <= c.start && c.start - t.end <= 30
            });
        if after_host_verb || in_country_after_trigger {
            return Some((c.start, r.entity));
        }
    }
    None
}

/// Whether folded position `at` stands inside quotation marks opened
/// since `from` (counted on the original text, where quotes survive).
fn inside_quote(cx: &Context, from: usize, at: usize) -> bool {
    let (s, _) = cx.text.original_span(from, from + 1);
    let (e, _) = cx.text.original_span(at, at + 1);
    let Some(span) = cx.original.get(s..e.min(cx.original.len())) else {
        return false;
    };
    let straight = span.iter().filter(|&&c| c == '"').count();
    let open = span.iter().filter(|&&c| matches!(c, '«' | '“')).count();
    let close = span.iter().filter(|&&c| matches!(c, '»' | '”')).count();
    straight % 2 == 1 || open > close
}

/// The article's publication day, when known.
fn published_day(cx: &Context) -> Option<TextDate> {
    let p = cx.published?;
    Some(TextDate {
        year: Some(p.year),
        month: p.month,
        day: p.day,
    })
}

/// Words after which a place is the subject, not the venue.
const TOPIC: [&str; 8] = ["حول", "بشان", "عن", "ضد", "تجاه", "ازاء", "لبحث", "لمناقشه"];

/// Whether the word before `pos` says "in" (في، مدينة، العاصمة، إلى) or
/// the word carries ب.
fn locative_before(cx: &Context, words: &[&Token], pos: usize) -> bool {
    let Some(i) = words.iter().position(|t| t.start <= pos && pos < t.end) else {
        return false;
    };
    if words[i].start < pos && cx.word(words[i]).starts_with('ب') {
        return true;
    }
    let venue_word = |w: &str| {
        matches!(
            w,
            "في" | "مدينه"
                | "العاصمه"
                | "الي"
                | "بمدينه"
                | "بالعاصمه"
                | "شهدت"
                | "تشهد"
                | "استضافت"
                | "تستضيف"
                | "ستستضيف"
                | "يستضيف"
                | "استضاف"
        )
    };
    // "في العاصمة السودانية الخرطوم": the city after its description.
    (i > 0 && venue_word(cx.word(words[i - 1])))
        || (i > 1
            && matches!(
                cx.word(words[i - 2]),
                "العاصمه" | "مدينه" | "بالعاصمه" | "بمدينه"
            ))
}

/// A meeting with no place named takes place where its people hold
/// office: the receiver of استقبل (استقبل الرئيس الفرنسي ماكرون وفدا), or
/// the one country of everyone named at a meeting (اجتماع بين الصدر
/// والعبادي). People of different countries leave the place unknown.
fn host_by_person(
    cx: &Context,
    triggers: &[(&Token, Trigger)],
    in_sentence: &[&Resolved],
) -> Option<(usize, usize)> {
    let country_of = |person: usize| cx.relations_of(person).next().map(|rel| rel.target);
    for (t, k) in triggers {
        if !matches!(k, Trigger::Meeting(_)) {
            continue;
        }
        let mut near: Vec<(usize, usize)> = in_sentence
            .iter()
            .filter(|r| cx.kind_of(r) == EntityKind::Person)
            .map(|r| (cx.candidates[r.candidate].start, r.entity))
            .filter(|(pos, _)| pos.abs_diff(t.start) <= PERSON_REACH)
            .collect();
        near.sort();
        let receives = strip_clitics(cx.word(t)).contains("ستقبل");
        if receives {
            if let Some(c) = near
                .iter()
                .find(|(pos, _)| *pos > t.start)
                .and_then(|(_, p)| country_of(*p))
            {
                return Some((t.start, c));
            }
            continue;
        }
        let countries: Vec<usize> = near.iter().filter_map(|(_, p)| country_of(*p)).collect();
        // One person alone says where that person is from, not where they met.
        if near.len() >= 2
            && let Some(&first) = countries.first()
            && countries.iter().all(|&c| c == first)
        {
            return Some((t.start, first));
        }
    }
    None
}

/// How far from a meeting verb its host person may be named.
const PERSON_REACH: usize = 40;

/// Who a meeting sentence says took part, as (position, entity, direct):
/// `direct` is false for a country inferred from a person's role, which
/// does not make the host a participant on its own.
fn participants(
    cx: &Context,
    words: &[&Token],
    in_sentence: &[&Resolved],
    start: usize,
    chained: bool,
    triggers: &[usize],
) -> Vec<(usize, usize, Option<()>)> {
    fn bare(w: &str) -> &str {
        let w = w.strip_prefix('و').unwrap_or(w);
        for p in ["ل", "ب"] {
            if let Some(rest) = w.strip_prefix(p)
                && rest.starts_with("ال")
            {
                return rest;
            }
        }
        w
    }
    static PARTICIPATION_WORDS: LazyLock<FxHashSet<&str>> =
        LazyLock::new(|| PARTICIPATION.into_iter().collect());
    // "في كل من ليبيا" is "in each of", not a list of participants.
    let cues: Vec<usize> = words
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            let w = bare(cx.word(t));
            PARTICIPATION_WORDS.contains(w)
                && !(matches!(w, "كل" | "كلا") && *i > 0 && cx.word(words[i - 1]) == "في")
        })
        .map(|(i, _)| i)
        .collect();
    let word_index = |pos: usize| words.iter().position(|t| t.start <= pos && pos < t.end);
    let mut out = Vec::new();
    for r in in_sentence {
        let c = &cx.candidates[r.candidate];
        let Some(i) = word_index(c.word_start) else {
            continue;
        };
        // In a sentence that only continues a meeting's story, the speaker
        // (named near the start) took part, not whom the speech names.
        if chained && (cx.kind_of(r) != EntityKind::Person || c.start > start + SPEAKER_REACH) {
            continue;
        }
        let listed = cues.iter().any(|&k| k < i && i - k <= LIST_REACH);
        match cx.kind_of(r) {
            EntityKind::Person => {
                // A person takes part when listed, named next to the meeting
                // word ("التقى ترامب", "بحضور …"), or speaking at its start;
                // one merely mentioned further on ("كلف مستشاره بالسفر") does not.
                let near_trigger = triggers
                    .iter()
                    .any(|&t| t.abs_diff(c.start) <= PERSON_REACH);
                let speaker = c.start <= start + SPEAKER_REACH
                    && words
                        .iter()
                        .take(SPEECH_REACH)
                        .any(|t| is_speech(cx.codes(t)));
                // "بحضور كل من … ونظرائه العراقي فالح فياض والسوري علي
                // المملوك والروسي نيكولاي باتروشيف": a list of delegates runs
                // on, each introduced by a nisba.
                let after_nisba = in_sentence.iter().any(|o| {
                    cx.kind_of(o) == EntityKind::Country
                        && o.form == AliasForm::Adjective
                        && c.word_start >= cx.candidates[o.candidate].end
                        && c.word_start - cx.candidates[o.candidate].end <= 1
                });
                let continues_list = after_nisba && cues.iter().any(|&k| k < i);
                if !(listed || continues_list || near_trigger || speaker || chained) {
                    continue;
                }
                out.push((c.start, r.entity, Some(())));
                for rel in cx.relations_of(r.entity) {
                    out.push((c.start, rel.target, listed.then_some(())));
                }
            }
            EntityKind::Country => {
                // After a participation cue, "وزراء … في السودان ومصر" is
                // "of", not "in".
                let prev = i
                    .checked_sub(1)
                    .map(|p| bare(cx.word(words[p])))
                    .unwrap_or_default();
                let blocked = NOT_A_PARTY.contains(&prev) && !(listed && prev == "في");
                if blocked {
                    continue;
                }
                let delegate = match r.form {
                    AliasForm::Adjective | AliasForm::People => {
                        let prev = i
                            .checked_sub(1)
                            .map(|p| bare(cx.word(words[p])))
                            .unwrap_or_default();
                        let after_title = crate::gazetteer::title_ends_before(cx.titles, c.start);
                        let before_person = in_sentence.iter().any(|o| {
                            cx.kind_of(o) == EntityKind::Person
                                && cx.candidates[o.candidate].word_start >= c.end
                                && cx.candidates[o.candidate].word_start - c.end <= 1
                        });
                        // "الوفد الحكومي اليمني": the delegate noun may stand
                        // one word further back.
                        let prev2 = i
                            .checked_sub(2)
                            .map(|p| bare(cx.word(words[p])))
                            .unwrap_or_default();
                        DELEGATE_NOUNS.contains(&prev)
                            || DELEGATE_NOUNS.contains(&prev2)
                            || after_title
                            || before_person
                    }
                    _ => false,
                };
                if delegate || (r.form == AliasForm::Name && listed) {
                    out.push((c.start, r.entity, Some(())));
                }
            }
            EntityKind::Organisation => {
                // "اجتماع … لمواجهة تنظيم الدولة": the target is no party.
                let prev = i
                    .checked_sub(1)
                    .map(|p| bare(cx.word(words[p])))
                    .unwrap_or_default();
                if listed && !NOT_A_PARTY.contains(&prev) && !AGAINST.contains(&prev) {
                    out.push((c.start, r.entity, Some(())));
                }
            }
            EntityKind::Place => {}
        }
    }
    out
}

/// How many words into a sentence its verb of speech may come ("أما وزير
/// الخارجية السعودي الأمير فيصل بن فرحان، فأكد").
const SPEECH_REACH: usize = 10;

/// How far into a continuing sentence its speaker is named (folded chars).
const SPEAKER_REACH: usize = 70;

/// Verbs of speech that continue a meeting's story.
const SPEECH: [&str; 22] = [
    "قال",
    "قالت",
    "اكد",
    "اكدت",
    "طالب",
    "طالبت",
    "دعا",
    "دعت",
    "شدد",
    "شددت",
    "اضاف",
    "اضافت",
    "اوضح",
    "اوضحت",
    "حذر",
    "حذرت",
    "اعتبر",
    "اعتبرت",
    "اشار",
    "اشارت",
    "لفت",
    "لفتت",
];

/// Whether `word` is a word of speech ([`SPEECH`]), with و or ف before it
/// or not. Asked of every word near a meeting, so answered by one lookup.
fn is_speech(word: &[u8]) -> bool {
    static WORDS: LazyLock<WordSet> = LazyLock::new(|| {
        WordSet::of(
            with_prefixes(&SPEECH, &["و", "ف"]).filter(|w| SPEECH.contains(&strip_speech(w))),
        )
    });
    WORDS.contains(word)
}

/// Whether `word` refers back to a meeting ([`ANAPHORA`]), clitics
/// allowed as [`strip_clitics`] allows them. Asked of every word of every
/// sentence, so answered by one lookup.
fn is_anaphora(word: &[u8]) -> bool {
    static WORDS: LazyLock<WordSet> = LazyLock::new(|| {
        WordSet::of(
            with_prefixes(&ANAPHORA, &TRIGGER_CLITICS)
                .filter(|w| ANAPHORA.contains(&strip_clitics(w))),
        )
    });
    WORDS.contains(word)
}

/// Every word of `words`, bare and after each of `prefixes`.
fn with_prefixes<'a>(words: &'a [&str], prefixes: &'a [&str]) -> impl Iterator<Item = String> + 'a {
    words.iter().flat_map(move |w| {
        std::iter::once(w.to_string()).chain(prefixes.iter().map(move |p| format!("{p}{w}")))
    })
}

fn strip_speech(w: &str) -> &str {
    for p in ["و", "ف"] {
        if let Some(rest) = w.strip_prefix(p)
            && SPEECH.contains(&rest)
        {
            return rest;
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(w: &str) -> Vec<u8> {
        w.chars().map(crate::text::code).collect()
    }

    #[test]
    fn word_tables_answer_as_the_rules_do() {
        let seeds: String = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
            .expect("the seeds folder")
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .collect();
        let text = crate::text::fold(&seeds);
        let mut words: Vec<String> = text
            .split(|c: char| !crate::text::is_word_char(c))
            .map(str::to_string)
            .collect();
        for (stem, _) in TRIGGER_STEMS {
            for p in TRIGGER_CLITICS.iter().chain(&["", "وال", "فب", "بال"]) {
                words.push(format!("{p}{stem}"));
            }
        }
        let mut triggers = 0;
        for w in &words {
            assert!(trigger_of(&codes(w)) == trigger_by_rules(w), "{w}");
            triggers += usize::from(trigger_of(&codes(w)).is_some());
        }
        assert!(triggers > 100, "only {triggers} triggers");
        let (mut anaphora, mut speech) = (0, 0);
        for w in words
            .iter()
            .cloned()
            .chain(with_prefixes(&ANAPHORA, &TRIGGER_CLITICS))
            .chain(with_prefixes(&SPEECH, &["و", "ف", "ب"]))
        {
            let c = codes(&w);
            assert_eq!(
                is_anaphora(&c),
                ANAPHORA.contains(&strip_clitics(&w)),
                "{w}"
            );
            assert_eq!(is_speech(&c), SPEECH.contains(&strip_speech(&w)), "{w}");
            anaphora += usize::from(is_anaphora(&c));
            speech += usize::from(is_speech(&c));
        }
        assert!(anaphora > 20 && speech > 40, "{anaphora} {speech}");
    }
}
