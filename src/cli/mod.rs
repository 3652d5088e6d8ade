//! Argument parsing and the commands.

mod config;
mod eval;
mod files;
mod render;

use clap::{Parser, Subcommand, ValueEnum};
use files::{Input, ReadError};
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use walint::text::Cursor;
use walint::{Lang, LintOptions, Profile, Severity, TemplateReport};

/// Exit codes: no errors found / errors found / the tool could not do its job.
pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_TROUBLE: i32 = 2;

#[derive(Parser)]
#[command(
    name = "walint",
    version,
    about = "Checks WhatsApp Business message templates before you submit them to Meta"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint template files (Meta's message_templates JSON, or plain-text drafts)
    Check(CheckArgs),
    /// List the rules
    Rules {
        /// Language of the summaries
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Print a rule's documentation
    Explain {
        /// The rule id, e.g. body-too-long
        rule: String,
    },
    /// Measure the moderation predictor against a labelled corpus of real templates
    /// (leave-source-out: each template is predicted by a model fitted without its source)
    Eval {
        /// The corpus directory
        #[arg(default_value = "tests/corpus")]
        dir: PathBuf,
        /// A synthetic set, reported apart and never counted in the real figures
        #[arg(long, value_name = "DIR")]
        synthetic: Option<PathBuf>,
        /// Also list the templates the predictor gets wrong
        #[arg(long)]
        verbose: bool,
    },
    /// Fit the category model on a labelled corpus and write its weights
    Fit {
        /// The corpus directory
        #[arg(default_value = "tests/corpus")]
        dir: PathBuf,
        /// Where the weights go
        #[arg(long, default_value = "src/signals/weights.json")]
        out: PathBuf,
        /// Do not write: fail (exit 1) if the file differs from a fresh fit
        #[arg(long)]
        check: bool,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories (searched for *.json and *.txt); `-` reads standard input
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format [default: github when GITHUB_ACTIONS=true, else human]
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Where the message is sent from: API template (limit 1024) or Business app broadcast (500)
    #[arg(long, value_enum)]
    profile: Option<ProfileArg>,
    /// A domain the business owns; links elsewhere are reported (repeatable)
    #[arg(long = "owned-domain", value_name = "DOMAIN")]
    owned_domains: Vec<String>,
    /// Language of the messages
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Settings file [default: walint.toml in this or a parent directory]
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore walint.toml files
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// When to use colours in human output
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
    /// Apply the available fixes to the files (not to standard input), then report what is left
    #[arg(long)]
    fix: bool,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum ProfileArg {
    Api,
    BusinessApp,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    Ru,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Ru => Lang::Ru,
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// A file that could not be checked.
pub struct FileError {
    pub message: String,
    /// Position of the problem in the file, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// The outcome for one input.
pub struct FileResult {
    pub path: String,
    /// The text of the input, for showing the offending lines.
    pub source: Option<String>,
    pub templates: Vec<TemplateReport>,
    pub error: Option<FileError>,
}

#[derive(Default, Clone, Copy)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub files: usize,
    pub templates: usize,
    pub unreadable: usize,
}

impl Summary {
    fn of(results: &[FileResult]) -> Summary {
        let mut s = Summary {
            files: results.len(),
            ..Summary::default()
        };
        for r in results {
            s.unreadable += usize::from(r.error.is_some());
            s.templates += r.templates.len();
            for d in r.templates.iter().flat_map(|t| &t.diagnostics) {
                match d.severity {
                    Severity::Error => s.errors += 1,
                    Severity::Warning => s.warnings += 1,
                    Severity::Info => s.infos += 1,
                }
            }
        }
        s
    }
}

pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_TROUBLE
            } else {
                EXIT_CLEAN
            };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Check(args) => check(args),
        Command::Rules { lang, json } => rules(lang.map(Lang::from).unwrap_or_default(), json),
        Command::Explain { rule } => explain(&rule),
        Command::Eval {
            dir,
            synthetic,
            verbose,
        } => evaluate(&dir, synthetic.as_deref(), verbose),
        Command::Fit { dir, out, check } => fit(&dir, &out, check),
    }
}

fn options_for(args: &CheckArgs) -> Result<LintOptions, String> {
    let config_path = match (&args.config, args.no_config) {
        (Some(p), _) => Some(p.clone()),
        (None, true) => None,
        (None, false) => std::env::current_dir()
            .ok()
            .and_then(|d| config::discover(&d)),
    };
    let mut options = match &config_path {
        Some(p) => config::load(p)?.into_options(&p.display().to_string())?,
        None => LintOptions::default(),
    };
    if let Some(p) = args.profile {
        options.profile = match p {
            ProfileArg::Api => Profile::Api,
            ProfileArg::BusinessApp => Profile::BusinessApp,
        };
    }
    if let Some(l) = args.lang {
        options.lang = l.into();
    }
    options
        .owned_domains
        .extend(args.owned_domains.iter().cloned());
    Ok(options)
}

fn check(args: CheckArgs) -> i32 {
    let options = match options_for(&args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("walint: {e}");
            return EXIT_TROUBLE;
        }
    };
    let inputs = match files::expand(&args.paths) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("walint: {e}");
            return EXIT_TROUBLE;
        }
    };
    if args.fix {
        let mut fixed_files = 0;
        let mut edits = 0;
        for input in &inputs {
            match files::fix(input, &options) {
                Ok(0) => {}
                Ok(n) => {
                    fixed_files += 1;
                    edits += n;
                }
                Err(e) => {
                    eprintln!("walint: {e}");
                    return EXIT_TROUBLE;
                }
            }
        }
        eprintln!("walint: applied {edits} fixes in {fixed_files} files");
    }
    let progress = inputs.len() >= 20 && std::io::stderr().is_terminal();
    let mut results = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.iter().enumerate() {
        if progress && (i % 10 == 0 || i + 1 == inputs.len()) {
            eprint!("\rwalint: checked {}/{} files", i + 1, inputs.len());
        }
        results.push(check_one(input, &options));
    }
    if progress {
        eprintln!();
    }
    let summary = Summary::of(&results);
    let format = args.format.unwrap_or(
        if std::env::var_os("GITHUB_ACTIONS").is_some_and(|v| v == "true") {
            Format::Github
        } else {
            Format::Human
        },
    );
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let mut out = std::io::stdout().lock();
    let written = render::write(format, &results, &summary, &options, color, &mut out)
        .and_then(|()| out.flush());
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("walint: cannot write the report: {e}");
        }
        return EXIT_TROUBLE;
    }
    if summary.unreadable > 0 {
        EXIT_TROUBLE
    } else if summary.errors > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

fn check_one(input: &Input, options: &LintOptions) -> FileResult {
    let path = input.display();
    match files::read(input) {
        Ok(doc) => FileResult {
            path,
            templates: walint::lint_document(&doc, options),
            source: Some(doc.source),
            error: None,
        },
        Err(ReadError::Io(message)) => FileResult {
            path,
            source: None,
            templates: Vec::new(),
            error: Some(FileError {
                message,
                line: None,
                column: None,
            }),
        },
        Err(ReadError::Load(e, source)) => {
            let at = Cursor::new(&source).position(e.offset);
            let message = e.message.get(options.lang).to_string();
            let message = if e.path.is_empty() {
                message
            } else {
                format!("{}: {message}", e.path)
            };
            FileResult {
                path,
                templates: Vec::new(),
                source: Some(source),
                error: Some(FileError {
                    message,
                    line: Some(at.line),
                    column: Some(at.column),
                }),
            }
        }
    }
}

fn evaluate(dir: &std::path::Path, synthetic: Option<&std::path::Path>, verbose: bool) -> i32 {
    let mut dirs = vec![dir.to_path_buf()];
    dirs.extend(synthetic.map(std::path::Path::to_path_buf));
    let cases = match eval::run(&dirs) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("walint: {e}");
            return EXIT_TROUBLE;
        }
    };
    let real: Vec<&eval::Case> = cases.iter().filter(|c| !c.synthetic).collect();
    let made: Vec<&eval::Case> = cases.iter().filter(|c| c.synthetic).collect();
    let groups: std::collections::BTreeSet<&str> = real.iter().map(|c| c.group.as_str()).collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "walint eval: {} real templates from {} sources; leave-source-out ({} folds by source)\n",
        real.len(),
        groups.len(),
        eval::FOLDS
    );
    out.push_str(&eval::report("real templates", &real));
    let (right, total, wrong) = eval::meta_examples(&real);
    let _ = writeln!(out, "Meta's documented examples: {right}/{total} right");
    for w in &wrong {
        let _ = writeln!(out, "  {w}");
    }
    out.push('\n');
    out.push_str(&eval::by_language(&real));
    let noise = eval::label_noise(&real);
    let _ = writeln!(
        out,
        "\nlabel noise: {} pairs of (nearly) the same words with different recorded labels",
        noise.len()
    );
    for n in &noise {
        let _ = writeln!(out, "  {n}");
    }
    if !made.is_empty() {
        out.push('\n');
        out.push_str(&eval::report(
            "synthetic (reported apart, not counted)",
            &made,
        ));
    }
    if verbose {
        let _ = writeln!(out, "\nmisses:\n{}", eval::misses(&real));
        if !made.is_empty() {
            let _ = writeln!(out, "synthetic misses:\n{}", eval::misses(&made));
        }
    }
    print(&out)
}

fn fit(dir: &std::path::Path, path: &std::path::Path, check: bool) -> i32 {
    let model = match eval::fit_all(dir) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("walint: {e}");
            return EXIT_TROUBLE;
        }
    };
    let json = eval::fit::to_json(
        &model,
        "Fitted by `walint fit` on every real record of tests/corpus; do not edit by hand.",
    );
    if check {
        let current = std::fs::read_to_string(path).unwrap_or_default();
        if current != json {
            eprintln!(
                "walint: {} differs from a fresh fit: run `walint fit`",
                path.display()
            );
            return EXIT_FINDINGS;
        }
        return print(&format!("{} matches a fresh fit\n", path.display()));
    }
    if let Err(e) = std::fs::write(path, json) {
        eprintln!("walint: cannot write {}: {e}", path.display());
        return EXIT_TROUBLE;
    }
    print(&format!("wrote {}\n", path.display()))
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
fn print(text: &str) -> i32 {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => EXIT_CLEAN,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_CLEAN,
        Err(e) => {
            eprintln!("walint: cannot write: {e}");
            EXIT_TROUBLE
        }
    }
}

fn rules(lang: Lang, json: bool) -> i32 {
    let mut out = std::io::stdout().lock();
    let result = if json {
        let list: Vec<_> = walint::rules::ALL
            .iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.id,
                    "default_severity": r.default_severity.as_str(),
                    "summary": if lang == Lang::Ru { r.summary.1 } else { r.summary.0 },
                })
            })
            .collect();
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        )
    } else {
        let width = walint::rules::ALL
            .iter()
            .map(|r| r.id.len())
            .max()
            .unwrap_or(0);
        walint::rules::ALL.iter().try_for_each(|r| {
            let summary = if lang == Lang::Ru {
                r.summary.1
            } else {
                r.summary.0
            };
            writeln!(
                out,
                "{:width$}  {:7}  {summary}",
                r.id,
                r.default_severity.as_str()
            )
        })
    };
    if result.is_err() {
        return EXIT_TROUBLE;
    }
    EXIT_CLEAN
}

fn explain(id: &str) -> i32 {
    match walint::rules::find(id) {
        Some(rule) => {
            println!("{}", rule.docs.trim_end());
            EXIT_CLEAN
        }
        None => {
            eprintln!("walint: unknown rule `{id}` (run `walint rules` to list them)");
            EXIT_TROUBLE
        }
    }
}
