//! Taking over a prerendered board: the app's copy replaces it without anything moving,
//! and what the person already did on the page is carried over.

use super::{document, window, WIDGET_ROOT};
use wasm_bindgen::{JsCast, JsValue};

/// Replaces the prerendered board in the element `root_id` (or in its shadow root, for a
/// widget) with the app's `board`, which has the same markup: nothing moves on screen.
/// What the person did before the app started is carried over: the scroll position, which
/// element has focus, and anything typed or chosen in the form (replayed as input, so the
/// app acts on it).
pub fn take_over(root_id: &str, board: &web_sys::Element) {
    let Some(mount) = document().get_element_by_id(root_id) else {
        return;
    };
    // A widget's board is in its shadow root, where focus is tracked apart from the page.
    let (host, active) = match mount.shadow_root() {
        Some(shadow) => {
            let Ok(Some(root)) = shadow.query_selector(WIDGET_ROOT) else {
                return;
            };
            (root, shadow.active_element())
        }
        None => (mount, document().active_element()),
    };
    let (scroll_x, scroll_y) = (
        window().scroll_x().unwrap_or(0.0),
        window().scroll_y().unwrap_or(0.0),
    );
    let focused = active.and_then(|element| Some((element_path(&host, &element)?, element)));
    let typed: Vec<Option<(Option<String>, JsValue)>> = form_controls(&host)
        .iter()
        .map(|control| {
            changed_by_person(control)
                .then(|| (control.get_attribute("name"), control_value(control)))
        })
        .collect();

    host.replace_children_with_node_1(board);
    let _ = host.remove_attribute("data-prerendered");

    // If the app shows another view than the page did (an old `?id=` link), the form and
    // the focused element are not there any more: only the same ones are carried over.
    for (control, typed) in form_controls(&host).iter().zip(typed) {
        let Some((name, old)) = typed else {
            continue;
        };
        if control.get_attribute("name") == name && control_value(control) != old {
            let _ = js_sys::Reflect::set(control, &JsValue::from_str("value"), &old);
            for kind in ["input", "change"] {
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
                    let _ = control.dispatch_event(&event);
                }
            }
        }
    }
    let same = |old: &web_sys::Element, new: &web_sys::Element| {
        old.tag_name() == new.tag_name() && old.text_content() == new.text_content()
    };
    let refocus =
        focused.and_then(|(path, old)| element_at(&host, &path).filter(|new| same(&old, new)));
    if let Some(element) = refocus {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
    }
    window().scroll_to_with_x_and_y(scroll_x, scroll_y);
}

/// The position of `element` under `root`, as element-child indexes from the top.
fn element_path(root: &web_sys::Element, element: &web_sys::Element) -> Option<Vec<usize>> {
    let mut path = Vec::new();
    let mut current = element.clone();
    while &current != root {
        let mut index = 0;
        let mut sibling = current.previous_element_sibling();
        while let Some(previous) = sibling {
            index += 1;
            sibling = previous.previous_element_sibling();
        }
        path.push(index);
        current = current.parent_element()?;
    }
    path.reverse();
    Some(path)
}

fn element_at(root: &web_sys::Element, path: &[usize]) -> Option<web_sys::Element> {
    let mut current = root.clone();
    for &index in path {
        current = current.first_element_child()?;
        for _ in 0..index {
            current = current.next_element_sibling()?;
        }
    }
    Some(current)
}

fn form_controls(root: &web_sys::Element) -> Vec<web_sys::Element> {
    let Ok(found) = root.query_selector_all("input, select, textarea") else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|index| found.item(index)?.dyn_into().ok())
        .collect()
}

/// Whether a form control's value is no longer the one the page came with.
fn changed_by_person(control: &web_sys::Element) -> bool {
    let property = |element: &web_sys::Element, name: &str| {
        js_sys::Reflect::get(element, &JsValue::from_str(name)).unwrap_or(JsValue::NULL)
    };
    if control.tag_name().eq_ignore_ascii_case("select") {
        let Ok(options) = control.query_selector_all("option") else {
            return false;
        };
        // The page's choice is the option marked `selected`, or else the first one.
        let chosen_by_page = (0..options.length())
            .find(|&index| {
                options.item(index).is_some_and(|option| {
                    property(option.unchecked_ref(), "defaultSelected").is_truthy()
                })
            })
            .unwrap_or(0);
        property(control, "selectedIndex").as_f64() != Some(f64::from(chosen_by_page))
    } else {
        property(control, "value") != property(control, "defaultValue")
    }
}

fn control_value(control: &web_sys::Element) -> JsValue {
    js_sys::Reflect::get(control, &JsValue::from_str("value")).unwrap_or(JsValue::NULL)
}
