//! Real inputs: encodings, HTML, broken files, threads.

mod common;
use common::{majlis, stderr};

use serde_json::Value;
use std::path::Path;

fn graph_of(path: &Path) -> Value {
    let out = majlis(&["build", path.to_str().unwrap(), "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

const SEED: &str = "seeds/001_78a0c063ebd393f5.txt";

#[test]
fn every_encoding_of_a_seed_gives_the_same_graph() {
    let text = std::fs::read_to_string(SEED).unwrap();
    let utf16 = |le: bool, bom: bool| -> Vec<u8> {
        let mut v = Vec::new();
        if bom {
            v.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
        }
        for u in text.encode_utf16() {
            v.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        v
    };
    let mut bom8 = vec![0xEF, 0xBB, 0xBF];
    bom8.extend(text.as_bytes());
    let (cp1256, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&text);
    assert!(!unmappable);
    let (iso, _, unmappable) = encoding_rs::ISO_8859_6.encode(&text);
    assert!(!unmappable);
    let variants: Vec<(&str, Vec<u8>, &str)> = vec![
        ("utf8", text.as_bytes().to_vec(), "UTF-8"),
        ("utf8-bom", bom8, "UTF-8"),
        ("utf16le-bom", utf16(true, true), "UTF-16LE"),
        ("utf16be-bom", utf16(false, true), "UTF-16BE"),
        ("utf16le", utf16(true, false), "UTF-16LE"),
        ("utf16be", utf16(false, false), "UTF-16BE"),
        ("cp1256", cp1256.into_owned(), "windows-1256"),
        ("iso-8859-6", iso.into_owned(), "ISO-8859-6"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut graphs = Vec::new();
    for (name, bytes, encoding) in &variants {
        let sub = dir.path().join(name);
        std::fs::create_dir(&sub).unwrap();
        let file = sub.join("article.txt");
        std::fs::write(&file, bytes).unwrap();
        let g = graph_of(&file);
        assert_eq!(
            g["articles"],
            serde_json::json!([{"id": "article.txt", "encoding": encoding}]),
            "{name}"
        );
        graphs.push((name, g));
    }
    for (name, g) in &graphs[1..] {
        assert_eq!(g["nodes"], graphs[0].1["nodes"], "{name}");
        assert_eq!(g["edges"], graphs[0].1["edges"], "{name}");
    }
}

#[test]
fn articles_keep_their_encoding_and_metadata_through_saving_and_merging() {
    let text = std::fs::read_to_string(SEED).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(&text);
    std::fs::write(d.join("arabic-1256.txt"), &cp1256).unwrap();
    let mut le = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        le.extend(u.to_le_bytes());
    }
    std::fs::write(d.join("arabic-utf16.txt"), &le).unwrap();
    std::fs::write(
        d.join("feed.jsonl"),
        "{\"id\": \"n1\", \"text\": \"زار أردوغان بغداد\", \"published\": \"2018-02-19T08:00:00Z\", \"source\": \"ANT\", \"url\": \"https://example.org/n1\"}\n",
    )
    .unwrap();
    let expected = serde_json::json!([
        {"id": "arabic-1256.txt", "encoding": "windows-1256"},
        {"id": "arabic-utf16.txt", "encoding": "UTF-16LE"},
        {"id": "n1", "published": "2018-02-19", "source": "ANT", "url": "https://example.org/n1"},
    ]);
    let together = graph_of(d);
    assert_eq!(together["articles"], expected);
    assert_eq!(together["graph"]["articles"], 3);

    // Built apart, saved, and merged: the same records.
    let saved: Vec<String> = ["arabic-1256.txt", "arabic-utf16.txt", "feed.jsonl"]
        .iter()
        .map(|f| {
            let out = d.join(format!("{f}.json"));
            let run = majlis(&[
                "build",
                d.join(f).to_str().unwrap(),
                "-q",
                "-o",
                out.to_str().unwrap(),
            ]);
            assert!(run.status.success(), "{}", stderr(&run));
            out.display().to_string()
        })
        .collect();
    let mut args = vec!["build", "-q"];
    args.extend(saved.iter().map(String::as_str));
    let merged = majlis(&args);
    assert!(merged.status.success(), "{}", stderr(&merged));
    let merged: Value = serde_json::from_slice(&merged.stdout).unwrap();
    assert_eq!(merged["articles"], expected);
    assert_eq!(merged["nodes"], together["nodes"]);
}

/// Node ids (or edge keys), with the article hash of undated meetings
/// left out: a page and a text file are different articles.
fn ids(g: &Value, key: &str) -> std::collections::BTreeSet<String> {
    let plain = |id: &str| match id.find("-undated-") {
        Some(i) => id[..i + "-undated".len()].to_string(),
        None => id.to_string(),
    };
    g[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| match key {
            "nodes" => plain(x["id"].as_str().unwrap()),
            _ => format!(
                "{} {} {}",
                plain(x["source"].as_str().unwrap()),
                x["type"],
                plain(x["target"].as_str().unwrap())
            ),
        })
        .collect()
}

#[test]
fn an_html_page_gives_the_entities_and_meetings_of_its_text() {
    let text = std::fs::read_to_string(SEED).unwrap();
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let title = lines.next().unwrap();
    let body: String = lines
        .map(|l| format!("<p>{}</p>\n", l.replace('&', "&amp;")))
        .collect();
    let page = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title>\
         <script>var consent = 'سوريا';</script><style>p {{}}</style></head><body>\
         <nav><a href=\"/\">الرئيسية</a> <a>روسيا</a></nav>\
         <div class=\"cookie-banner\">نستخدم ملفات تعريف الارتباط في إيران</div>\
         <article>{body}</article>\
         <footer>جميع الحقوق محفوظة — قطر</footer></body></html>"
    );
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("page.html");
    std::fs::write(&html, page).unwrap();
    let from_html = graph_of(&html);
    let from_text = graph_of(Path::new(SEED));
    let meetings = ids(&from_text, "nodes")
        .into_iter()
        .filter(|id| id.starts_with("meeting:"))
        .count();
    assert_eq!(meetings, 4, "the seed reports four meetings");
    assert_eq!(ids(&from_html, "nodes"), ids(&from_text, "nodes"));
    assert_eq!(ids(&from_html, "edges"), ids(&from_text, "edges"));
    // Offsets refer to the extracted text: every quote is where it says.
    let extracted = majlis::input::html_text(&std::fs::read_to_string(&html).unwrap());
    for n in from_html["nodes"].as_array().unwrap() {
        for e in n["evidence"].as_array().unwrap() {
            let (s, t) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            let slice: String = extracted.chars().skip(s).take(t - s).collect();
            assert_eq!(slice, e["text"].as_str().unwrap());
        }
    }
}

#[test]
fn broken_inputs_are_reported_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut invalid = "نص عن سوريا".as_bytes().to_vec();
    invalid.extend([0xC3, 0x28]);
    std::fs::write(d.join("invalid.txt"), &invalid).unwrap();
    std::fs::write(d.join("empty.txt"), b"").unwrap();
    std::fs::write(d.join("zero.jsonl"), b"").unwrap();
    std::fs::write(d.join("binary.txt"), b"\x00\x01\x02\x03\xff\xfe\x00").unwrap();
    // A 5 MB text on one line, with its only names at the very end.
    let filler = "وقال المتحدث إن الوضع مستقر. ";
    let big = filler.repeat(5_000_000 / filler.len() + 1) + "زار أردوغان سوريا.";
    assert!(big.len() >= 5_000_000);
    let mut lines = format!("{{\"id\": \"big\", \"text\": \"{big}\"}}\nnot json\n").into_bytes();
    lines.extend(b"{\"id\": \"latin1\", \"text\": \"caf\xe9\"}\n");
    lines.extend("{\"id\": \"ok\", \"text\": \"زار أردوغان بغداد\"}\n".as_bytes());
    std::fs::write(d.join("lines.jsonl"), lines).unwrap();
    let out = majlis(&["build", d.to_str().unwrap(), "-q"]);
    assert_eq!(out.status.code(), Some(1), "something was skipped");
    let err = stderr(&out);
    let p = |f: &str| d.join(f).display().to_string();
    let expected = [
        format!(
            "majlis: {}: binary data (a NUL byte at byte 0); majlis reads text articles",
            p("binary.txt")
        ),
        format!("majlis: {}: empty file", p("empty.txt")),
        format!(
            "majlis: {}: not valid UTF-8 at byte 20; fix the file, or pass --lossy to read such bytes as U+FFFD",
            p("invalid.txt")
        ),
        format!(
            "majlis: {}:2: not a JSON article (expected ident at line 1 column 2); each line needs an object with \"id\" and \"text\"",
            p("lines.jsonl")
        ),
        format!(
            "majlis: {}:3: not valid UTF-8 at byte 29 of the line",
            p("lines.jsonl")
        ),
        format!("majlis: {}: empty file (no articles)", p("zero.jsonl")),
    ];
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        expected,
        "one line per problem, in input order"
    );
    let g: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        g["articles"],
        serde_json::json!([{"id": "big"}, {"id": "ok"}]),
        "the 5 MB line and the good one"
    );
    // Offsets count characters to the end of the long line.
    let syria = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "country:SYR")
        .unwrap();
    let chars = big.chars().count() as u64;
    assert_eq!(syria["evidence"][0]["article"], "big");
    assert_eq!(syria["evidence"][0]["start"], chars - 6);
    assert_eq!(syria["evidence"][0]["end"], chars - 1);
    // With --lossy the damaged file is read too.
    let lossy = majlis(&[
        "build",
        d.join("invalid.txt").to_str().unwrap(),
        "-q",
        "--lossy",
    ]);
    assert!(lossy.status.success());
}

#[test]
fn any_number_of_threads_gives_the_same_bytes() {
    let one = majlis(&["build", "seeds", "tests/fixtures/eval/dev", "-q", "-j", "1"]);
    let two = majlis(&["build", "seeds", "tests/fixtures/eval/dev", "-q", "-j", "2"]);
    let four = majlis(&["build", "seeds", "tests/fixtures/eval/dev", "-q", "-j", "4"]);
    assert!(one.status.success());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn page_furniture_names_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    std::fs::write(
        &f,
        "خبر عن الأردن\nمن نحن | اتصل بنا | جميع الحقوق محفوظة © قطر\nكلمات دلالية: إيران روسيا\n",
    )
    .unwrap();
    let g = graph_of(&f);
    assert_eq!(
        ids(&g, "nodes").into_iter().collect::<Vec<_>>(),
        ["country:JOR"]
    );
}

#[test]
fn the_summary_counts_what_was_skipped_by_reason() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "زار أردوغان بغداد").unwrap();
    let mut invalid = "نص عن سوريا".as_bytes().to_vec();
    invalid.extend([0xC3, 0x28]);
    std::fs::write(d.join("b.txt"), &invalid).unwrap();
    std::fs::write(
        d.join("c.jsonl"),
        "{broken\n\
         {\"id\": \"1\", \"text\": \"زار أردوغان بغداد\", \"published\": \"yesterday\"}\n\
         [1, 2]\n",
    )
    .unwrap();
    std::fs::write(d.join("d.txt"), "").unwrap();
    let out = majlis(&["build", d.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 6, "five problems and the summary:\n{err}");
    assert!(
        lines[5].starts_with(
            "majlis: 2 article(s) read, 4 skipped (2 not a JSON article, 1 empty, 1 undecodable bytes), \
             1 with a warning (1 bad published date); "
        ),
        "{err}"
    );
    let clean = majlis(&["build", "seeds", "-o", d.join("g.json").to_str().unwrap()]);
    assert_eq!(clean.status.code(), Some(0));
    assert!(
        stderr(&clean).starts_with("majlis: 5 article(s) read, 0 skipped; "),
        "{}",
        stderr(&clean)
    );
}
