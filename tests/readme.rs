//! The README documents every rule.

#[test]
fn readme_lists_every_rule() {
    let readme = include_str!("../README.md");
    for rule in walint::rules::ALL {
        assert!(
            readme.contains(&format!("| `{}` |", rule.id)),
            "README.md does not list `{}`",
            rule.id
        );
    }
}
