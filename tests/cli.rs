//! CLI behaviour as data: `tests/cmd/*.trycmd` hold commands with their expected output and
//! exit code (`TRYCMD=overwrite cargo test --test cli` refreshes them after a deliberate change).

#[test]
fn cli() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        .env("GITHUB_ACTIONS", "false")
        .case("tests/cmd/*.trycmd")
        .case("tests/cmd/*.toml");
}
