//! The README's rule table is generated from the rules' own metadata (id, default severity,
//! what an error means for Meta's review, fixes, summary), and this test keeps it current:
//! `UPDATE_README=1 cargo test --test readme` rewrites it.

use walint::moderation::{ErrorEffect, FixKind};

const BEGIN: &str = "<!-- rules:begin (generated from the rules by tests/readme.rs) -->\n";
const END: &str = "<!-- rules:end -->";

fn table() -> String {
    let mut out = String::from(
        "| rule | default | an error means | fix | what it checks |\n|---|---|---|---|---|\n",
    );
    for rule in walint::rules::ALL {
        let effect = match rule.on_error {
            ErrorEffect::Reject(reason) => format!("rejected ({})", reason.as_str()),
            ErrorEffect::Marketing => "MARKETING".to_string(),
        };
        let fix = match rule.fix {
            FixKind::None => "",
            FixKind::Sometimes => "some",
            FixKind::Always => "yes",
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            rule.id,
            rule.default_severity.as_str(),
            effect,
            fix,
            rule.summary.0
        ));
    }
    out
}

#[test]
fn readme_rule_table_is_generated_from_the_rules() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme
        .find(BEGIN)
        .expect("README.md has the rules:begin marker")
        + BEGIN.len();
    let end = readme[start..]
        .find(END)
        .expect("README.md has the rules:end marker")
        + start;
    let want = table();
    if readme[start..end] == want {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{want}{}", &readme[..start], &readme[end..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    panic!(
        "README.md's rule table is out of date: run `UPDATE_README=1 cargo test --test readme`\n\nexpected:\n{want}"
    );
}
