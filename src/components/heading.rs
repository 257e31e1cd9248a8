use crate::context::HeadingLevel;
use leptos::prelude::*;

/// A heading at the board's level: the view's main heading (`sub` false) or one level below.
/// On its own page the board's headings start at `h1`; in a host page they start at the level
/// the host asks for (`data-heading-level`), to fit the host's outline.
#[component]
pub fn Heading(
    #[prop(optional)] sub: bool,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] id: &'static str,
    #[prop(default = None)] lang: Option<String>,
    children: Children,
) -> impl IntoView {
    let level = expect_context::<HeadingLevel>().0 + u8::from(sub);
    let class = (!class.is_empty()).then_some(class);
    let id = (!id.is_empty()).then_some(id);
    let children = children();
    match level {
        0 | 1 => view! { <h1 class=class id=id lang=lang>{children}</h1> }.into_any(),
        2 => view! { <h2 class=class id=id lang=lang>{children}</h2> }.into_any(),
        3 => view! { <h3 class=class id=id lang=lang>{children}</h3> }.into_any(),
        4 => view! { <h4 class=class id=id lang=lang>{children}</h4> }.into_any(),
        5 => view! { <h5 class=class id=id lang=lang>{children}</h5> }.into_any(),
        _ => view! { <h6 class=class id=id lang=lang>{children}</h6> }.into_any(),
    }
}
