//! Every export checked by a real, independent reader: xmllint against the
//! GraphML XSD and the GEXF RNG (vendored in tests/schemas), Graphviz, and
//! NetworkX. Without those tools these tests say so and skip, unless
//! MAJLIS_REQUIRE_TOOLS is set (as `.ci/run` does), when they fail.

mod common;
use common::{majlis, run_ok, stderr};

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Whether `tool` works here; a missing tool fails under MAJLIS_REQUIRE_TOOLS.
fn have(tool: &str, probe: &[&str]) -> bool {
    let ok = Command::new(tool)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("MAJLIS_REQUIRE_TOOLS").is_none(),
            "{tool} is required here (.ci/run installs it)"
        );
        eprintln!("skipped: {tool} is not installed");
    }
    ok
}

fn have_networkx() -> bool {
    have("python3", &["-c", "import networkx"])
}

fn schemas() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas")
}

fn build(dir: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let out = dir.join(name);
    let mut args = vec!["build", "seeds", "-q", "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = majlis(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    out
}

fn python(script: &str, args: &[&Path]) -> String {
    let mut cmd = Command::new("python3");
    cmd.arg("-c").arg(script);
    for a in args {
        cmd.arg(a);
    }
    String::from_utf8(run_ok(&mut cmd).stdout).unwrap()
}

fn validate_graphml(file: &Path, dir: &Path) {
    let g = schemas().join("graphml");
    let catalog = dir.join("catalog.xml");
    std::fs::write(
        &catalog,
        format!(
            "<catalog xmlns=\"urn:oasis:names:tc:entity:xmlns:xml:catalog\">\n\
             <rewriteURI uriStartString=\"http://graphml.graphdrawing.org/xmlns/1.1/\" rewritePrefix=\"file://{0}/\"/>\n\
             <rewriteURI uriStartString=\"http://graphml.graphdrawing.org/xmlns/1.0/\" rewritePrefix=\"file://{0}/\"/>\n\
             <rewriteSystem systemIdStartString=\"http://graphml.graphdrawing.org/xmlns/1.1/\" rewritePrefix=\"file://{0}/\"/>\n\
             </catalog>\n",
            g.display()
        ),
    )
    .unwrap();
    run_ok(
        Command::new("xmllint")
            .env("XML_CATALOG_FILES", &catalog)
            .args(["--nonet", "--noout", "--schema"])
            .arg(g.join("graphml.xsd"))
            .arg(file),
    );
}

fn validate_gexf(file: &Path) {
    run_ok(
        Command::new("xmllint")
            .args(["--nonet", "--noout", "--relaxng"])
            .arg(schemas().join("gexf-1.3/gexf.rng"))
            .arg(file),
    );
}

fn canon_dot(file: &Path) {
    let out = run_ok(Command::new("dot").arg("-Tcanon").arg(file));
    assert!(
        out.stderr.is_empty(),
        "dot said: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn graphml_validates_and_loads_with_typed_values() {
    if !have("xmllint", &["--version"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = build(dir.path(), "g.graphml", &[]);
    validate_graphml(&file, dir.path());
    if !have_networkx() {
        return;
    }
    let script = "import sys, networkx as nx\n\
        g = nx.read_graphml(sys.argv[1])\n\
        t = g.nodes['country:TUR']\n\
        assert t['label'] == 'تركيا' and t['label_en'] == 'Turkey', t\n\
        assert isinstance(t['mentions'], int) and t['mentions'] > 0, t\n\
        m = g.nodes['meeting:marrakesh-2022-05-11']\n\
        assert m['type'] == 'meeting' and m['date'] == '2022-05-11', m\n\
        w = [d['weight'] for _, _, d in g.edges(data=True)]\n\
        assert all(isinstance(x, float) for x in w)\n\
        print(g.number_of_nodes(), g.number_of_edges())\n";
    python(script, &[&file]);
}

#[test]
fn gexf_validates_and_plays_meetings_on_the_timeline() {
    if !have("xmllint", &["--version"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = build(dir.path(), "g.gexf", &[]);
    validate_gexf(&file);
    let xml = std::fs::read_to_string(&file).unwrap();
    assert!(xml.contains("mode=\"dynamic\"") && xml.contains("timeformat=\"date\""));
    if !have_networkx() {
        return;
    }
    let script = "import sys, networkx as nx\n\
        g = nx.read_gexf(sys.argv[1], version='1.3')\n\
        m = g.nodes['meeting:marrakesh-2022-05-11']\n\
        assert m['spells'] == [('2022-05-11', '2022-05-11')], m\n\
        assert m['date'] == '2022-05-11' and m['viz']['color']['r'] == 200, m\n\
        print(g.number_of_nodes())\n";
    python(script, &[&file]);
}

#[test]
fn dot_renders_without_a_word_from_graphviz() {
    if !have("dot", &["-V"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = build(dir.path(), "g.dot", &[]);
    canon_dot(&file);
    let svg = run_ok(Command::new("dot").arg("-Tsvg").arg(&file));
    let svg = String::from_utf8(svg.stdout).unwrap();
    assert!(
        svg.contains("تركيا") && svg.contains("مراكش"),
        "Arabic labels in the SVG"
    );
    let picture = build(dir.path(), "g.svg", &[]);
    assert!(std::fs::read_to_string(picture).unwrap().contains("<svg"));
    let png = build(dir.path(), "g.png", &[]);
    assert!(std::fs::read(png).unwrap().starts_with(b"\x89PNG"));
}

#[test]
fn json_and_graphml_give_networkx_the_same_graph() {
    if !have_networkx() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let json = build(dir.path(), "g.json", &[]);
    let gml = build(dir.path(), "g.graphml", &[]);
    let script = "import sys, json, networkx as nx\n\
        a = nx.node_link_graph(json.load(open(sys.argv[1])), edges='edges')\n\
        b = nx.read_graphml(sys.argv[2])\n\
        assert set(a.nodes) == set(b.nodes)\n\
        ea = sorted((u, v) for u, v, k in a.edges(keys=True))\n\
        eb = sorted((u, v) for u, v, *_ in (b.edges(keys=True) if b.is_multigraph() else b.edges()))\n\
        assert ea == eb, (len(ea), len(eb))\n";
    python(script, &[&json, &gml]);
}

#[test]
fn neo4j_csv_follows_the_import_grammar() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("neo4j");
    let o = majlis(&[
        "build",
        "seeds",
        "-q",
        "--format",
        "neo4j",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("neo4j-admin database import full"));
    let mut ids: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    let mut rels = Vec::new();
    for entry in std::fs::read_dir(&out).unwrap() {
        let p = entry.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        let mut lines = text.lines();
        let header = lines.next().unwrap();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        if name.starts_with("nodes_") {
            assert!(
                header.starts_with("id:ID(") && header.ends_with(",:LABEL"),
                "{header}"
            );
            assert!(header.contains("mentions:int") && header.contains("articles:string[]"));
            let space = header[6..header.find(')').unwrap()].to_string();
            for l in lines {
                let id = l.split(',').next().unwrap().trim_matches('"').to_string();
                assert!(
                    ids.entry(space.clone()).or_default().insert(id),
                    "duplicate id in {name}"
                );
            }
        } else {
            assert!(
                header.starts_with(":START_ID(") && header.ends_with(",:TYPE"),
                "{header}"
            );
            let spaces: Vec<&str> = header
                .split(',')
                .take(2)
                .map(|h| &h[h.find('(').unwrap() + 1..h.len() - 1])
                .collect();
            for l in lines {
                let f: Vec<&str> = l.split(',').take(2).map(|x| x.trim_matches('"')).collect();
                rels.push((
                    spaces[0].to_string(),
                    f[0].to_string(),
                    spaces[1].to_string(),
                    f[1].to_string(),
                ));
            }
        }
    }
    assert!(!rels.is_empty());
    for (s_space, s, t_space, t) in rels {
        assert!(ids[&s_space].contains(&s), "{s} in {s_space}");
        assert!(ids[&t_space].contains(&t), "{t} in {t_space}");
    }
}

#[test]
fn a_hostile_label_survives_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let gaz = dir.path().join("gaz");
    std::fs::create_dir(&gaz).unwrap();
    let nasty_en = "Q\"uote\\ & <tag> \u{7}bell 2024-05 نص";
    std::fs::write(
        gaz.join("organisations.tsv"),
        format!(
            "id\tname_en\tname_ar\taliases_ar\taliases_en\tkind\tcountry\n\
             hostile-body\t{nasty_en}\tهيئة \"الاختبار\" 2024 & <ب>\t-\t-\tinternational\t-\n"
        ),
    )
    .unwrap();
    let art = dir.path().join("a.txt");
    std::fs::write(
        &art,
        "اجتمعت هيئة \"الاختبار\" 2024 & <ب> في عمّان مع وزير الخارجية الأردني",
    )
    .unwrap();
    let mut files = Vec::new();
    for ext in ["json", "graphml", "gexf", "dot"] {
        let out = dir.path().join(format!("h.{ext}"));
        let o = majlis(&[
            "build",
            art.to_str().unwrap(),
            "-q",
            "--gazetteer",
            gaz.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        files.push(out);
    }
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    assert!(
        json["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["label_en"] == nasty_en)
    );
    if have("xmllint", &["--version"]) {
        validate_graphml(&files[1], dir.path());
        validate_gexf(&files[2]);
    }
    if have("dot", &["-V"]) {
        canon_dot(&files[3]);
    }
    if have_networkx() {
        let script = "import sys, networkx as nx\n\
            g = nx.read_graphml(sys.argv[1])\n\
            n = g.nodes['organisation:hostile-body']\n\
            assert n['label_en'] == 'Q\"uote\\\\ & <tag> bell 2024-05 نص', repr(n['label_en'])\n\
            h = nx.read_gexf(sys.argv[2], version='1.3')\n\
            assert h.nodes['organisation:hostile-body']['label_en'] == n['label_en']\n";
        python(script, &[&files[1], &files[2]]);
    }
}

#[test]
fn filters_cut_the_graph_before_export() {
    let dir = tempfile::tempdir().unwrap();
    let f = build(
        dir.path(),
        "f.json",
        &[
            "--types",
            "country,meeting",
            "--since",
            "2018",
            "--without-isolated",
        ],
    );
    let g: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
    let nodes = g["nodes"].as_array().unwrap();
    assert!(
        nodes
            .iter()
            .all(|n| n["type"] == "country" || n["type"] == "meeting")
    );
    let meetings: Vec<&str> = nodes
        .iter()
        .filter(|n| n["type"] == "meeting")
        .map(|n| n["date"].as_str().unwrap())
        .collect();
    assert!(
        !meetings.is_empty() && meetings.iter().all(|d| *d >= "2018"),
        "{meetings:?}"
    );
    let linked: std::collections::BTreeSet<&str> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| [e["source"].as_str().unwrap(), e["target"].as_str().unwrap()])
        .collect();
    assert!(
        nodes
            .iter()
            .all(|n| linked.contains(n["id"].as_str().unwrap()))
    );
    let heavy = build(dir.path(), "w.json", &["--min-weight", "2"]);
    let w: Value = serde_json::from_str(&std::fs::read_to_string(heavy).unwrap()).unwrap();
    assert!(
        w["edges"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["weight"].as_u64().unwrap() >= 2)
    );
}

#[test]
fn every_format_is_byte_identical_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["json", "graphml", "gexf", "dot"] {
        let a = build(dir.path(), &format!("a.{ext}"), &[]);
        let b = build(dir.path(), &format!("b.{ext}"), &[]);
        assert_eq!(
            std::fs::read(a).unwrap(),
            std::fs::read(b).unwrap(),
            "{ext}"
        );
    }
}
