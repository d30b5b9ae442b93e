//! Checked arithmetic.

/// Adds two numbers without overflow.
pub fn add(a: u32, b: u32) -> Option<u32> {
    a.checked_add(b)
}
