//! Argument parsing and the commands.

mod config;
mod discover;
mod eval;
mod files;
mod lint;
mod render;

use clap::{Parser, Subcommand, ValueEnum};
use discover::{Input, Item, Origin, Scope};
use lint::Plan;
use render::{FileView, Render};
use std::fmt::Write as _;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use walint::text::Cursor;
use walint::{Lang, LintOptions, Profile, SeverityCounts, TemplateReport};

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
        /// Where the weights of the model for languages without a word list go
        #[arg(long, default_value = "src/signals/weights-unlisted.json")]
        out_unlisted: PathBuf,
        /// Do not write: fail (exit 1) if the file differs from a fresh fit
        #[arg(long)]
        check: bool,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or folders; `-` reads standard input. Folders are searched for templates
    /// (*.json files that hold templates, and the files `include` in walint.toml names),
    /// respecting .gitignore
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
    /// Apply the available fixes to the template files (JSON templates and .txt drafts, never
    /// standard input or other files), then report what is left
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

/// Why a file could not be checked (or fixed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub message: String,
    /// Position of the problem in the file, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub offset: Option<usize>,
    /// The file was checked, but its fixes could not be written.
    pub unfixed: bool,
}

impl FileError {
    fn new(message: impl Into<String>) -> Self {
        FileError {
            message: message.into(),
            line: None,
            column: None,
            offset: None,
            unfixed: false,
        }
    }
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub findings: SeverityCounts,
    /// Files reported (checked, or failed).
    pub files: usize,
    pub templates: usize,
    /// Paths that could not be checked (missing, unreadable, not templates).
    pub unchecked: usize,
    /// Files whose fixes could not be written.
    pub unfixed: usize,
    /// Files found in folders that are not templates.
    pub skipped: usize,
}

impl Summary {
    /// Paths that failed one way or the other.
    pub fn failed(&self) -> usize {
        self.unchecked + self.unfixed
    }

    fn add(&mut self, report: &TemplateReport) {
        self.templates += 1;
        self.findings.add(&report.diagnostics);
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
        Command::Fit {
            dir,
            out,
            out_unlisted,
            check,
        } => fit(&dir, &out, &out_unlisted, check),
    }
}

/// The lint options and the folder walks' scope: walint.toml (found upwards from the current
/// folder, or `--config`), then the command line over it.
fn settings_for(args: &CheckArgs) -> Result<(LintOptions, Scope), String> {
    let config_path = match (&args.config, args.no_config) {
        (Some(p), _) => Some(p.clone()),
        (None, true) => None,
        (None, false) => std::env::current_dir()
            .ok()
            .and_then(|d| config::discover(&d)),
    };
    let (mut options, scope) = match &config_path {
        Some(p) => {
            let origin = p.display().to_string();
            let config = config::load(p)?;
            let folder = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."));
            let scope = config.scope(folder, &origin)?;
            (config.into_options(&origin)?, scope)
        }
        None => (LintOptions::default(), Scope::default()),
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
    for domain in &args.owned_domains {
        walint::options::owned_domain(domain)
            .map_err(|m| format!("--owned-domain: {}", m.get(options.lang)))?;
    }
    options
        .owned_domains
        .extend(args.owned_domains.iter().cloned());
    Ok((options, scope))
}

/// Standard output, buffered. When the reader goes away (`walint … | head -1`), the rest of
/// the output is dropped quietly instead of failing every write: the run still finishes, so
/// that the exit code says what was found.
struct Output<W: Write> {
    inner: W,
    closed: bool,
}

impl<W: Write> Output<W> {
    fn new(inner: W) -> Self {
        Output {
            inner,
            closed: false,
        }
    }

    fn closed<T>(&mut self, result: io::Result<T>, done: T) -> io::Result<T> {
        match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(done)
            }
            other => other,
        }
    }
}

impl<W: Write> Write for Output<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.closed(result, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.closed(result, ())
    }
}

fn stdout() -> Output<BufWriter<io::StdoutLock<'static>>> {
    Output::new(BufWriter::new(io::stdout().lock()))
}

/// Runs a command's output, and says whether it could be written (a closed pipe is fine).
fn written(result: io::Result<()>) -> bool {
    match result {
        Ok(()) => true,
        Err(e) => {
            eprintln!("walint: cannot write the output: {e}");
            false
        }
    }
}

fn check(args: CheckArgs) -> i32 {
    let (options, scope) = match settings_for(&args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("walint: {e}");
            return EXIT_TROUBLE;
        }
    };
    let discovery = discover::discover(&args.paths, &scope);
    for w in &discovery.warnings {
        eprintln!("walint: warning: {w}");
    }
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
    let mut out = stdout();
    let linter = walint::Linter::new(options.clone());
    let mut run = Run {
        options: &options,
        linter: &linter,
        fix: args.fix,
        renderer: render::renderer(format, &options, color),
        summary: Summary {
            skipped: discovery.skipped,
            ..Summary::default()
        },
        fixed_files: 0,
        edits: 0,
    };
    let total = discovery.items.len();
    let progress = total >= 20 && std::io::stderr().is_terminal();
    let result = discovery
        .items
        .iter()
        .enumerate()
        .try_for_each(|(i, item)| {
            if progress && (i % 10 == 0 || i + 1 == total) {
                eprint!("\rwalint: checked {}/{total} files", i + 1);
            }
            run.item(item, &mut out)
        })
        .and_then(|()| run.renderer.finish(&mut out, &run.summary))
        .and_then(|()| out.flush());
    if progress {
        eprintln!();
    }
    let summary = run.summary;
    if args.fix {
        eprintln!(
            "walint: {}",
            fixes_applied(run.edits, run.fixed_files, options.lang)
        );
    }
    if !written(result) {
        return EXIT_TROUBLE;
    }
    if summary.templates == 0 && summary.failed() == 0 {
        eprintln!("walint: {}", nothing_checked(summary.skipped, options.lang));
    }
    if summary.failed() > 0 {
        EXIT_TROUBLE
    } else if summary.findings.errors > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

fn fixes_applied(edits: usize, files: usize, lang: Lang) -> String {
    use walint::l10n::{plural_en, plural_ru};
    match lang {
        Lang::En => format!(
            "applied {edits} {} in {files} {}",
            plural_en(edits, "fix", "fixes"),
            plural_en(files, "file", "files")
        ),
        Lang::Ru => format!(
            "применено {edits} {} в {files} {}",
            plural_ru(edits, "исправление", "исправления", "исправлений"),
            plural_ru(files, "файле", "файлах", "файлах")
        ),
    }
}

fn nothing_checked(skipped: usize, lang: Lang) -> String {
    let mut text = match lang {
        Lang::En => "warning: no template was checked".to_string(),
        Lang::Ru => "предупреждение: не проверено ни одного шаблона".to_string(),
    };
    if skipped > 0 {
        text += &match lang {
            Lang::En => format!(
                " ({skipped} {} skipped as not templates: name a file to check it, or list it under `include` in walint.toml)",
                walint::l10n::plural_en(skipped, "file was", "files were")
            ),
            Lang::Ru => format!(
                " (пропущено файлов, которые не похожи на шаблоны: {skipped}; чтобы проверить файл, укажите его в командной строке или в `include` в walint.toml)"
            ),
        };
    }
    text
}

/// One `walint check`: the options, the report being written and the counts.
struct Run<'o> {
    options: &'o LintOptions,
    /// Built once: the owned domains and everything else the options imply.
    linter: &'o walint::Linter,
    fix: bool,
    renderer: Box<dyn Render>,
    summary: Summary,
    fixed_files: usize,
    edits: usize,
}

impl Run<'_> {
    fn item(&mut self, item: &Item, out: &mut dyn Write) -> io::Result<()> {
        match item {
            Item::Failed { path, message } => {
                let view = FileView {
                    path,
                    file: None,
                    source: None,
                    templates: 0,
                };
                let message = message.get(self.options.lang);
                self.file(out, &view, Some(FileError::new(message)), None)
            }
            Item::Check { input, origin } => self.input(input, *origin, out),
        }
    }

    /// Reads, fixes (with `--fix`) and lints one input.
    fn input(&mut self, input: &Input, origin: Origin, out: &mut dyn Write) -> io::Result<()> {
        let path = input.display();
        let file = match input {
            Input::File(p) => Some(p.as_path()),
            Input::Stdin => None,
        };
        let mut view = FileView {
            path: &path,
            file,
            source: None,
            templates: 0,
        };
        let contents = match files::read(input) {
            Ok(c) => c,
            Err(message) => {
                let message = message.get(self.options.lang);
                return self.file(out, &view, Some(FileError::new(message)), None);
            }
        };
        let mut source = contents.source;
        let mut fix_error = None;
        if self.fix {
            if let Input::File(p) = input {
                let fixed = lint::fixed(&lint::plan(input, origin, &source), &source, self.options);
                if let Some((text, edits)) = fixed {
                    match files::replace(p, &text, contents.stamp) {
                        Ok(()) => {
                            self.fixed_files += 1;
                            self.edits += edits;
                            source = text;
                        }
                        Err(m) => {
                            fix_error = Some(FileError {
                                unfixed: true,
                                ..FileError::new(match self.options.lang {
                                    Lang::En => format!("cannot write the fixes: {}", m.en),
                                    Lang::Ru => {
                                        format!("не удалось записать исправления: {}", m.ru)
                                    }
                                })
                            })
                        }
                    }
                }
            }
        }
        let plan = lint::plan(input, origin, &source);
        let lang = self.options.lang;
        let error = match &plan {
            Plan::Skip => {
                self.summary.skipped += 1;
                return Ok(());
            }
            Plan::NotATemplate => Some(FileError::new(not_a_template(lang))),
            Plan::Broken(e) => Some(unreadable(e, &source, lang)),
            Plan::Json(scan) => {
                view.templates = scan.count;
                fix_error
            }
            Plan::Text { .. } => {
                view.templates = 1;
                fix_error
            }
        };
        view.source = Some(&source);
        self.file(out, &view, error, Some(&plan))
    }

    /// Reports one file: its failure, if any, and the reports of its templates.
    fn file(
        &mut self,
        out: &mut dyn Write,
        view: &FileView,
        error: Option<FileError>,
        plan: Option<&Plan<'_>>,
    ) -> io::Result<()> {
        self.summary.files += 1;
        match &error {
            Some(e) if e.unfixed => self.summary.unfixed += 1,
            Some(_) => self.summary.unchecked += 1,
            None => {}
        }
        self.renderer.begin_file(out, view, error.as_ref())?;
        if let (Some(plan), Some(source)) = (plan, view.source) {
            let mut written = Ok(());
            let (summary, renderer) = (&mut self.summary, &mut self.renderer);
            lint::each_report(plan, source, self.linter, &mut |report| {
                summary.add(&report);
                if written.is_ok() {
                    written = renderer.template(out, view, &report);
                }
            });
            written?;
        }
        self.renderer.end_file(out, view, error.as_ref())
    }
}

fn not_a_template(lang: Lang) -> String {
    match lang {
        Lang::En => "not a WhatsApp message template: walint reads a JSON object with `components`, or with `name` and `language` or `category`; an array of them; or {\"data\": [...]}".to_string(),
        Lang::Ru => "это не шаблон сообщения WhatsApp: walint читает JSON-объект с `components` или с `name` и `language` либо `category`, массив таких объектов или {\"data\": [...]}".to_string(),
    }
}

/// A document that cannot be read as templates, with the place of the problem.
fn unreadable(e: &walint::LoadError, source: &str, lang: Lang) -> FileError {
    let at = Cursor::new(source).position(e.offset);
    let message = e.message.get(lang).to_string();
    let message = if e.path.is_empty() {
        message
    } else {
        format!("{}: {message}", e.path)
    };
    FileError {
        line: Some(at.line),
        column: Some(at.column),
        offset: Some(at.offset),
        ..FileError::new(message)
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

fn fit(dir: &Path, listed: &Path, unlisted: &Path, check: bool) -> i32 {
    let models = match eval::fit_all(dir) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("walint: {e}");
            return EXIT_TROUBLE;
        }
    };
    let files = [
        (
            listed,
            eval::fit::to_json(
                &models.listed,
                "Fitted by `walint fit` on every real record of tests/corpus; do not edit by hand.",
            ),
        ),
        (
            unlisted,
            eval::fit::to_json(
                &models.unlisted,
                "Fitted by `walint fit` on every real record of tests/corpus without the features the word lists count, for templates in a language walint has no word list for; do not edit by hand.",
            ),
        ),
    ];
    let mut said = String::new();
    for (path, json) in files {
        if check {
            let current = std::fs::read_to_string(path).unwrap_or_default();
            if current != json {
                eprintln!(
                    "walint: {} differs from a fresh fit: run `walint fit`",
                    path.display()
                );
                return EXIT_FINDINGS;
            }
            said += &format!("{} matches a fresh fit\n", path.display());
        } else if let Err(e) = std::fs::write(path, json) {
            eprintln!("walint: cannot write {}: {e}", path.display());
            return EXIT_TROUBLE;
        } else {
            said += &format!("wrote {}\n", path.display());
        }
    }
    print(&said)
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
    let mut out = stdout();
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
    if written(result.and_then(|()| out.flush())) {
        EXIT_CLEAN
    } else {
        EXIT_TROUBLE
    }
}

fn explain(id: &str) -> i32 {
    match walint::rules::find(id) {
        Some(rule) => {
            let mut out = stdout();
            let result = writeln!(out, "{}", rule.docs.trim_end()).and_then(|()| out.flush());
            if written(result) {
                EXIT_CLEAN
            } else {
                EXIT_TROUBLE
            }
        }
        None => {
            eprintln!("walint: unknown rule `{id}` (run `walint rules` to list them)");
            EXIT_TROUBLE
        }
    }
}
