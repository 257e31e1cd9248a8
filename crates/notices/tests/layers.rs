//! The workspace's layers, checked on its sources: the core crate knows nothing of Leptos or
//! the browser, and within each crate no two top-level modules need each other (a cycle
//! means neither can be read, tested or moved on its own).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The Rust files under `dir`, recursively.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(sources(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
    found
}

/// The code of a source file that the crate itself is built from: without its tests (a
/// `tests.rs` file, or the `#[cfg(test)]` module at the end of a file) and comments.
fn built_code(path: &Path) -> String {
    if path.file_name().is_some_and(|name| name == "tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(path).unwrap();
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Which top-level modules of the crate in `src` each one uses (`crate::other…`).
fn module_graph(src: &Path) -> BTreeMap<String, Vec<String>> {
    let top_level = |path: &Path| -> Option<String> {
        let first = path.strip_prefix(src).ok()?.components().next()?;
        let name = first
            .as_os_str()
            .to_str()?
            .trim_end_matches(".rs")
            .to_string();
        (!["lib", "main"].contains(&name.as_str())).then_some(name)
    };
    let mut graph: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let files = sources(src);
    for path in &files {
        if let Some(module) = top_level(path) {
            graph.entry(module).or_default();
        }
    }
    // `crate::Dataset` means the module that `lib.rs` re-exports it from.
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap_or_default();
    let re_exports: BTreeMap<String, String> = lib
        .lines()
        .filter_map(|line| line.strip_prefix("pub use "))
        .flat_map(|line| {
            let (module, names) = line.split_once("::").unwrap_or((line, ""));
            names
                .trim_matches(|c: char| "{};".contains(c))
                .split(',')
                .map(|name| (name.trim().to_string(), module.to_string()))
                .collect::<Vec<_>>()
        })
        .collect();
    for path in &files {
        let Some(module) = top_level(path) else {
            continue;
        };
        let code = built_code(path);
        // In a top-level file, `super::` is the crate root too.
        let is_top_level = path.parent() == Some(src);
        let roots: &[&str] = if is_top_level {
            &["crate::", "super::"]
        } else {
            &["crate::"]
        };
        for root in roots {
            for (at, _) in code.match_indices(root) {
                for used in first_segments(&code[at + root.len()..]) {
                    let used = re_exports.get(&used).cloned().unwrap_or(used);
                    if used != module && graph.contains_key(&used) {
                        let uses = graph.get_mut(&module).unwrap();
                        if !uses.contains(&used) {
                            uses.push(used);
                        }
                    }
                }
            }
        }
    }
    graph
}

/// The first name of each path in `code` after `crate::`: `a` in `a::b`, `a` and `c` in
/// `{a::b, c}`.
fn first_segments(code: &str) -> Vec<String> {
    let name = |text: &str| -> String {
        text.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    match code.strip_prefix('{') {
        Some(group) => group
            .split('}')
            .next()
            .unwrap_or_default()
            .split(',')
            .map(name)
            .collect(),
        None => vec![name(code)],
    }
}

/// A cycle in `graph`, as the modules along it, if there is one.
fn find_cycle(graph: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Unvisited,
        OnPath,
        Done,
    }
    fn visit(
        module: &str,
        graph: &BTreeMap<String, Vec<String>>,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        marks.insert(module.to_string(), Mark::OnPath);
        path.push(module.to_string());
        for next in &graph[module] {
            match marks[next] {
                Mark::OnPath => {
                    let start = path.iter().position(|m| m == next).unwrap();
                    let mut cycle = path[start..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Mark::Unvisited => {
                    if let Some(cycle) = visit(next, graph, marks, path) {
                        return Some(cycle);
                    }
                }
                Mark::Done => {}
            }
        }
        path.pop();
        marks.insert(module.to_string(), Mark::Done);
        None
    }
    let mut marks: BTreeMap<String, Mark> =
        graph.keys().map(|m| (m.clone(), Mark::Unvisited)).collect();
    for module in graph.keys() {
        if marks[module] == Mark::Unvisited {
            if let Some(cycle) = visit(module, graph, &mut marks, &mut Vec::new()) {
                return Some(cycle);
            }
        }
    }
    None
}

#[test]
fn no_two_modules_of_a_crate_need_each_other() {
    for src in ["src", "crates/core/src", "crates/notices/src"] {
        let graph = module_graph(&workspace().join(src));
        assert!(graph.len() > 3, "{src} has its modules");
        if let Some(cycle) = find_cycle(&graph) {
            panic!("{src}: the modules {} use each other", cycle.join(" → "));
        }
    }
}

#[test]
fn a_cycle_between_modules_is_found() {
    let graph = |edges: &[(&str, &str)]| {
        let mut graph: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (from, to) in edges {
            graph.entry(to.to_string()).or_default();
            graph
                .entry(from.to_string())
                .or_default()
                .push(to.to_string());
        }
        graph
    };
    let cycle = find_cycle(&graph(&[
        ("app", "views"),
        ("views", "nav"),
        ("nav", "app"),
    ]));
    assert_eq!(cycle.unwrap(), ["app", "views", "nav", "app"]);
    assert_eq!(
        find_cycle(&graph(&[
            ("app", "views"),
            ("app", "nav"),
            ("views", "nav")
        ])),
        None
    );
}

#[test]
fn the_core_knows_nothing_of_leptos_or_the_browser() {
    let manifest = std::fs::read_to_string(workspace().join("crates/core/Cargo.toml")).unwrap();
    let code: String = sources(&workspace().join("crates/core/src"))
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect();
    for crate_name in [
        "leptos",
        "web-sys",
        "web_sys",
        "wasm-bindgen",
        "wasm_bindgen",
        "js-sys",
        "js_sys",
        "gloo",
    ] {
        assert!(
            !manifest.contains(crate_name),
            "crates/core depends on {crate_name}"
        );
        assert!(
            !code.contains(&format!("{crate_name}::")),
            "crates/core uses {crate_name}"
        );
    }
}
