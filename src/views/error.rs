use crate::components::{text, Heading};
use leptos::prelude::*;
use notice_core::LoadError;

/// Shown when the data file cannot be used at all: what happened in plain words, what to do,
/// a "Try again" button, and the exact details for the web team.
#[component]
pub fn ErrorView(error: LoadError, on_retry: impl Fn() + 'static) -> impl IntoView {
    let details = error.details();
    let text = text();
    // The details are for the web team, in English as the command-line tools write them.
    let details_lang = (text.lang != "en").then_some("en");
    view! {
        <Heading class="page-title view-heading">{text.error_heading}</Heading>
        <div class="error-summary">
            <p>{error.summary(text)}</p>
            <p>{error.advice(text)}</p>
            <button type="button" class="button" on:click=move |_| on_retry()>
                {text.try_again}
            </button>
        </div>
        <details class="problem-details">
            <summary>{text.details_for_team}</summary>
            <ul lang=details_lang>{details.into_iter().map(|detail| view! { <li>{detail}</li> }).collect_view()}</ul>
        </details>
    }
}
