//! Properties that hold for any text, checked on generated strings mixing
//! Arabic letters, marks, presentation forms, Latin, digits and
//! punctuation.

use majlis::extract::Extractor;
use majlis::gazetteer::Gazetteer;
use majlis::input::Article;
use majlis::text::{Normalized, char_slice, fold};
use proptest::prelude::*;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| Extractor::new(Gazetteer::builtin().unwrap()))
}

/// Text that looks like Arabic news, damaged: letters, words the
/// gazetteer knows, diacritics, tatweel, presentation forms, digits,
/// hashtags, quotes, line breaks, controls.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[\u{0621}-\u{064A}]{1,8}",
        "[\u{064B}-\u{0652}\u{0640}\u{0670}]",
        "[\u{FE70}-\u{FEFC}]{1,3}",
        "[a-zA-Z0-9٠-٩]{1,5}",
        "[ \n،.:؛\"«»#_()\u{200F}\u{0000}-\u{001F}]",
        Just("عمّان".to_string()),
        Just("والأردن".to_string()),
        Just("للأمم المتحدة".to_string()),
        Just("وزير الخارجية التركي".to_string()),
        Just("الشرع".to_string()),
        Just("اجتماع في مراكش في 11 مايو 2022".to_string()),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn folding_is_idempotent(s in text()) {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once);
    }

    #[test]
    fn every_folded_span_maps_inside_the_original(s in text(), a in 0usize..400, b in 0usize..400) {
        let n = Normalized::new(&s);
        let len = s.chars().count();
        let (start, end) = (a.min(b).min(n.char_len()), a.max(b).min(n.char_len()));
        let (os, oe) = n.original_span(start, end);
        prop_assert!(os <= oe && oe <= len, "{os}..{oe} in {len}");
    }

    #[test]
    fn extraction_never_panics_and_quotes_are_where_they_say(s in text()) {
        let x = extractor();
        let out = x.extract(&Article::new("p", s.clone()));
        for m in &out.mentions {
            prop_assert_eq!(char_slice(&s, m.evidence.start, m.evidence.end), m.evidence.text.as_str());
        }
        for r in &out.relations {
            prop_assert_eq!(char_slice(&s, r.evidence.start, r.evidence.end), r.evidence.text.as_str());
        }
        for d in &out.discovered {
            for e in &d.evidence {
                prop_assert_eq!(char_slice(&s, e.start, e.end), e.text.as_str());
            }
        }
    }
}
