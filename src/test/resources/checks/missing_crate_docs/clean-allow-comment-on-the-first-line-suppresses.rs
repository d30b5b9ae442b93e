// rustlens:allow(missing_crate_docs) ~ suppressed: missing_crate_docs
// An internal helper crate, documented in the workspace's README.

/// Adds two numbers without overflow.
pub fn add(a: u32, b: u32) -> Option<u32> {
    a.checked_add(b)
}
