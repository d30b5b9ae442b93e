//! A documented library.

/// Counts.
pub fn count() -> u32 {
    1
}
