use crate::components::Heading;
use crate::model::LoadError;
use leptos::prelude::*;

/// Shown when the data file cannot be used at all: what happened in plain words, what to do,
/// a "Try again" button, and the exact details for the web team.
#[component]
pub fn ErrorView(error: LoadError, on_retry: impl Fn() + 'static) -> impl IntoView {
    let details = error.details();
    view! {
        <Heading class="page-title view-heading">"Sorry, the notices could not be loaded"</Heading>
        <div class="error-summary">
            <p>{error.summary()}</p>
            <p>{error.advice()}</p>
            <button type="button" class="button" on:click=move |_| on_retry()>
                "Try again"
            </button>
        </div>
        <details class="problem-details">
            <summary>"Details for the web team"</summary>
            <ul>{details.into_iter().map(|detail| view! { <li>{detail}</li> }).collect_view()}</ul>
        </details>
    }
}
