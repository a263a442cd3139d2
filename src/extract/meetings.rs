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
use crate::text::{Normalized, Token};

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

fn trigger_of(word: &str) -> Option<Trigger> {
    let stem = strip_clitics(word);
    let kind = match stem {
        "اجتماع" | "اجتماعا" | "اجتماعات" | "اجتماعه" | "اجتماعها" | "اجتماعهم" | "الاجتماع" => {
            "meeting"
        }
        "اجتمع" | "اجتمعوا" | "اجتمعت" | "يجتمع" | "يجتمعون" | "سيجتمع" | "ستجتمع" | "تجتمع" => {
            "meeting"
        }
        "قمه" | "القمه" | "قمتها" | "قمتهم" => "summit",
        "موتمر" | "الموتمر" | "موتمرا" => "conference",
        "لقاء" | "اللقاء" | "لقاءات" | "لقاءا" | "التقي" | "يلتقي" | "سيلتقي" | "التقوا"
        | "التقت" | "يلتقون" | "تلتقي" => "meeting",
        "محادثات" | "المحادثات" | "مباحثات" | "المباحثات" | "مفاوضات" | "المفاوضات" => {
            "talks"
        }
        "زياره" | "الزياره" | "زيارته" | "زيارتها" => "visit",
        "منتدي" | "حوار" => "conference",
        "استضافت" | "استضاف" | "تستضيف" | "يستضيف" | "ستستضيف" | "سيستضيف" | "استضافه" =>
        {
            return Some(Trigger::Host);
        }
        _ => return None,
    };
    Some(Trigger::Meeting(kind))
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
const PARTICIPATION: [&str; 17] = [
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
];

/// How many words after a participation cue a list may run.
const LIST_REACH: usize = 14;

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

const PLANNED: [&str; 20] = [
    "سيعقد",
    "ستعقد",
    "سيجتمع",
    "ستجتمع",
    "المقرر",
    "المقبل",
    "القادم",
    "المرتقب",
    "مرتقب",
    "يتوقع",
    "المتوقع",
    "تقرر",
    "سيلتقي",
    "ستستضيف",
    "سيستضيف",
    "سيجري",
    "يعتزم",
    "تعتزم",
    "سيشارك",
    "ستشارك",
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
    pub article: &'a str,
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
}

impl Context<'_> {
    fn word(&self, t: &Token) -> &str {
        &self.text.as_str()[self.text.byte_of_char(t.start)..self.text.byte_of_char(t.end)]
    }

    fn quote(&self, start: usize, end: usize) -> Evidence {
        let (s, e) = self.text.original_span(start, end);
        let e = e.min(self.original.len());
        Evidence {
            article: self.article.to_string(),
            start: s,
            end: e,
            text: self.original[s..e].iter().collect::<String>(),
            basis: None,
        }
    }

    /// The sentence span `[start, end)` of sentence `i`, trimmed.
    fn sentence(&self, i: usize) -> (usize, usize) {
        let start = if i == 0 { 0 } else { self.sentences[i - 1] };
        let mut end = self.sentences[i];
        let s = self.text.as_str();
        let chars: Vec<char> = s[self.text.byte_of_char(start)..self.text.byte_of_char(end)]
            .chars()
            .collect();
        let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
        while end > start + lead
            && self
                .text
                .char_at(end - 1)
                .is_some_and(|c| c.is_whitespace())
        {
            end -= 1;
        }
        (start + lead, end)
    }

    fn kind_of(&self, r: &Resolved) -> EntityKind {
        self.g.entities()[r.entity].kind
    }
}

/// Finds the meetings of one article.
pub fn find(cx: &Context) -> Vec<Meeting> {
    let mut meetings: Vec<Meeting> = Vec::new();
    let mut current: Option<usize> = None;
    for si in 0..cx.sentences.len() {
        let (start, end) = cx.sentence(si);
        if start >= end {
            continue;
        }
        let words: Vec<&Token> = cx
            .tokens
            .iter()
            .filter(|t| t.start >= start && t.end <= end)
            .collect();
        let triggers: Vec<(&Token, Trigger)> = words
            .iter()
            .filter_map(|t| trigger_of(cx.word(t)).map(|k| (*t, k)))
            .collect();
        let in_sentence: Vec<&Resolved> = cx
            .resolved
            .iter()
            .filter(|r| {
                let c = &cx.candidates[r.candidate];
                c.start >= start && c.end <= end
            })
            .collect();
        let planned_sentence = words.iter().any(|t| PLANNED.contains(&cx.word(t)));
        let mut targets: Vec<usize> = Vec::new();
        // Each trigger owns the text up to the next one: "الاجتماع الذي عقد
        // في موسكو، و... الاجتماع الذي عقد في طهران في حزيران 2016" are two.
        for (ti, (trigger, _)) in triggers.iter().enumerate() {
            let seg_start = if ti == 0 { start } else { trigger.start };
            let seg_end = triggers.get(ti + 1).map(|(t, _)| t.start).unwrap_or(end);
            let within = |s: usize, e: usize| s >= seg_start && e <= seg_end;
            let kind = match triggers[ti].1 {
                Trigger::Meeting(k) => k,
                Trigger::Host => "meeting",
            };
            let kind = refine_kind(cx, seg_start, seg_end, kind);
            let place = in_sentence
                .iter()
                .filter(|r| cx.kind_of(r) == EntityKind::Place)
                .filter(|r| {
                    let c = &cx.candidates[r.candidate];
                    within(c.start, c.end) && c.start.abs_diff(trigger.start) <= PLACE_REACH
                })
                .min_by_key(|r| cx.candidates[r.candidate].start.abs_diff(trigger.start))
                .map(|r| r.entity);
            let host = place
                .and_then(|p| cx.g.entities()[p].country.as_deref())
                .and_then(|iso| cx.g.position(EntityKind::Country, iso))
                .or_else(|| host_country(cx, &words, &triggers, &in_sentence, seg_start, seg_end));
            if place.is_none() && host.is_none() {
                continue;
            }
            let date = cx
                .dates
                .iter()
                .filter(|d| within(d.start, d.end))
                .min_by_key(|d| d.start.abs_diff(trigger.start))
                .copied();
            let planned = planned_sentence || date.is_some_and(|d| d.future);
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
            if !targets.contains(&i) {
                targets.push(i);
            }
        }
        let refers_back = triggers
            .iter()
            .any(|(_, t)| matches!(t, Trigger::Meeting(_)))
            || words
                .iter()
                .any(|t| ANAPHORA.contains(&strip_clitics(cx.word(t))));
        if targets.is_empty()
            && refers_back
            && let Some(i) = current
        {
            targets.push(i);
            let m = &mut meetings[i];
            m.evidence.push(cx.quote(start, end));
            if m.date.is_none() {
                m.date = cx
                    .dates
                    .iter()
                    .find(|d| d.start >= start && d.end <= end)
                    .map(|d| d.date);
            }
        }
        // Participants are read only where one meeting is in view.
        if let [i] = targets[..] {
            let found = participants(cx, &words, &in_sentence, meetings[i].host, start, end);
            let m = &mut meetings[i];
            for (e, ev) in found {
                if !m.attendees.iter().any(|(a, _)| *a == e) {
                    m.attendees.push((e, ev));
                }
            }
        }
        if let Some(&last) = targets.last() {
            current = Some(last);
        }
    }
    meetings
}

/// How far (folded chars) from its trigger a place may stand.
const PLACE_REACH: usize = 80;

/// Adds `m` to the article's meetings, or merges it into one with the same
/// place and a compatible date; returns its index.
fn merge_into(meetings: &mut Vec<Meeting>, m: Meeting) -> usize {
    let same = meetings.iter().position(|o| {
        o.place.or(o.host) == m.place.or(m.host)
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
    seg_start: usize,
    seg_end: usize,
) -> Option<usize> {
    for r in in_sentence {
        if cx.kind_of(r) != EntityKind::Country || r.form != AliasForm::Name {
            continue;
        }
        let c = &cx.candidates[r.candidate];
        if c.start < seg_start || c.end > seg_end {
            continue;
        }
        let i = words.iter().position(|t| t.start == c.word_start)?;
        let prev = i.checked_sub(1).map(|p| cx.word(words[p]));
        let after_host_verb = prev.is_some_and(|p| trigger_of(p) == Some(Trigger::Host));
        let in_country_after_trigger = prev == Some("في")
            && triggers.iter().any(|(t, k)| {
                matches!(k, Trigger::Meeting(_)) && t.end <= c.start && c.start - t.end <= 30
            });
        if after_host_verb || in_country_after_trigger {
            return Some(r.entity);
        }
    }
    None
}

/// Who a meeting sentence says took part.
fn participants(
    cx: &Context,
    words: &[&Token],
    in_sentence: &[&Resolved],
    host: Option<usize>,
    start: usize,
    end: usize,
) -> Vec<(usize, Evidence)> {
    let quote = cx.quote(start, end);
    let bare = |w: &str| -> String {
        let w = w.strip_prefix('و').unwrap_or(w);
        for p in ["ل", "ب"] {
            if let Some(rest) = w.strip_prefix(p)
                && rest.starts_with("ال")
            {
                return rest.to_string();
            }
        }
        w.to_string()
    };
    let cue = words
        .iter()
        .position(|t| PARTICIPATION.contains(&bare(cx.word(t)).as_str()));
    let word_index = |pos: usize| words.iter().position(|t| t.start <= pos && pos < t.end);
    let mut out: Vec<(usize, Evidence)> = Vec::new();
    for r in in_sentence {
        let c = &cx.candidates[r.candidate];
        let Some(i) = word_index(c.word_start) else {
            continue;
        };
        let listed = cue.is_some_and(|k| k < i && i - k <= LIST_REACH);
        match cx.kind_of(r) {
            EntityKind::Person => {
                out.push((r.entity, quote.clone()));
                for rel in cx.relations.iter().filter(|rel| rel.source == r.entity) {
                    if Some(rel.target) != host || listed {
                        out.push((rel.target, quote.clone()));
                    }
                }
            }
            EntityKind::Country => {
                let blocked = (i.saturating_sub(2)..i)
                    .any(|p| NOT_A_PARTY.contains(&bare(cx.word(words[p])).as_str()));
                if blocked {
                    continue;
                }
                let delegate = match r.form {
                    AliasForm::Adjective | AliasForm::People => {
                        let prev = i
                            .checked_sub(1)
                            .map(|p| bare(cx.word(words[p])))
                            .unwrap_or_default();
                        let after_title = cx
                            .titles
                            .iter()
                            .any(|t| t.end <= c.start && c.start - t.end <= 1);
                        let before_person = in_sentence.iter().any(|o| {
                            cx.kind_of(o) == EntityKind::Person
                                && cx.candidates[o.candidate].word_start >= c.end
                                && cx.candidates[o.candidate].word_start - c.end <= 1
                        });
                        DELEGATE_NOUNS.contains(&prev.as_str()) || after_title || before_person
                    }
                    _ => false,
                };
                if delegate || (r.form == AliasForm::Name && listed) {
                    out.push((r.entity, quote.clone()));
                }
            }
            EntityKind::Organisation => {
                if listed {
                    out.push((r.entity, quote.clone()));
                }
            }
            EntityKind::Place => {}
        }
    }
    out
}
