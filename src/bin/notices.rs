//! `notices`: the command-line tool for the board's data file, sharing the app's data model.
//!
//! ```text
//! cargo run --release --bin notices -- prerender dist/
//! ```

use clap::{Parser, Subcommand};
use notice_board::model::parse::parse_data_bytes;
use notice_board::model::Date;
use notice_board::prerender::{inline_stylesheets, prerender, Options};
use notice_board::url_state::is_view_file;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser)]
#[command(version, about = "Tools for the News & Notices board's data file")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Writes the static HTML pages of a built board: the list's pages and one page per
    /// notice, from the data file in the same folder. Run it again whenever the data changes.
    Prerender {
        /// The built board (the folder with index.html, usually dist/).
        dist: PathBuf,
        /// The data file, relative to DIST (as the page's data-src says).
        #[arg(long, default_value = "notices.json")]
        data: String,
        /// The public URL of the folder, for canonical links and link previews
        /// (e.g. https://www.example.go.kr/eng/news/).
        #[arg(long, env = "NOTICE_BOARD_BASE_URL")]
        base_url: Option<String>,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Prerender {
            dist,
            data,
            base_url,
        } => run_prerender(&dist, data, base_url),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run_prerender(dist: &Path, data_url: String, base_url: Option<String>) -> Result<(), String> {
    let read = |path: &Path| {
        std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))
    };
    let data_path = dist.join(&data_url);
    let data = parse_data_bytes(&read(&data_path)?, &data_url).map_err(|error| {
        format!(
            "{} is not a valid data file, so no page was written.\n{}\n{}",
            data_path.display(),
            error.summary(),
            error.details().join("\n")
        )
    })?;
    for problem in &data.problems {
        eprintln!("warning: {problem} (this notice is left out)");
    }
    let options = Options {
        data_url,
        base_url,
        today: Some(today()),
    };
    let template = String::from_utf8_lossy(&read(&dist.join("index.html"))?).into_owned();
    let template = inline_stylesheets(&template, |href| {
        std::fs::read_to_string(dist.join(href)).ok()
    });
    let pages = prerender(&template, Arc::new(data), &options)?;
    for page in &pages {
        let path = dist.join(&page.file);
        std::fs::write(&path, &page.html)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    }
    // Pages of notices that are gone from the data (and their compressed copies) go too.
    let written: HashSet<&str> = pages.iter().map(|page| page.file.as_str()).collect();
    let mut removed = 0;
    let entries = std::fs::read_dir(dist)
        .map_err(|error| format!("cannot list {}: {error}", dist.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let page = name.trim_end_matches(".br").trim_end_matches(".gz");
        if is_view_file(page) && !written.contains(page) {
            std::fs::remove_file(entry.path())
                .map_err(|error| format!("cannot remove {name}: {error}"))?;
            removed += 1;
        }
    }
    println!(
        "prerender: wrote {} pages into {}, removed {removed} old files",
        pages.len(),
        dist.display()
    );
    Ok(())
}

/// Today's date (UTC) from the system clock.
fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    Date::from_day_number((seconds / 86_400) as i64)
}
