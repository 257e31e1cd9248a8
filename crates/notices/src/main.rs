//! `notices`: the command-line tool for the board's data file, sharing the app's data model.
//!
//! ```text
//! cargo run --profile tools --bin notices -- validate public/notices.json
//! cargo run --profile tools --bin notices -- import notices.csv --output notices.json
//! cargo run --profile tools --bin notices -- prerender dist/ [--base-url URL]
//! cargo run --profile tools --bin notices -- feed dist/notices.json --base-url URL
//! cargo run --profile tools --bin notices -- publish dist/ [--check]
//! cargo run --profile tools --bin notices -- schema > public/notices.schema.json
//! ```

// Everything the tool prints goes through `say!` and `tell!` (see `terminal_safe`).
#![deny(clippy::print_stdout, clippy::print_stderr)]

use clap::{Parser, Subcommand};
use notice_core::format::folder_and_file;
use notice_core::parse::{parse_data_bytes, parse_data_file};
use notice_core::url_state::Prerendered;
use notice_core::{Dataset, Date, LoadError, Place, Problem};
use notices::csv_import::notices_from_csv;
use notices::feed::{self, FEED_FILE};
use notices::locate::locate_all;
use notices::pages::SitePages;
use notices::prerender::{inline_stylesheets, prerender_each, widget_views, Options};
use notices::publish::{self, publish_into};
use notices::warnings::warnings;
use notices::widget_script::{FirstView, WidgetScript, WIDGET_SCRIPT};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Prints a line on standard output, made safe for a terminal (see [`terminal_safe`]).
macro_rules! say {
    ($($arg:tt)*) => { out(Stream::Output, &format!($($arg)*)) };
}

/// Prints a line on standard error, made safe for a terminal (see [`terminal_safe`]).
macro_rules! tell {
    ($($arg:tt)*) => { out(Stream::Error, &format!($($arg)*)) };
}

/// The one place the tool prints a message: messages echo values from the data file, which
/// is hostile, and a terminal obeys what it prints (`\u001b]8;;…` makes a live link,
/// `\u001b[2J` clears the screen, U+202E reverses what is read).
#[allow(clippy::print_stdout, clippy::print_stderr)]
fn out(stream: Stream, line: &str) {
    let line = terminal_safe(line);
    match stream {
        Stream::Output => println!("{line}"),
        Stream::Error => eprintln!("{line}"),
    }
}

/// Where a line goes: results on standard output, problems and progress on standard error.
#[derive(Clone, Copy)]
enum Stream {
    Output,
    Error,
}

/// The schema is the tool's own text, not the data's.
#[allow(clippy::print_stdout)]
fn write_schema(schema: &str) {
    print!("{schema}");
}

/// `text` with every character that could drive a terminal or change the order in which
/// it shows text written as `\u{…}`: control characters (C0, DEL, C1: escape sequences,
/// bells, carriage returns) except line breaks, and invisible format characters (bidi
/// controls and marks, zero-width characters, soft hyphens, line and paragraph separators).
fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| (c.is_control() && c != '\n') || is_format_character(c);
    if !text.contains(unsafe_char) {
        return text.into();
    }
    let mut safe = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            safe.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            safe.push(c);
        }
    }
    safe.into()
}

/// Unicode's format characters (general category Cf), and the line and paragraph separators.
fn is_format_character(c: char) -> bool {
    matches!(
        c as u32,
        0xAD | 0x600..=0x605
            | 0x61C
            | 0x6DD
            | 0x70F
            | 0x890..=0x891
            | 0x8E2
            | 0x180E
            | 0x200B..=0x200F
            | 0x2028..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0001
            | 0xE0020..=0xE007F
    )
}

#[derive(Parser)]
#[command(version, about = "Tools for the News & Notices board's data file")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Checks a data file and lists every problem at once, with its line and column, the
    /// notice and the field; then warnings about valid but suspicious data. Exits with
    /// status 1 if there is any error.
    Validate {
        /// The data file.
        file: PathBuf,
    },
    /// Writes the static HTML pages of a built board: the list's pages and one page per
    /// notice, from the data file in the same folder. Run it again whenever the data changes.
    Prerender {
        /// The built board (the folder with index.html, usually dist/).
        dist: PathBuf,
        /// The data file, relative to DIST (as the page's data-src says).
        #[arg(long, default_value = "notices.json")]
        data: String,
        /// The public URL of the folder, for canonical links and link previews
        /// (e.g. https://www.example.go.kr/eng/news/). With it, the feed and the sitemap
        /// are written too (see `feed`), and every page links to the feed.
        #[arg(long, env = "NOTICE_BOARD_BASE_URL")]
        base_url: Option<String>,
        #[command(flatten)]
        prerendered: PrerenderedArg,
    },
    /// Builds a data file from a spreadsheet saved as CSV (UTF-8), one notice per row. The
    /// columns are in the README ("Importing a spreadsheet").
    Import {
        /// The CSV file.
        file: PathBuf,
        /// Where to write the data file.
        #[arg(long, short, default_value = "notices.json")]
        output: PathBuf,
        /// A data file whose board settings (title, menu, categories…) to use.
        #[arg(long)]
        board: Option<PathBuf>,
    },
    /// Writes an Atom feed of the newest notices (feed.xml) and a sitemap of every page
    /// (sitemap.xml) next to the data file, so that a deploy of the folder carries them.
    Feed {
        /// The data file.
        file: PathBuf,
        /// The public URL of the folder with the pages (e.g. https://www.example.go.kr/eng/news/).
        #[arg(long, env = "NOTICE_BOARD_BASE_URL")]
        base_url: String,
        #[command(flatten)]
        prerendered: PrerenderedArg,
    },
    /// Publishes the data file as small static files next to it (published.json and the
    /// published/ folder, each file with .br and .gz copies), so that a visit fetches only
    /// what it shows. Keeps the previous publish's files for pages still open; removes older
    /// ones. The prerender step does this too.
    Publish {
        /// The folder with the data file (usually dist/).
        dir: PathBuf,
        /// The data file, relative to DIR; the published files go next to it.
        #[arg(long, default_value = "notices.json")]
        data: String,
        /// Writes nothing: checks that the published files in DIR are complete and
        /// consistent (run it before and after uploading), lists every problem and exits
        /// with status 1 if there is any.
        #[arg(long)]
        check: bool,
    },
    /// Prints the data file's JSON Schema, generated from the types the board reads the file
    /// into (published as public/notices.schema.json).
    Schema,
}

/// How many notices get a page of their own.
#[derive(clap::Args)]
struct PrerenderedArg {
    /// How many of the newest notices get a page of their own (notice-<id>.html), with the
    /// list pages that show them; pinned notices always do. The others are reached as
    /// index.html?id=<id> and index.html?page=<n>. At least 20.
    #[arg(long = "prerendered-notices", default_value_t = Prerendered::DEFAULT_NEWEST)]
    newest: usize,
}

impl PrerenderedArg {
    fn rule(&self) -> Prerendered {
        Prerendered::newest(self.newest)
    }
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Validate { file } => run_validate(&file),
        Command::Import {
            file,
            output,
            board,
        } => run_import(&file, &output, board.as_deref()),
        Command::Prerender {
            dist,
            data,
            base_url,
            prerendered,
        } => run_prerender(&dist, data, base_url, prerendered.rule()),
        Command::Feed {
            file,
            base_url,
            prerendered,
        } => run_feed(&file, &base_url, prerendered.rule()),
        Command::Publish { dir, data, check } => match check {
            true => run_check(&dir.join(&data)),
            false => run_publish(&dir.join(&data)),
        },
        Command::Schema => {
            write_schema(&notice_core::record::schema::json_schema());
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tell!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run_validate(file: &Path) -> Result<(), String> {
    let bytes = read(file)?;
    let name = file.display();
    let url = file
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    let data = match parse_data_bytes(&bytes, &url) {
        Ok(data) => data,
        Err(error) => {
            let place = match &error {
                LoadError::Malformed { line, column, .. } | LoadError::NotUtf8 { line, column } => {
                    format!("{name}:{line}:{column}")
                }
                _ => name.to_string(),
            };
            for detail in error.details() {
                say!("{place}: error: {detail}");
            }
            return Err(format!(
                "{name}: {}",
                error.summary(notice_core::i18n::Locale::En.text())
            ));
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let report = |kind: &str, problems: &[Problem]| {
        let places: Vec<_> = problems
            .iter()
            .map(|p| (&p.place, p.field.as_str()))
            .collect();
        for (problem, place) in problems.iter().zip(locate_all(text, &places)) {
            let (line, column) = place.unwrap_or((1, 1));
            say!("{name}:{line}:{column}: {kind}: {problem}");
        }
    };
    let mut errors = data.problems.clone();
    errors.sort_by_key(|problem| match problem.place {
        Place::Board => 0,
        Place::Notice { position, .. } => position,
    });
    report("error", &errors);
    let found = warnings(&data, today());
    report("warning", &found);
    say!(
        "{name}: {} notices read, {} errors, {} warnings",
        data.notices.len(),
        errors.len(),
        found.len()
    );
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{name}: fix the errors above: the board leaves those notices or settings out"
        ))
    }
}

fn run_import(file: &Path, output: &Path, board: Option<&Path>) -> Result<(), String> {
    let text = String::from_utf8(read(file)?).map_err(|_| {
        format!(
            "{} is not UTF-8 text: save the spreadsheet as “CSV UTF-8”",
            file.display()
        )
    })?;
    let notices =
        notices_from_csv(&text).map_err(|error| format!("{}: {error}", file.display()))?;
    let board = match board {
        Some(path) => {
            let data: serde_json::Value = serde_json::from_slice(&read(path)?)
                .map_err(|error| format!("{}: {error}", path.display()))?;
            data.get("board").cloned().unwrap_or(data)
        }
        None => serde_json::json!({ "title": "News & Notices" }),
    };
    let json = serde_json::json!({ "version": 1, "board": board, "notices": notices });
    let text = serde_json::to_string_pretty(&json).map_err(|error| error.to_string())?;
    let data = parse_data_file(&text, "notices.json").map_err(|error| {
        format!(
            "{}: {} {}",
            file.display(),
            error.summary(notice_core::i18n::Locale::En.text()),
            error.details().join(" ")
        )
    })?;
    for problem in &data.problems {
        say!(
            "{}: error: {problem} (row {} of the data)",
            file.display(),
            row_of(problem)
        );
    }
    if !data.problems.is_empty() {
        return Err(format!(
            "{}: fix the rows above; nothing was written",
            file.display()
        ));
    }
    write(output, &text)?;
    say!(
        "import: wrote {} notices to {}",
        data.notices.len(),
        output.display()
    );
    Ok(())
}

fn row_of(problem: &Problem) -> String {
    match problem.place {
        Place::Notice { position, .. } => position.to_string(),
        Place::Board => "board".into(),
    }
}

fn run_feed(file: &Path, base_url: &str, prerendered: Prerendered) -> Result<(), String> {
    let data = read_data(file, "no feed was")?;
    write_feed(
        &data,
        file.parent().unwrap_or(Path::new(".")),
        base_url,
        prerendered,
    )
}

fn write_feed(
    data: &Dataset,
    dir: &Path,
    base_url: &str,
    prerendered: Prerendered,
) -> Result<(), String> {
    write(&dir.join(FEED_FILE), &feed::atom(data, base_url))?;
    let sitemaps = feed::sitemaps(data, base_url, prerendered);
    for (file, xml) in &sitemaps {
        write(&dir.join(file), xml)?;
    }
    // The parts of an earlier, larger sitemap go (parts are numbered from 1, and the index
    // is written beside them): a crawler must not read stale ones.
    let mut stale = sitemaps.len().max(1);
    while std::fs::remove_file(dir.join(feed::sitemap_part(stale))).is_ok() {
        stale += 1;
    }
    say!(
        "feed: wrote {FEED_FILE} and {} sitemap files into {}",
        sitemaps.len(),
        dir.display()
    );
    Ok(())
}

/// Publishes the data file `file` into its folder.
fn run_publish(file: &Path) -> Result<(), String> {
    let (data, text) = read_data_and_text(file, "nothing was")?;
    write_published(file, &data, &text)
}

fn write_published(file: &Path, data: &Dataset, text: &str) -> Result<(), String> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let summary = publish_into(dir, data, text)?;
    if let Some(note) = &summary.note {
        tell!("warning: {note}");
    }
    say!(
        "publish: {} files into {} ({} written, {} unchanged), removed {} old files; {} bytes, {} with brotli",
        summary.files,
        dir.display(),
        summary.written,
        summary.kept,
        summary.removed,
        summary.bytes,
        summary.brotli_bytes
    );
    Ok(())
}

/// Checks the board published next to the data file `file`.
fn run_check(file: &Path) -> Result<(), String> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let check = publish::check(dir);
    for problem in &check.problems {
        say!(
            "{}: error: {}",
            dir.join(&problem.file).display(),
            problem.message
        );
    }
    say!(
        "publish --check: {} files read in {}, {} problems",
        check.files,
        dir.display(),
        check.problems.len()
    );
    match check.problems.is_empty() {
        true => Ok(()),
        false => Err(format!(
            "{}: the published board is incomplete or inconsistent: publish it again (`notices publish`)",
            dir.display()
        )),
    }
}

fn run_prerender(
    dist: &Path,
    data_url: String,
    base_url: Option<String>,
    prerendered: Prerendered,
) -> Result<(), String> {
    let data_file = dist.join(&data_url);
    let (data, text) = read_data_and_text(&data_file, "no page was")?;
    if let Some(base_url) = &base_url {
        write_feed(&data, dist, base_url, prerendered)?;
    }
    let published = published_url(&data_url);
    let options = Options {
        published: Some(published.clone()),
        data_url,
        feed: base_url.is_some().then(|| FEED_FILE.to_string()),
        base_url,
        prerendered,
        today: Some(today()),
    };
    let template = String::from_utf8_lossy(&read(&dist.join("index.html"))?).into_owned();
    // The pages preload what the app reads first: the published entry, not the whole file.
    let preload = |href: &str| format!("<link rel=\"preload\" href=\"{href}\"");
    let template = template.replace(&preload(&options.data_url), &preload(&published));
    let read_stylesheet = |href: &str| std::fs::read_to_string(dist.join(href)).ok();
    let template = inline_stylesheets(&template, read_stylesheet);
    let widget_script = WidgetScript::for_page(&template, read_stylesheet)?;
    let data = Arc::new(data);
    let mut written = 0;
    prerender_each(&template, data.clone(), &options, |page| {
        write(&dist.join(&page.file), &page.html)?;
        written += 1;
        Ok(())
    })?;
    // Pages that the site no longer has (of deleted notices, of notices no longer among the
    // newest, and their compressed copies) go.
    let pages = SitePages::new(&data, prerendered).files();
    let mut removed = 0;
    let entries = std::fs::read_dir(dist)
        .map_err(|error| format!("cannot list {}: {error}", dist.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if pages.is_stale(&name) {
            std::fs::remove_file(entry.path())
                .map_err(|error| format!("cannot remove {name}: {error}"))?;
            removed += 1;
        }
    }
    say!(
        "prerender: wrote {written} pages into {}, removed {removed} old files",
        dist.display()
    );
    // The widget's first views, next to the data file, where `widget.js` fetches a board's
    // from when it does not hold them (it holds this board's: below).
    let data_folder = data_file.parent().unwrap_or(dist);
    // The data file's folder from the pages (`""`, `data/`), and the pages' from it.
    let (folder, _) = folder_and_file(options.data_url.trim_start_matches("./"));
    let pages = "../".repeat(folder.matches('/').count());
    let views = widget_views(data.clone(), &pages, &options);
    for view in &views {
        write(&data_folder.join(&view.file), &view.html)?;
    }
    // The script host pages include, with them in it (by their paths from it).
    let first_views: Vec<FirstView> = views
        .iter()
        .map(|view| FirstView {
            path: format!("{folder}{}", view.file),
            html: &view.html,
        })
        .collect();
    let script = widget_script.with_first_views(&first_views);
    write(&dist.join(WIDGET_SCRIPT), &script)?;
    // The published form, which the pages name (`data-published`), next to the data file.
    write_published(&data_file, &data, &text)
}

/// The entry's URL relative to the pages, from the data file's: in the same folder.
fn published_url(data_url: &str) -> String {
    let (folder, _) = folder_and_file(data_url);
    format!("{folder}{}", notice_core::published::ENTRY_FILE)
}

/// Reads and checks a data file; `what` says what is not written if it is invalid.
fn read_data(path: &Path, what: &str) -> Result<Dataset, String> {
    read_data_and_text(path, what).map(|(data, _)| data)
}

/// [`read_data`], and the file's text (which publishing copies as it is).
fn read_data_and_text(path: &Path, what: &str) -> Result<(Dataset, String), String> {
    let url = path
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    let bytes = read(path)?;
    let data = parse_data_bytes(&bytes, &url).map_err(|error| {
        format!(
            "{} is not a valid data file, so {what} written.\n{}\n{}",
            path.display(),
            error.summary(notice_core::i18n::Locale::En.text()),
            error.details().join("\n")
        )
    })?;
    for problem in &data.problems {
        let consequence = match problem.place {
            Place::Board => "the board uses its default instead",
            Place::Notice { .. } => "this notice is left out",
        };
        tell!("warning: {problem} ({consequence})");
    }
    // A file the reader accepts is UTF-8 (with, perhaps, a byte order mark).
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    Ok((data, text))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))
}

/// Writes a file whole (see [`publish::write_whole`]): the folder may be served meanwhile,
/// and a host page that got half of `widget.js` would show no board at all.
fn write(path: &Path, text: &str) -> Result<(), String> {
    publish::write_whole(path, text.as_bytes())
}

/// Today's date (UTC) from the system clock.
fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    Date::from_day_number((seconds / 86_400) as i64)
}
