//! One file per view. Each view renders the content of `<main>`, with exactly one `h1`.

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
