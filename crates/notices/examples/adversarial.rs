//! The adversarial-input benchmark: every pathological pattern of `tests/support/hostile.rs`
//! at 1, 2 and 4 MB (or the sizes given), and boards of many notices, through each stage a
//! data file goes through, so that a stage whose time grows faster than its input stands out.
//!
//! Usage: cargo run --profile tools -p notices --example adversarial [-- SIZE_IN_KB… [--notices N…]]
//! (defaults: 1024 2048 4096 KB; 1,000, 10,000 and 100,000 notices)
//! Prints one Markdown row per pattern: milliseconds per stage at each size, and the growth
//! of the total from the smallest to the largest size (linear: about the size ratio).

#[path = "../tests/support/hostile.rs"]
mod hostile;

use hostile::stages;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (sizes, counts) = match args.iter().position(|arg| arg == "--notices") {
        Some(at) => (&args[..at], &args[at + 1..]),
        None => (&args[..], &[][..]),
    };
    let number = |arg: &String| arg.parse::<usize>().expect("whole numbers");
    let sizes: Vec<usize> = sizes.iter().map(|kb| number(kb) * 1024).collect();
    let counts: Vec<usize> = counts.iter().map(number).collect();
    let counts = if counts.is_empty() {
        vec![1_000, 10_000, 100_000]
    } else {
        counts
    };
    let sizes = if sizes.is_empty() {
        vec![1 << 20, 2 << 20, 4 << 20]
    } else {
        sizes
    };
    let header: Vec<String> = sizes.iter().map(|s| format!("{} KB", s / 1024)).collect();
    println!(
        "Milliseconds per stage (read / warnings / prerender / feed / text formatting and search) at {}; growth of the total from the first size to the last (input grew {}×).\n",
        header.join(", "),
        sizes[sizes.len() - 1] / sizes[0]
    );
    println!("| pattern | {} | growth |", header.join(" | "));
    println!("|---|{}---|", "---|".repeat(sizes.len()));
    let mut worst = (0.0, "");
    for pattern in hostile::patterns() {
        let mut cells = Vec::new();
        let mut totals = Vec::new();
        for &size in &sizes {
            let text = hostile::data_file_with_body(&(pattern.make)(size), pattern.place);
            // The fastest of three runs: the least disturbed by the rest of the machine.
            let times = (0..3)
                .map(|_| stages(&text))
                .min_by(|a, b| a.iter().sum::<f64>().total_cmp(&b.iter().sum()))
                .expect("three runs");
            totals.push(times.iter().sum::<f64>());
            let parts: Vec<String> = times.iter().map(|t| format!("{t:.0}")).collect();
            cells.push(parts.join(" / "));
        }
        let growth = totals[totals.len() - 1] / totals[0].max(0.001);
        if growth > worst.0 {
            worst = (growth, pattern.name);
        }
        println!(
            "| {} | {} | {growth:.1}× |",
            pattern.name,
            cells.join(" | ")
        );
    }
    println!("\nLargest growth: {:.1}× ({})", worst.0, worst.1);
    println!("\nMany notices (read / warnings / prerender / feed / formatting, ms):\n");
    println!(
        "| notices | read | warnings | prerender | feed | formatting and search |\n|---|---|---|---|---|---|"
    );
    for count in counts {
        let text = hostile::data_file_with_notices(count);
        let t = stages(&text);
        println!(
            "| {count} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} |",
            t[0], t[1], t[2], t[3], t[4]
        );
    }
}
