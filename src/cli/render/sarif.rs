//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other viewers.

use super::super::FileResult;
use serde_json::{json, Value};
use std::io::{self, Write};
use walint::rules::ALL;
use walint::Severity;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

pub fn write(results: &[FileResult], out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Value> = ALL
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": { "text": r.summary.0 },
                "fullDescription": { "text": r.summary.0 },
                "help": { "text": r.docs, "markdown": r.docs },
                "defaultConfiguration": { "level": level(r.default_severity) },
                "properties": { "tags": ["whatsapp", "template"] },
            })
        })
        .collect();
    let mut sarif_results = Vec::new();
    let mut notifications = Vec::new();
    for r in results {
        let artifact = json!({ "uri": r.path.trim_start_matches("./") });
        if let Some(e) = &r.error {
            notifications.push(json!({
                "level": "error",
                "message": { "text": e.message },
                "locations": [{ "physicalLocation": {
                    "artifactLocation": artifact,
                    "region": { "startLine": e.line.unwrap_or(1), "startColumn": e.column.unwrap_or(1) },
                }}],
            }));
        }
        for t in &r.templates {
            for d in &t.diagnostics {
                let rule_index = ALL.iter().position(|x| x.id == d.rule).unwrap_or(0);
                let region = d.location.map_or(json!({ "startLine": 1 }), |l| {
                    json!({
                        "startLine": l.start.line,
                        "startColumn": l.start.column,
                        "endLine": l.end.line,
                        "endColumn": l.end.column.max(l.start.column + usize::from(l.end.line == l.start.line)),
                    })
                });
                let mut message = d.message.clone();
                if let Some(h) = &d.help {
                    message += &format!(" ({h})");
                }
                sarif_results.push(json!({
                    "ruleId": d.rule,
                    "ruleIndex": rule_index,
                    "level": level(d.severity),
                    "message": { "text": message },
                    "locations": [{
                        "physicalLocation": { "artifactLocation": artifact, "region": region },
                        "logicalLocations": [{ "fullyQualifiedName": d.path, "kind": "member" }],
                    }],
                }));
            }
        }
    }
    let report = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "walint",
                "version": walint::VERSION,
                "informationUri": "https://github.com/walint/walint",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": sarif_results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
