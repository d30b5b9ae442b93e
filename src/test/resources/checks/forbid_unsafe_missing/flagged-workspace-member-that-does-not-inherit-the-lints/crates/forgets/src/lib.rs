// ~ finding: forbid_unsafe_missing
//! Workspace lints apply only with `[lints] workspace = true`, which this crate lacks.

/// Halves a number.
pub fn half(x: u32) -> u32 {
    x / 2
}
