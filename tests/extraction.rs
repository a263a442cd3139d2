//! Extraction with the built-in gazetteer on the phenomena Arabic news
//! shows: clitics, nisba adjectives, look-alike words, shared names.

use majlis::extract::Extractor;
use majlis::gazetteer::{EntityKind, Gazetteer};
use majlis::input::Article;
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| Extractor::new(Gazetteer::builtin().expect("built-in gazetteer loads")))
}

fn found(text: &str, date: Option<&str>, kind: EntityKind) -> BTreeSet<String> {
    let x = extractor();
    let mut a = Article::new("t", text);
    a.published = date.map(|d| d.parse().unwrap());
    let out = x.extract(&a);
    x.mentions_of(&out, kind)
        .map(|m| x.gazetteer().entities()[m.entity].id.clone())
        .collect()
}

fn countries(text: &str) -> BTreeSet<String> {
    found(text, None, EntityKind::Country)
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn clitics_adjectives_and_peoples_name_their_country() {
    let cases: &[(&str, &[&str])] = &[
        ("كلًا من العراق، ولبنان، والأردن", &["IRQ", "LBN", "JOR"]),
        ("بالعراق وبسوريا", &["IRQ", "SYR"]),
        ("المسؤول التركي والقوات الأميركية", &["TUR", "USA"]),
        ("بين الأكراد والأتراك", &["TUR"]),
        ("الجنود الأميركيين", &["USA"]),
        ("الحكومة السورية وسورية", &["SYR"]),
        ("الإيرانيين والروس", &["IRN", "RUS"]),
        ("الكوري الشمالي", &["PRK"]),
        ("اعتقال 11 مطلوبا فلسطينيا", &["PSE"]),
        ("دول أمريكا اللاتينية", &[]),
        ("في المحيط الهندي", &[]),
        ("بلدان المغرب العربي", &[]),
        ("بيده اليمنى", &[]),
        ("بيده اليمنى في اليمن", &["YEM"]),
        ("المملكة العربية السعودية", &["SAU"]),
        ("للولايات المتحدة", &["USA"]),
    ];
    for (text, want) in cases {
        assert_eq!(countries(text), set(want), "text: {text}");
    }
}

#[test]
fn look_alike_words_name_no_country() {
    let cases: &[(&str, &[&str])] = &[
        ("في الجهد المالي لهذه المعركة", &[]),
        ("ومحاصرة قدراته المالية", &[]),
        ("من شمالي سوريا", &["SYR"]),
        ("زار ماليزيا", &["MYS"]),
        ("الأوضاع الاجتماعية والاقتصادية", &[]),
        ("تقديم دعم مالي كبير", &[]),
        ("خصوصاً في مالي والصومال", &["MLI", "SOM"]),
        ("انسحاب القوات الفرنسية من مالي", &["FRA", "MLI"]),
    ];
    for (text, want) in cases {
        assert_eq!(countries(text), set(want), "text: {text}");
    }
}

#[test]
fn amman_is_told_from_oman() {
    let cases: &[(&str, &[&str])] = &[
        ("اجتمعوا في العاصمة الأردنية عمّان", &["JOR"]),
        ("قمة عمان- تعاون إسلامي", &[]),
        ("اجتماع عمّان", &[]),
        ("زار سلطنة عمان", &["OMN"]),
        ("الطائرة العمانية", &["OMN"]),
        ("وصل الوزير إلى مسقط في سلطنة عمان ثم غادر عمان", &["OMN"]),
    ];
    for (text, want) in cases {
        assert_eq!(countries(text), set(want), "text: {text}");
    }
}

fn person_named(id_en: &str) -> String {
    let g = extractor().gazetteer();
    g.entities()
        .iter()
        .find(|e| e.kind == EntityKind::Person && e.name_en == id_en)
        .unwrap_or_else(|| panic!("{id_en} is in the gazetteer"))
        .id
        .clone()
}

#[test]
fn shared_surnames_go_to_the_right_person() {
    let ahmad = person_named("Ahmad al-Sharaa");
    let farouk = person_named("Farouk al-Sharaa");
    let people = |text: &str, date: Option<&str>| found(text, date, EntityKind::Person);
    assert_eq!(
        people("الرئيس السوري أحمد الشرع. وقال الشرع إن", None),
        set(&[&ahmad])
    );
    assert_eq!(
        people("نائب الرئيس السابق فاروق الشرع، وقال الشرع", None),
        set(&[&farouk])
    );
    // On a known date, the namesake in office for a country the article names.
    assert_eq!(
        people("وصل الرئيس السوري الشرع إلى واشنطن", Some("2025-11-09")),
        set(&[&ahmad])
    );
    assert_eq!(
        people("صرح المسؤول السوري الشرع في دمشق", Some("2010-05-01")),
        set(&[&farouk])
    );
    assert!(
        people("تطبيق الشرع الإسلامي في سوريا", Some("2018-05-01")).is_empty(),
        "an office alone does not make a word a person"
    );
    assert!(
        people("صرح الشرع في دمشق", None).is_empty(),
        "no date, no full name: unknown"
    );
}

#[test]
fn another_persons_first_name_keeps_the_surname() {
    let trump = person_named("Donald Trump");
    let obama = person_named("Barack Obama");
    let people = |t: &str| found(t, None, EntityKind::Person);
    assert!(!people("زارت ميلانيا ترامب المدرسة").contains(&trump));
    assert!(!people("قالت ميشيل أوباما").contains(&obama));
    assert!(
        people("ردا على ترامب").contains(&trump),
        "على is a preposition, not علي"
    );
}

#[test]
fn spelling_variants_reach_one_person() {
    let trump = person_named("Donald Trump");
    for text in ["دونالد ترامب", "دونالد ترمب", "الرئيس ترمب", "ترامب"]
    {
        assert_eq!(
            found(text, None, EntityKind::Person),
            set(&[&trump]),
            "text: {text}"
        );
    }
}

#[test]
fn organisations_match_with_clitics_and_variants() {
    let orgs = |text: &str| found(text, None, EntityKind::Organisation).len();
    for text in [
        "للأمم المتحدة",
        "تنظيم الدولة",
        "داعش",
        "قوات سوريا الديموقراطية",
        "قوات سوريا الديمقراطية",
        "حلف شمال الأطلسي",
        "تحالف \"دعم الشرعية في اليمن\"",
        "والجامعة العربية",
    ] {
        assert_eq!(orgs(text), 1, "text: {text}");
    }
}

#[test]
fn represents_comes_from_the_title_before_the_name() {
    let x = extractor();
    let out = x.extract(&Article::new(
        "t",
        "وقال وزير الدولة القطري للشؤون الخارجية سلطان بن سعد المريخي إن",
    ));
    let g = x.gazetteer();
    let rel = out.relations.first().expect("a represents relation");
    assert_eq!(g.entities()[rel.target].id, "QAT");
    assert!(rel.evidence.basis.is_none(), "read off the text");
    assert!(
        rel.evidence.text.starts_with("وزير الدولة"),
        "{}",
        rel.evidence.text
    );
}

#[test]
fn extraction_survives_any_text() {
    let x = extractor();
    for text in [
        "",
        "\u{064B}\u{0651}\u{0640}",
        "ل",
        "لل",
        "و",
        "ال",
        "\u{FEFF}\u{200F}عمّان\u{202E}",
        "ﻻ ﷲ ﷺ",
        "a\u{0000}b",
        "الأردن".repeat(1000).as_str(),
    ] {
        let out = x.extract(&Article::new("t", text));
        let len = text.chars().count();
        for m in &out.mentions {
            assert!(m.evidence.start <= m.evidence.end && m.evidence.end <= len);
        }
    }
}

#[test]
fn an_office_alone_names_its_holder_on_the_articles_date() {
    let x = extractor();
    let jubeir = person_named("Adel al-Jubeir");
    let mut a = Article::new("t", "وقال وزير الخارجية السعودي إن بلاده ترفض ذلك");
    a.published = Some("2018-05-01".parse().unwrap());
    let out = x.extract(&a);
    let by_title: Vec<_> = x.mentions_of(&out, EntityKind::Person).collect();
    assert_eq!(by_title.len(), 1);
    assert_eq!(x.gazetteer().entities()[by_title[0].entity].id, jubeir);
    assert_eq!(by_title[0].evidence.basis.as_deref(), Some("title"));
    assert_eq!(by_title[0].evidence.text, "وزير الخارجية السعودي");

    a.published = None;
    assert_eq!(
        x.mentions_of(&x.extract(&a), EntityKind::Person).count(),
        0,
        "no date, no holder"
    );

    let mut named = Article::new("t", "وقال وزير الخارجية السعودي عادل الجبير إن");
    named.published = Some("2018-05-01".parse().unwrap());
    let out = x.extract(&named);
    let people: Vec<_> = x.mentions_of(&out, EntityKind::Person).collect();
    assert_eq!(people.len(), 1);
    assert!(
        people[0].evidence.basis.is_none(),
        "the name, not the office"
    );
}

#[test]
fn an_unknown_official_is_found_by_title_and_followed_by_surname() {
    let x = Extractor::new(Gazetteer::builtin().unwrap().without(EntityKind::Person));
    let out = x.extract(&Article::new(
        "t",
        "قال وزير الخارجية القطري سلطان بن سعد المريخي إن الاجتماع مهم. وأضاف المريخي أن بلاده تدعمه.",
    ));
    let d = &out.discovered;
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].name_ar, "سلطان بن سعد المريخي");
    assert_eq!(x.gazetteer().entities()[d[0].country.unwrap()].id, "QAT");
    assert_eq!(d[0].role, "foreign minister");
    assert_eq!(d[0].evidence.len(), 2, "the bare surname joins");
    assert_eq!(d[0].evidence[1].text, "المريخي");
}

#[test]
fn what_follows_a_title_but_is_no_name_makes_no_person() {
    let x = Extractor::new(Gazetteer::builtin().unwrap().without(EntityKind::Person));
    for text in [
        "قال المتحدث باسم وزارة الخارجية إن",
        "وزير الخارجية في حكومة الوفاق",
        "رئيس تحرير صحيفة العرب القطرية",
        "المتحدث الرسمي باسم قوات التحالف",
        "قال وزير الخارجية للصحافيين \"جئنا بروح إيجابية\"",
        "الرئيس الأمريكي دونالد ترمب المفاجئ",
    ] {
        let out = x.extract(&Article::new("t", text));
        let names: Vec<&str> = out.discovered.iter().map(|d| d.name_ar.as_str()).collect();
        assert!(
            names.iter().all(|n| *n == "دونالد ترمب"),
            "{text} gave {names:?}"
        );
    }
}

#[test]
fn a_known_name_keeps_its_gazetteer_identity() {
    let x = extractor();
    let out = x.extract(&Article::new("t", "وزير الخارجية الاميركي مايك بومبيو"));
    assert!(out.discovered.is_empty());
}
