#![allow(clippy::module_name_repetitions, reason = "the API reads better with full names")]
//! A crate that says why it silences lints.

#[allow(dead_code, reason = "kept for the next release")]
fn unused() {}

#[expect(
    clippy::cast_possible_truncation,
    reason = "callers pass values below 2^32"
)]
pub fn truncate(x: u64) -> u32 {
    x as u32
}

#[allow(clippy::similar_names, reason="names from the paper")]
pub fn names(lhs: u8, rhs: u8) -> u8 {
    lhs + rhs
}

#[warn(clippy::pedantic)]
#[deny(unsafe_code)]
#[derive(Debug)]
#[cfg_attr(test, derive(Clone))]
pub struct Plain;

// An allow in a comment is not an attribute: #[allow(dead_code)]
/// Docs may mention `#[allow(dead_code)]` too.
pub fn documented() {}
