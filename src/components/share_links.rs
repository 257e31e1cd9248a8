use crate::components::text;
use crate::config::Mode;
use crate::context::Status;
use crate::navigation::Navigation;
use crate::platform;
use crate::platform::Base;
use leptos::prelude::*;
use notice_core::i18n::{Locale, Text};

/// "Copy link" and, where the device offers one, "Share" (its share sheet) for the notice on
/// screen. Both need the app: the prerendered page carries them `hidden`, and the app shows
/// them once it runs in the browser (an effect, which never runs when rendering natively).
/// Same markup either way, so the app takes the page over without moving anything but them.
///
/// The address is the notice's own: on the board's page its file (`notice-63605.html`, from
/// the page's canonical address when it has one), in a widget the host page's address with
/// the board's parameters, as in the address bar.
#[component]
pub fn ShareLinks(title: String) -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let status = use_context::<Status>();
    let locale = use_context::<Memo<Locale>>();
    // Event handlers and tasks run outside the component: they read the language this way.
    let words =
        move || -> &'static Text { locale.map(|l| l.get_untracked()).unwrap_or_default().text() };
    let mode = expect_context::<Mode>();
    let address = move || {
        platform::absolute_url(
            &nav.share_href(),
            match mode {
                Mode::Page => Base::Canonical,
                Mode::Widget => Base::Shown,
            },
        )
    };
    // None until the app runs; then whether the device has a share sheet.
    let share_sheet = RwSignal::new(None::<bool>);
    Effect::new(move || share_sheet.set(Some(platform::can_share())));
    // What the last "Copy link" did: copied, or refused (with the address to copy by hand).
    let outcome = RwSignal::new(None::<Result<(), String>>);
    let address_field = NodeRef::<leptos::html::Input>::new();
    let announce = move |message: &'static str| {
        if let Some(status) = status {
            status.say_now(message);
        }
    };
    let copy = move |_| {
        let address = address();
        leptos::task::spawn_local(async move {
            if platform::copy_text(&address).await {
                outcome.set(Some(Ok(())));
                announce(words().link_copied);
            } else {
                outcome.set(Some(Err(address)));
                announce(words().copy_failed);
                platform::after_render(move || {
                    if let Some(field) = address_field.get_untracked() {
                        platform::select_all(&field);
                    }
                });
            }
        });
    };
    let title = StoredValue::new(title);
    let share = move |_| {
        let address = address();
        leptos::task::spawn_local(async move {
            platform::share(&title.get_value(), &address).await;
        });
    };
    let share_button = move || {
        share_sheet.get().unwrap_or(false).then(|| {
            view! {
                <button type="button" class="button button-secondary" on:click=share>
                    {move || text().share}
                </button>
            }
        })
    };
    let feedback = move || {
        match outcome.get()? {
        Ok(()) => Some(view! { <p class="share-feedback">{move || text().link_copied}</p> }.into_any()),
        Err(address) => Some(
            view! {
                <div class="share-fallback">
                    <p class="share-feedback">{move || text().copy_failed}</p>
                    <label for="notice-address">{move || text().notice_address}</label>
                    <input id="notice-address" type="text" readonly value=address node_ref=address_field />
                </div>
            }
            .into_any(),
        ),
    }
    };
    view! {
        <div class="notice-share" hidden=move || share_sheet.get().is_none()>
            <div class="notice-share-buttons">
                <button type="button" class="button button-secondary" on:click=copy>
                    {move || text().copy_link}
                </button>
                {share_button}
            </div>
            {feedback}
        </div>
    }
}
