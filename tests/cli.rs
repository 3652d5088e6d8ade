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

mod hostile {
    //! Runs of the binary that trycmd cannot describe: a mini repository fixed in place,
    //! a full disk, closed pipes, FIFOs.

    use std::collections::BTreeMap;
    use std::fs;
    use std::path::{Path, PathBuf};
    use std::process::{Command, Output, Stdio};
    use std::time::{Duration, Instant};

    fn walint(dir: &Path, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_walint"))
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .env_remove("GITHUB_ACTIONS")
            .args(args)
            .output()
            .unwrap()
    }

    /// Every file under `dir` (links read through) with its bytes.
    fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut out = BTreeMap::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in fs::read_dir(&d).unwrap() {
                let path = e.unwrap().path();
                if fs::symlink_metadata(&path).unwrap().is_dir() {
                    stack.push(path);
                } else {
                    let rel = path.strip_prefix(dir).unwrap().to_path_buf();
                    out.insert(rel, fs::read(&path).unwrap_or_default());
                }
            }
        }
        out
    }

    fn write(root: &Path, rel: &str, bytes: &[u8]) {
        let p = root.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, bytes).unwrap();
    }

    const TEMPLATE: &str = r#"{
  "name": "Order Update",
  "language": "ru",
  "category": "UTILITY",
  "components": [{"type": "BODY", "text": "Заказ {{ 1 } готов.", "example": {"body_text": [["A-1"]]}}]
}
"#;

    /// The issue's repository root: `walint check --fix .` must change the template and nothing
    /// else (it used to rename package.json's package, rewrite Jinja and CMake placeholders and
    /// drop a BOM and a zero-width space).
    #[test]
    fn fix_in_a_repository_root_changes_only_templates() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            "package.json",
            b"{\n  \"name\": \"My Package\",\n  \"version\": \"1.0.0\"\n}\n",
        );
        write(
            root,
            "composer.json",
            br#"{"name": "acme/My Package", "type": "library"}"#,
        );
        write(
            root,
            "tsconfig.json",
            b"{\n  // comments are not JSON\n  \"compilerOptions\": {}\n}\n",
        );
        write(
            root,
            "templates/email.txt",
            b"Hello {{ user.name }}, {1} {0}\n",
        );
        write(root, "CMakePresets.json", br#"{"version": 3, "configurePresets": [{"name": "default", "displayName": "{1} {0}"}]}"#);
        write(root, "requirements.txt", b"\xef\xbb\xbfrequests==2.31.0\n");
        write(root, "LICENSE.txt", "MIT License\u{200b}\n".as_bytes());
        write(root, "node_modules/x/template.json", TEMPLATE.as_bytes());
        write(root, "build/template.json", TEMPLATE.as_bytes());
        write(root, ".gitignore", b"/build/\n");
        write(root, "templates/order.json", TEMPLATE.as_bytes());
        let before = snapshot(root);
        let out = walint(root, &["check", "--no-config", "--fix", "."]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let after = snapshot(root);
        let changed: Vec<&PathBuf> = after
            .iter()
            .filter(|(p, bytes)| before.get(*p) != Some(bytes))
            .map(|(p, _)| p)
            .collect();
        assert_eq!(
            changed,
            [Path::new("templates/order.json")],
            "changed files"
        );
        assert_eq!(
            before.keys().collect::<Vec<_>>(),
            after.keys().collect::<Vec<_>>(),
            "no file created or removed"
        );
        let fixed = String::from_utf8(after[Path::new("templates/order.json")].clone()).unwrap();
        assert!(
            fixed.contains("\"name\": \"order_update\"") && fixed.contains("{{1}} готов"),
            "{fixed}"
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("skipped 7 files that are not templates"),
            "package.json, composer.json, tsconfig.json, CMakePresets.json and three .txt: {stdout}"
        );
    }

    /// This repository's own root, as a user would run it: `--fix .` rewrites only the files
    /// walint reads as templates (examples, fixtures, Meta's samples), each still holding its
    /// templates; Cargo.toml, package.json, the page, the corpus records and every other file
    /// keep their bytes, and no file appears or disappears.
    #[test]
    fn fix_in_this_repository_changes_only_templates() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let listed = Command::new("git")
            .args(["ls-files", "-z"])
            .current_dir(repo)
            .output()
            .expect("git lists the repository's files");
        assert!(listed.status.success());
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for rel in listed.stdout.split(|&b| b == 0).filter(|r| !r.is_empty()) {
            let rel = std::str::from_utf8(rel).unwrap();
            if let Ok(bytes) = fs::read(repo.join(rel)) {
                write(root, rel, &bytes);
            }
        }
        let templates_per_file = |root: &Path| -> BTreeMap<PathBuf, usize> {
            let out = walint(root, &["check", "--format", "json", "."]);
            let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            report["files"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["error"].is_null())
                .map(|f| {
                    let n = f["templates"].as_array().map_or(0, Vec::len);
                    (PathBuf::from(f["path"].as_str().unwrap()), n)
                })
                .collect()
        };
        let templates = templates_per_file(root);
        assert!(templates.len() > 40, "{templates:?}");
        let before = snapshot(root);
        let out = walint(root, &["check", "--fix", "."]);
        // Exit code 2: the repository keeps deliberately broken fixtures (tests/golden/broken.json).
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("applied"), "{stderr}");
        let after = snapshot(root);
        assert_eq!(
            before.keys().collect::<Vec<_>>(),
            after.keys().collect::<Vec<_>>(),
            "no file created or removed"
        );
        let changed: Vec<&PathBuf> = after
            .iter()
            .filter(|(p, bytes)| before.get(*p) != Some(bytes))
            .map(|(p, _)| p)
            .collect();
        assert!(changed.len() >= 10, "the examples have fixes: {changed:?}");
        for path in &changed {
            assert!(
                templates.contains_key(*path),
                "{} is not a template, yet changed",
                path.display()
            );
        }
        // Every fixed file still holds as many templates as it did.
        let fixed = templates_per_file(root);
        for path in changed {
            assert_eq!(fixed.get(path), templates.get(path), "{}", path.display());
        }
    }

    /// A fix that cannot be written (no space left, here a file size limit) leaves the file as
    /// it was: it used to be truncated.
    #[cfg(unix)]
    #[test]
    fn a_full_disk_leaves_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let padding = "Спасибо, что выбрали нас. ".repeat(60);
        let template = TEMPLATE.replace("готов.", &format!("готов. {padding}"));
        write(dir.path(), "t.json", template.as_bytes());
        let bin = env!("CARGO_BIN_EXE_walint");
        // 1 block of 512 bytes; SIGXFSZ ignored, so that writing past it fails with EFBIG.
        let out = Command::new("sh")
            .current_dir(dir.path())
            .args([
                "-c",
                &format!("trap '' XFSZ; ulimit -f 1; exec '{bin}' check --no-config --fix t.json"),
            ])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2), "{stdout}");
        assert!(stdout.contains("cannot write the fixes"), "{stdout}");
        assert!(
            stdout.contains("the fixes to 1 file could not be written"),
            "{stdout}"
        );
        let after = snapshot(dir.path());
        assert_eq!(after.len(), 1, "no temporary file left: {:?}", after.keys());
        assert_eq!(after[Path::new("t.json")], template.as_bytes());
    }

    /// A read-only file is not fixed (and the others still are): exit 2, named in the report.
    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_reported_and_the_rest_fixed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.json", TEMPLATE.as_bytes());
        write(dir.path(), "b.json", TEMPLATE.as_bytes());
        fs::set_permissions(dir.path().join("a.json"), fs::Permissions::from_mode(0o444)).unwrap();
        let out = walint(
            dir.path(),
            &["check", "--no-config", "--fix", "--format", "json", "."],
        );
        assert_eq!(out.status.code(), Some(2));
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let files = report["files"].as_array().unwrap();
        assert_eq!(files[0]["path"], "a.json");
        assert!(files[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("read-only"));
        assert!(
            !files[0]["templates"].as_array().unwrap().is_empty(),
            "still checked"
        );
        assert_eq!(files[1]["error"], serde_json::Value::Null);
        assert_eq!(report["summary"]["unfixed_files"], 1);
        assert_eq!(
            fs::read_to_string(dir.path().join("a.json")).unwrap(),
            TEMPLATE
        );
        assert_ne!(
            fs::read_to_string(dir.path().join("b.json")).unwrap(),
            TEMPLATE
        );
    }

    /// `walint explain … | head -1`: the reader goes away; walint stops writing quietly (it used
    /// to panic with exit code 101).
    #[test]
    fn a_closed_pipe_is_not_a_crash() {
        for args in [
            &["explain", "placeholder-adjacent"][..],
            &["rules"],
            &["eval", "tests/corpus"],
            &["check", "--no-config", "examples"],
        ] {
            let mut child = Command::new(env!("CARGO_BIN_EXE_walint"))
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .args(args)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            drop(child.stdout.take()); // closed before walint writes
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
            let expected = if args[0] == "check" { 1 } else { 0 };
            assert_eq!(out.status.code(), Some(expected), "{args:?}: {stderr}");
        }
    }

    /// A FIFO named on the command line is refused at once (reading it waited forever).
    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.json");
        if !Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
        {
            return; // no mkfifo here
        }
        write(dir.path(), "t.json", TEMPLATE.as_bytes());
        let mut child = Command::new(env!("CARGO_BIN_EXE_walint"))
            .current_dir(dir.path())
            .args(["check", "--no-config", "pipe.json", "t.json"])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > Duration::from_secs(20) {
                child.kill().unwrap();
                panic!("walint waited on the FIFO");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2));
        assert!(stdout.contains("not a regular file"), "{stdout}");
        assert!(
            stdout.contains("prediction for Order Update"),
            "t.json still checked: {stdout}"
        );
    }
}
