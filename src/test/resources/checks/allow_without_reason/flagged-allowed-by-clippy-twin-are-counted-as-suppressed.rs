#![allow(clippy::allow_attributes_without_reason)] // ~ suppressed: allow_without_reason
//! The crate root opts out of the lint, so every allow below is suppressed, not active.

#[allow(dead_code)] // ~ suppressed: allow_without_reason
fn unused() {}

pub mod inner {
    #[allow(dead_code)] // ~ suppressed: allow_without_reason
    fn unused() {}
}
