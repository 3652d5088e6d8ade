//! The SARIF output has the shape SARIF 2.1.0 requires and GitHub code scanning reads.

use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

fn sarif_in(dir: &Path, args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_walint"))
        .current_dir(dir)
        .args(["check", "--no-config", "--format", "sarif"])
        .args(args)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every result's fingerprint, in order.
fn fingerprints(sarif: &Value) -> Vec<String> {
    sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["partialFingerprints"]["walint/v1"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn sarif_has_the_2_1_0_shape() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cmd/check.in");
    let out = Command::new(env!("CARGO_BIN_EXE_walint"))
        .current_dir(dir)
        .args(["check", "--no-config", "--format", "sarif", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "broken.json is unreadable");
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "walint");
    assert!(run["tool"]["driver"]["version"].is_string());
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        ids.len(),
        "rule ids are unique"
    );
    for r in rules {
        assert!(r["shortDescription"]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty()));
        assert!(matches!(
            r["defaultConfiguration"]["level"].as_str(),
            Some("error" | "warning" | "note")
        ));
    }
    let results = run["results"].as_array().unwrap();
    assert!(results.len() >= 4);
    for res in results {
        let rule = res["ruleId"].as_str().unwrap();
        let index = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(ids[index], rule, "ruleIndex points at the rule");
        assert!(matches!(
            res["level"].as_str(),
            Some("error" | "warning" | "note")
        ));
        assert!(!res["message"]["text"].as_str().unwrap().is_empty());
        let loc = &res["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        assert!(
            uri.starts_with("tests/cmd/check.in/"),
            "relative to the repository root: {uri}"
        );
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let region = &loc["region"];
        let (sl, sc) = (
            region["startLine"].as_u64().unwrap(),
            region["startColumn"].as_u64().unwrap(),
        );
        let (el, ec) = (
            region["endLine"].as_u64().unwrap(),
            region["endColumn"].as_u64().unwrap(),
        );
        assert!(sl >= 1 && sc >= 1 && el >= sl);
        assert!(el > sl || ec > sc, "a non-empty region: {region}");
    }
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert!(note["message"]["text"]
        .as_str()
        .unwrap()
        .contains("trailing comma"));
    assert_eq!(
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "tests/cmd/check.in/broken.json"
    );
    let root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    let manifest = env!("CARGO_MANIFEST_DIR");
    assert_eq!(root, format!("file://{manifest}/"));
    let prints = fingerprints(&sarif);
    assert_eq!(prints.len(), results.len());
    assert_eq!(
        prints.iter().collect::<HashSet<_>>().len(),
        prints.len(),
        "one alert per finding"
    );
}

#[test]
fn uris_are_encoded_and_relative_to_the_repository_root() {
    let repo = tempfile::tempdir().unwrap();
    std::fs::create_dir(repo.path().join(".git")).unwrap();
    let sub = repo.path().join("templates");
    std::fs::create_dir(&sub).unwrap();
    let template = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/cmd/check.in/bad.json"
    ))
    .unwrap();
    std::fs::write(sub.join("sale #2 ура.json"), &template).unwrap();
    // Run from the subfolder: the URI is still relative to the root.
    let sarif = sarif_in(&sub, &["."]);
    let location = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "templates/sale%20%232%20%D1%83%D1%80%D0%B0.json"
    );
    assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
}

#[test]
fn fingerprints_follow_a_finding_when_lines_move() {
    let dir = tempfile::tempdir().unwrap();
    let template = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/cmd/check.in/bad.json"
    ))
    .unwrap();
    std::fs::write(dir.path().join("t.json"), &template).unwrap();
    let before = sarif_in(dir.path(), &["t.json"]);
    std::fs::write(dir.path().join("t.json"), format!("\n\n\n{template}")).unwrap();
    let after = sarif_in(dir.path(), &["t.json"]);
    let line = |s: &Value| {
        s["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"]
            .as_u64()
    };
    assert_eq!(line(&after), line(&before).map(|l| l + 3));
    assert_eq!(fingerprints(&after), fingerprints(&before));
    // The same template twice: the same findings, told apart by their occurrence.
    let twice = format!("[{template}, {template}]");
    std::fs::write(dir.path().join("t.json"), twice).unwrap();
    let prints = fingerprints(&sarif_in(dir.path(), &["t.json"]));
    assert_eq!(prints.iter().collect::<HashSet<_>>().len(), prints.len());
    assert!(prints.iter().any(|p| p.ends_with(":2")));
}
