//! Checked arithmetic.
//!
//! ```text
//! add(1, 2) == Some(3)
//! ```

/// Adds two numbers without overflow.
///
/// ```ignore
/// assert_eq!(add(1, 2), Some(3));
/// ```
pub fn add(a: u32, b: u32) -> Option<u32> {
    a.checked_add(b)
}
