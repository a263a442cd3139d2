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
        "اجتمع" | "اجتمعوا" | "اجتمعت" | "يجتمع" | "يجتمعون" | "سيجتمع" | "ستجتمع" | "تجتمع"
        | "المجتمعين" | "المجتمعون" => "meeting",
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
const PARTICIPATION: [&str; 24] = [
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
        let mut introduced: Vec<(usize, usize)> = Vec::new(); // (trigger, meeting)
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
            let countryless_region = place.country.is_none() && place.category.as_deref() == Some("region");
            if near_trigger(c.start) > PLACE_REACH || countryless_region {
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
            if let Some(&(pos, e)) = candidates_places
                .iter()
                .filter(|(pos, _)| pos.abs_diff(t.start) <= PLACE_REACH)
                .min_by_key(|(pos, _)| pos.abs_diff(t.start))
                && !places.iter().any(|(_, o)| *o == e)
            {
                places.push((pos, e));
            }
        }
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
        {
            anchors.push((pos, None, Some(h)));
        }
        let nearest_anchor = |pos: usize| -> usize {
            (0..anchors.len())
                .min_by_key(|&k| anchors[k].0.abs_diff(pos))
                .unwrap_or(0)
        };
        for (ai, &(pos, place, host)) in anchors.iter().enumerate() {
            let trigger = triggers
                .iter()
                .min_by_key(|(t, _)| t.start.abs_diff(pos))
                .map(|(t, k)| (*t, *k));
            let Some((trigger, tk)) = trigger else {
                continue;
            };
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
                .filter(|d| d.start >= start && d.end <= end && nearest_anchor(d.start) == ai)
                .min_by_key(|d| d.start.abs_diff(pos).min(d.start.abs_diff(trigger.start)))
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
            introduced.push((ai, i));
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
        // "هذا الاجتماع" points to the meeting just named; a bare "الاجتماع"
        // to the article's main (first) meeting.
        let demonstrative = words.windows(2).any(|w| {
            matches!(cx.word(w[0]), "هذا" | "هذه" | "ذلك" | "تلك")
                && ANAPHORA.contains(&strip_clitics(cx.word(w[1])))
        });
        let current = if demonstrative {
            introduced_last.or((!meetings.is_empty()).then_some(0))
        } else {
            (!meetings.is_empty()).then_some(0)
        };
        let mut chained = false;
        if targets.is_empty()
            && !refers_back
            && let Some(i) = chain
            && words
                .iter()
                .take(6)
                .any(|t| SPEECH.contains(&strip_speech(cx.word(t))))
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
            let k = nearest_anchor(pos);
            introduced
                .iter()
                .find(|(t, _)| *t == k)
                .map(|(_, m)| *m)
                .unwrap_or(targets[0])
        };
        if !targets.is_empty() {
            let found = participants(cx, &words, &in_sentence, start, chained);
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
        chain = targets.first().copied();
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
        let after_host_verb = prev.is_some_and(|p| trigger_of(p) == Some(Trigger::Host));
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

/// Who a meeting sentence says took part, as (position, entity, direct):
/// `direct` is false for a country inferred from a person's role, which
/// does not make the host a participant on its own.
fn participants(
    cx: &Context,
    words: &[&Token],
    in_sentence: &[&Resolved],
    start: usize,
    chained: bool,
) -> Vec<(usize, usize, Option<()>)> {
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
    // "في كل من ليبيا" is "in each of", not a list of participants.
    let cue = words.iter().enumerate().position(|(i, t)| {
        let w = bare(cx.word(t));
        PARTICIPATION.contains(&w.as_str())
            && !(matches!(w.as_str(), "كل" | "كلا") && i > 0 && cx.word(words[i - 1]) == "في")
    });
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
        let listed = cue.is_some_and(|k| k < i && i - k <= LIST_REACH);
        match cx.kind_of(r) {
            EntityKind::Person => {
                out.push((c.start, r.entity, Some(())));
                for rel in cx.relations.iter().filter(|rel| rel.source == r.entity) {
                    out.push((c.start, rel.target, listed.then_some(())));
                }
            }
            EntityKind::Country => {
                let blocked = i > 0 && NOT_A_PARTY.contains(&bare(cx.word(words[i - 1])).as_str());
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
                    out.push((c.start, r.entity, Some(())));
                }
            }
            EntityKind::Organisation => {
                if listed {
                    out.push((c.start, r.entity, Some(())));
                }
            }
            EntityKind::Place => {}
        }
    }
    out
}

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
