//! Golden fixtures: each `tests/golden/*.json` / `*.txt` is linted by the `walint` binary and
//! the human report is compared, byte for byte, with the `.expected` file beside it.
//! `WALINT_BLESS=1 cargo test --test golden` rewrites the expected files after a deliberate
//! change; review the diff before committing.

use std::path::Path;
use std::process::Command;

#[test]
fn golden_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("WALINT_BLESS").is_some();
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("json" | "txt")))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 5, "the golden fixtures are missing");
    let mut failures = Vec::new();
    for input in inputs {
        let name = input.file_name().unwrap().to_string_lossy().to_string();
        let output = Command::new(env!("CARGO_BIN_EXE_walint"))
            .current_dir(&dir)
            .args([
                "check",
                "--no-config",
                "--color",
                "never",
                "--format",
                "human",
                &name,
            ])
            .env_remove("GITHUB_ACTIONS")
            .output()
            .unwrap();
        let got = String::from_utf8(output.stdout).unwrap();
        let got = format!("exit: {}\n{got}", output.status.code().unwrap_or(-1));
        let expected_path = input.with_extension(format!(
            "{}.expected",
            input.extension().unwrap().to_string_lossy()
        ));
        if bless {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failures.push(format!("--- {name}: expected\n{expected}\n--- got\n{got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "golden output differs (WALINT_BLESS=1 to accept):\n{}",
        failures.join("\n")
    );
}
