//! One file per view. Each view renders the content of the board's main region, led by
//! exactly one main heading ([`crate::components::Heading`]: `h1` on the board's own page, the
//! level the host page chooses in a widget).

mod detail;
mod error;
pub mod latest;
mod list;
mod loading;
mod not_found;

pub use detail::NoticeDetail;
pub use error::ErrorView;
pub use latest::LatestList;
pub use list::NoticeList;
pub use loading::LoadingView;
pub use not_found::NotFound;
