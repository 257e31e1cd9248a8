//! `widget.js`, the one script a host page includes to embed boards (`js/widget.js`, see
//! docs/embedding.md), written by the prerender step next to the board's pages. It is the
//! template with this build's file names, the board's stylesheet and the board's first
//! views put in, so that a host page shows the board as soon as the script has run: no
//! request for the stylesheet or the first view comes after it (each was a round trip more,
//! 150 ms on a slow phone network).
//!
//! The file holds the board's first notices, so it changes with the data: it is served with
//! `no-cache`, as it always was (docs/deploying.md).

/// Its name, next to the board's pages.
pub const WIDGET_SCRIPT: &str = "widget.js";
const TEMPLATE: &str = include_str!("../../../js/widget.js");

/// One first view to put in: the file's path from the script (`widget.html`,
/// `data/widget-latest.html`), where the script would otherwise fetch it from, and its
/// markup (which names the data files it is the view of: see
/// [`crate::prerender::widget_views`]).
pub struct FirstView<'a> {
    pub path: String,
    pub html: &'a str,
}

/// This build's part of the script: the app's files, and its stylesheet's text.
pub struct WidgetScript {
    glue: String,
    wasm: String,
    css: String,
    style: String,
}

impl WidgetScript {
    /// The files the page `index_html` (the built page, or a prerendered one) names, with
    /// the text of its stylesheet, which `read` gives by its `href`. Fails if the page names
    /// no app or stylesheet (it is not the built `index.html`), before anything is written.
    pub fn for_page(
        index_html: &str,
        read: impl Fn(&str) -> Option<String>,
    ) -> Result<WidgetScript, String> {
        // trunk writes the app's files into the page's start.js tag (Trunk.toml,
        // pattern_script); the prerender step puts the stylesheet into the page as
        // <style data-href="./main-….css">.
        let glue = attribute_value(index_html, "data-glue=\"")?;
        let wasm = attribute_value(index_html, "data-wasm=\"")?;
        let css = attribute_value(index_html, "data-href=\"")
            .or_else(|_| attribute_value(index_html, "<link rel=\"stylesheet\" href=\""))?;
        let style = read(css).ok_or_else(|| format!("cannot read the stylesheet {css}"))?;
        Ok(WidgetScript {
            glue: glue.into(),
            wasm: wasm.into(),
            css: css.into(),
            style,
        })
    }

    /// The script, holding `first_views`.
    pub fn with_first_views(&self, first_views: &[FirstView]) -> String {
        let views: serde_json::Map<String, serde_json::Value> = first_views
            .iter()
            .map(|view| (view.path.clone(), view.html.into()))
            .collect();
        let as_js = |value: serde_json::Value| value.to_string();
        // The board's own text goes in last: no placeholder is looked for inside it.
        TEMPLATE
            .replace("__GLUE__", &self.glue)
            .replace("__WASM__", &self.wasm)
            .replace("__CSS__", &self.css)
            .replace("__STYLE__", &as_js(self.style.as_str().into()))
            .replace("__FIRST_VIEWS__", &as_js(views.into()))
    }
}

/// The value of the first attribute that starts with `start` (up to and with its opening
/// quote), without a leading `./`.
fn attribute_value<'a>(html: &'a str, start: &str) -> Result<&'a str, String> {
    let missing = || format!("index.html has no {start}…\" (is it the built page?)");
    let value_start = html.find(start).ok_or_else(missing)? + start.len();
    let length = html[value_start..].find('"').ok_or_else(missing)?;
    let value = &html[value_start..value_start + length];
    Ok(value.strip_prefix("./").unwrap_or(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<head><style data-href="./main-0a1b.css">body{}</style>
<script type="module" src="./start.js" data-glue="./notice-board-12ab.js" data-wasm="./notice-board-12ab_bg.wasm"></script>"#;

    #[test]
    fn the_script_names_the_build_files_and_holds_the_stylesheet_and_first_views() {
        let read =
            |href: &str| (href == "main-0a1b.css").then(|| "a::after{content:\"</\"}".into());
        let views = [FirstView {
            path: "widget.html".into(),
            html: "<div class=\"board-widget\">공지 \u{2028}</div>",
        }];
        let script = WidgetScript::for_page(PAGE, read)
            .unwrap()
            .with_first_views(&views);
        assert!(script.contains("import('./notice-board-12ab.js')"));
        assert!(script.contains("'./notice-board-12ab_bg.wasm'"));
        assert!(script.contains("'./main-0a1b.css'"));
        assert!(script.contains(r#"const STYLE = "a::after{content:\"</\"}";"#));
        assert!(script.contains(concat!(
            r#"const FIRST_VIEWS = {"widget.html":"<div class=\"board-widget\">공지 "#,
            "\u{2028}</div>\"};"
        )));
        assert!(!script.contains("__"), "a placeholder is left");
    }

    #[test]
    fn a_page_that_is_not_the_built_one_is_refused() {
        let error = WidgetScript::for_page("<html></html>", |_| None)
            .err()
            .unwrap();
        assert!(error.contains("data-glue"));
        let unreadable = WidgetScript::for_page(PAGE, |_| None).err().unwrap();
        assert!(unreadable.contains("main-0a1b.css"));
    }
}
